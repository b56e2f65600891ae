import Foundation
import Testing

@testable import Wegweiser

/// A sitemap past the protocol's limits (50,000 URLs or 50 MB per file) becomes a sitemap index and its parts.
@Suite struct SitemapTests {
    /// The `three-languages` fixture's site, loaded but not rendered.
    static func site() throws -> Site {
        let options = Fixtures.options("three-languages", output: "/nonexistent")
        var loader = ContentLoader(root: options.contentPath)
        return try SiteGenerator.load(options, loader: &loader).site
    }

    static func text(_ file: RenderedFile) -> String { String(decoding: file.bytes, as: UTF8.self) }

    /// The `<url>…</url>` entries of a sitemap file, in order.
    static func entries(_ text: String) -> [String] {
        text.components(separatedBy: "  <url>\n").dropFirst().map { $0.components(separatedBy: "  </url>\n")[0] }
    }

    @Test func smallSiteHasOneFile() throws {
        let files = Sitemap(site: try Self.site()).files()
        let expected = try String(
            contentsOf: Fixtures.root.appendingPathComponent("three-languages/expected/sitemap.xml"), encoding: .utf8)
        #expect(files.map(\.path) == ["sitemap.xml"])
        #expect(Self.text(files[0]) == expected)
    }

    @Test func tooManyURLsMakeAnIndexAndParts() throws {
        let site = try Self.site()
        let whole = Self.entries(Self.text(Sitemap(site: site).files()[0]))
        #expect(whole.count == 26)
        let files = Sitemap(site: site, maxURLs: 10).files()
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        #expect(
            Self.text(files[0]) == """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://example.org/site/sitemap-1.xml</loc></sitemap>
                  <sitemap><loc>https://example.org/site/sitemap-2.xml</loc></sitemap>
                  <sitemap><loc>https://example.org/site/sitemap-3.xml</loc></sitemap>
                </sitemapindex>

                """)
        let parts = files.dropFirst().map { Self.entries(Self.text($0)) }
        #expect(parts.map(\.count) == [10, 10, 6])
        #expect(Array(parts.joined()) == whole)
        for part in files.dropFirst() {
            let text = Self.text(part)
            #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "))
            #expect(text.hasSuffix("  </url>\n</urlset>\n"))
        }
    }

    @Test func tooManyBytesMakeAnIndexAndParts() throws {
        let site = try Self.site()
        let whole = Self.entries(Self.text(Sitemap(site: site).files()[0]))
        let limit = 2_000
        let files = Sitemap(site: site, maxBytes: limit).files()
        #expect(files.count > 2)
        #expect(files.dropFirst().allSatisfy { $0.bytes.count <= limit })
        let parts = files.dropFirst().map { Self.entries(Self.text($0)) }
        #expect(parts.allSatisfy { !$0.isEmpty })
        #expect(Array(parts.joined()) == whole)
        #expect(Self.text(files[0]).components(separatedBy: "<sitemap>").count - 1 == files.count - 1)
    }
}
