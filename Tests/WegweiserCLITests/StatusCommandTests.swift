import Foundation
import Testing

/// `status` reports on translations; a content error makes the report incomplete, so it fails.
@Suite struct StatusCommandTests {
    let cli = CommandLineTests()

    @Test func contentErrorMakesStatusFail() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wegweiser-status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let files = [
            "content/site.yml":
                "title: T\nbase_url: https://example.org/\nlanguages:\n  - code: de\n    name: Deutsch\n",
            "content/de/pages/a.md": "---\ntitle: A\n---\nText.\n",
        ]
        for (path, text) in files {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let status = ["status", "--templates", CommandLineTests.fixtures.appendingPathComponent("theme").path]
        #expect(try cli.run(status, in: site).status == 0)

        try Data("---\ntitle: [B\n---\nText.\n".utf8).write(
            to: site.appendingPathComponent("content/de/pages/b.md"))
        let broken = try cli.run(status, in: site)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("content/de/pages/b.md:2:"))
    }
}
