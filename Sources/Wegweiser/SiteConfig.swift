import Foundation
import FrontMatter

/// The settings of site.yml.
public struct SiteConfig: Sendable {
    /// The site title per language code; `title: x` gives every language the same title.
    public var titles: [String: String]
    /// Absolute base URL, always ending in `/`.
    public var baseURL: String
    public var defaultLanguage: String
    /// IANA time zone for event times without an offset.
    public var timeZone: String
    /// Languages in switcher order; the default language is among them.
    public var languages: [Language]
    /// Whether pages missing in a language are built there from a fallback language.
    public var fallbackPages: Bool
    /// site.yml's `base_url` when `--base-url` replaced it.
    var replacedBaseURL: String? = nil

    /// The language with `code`, if the site has it.
    public func language(_ code: some StringProtocol) -> Language? {
        // As a String, a short code compares in a word or two; comparing across string types goes character by
        // character.
        let code = String(code)
        return languages.first { $0.code == code }
    }

    /// The site title in `language`, following its fallback chain.
    public func title(in language: Language) -> String {
        for code in language.chain {
            if let title = titles[code] { return title }
        }
        return titles.values.sorted().first ?? ""
    }

    /// The path part of the base URL (`/` or `/sub/path/`), for links that must be root-relative.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}

extension SiteConfig {
    /// The host of `base_url` (`integration.example.org`); nil when it has none.
    var host: String? { Self.host(of: baseURL) }

    /// The host of an absolute URL; nil when it has none.
    static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let host = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != ":" }
        return host.isEmpty ? nil : String(host)
    }

    /// The hosts the site's own images may come from, lowercased: `base_url`'s, and site.yml's when `--base-url`
    /// replaced it for a preview.
    var ownHosts: Set<String> {
        Set([host, replacedBaseURL.flatMap(Self.host(of:))].compactMap { $0?.lowercased() })
    }

    /// The hreflang of the version of a page for readers whose language the site does not have.
    static let defaultHreflang = "x-default"

    /// What a base URL must be, completing "`base_url` must be …" and "--base-url `…` must be …".
    public static let baseURLRule = "an absolute http(s) URL such as https://integration.example.org/"

    /// Whether `url` (`base_url` in site.yml or `--base-url`) can be the start of every page's address
    /// (`baseURLProblem`).
    public static func isValidBaseURL(_ url: String) -> Bool {
        baseURLProblem(url) == nil
    }

    /// Why `url` (`base_url` in site.yml or `--base-url`) cannot be the start of every page's address, as words
    /// that follow the setting's name (`must be an absolute http(s) URL …`); nil if it can. It ends up in every
    /// canonical link, sitemap entry and calendar, so it must be an absolute http(s) URL without spaces or control
    /// characters; page paths are added to its end, so it has no query or fragment; and sitemap.xml and robots.txt
    /// take it as written, so it is ASCII.
    public static func baseURLProblem(_ url: String) -> String? {
        let slashed = url.hasSuffix("/") ? url : url + "/"
        let scheme = slashed.hasPrefix("https://") ? "https://" : "http://"
        // After the scheme: the host (and port), then the path, which starts with a slash.
        let rest = slashed.dropFirst(scheme.count)
        guard slashed.hasPrefix(scheme), SafeURL.hasOnlyURLCharacters(slashed), !slashed.contains(" "),
            let pathStart = rest.firstIndex(of: "/"), pathStart > rest.startIndex
        else { return "must be \(baseURLRule)" }
        // A `?` starts a query and a `#` a fragment, wherever they are.
        if let mark = url.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            let part = url[mark] == "?" ? "query" : "fragment"
            let site = url[..<mark].hasSuffix("/") ? String(url[..<mark]) : url[..<mark] + "/"
            return "cannot have a \(part) (`\(url[mark...])`): pages' addresses are made by adding their path to "
                + "its end, which would put it inside the \(part); write `\(site)`"
        }
        let host = rest[..<pathStart]
        let path = rest[pathStart...]
        var fixes: [String] = []
        if !host.unicodeScalars.allSatisfy(\.isASCII) {
            fixes.append("write the host `\(host)` in its ASCII form (punycode, `xn--…`)")
        }
        if !path.unicodeScalars.allSatisfy(\.isASCII) {
            fixes.append("write the path percent-encoded (`\(URLPath.percentEncoded(String(path)))`)")
        }
        guard fixes.isEmpty else {
            return "must be ASCII, as sitemap.xml and robots.txt take it as written: "
                + fixes.joined(separator: " and ")
        }
        return nil
    }

    /// An unknown `timezone` would silently put every event in UTC; suggest the known name it is closest to.
    private static func unknownTimeZoneMessage(_ name: String) -> String {
        if let suggestion = Spelling.closest(to: name, among: TimeZone.knownTimeZoneIdentifiers) {
            return "unknown time zone `\(name)`; did you mean `\(suggestion)`?"
        }
        return "unknown time zone `\(name)`; use an IANA name such as `Europe/Berlin`"
    }

    /// Reads site.yml. Problems are appended to `diagnostics`; returns nil when the file cannot be used at all.
    static func load(text: String, file: String, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let map: Mapping
        do {
            map = try FrontMatterParser.parse(text)
        } catch {
            diagnostics.append(Diagnostic(file: file, position: error.position, message: error.message))
            return nil
        }
        var reader = FieldReader(file: file, map: map, position: TextPosition(line: 1, column: 1))
        let known: Set<String> = [
            "title", "base_url", "default_language", "timezone", "languages", "fallback_pages",
        ]
        reader.rejectUnknown(known)

        var titles: [String: String] = [:]
        if let node = map["title"] {
            switch node.value {
            case .map(let perLanguage):
                for entry in perLanguage.entries {
                    if let text = FieldReader.scalarText(entry.value) {
                        titles[entry.key] = text
                    } else {
                        reader.fail(entry.value.position, "the title for `\(entry.key)` must be text")
                    }
                }
            default:
                if let text = FieldReader.scalarText(node) {
                    titles[""] = text
                } else {
                    reader.fail(node.position, "`title` must be text or a map of language codes to text")
                }
            }
        } else {
            reader.fail(TextPosition(line: 1, column: 1), "site.yml needs a `title`")
        }

        var baseURL = reader.string("base_url") ?? "/"
        if let node = map["base_url"], let problem = Self.baseURLProblem(baseURL) {
            reader.fail(node.position, "`base_url` " + problem)
        }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        let timeZone = reader.string("timezone") ?? "Europe/Berlin"
        if let node = map["timezone"], TimeZone(identifier: timeZone) == nil {
            reader.fail(node.position, Self.unknownTimeZoneMessage(timeZone))
        }
        let fallbackPages = reader.bool("fallback_pages") ?? true

        var languages: [Language] = []
        var seen: [String: TextPosition] = [:]
        if let node = map["languages"] {
            if case .list(let items) = node.value {
                for item in items {
                    guard case .map(let entry) = item.value else {
                        reader.fail(
                            item.position,
                            "each language needs `code` and `name`, e.g. `- code: de` and `name: Deutsch`")
                        continue
                    }
                    var languageReader = FieldReader(file: file, map: entry, position: item.position)
                    languageReader.rejectUnknown(["code", "name", "dir", "locale", "fallback", "hreflang"])
                    let code = languageReader.string("code")
                    let name = languageReader.string("name")
                    if code == nil {
                        languageReader.fail(item.position, "this language has no `code`; add e.g. `code: en`")
                    }
                    if code != nil, name == nil {
                        languageReader.fail(
                            item.position,
                            "language `\(code!)` has no `name`; add its name in its own script, e.g. `name: English`")
                    }
                    var direction = TextDirection.ltr
                    var directionValid = true
                    if let dir = languageReader.string("dir") {
                        if let parsed = TextDirection(rawValue: dir) {
                            direction = parsed
                        } else {
                            directionValid = false
                            languageReader.fail(entry["dir"]!.position, "`dir` must be `ltr` or `rtl`, not `\(dir)`")
                        }
                    }
                    let fallbacks = languageReader.stringList("fallback") ?? []
                    let hreflang = languageReader.string("hreflang")
                    diagnostics += languageReader.diagnostics
                    guard let code, let name else { continue }
                    let codePosition = entry["code"]!.position
                    // An error at the code; the language is left out.
                    func rejectCode(_ message: String) {
                        diagnostics.append(Diagnostic(file: file, position: codePosition, message: message))
                    }
                    guard let valid = ContentName.validLanguageCode(code) else {
                        rejectCode(
                            "language code `\(code)` becomes a folder and a URL, so it may only hold letters a–z, digits and `-`, e.g. `uk` or `de-x-ls`"
                        )
                        continue
                    }
                    // The alternate links of a page (theme's alternates.html, sitemap.xml) give `x-default` to the
                    // default language's version: a language with that code or tag would be a second `x-default`.
                    if valid == Self.defaultHreflang {
                        rejectCode(
                            "language code `\(code)` is reserved: pages' alternate links give `x-default` to the default language's version, for readers whose language the site does not have; choose another code"
                        )
                        continue
                    }
                    if let hreflang, hreflang.lowercased() == Self.defaultHreflang {
                        diagnostics.append(
                            Diagnostic(
                                file: file, position: entry["hreflang"]!.position,
                                message:
                                    "hreflang `\(hreflang)` is reserved: pages' alternate links give it to the default language's version already; write the language's own tag, or leave `hreflang` out to use the code `\(code)`"
                            ))
                        continue
                    }
                    if valid != code {
                        rejectCode("language code `\(code)` must be lowercase letters, digits and `-`; use `\(valid)`")
                        continue
                    }
                    // `dir` is `ltr` unless given (DESIGN.md). A language written right to left laid out left to
                    // right is a warning: an Urdu or Pashto site whose `dir: rtl` was forgotten is wrong on every
                    // page. Only that way round: `dir: rtl` with a code whose usual script runs left to right may be
                    // right (Kurdish or Punjabi in Arabic script), and the locale or hreflang may say so.
                    let tags =
                        [(code, "`\(code)`")]
                        + [languageReader.string("locale"), hreflang == "none" ? nil : hreflang].compactMap { $0 }.map {
                            ($0, "`\(code)` (`\($0)`)")
                        }
                    if direction == .ltr, directionValid,
                        let (_, named) = tags.first(where: { TextDirection.written($0.0) == .rtl })
                    {
                        diagnostics.append(
                            Diagnostic(
                                file: file, position: (entry["dir"] ?? entry["code"]!).position, severity: .warning,
                                message: entry["dir"] != nil
                                    ? "\(named) is written right to left, but `dir: ltr` lays its pages out left to right; write `dir: rtl`"
                                    : "\(named) is written right to left; add `dir: rtl`, or its pages are laid out left to right"
                            ))
                    }
                    if code == ThemeLoader.assetsFolder {
                        // The theme's files go to `/assets/` of the output: the two would be written into one folder.
                        rejectCode(
                            "language code `\(code)` is taken by the folder of the theme's files (`/\(code)/`); choose another code"
                        )
                        continue
                    }
                    if let first = seen[code] {
                        rejectCode("language `\(code)` is declared twice (first at line \(first.line))")
                        continue
                    }
                    seen[code] = codePosition
                    languages.append(
                        Language(
                            code: code, name: name, direction: direction, locale: languageReader.string("locale"),
                            fallbacks: fallbacks, hreflang: hreflang == "none" ? nil : (hreflang ?? code)))
                }
                if items.isEmpty {
                    reader.fail(
                        map.entry(for: "languages")!.keyPosition,
                        "`languages` needs at least one language, e.g. `- code: de` with `name: Deutsch`")
                }
            } else {
                reader.fail(node.position, "`languages` must be a list of languages (`- code: de`)")
            }
        } else {
            reader.fail(
                TextPosition(line: 1, column: 1),
                "site.yml needs `languages`, a list with at least the default language")
        }

        let defaultLanguage = reader.string("default_language") ?? languages.first?.code ?? ""
        if !languages.isEmpty, !languages.contains(where: { $0.code == defaultLanguage }) {
            reader.fail(
                map["default_language"]?.position ?? TextPosition(line: 1, column: 1),
                "the default language `\(defaultLanguage)` is not in `languages`")
        }
        // Every chain ends at the default language; unknown fallbacks are errors.
        for index in languages.indices {
            var chain: [String] = []
            for code in languages[index].fallbacks where code != languages[index].code {
                if seen[code] == nil {
                    reader.fail(
                        seen[languages[index].code] ?? TextPosition(line: 1, column: 1),
                        "language `\(languages[index].code)` falls back to `\(code)`, which is not in `languages`")
                } else if !chain.contains(code) {
                    chain.append(code)
                }
            }
            if languages[index].code != defaultLanguage, !chain.contains(defaultLanguage) {
                chain.append(defaultLanguage)
            }
            languages[index].fallbacks = chain
        }
        if titles[""] != nil {
            let single = titles[""]!
            titles = [:]
            for language in languages { titles[language.code] = single }
        }
        diagnostics += reader.diagnostics
        if languages.isEmpty { return nil }
        return SiteConfig(
            titles: titles, baseURL: baseURL, defaultLanguage: defaultLanguage, timeZone: timeZone,
            languages: languages, fallbackPages: fallbackPages)
    }
}
