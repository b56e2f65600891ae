import Foundation
import Synchronization
import Testing

@testable import Wegweiser

/// `serve`'s builds: after a change, the session's rebuild must give what a clean build of the changed site gives,
/// render only the pages a body-only change touches, and leave a build cache a later `build` can trust.
@Suite struct BuildSessionTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    /// The session's build, a change, its rebuild (told the paths changed) followed by what `serve` does after
    /// reporting it, then a clean build of the changed site into a fresh folder: both must agree on trees,
    /// diagnostics and status. A `build` after the rebuild must then find nothing to render.
    @discardableResult
    func expectSessionRebuildEqualsCleanBuild(
        _ site: Workspace, changed paths: [String], everything: Bool = false, bodiesOnly: Bool = false,
        restored: Int = 0, restoresEverything: Bool = false, sourceLocation: SourceLocation = #_sourceLocation,
        after change: () throws -> Void
    ) throws -> BuildResult {
        let session = BuildSession(options: site.options(output: site.output))
        #expect(session.build().status == .success, sourceLocation: sourceLocation)
        try change()
        let rebuild = session.rebuild(
            changed: Set(paths.map { site.root.appendingPathComponent($0).path }), everything: everything)
        #expect(session.tookBodiesOnly == bodiesOnly, sourceLocation: sourceLocation)
        session.writeCache()
        let restoring = session.restoreDeletedFiles()
        if restoresEverything {
            #expect(restoring?.status == .success, sourceLocation: sourceLocation)
            #expect(restoring?.renderedCount == restoring?.pageCount, sourceLocation: sourceLocation)
        } else {
            #expect((restoring?.renderedCount ?? 0) == restored, sourceLocation: sourceLocation)
        }
        let clean = site.root.appendingPathComponent("clean")
        let fresh = site.build(into: clean)
        #expect(rebuild.status == fresh.status, sourceLocation: sourceLocation)
        #expect(rebuild.diagnostics == fresh.diagnostics, sourceLocation: sourceLocation)
        #expect(rebuild.pageCount == fresh.pageCount, sourceLocation: sourceLocation)
        let expected = Fixtures.tree(clean)
        #expect(Fixtures.tree(site.output) == expected, sourceLocation: sourceLocation)
        if rebuild.status == .success {
            let next = site.build()
            #expect(next.renderedCount == 0, "the cache was not brought up to date", sourceLocation: sourceLocation)
            #expect(Fixtures.tree(site.output) == expected, sourceLocation: sourceLocation)
        }
        return rebuild
    }

    @Test func bodyChangeRendersOnlyThePagesShowingIt() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let path = "content/de/guides/arbeit/sprachkurs.md"
        // The German page and the English and Arabic fallback pages show it.
        let rebuild = try expectSessionRebuildEqualsCleanBuild(site, changed: [path], bodiesOnly: true) {
            try site.edit(path) { $0 + "\nEin neuer Absatz.\n" }
        }
        #expect(rebuild.renderedCount == 3)
    }

    /// The bug: a file a build warns about (`notizen.txt`) was ignored by `serve`, and the next body-only save
    /// reported the warnings of the build before — without it, or, after it was deleted, still with it.
    @Test func fileABuildWarnsAboutIsANormalBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let notes = "content/de/guides/arbeit/notizen.txt"
        let rebuild = try expectSessionRebuildEqualsCleanBuild(site, changed: [notes]) {
            try site.write(notes, "Anrufen\n")
        }
        #expect(rebuild.diagnostics.map(\.message).contains { $0.hasPrefix("the file is not published") })
    }

    /// The bug: a translation stamped with its source's hash became outdated when the source's body changed, but
    /// `serve` rendered the bodies only and did not say so (a build did). Such a change is a normal build now.
    @Test func sourceBodyChangeOutdatesStampedTranslation() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let source = "content/de/guides/arbeit/anerkennung.md"
        let stamped = Stamp.run(
            files: [site.root.appendingPathComponent("content/en/guides/arbeit/anerkennung.md").path], minor: false,
            options: site.options(output: site.output))
        #expect(stamped.diagnostics.filter { $0.severity == .error } == [])
        let rebuild = try expectSessionRebuildEqualsCleanBuild(site, changed: [source], bodiesOnly: false) {
            try site.edit(source) { $0 + "\nEin neuer Absatz.\n" }
        }
        #expect(rebuild.diagnostics.contains { $0.message.hasPrefix("this translation is outdated") })
    }

    @Test func severalBodiesAtOnce() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let paths = ["content/en/guides/arbeit/anerkennung.md", "content/de/events/sprachcafe.md"]
        let rebuild = try expectSessionRebuildEqualsCleanBuild(site, changed: paths, bodiesOnly: true) {
            for path in paths { try site.edit(path) { $0 + "\nMore.\n" } }
        }
        #expect(rebuild.renderedCount > 1)
        #expect(rebuild.renderedCount < rebuild.pageCount)
    }

    @Test func savedWithoutChangeRendersNothing() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let path = "content/en/guides/arbeit/anerkennung.md"
        let rebuild = try expectSessionRebuildEqualsCleanBuild(site, changed: [path], bodiesOnly: true) {
            let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
            try site.write(path, text)
        }
        #expect(rebuild.renderedCount == 0)
    }

    /// Front matter (a title; or a comment, which changes no field but moves the body's first line, so that
    /// diagnostics would point elsewhere) and a template: an ordinary build, which renders every page.
    @Test(arguments: [
        ("content/en/guides/arbeit/anerkennung.md", "title: Recognition", "title: Degrees"),
        ("content/en/guides/arbeit/anerkennung.md", "title: Recognition\n", "title: Recognition\n# Checked.\n"),
        ("templates/base.html", "<body>", "<body class=\"x\">"),
    ])
    func changesBeyondBodiesRenderEveryPage(path: String, text: String, replacement: String) throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try expectSessionRebuildEqualsCleanBuild(site, changed: [path]) {
            try site.edit(path) { $0.replacingOccurrences(of: text, with: replacement) }
        }
        #expect(rebuild.renderedCount == rebuild.pageCount)
    }

    @Test func newPageIsAFullBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let path = "content/en/guides/arbeit/sprachkurs.md"
        try expectSessionRebuildEqualsCleanBuild(site, changed: [path]) {
            try site.write(path, "---\ntitle: Language course\n---\nAsk us.\n")
        }
    }

    @Test func deletedPage() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let path = "content/de/events/workshop-2.md"
        try expectSessionRebuildEqualsCleanBuild(site, changed: [path]) { try site.remove(path) }
    }

    /// When changes may have been missed (the watcher lost events), a body-only change still goes the long way.
    @Test func missedChangesMeanANormalBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try expectSessionRebuildEqualsCleanBuild(site, changed: [], everything: true) {
            try site.edit("content/site.yml") {
                $0.replacingOccurrences(of: "en: Integration in Testhausen", with: "en: Welcome to Testhausen")
            }
        }
    }

    /// Removing a heading another page links to: reported as a clean build reports it, and the output stays.
    /// Mending it in another file (the link) is then a body change too, and the error goes away.
    @Test func brokenAnchorIsReportedUntilMended() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let session = BuildSession(options: site.options(output: site.output))
        #expect(session.build().status == .success)
        let before = Fixtures.tree(site.output)
        let target = "content/en/guides/arbeit/anerkennung.md"
        try site.edit(target) { $0.replacingOccurrences(of: "## Costs {#kosten}", with: "## Costs") }
        let broken = session.rebuild(changed: [site.root.appendingPathComponent(target).path])
        #expect(session.tookBodiesOnly)
        let clean = site.build(into: site.root.appendingPathComponent("clean"))
        #expect(broken.status == .contentErrors)
        #expect(broken.diagnostics == clean.diagnostics)
        #expect(broken.diagnostics.contains { $0.message.contains("#kosten") })
        #expect(Fixtures.tree(site.output) == before)

        // An unrelated body change does not hide the error: the failed change is tried again with it.
        let other = "content/de/events/sprachcafe.md"
        try site.edit(other) { $0 + "\nMehr.\n" }
        let still = session.rebuild(changed: [site.root.appendingPathComponent(other).path])
        #expect(still.status == .contentErrors)
        #expect(Fixtures.tree(site.output) == before)

        try site.edit(target) { $0.replacingOccurrences(of: "## Costs\n", with: "## Costs {#kosten}\n") }
        let mended = session.rebuild(changed: [site.root.appendingPathComponent(target).path])
        #expect(mended.status == .success)
        #expect(session.tookBodiesOnly)
        session.writeCache()
        let fresh = site.root.appendingPathComponent("fresh")
        #expect(site.build(into: fresh).diagnostics == mended.diagnostics)
        #expect(Fixtures.tree(site.output) == Fixtures.tree(fresh))
        #expect(site.build().renderedCount == 0)
    }

    /// A file deleted from the output by hand is written again after the next save, as `build` writes it again: a
    /// page from the kept site; a file made from all pages (the sitemap) by a normal build.
    @Test(arguments: [("en/index.html", false), ("sitemap.xml", true)])
    func fileDeletedFromTheOutputIsWrittenAgain(deleted: String, everything: Bool) throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let path = "content/de/guides/arbeit/sprachkurs.md"
        let rebuild = try expectSessionRebuildEqualsCleanBuild(
            site, changed: [path], bodiesOnly: true, restored: everything ? 0 : 1, restoresEverything: everything
        ) {
            try FileManager.default.removeItem(at: site.output.appendingPathComponent(deleted))
            try site.edit(path) { $0 + "\nEin neuer Absatz.\n" }
        }
        // The three pages that show the changed file; the deleted file after the report.
        #expect(rebuild.renderedCount == 3)
    }

    @Test func removedOutputFolderMeansANormalBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let path = "content/de/guides/arbeit/sprachkurs.md"
        let rebuild = try expectSessionRebuildEqualsCleanBuild(site, changed: [path]) {
            try FileManager.default.removeItem(at: site.output)
            try site.edit(path) { $0 + "\nEin neuer Absatz.\n" }
        }
        #expect(rebuild.renderedCount == rebuild.pageCount)
    }

    @Test(arguments: [
        ("content/de/guides/arbeit.md", BuildSession.Change.pageFile),
        ("content/de/_index.md", .pageFile),
        ("content/site.yml", .other),
        ("content/notes.md", .ignored),
        ("content/de/guides/.arbeit.md.swp", .ignored),
        ("content/de/guides/arbeit.md~", .ignored),
        ("content/de/guides/4913", .ignored),
        ("content/de/bild.png", .other),
        ("content/de/guides/notizen.txt", .other),
        ("content/de/guides/plan.svg", .other),
        ("content/de/guides/kontakt.MD", .other),
        ("content/de/guides/neu", .other),
        ("content/de/guides/_notizen.txt", .ignored),
        ("content/de/guides/#arbeit.md#", .ignored),
        ("content/de/guides/~$antrag.docx", .ignored),
        ("templates/base.html", .other),
        ("templates/i18n/de.yml", .other),
        ("templates/.base.html.swp", .ignored),
    ])
    func changesAreSortedByWhatTheyAffect(path: String, change: BuildSession.Change) {
        var options = BuildOptions(now: Fixtures.now)
        options.contentPath = "content/"
        options.templatesPath = "templates"
        #expect(BuildSession(options: options).change(at: path) == change)
    }

    /// A clock the test moves.
    final class Clock: Sendable {
        private let time: Mutex<Date>
        init(_ start: Date) { time = Mutex(start) }
        var now: Date { time.withLock { $0 } }
        func set(_ date: Date) { time.withLock { $0 = date } }
    }

    /// A session whose clock moves from `start` to `later` between its build and a body-only change: the rebuild
    /// must equal a clean build at `later`, and take the short way exactly when `bodiesOnly`. Returns whether a
    /// clean build at `start` differs from one at `later` (so whether keeping the old site would have been wrong).
    func expectRebuildAtTheNewTime(
        from start: Date, to later: Date, bodiesOnly: Bool, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Bool {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let clock = Clock(start)
        let session = BuildSession(options: site.options(output: site.output), clock: { clock.now })
        #expect(session.build().status == .success, sourceLocation: sourceLocation)
        let path = "content/de/guides/arbeit/sprachkurs.md"
        try site.edit(path) { $0 + "\nEin neuer Absatz.\n" }
        clock.set(later)
        let rebuild = session.rebuild(changed: [site.root.appendingPathComponent(path).path])
        #expect(rebuild.status == .success, sourceLocation: sourceLocation)
        #expect(session.tookBodiesOnly == bodiesOnly, sourceLocation: sourceLocation)
        func clean(at now: Date, into folder: String) -> [String: Data] {
            var options = site.options(output: site.root.appendingPathComponent(folder))
            options.now = now
            _ = SiteGenerator.build(options)
            return Fixtures.tree(site.root.appendingPathComponent(folder))
        }
        let expected = clean(at: later, into: "clean-later")
        #expect(Fixtures.tree(site.output) == expected, sourceLocation: sourceLocation)
        return clean(at: start, into: "clean-start") != expected
    }

    /// Without `--now`, each build takes the time anew. Within the day, with no event ending, the kept site is
    /// what a build would make, and a body-only change takes the short way.
    @Test func laterTheSameDayTheKeptSiteIsUsed() throws {
        let changed = try expectRebuildAtTheNewTime(
            from: Fixtures.now, to: Fixtures.now.addingTimeInterval(3600), bodiesOnly: true)
        #expect(!changed)
    }

    /// The next day, the "as of" date and calendars' stamps change: a normal build at the new time.
    @Test func theNextDayIsANormalBuild() throws {
        let changed = try expectRebuildAtTheNewTime(
            from: Fixtures.now, to: Fixtures.now.addingTimeInterval(86_400), bodiesOnly: false)
        #expect(changed)
    }

    /// `serve` waits for changes until the kept site goes out of date, then rebuilds without a save: here at
    /// midnight in Berlin (23:00 UTC), the fixture's first change.
    @Test func outOfDateWithoutASave() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let clock = Clock(Fixtures.now)  // 2025-11-01T12:26:40Z
        let session = BuildSession(options: site.options(output: site.output), clock: { clock.now })
        #expect(session.build().status == .success)
        #expect(!session.isOutOfDate)
        #expect(session.millisecondsUntilOutOfDate == 38_000_001)
        clock.set(Date(timeIntervalSince1970: 1_762_038_001))  // a second past midnight in Berlin
        #expect(session.isOutOfDate)
        #expect(session.millisecondsUntilOutOfDate == 0)
        #expect(session.rebuild(changed: []).status == .success)
        #expect(!session.tookBodiesOnly)
        var options = site.options(output: site.root.appendingPathComponent("clean"))
        options.now = clock.now
        _ = SiteGenerator.build(options)
        #expect(Fixtures.tree(site.output) == Fixtures.tree(site.root.appendingPathComponent("clean")))
        #expect(!session.isOutOfDate)

        // With a fixed time (`--now`), never.
        let fixed = BuildSession(options: site.options(output: site.output))
        #expect(fixed.build().status == .success)
        #expect(!fixed.isOutOfDate)
        #expect(fixed.millisecondsUntilOutOfDate == -1)
    }

    /// The same day, after the weekly Sprachcafé's evening (Thursday 6 November 2025, 17–19 h in Berlin) is over:
    /// its next date moves on, so the lists change, and so does the build.
    @Test func theEndOfAnEventIsANormalBuild() throws {
        let morning = Date(timeIntervalSince1970: 1_762_423_200)  // 2025-11-06T10:00:00Z
        let evening = Date(timeIntervalSince1970: 1_762_453_800)  // 2025-11-06T18:30:00Z
        let changed = try expectRebuildAtTheNewTime(from: morning, to: evening, bodiesOnly: false)
        #expect(changed)
    }
}
