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
public struct Language: Sendable, Hashable {
    /// Folder name and URL segment, a BCP 47 tag such as `de`, `ar` or `de-x-ls`.
    public var code: String {
        didSet { chain = [code] + fallbacks }
    }
    /// The language's name in its own script (endonym), shown to readers.
    public var name: String
    public var direction: TextDirection
    /// ICU locale for dates and numbers; the code by default.
    public var locale: String
    /// Languages tried, in order, when a page or UI string is missing; always ends at the site's default language.
    public var fallbacks: [String] {
        didSet { chain = [code] + fallbacks }
    }
    /// The `hreflang` value advertised for this language, or nil when it is never advertised (`hreflang: none`).
    public var hreflang: String?

    public init(
        code: String, name: String, direction: TextDirection = .ltr, locale: String? = nil,
        fallbacks: [String] = [], hreflang: String? = nil
    ) {
        self.code = code
        self.name = name
        self.direction = direction
        self.locale = locale ?? code
        self.fallbacks = fallbacks
        self.hreflang = hreflang
        chain = [code] + fallbacks
    }

    /// This language followed by its fallbacks: the order in which page texts and UI strings are looked up.
    /// Stored, not computed: every lookup of a page's text walks it.
    public private(set) var chain: [String]
}
