import Foundation
import Testing

@testable import Wegweiser

/// A build after only Markdown bodies changed puts the new bodies in place without loading the site
/// (`QuickRebuild`); whatever it cannot prove unchanged goes to a normal build. Either way the output, the
/// diagnostics and the status are those of a clean build.
@Suite struct QuickRebuildTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    /// The German-only page: its German page and the English and Arabic fallback pages show its body.
    static let germanOnly = "content/de/guides/arbeit/sprachkurs.md"

    @Test func changedBodyIsPutInPlace() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit(Self.germanOnly) { $0 + "\nEin neuer Absatz mit **Betonung**.\n" }
        }
        #expect(rebuild.putInPlace)
        #expect(rebuild.renderedCount == 3)
    }

    /// The patched cache serves the next quick rebuild, and a normal rebuild after it.
    @Test func patchedCacheServesTheNextBuilds() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.expectRebuildEqualsCleanBuild {
            try site.edit(Self.germanOnly) { $0 + "\nErster Absatz.\n" }
        }
        for (index, change) in ["\nZweiter Absatz.\n", "\n## Neuer Abschnitt\n\nDritter Absatz.\n"].enumerated() {
            try site.edit(Self.germanOnly) { $0 + change }
            let rebuild = site.build()
            #expect(rebuild.putInPlace, "edit \(index + 1)")
            try expectSameAsClean(site, rebuild)
        }
        try site.edit(Self.germanOnly) { $0.replacingOccurrences(of: "weight: 2", with: "weight: 3") }
        let normal = site.build()
        #expect(!normal.putInPlace)
        try expectSameAsClean(site, normal)
        // Back to a body the cache knew before: the page must not be taken over from an older state.
        try site.edit(Self.germanOnly) { $0 + "\nNoch ein Absatz.\n" }
        let quick = site.build()
        #expect(quick.putInPlace)
        try expectSameAsClean(site, quick)
    }

    /// Quick rebuilds append their lines to the cache; a normal build reads them in place of those they replace.
    @Test func appendedLinesReplaceTheOldOnes() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        #expect(site.build().status == .success)
        let size = try FileManager.default.attributesOfItem(atPath: site.cachePath)[.size] as! Int
        var last: BuildResult?
        for (file, text) in [
            (Self.germanOnly, "\nEins.\n"), ("content/en/guides/arbeit/anerkennung.md", "\nTwo.\n"),
            (Self.germanOnly, "\nDrei.\n"),
        ] {
            try site.edit(file) { $0 + text }
            last = site.build()
            #expect(last?.putInPlace == true)
        }
        let grown = try FileManager.default.attributesOfItem(atPath: site.cachePath)[.size] as! Int
        #expect(grown > size)
        try expectSameAsClean(site, try #require(last))
        // site.yml touched, not changed: no quick rebuild, and a normal one finds every page as the appended lines
        // say.
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: 60)],
            ofItemAtPath: site.content.appendingPathComponent("site.yml").path)
        let rebuild = site.build()
        #expect(!rebuild.putInPlace)
        #expect(rebuild.status == .success)
        #expect(rebuild.renderedCount == 0)
        try expectSameAsClean(site, rebuild)
    }

    /// The cache `serve` writes after putting a changed body in from the site kept in memory serves a quick
    /// rebuild by `build` of the same file afterwards.
    @Test func cacheWrittenByServeServesAQuickRebuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let session = BuildSession(options: site.options(output: site.output))
        #expect(session.build().status == .success)
        try site.edit(Self.germanOnly) { $0 + "\nIm Vorschaufenster.\n" }
        #expect(session.rebuild(changed: [site.root.appendingPathComponent(Self.germanOnly).path]).status == .success)
        #expect(session.tookBodiesOnly)
        session.writeCache()
        try site.edit(Self.germanOnly) { $0 + "\nDanach.\n" }
        let rebuild = site.build()
        #expect(rebuild.putInPlace)
        try expectSameAsClean(site, rebuild)
    }

    @Test func newLinkDestinationMeansNormalBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit(Self.germanOnly) { $0 + "\nSiehe das [Impressum](../../pages/impressum.md).\n" }
        }
        #expect(!rebuild.putInPlace)
        #expect(rebuild.renderedCount == 3)
    }

    @Test func knownLinkDestinationsAreResolvedAsBefore() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        // The same destinations again, further down and in another order: the anchor checks move with them.
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit(Self.germanOnly) {
                $0
                    + "\nUnd wieder: [Ablauf](anerkennung.md#ablauf), [Übersicht](../_index.md), [K](anerkennung.md#kosten).\n"
            }
        }
        #expect(rebuild.putInPlace)
    }

    /// A destination written decomposed is another destination than the same text composed (`==` would take
    /// them as one).
    @Test func destinationsAreComparedByBytes() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.edit(Self.germanOnly) { $0 + "\n## Café\n\n[Oben](#caf\u{E9}).\n" }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit(Self.germanOnly) { $0 + "\n[Noch einmal](#cafe\u{301}).\n" }
        }
        #expect(!rebuild.putInPlace)
    }

    /// A heading renamed together with the page's own link to it: the old link is gone with the old heading.
    @Test func headingRenamedWithItsOwnLink() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.edit(Self.germanOnly) { $0 + "\n## Ablauf {#schritte}\n\n[Zu den Schritten](#schritte).\n" }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit(Self.germanOnly) {
                $0.replacingOccurrences(of: "{#schritte}", with: "{#wege}")
                    .replacingOccurrences(of: "(#schritte)", with: "(#wege)")
            }
        }
        #expect(!rebuild.putInPlace, "`#wege` is a new destination")
        // The heading and the only link to it removed together.
        let again = try site.expectRebuildEqualsCleanBuild {
            try site.edit(Self.germanOnly) {
                $0.replacingOccurrences(of: "## Ablauf {#wege}", with: "").replacingOccurrences(
                    of: "[Zu den Schritten](#wege).", with: "")
            }
        }
        #expect(again.putInPlace, "no link points at the heading that is gone")
    }

    @Test func removedHeadingThatOthersLinkToIsReported() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        #expect(site.build().status == .success)
        try site.edit("content/de/guides/arbeit/anerkennung.md") {
            $0.replacingOccurrences(of: "## Kosten {#kosten}", with: "## Gebühren")
        }
        let rebuild = site.build()
        #expect(!rebuild.putInPlace)
        #expect(rebuild.status == .contentErrors)
        #expect(rebuild.diagnostics.contains { $0.message.hasPrefix("`#kosten` is not a heading") })
    }

    @Test func newErrorInBodyMeansNormalBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        #expect(site.build().status == .success)
        // A heading id given twice is an error.
        try site.edit(Self.germanOnly) { $0 + "\n## Eins {#doppelt}\n\n## Zwei {#doppelt}\n" }
        let rebuild = site.build()
        #expect(!rebuild.putInPlace)
        #expect(rebuild.status == .contentErrors)
    }

    /// A path with a `\` is written escaped in the cache: the pages showing the file are found all the same.
    @Test func pathsWrittenEscapedInTheCache() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let odd = site.root.appendingPathComponent("a\\b")
        try FileManager.default.createDirectory(at: odd, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: site.content, to: odd.appendingPathComponent("content"))
        var options = site.options(output: site.output)
        options.contentPath = odd.appendingPathComponent("content").path
        #expect(SiteGenerator.build(options).status == .success)
        try String(contentsOfFile: options.contentPath + "/de/guides/arbeit/sprachkurs.md", encoding: .utf8)
            .appending("\nMehr.\n").write(
                toFile: options.contentPath + "/de/guides/arbeit/sprachkurs.md", atomically: false, encoding: .utf8)
        let rebuild = SiteGenerator.build(options)
        #expect(rebuild.putInPlace)
        #expect(rebuild.renderedCount == 3)
        options.outputPath = site.root.appendingPathComponent("clean").path
        #expect(SiteGenerator.build(options).diagnostics == rebuild.diagnostics)
        #expect(Fixtures.tree(site.output) == Fixtures.tree(URL(fileURLWithPath: options.outputPath)))
    }

    /// Warnings of the changed page move with its text; those of other pages are reported again.
    @Test func diagnosticsAreThoseOfACleanBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.edit("content/en/guides/arbeit/anerkennung.md") { $0 + "\n#### Skipped levels\n" }
        try site.edit(Self.germanOnly) { $0 + "\n#### Übersprungen\n" }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit(Self.germanOnly) {
                $0.replacingOccurrences(of: "#### Übersprungen", with: "Davor.\n\n#### Übersprungen")
            }
        }
        #expect(rebuild.putInPlace)
        #expect(rebuild.diagnostics.count { $0.severity == .warning } == 2)
    }

    @Test func bodyTurnedEmptyMeansNormalBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit(Self.germanOnly) { String($0.prefix(upTo: $0.range(of: "Vorher")!.lowerBound)) }
        }
        #expect(!rebuild.putInPlace)
    }

    /// A template that uses the body in any other way than printing it once cannot take a new one in place.
    @Test(arguments: [
        "{{ page.content }}{{ page.content }}",
        "{{ page.content }}<p>{{ page.content.size }}</p>",
        "{% set c = page.content %}{{ c }}{% if c %}!{% endif %}",
        "{% set p = page %}{{ p.content }}",
        "{{ page.content | raw }}<p>{{ page.content | size }}</p>",
    ])
    func templateUsingTheBodyOtherwiseMeansNormalBuild(template: String) throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.write("templates/partials/content.html", template)
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit(Self.germanOnly) { $0 + "\nMehr Text.\n" }
        }
        #expect(!rebuild.putInPlace)
    }

    @Test func templateAskingWhetherTheBodyIsEmptyTakesItInPlace() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.write(
            "templates/partials/content.html", "{% if page.content %}<div>{{ page.content }}</div>{% endif %}")
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit(Self.germanOnly) { $0 + "\nMehr Text.\n" }
        }
        #expect(rebuild.putInPlace)
    }

    @Test func stampedSourceMeansNormalBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.edit("content/en/guides/arbeit/anerkennung.md") {
            $0.replacingOccurrences(of: "title: Recognition", with: "title: Recognition\nsource_hash: 0000000000000000")
        }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit("content/de/guides/arbeit/anerkennung.md") { $0 + "\nNeu.\n" }
        }
        #expect(!rebuild.putInPlace)
    }

    /// A draft is read but shown nowhere: its body may change without a build.
    @Test func changedDraftBodyChangesNoPage() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.write("content/de/guides/arbeit/entwurf.md", "---\ntitle: Entwurf\ndraft: true\n---\nText.\n")
        try site.edit(Self.germanOnly) { $0 + "\nMehr.\n" }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit("content/de/guides/arbeit/entwurf.md") { $0 + "\nMehr Text.\n" }
            try site.edit(Self.germanOnly) { $0 + "\nNoch mehr.\n" }
        }
        #expect(rebuild.putInPlace)
        #expect(rebuild.renderedCount == 3)
    }

    /// A build at an earlier time of the same day may find an event to come that the cache's build found past.
    @Test func earlierTimeMeansNormalBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        #expect(site.build().status == .success)
        try site.edit(Self.germanOnly) { $0 + "\nMehr.\n" }
        var options = site.options(output: site.output)
        options.now = Fixtures.now.addingTimeInterval(-60)
        let rebuild = SiteGenerator.build(options)
        #expect(rebuild.status == .success)
        #expect(!rebuild.putInPlace)
        options.now = Fixtures.now
        #expect(SiteGenerator.build(options).status == .success)
        try site.edit(Self.germanOnly) { $0 + "\nNoch mehr.\n" }
        options.now = Fixtures.now.addingTimeInterval(60)
        #expect(SiteGenerator.build(options).putInPlace)
    }

    /// site.yml is read through a symbolic link (with a warning): a change of the file it points to counts.
    @Test func siteSettingsBehindASymbolicLink() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let settings = site.content.appendingPathComponent("site.yml")
        let real = site.root.appendingPathComponent("real.yml")
        try FileManager.default.moveItem(at: settings, to: real)
        try FileManager.default.createSymbolicLink(atPath: settings.path, withDestinationPath: real.path)
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit("real.yml") { $0.replacingOccurrences(of: "Testhausen", with: "Anderswo") }
            try site.edit(Self.germanOnly) { $0 + "\nMehr.\n" }
        }
        #expect(!rebuild.putInPlace)
        #expect(rebuild.diagnostics.contains { $0.file == settings.path })
        // Its lines are shown with the warning about the link, as a build shows them.
        try site.edit(Self.germanOnly) { $0 + "\nNoch mehr.\n" }
        let quick = site.build()
        #expect(quick.putInPlace)
        #expect(quick.diagnostics == rebuild.diagnostics)
        #expect(quick.sources[settings.path] == rebuild.sources[settings.path])
        #expect(quick.sources[settings.path] != nil)
    }

    @Test func newFileMeansNormalBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit(Self.germanOnly) { $0 + "\nMehr.\n" }
            try site.write("content/de/guides/arbeit/neu.md", "---\ntitle: Neu\n---\nText.\n")
        }
        #expect(!rebuild.putInPlace)
    }

    @Test func outputFileChangedByHandMeansNormalBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            let page = site.output.appendingPathComponent("de/guides/arbeit/sprachkurs/index.html")
            try Data("<p>hand-made</p>".utf8).write(to: page)
            try site.edit(Self.germanOnly) { $0 + "\nMehr.\n" }
        }
        #expect(!rebuild.putInPlace)
    }

    /// A cache that stays as it was while the output changes would take the changed pages for the old ones later
    /// (a folder in its place stands for a read-only one, which root could still change).
    @Test func cacheThatCannotBeRemovedStopsTheBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        #expect(site.build().status == .success)
        let page = site.output.appendingPathComponent("de/guides/arbeit/sprachkurs/index.html")
        let before = try Data(contentsOf: page)
        try FileManager.default.removeItem(atPath: site.cachePath)
        try FileManager.default.createDirectory(atPath: site.cachePath + "/kept", withIntermediateDirectories: true)
        try site.edit(Self.germanOnly) { $0 + "\nMehr.\n" }
        let rebuild = site.build()
        #expect(rebuild.status == .ioError)
        #expect(rebuild.diagnostics.map(\.file) == [site.cachePath])
        #expect(rebuild.diagnostics.first?.message.hasPrefix("the build cache cannot be removed") == true)
        #expect(try Data(contentsOf: page) == before)
    }

    @Test func corruptCacheMeansNormalBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: site.cachePath)))
            let show = bytes.indices.first { bytes[$0...].starts(with: Array("show\t".utf8)) }!
            bytes[show + 10] ^= 1
            try Data(bytes).write(to: URL(fileURLWithPath: site.cachePath))
            try site.edit(Self.germanOnly) { $0 + "\nMehr.\n" }
        }
        #expect(!rebuild.putInPlace)
        #expect(rebuild.renderedCount == rebuild.pageCount)
    }

    /// The output and the result of the build just made (`rebuild`) are those of a clean build.
    private func expectSameAsClean(
        _ site: Workspace, _ rebuild: BuildResult, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let clean = site.root.appendingPathComponent("clean")
        try? FileManager.default.removeItem(at: clean)
        let fresh = site.build(into: clean)
        #expect(fresh.status == .success, sourceLocation: sourceLocation)
        #expect(rebuild.status == fresh.status, sourceLocation: sourceLocation)
        #expect(rebuild.diagnostics == fresh.diagnostics, sourceLocation: sourceLocation)
        #expect(rebuild.pageCount == fresh.pageCount, sourceLocation: sourceLocation)
        let rebuilt = Fixtures.tree(site.output)
        let expected = Fixtures.tree(clean)
        #expect(Set(rebuilt.keys) == Set(expected.keys), sourceLocation: sourceLocation)
        for (path, bytes) in expected where rebuilt[path] != bytes {
            Issue.record("\(path) differs from a clean build", sourceLocation: sourceLocation)
        }
    }
}
