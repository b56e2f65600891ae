import Foundation
import Testing

@testable import Wegweiser

/// A rebuild into the same output after a change must give exactly what a clean build of the changed site gives,
/// for every kind of change, and must render again only the pages a change of Markdown touches.
@Suite struct IncrementalBuildTests {
    /// A copy of the three-languages fixture (content and theme) that a test may change.
    struct Workspace {
        let root: URL
        var content: URL { root.appendingPathComponent("content") }
        var templates: URL { root.appendingPathComponent("templates") }
        var output: URL { root.appendingPathComponent("output") }

        init() throws {
            root = Fixtures.temporaryFolder()
            let fixture = Fixtures.root.appendingPathComponent("three-languages")
            for folder in ["content", "templates"] {
                try FileManager.default.copyItem(
                    at: fixture.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
            }
        }

        func options(output: URL) -> BuildOptions {
            var options = BuildOptions(now: Fixtures.now)
            options.contentPath = content.path
            options.templatesPath = templates.path
            options.outputPath = output.path
            return options
        }

        func build(into output: URL? = nil) -> BuildResult {
            SiteGenerator.build(options(output: output ?? self.output))
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = root.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit of \(path) changed nothing")
            try changed.write(to: url, atomically: false, encoding: .utf8)
        }

        func write(_ path: String, _ text: String) throws {
            try text.write(to: root.appendingPathComponent(path), atomically: false, encoding: .utf8)
        }

        func remove(_ path: String) throws {
            try FileManager.default.removeItem(at: root.appendingPathComponent(path))
        }

        var cachePath: String { BuildCache.path(forOutput: output.path) }

        /// Rebuilds into `output` after a first build, then builds the changed site into a fresh folder, and
        /// expects both builds to agree on their trees, diagnostics and status. Returns the rebuild's result.
        @discardableResult
        func expectRebuildEqualsCleanBuild(
            sourceLocation: SourceLocation = #_sourceLocation, after change: () throws -> Void
        ) throws -> BuildResult {
            let first = build()
            #expect(first.status == .success, sourceLocation: sourceLocation)
            try change()
            let rebuild = build()
            let clean = root.appendingPathComponent("clean")
            try? FileManager.default.removeItem(at: clean)
            let fresh = build(into: clean)
            #expect(rebuild.status == fresh.status, sourceLocation: sourceLocation)
            #expect(rebuild.diagnostics == fresh.diagnostics, sourceLocation: sourceLocation)
            #expect(rebuild.pageCount == fresh.pageCount, sourceLocation: sourceLocation)
            let rebuilt = Fixtures.tree(output)
            let expected = Fixtures.tree(clean)
            #expect(!rebuilt.isEmpty, sourceLocation: sourceLocation)
            #expect(
                Set(rebuilt.keys) == Set(expected.keys),
                "files only in the rebuild: \(Set(rebuilt.keys).subtracting(expected.keys).sorted()), only in the clean build: \(Set(expected.keys).subtracting(rebuilt.keys).sorted())",
                sourceLocation: sourceLocation)
            for (path, bytes) in expected where rebuilt[path] != bytes {
                Issue.record("\(path) differs from a clean build", sourceLocation: sourceLocation)
            }
            return rebuild
        }
    }

    @Test func unchangedSiteRendersNothing() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try site.expectRebuildEqualsCleanBuild {}
        #expect(rebuild.renderedCount == 0)
        #expect(rebuild.pageCount > 0)
    }

    @Test func changedBodyRendersOnlyThePagesShowingIt() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        // sprachkurs exists only in German: its German page and the English and Arabic fallback pages show it.
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit("content/de/guides/arbeit/sprachkurs.md") { $0 + "\nEin neuer Absatz.\n" }
        }
        #expect(rebuild.renderedCount == 3)
    }

    @Test func changedTranslationBodyRendersOnlyItsPage() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit("content/en/guides/arbeit/anerkennung.md") { $0 + "\nBring your certificates.\n" }
        }
        #expect(rebuild.renderedCount == 1)
    }

    @Test func changedTitle() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.expectRebuildEqualsCleanBuild {
            try site.edit("content/en/guides/arbeit/anerkennung.md") {
                $0.replacingOccurrences(of: "title: Recognition", with: "title: Recognition of degrees")
            }
        }
    }

    @Test func translationAdded() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.expectRebuildEqualsCleanBuild {
            try site.write("content/en/guides/arbeit/sprachkurs.md", "---\ntitle: Language course\n---\nAsk us.\n")
        }
    }

    @Test func translationRemoved() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.expectRebuildEqualsCleanBuild {
            try site.remove("content/ar/guides/arbeit/anerkennung.md")
        }
    }

    @Test func pageDeleted() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.expectRebuildEqualsCleanBuild {
            try site.remove("content/de/events/workshop-2.md")
        }
        #expect(
            !FileManager.default.fileExists(atPath: site.output.appendingPathComponent("de/events/workshop-2").path))
    }

    @Test func changedTemplate() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.edit("templates/base.html") { $0.replacingOccurrences(of: "<body>", with: "<body class=\"x\">") }
        }
        #expect(rebuild.renderedCount == rebuild.pageCount)
    }

    @Test func changedUIString() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.expectRebuildEqualsCleanBuild {
            try site.edit("templates/i18n/en.yml") {
                $0.replacingOccurrences(of: "events: Events", with: "events: What's on")
            }
        }
    }

    @Test func changedSiteSettings() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.expectRebuildEqualsCleanBuild {
            try site.edit("content/site.yml") {
                $0.replacingOccurrences(of: "en: Integration in Testhausen", with: "en: Welcome to Testhausen")
            }
        }
    }

    @Test func changedAsset() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.expectRebuildEqualsCleanBuild {
            try site.edit("templates/assets/style.css") { $0 + "\nmain { margin: 0; }\n" }
        }
    }

    @Test func anotherDayRebuildsEverything() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        #expect(site.build().status == .success)
        var nextDay = site.options(output: site.output)
        nextDay.now = Fixtures.now.addingTimeInterval(86_400)
        let rebuild = SiteGenerator.build(nextDay)
        #expect(rebuild.renderedCount == rebuild.pageCount)
    }

    /// Removing a heading another page links to: the rebuild reports the broken anchor, as a clean build does,
    /// and leaves the output as it was.
    @Test func bodyChangeBreakingAnAnchorIsReported() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        #expect(site.build().status == .success)
        let before = Fixtures.tree(site.output)
        try site.edit("content/en/guides/arbeit/anerkennung.md") {
            $0.replacingOccurrences(of: "## Costs {#kosten}", with: "## Costs")
        }
        let rebuild = site.build()
        let clean = site.build(into: site.root.appendingPathComponent("clean"))
        #expect(rebuild.status == .contentErrors)
        #expect(rebuild.diagnostics == clean.diagnostics)
        #expect(rebuild.diagnostics.contains { $0.message.contains("#kosten") })
        #expect(Fixtures.tree(site.output) == before)
    }

    /// A new `#anchor` link into a page no link pointed into before: the rebuild finds that page's headings (the
    /// cache keeps headings only of pages links point into) and judges the link as a clean build does.
    @Test(arguments: ["kontakt", "fehlt"])
    func newAnchorIntoAnotherPage(fragment: String) throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        for language in ["de", "en"] {
            try site.edit("content/\(language)/profiles/ki-testhausen.md") { $0 + "\n## Kontakt {#kontakt}\n\nText.\n" }
        }
        #expect(site.build().status == .success)
        try site.edit("content/de/events/sprachcafe.md") {
            $0 + "\n[Kontakt](../profiles/ki-testhausen.md#\(fragment))\n"
        }
        let rebuild = site.build()
        let clean = site.build(into: site.root.appendingPathComponent("clean"))
        #expect(rebuild.status == (fragment == "kontakt" ? .success : .contentErrors))
        #expect(rebuild.status == clean.status)
        #expect(rebuild.diagnostics == clean.diagnostics)
        if rebuild.status == .success {
            #expect(Fixtures.tree(site.output) == Fixtures.tree(site.root.appendingPathComponent("clean")))
        }
    }

    @Test func warningsOfPagesNotRenderedAgainAreReportedAgain() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.edit("content/de/guides/arbeit/sprachkurs.md") { $0 + "\n#### Zu tief\n" }
        let first = site.build()
        #expect(first.diagnostics.contains { $0.message.contains("heading level skipped") })
        let rebuild = site.build()
        #expect(rebuild.renderedCount == 0)
        #expect(rebuild.diagnostics == first.diagnostics)
    }

    @Test func deletedOutputFileIsWrittenAgain() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.remove("output/en/guides/arbeit/index.html")
        }
        #expect(rebuild.renderedCount == 1)
    }

    /// A file made from all pages or from the theme (which a rebuild does not make again), deleted from the
    /// output by hand, means a clean build.
    @Test(arguments: [
        "output/sitemap.xml", "output/404.html", "output/robots.txt", "output/de/events.ics",
        "output/de/events/workshop-1/event.ics", "output/de/alt/anerkennung-alt/index.html", "output/assets/style.css",
    ])
    func deletedSiteFileMeansCleanBuild(path: String) throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try site.remove(path)
        }
        #expect(rebuild.renderedCount == rebuild.pageCount)
    }

    @Test func removedOutputFolderMeansCleanBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try FileManager.default.removeItem(at: site.output)
        }
        #expect(rebuild.renderedCount == rebuild.pageCount)
    }

    /// The bug: an output folder restored from a backup made before the last build held pages the cache said were
    /// new; a rebuild rendered nothing and left the old pages. A folder put in the output's place is a clean build.
    @Test func outputFolderPutInPlaceMeansCleanBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let backup = site.root.appendingPathComponent("backup")
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try FileManager.default.copyItem(at: site.output, to: backup)
            try site.edit("content/de/guides/arbeit/sprachkurs.md") { $0 + "\nEin neuer Absatz.\n" }
            #expect(site.build().status == .success)
            try FileManager.default.removeItem(at: site.output)
            try FileManager.default.moveItem(at: backup, to: site.output)
        }
        #expect(rebuild.renderedCount == rebuild.pageCount)
    }

    @Test func missingCacheMeansFullBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try FileManager.default.removeItem(atPath: site.cachePath)
            try site.edit("content/de/guides/arbeit/sprachkurs.md") { $0 + "\nMehr.\n" }
        }
        #expect(rebuild.renderedCount == rebuild.pageCount)
    }

    @Test(arguments: [
        "", "garbage\n", "wegweiser-cache 1 0.0.0\nglobal\t0\nmeta\t0\n",
        "wegweiser-cache 1 \(Version.current)\nglobal\tzz\nmeta\t1\n",
    ])
    func corruptCacheMeansFullBuild(cache: String) throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try cache.write(toFile: site.cachePath, atomically: false, encoding: .utf8)
        }
        #expect(rebuild.renderedCount == rebuild.pageCount)
    }

    /// A cache whose page entries were cut off or tampered with must not make the rebuild skip pages wrongly.
    @Test func truncatedCacheIsNotTrusted() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.expectRebuildEqualsCleanBuild {
            // The cache is not all text (parsed front matter is kept in binary form): it is cut as bytes.
            let bytes = try Data(contentsOf: URL(fileURLWithPath: site.cachePath))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: site.cachePath))
            try site.edit("content/de/guides/arbeit/sprachkurs.md") { $0 + "\nMehr.\n" }
        }
    }

    @Test func staleCacheFromAnotherSiteMeansFullBuild() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let other = try Workspace()
        defer { try? FileManager.default.removeItem(at: other.root) }
        try other.edit("content/site.yml") { $0.replacingOccurrences(of: "Testhausen", with: "Anderswo") }
        #expect(other.build().status == .success)
        let rebuild = try site.expectRebuildEqualsCleanBuild {
            try FileManager.default.removeItem(atPath: site.cachePath)
            try FileManager.default.copyItem(atPath: other.cachePath, toPath: site.cachePath)
        }
        #expect(rebuild.renderedCount == rebuild.pageCount)
    }

    @Test func cacheRoundTripsEveryField() throws {
        var outcome = SiteRenderer.PageOutcome()
        outcome.written = true
        outcome.headingsFile = "content/de/a\tb.md"
        outcome.headingIDs = ["kosten", "ablauf", "with\\backslash"]
        outcome.diagnostics = [
            Diagnostic(file: "content/de/x.md", line: 3, column: 7, severity: .warning, message: "two\nlines\tand tab")
        ]
        outcome.anchors = [
            LinkResolver.AnchorCheck(
                pageID: "guides/a", fragment: "kosten", language: "en", sourceLanguage: "de", file: "content/de/x.md",
                line: 4, column: 9)
        ]
        var cache = BuildCache(global: 1, meta: UInt64.max)
        cache.pages["de/x/index.html"] = BuildCache.CachedPage(bodyHash: 42, outcome: outcome)
        cache.siteFiles = ["sitemap.xml", "de/events/a\tb/event.ics", "assets/style.css"]
        let decoded = try #require(BuildCache.decode(cache.encoded()))
        #expect(decoded.global == 1)
        #expect(decoded.meta == UInt64.max)
        #expect(decoded.siteFiles == cache.siteFiles)
        let page = try #require(decoded.pages["de/x/index.html"])
        #expect(page.bodyHash == 42)
        #expect(page.outcome.written)
        #expect(page.outcome.headingsFile == outcome.headingsFile)
        #expect(page.outcome.headingIDs == outcome.headingIDs.sorted())
        #expect(page.outcome.diagnostics == outcome.diagnostics)
        #expect(page.outcome.anchors.map(\.fragment) == ["kosten"])
        #expect(page.outcome.anchors.map(\.line) == [4])
    }

    /// A page read from the cache keeps its lines (the page line and its diagnostics and anchors), which are
    /// written again as they are: the same bytes as writing its fields, for the first, a middle and the last page.
    @Test func cachedPagesAreWrittenAgainAsTheyWere() throws {
        var cache = BuildCache(global: 1, meta: 2)
        for (index, path) in ["ar/a/index.html", "de/b/index.html", "uk/c/index.html"].enumerated() {
            var outcome = SiteRenderer.PageOutcome()
            outcome.written = index != 1
            outcome.headingsFile = index == 2 ? "content/uk/c.md" : nil
            outcome.headingIDs = index == 2 ? ["x", "y\tz"] : []
            outcome.diagnostics = (0..<index).map {
                Diagnostic(file: "content/\(path)", line: $0 + 1, column: 2, severity: .warning, message: "m\t\($0)")
            }
            outcome.anchors = (0..<(2 - index)).map {
                LinkResolver.AnchorCheck(
                    pageID: "p\($0)", fragment: "f", language: "de", sourceLanguage: "de", file: "content/\(path)",
                    line: 1, column: $0 + 1)
            }
            cache.pages[path] = BuildCache.CachedPage(bodyHash: UInt64(index), outcome: outcome)
        }
        let encoded = cache.encoded()
        let decoded = try #require(BuildCache.decode(encoded))
        for (path, page) in decoded.pages {
            let lines = try #require(page.outcome.cachedLines)
            #expect(lines.starts(with: Array("page\t\(path)\t".utf8)))
            #expect(lines.last == UInt8(ascii: "\n"))
        }
        #expect(decoded.encoded() == encoded)
        // Without the kept lines, the fields give the same bytes.
        var rewritten = decoded
        for path in decoded.pages.keys { rewritten.pages[path]!.outcome.cachedLines = nil }
        #expect(rewritten.encoded() == encoded)
    }

    /// The cache's record of a source file comes back whole; a record that is not what the cache writes (text that
    /// is not UTF-8, two numbers where one belongs) makes the whole cache unusable, even with a right checksum.
    @Test func sourceRecordsRoundTripAndBadOnesAreRejected() throws {
        var info = stat()
        info.st_dev = 7
        info.st_ino = 12345
        info.st_size = 99
        info.st_mtim = timespec(tv_sec: 1_700_000_000, tv_nsec: 123_456_789)
        info.st_ctim = timespec(tv_sec: 1_700_000_001, tv_nsec: 5)
        // Every byte value that needs escaping in the cache's lines, and the rest.
        let binary = [UInt8](0...255) + [UInt8(ascii: "\\"), UInt8(ascii: "t"), 9, 10, 13]
        let source = ContentLoader.KnownSource(
            stamp: SourceFolder.FileStamp(info), frontMatterLine: 2, bodyLine: 5, bodyHash: 0xfeed,
            frontMatterHash: UInt64.max, frontMatter: binary[...])
        var cache = BuildCache(global: 1, meta: 2)
        cache.sources["content/de/ä.md"] = source
        let decoded = try #require(BuildCache.decode(cache.encoded()))
        let back = try #require(decoded.sources["content/de/ä.md"])
        #expect(back.stamp == source.stamp)
        #expect(back.stamp.values == [7, 12345, 99, 1_700_000_000, 123_456_789, 1_700_000_001, 5])
        #expect(Array(back.frontMatter) == binary)
        // Written again from what was read, the cache is the same, byte for byte (its lines are copied).
        #expect(back.cachedLine != nil)
        var again = BuildCache(global: 1, meta: 2)
        again.sources["content/de/ä.md"] = back
        #expect(again.encoded() == cache.encoded())
        #expect((back.frontMatterLine, back.bodyLine, back.bodyHash, back.frontMatterHash) == (2, 5, 0xfeed, .max))

        /// The encoded cache with `change` applied to everything before its checksum line, and the checksum redone.
        func resealed(_ change: ([UInt8]) -> [UInt8]) -> [UInt8] {
            var bytes = cache.encoded()
            let checksumLine = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n"))! + 1
            bytes = change(Array(bytes[..<checksumLine]))
            return bytes + Array("end\t\(String(ContentHash.of(bytes[...]), radix: 16))\n".utf8)
        }
        #expect(BuildCache.decode(resealed { $0 }) != nil)
        let invalidUTF8 = resealed { bytes in
            let a = bytes.firstIndex(of: 0xC3)!  // the first byte of `ä`
            var changed = bytes
            changed[a + 1] = 0x28  // a lead byte followed by `(`
            return changed
        }
        #expect(BuildCache.decode(invalidUTF8) == nil)
        let twoNumbers = resealed { bytes in
            Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\t2\t5\t", with: "\t2,3\t5\t").utf8)
        }
        #expect(twoNumbers != resealed { $0 })
        #expect(BuildCache.decode(twoNumbers) == nil)
        // A stamp is seven numbers: six or eight are not one.
        let stamp = "7,12345,99,1700000000,123456789,1700000001,5"
        for wrong in ["7,12345,99,1700000000,123456789,1700000001", stamp + ",6", stamp + ",", "," + stamp] {
            let changed = resealed { bytes in
                Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: stamp, with: wrong).utf8)
            }
            #expect(changed != resealed { $0 })
            #expect(BuildCache.decode(changed) == nil, "\(wrong)")
        }
        // The binary front matter's length must end it at the line break.
        for length in [binary.count - 1, binary.count + 1, 1 << 40] {
            let wrongLength = resealed { bytes in
                let text = "\t\(binary.count)\t".utf8
                let at = bytes.indices.first { bytes[$0...].starts(with: text) }!
                return Array(bytes[..<at]) + Array("\t\(length)\t".utf8) + Array(bytes[(at + text.count)...])
            }
            #expect(BuildCache.decode(wrongLength) == nil, "length \(length)")
        }
    }

    /// A change to any one byte, and a zero byte more at the end, change the hash, in every lane and in the bytes
    /// after the last whole block.
    @Test func everyByteCountsInTheHash() {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 8, 31, 32, 33, 70] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let hash = ContentHash.of(bytes[...])
            for index in 0..<length {
                var changed = bytes
                changed[index] ^= 0x20
                #expect(ContentHash.of(changed[...]) != hash, "byte \(index) of \(length)")
            }
            #expect(ContentHash.of((bytes + [0])[...]) != hash, "a zero after \(length) bytes")
        }
    }

    /// The cache's checksum is made over its pieces as they are written; it must be the checksum of the whole, however
    /// the bytes are cut.
    @Test func checksumOfPiecesIsChecksumOfTheWhole() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for _ in 0..<20 {
                var cuts = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                    Int.random(in: 0...length, using: &generator)
                }
                cuts = ([0] + cuts + [length]).sorted()
                var stream = ContentHash.Stream()
                for (start, end) in zip(cuts, cuts.dropFirst()) {
                    bytes[start..<end].withUnsafeBytes { stream.add($0) }
                }
                #expect(stream.value == ContentHash.of(bytes[...]), "\(length) bytes cut at \(cuts)")
            }
        }
    }
}
