import Foundation
import Templates
import Testing

@testable import Wegweiser

@Suite struct SiteFilterTests {
    /// `page` names a page by its path inside a language folder; stray slashes do not matter.
    @Test func pageFilterIgnoresStraySlashes() throws {
        let site = HostileSite(content: [
            "de/_index.md": "---\ntitle: Start\n---\n",
            "de/pages/impressum.md": "---\ntitle: Impressum\n---\nText\n",
        ])
        defer { try? FileManager.default.removeItem(at: site.root) }
        let loaded = try site.loadedSite()
        let german = try #require(loaded.config.language("de"))
        let filters = SiteFilters.make(site: loaded, assets: [], language: german, url: "/de/")
        let page = try #require(filters["page"])
        let expected = try page.apply("pages/impressum", [])
        guard case .map(let summary) = expected else {
            Issue.record("`page` gave \(expected)")
            return
        }
        #expect(summary["title"] == "Impressum")
        #expect(summary["url"] == "pages/impressum/")
        for path in ["/pages/impressum", "pages/impressum/", "pages//impressum", "//pages/impressum//"] {
            #expect(try page.apply(.string(path), []) == expected, "\(path)")
        }
        #expect(try page.apply("pages/fehlt", []) == .null)
    }

    /// `language_name` names a language in the reader's language, for readers who do not know its own name.
    @Test func languageNameIsInTheReadersLanguage() throws {
        let site = HostileSite(content: [
            "site.yml": HostileSite.siteYML + "  - code: fa\n    name: فارسی\n    dir: rtl\n",
            "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: site.root) }
        let loaded = try site.loadedSite()
        let persian = try #require(loaded.config.language("fa"))
        let german = try #require(loaded.config.language("de"))
        let forPersian = try #require(
            SiteFilters.make(site: loaded, assets: [], language: persian, url: "/fa/")["language_name"])
        let forGerman = try #require(
            SiteFilters.make(site: loaded, assets: [], language: german, url: "/de/")["language_name"])
        #expect(try forPersian.apply("de", []) == "آلمانی")
        #expect(try forGerman.apply("fa", []) == "Persisch")
        #expect(throws: FilterFailure.self) { try forGerman.apply(.int(1), []) }
    }
}

@Suite struct TranslationEntryTests {
    /// The switcher entries made once per page and shared by its readers equal those made for each reader.
    @Test func sharedEntriesEqualEachReadersOwn() throws {
        let site = HostileSite(content: [
            "site.yml": """
            title: Teststadt
            base_url: https://example.org/sub/
            default_language: de
            timezone: Europe/Berlin
            languages:
              - code: de
                name: Deutsch
              - code: de-x-ls
                name: Leichte Sprache
                hreflang: de
              - code: ar
                name: العربية
                dir: rtl
              - code: en
                name: English
                hreflang: none

            """,
            "de/_index.md": "---\ntitle: Start\n---\n",
            "de/pages/a.md": "---\ntitle: A\n---\n",
            "de/guides/_index.md": "---\ntitle: Wegweiser\n---\n",
            "de/guides/arbeit/_index.md": "---\ntitle: Arbeit\n---\n",
            "de/guides/arbeit/kurs.md": "---\ntitle: Kurs\n---\n",
            "ar/guides/arbeit/kurs.md": "---\ntitle: دورة\n---\n",
            "de-x-ls/pages/a.md": "---\ntitle: A leicht\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: site.root) }
        let loaded = try site.loadedSite()
        let cache = RenderCache()
        var compared = 0
        for id in loaded.order {
            let page = try #require(loaded.pages[id])
            for language in loaded.config.languages where loaded.isBuilt(page, in: language) {
                let url = PageID.urlPath(id, language: language.code)
                let shared = PageContext(site: loaded, language: language, url: url, cache: cache).translations(
                    of: page)
                let own = PageContext(site: loaded, language: language, url: url).translations(of: page)
                #expect(shared == own, "\(language.code) \(id)")
                compared += 1
            }
        }
        #expect(compared > 10)
    }
}

@Suite struct UIStringTests {
    /// A resolved language finds each key where the chain walk finds it: its own file, then its fallbacks in
    /// order, then the theme's English.
    @Test func resolvedTablesFollowTheChain() {
        var strings = UIStrings(tables: [
            "de": ["a": "de-a", "b": "de-b"],
            "de-x-ls": ["a": "ls-a"],
            "fa": ["c": "fa-c"],
            "en": ["a": "en-a", "b": "en-b", "c": "en-c", "d": "en-d"],
        ])
        let languages = [
            Language(code: "de", name: "Deutsch"),
            Language(code: "de-x-ls", name: "Leichte Sprache", fallbacks: ["de"]),
            Language(code: "fa", name: "فارسی", direction: .rtl, fallbacks: ["de"]),
            Language(code: "uk", name: "Українська", fallbacks: ["en", "de"]),
        ]
        let unresolved = strings
        strings.resolve(for: languages)
        for language in languages {
            for key in ["a", "b", "c", "d", "missing"] {
                #expect(
                    strings.lookup(key, in: language) == unresolved.lookup(key, chain: language.chain),
                    "\(language.code) \(key)")
            }
        }
        #expect(strings.lookup("a", in: languages[1]) == "ls-a")
        #expect(strings.lookup("b", in: languages[1]) == "de-b")
        #expect(strings.lookup("c", in: languages[2]) == "fa-c")
        #expect(strings.lookup("d", in: languages[2]) == "en-d")
        #expect(strings.lookup("missing", in: languages[3]) == nil)
    }
}

@Suite struct SitePathTests {
    /// The page id a site path names, read on bytes, is what the path's segments say: without `index.html` last,
    /// then without a language code first, joined with `/`.
    @Test func pageIDsOfSitePaths() throws {
        let site = HostileSite(content: [
            "site.yml": HostileSite.siteYML + "  - code: fa\n    name: فارسی\n    dir: rtl\n",
            "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: site.root) }
        let loaded = try site.loadedSite()
        let resolver = LinkResolver(site: loaded, assets: [])
        func expected(_ path: String) -> String {
            var segments = pathParts(path)
            if segments.last == "index.html" { segments.removeLast() }
            if let first = segments.first, loaded.config.language(first) != nil { segments.removeFirst() }
            return segments.joined(separator: "/")
        }
        let paths = [
            "/", "", "//", "/de/", "/de", "de", "/de/index.html", "/index.html", "index.html", "/de/guides/arbeit/",
            "/de//guides///arbeit//", "/fa/راهنما/کار/", "/fa/راهنما/کار/index.html", "/guides/arbeit/",
            "/en/guides/", "/de/de/", "/index.html/index.html", "/de/index.html/x/", "/de-x-ls/a/", "/fa",
        ]
        for path in paths {
            #expect(resolver.pageID(ofSitePath: path) == expected(path), "\(path)")
        }
        #expect(resolver.pageID(ofSitePath: "/fa/راهنما/کار/index.html") == "راهنما/کار")
        #expect(resolver.pageID(ofSitePath: "/de/index.html") == "")
        #expect(resolver.pageID(ofSitePath: "/de/de/") == "de")
    }
}
