import Foundation
import Testing

@testable import Wegweiser

/// Explicit heading ids in a built site: they keep their ids in the page and in `#anchor` checks, and a repeated
/// one is an error at the second heading.
@Suite struct HeadingIDDiagnosticTests {
    static func page(_ body: String) -> String {
        "---\ntitle: Ids\n---\n" + body
    }

    /// The editor's `{#kosten}` keeps its id, so `#kosten` reaches the heading they named.
    @Test func explicitIDAfterAutomaticIDIsKeptInThePage() {
        let site = HostileSite(content: [
            "de/pages/ids.md": Self.page("## Kosten\n\nText.\n\n## Gebühren {#kosten}\n\nSiehe [Gebühren](#kosten).\n")
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        #expect(site.printed(result) == "")
        let html = site.file("de/pages/ids/index.html") ?? ""
        #expect(html.contains("<h2 id=\"kosten-1\">Kosten</h2>\n<p>Text.</p>\n<h2 id=\"kosten\">Gebühren</h2>"))
        #expect(html.contains("<a href=\"#kosten\">Gebühren</a>"))
    }

    /// A second heading with the same explicit id fails the build, at its `{#id}`, naming the first one's line.
    @Test func repeatedExplicitIDIsAnError() {
        let site = HostileSite(content: [
            "de/pages/ids.md": Self.page("## Gebühren {#kosten}\n\nText.\n\n## Preise {#kosten}\n")
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            site.printed(result) == """
                content/de/pages/ids.md:8:11: error: the id `kosten` is already used by the heading at line 4
                 8 | ## Preise {#kosten}
                   |           ^

                """)
    }

    static let idsPage = page("## Kosten\n\n## Kosten\n\n## Preise {#kosten-1}\n")

    /// `#anchor` links from other pages are checked against the ids the page really has: the numbering skips the
    /// explicit `kosten-1`, so the second `Kosten` is `kosten-2`.
    @Test func anchorsFromOtherPagesUseTheFinalIDs() {
        let site = HostileSite(content: [
            "de/pages/ids.md": Self.idsPage,
            "de/pages/a.md": Self.page(
                "[Preise](ids.md#kosten-1), [Kosten](ids.md#kosten-2), [alt](ids.md#kosten-1-1)\n"),
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            result.diagnostics.map(\.message) == [
                "`#kosten-1-1` is not a heading on \(site.root.path)/content/de/pages/ids.md; did you mean `#kosten-1`?"
            ])
        #expect(result.diagnostics.map(\.position.column) == [55])
    }

    /// A rebuild checks a changed link against the headings the cache kept of the unchanged page: the final ids.
    @Test func rebuildChecksAnchorsAgainstTheCachedFinalIDs() throws {
        let site = HostileSite(content: [
            "de/pages/ids.md": Self.idsPage,
            "de/pages/a.md": Self.page("[Preise](ids.md#kosten-1)\n"),
        ])
        defer { site.remove() }
        #expect(site.build().status == .success)
        site.write("content/de/pages/a.md", Data(Self.page("[Kosten](ids.md#kosten-2)\n").utf8))
        let rebuild = site.build()
        #expect(rebuild.renderedCount == 1)
        #expect(rebuild.status == .success)
        #expect(site.printed(rebuild) == "")
        #expect(site.file("de/pages/a/index.html")?.contains("#kosten-2\">Kosten</a>") == true)
    }
}
