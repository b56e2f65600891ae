import FrontMatter
import Templates

/// The filters Wegweiser gives templates: `t`, `translate`, `date`, `number`, `language_name`, `page`, `url`.
enum SiteFilters {
    /// Each filter's name and how many arguments it takes, checked when the templates are loaded: `t` fills any
    /// number of `{0}`, `{1}`… placeholders, `translate` takes a language code and then those, `date` an optional
    /// style; the others take none.
    static let argumentCounts: [String: ClosedRange<Int>] = [
        "t": 0...Int.max, "translate": 1...Int.max, "date": 0...1, "url": 0...0, "page": 0...0, "number": 0...0,
        "language_name": 0...0,
    ]

    /// The filters for rendering one page for a reader of `language` at site path `url`.
    /// `rootRelative` makes `url` produce links from the site root (for 404.html, which is served at any path).
    static func make(
        site: Site, assets: Set<String>, language: Language, url: String, rootRelative: Bool = false,
        cache: RenderCache? = nil
    ) -> [String: Filter] {
        let strings = site.strings
        let dates = site.dates(for: language)
        // Only 404.html links from the root; working the base path out of the base URL costs a text search.
        let basePath = rootRelative ? site.config.basePath : "/"
        let config = site.config

        // The page language's table, found once here rather than at every `t`.
        let ownTable = strings.resolvedTable(for: language)

        /// The UI string `input` in `language`, whose table from `resolvedTable(for:)` is `table`.
        @Sendable func uiString(
            _ input: TemplateValue, _ arguments: [TemplateValue], language: Language, table: [String: String]?
        ) throws(FilterFailure) -> TemplateValue {
            guard case .string(let key) = input else {
                throw FilterFailure("`t` needs a UI string key such as \"nav.home\"")
            }
            guard let text = strings.lookup(key, in: language, resolved: table) else {
                // A file with a syntax error gave no strings; that error fails the build, and is the one to mend.
                if (language.chain + [UIStrings.lastResort]).contains(where: strings.unreadable.contains) {
                    return .string(key)
                }
                throw FilterFailure(
                    "the UI string `\(key)` is in no templates/i18n file; add it to templates/i18n/\(language.chain.last ?? "de").yml and translate it"
                )
            }
            return .string(fillPlaceholders(text, arguments.map(plain)))
        }

        return [
            "t": Filter { input, arguments throws(FilterFailure) in
                try uiString(input, arguments, language: language, table: ownTable)
            },
            "translate": Filter { input, arguments throws(FilterFailure) in
                guard case .string(let code)? = arguments.first, let other = config.language(code) else {
                    throw FilterFailure(
                        "`translate` needs the code of one of the site's languages, e.g. translate: \"ar\"")
                }
                return try uiString(
                    input, Array(arguments.dropFirst()), language: other, table: strings.resolvedTable(for: other))
            },
            "date": Filter { input, arguments throws(FilterFailure) in
                if case .null = input { return .null }
                guard case .string(let iso) = input else {
                    throw FilterFailure("`date` needs a date such as 2025-11-13")
                }
                var style = DateFormatting.Style.long
                if let first = arguments.first {
                    guard case .string(let name) = first, let chosen = DateFormatting.Style(rawValue: name) else {
                        throw FilterFailure(
                            "`date` takes one of \"long\", \"short\", \"month\", \"time\", \"datetime\"")
                    }
                    style = chosen
                }
                guard let text = dates.format(iso, style: style) else {
                    throw FilterFailure("`\(iso)` is not a date `date` can format")
                }
                return .string(text)
            },
            "language_name": Filter { input, _ throws(FilterFailure) in
                guard case .string(let code) = input else {
                    throw FilterFailure("`language_name` needs a language code such as \"de\"")
                }
                return .string(dates.languageName(code))
            },
            "number": Filter { input, _ throws(FilterFailure) in
                let value: Int
                switch input {
                case .int(let number): value = number
                case .string(let text) where Int(text) != nil: value = Int(text)!
                case .null: return .null
                default: throw FilterFailure("`number` needs a whole number, not \(input.kindDescription)")
                }
                return .string(dates.number(value))
            },
            "page": Filter { input, _ throws(FilterFailure) in
                guard case .string(let path) = input else {
                    throw FilterFailure("`page` needs the path of a page, such as \"pages/impressum\"")
                }
                // Stray slashes are dropped; most paths have none, and are used as they are.
                let slash = UInt8(ascii: "/")
                let hasStraySlash =
                    path.utf8.first == slash || path.utf8.last == slash
                    || UTF8Bytes.containsTwice(slash, in: path)
                let id = hasStraySlash ? path.split(separator: "/").joined(separator: "/") : path
                guard site.isBuilt(id, in: language) else { return .null }
                return PageContext(site: site, language: language, url: url, rootRelative: rootRelative, cache: cache)
                    .summary(id)
            },
            "url": Filter { input, _ throws(FilterFailure) in
                guard case .string(let path) = input else {
                    throw FilterFailure("`url` needs a site path such as \"/assets/style.css\"")
                }
                let target = path.hasPrefix("/") ? path : "/\(language.code)/\(path)"
                guard site.hasTarget(target, assets: assets) else {
                    throw FilterFailure("`\(path)` is not a page or asset of this site in \(language.name)")
                }
                // Only an existing page or asset gets here, so a `#` or `?` in the path is part of its name, and is
                // encoded with the rest (a fragment or query in the input was never a page and is an error above).
                if rootRelative { return .string(basePath + URLPath.percentEncoded(target).dropFirst()) }
                return .string(URLPath.percentEncoded(URLPath.relative(from: url, to: target)))
            },
        ]
    }

    /// `{0}`, `{1}`… replaced by the arguments in one pass, so an argument that itself contains `{1}` stays as it is.
    static func fillPlaceholders(_ text: String, _ arguments: [String]) -> String {
        // Runs for every UI string on every page: braces are found as bytes, and text without one is returned as is.
        let openBrace = UInt8(ascii: "{")
        guard UTF8Bytes.contains(openBrace, in: text) else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.utf8.firstIndex(of: openBrace) {
            result += rest[..<open]
            let after = rest[rest.utf8.index(after: open)...]
            if let close = after.utf8.firstIndex(of: UInt8(ascii: "}")), let index = Int(after[..<close]),
                arguments.indices.contains(index)
            {
                result += arguments[index]
                rest = after[after.utf8.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }

    private static func plain(_ value: TemplateValue) -> String {
        switch value {
        case .string(let text), .html(let text): text
        case .int(let number): String(number)
        case .bool(let flag): String(flag)
        default: ""
        }
    }
}
