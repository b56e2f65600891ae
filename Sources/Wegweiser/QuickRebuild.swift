import Foundation
import FrontMatter
import Glibc
import Markdown

/// A build after only Markdown bodies changed, made without loading the site: each changed body is rendered with
/// the links its pages resolved in the last build, and its HTML is put in place of the old one in the files of the
/// pages that show it. The build cache holds what this needs (`QuickFacts`, `ShownBody`); the new lines are
/// appended to it, each after a line naming the lines it replaces, rather than the cache being written anew.
///
/// It takes over only what it can prove unchanged, and leaves everything else to a normal build (`attempt` gives
/// nil): site.yml, the theme, the options, the day and the content folder's listing must be as recorded; each
/// changed file's front matter, and where its body starts, too. Each page showing a changed body must have printed
/// it once and used it nowhere else (`HTMLBytesUse`), every destination the new body links to must be one its page
/// resolved last time, every `#anchor` into the file must still be one of its headings, and the new body must
/// bring no error. No translation may record the file's hash (`source_hash`).
///
/// It does not look for page files deleted from the output by hand (a `stat` of every output file would double
/// its time); the next build that is not a quick one writes them again. The files made from all pages are looked
/// for.
enum QuickRebuild {
    /// The build's result, or nil when a normal build has to be made.
    static func attempt(_ options: BuildOptions) -> BuildResult? {
        guard options.writeOutput, let output = SiteGenerator.existingFolder(options.outputPath)
        else { return nil }
        let cachePath = BuildCache.path(forOutput: options.outputPath)
        // The checksum is checked while the content folder is walked, before anything is taken from the cache
        // but the facts that tell whether to walk it. The cache is mapped, not read: most of it is only looked
        // through once.
        guard let cache = MappedFile(cachePath), let whole = cache.bytes,
            let lastStart = BuildCache.lastLineStart(whole)
        else { return nil }
        PhaseTimer.mark("quick: cache read")
        var attempt = Attempt(
            options: options, output: output, cachePath: cachePath, whole: whole,
            reader: CacheReader(buffer: UnsafeBufferPointer(rebasing: whole[..<lastStart]), bytes: []))
        return withExtendedLifetime(cache) { attempt.run() }
    }

    /// A file of the last build as its `source` line in the cache has it.
    fileprivate struct Source: Sendable {
        /// Its place in the cache's list of files.
        var index = 0
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

    /// A page showing a changed body, rendered again: its block in the cache, its file in the output, what the
    /// cache will say of it, the new body's HTML, and where the old one is in the old file of that size.
    fileprivate struct RenderedPage {
        var block: Int
        var path: String
        var page: BuildCache.CachedPage
        var html: [UInt8]
        var old: (splice: Range<Int>, size: Int)
    }

    /// A page of the last build as its lines in the cache have it.
    fileprivate struct Block {
        var lines: Range<Int>
        var written: Bool
        var diagnostics: [Diagnostic] = []
        /// Where its `show` line starts, and the field of the file it shows.
        var show: (line: Int, file: Range<Int>)?
    }
}

private struct Attempt {
    let options: BuildOptions
    let output: String
    let cachePath: String
    /// The whole cache, its last line too.
    let whole: UnsafeBufferPointer<UInt8>
    var reader: CacheReader
    /// The cache's checksum after all its lines but the last, once verified.
    var checksum: ContentHash.Stream?

    typealias Source = QuickRebuild.Source
    typealias ChangedFile = QuickRebuild.ChangedFile
    typealias Block = QuickRebuild.Block
    typealias RenderedPage = QuickRebuild.RenderedPage

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
        let verified = BuildCache.verified(whole)
        checksum = verified?.checksum
        let lines = verified?.length == reader.buffer.count ? Self.lines(reader, from: headEnd) : nil
        PhaseTimer.mark("quick: facts")
        guard let walk = walking.value else {
            return declined("a file made from all pages is missing, or a content folder cannot be read")
        }
        guard let lines else { return declined("the cache is not as written") }
        let sources = lines.sources
        guard walk.signature == facts.walk, sources.count == walk.files.count else {
            return declined("the content folder's listing changed")
        }
        PhaseTimer.mark("quick: walk")
        // The files, in the order of the walk as the cache has them.
        var changed: [ChangedFile] = []
        var touched: [(path: String, source: Source, stamp: SourceFolder.FileStamp)] = []
        for (candidate, source) in zip(walk.files, sources) {
            guard reader.text(at: source.path, equals: candidate.path) else {
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
        return put(changed, touched: touched, facts: facts, lines: lines)
    }

    private var configPath: String { ContentLoader(root: options.contentPath).root + "/site.yml" }

    /// site.yml's text if a diagnostic is about it: a build reads it through a symbolic link, which
    /// `SourceTexts` does not follow.
    private func configText(for diagnostics: [Diagnostic]) -> [String: String] {
        guard diagnostics.contains(where: { $0.file == configPath }),
            case .text(let text) = SourceFolder.read(configPath)
        else { return [:] }
        return [configPath: text]
    }

    /// Whether site.yml, the theme, the options, the program and the day are those of the cache's build.
    private func unchanged(_ facts: QuickFacts) -> Bool {
        facts.program == BuildCache.programIdentity && facts.options == QuickFacts.options(options)
            && (facts.builtAt..<facts.unchangedUntil).contains(options.now.timeIntervalSince1970)
            && TimeZone(identifier: facts.timeZone).map { SiteGenerator.buildDate(options.now, in: $0) }
                == facts.buildTime
            && QuickFacts.stamp(of: configPath, following: true) == facts.config
            && QuickFacts.theme(at: ThemeLoader(root: options.templatesPath).root) == facts.theme
    }

    /// The lines of the cache's files and pages, from `start` on.
    fileprivate struct Lines {
        var sources: [Source] = []
        var blocks: [Block] = []
        /// The `#anchor` links into other pages: the block, and the fields of the file linked into and the fragment.
        var anchors: [(block: Int, target: Range<Int>, fragment: Range<Int>)] = []
    }

    /// The `source` lines and the pages' lines from `start` on, in their order, in one pass, with the lines that
    /// quick rebuilds appended in place of those they replace; nil for a cache that is not as written. (A page's
    /// `link` lines are passed over: only pages showing a changed body need them.)
    private static func lines(_ reader: CacheReader, from start: Int) -> Lines? {
        var reader = reader
        var lines = Lines()
        lines.sources.reserveCapacity(reader.buffer.count / 512)
        lines.blocks.reserveCapacity(reader.buffer.count / 512)
        // The block the lines belong to, and what the next line replaces.
        var current: Int?
        var replacing: (source: Bool, index: Int)?
        func endBlock(at end: Int) {
            if let current { lines.blocks[current].lines = lines.blocks[current].lines.lowerBound..<end }
            current = nil
        }
        let whole = reader.forEachLine(from: start, skipping: "link\t") { reader, lineStart in
            if reader.isWord(0, "replace") {
                guard replacing == nil, reader.fields.count == 3,
                    reader.isWord(1, "source") || reader.isWord(1, "page"),
                    let index = reader.integer(2), index >= 0
                else { return false }
                let source = reader.isWord(1, "source")
                guard index < (source ? lines.sources.count : lines.blocks.count) else { return false }
                endBlock(at: lineStart)
                replacing = (source, index)
                return true
            }
            if reader.isWord(0, "source") {
                guard current == nil, replacing.map(\.source) ?? lines.blocks.isEmpty, reader.fields.count == 9,
                    let stamp = reader.stamp(2), let bodyLine = reader.integer(4), let bodyHash = reader.hex(5),
                    let frontMatterHash = reader.hex(6)
                else { return false }
                let source = Source(
                    line: lineStart..<(reader.fields[8].upperBound + 1), path: reader.fields[1], stamp: stamp,
                    bodyLine: bodyLine, bodyHash: bodyHash, frontMatterHash: frontMatterHash)
                if let replacing {
                    lines.sources[replacing.index] = source
                    lines.sources[replacing.index].index = replacing.index
                } else {
                    lines.sources.append(source)
                    lines.sources[lines.sources.count - 1].index = lines.sources.count - 1
                }
                replacing = nil
                return true
            }
            if reader.isWord(0, "page") {
                guard reader.fields.count >= 5, !(replacing?.source ?? false) else { return false }
                endBlock(at: lineStart)
                let block = Block(lines: lineStart..<lineStart, written: reader.isWord(3, "1"))
                if let replacing {
                    lines.blocks[replacing.index] = block
                    lines.anchors.removeAll { $0.block == replacing.index }
                    current = replacing.index
                } else {
                    guard lines.blocks.last.map({ !$0.lines.isEmpty }) ?? true else { return false }
                    lines.blocks.append(block)
                    current = lines.blocks.count - 1
                }
                replacing = nil
                return true
            }
            guard let current, replacing == nil else { return false }
            if reader.isWord(0, "diagnostic") {
                guard let diagnostic = reader.diagnostic() else { return false }
                lines.blocks[current].diagnostics.append(diagnostic)
            } else if reader.isWord(0, "anchor") {
                guard reader.fields.count == 9 else { return false }
                if !reader.fields[8].isEmpty { lines.anchors.append((current, reader.fields[8], reader.fields[2])) }
            } else if reader.isWord(0, "show") {
                guard reader.fields.count == 5 else { return false }
                lines.blocks[current].show = (lineStart, reader.fields[1])
            } else {
                return false
            }
            return true
        }
        guard whole, replacing == nil, !lines.blocks.isEmpty else { return nil }
        endBlock(at: reader.buffer.count)
        return lines
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
        facts: QuickFacts, lines: Lines
    ) -> BuildResult? {
        var changed = changed
        let changedIndex = Dictionary(uniqueKeysWithValues: changed.indices.map { (changed[$0].path, $0) })
        let blocks = lines.blocks
        // The pages showing a changed file, and the `#anchor` links into one.
        let showing = blocks.indices.filter { index in
            blocks[index].show.map { Self.changedFile(reader, field: $0.file, in: changedIndex) != nil } ?? false
        }
        // (Those of the pages rendered again are those their new bodies give.)
        let rendered = Set(showing)
        var incoming: [(file: Int, fragment: String)] = []
        for anchor in lines.anchors where !rendered.contains(anchor.block) {
            guard let target = Self.changedFile(reader, field: anchor.target, in: changedIndex) else { continue }
            guard let fragment = reader.string(at: anchor.fragment) else {
                return declined("the cache is not as written")
            }
            incoming.append((target, fragment))
        }
        PhaseTimer.mark("quick: pages scanned")

        // Each page showing a changed file: the new body rendered with the links of the last build.
        var pages: [RenderedPage] = []
        for index in showing {
            guard let rendered = render(index, of: blocks, changed: &changed, changedIndex: changedIndex, facts: facts)
            else { return nil }
            pages.append(rendered)
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
        for (index, block) in blocks.enumerated() where !rendered.contains(index) { all += block.diagnostics }
        for page in pages { all += page.page.outcome.diagnostics }
        let diagnostics = Diagnostic.limited(Array(Set(all)).sorted())
        guard !diagnostics.contains(where: { $0.severity == .error || options.strict }) else {
            return declined("the new bodies bring errors")
        }

        // The new files, each from the old one with the new body's HTML in place of the old body's.
        var files: [SiteRenderer.PageResult] = []
        for page in pages {
            let old = page.old
            guard let oldBytes = SourceFolder.readBytes(output + "/" + page.path), oldBytes.count == old.size
            else { return declined("an output file is not as the cache knows it") }
            var newBytes: [UInt8] = []
            newBytes.reserveCapacity(oldBytes.count - old.splice.count + page.html.count)
            newBytes += oldBytes[..<old.splice.lowerBound]
            newBytes += page.html
            newBytes += oldBytes[old.splice.upperBound...]
            let job = SiteRenderer.PageJob(languageIndex: 0, id: "", path: page.path, bodyHash: page.page.bodyHash)
            files.append(SiteRenderer.PageResult(job: job, outcome: page.page.outcome, bytes: newBytes))
        }
        var result = BuildResult(
            status: .success, diagnostics: diagnostics,
            sources: SourceTexts.forDiagnostics(diagnostics, known: configText(for: diagnostics)),
            pageCount: blocks.count { $0.written }, languageCount: facts.languages.count)
        result.renderedCount = files.count
        result.putInPlace = true
        PhaseTimer.mark("quick: rendered")
        // Without its checksum, the cache is not used while the output is changed: a build that stops before the
        // new lines are appended is followed by a clean one.
        if truncate(cachePath, off_t(reader.buffer.count)) != 0, BuildCache.remove(cachePath) != nil {
            return declined("the cache can be neither cut nor removed")
        }
        if let failure = OutputWriter.replacePages(files, in: output, named: options.outputPath) {
            result.status = .ioError
            result.diagnostics = (result.diagnostics + [failure]).sorted()
            return result
        }
        PhaseTimer.mark("quick: written")
        writeCache(changed: changed, touched: touched, pages: pages)
        return result
    }

    /// The index in `changedIndex` of the file a field names, if it is a changed one.
    private static func changedFile(_ reader: CacheReader, field range: Range<Int>, in changedIndex: [String: Int])
        -> Int?
    {
        // Most fields name no changed file: a string is made only of one as long as a changed file's path (or of
        // one with escapes, which make it longer).
        let escaped = reader.position(of: UInt8(ascii: "\\"), in: range) != nil
        guard escaped || changedIndex.keys.contains(where: { $0.utf8.count == range.count }),
            let path = reader.string(at: range)
        else { return nil }
        return changedIndex[path]
    }

    /// The page of `block` with the new body of the changed file it shows.
    private mutating func render(
        _ index: Int, of blocks: [Block], changed: inout [ChangedFile], changedIndex: [String: Int], facts: QuickFacts
    ) -> RenderedPage? {
        let block = blocks[index]
        guard let showStart = block.show?.line else { return nil }
        // The page line, then the `show` line and its links.
        var pageLine: (path: String, bodyHash: UInt64, headingsFile: String)?
        var shown: ShownBody?
        var broken = false
        var sub = reader
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
        guard !broken, let pageLine, let shown, let fileIndex = changedIndex[shown.file] else {
            return declined("the cache is not as written")
        }
        guard shown.splice != nil else { return declined("a page's template uses the body otherwise than printing it") }
        let file = changed[fileIndex]
        // The page was made from the file as the cache knows it.
        guard block.written, pageLine.bodyHash == file.source.bodyHash else {
            return declined("the cache is not as written")
        }
        // By bytes, as the links were recorded.
        let table = Dictionary(
            shown.links.map { (Array($0.destination.utf8), $0) }, uniquingKeysWith: { first, _ in first })
        var outcome = SiteRenderer.PageOutcome()
        var unknown = false
        let body = file.bytes[file.bodyStart...]
        let bodyFile = QuickBodyFile(displayPath: file.path, bodyLine: file.source.bodyLine)
        let rendered = SiteRenderer.renderBody(
            body, file: bodyFile, own: shown.own, ownHosts: Set(facts.ownHosts), outcome: &outcome
        ) { link in
            guard let entry = table[Array(link.destination.utf8)] else {
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
        var lines = CacheWriter()
        newShown.write(to: &lines)
        outcome.shownLines = lines.bytes[...]
        return RenderedPage(
            block: index, path: pageLine.path, page: BuildCache.CachedPage(bodyHash: file.bodyHash, outcome: outcome),
            html: rendered.htmlBytes, old: (old, shown.size))
    }

    /// Appends to the cache the new lines of the changed files and of the pages showing them, each after a line
    /// that says which file's or page's lines it replaces, and the checksum of it all.
    private func writeCache(
        changed: [ChangedFile], touched: [(path: String, source: Source, stamp: SourceFolder.FileStamp)],
        pages: [RenderedPage]
    ) {
        guard var checksum else { return }
        var out = CacheWriter()
        var sub = reader
        let sourceLines =
            changed.map { ($0.path, $0.source, $0.stamp, $0.bodyHash) }
            + touched.map { ($0.path, $0.source, $0.stamp, $0.source.bodyHash) }
        for (path, source, stamp, bodyHash) in sourceLines {
            // The line as it was, but for the stamp and the body's hash.
            var known: ContentLoader.KnownSource?
            _ = sub.forEachLine(from: source.line.lowerBound) { reader, _ in
                guard reader.fields.count == 9, let frontMatterLine = reader.integer(3) else { return false }
                known = ContentLoader.KnownSource(
                    stamp: stamp, frontMatterLine: frontMatterLine, bodyLine: source.bodyLine, bodyHash: bodyHash,
                    frontMatterHash: source.frontMatterHash,
                    frontMatter: Array(UnsafeBufferPointer(rebasing: reader.buffer[reader.fields[8]]))[...])
                return false
            }
            guard let known else { return }
            out.line("replace", "source", String(source.index))
            BuildCache.writeSource((path, known), to: &out)
        }
        for page in pages {
            out.line("replace", "page", String(page.block))
            BuildCache.writePage((page.path, page.page), to: &out)
        }
        out.bytes.withUnsafeBytes { checksum.add($0) }
        out.line("end", String(checksum.value, radix: 16))
        let descriptor = open(cachePath, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        let written = out.bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == out.bytes.count
        if close(descriptor) != 0 || !written { BuildCache.remove(cachePath) }
    }
}

/// A file mapped into memory to be read, until it is released.
private final class MappedFile {
    private let address: UnsafeMutableRawPointer?
    private let count: Int

    init?(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        count = Int(info.st_size)
        guard count > 0 else {
            address = nil
            return
        }
        let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0)
        guard let mapped, mapped != MAP_FAILED else { return nil }
        address = mapped
    }

    deinit { if let address { munmap(address, count) } }

    /// The file's bytes, valid while this object lives; nil for an empty file.
    var bytes: UnsafeBufferPointer<UInt8>? {
        address.map { UnsafeBufferPointer(start: $0.assumingMemoryBound(to: UInt8.self), count: count) }
    }
}

/// A changed file's place for `SiteRenderer.renderBody`.
private struct QuickBodyFile: BodyFile {
    var displayPath: String
    var bodyLine: Int
}
