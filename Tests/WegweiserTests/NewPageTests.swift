import Foundation
import Testing

@testable import Wegweiser

/// `wegweiser new` writes a file that builds as it is, and never overwrites one.
@Suite struct NewPageTests {
    func copyOfFixture() throws -> (URL, BuildOptions) {
        let temp = Fixtures.temporaryFolder()
        let source = Fixtures.root.appendingPathComponent("three-languages")
        try FileManager.default.copyItem(
            at: source.appendingPathComponent("content"), to: temp.appendingPathComponent("content"))
        var options = BuildOptions(now: Fixtures.now)
        options.contentPath = temp.appendingPathComponent("content").path
        options.templatesPath = source.appendingPathComponent("templates").path
        options.outputPath = temp.appendingPathComponent("output").path
        return (temp, options)
    }

    @Test func everyKindBuildsAsWritten() throws {
        let (temp, options) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: temp) }
        let created = [
            NewPage.create(kind: "event", target: "de/sommerfest", options: options),
            NewPage.create(kind: "profile", target: "en/profiles/ki-bonn", options: options),
            NewPage.create(kind: "guide", target: "de/guides/wohnen/_index", options: options),
            NewPage.create(kind: "page", target: "ar/pages/kontakt.md", options: options),
        ]
        #expect(created.map(\.diagnostics) == [[], [], [], []])
        #expect(
            created.map { $0.path?.replacingOccurrences(of: options.contentPath, with: "content") } == [
                "content/de/events/sommerfest.md", "content/en/profiles/ki-bonn.md",
                "content/de/guides/wohnen/_index.md",
                "content/ar/pages/kontakt.md",
            ])
        let event = try String(contentsOfFile: created[0].path!, encoding: .utf8)
        #expect(event.hasPrefix("---\n# Titel der Seite (Pflicht)\ntitle: \"Sommerfest\"\n"))
        #expect(event.contains("\nstart: 2025-11-01\n"))
        #expect(event.contains("\n#   postal_code:    # Postleitzahl\n"))
        let result = SiteGenerator.build(options)
        #expect(result.status == .success)
        #expect(result.diagnostics == [])
    }

    @Test func refusesToOverwriteAndExplainsBadTargets() throws {
        let (temp, options) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: temp) }
        let existing = options.contentPath + "/de/events/reihe.md"
        let before = try String(contentsOfFile: existing, encoding: .utf8)
        #expect(
            NewPage.create(kind: "event", target: "de/events/reihe", options: options).diagnostics.map(\.message) == [
                "\(existing) already exists; edit it, or choose another name"
            ])
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == before)
        #expect(
            NewPage.create(kind: "event", target: "de/Sommer Fest", options: options).diagnostics.map(\.message) == [
                "`Sommer Fest` cannot be part of a URL; use lowercase letters a–z, digits, `-` and `_`, e.g. `sommer-fest`"
            ])
        #expect(
            NewPage.create(kind: "news", target: "de/x", options: options).diagnostics.map(\.message) == [
                "the kind must be profile, guide, event or page, not `news`"
            ])
        #expect(
            NewPage.create(kind: "page", target: "fr/x", options: options).diagnostics.map(\.message) == [
                "give the language and the path, e.g. de/events/sommerfest"
            ])
    }

    /// `x.md` and `x/_index.md` are one page: `new` refuses to write the one beside the other, naming it, and
    /// writes nothing; another language's file of the page is its translation, which `new` writes.
    @Test func refusesASecondFileOfTheSamePage() throws {
        let (temp, options) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: temp) }
        let content = options.contentPath
        let refused = [
            NewPage.create(kind: "guide", target: "de/arbeit", options: options),
            NewPage.create(kind: "guide", target: "de/guides", options: options),
            NewPage.create(kind: "event", target: "de/reihe/_index", options: options),
        ]
        #expect(
            refused.map(\.diagnostics) == [
                [
                    Diagnostic(
                        file: "de/arbeit", line: 1, column: 1,
                        message:
                            "\(content)/de/guides/arbeit/_index.md is already the page /de/guides/arbeit/; edit it, or choose another name"
                    )
                ],
                [
                    Diagnostic(
                        file: "de/guides", line: 1, column: 1,
                        message:
                            "\(content)/de/guides/_index.md is already the page /de/guides/; edit it, or choose another name"
                    )
                ],
                [
                    Diagnostic(
                        file: "de/reihe/_index", line: 1, column: 1,
                        message:
                            "\(content)/de/events/reihe.md is already the page /de/events/reihe/; edit it, or choose another name"
                    )
                ],
            ])
        #expect(refused.map(\.path) == [nil, nil, nil])
        for path in ["de/guides/arbeit.md", "de/guides.md", "de/events/reihe/_index.md", "de/events/reihe"] {
            #expect(!FileManager.default.fileExists(atPath: content + "/" + path), "\(path)")
        }
        let translation = NewPage.create(kind: "guide", target: "ar/arbeit", options: options)
        #expect(translation.diagnostics == [])
        #expect(translation.path == content + "/ar/guides/arbeit.md")
        let result = SiteGenerator.build(options)
        #expect(result.status == .success)
        #expect(result.diagnostics == [])
    }
}
