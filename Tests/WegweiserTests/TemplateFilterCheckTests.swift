import Foundation
import Templates
import Testing

@testable import Wegweiser

/// The generator's own filters: argument counts checked when the theme is loaded, links percent-encoded.
@Suite struct TemplateFilterCheckTests {
    /// Arguments a site filter does not take are errors at the filter, with the template's line and column,
    /// before any page is rendered; before, `language_name: "en"` silently named the language in German.
    @Test func extraArgumentsFailTheBuildAtLoadTime() {
        var templates = HostileSite.templates
        templates["home.html"] =
            "<p>\n"
            + #"{{ "2025-11-13" | date: "long", 3 }}{{ "/assets/style.css" | url: "zz" }}"#
            + #"{{ 12500 | number: 9 }}{{ "de" | language_name: "en" }}{{ "nav.home" | translate }}"#
            + "</p>\n"
        templates["assets/style.css"] = "p {}\n"
        let site = HostileSite(content: ["de/_index.md": "---\ntitle: Start\n---\n"], templates: templates)
        defer { site.remove() }
        let result = site.build()
        #expect(
            site.located(result) == [
                "templates/home.html: filter `date` takes at most 1 argument, not 2",
                "templates/home.html: filter `url` takes no arguments, not 1",
                "templates/home.html: filter `number` takes no arguments, not 1",
                "templates/home.html: filter `language_name` takes no arguments, not 1",
                "templates/home.html: filter `translate` takes at least 1 argument, not 0",
            ])
        #expect(
            result.diagnostics.map { "\($0.position.line):\($0.position.column)" } == [
                "2:19", "2:62", "2:85", "2:107", "2:145",
            ])
        #expect(site.file("de/index.html") == nil)
    }

    /// Every filter the renderer supplies is declared, and nothing else.
    @Test func declaredNamesAreTheSuppliedFilters() throws {
        let site = HostileSite(content: ["de/_index.md": "---\ntitle: Start\n---\n"])
        defer { site.remove() }
        let loaded = try site.loadedSite()
        let german = try #require(loaded.config.language("de"))
        let supplied = SiteFilters.make(site: loaded, assets: [], language: german, url: "/de/")
        #expect(Set(supplied.keys) == Set(SiteFilters.argumentCounts.keys))
    }

    /// `url` percent-encodes the path of the link it writes: a `#` or `?` in an asset's name is part of the name,
    /// not a fragment or query; spaces, non-ASCII and `%` are encoded too.
    @Test func urlEncodesThePath() throws {
        let site = HostileSite(content: [
            "site.yml": HostileSite.siteYML.replacingOccurrences(
                of: "https://example.org/", with: "https://example.org/sub%20dir/"),
            "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        let loaded = try site.loadedSite()
        let german = try #require(loaded.config.language("de"))
        let assets: Set<String> = [
            "/assets/x#y?.css", "/assets/Über uns.css", "/assets/100%.css", "/assets/a'(b).css", "/assets/style.css",
        ]
        let url = try #require(
            SiteFilters.make(site: loaded, assets: assets, language: german, url: "/de/guides/arbeit/")["url"])
        #expect(try url.apply("/assets/x#y?.css", []) == "../../../assets/x%23y%3F.css")
        #expect(try url.apply("/assets/Über uns.css", []) == "../../../assets/%C3%9Cber%20uns.css")
        #expect(try url.apply("/assets/100%.css", []) == "../../../assets/100%25.css")
        #expect(try url.apply("/assets/a'(b).css", []) == "../../../assets/a%27%28b%29.css")
        #expect(try url.apply("/assets/style.css", []) == "../../../assets/style.css")
        #expect(try url.apply("/de/", []) == "../../")
        // A fragment or query after a path is still no page or asset of the site.
        #expect(throws: FilterFailure.self) { try url.apply("/assets/style.css#top", []) }
        #expect(throws: FilterFailure.self) { try url.apply("/assets/x", []) }

        // On 404.html, links start at the base URL's path, which is already encoded.
        let rooted = try #require(
            SiteFilters.make(site: loaded, assets: assets, language: german, url: "/404.html", rootRelative: true)[
                "url"])
        #expect(try rooted.apply("/assets/x#y?.css", []) == "/sub%20dir/assets/x%23y%3F.css")
        #expect(try rooted.apply("/assets/style.css", []) == "/sub%20dir/assets/style.css")
    }

    /// A whole build: the asset is written under its own name, and the link to it asks for exactly that file.
    @Test func linkToAnAssetWithAHashInItsName() {
        var templates = HostileSite.templates
        templates["home.html"] = #"<link rel="stylesheet" href="{{ "/assets/x#y?.css" | url }}">"# + "\n"
        templates["assets/x#y?.css"] = "p {}\n"
        let site = HostileSite(content: ["de/_index.md": "---\ntitle: Start\n---\n"], templates: templates)
        defer { site.remove() }
        let result = site.build()
        #expect(site.located(result) == [])
        #expect(site.file("de/index.html") == #"<link rel="stylesheet" href="../assets/x%23y%3F.css">"# + "\n")
        #expect(site.file("assets/x#y?.css") == "p {}\n")
    }
}

@Suite struct URLPathEncodingTests {
    @Test(arguments: [
        ("../assets/style.css", "../assets/style.css"),
        ("./", "./"),
        ("../assets/x#y?.css", "../assets/x%23y%3F.css"),
        ("a b/Ü/", "a%20b/%C3%9C/"),
        ("fa/راهنما/", "fa/%D8%B1%D8%A7%D9%87%D9%86%D9%85%D8%A7/"),
        (#"q"<>\^`{|}[].css"#, "q%22%3C%3E%5C%5E%60%7B%7C%7D%5B%5D.css"),
        ("100%25.css", "100%2525.css"),
        ("tab\there", "tab%09here"),
        ("x/keep-._~!$&*+,;=:@", "x/keep-._~!$&*+,;=:@"),
        // A colon in the first segment of a relative link would make it a scheme.
        ("a:b/", "./a:b/"),
        ("../a:b/", "../a:b/"),
        ("/a:b/", "/a:b/"),
    ])
    func percentEncoded(link: String, expected: String) {
        #expect(URLPath.percentEncoded(link) == expected)
    }
}
