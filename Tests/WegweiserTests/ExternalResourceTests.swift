import Foundation
import Testing

@testable import Wegweiser

/// Nothing a page shows is loaded from another host, and a link that phones may not open is pointed out.
@Suite struct ExternalResourceTests {
    static func check(_ body: String) -> (site: HostileSite, result: BuildResult) {
        let site = HostileSite(content: ["de/pages/a.md": "---\ntitle: A\n---\n" + body])
        return (site, site.build())
    }

    @Test(arguments: [
        ("![Stadtplan](https://tracker.example.com/pixel.png)", "tracker.example.com"),
        ("![Logo](//cdn.example.net/logo.png)", "cdn.example.net"),
        ("Text ![Karte](HTTP://Maps.Example.com:8080/k.png)", "maps.example.com"),
    ])
    func imageFromAnotherHostIsAnError(body: String, host: String) {
        let (site, result) = Self.check(body + "\n")
        defer { site.remove() }
        #expect(result.status == .contentErrors)
        #expect(result.diagnostics.count == 1)
        let column = body.hasPrefix("Text") ? 6 : 1
        #expect(
            site.printed(result).hasPrefix(
                "content/de/pages/a.md:4:\(column): error: the image would be loaded from \(host) each time the page is read, which tells that host who reads it; copy the image into templates/assets and link it as /assets/<name>\n"
            ))
    }

    @Test(arguments: [
        "![Rathaus](https://example.org/bilder/rathaus.png)", "![Rathaus](https://EXAMPLE.org/rathaus.png)",
        "![Punkt](data:image/png;base64,iVBORw0KGgo=)",
        "[Karte](https://maps.example.com/) [Mail](mailto:ki@example.org) [Telefon](tel:+492118921010)",
    ])
    func ownImagesAndCommonLinksPass(body: String) {
        let (site, result) = Self.check(body + "\n")
        defer { site.remove() }
        #expect(result.status == .success)
        #expect(result.diagnostics.isEmpty, "\(site.printed(result))")
    }

    /// A preview with --base-url keeps the images site.yml's host serves.
    @Test func imageFromSiteYMLHostPassesWithAnotherBaseURL() {
        let site = HostileSite(content: ["de/pages/a.md": "---\ntitle: A\n---\n![Logo](https://example.org/logo.png)\n"]
        )
        defer { site.remove() }
        var options = site.options()
        options.baseURL = "https://preview.example.net/"
        let result = SiteGenerator.build(options)
        #expect(result.status == .success)
        #expect(result.diagnostics.isEmpty)
    }

    @Test(arguments: [("[Datei](ftp://example.org/x)", "ftp:"), ("[App](intent://scan/#Intent;end)", "intent:")])
    func linkWithAnUnusualSchemeIsAWarning(body: String, scheme: String) {
        let (site, result) = Self.check(body + "\n")
        defer { site.remove() }
        #expect(result.status == .success)
        #expect(
            site.printed(result).hasPrefix(
                "content/de/pages/a.md:4:1: warning: the link uses `\(scheme)`, which many phones and browsers cannot open; https://, http://, mailto: and tel: links work everywhere\n"
            ))
    }
}
