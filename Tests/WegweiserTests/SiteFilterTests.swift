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
        var loader = ContentLoader(root: site.options().contentPath)
        let loaded = try SiteGenerator.load(site.options(), loader: &loader).site
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
}
