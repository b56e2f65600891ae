import Foundation

/// Text direction of a language's script.
public enum TextDirection: String, Sendable, Hashable {
    case ltr
    case rtl

    /// The direction the language of a BCP 47 tag is written in, from its script (`ur` → Arabic → right to left,
    /// `ti` → Ethiopic → left to right); nil when the system knows no script for it.
    static func written(_ tag: String) -> TextDirection? {
        if rightToLeftLanguagesICULacks.contains(tag.lowercased()) { return .rtl }
        let language = Locale.Language(identifier: tag)
        guard let script = language.script?.identifier else { return nil }
        return rightToLeftScripts.contains(script) || language.characterDirection == .rightToLeft ? .rtl : .ltr
    }

    /// ISO 15924 codes of the right-to-left scripts in use (ICU's own direction misses some languages written in
    /// them, such as Southern Pashto, `pbt`).
    private static let rightToLeftScripts: Set<String> = [
        "Adlm", "Arab", "Aran", "Hebr", "Mand", "Mend", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi",
    ]

    /// Codes of languages written right to left for which ICU knows no script: Dari (`prs`; `fa-AF` is known),
    /// Northern Pashto and Western Punjabi (Shahmukhi).
    private static let rightToLeftLanguagesICULacks: Set<String> = ["prs", "pbu", "pnb"]
}

/// A language the site is published in, as declared in site.yml.
///
/// Its fields live in one copy-on-write box: every page's context, filters and summaries hold the reader's
/// language, and copying it is then one reference count instead of one for each of its texts.
public struct Language: Sendable, Hashable {
    private final class Fields: @unchecked Sendable {
        // Mutated only while uniquely referenced (see `uniqueFields`), like the storage of an array.
        var code: String
        var name: String
        var direction: TextDirection
        var locale: String
        var fallbacks: [String]
        var hreflang: String?
        var chain: [String]

        init(
            code: String, name: String, direction: TextDirection, locale: String, fallbacks: [String],
            hreflang: String?
        ) {
            self.code = code
            self.name = name
            self.direction = direction
            self.locale = locale
            self.fallbacks = fallbacks
            self.hreflang = hreflang
            chain = [code] + fallbacks
        }

        func copy() -> Fields {
            Fields(
                code: code, name: name, direction: direction, locale: locale, fallbacks: fallbacks, hreflang: hreflang)
        }
    }

    private var fields: Fields

    public init(
        code: String, name: String, direction: TextDirection = .ltr, locale: String? = nil,
        fallbacks: [String] = [], hreflang: String? = nil
    ) {
        fields = Fields(
            code: code, name: name, direction: direction, locale: locale ?? code, fallbacks: fallbacks,
            hreflang: hreflang)
    }

    private mutating func uniqueFields() {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
    }

    /// Folder name and URL segment, a BCP 47 tag such as `de`, `ar` or `de-x-ls`.
    public var code: String {
        get { fields.code }
        set {
            uniqueFields()
            fields.code = newValue
            fields.chain = [newValue] + fields.fallbacks
        }
    }

    /// The language's name in its own script (endonym), shown to readers.
    public var name: String {
        get { fields.name }
        set {
            uniqueFields()
            fields.name = newValue
        }
    }

    public var direction: TextDirection {
        get { fields.direction }
        set {
            uniqueFields()
            fields.direction = newValue
        }
    }

    /// ICU locale for dates and numbers; the code by default.
    public var locale: String {
        get { fields.locale }
        set {
            uniqueFields()
            fields.locale = newValue
        }
    }

    /// Languages tried, in order, when a page or UI string is missing; always ends at the site's default language.
    public var fallbacks: [String] {
        get { fields.fallbacks }
        set {
            uniqueFields()
            fields.fallbacks = newValue
            fields.chain = [fields.code] + newValue
        }
    }

    /// The `hreflang` value advertised for this language, or nil when it is never advertised (`hreflang: none`).
    public var hreflang: String? {
        get { fields.hreflang }
        set {
            uniqueFields()
            fields.hreflang = newValue
        }
    }

    /// This language followed by its fallbacks: the order in which page texts and UI strings are looked up.
    /// Stored, not computed: every lookup of a page's text walks it.
    public var chain: [String] { fields.chain }

    public static func == (left: Language, right: Language) -> Bool {
        left.fields === right.fields
            || (left.code == right.code && left.name == right.name && left.direction == right.direction
                && left.locale == right.locale && left.fallbacks == right.fallbacks && left.hreflang == right.hreflang)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(name)
        hasher.combine(direction)
        hasher.combine(locale)
        hasher.combine(fallbacks)
        hasher.combine(hreflang)
    }
}
