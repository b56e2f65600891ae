import Foundation
import FrontMatter
import Glibc
import Templates

/// What the last successful build into an output folder used and produced, so that the next build renders only
/// the pages whose inputs changed.
///
/// Rules (see the README, "Incremental builds"):
/// - `global` covers the theme (templates, UI strings, assets), site.yml, the options and the build date. If it
///   changed, everything is rebuilt.
/// - `meta` covers every page's front matter, which files exist, the files published beside the pages (whose
///   existence decides where links go), and which events are still to come. Titles, the tree, lists, the
///   switcher, the sitemap and calendars depend only on these, so if it changed, everything is rebuilt.
/// - Otherwise only Markdown bodies changed, and a page is rendered again only if the body it shows (its own, or
///   the fallback language's) changed, or its file is missing from the output. Diagnostics of the pages not
///   rendered again come from the cache, so a rebuild reports what a full build reports.
///
/// The cache file sits beside the output folder (`.output.wegweiser-cache` for `output/`). A missing, unreadable,
/// corrupt or foreign cache means a full build; the cache is removed before the output is changed in place and
/// written again only after, so an interrupted rebuild is followed by a full one.
struct BuildCache: Sendable {
    static let header = "wegweiser-cache 7 \(Version.current)"

    var global: UInt64
    var meta: UInt64
    /// The output folder's identity (`folderIdentity`) when the cache was written: a folder put in its place
    /// since (restored from a backup, or another build's output with its cache copied beside it) holds files the
    /// cache does not describe, so it means a clean build.
    var output: UInt64 = 0
    /// The outcome of each page job of the last build, by output path.
    var pages: [String: CachedPage] = [:]
    /// The page files the last build read, by path.
    var sources: [String: ContentLoader.KnownSource] = [:]
    /// The files of the output made from all pages and the theme (the chooser, 404 page, sitemap, calendars,
    /// redirects, assets), by path inside the output: a rebuild renders them only in a clean build, so one missing
    /// from the output (deleted by hand) means a clean build.
    var siteFiles: [String] = []
    /// What a later build needs to put changed bodies in place without loading the site (`QuickRebuild`); nil
    /// keeps it from doing so.
    var quick: QuickFacts?
    /// What `record` took, in the build's order, to be written; when empty, the dictionaries are written.
    private var pageList: [(path: String, page: CachedPage)] = []
    private var sourceList: [(path: String, source: ContentLoader.KnownSource)] = []

    init(global: UInt64, meta: UInt64) {
        self.global = global
        self.meta = meta
    }

    struct CachedPage: Sendable {
        var bodyHash: UInt64
        var outcome: SiteRenderer.PageOutcome
    }

    /// The identity of the folder at `path` (its device and inode), 0 if it cannot be found.
    static func folderIdentity(_ path: String) -> UInt64 {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        var hash = ContentHash()
        hash.add(UInt64(truncatingIfNeeded: info.st_dev))
        hash.add(UInt64(truncatingIfNeeded: info.st_ino))
        return hash.value
    }

    /// Where the cache for `output` is kept.
    static func path(forOutput output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).wegweiser-cache")
            .path
    }

    /// Takes the outcomes of a build's page jobs and what it read of its page files (`files`, in the order of the
    /// walk, drafts too).
    mutating func record(_ results: [SiteRenderer.PageResult], site: Site, files: [SourceFile]) {
        // Headings are kept only for the files links point into (`#anchor`); a rebuild reads others if needed.
        var targets: Set<String> = []
        for result in results {
            for anchor in result.outcome.anchors {
                guard let page = site.pages[anchor.pageID], let language = site.config.language(anchor.language),
                    let code = site.contentLanguage(of: page, for: language), let file = page.files[code]
                else { continue }
                targets.insert(file.displayPath)
            }
        }
        for result in results {
            var outcome = result.outcome
            if let file = outcome.headingsFile, !targets.contains(file) {
                outcome.headingsFile = nil
                outcome.headingIDs = []
                outcome.cachedLines = nil
            }
            pageList.append((result.job.path, CachedPage(bodyHash: result.job.bodyHash, outcome: outcome)))
        }
        for file in files { sourceList.append((file.displayPath, file.source)) }
    }

    // MARK: Fingerprints

    /// The hash of everything every page depends on.
    static func global(
        sources: [String: String], assets: [Asset], options: BuildOptions, buildTime: String
    ) -> UInt64 {
        var hash = ContentHash()
        hash.add(header)
        hash.add(programIdentity)
        for path in sources.keys.sorted() {
            hash.add(path)
            hash.add(sources[path]!)
        }
        for asset in assets.sorted(by: { $0.sitePath < $1.sitePath }) {
            hash.add(asset.sitePath)
            if let bytes = SourceFolder.readBytes(asset.filePath) {
                bytes.withUnsafeBytes { hash.add($0) }
            } else {
                hash.add("unreadable")
            }
        }
        hash.add(options.contentPath)
        hash.add(options.templatesPath)
        hash.add(options.baseURL ?? "")
        hash.add(options.includeDrafts ? "drafts" : "")
        hash.add(buildTime)
        return hash.value
    }

    /// The running program's file: its identity, size and time of change. A new build of Wegweiser may check or
    /// render differently while its version number stays the same; the cache of another one is not taken over.
    static let programIdentity: String = {
        var info = stat()
        // Linux names the running program's file here; elsewhere the path it was started by will do.
        guard stat("/proc/self/exe", &info) == 0 || stat(CommandLine.arguments[0], &info) == 0 else {
            return "unknown program"
        }
        let stamp = SourceFolder.FileStamp(info)
        return "program " + stamp.values.map(String.init).joined(separator: " ")
    }()

    /// The hash of the site's structure: pages, their files' front matter, and the next date of every event.
    static func meta(of site: Site) -> UInt64 {
        // Each page's hash on all cores, then the hashes in the site's order.
        let pageHashes = Parallel.map(site.order, chunkSize: 256) { id -> UInt64 in
            guard let page = site.pages[id] else { return 0 }
            var hash = ContentHash()
            hash.add(id)
            for language in site.config.languages {
                guard let file = page.files[language.code] else { continue }
                hash.add(file.displayPath)
                hash.add(file.frontMatterHash)
            }
            if page.start != nil {
                if let next = site.nextOccurrences(page, count: 1).first {
                    hash.add(next.start.iso)
                    hash.add(next.end?.iso ?? "")
                } else {
                    hash.add("past")
                }
            }
            return hash.value
        }
        var hash = ContentHash()
        for pageHash in pageHashes { hash.add(pageHash) }
        // Which files beside the pages exist decides where links go; a changed one is copied by a clean build.
        for attachment in site.attachments.all {
            hash.add(attachment.path)
            for value in attachment.stamp.values { hash.add(UInt64(bitPattern: Int64(value))) }
        }
        return hash.value
    }

    // MARK: Reading and writing

    /// The cache at `path`; nil when it is missing or cannot be used.
    static func read(_ path: String) -> BuildCache? {
        guard let bytes = SourceFolder.readBytes(path) else { return nil }
        return decode(bytes)
    }

    /// Removes the cache file (before the output is changed in place); a diagnostic if it is there and cannot be
    /// removed: changing the output then would leave a cache that takes the changed pages for the old ones.
    @discardableResult
    static func remove(_ path: String) -> Diagnostic? {
        guard unlink(path) != 0, errno != ENOENT else { return nil }
        let reason = String(cString: strerror(errno))
        return Diagnostic(
            file: path, line: 1, column: 1,
            message:
                "the build cache cannot be removed (\(reason)), and a later build would take the pages changed now for the old ones; nothing was written: make its folder writable, or delete the file"
        )
    }

    /// Writes the cache through a temporary file, so that it is either whole or absent. `lines` are its
    /// `encodedLines()`, if they were made already.
    func write(to path: String, lines: [[UInt8]]? = nil) {
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        let written = OutputWriter.writeFile(temporary, parts: encodedParts(lines: lines))
        if !written || rename(temporary, path) != 0 { unlink(temporary) }
    }

    func encoded() -> [UInt8] {
        Array(encodedParts().joined())
    }

    /// The cache's bytes in pieces that, one after the other, are the whole cache: they are written as they are,
    /// without being joined in memory first. `lines` are its `encodedLines()`, if they were made already.
    func encodedParts(lines: [[UInt8]]? = nil) -> [[UInt8]] {
        var head = CacheWriter()
        head.line(Self.header)
        head.line("global", String(global, radix: 16))
        head.line("meta", String(meta, radix: 16))
        head.line("output", String(output, radix: 16))
        for path in siteFiles { head.line("site", path) }
        quick?.write(to: &head)
        let parts = [head.bytes] + (lines ?? encodedLines())
        // A checksum of all of it last: a cache cut short or changed by hand is not trusted.
        var checksum = ContentHash.Stream()
        for part in parts { part.withUnsafeBytes { checksum.add($0) } }
        var end = CacheWriter()
        end.line("end", String(checksum.value, radix: 16))
        return parts + [end.bytes]
    }

    /// The lines of the page files and the pages, the bulk of the cache, in slices made on all cores. They do not
    /// depend on the head lines (`siteFiles`, `output`, `quick`), so a build makes them while it renders the files
    /// made from all pages, before it knows those.
    func encodedLines() -> [[UInt8]] {
        let sourceList = sourceList.isEmpty ? sources.keys.sorted().map { ($0, sources[$0]!) } : sourceList
        let pageList = pageList.isEmpty ? pages.keys.sorted().map { ($0, pages[$0]!) } : pageList
        return Self.inSlices(sourceList, Self.writeSource) + Self.inSlices(pageList, Self.writePage)
    }

    /// The bytes of `write` applied to each item, made on all cores in slices of a few thousand items.
    private static func inSlices<Item: Sendable>(
        _ items: [Item], _ write: @escaping @Sendable (Item, inout CacheWriter) -> Void
    ) -> [[UInt8]] {
        let size = 4096
        let slices = stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
        return Parallel.map(slices, chunkSize: 1) { slice in
            var out = CacheWriter()
            // Room for lines longer than most: memory reserved but not used is never touched.
            out.bytes.reserveCapacity(slice.count * 512)
            for item in slice { write(item, &out) }
            return out.bytes
        }
    }

    static func writeSource(
        _ item: (path: String, source: ContentLoader.KnownSource), to out: inout CacheWriter
    ) {
        let (path, source) = item
        // A file taken over from the last cache: its line, with the same path, is copied as it was.
        if let line = source.cachedLine {
            out.bytes.append(contentsOf: line)
            return
        }
        out.field("source")
        out.field(path)
        out.numbers(source.stamp.values)
        out.numbers([source.frontMatterLine])
        out.numbers([source.bodyLine])
        out.hex(source.bodyHash)
        out.hex(source.frontMatterHash)
        // The parsed front matter, in binary: its length, then its bytes as they are (see `CacheReader`).
        out.numbers([source.frontMatter.count])
        source.frontMatter.withUnsafeBufferPointer { out.raw($0) }
        out.endLine()
    }

    static func writePage(_ item: (path: String, page: CachedPage), to out: inout CacheWriter) {
        let (path, page) = item
        let outcome = page.outcome
        // A page taken over from the last cache, as it was: its lines are copied.
        if let lines = outcome.cachedLines {
            out.bytes.append(contentsOf: lines)
            return
        }
        out.field("page")
        out.field(path)
        out.hex(page.bodyHash)
        out.field(outcome.written ? "1" : "0")
        out.field(outcome.headingsFile ?? "")
        for id in Set(outcome.headingIDs).sorted() { out.field(id) }
        out.endLine()
        for diagnostic in outcome.diagnostics { out.line("diagnostic", diagnostic) }
        for anchor in outcome.anchors {
            out.line(
                "anchor", anchor.pageID, anchor.fragment, anchor.language, anchor.sourceLanguage, anchor.file,
                String(anchor.line), String(anchor.column), anchor.targetFile)
        }
        if let lines = outcome.shownLines { out.bytes.append(contentsOf: lines) }
    }

    /// The cache written by `encoded()`; nil for anything else.
    static func decode(_ bytes: [UInt8]) -> BuildCache? {
        guard let lastStart = checkedLength(bytes) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = CacheReader(buffer: UnsafeBufferPointer(rebasing: buffer[..<lastStart]), bytes: bytes)
            return reader.read()
        }
    }
}

extension BuildCache {
    /// Where the last line of a cache starts, if it ends with a line break.
    static func lastLineStart(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard buffer.last == UInt8(ascii: "\n") else { return nil }
        return buffer.dropLast().lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }
    }

    /// The length of a cache's lines before its last, if that is `end`, a tab and the checksum of everything
    /// before it.
    static func checkedLength(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer(verified)?.length
    }

    /// `checkedLength`, and the checksum's state after everything before the last line (to go on with lines
    /// appended in its place).
    static func verified(_ buffer: UnsafeBufferPointer<UInt8>) -> (length: Int, checksum: ContentHash.Stream)? {
        guard let lastStart = lastLineStart(buffer),
            let last = String(validating: buffer[lastStart..<(buffer.count - 1)], as: UTF8.self),
            last.hasPrefix("end\t"), let expected = UInt64(last.dropFirst(4), radix: 16)
        else { return nil }
        var checksum = ContentHash.Stream()
        checksum.add(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[..<lastStart]))
        return checksum.value == expected ? (lastStart, checksum) : nil
    }
}

/// Lines of tab-separated fields; tabs, line breaks and backslashes inside a field are written as `\t`, `\n`, `\r`
/// and `\\`. Binary data goes unescaped into the last field of a line, after a field with its length.
struct CacheWriter {
    var bytes: [UInt8] = []
    private var atLineStart = true

    mutating func field(_ text: String) {
        if !atLineStart { bytes.append(UInt8(ascii: "\t")) }
        atLineStart = false
        var text = text
        text.withUTF8 { field in
            var runStart = 0
            for (index, byte) in field.enumerated() {
                let escape: UInt8
                switch byte {
                case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
                case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
                case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
                default: continue
                }
                bytes.append(contentsOf: field[runStart..<index])
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(escape)
                runStart = index + 1
            }
            bytes.append(contentsOf: field[runStart...])
        }
    }

    /// A field of any bytes as they are, without escaping: it must be the last of its line, and follow a field
    /// with its length.
    mutating func raw(_ field: UnsafeBufferPointer<UInt8>) {
        if !atLineStart { bytes.append(UInt8(ascii: "\t")) }
        atLineStart = false
        bytes.append(contentsOf: field)
    }

    /// A number as lowercase hexadecimal digits (as `String(value, radix: 16)` writes it).
    mutating func hex(_ value: UInt64) {
        if !atLineStart { bytes.append(UInt8(ascii: "\t")) }
        atLineStart = false
        let digits = max(1, (UInt64.bitWidth - value.leadingZeroBitCount + 3) / 4)
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let digit = UInt8((value >> UInt64(shift)) & 0xF)
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }

    /// A whole number as one field.
    mutating func number(_ value: Int) {
        if !atLineStart { bytes.append(UInt8(ascii: "\t")) }
        atLineStart = false
        appendDecimal(value, to: &bytes)
    }

    /// Whole numbers as one field, separated by commas, without making strings of them.
    mutating func numbers(_ values: [Int]) {
        if !atLineStart { bytes.append(UInt8(ascii: "\t")) }
        atLineStart = false
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendDecimal(value, to: &bytes)
        }
    }

    mutating func endLine() {
        bytes.append(UInt8(ascii: "\n"))
        atLineStart = true
    }

    /// A line of `word` and the five fields of `diagnostic`, as `CacheReader.diagnostic()` reads them.
    mutating func line(_ word: String, _ diagnostic: Diagnostic) {
        line(
            word, diagnostic.file, String(diagnostic.position.line), String(diagnostic.position.column),
            diagnostic.severity.rawValue, diagnostic.message)
    }

    mutating func line(_ fields: String...) {
        for field in fields { self.field(field) }
        endLine()
    }
}

/// Reads what `CacheWriter` wrote, field by field as byte ranges, making strings only of the fields kept. A field
/// that is not UTF-8 makes the whole cache unusable.
struct CacheReader {
    let buffer: UnsafeBufferPointer<UInt8>
    /// The array `buffer` points into: binary fields are kept as slices of it, without being copied.
    let bytes: [UInt8]
    private(set) var fields: [Range<Int>] = []

    init(buffer: UnsafeBufferPointer<UInt8>, bytes: [UInt8]) {
        self.buffer = buffer
        self.bytes = bytes
    }

    mutating func read() -> BuildCache? {
        var cache = BuildCache(global: 0, meta: 0)
        // Room for at least as many files and pages as a cache of this size holds (their lines are a few
        // hundred bytes), so that the tables are not grown again and again.
        cache.sources.reserveCapacity(buffer.count / 256)
        cache.pages.reserveCapacity(buffer.count / 256)
        var current: (path: String, page: BuildCache.CachedPage)?
        // Where the current page's line starts: its lines, up to the next page's, are kept to be written again.
        var currentStart = 0
        var lineNumber = 0
        let whole = forEachLine { reader, start in
            lineNumber += 1
            // A page's lines end at the next page's, or where a quick rebuild's lines start (`QuickRebuild`).
            let ends = reader.isWord(0, "page") || reader.isWord(0, "replace")
            if current != nil, ends {
                current!.page.outcome.cachedLines = reader.bytes[currentStart..<start]
                cache.pages[current!.path] = current!.page
                current = nil
            }
            if current == nil { currentStart = start }
            // Lines appended by a quick rebuild replace those of a file or page before them.
            if reader.isWord(0, "replace") { return lineNumber > 4 && reader.fields.count == 3 }
            return reader.take(lineNumber: lineNumber, into: &cache, current: &current)
        }
        guard whole, lineNumber >= 4 else { return nil }
        if var current {
            current.page.outcome.cachedLines = bytes[currentStart..<buffer.count]
            cache.pages[current.path] = current.page
        }
        return cache
    }

    /// Splits the buffer into lines and each line into `fields`, and calls `body` with each line's start; false
    /// when a line is cut short or `body` gives false.
    /// Lines that start with `skipping` are passed over without being split or given to `body`.
    mutating func forEachLine(
        from first: Int = 0, skipping: StaticString? = nil, _ body: (inout CacheReader, _ start: Int) -> Bool
    ) -> Bool {
        var start = first
        while start < buffer.count {
            fields.removeAll(keepingCapacity: true)
            let end: Int
            if let skipping, startsWith(skipping, at: start) {
                guard let lineEnd = position(of: UInt8(ascii: "\n"), in: start..<buffer.count) else { return false }
                start = lineEnd + 1
                continue
            } else if startsWith("source\t", at: start) {
                // Eight fields, the last the length of the ninth, which is raw bytes up to the line break.
                var fieldStart = start
                for _ in 0..<8 {
                    guard let tab = position(of: UInt8(ascii: "\t"), in: fieldStart..<buffer.count) else {
                        return false
                    }
                    fields.append(fieldStart..<tab)
                    fieldStart = tab + 1
                }
                guard let length = integer(7), length >= 0, length < buffer.count - fieldStart,
                    buffer[fieldStart + length] == UInt8(ascii: "\n")
                else { return false }
                end = fieldStart + length
                fields.append(fieldStart..<end)
            } else {
                // Lines and fields are found with `memchr`, which looks at many bytes at once.
                guard let lineEnd = position(of: UInt8(ascii: "\n"), in: start..<buffer.count) else { return false }
                end = lineEnd
                var fieldStart = start
                while let tab = position(of: UInt8(ascii: "\t"), in: fieldStart..<end) {
                    fields.append(fieldStart..<tab)
                    fieldStart = tab + 1
                }
                fields.append(fieldStart..<end)
            }
            guard body(&self, start) else { return false }
            start = end + 1
        }
        return true
    }

    /// Takes the current line; false if it is not what the cache holds there.
    func take(
        lineNumber: Int, into cache: inout BuildCache, current: inout (path: String, page: BuildCache.CachedPage)?
    ) -> Bool {
        switch lineNumber {
        case 1: return fields.count == 1 && string(0) == BuildCache.header
        case 2, 3, 4:
            guard fields.count == 2, let value = hex(1) else { return false }
            if lineNumber == 2, isWord(0, "global") {
                cache.global = value
            } else if lineNumber == 3, isWord(0, "meta") {
                cache.meta = value
            } else if lineNumber == 4, isWord(0, "output") {
                cache.output = value
            } else {
                return false
            }
            return true
        default: break
        }
        if isWord(0, "site") {
            // Before the first page, so that it is not taken as one of a page's lines.
            guard current == nil, fields.count == 2, let path = string(1) else { return false }
            cache.siteFiles.append(path)
        } else if QuickFacts.lineKinds.contains(where: { isWord(0, $0) }) {
            // Read by `QuickRebuild` only; a build makes them again.
            return current == nil
        } else if isWord(0, "show") || isWord(0, "link") {
            // Kept as they are, for the page's lines to be written again.
            guard current != nil else { return false }
            let start = current!.page.outcome.shownLines?.startIndex ?? fields[0].lowerBound
            current!.page.outcome.shownLines = bytes[start...fields[fields.count - 1].upperBound]
        } else if isWord(0, "source") {
            guard fields.count == 9, let stamp = stamp(2),
                let frontMatterLine = integer(3), let bodyLine = integer(4), let bodyHash = hex(5),
                let frontMatterHash = hex(6), let path = string(1)
            else { return false }
            let frontMatter = bytes[fields[8]]
            cache.sources[path] = ContentLoader.KnownSource(
                stamp: stamp, frontMatterLine: frontMatterLine, bodyLine: bodyLine, bodyHash: bodyHash,
                frontMatterHash: frontMatterHash, frontMatter: frontMatter,
                cachedLine: bytes[fields[0].lowerBound...fields[8].upperBound])
        } else if isWord(0, "page") {
            guard fields.count >= 5, let path = string(1), let hash = hex(2), isWord(3, "0") || isWord(3, "1"),
                let headingsFile = string(4)
            else { return false }
            var outcome = SiteRenderer.PageOutcome()
            outcome.written = isWord(3, "1")
            outcome.headingsFile = headingsFile.isEmpty ? nil : headingsFile
            for index in 5..<fields.count {
                guard let id = string(index) else { return false }
                outcome.headingIDs.append(id)
            }
            current = (path, BuildCache.CachedPage(bodyHash: hash, outcome: outcome))
        } else if isWord(0, "diagnostic") {
            guard current != nil, let diagnostic = diagnostic() else { return false }
            current!.page.outcome.diagnostics.append(diagnostic)
        } else if isWord(0, "anchor") {
            guard current != nil, fields.count == 9, let pageID = string(1), let fragment = string(2),
                let language = string(3), let sourceLanguage = string(4), let file = string(5),
                let line = integer(6), let column = integer(7), let targetFile = string(8)
            else { return false }
            current!.page.outcome.anchors.append(
                LinkResolver.AnchorCheck(
                    pageID: pageID, fragment: fragment, language: language, sourceLanguage: sourceLanguage,
                    file: file, line: line, column: column, targetFile: targetFile))
        } else {
            return false
        }
        return true
    }

    /// The diagnostic a line of a word and five fields gives (file, line, column, severity, message).
    func diagnostic() -> Diagnostic? {
        guard fields.count == 6, let file = string(1), let line = integer(2), let column = integer(3),
            let severity = string(4).flatMap(Severity.init(rawValue:)), let message = string(5)
        else { return nil }
        return Diagnostic(file: file, line: line, column: column, severity: severity, message: message)
    }

    /// Whether the buffer holds `prefix` at `index`.
    func startsWith(_ prefix: StaticString, at index: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard buffer.count - index >= count else { return false }
        return prefix.withUTF8Buffer { UnsafeBufferPointer(rebasing: buffer[index..<index + count]).elementsEqual($0) }
    }

    /// Where `byte` first is in `range` of the buffer.
    func position(of byte: UInt8, in range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = buffer.baseAddress,
            let found = memchr(base + range.lowerBound, Int32(byte), range.count)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    func isWord(_ field: Int, _ word: StaticString) -> Bool {
        let range = fields[field]
        guard range.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { expected in
            expected.indices.allSatisfy { expected[$0] == buffer[range.lowerBound + $0] }
        }
    }

    /// Whether the field at `range` holds `text` (escaped as the writer escapes it).
    func text(at range: Range<Int>, equals text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            if utf8.isEmpty { return range.isEmpty }
            if range.count == utf8.count, position(of: UInt8(ascii: "\\"), in: range) == nil {
                return memcmp(buffer.baseAddress! + range.lowerBound, utf8.baseAddress!, utf8.count) == 0
            }
            var writer = CacheWriter()
            writer.field(String(decoding: utf8, as: UTF8.self))
            return UnsafeBufferPointer(rebasing: buffer[range]).elementsEqual(writer.bytes)
        }
    }

    /// A field's text with `\t`, `\n`, `\r` and `\\` unescaped; nil for any other escape or for text that is not
    /// UTF-8.
    func string(_ field: Int) -> String? {
        string(at: fields[field])
    }

    /// The text of the field at `range`, as `string(_:)` gives it.
    func string(at range: Range<Int>) -> String? {
        guard position(of: UInt8(ascii: "\\"), in: range) != nil else {
            return UTF8Validation.string(UnsafeBufferPointer(rebasing: buffer[range]))
        }
        return unescaped(at: range).flatMap { $0.withUnsafeBufferPointer { UTF8Validation.string($0) } }
    }

    /// A field's bytes with `\t`, `\n`, `\r` and `\\` unescaped; nil for any other escape.
    func unescaped(at range: Range<Int>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var runStart = range.lowerBound
        while let backslash = position(of: UInt8(ascii: "\\"), in: runStart..<range.upperBound) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<backslash]))
            guard backslash + 1 < range.upperBound else { return nil }
            switch buffer[backslash + 1] {
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
            default: return nil
            }
            runStart = backslash + 2
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<range.upperBound]))
        return out
    }

    /// A field of lowercase hexadecimal digits as a number; nil for anything else.
    func hex(_ field: Int) -> UInt64? {
        let range = fields[field]
        guard !range.isEmpty, range.count <= 16 else { return nil }
        var value: UInt64 = 0
        for index in range {
            let byte = buffer[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    /// A field of the seven numbers of a file's stamp, separated by commas; nil for anything else. (Read into
    /// memory on the stack: the cache has a stamp for every page file.)
    func stamp(_ field: Int) -> SourceFolder.FileStamp? {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 7) { values in
            var count = 0
            let read = forEachInteger(in: field) { value in
                if count < values.count { values[count] = value }
                count += 1
            }
            guard read, count == values.count else { return nil }
            return SourceFolder.FileStamp(values: UnsafeBufferPointer(values))
        }
    }

    /// A field holding one whole number; nil for anything else.
    func integer(_ field: Int) -> Int? {
        var value: Int?
        var count = 0
        guard forEachInteger(in: field, { (value, count) = ($0, count + 1) }), count == 1 else { return nil }
        return value
    }

    /// Calls `body` with each number of a field of whole numbers separated by commas; false (after calling it for
    /// some) if the field is anything else.
    func forEachInteger(in field: Int, _ body: (Int) -> Void) -> Bool {
        var value = 0
        var negative = false
        var digits = 0
        for index in fields[field] {
            let byte = buffer[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (product, overflow) = value.multipliedReportingOverflow(by: 10)
                guard !overflow, digits < 19 else { return false }
                value = product + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "-") where digits == 0 && !negative:
                negative = true
            case UInt8(ascii: ","):
                guard digits > 0 else { return false }
                body(negative ? -value : value)
                (value, negative, digits) = (0, false, 0)
            default:
                return false
            }
        }
        guard digits > 0 else { return false }
        body(negative ? -value : value)
        return true
    }
}
