import Foundation
import FrontMatter
import Glibc
import Markdown

/// A build after only Markdown bodies changed, made without loading the site: each changed body is rendered with
/// the links its pages resolved in the last build, and its HTML is put in place of the old one in the files of the
/// pages that show it. The build cache holds what this needs (`QuickFacts`, `ShownBody`), and is patched, not
/// written anew.
///
/// It takes over only what it can prove unchanged, and leaves everything else to a normal build (`attempt` gives
/// nil): site.yml, the theme, the options, the day and the content folder's listing must be as recorded; each
/// changed file's front matter, and where its body starts, too. Each page showing a changed body must have printed
/// it once and used it nowhere else (`HTMLBytesUse`), every destination the new body links to must be one its page
/// resolved last time, every `#anchor` into the file must still be one of its headings, and the new body must
/// bring no error. No translation may record the file's hash (`source_hash`).
///
/// As in every rebuild, a page file deleted from the output by hand is written again only by a build that renders
/// it: here, one after which no body was put in place (the files made from all pages are looked for, though).
enum QuickRebuild {
    /// The build's result, or nil when a normal build has to be made.
    static func attempt(_ options: BuildOptions) -> BuildResult? {
        guard options.writeOutput, let output = SiteGenerator.existingFolder(options.outputPath)
        else { return nil }
        let cachePath = BuildCache.path(forOutput: options.outputPath)
        // The checksum is checked while the content folder is walked, before anything is taken from the cache
        // but the facts that tell whether to walk it.
        guard let bytes = SourceFolder.readBytes(cachePath), bytes.last == UInt8(ascii: "\n"),
            let lastStart = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 })
        else { return nil }
        PhaseTimer.mark("quick: cache read")
        return bytes.withUnsafeBufferPointer { buffer in
            var attempt = Attempt(
                options: options, output: output, cachePath: cachePath, bytes: bytes,
                reader: CacheReader(buffer: UnsafeBufferPointer(rebasing: buffer[..<lastStart]), bytes: bytes))
            return attempt.run()
        }
    }

    /// A file of the last build as its `source` line in the cache has it.
    fileprivate struct Source: Sendable {
        var line: Range<Int>
        /// Where its path is on the line (escaped).
        var path: Range<Int>
        var stamp: SourceFolder.FileStamp
        var bodyLine: Int
        var bodyHash: UInt64
        var frontMatterHash: UInt64
    }

    /// A changed page file whose body changed, and nothing else.
    fileprivate struct ChangedFile {
        var path: String
        var source: Source
        var stamp: SourceFolder.FileStamp
        var bytes: [UInt8]
        var bodyStart: Int
        var bodyHash: UInt64
        /// The heading ids of the new body, once rendered.
        var headingIDs: Set<[UInt8]> = []
    }

    /// A page of the last build as its lines in the cache have it.
    fileprivate struct Block {
        var lines: Range<Int>
        var written: Bool
        var diagnostics: [Diagnostic] = []
        /// Where its `show` line starts, if it shows a changed file.
        var shows: Int?
    }
}

extension BuildCache {
    /// The length of a cache's lines before its last, if that is `end`, a tab and the checksum of everything
    /// before it.
    static func checkedLength(_ bytes: [UInt8]) -> Int? {
        guard bytes.last == UInt8(ascii: "\n"),
            let lastStart = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }),
            let last = String(validating: bytes[lastStart..<(bytes.count - 1)], as: UTF8.self),
            last.hasPrefix("end\t"), UInt64(last.dropFirst(4), radix: 16) == ContentHash.of(bytes[..<lastStart])
        else { return nil }
        return lastStart
    }
}

private struct Attempt {
    let options: BuildOptions
    let output: String
    let cachePath: String
    let bytes: [UInt8]
    var reader: CacheReader

    typealias Source = QuickRebuild.Source
    typealias ChangedFile = QuickRebuild.ChangedFile
    typealias Block = QuickRebuild.Block

    /// nil, with the reason on standard error under `WEGWEISER_TIMINGS=1`: why a normal build is made.
    private func declined<T>(_ reason: String) -> T? {
        if PhaseTimer.enabled { FileHandle.standardError.write(Data("quick: not taken: \(reason)\n".utf8)) }
        return nil
    }

    mutating func run() -> BuildResult? {
        // The head: the fingerprints, the files made from all pages and the facts, up to the first file's line.
        var facts = QuickFacts.Reader()
        var siteFiles: [String] = []
        var lineNumber = 0
        var outputIdentity: UInt64?
        var headEnd = 0
        let headRead = reader.forEachLine { reader, start in
            lineNumber += 1
            if reader.isWord(0, "source") || reader.isWord(0, "page") {
                headEnd = start
                return false
            }
            switch lineNumber {
            case 1: return reader.fields.count == 1 && reader.string(0) == BuildCache.header
            case 2, 3: return true
            case 4:
                outputIdentity = reader.fields.count == 2 && reader.isWord(0, "output") ? reader.hex(1) : nil
                return outputIdentity != nil
            default: break
            }
            if reader.isWord(0, "site"), reader.fields.count == 2, let path = reader.string(1) {
                siteFiles.append(path)
                return true
            }
            return facts.take(reader)
        }
        guard !headRead, headEnd > 0, let facts = facts.facts else { return declined("the cache has no facts") }
        guard outputIdentity == BuildCache.folderIdentity(output) else { return declined("another output folder") }
        guard unchanged(facts) else { return declined("site.yml, the theme, the options or the day changed") }

        // The content folder is walked, and the files made from all pages looked for, while the cache's checksum
        // and its files' lines are read.
        let contentRoot = ContentLoader(root: options.contentPath).root
        let (output, madeFromAll) = (output, siteFiles)
        let walking = Pending { () -> ContentLoader.Walk? in
            guard OutputFolder(output).containsAll(madeFromAll) else { return nil }
            return try? ContentLoader.walk(root: contentRoot, languages: facts.languages)
        }
        let checked = BuildCache.checkedLength(bytes) == reader.buffer.count
        let sources = checked ? Self.sources(reader, from: headEnd) : nil
        PhaseTimer.mark("quick: facts")
        guard let walk = walking.value else {
            return declined("a file made from all pages is missing, or a content folder cannot be read")
        }
        guard let (sources, pagesStart) = sources else { return declined("the cache is not as written") }
        guard walk.signature == facts.walk, sources.count == walk.files.count else {
            return declined("the content folder's listing changed")
        }
        PhaseTimer.mark("quick: walk")
        // The files, in the order of the walk as the cache has them.
        var changed: [ChangedFile] = []
        var touched: [(path: String, source: Source, stamp: SourceFolder.FileStamp)] = []
        for (candidate, source) in zip(walk.files, sources) {
            guard reader.field(source.path, equals: candidate.path) else {
                return declined("the content folder's listing changed")
            }
            guard source.stamp != candidate.stamp else { continue }
            guard !facts.stamped.contains(candidate.path) else {
                return declined("a source whose translations record its hash changed")
            }
            guard let file = Self.read(candidate, source) else {
                return declined("a page file's front matter changed")
            }
            if file.bodyHash == source.bodyHash {
                touched.append((candidate.path, source, candidate.stamp))
            } else {
                changed.append(file)
            }
        }
        // With nothing changed, a normal build looks for output files deleted by hand.
        guard !changed.isEmpty else { return declined("no page file changed") }
        return put(changed, touched: touched, facts: facts, pagesStart: pagesStart)
    }

    /// Whether site.yml, the theme, the options, the program and the day are those of the cache's build.
    private func unchanged(_ facts: QuickFacts) -> Bool {
        facts.program == BuildCache.programIdentity && facts.options == QuickFacts.options(options)
            && options.now.timeIntervalSince1970 < facts.unchangedUntil
            && TimeZone(identifier: facts.timeZone).map { SiteGenerator.buildDate(options.now, in: $0) }
                == facts.buildTime
            && QuickFacts.stamp(of: ContentLoader(root: options.contentPath).root + "/site.yml") == facts.config
            && QuickFacts.theme(at: ThemeLoader(root: options.templatesPath).root) == facts.theme
    }

    /// The `source` lines from `start` on, in their order, and where the first page's line starts; nil for a
    /// cache that is not as written.
    private static func sources(_ reader: CacheReader, from start: Int) -> ([Source], Int)? {
        var reader = reader
        var sources: [Source] = []
        sources.reserveCapacity(reader.buffer.count / 512)
        var pagesStart: Int?
        _ = reader.forEachLine(from: start) { reader, lineStart in
            guard reader.isWord(0, "source") else {
                pagesStart = lineStart
                return false
            }
            guard reader.fields.count == 9, let stamp = reader.stamp(2), let bodyLine = reader.integer(4),
                let bodyHash = reader.hex(5), let frontMatterHash = reader.hex(6)
            else { return false }
            sources.append(
                Source(
                    line: lineStart..<(reader.fields[8].upperBound + 1), path: reader.fields[1], stamp: stamp,
                    bodyLine: bodyLine, bodyHash: bodyHash, frontMatterHash: frontMatterHash))
            return true
        }
        // The pages' lines follow the files'.
        guard let pagesStart else { return nil }
        return (sources, pagesStart)
    }

    /// A changed page file as read now, if only its body may have changed.
    private static func read(_ candidate: ContentLoader.Candidate, _ source: Source) -> ChangedFile? {
        guard case .bytes(let bytes) = SourceFolder.readUTF8(candidate.path) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> ChangedFile? in
            guard let split = try? Document.split(bytes: buffer), let frontMatter = split.frontMatter else {
                return nil
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[frontMatter]), as: UTF8.self)
            guard ContentLoader.frontMatterHash(text, split) == source.frontMatterHash,
                split.bodyLine == source.bodyLine
            else { return nil }
            return ChangedFile(
                path: candidate.path, source: source, stamp: candidate.stamp, bytes: bytes,
                bodyStart: split.bodyStart, bodyHash: ContentLoader.bodyHash(buffer, split))
        }
    }

    /// Renders the changed bodies into the pages that show them and writes those and the cache; nil if a page
    /// cannot take its new body so.
    private mutating func put(
        _ changed: [ChangedFile], touched: [(path: String, source: Source, stamp: SourceFolder.FileStamp)],
        facts: QuickFacts, pagesStart: Int
    ) -> BuildResult? {
        var changed = changed
        let changedIndex = Dictionary(uniqueKeysWithValues: changed.indices.map { (changed[$0].path, $0) })
        // The pages: their diagnostics, the `#anchor` links into changed files, and those showing a changed file.
        var blocks: [Block] = []
        var incoming: [(file: Int, fragment: String)] = []
        var showing: [Int] = []
        var failed = false
        let whole = reader.forEachLine(from: pagesStart) { reader, start in
            if reader.isWord(0, "page") {
                guard reader.fields.count >= 5 else { return false }
                if let last = blocks.indices.last { blocks[last].lines = blocks[last].lines.lowerBound..<start }
                blocks.append(Block(lines: start..<start, written: reader.isWord(3, "1")))
                return true
            }
            guard !blocks.isEmpty else { return false }
            let current = blocks.count - 1
            if reader.isWord(0, "diagnostic") {
                guard reader.fields.count == 6, let file = reader.string(1), let line = reader.integer(2),
                    let column = reader.integer(3),
                    let severity = reader.string(4).flatMap(Severity.init(rawValue:)), let message = reader.string(5)
                else { return false }
                blocks[current].diagnostics.append(
                    Diagnostic(file: file, line: line, column: column, severity: severity, message: message))
            } else if reader.isWord(0, "anchor") {
                guard reader.fields.count == 9 else { return false }
                if let target = Self.changedFile(reader, field: 8, in: changedIndex) {
                    guard let fragment = reader.string(2) else { return false }
                    incoming.append((target, fragment))
                }
            } else if reader.isWord(0, "show") {
                guard reader.fields.count == 5 else { return false }
                if Self.changedFile(reader, field: 1, in: changedIndex) != nil {
                    blocks[current].shows = start
                    showing.append(current)
                }
            } else if !reader.isWord(0, "link") {
                failed = true
                return false
            }
            return true
        }
        PhaseTimer.mark("quick: pages scanned")
        guard whole, !failed, let last = blocks.indices.last else { return declined("the cache is not as written") }
        blocks[last].lines = blocks[last].lines.lowerBound..<reader.buffer.count

        // Each page showing a changed file: the new body rendered with the links of the last build.
        var pages: [(block: Int, path: String, page: BuildCache.CachedPage, html: [UInt8], file: Int)] = []
        for index in showing {
            guard let rendered = render(blocks[index], changed: &changed, changedIndex: changedIndex, facts: facts)
            else { return nil }
            pages.append((index, rendered.path, rendered.page, rendered.html, rendered.file))
        }
        // Every `#anchor` into a changed file, from pages rendered now or not, must be one of its new headings.
        let anchors = pages.flatMap { page in
            page.page.outcome.anchors.compactMap { anchor in
                changedIndex[anchor.targetFile].map { (file: $0, fragment: anchor.fragment) }
            }
        }
        for (file, fragment) in anchors + incoming where !changed[file].headingIDs.contains(Array(fragment.utf8)) {
            return declined("an anchor into a changed file is gone")
        }

        // The diagnostics, as a build reports them.
        var all = facts.notes
        for block in blocks where block.shows == nil { all += block.diagnostics }
        for page in pages { all += page.page.outcome.diagnostics }
        let diagnostics = Diagnostic.limited(Array(Set(all)).sorted())
        guard !diagnostics.contains(where: { $0.severity == .error || options.strict }) else {
            return declined("the new bodies bring errors")
        }

        // The new files, each from the old one with the new body's HTML in place of the old body's.
        var files: [SiteRenderer.PageResult] = []
        for page in pages {
            guard let shown = page.page.outcome.shown, let old = blocks[page.block].shownSplice(reader),
                let oldBytes = SourceFolder.readBytes(output + "/" + page.path), oldBytes.count == old.size
            else { return declined("an output file is not as the cache knows it") }
            var newBytes: [UInt8] = []
            newBytes.reserveCapacity(oldBytes.count - old.splice.count + page.html.count)
            newBytes += oldBytes[..<old.splice.lowerBound]
            newBytes += page.html
            newBytes += oldBytes[old.splice.upperBound...]
            guard newBytes.count == shown.size else { return declined("an output file is not as the cache knows it") }
            let job = SiteRenderer.PageJob(languageIndex: 0, id: "", path: page.path, bodyHash: page.page.bodyHash)
            files.append(SiteRenderer.PageResult(job: job, outcome: page.page.outcome, bytes: newBytes))
        }
        var result = BuildResult(
            status: .success, diagnostics: diagnostics,
            sources: SourceTexts.forDiagnostics(diagnostics, known: [:]),
            pageCount: blocks.count { $0.written }, languageCount: facts.languages.count)
        result.renderedCount = files.count
        result.putInPlace = true
        PhaseTimer.mark("quick: rendered")
        BuildCache.remove(cachePath)
        if let failure = OutputWriter.replacePages(files, in: output, named: options.outputPath) {
            result.status = .ioError
            result.diagnostics = (result.diagnostics + [failure]).sorted()
            return result
        }
        PhaseTimer.mark("quick: written")
        writeCache(changed: changed, touched: touched, pages: pages, blocks: blocks)
        return result
    }

    /// The index in `changedIndex` of the file a field names, if it is a changed one.
    private static func changedFile(_ reader: CacheReader, field: Int, in changedIndex: [String: Int]) -> Int? {
        let range = reader.fields[field]
        // Most fields name no changed file: a string is made only of one as long as a changed file's path.
        guard changedIndex.keys.contains(where: { $0.utf8.count == range.count }), let path = reader.string(field)
        else { return nil }
        return changedIndex[path]
    }

    /// The page of `block` with the new body of the changed file it shows.
    private mutating func render(
        _ block: Block, changed: inout [ChangedFile], changedIndex: [String: Int], facts: QuickFacts
    ) -> (path: String, page: BuildCache.CachedPage, html: [UInt8], file: Int)? {
        guard let showStart = block.shows else { return nil }
        // The page line, then the `show` line and its links.
        var pageLine: (path: String, bodyHash: UInt64, headingsFile: String)?
        var shown: ShownBody?
        var broken = false
        var sub = CacheReader(buffer: reader.buffer, bytes: bytes)
        _ = sub.forEachLine(from: block.lines.lowerBound) { reader, start in
            guard start < block.lines.upperBound else { return false }
            if reader.isWord(0, "page") {
                guard let path = reader.string(1), let bodyHash = reader.hex(2), let headingsFile = reader.string(4)
                else {
                    broken = true
                    return false
                }
                pageLine = (path, bodyHash, headingsFile)
            } else if start == showStart {
                shown = ShownBody(showLine: reader)
                if shown == nil { broken = true }
            } else if reader.isWord(0, "link"), shown != nil {
                if !shown!.addLink(reader) { broken = true }
            }
            return !broken
        }
        guard !broken, let pageLine, let shown, shown.splice != nil, let fileIndex = changedIndex[shown.file] else {
            return declined("the cache is not as written")
        }
        let file = changed[fileIndex]
        // The page was made from the file as the cache knows it.
        guard block.written, pageLine.bodyHash == file.source.bodyHash else {
            return declined("the cache is not as written")
        }
        let table = Dictionary(shown.links.map { ($0.destination, $0) }, uniquingKeysWith: { first, _ in first })
        var outcome = SiteRenderer.PageOutcome()
        var unknown = false
        let body = file.bytes[file.bodyStart...]
        let bodyFile = QuickBodyFile(displayPath: file.path, bodyLine: file.source.bodyLine)
        let rendered = SiteRenderer.renderBody(
            body, file: bodyFile, own: shown.own, ownHosts: Set(facts.ownHosts), outcome: &outcome
        ) { link in
            guard let entry = table[link.destination] else {
                unknown = true
                return .keep
            }
            return entry.resolution(for: link)
        }
        guard !unknown else { return declined("a new link destination") }
        changed[fileIndex].headingIDs = Set(rendered.headings.map { Array($0.id.utf8) })
        // As `BuildCache.record` keeps them: the heading ids only of files that `#anchor` links point into.
        if pageLine.headingsFile.isEmpty {
            outcome.headingsFile = nil
            outcome.headingIDs = []
        }
        outcome.written = true
        // A template may ask whether the body is empty (`{% if page.content %}`): its answer must stay the same.
        let old = shown.splice!
        guard rendered.htmlBytes.isEmpty == old.isEmpty else { return declined("a body turned empty or no longer is") }
        var newShown = shown
        newShown.splice = old.lowerBound..<(old.lowerBound + rendered.htmlBytes.count)
        newShown.size = shown.size - old.count + rendered.htmlBytes.count
        outcome.shown = newShown
        return (
            pageLine.path, BuildCache.CachedPage(bodyHash: file.bodyHash, outcome: outcome), rendered.htmlBytes,
            fileIndex
        )
    }

    /// The cache with the lines of the changed files and their pages written anew, the others as they were.
    private func writeCache(
        changed: [ChangedFile], touched: [(path: String, source: Source, stamp: SourceFolder.FileStamp)],
        pages: [(block: Int, path: String, page: BuildCache.CachedPage, html: [UInt8], file: Int)], blocks: [Block]
    ) {
        var replacements: [(range: Range<Int>, bytes: [UInt8])] = []
        var sub = CacheReader(buffer: reader.buffer, bytes: bytes)
        let sourceLines =
            changed.map { ($0.path, $0.source, $0.stamp, $0.bodyHash) }
            + touched.map { ($0.path, $0.source, $0.stamp, $0.source.bodyHash) }
        for (path, source, stamp, bodyHash) in sourceLines {
            var out = CacheWriter()
            var ok = false
            _ = sub.forEachLine(from: source.line.lowerBound) { reader, _ in
                guard reader.fields.count == 9, let frontMatterLine = reader.integer(3),
                    let frontMatterLength = reader.integer(7)
                else { return false }
                out.field("source")
                out.field(path)
                out.numbers(stamp.values)
                out.numbers([frontMatterLine])
                out.numbers([source.bodyLine])
                out.hex(bodyHash)
                out.hex(source.frontMatterHash)
                out.numbers([frontMatterLength])
                out.raw(UnsafeBufferPointer(rebasing: reader.buffer[reader.fields[8]]))
                out.endLine()
                ok = true
                return false
            }
            guard ok else { return }
            replacements.append((source.line, out.bytes))
        }
        for page in pages {
            var out = CacheWriter()
            BuildCache.writePage((page.path, page.page), to: &out)
            replacements.append((blocks[page.block].lines, out.bytes))
        }
        replacements.sort { $0.range.lowerBound < $1.range.lowerBound }
        var parts: [[UInt8]] = []
        var position = 0
        for replacement in replacements {
            parts.append(Array(bytes[position..<replacement.range.lowerBound]))
            parts.append(replacement.bytes)
            position = replacement.range.upperBound
        }
        parts.append(Array(bytes[position..<reader.buffer.count]))
        var checksum = ContentHash.Stream()
        for part in parts { part.withUnsafeBytes { checksum.add($0) } }
        var end = CacheWriter()
        end.line("end", String(checksum.value, radix: 16))
        BuildCache.write(parts + [end.bytes], to: cachePath)
    }
}

/// A changed file's place for `SiteRenderer.renderBody`.
private struct QuickBodyFile: BodyFile {
    var displayPath: String
    var bodyLine: Int
}

extension QuickRebuild.Block {
    /// The old `show` line's splice and size.
    fileprivate func shownSplice(_ reader: CacheReader) -> (splice: Range<Int>, size: Int)? {
        guard let shows else { return nil }
        var sub = reader
        var found: ShownBody?
        _ = sub.forEachLine(from: shows) { reader, _ in
            found = ShownBody(showLine: reader)
            return false
        }
        guard let found, let splice = found.splice else { return nil }
        return (splice, found.size)
    }
}
