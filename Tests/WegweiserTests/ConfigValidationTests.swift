import Foundation
import Testing

@testable import Wegweiser

/// site.yml values that would build a silently wrong site are errors at their position, and nothing is built.
@Suite struct ConfigValidationTests {
    /// Each error of `result` as `file:line:column: message`, with paths relative to the site's root.
    static func errors(_ result: BuildResult, in site: HostileSite) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map {
            "\(site.location($0)): \($0.message)"
        }
    }

    /// The test site's settings with line 4 reading `timezone: <value>` (the value at column 11).
    static func settings(timezone value: String) -> String {
        HostileSite.siteYML.replacingOccurrences(of: "timezone: Europe/Berlin", with: "timezone: \(value)")
    }

    /// An unknown time zone would move every event by the difference to UTC; it is an error at the value, with the
    /// closest known name when one is close.
    @Test(arguments: [
        ("Europe/Berln", "unknown time zone `Europe/Berln`; did you mean `Europe/Berlin`?"),
        ("\" Europe/Berlin\"", "unknown time zone ` Europe/Berlin`; did you mean `Europe/Berlin`?"),
        ("Mars/Olympus", "unknown time zone `Mars/Olympus`; use an IANA name such as `Europe/Berlin`"),
        ("\"  \"", "unknown time zone `  `; use an IANA name such as `Europe/Berlin`"),
    ])
    func unknownTimeZoneIsAnError(value: String, message: String) {
        let site = HostileSite(content: [
            "site.yml": Self.settings(timezone: value), "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(Self.errors(result, in: site) == ["content/site.yml:4:11: \(message)"])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// Names the system knows stay valid, aliases and `UTC` included; without `timezone` the site is in Berlin.
    @Test(arguments: [("UTC", "GMT"), ("Asia/Kolkata", "Asia/Kolkata"), ("US/Eastern", "US/Eastern")])
    func knownTimeZonesAreAccepted(value: String, identifier: String) throws {
        let site = HostileSite(content: [
            "site.yml": Self.settings(timezone: value), "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        #expect(try site.loadedSite().timeZone.identifier == identifier)
    }

    @Test func absentTimeZoneIsBerlin() throws {
        let site = HostileSite(content: [
            "site.yml": HostileSite.siteYML.replacingOccurrences(of: "timezone: Europe/Berlin\n", with: ""),
            "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        #expect(try site.loadedSite().timeZone.identifier == "Europe/Berlin")
        #expect(site.build().status == .success)
    }

    /// `languages: []` is an error at the key (like `languages:` without a value, at the missing value), not a
    /// failed build without a word.
    @Test(arguments: [
        ("languages: []", "4:1: `languages` needs at least one language, e.g. `- code: de` with `name: Deutsch`"),
        ("languages:", "4:11: `languages` must be a list of languages (`- code: de`)"),
    ])
    func emptyLanguagesIsAnError(line: String, error: String) {
        let site = HostileSite(content: [
            "site.yml": "title: Teststadt\nbase_url: https://example.org/\ntimezone: Europe/Berlin\n\(line)\n"
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(Self.errors(result, in: site) == ["content/site.yml:\(error)"])
    }

    /// `dir` is `ltr` unless given (DESIGN.md). A language written right to left (by its code, locale or hreflang)
    /// without `dir: rtl`, or with `dir: ltr`, is a warning at the code or the `dir`; the pages keep the `dir`
    /// given. `dir: rtl` is never questioned: Kurdish or Punjabi in Arabic script is right to left, though `ku`
    /// and `pa` are usually written in Latin and Gurmukhi.
    @Test func directionAgainstTheScriptIsAWarning() throws {
        let languages = """
              - code: ur
                name: اردو
              - code: ar
                name: العربية
                dir: ltr
              - code: prs
                name: دری
                dir: rtl
              - code: ku
                name: کوردی
                locale: ckb
                dir: rtl
              - code: pa
                name: پنجابی
                dir: rtl
              - code: qps
                name: پښتو
                hreflang: ps
              - code: ti
                name: ትግርኛ
              - code: en
                name: English
                dir: rtl
              - code: qaa
                name: Privat

            """
        let site = HostileSite(content: [
            "site.yml": HostileSite.siteYML + languages, "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        #expect(
            result.diagnostics.filter { $0.file.hasSuffix("site.yml") }.map {
                "\($0.position): \($0.severity.rawValue): \($0.message)"
            } == [
                "8:11: warning: `ur` is written right to left; add `dir: rtl`, or its pages are laid out left to right",
                "12:10: warning: `ar` is written right to left, but `dir: ltr` lays its pages out left to right; write `dir: rtl`",
                "23:11: warning: `qps` (`ps`) is written right to left; add `dir: rtl`, or its pages are laid out left to right",
            ])
        let directions = try site.loadedSite().config.languages.map { "\($0.code) \($0.direction.rawValue)" }
        #expect(
            directions == [
                "de ltr", "ur ltr", "ar ltr", "prs rtl", "ku rtl", "pa rtl", "qps ltr", "ti ltr", "en rtl", "qaa ltr",
            ])
    }

    /// Scripts decide, also where ICU's own direction for the language is left to right (`pbt`, `ji`), and the codes
    /// ICU does not know that are written right to left (Dari, `prs`); a code without a known script gives none.
    @Test(arguments: [
        ("ar", TextDirection.rtl), ("fa-AF", .rtl), ("ur", .rtl), ("ps", .rtl), ("pbt", .rtl), ("ckb", .rtl),
        ("he", .rtl), ("ji", .rtl), ("dv", .rtl), ("prs", .rtl), ("pnb", .rtl), ("ff-Adlm", .rtl), ("de", .ltr),
        ("de-x-ls", .ltr),
        ("ku", .ltr), ("ti", .ltr), ("uk", .ltr), ("tr", .ltr),
    ])
    func writtenDirectionComesFromTheScript(tag: String, direction: TextDirection) {
        #expect(TextDirection.written(tag) == direction)
    }

    /// A private-use language (ISO 639 `qaa`) has no script the system knows: no warning either way.
    @Test func unknownTagHasNoWrittenDirection() {
        #expect(TextDirection.written("qaa") == nil)
    }

    /// A language without UI strings is a warning at the file that would hold them, naming the language its pages
    /// show the theme's words in: the first along its fallbacks that has them (here English for Somali), else the
    /// default language.
    @Test func languageWithoutUIStringsIsAWarning() {
        let languages = """
              - code: so
                name: Soomaali
                fallback: [en]
              - code: en
                name: English
              - code: ti
                name: ትግርኛ

            """
        var templates = HostileSite.templates
        templates["i18n/en.yml"] = "nav:\n  events: Events\n"
        let site = HostileSite(
            content: ["site.yml": HostileSite.siteYML + languages, "de/_index.md": "---\ntitle: Start\n---\n"],
            templates: templates)
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        #expect(
            site.located(result) == [
                "templates/i18n/so.yml: there are no UI strings for `so`: menus, labels and buttons of its pages are shown in English (`en`); add this file with the keys of i18n/en.yml translated",
                "templates/i18n/ti.yml: there are no UI strings for `ti`: menus, labels and buttons of its pages are shown in Deutsch (`de`); add this file with the keys of i18n/de.yml translated",
            ])
    }

    /// Each diagnostic of site.yml as `line:column: severity: message`.
    static func settingsDiagnostics(_ result: BuildResult) -> [String] {
        result.diagnostics.filter { $0.file.hasSuffix("site.yml") }.map {
            "\($0.position): \($0.severity.rawValue): \($0.message)"
        }
    }

    /// `x-default` is the hreflang the pages' alternate links give the default language's version: a language with
    /// that code, or that hreflang, would be a second `x-default`. An error at the code or the hreflang.
    @Test(arguments: [
        (
            "  - code: x-default\n    name: Default\n",
            "8:11: error: language code `x-default` is reserved: pages' alternate links give `x-default` to the default language's version, for readers whose language the site does not have; choose another code"
        ),
        (
            "  - code: X-Default\n    name: Default\n",
            "8:11: error: language code `X-Default` is reserved: pages' alternate links give `x-default` to the default language's version, for readers whose language the site does not have; choose another code"
        ),
        (
            "  - code: en\n    name: English\n    hreflang: x-default\n",
            "10:15: error: hreflang `x-default` is reserved: pages' alternate links give it to the default language's version already; write the language's own tag, or leave `hreflang` out to use the code `en`"
        ),
    ])
    func xDefaultIsNotALanguage(languages: String, diagnostic: String) {
        let site = HostileSite(content: [
            "site.yml": HostileSite.siteYML + languages, "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(Self.settingsDiagnostics(result) == [diagnostic])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    private static let insideAddress =
        "pages' addresses are made by adding their path to its end, which would put it inside the"
    private static let asASCII = "`base_url` must be ASCII, as sitemap.xml and robots.txt take it as written: "

    /// A query or fragment in `base_url` would end up in the middle of every address (`https://example.org/?q=1/de/`),
    /// and a host or path outside ASCII would go into sitemap.xml and robots.txt unencoded: errors at the value.
    @Test(arguments: [
        (
            "https://example.org/?q=1",
            "`base_url` cannot have a query (`?q=1`): \(insideAddress) query; write `https://example.org/`"
        ),
        (
            "\"https://example.org/#x\"",
            "`base_url` cannot have a fragment (`#x`): \(insideAddress) fragment; write `https://example.org/`"
        ),
        (
            "https://example.org/sub?a=1#x",
            "`base_url` cannot have a query (`?a=1#x`): \(insideAddress) query; write `https://example.org/sub/`"
        ),
        ("https://exämple.org/", asASCII + "write the host `exämple.org` in its ASCII form (punycode, `xn--…`)"),
        ("https://example.org/ü/", asASCII + "write the path percent-encoded (`/%C3%BC/`)"),
        (
            "http://bücher.example:8080/straße",
            asASCII + "write the host `bücher.example:8080` in its ASCII form (punycode, `xn--…`) and write the path "
                + "percent-encoded (`/stra%C3%9Fe/`)"
        ),
        ("https:///de/", "`base_url` must be an absolute http(s) URL such as https://integration.example.org/"),
    ])
    func baseURLThatBreaksAddressesIsAnError(value: String, message: String) {
        let site = HostileSite(content: [
            "site.yml": HostileSite.siteYML.replacingOccurrences(
                of: "base_url: https://example.org/", with: "base_url: \(value)"),
            "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(Self.settingsDiagnostics(result) == ["2:11: error: \(message)"])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// A host in punycode and a percent-encoded path are what sitemap.xml and robots.txt need, and are accepted.
    @Test func encodedBaseURLIsAccepted() {
        let site = HostileSite(content: [
            "site.yml": HostileSite.siteYML.replacingOccurrences(
                of: "base_url: https://example.org/", with: "base_url: https://xn--exmple-cua.org/%C3%BC"),
            "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        #expect(
            site.file("robots.txt")
                == "User-agent: *\nAllow: /\nSitemap: https://xn--exmple-cua.org/%C3%BC/sitemap.xml\n")
    }
}
