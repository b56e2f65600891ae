/// Text direction of a language's script.
public enum TextDirection: String, Sendable, Hashable {
    case ltr
    case rtl
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
