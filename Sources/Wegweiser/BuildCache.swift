import Foundation
import Glibc

/// What the last successful build into an output folder used and produced, so that the next build renders only
/// the pages whose inputs changed.
///
/// Rules (see the README, "Incremental builds"):
/// - `global` covers the theme (templates, UI strings, assets), site.yml, the options and the build date. If it
///   changed, everything is rebuilt.
/// - `meta` covers every page's front matter, which files exist, and which events are still to come. Titles, the
///   tree, lists, the switcher, the sitemap and calendars depend only on these, so if it changed, everything is
///   rebuilt.
/// - Otherwise only Markdown bodies changed, and a page is rendered again only if the body it shows (its own, or
///   the fallback language's) changed, or its file is missing from the output. Diagnostics of the pages not
///   rendered again come from the cache, so a rebuild reports what a full build reports.
///
/// The cache file sits beside the output folder (`.output.wegweiser-cache` for `output/`). A missing, unreadable,
/// corrupt or foreign cache means a full build; the cache is removed before the output is changed in place and
/// written again only after, so an interrupted rebuild is followed by a full one.
struct BuildCache: Sendable {
    static let header = "wegweiser-cache 1 \(Version.current)"

    var global: UInt64
    var meta: UInt64
    /// The outcome of each page job of the last build, by output path.
    var pages: [String: CachedPage] = [:]
    /// The page files the last build read, by path.
    var sources: [String: ContentLoader.KnownSource] = [:]
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

    /// Where the cache for `output` is kept.
    static func path(forOutput output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).wegweiser-cache")
            .path
    }

    /// Takes the outcomes of a build's page jobs and what it read of its page files.
    mutating func record(_ results: [SiteRenderer.PageResult], site: Site) {
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
            }
            pageList.append((result.job.path, CachedPage(bodyHash: result.job.bodyHash, outcome: outcome)))
        }
        for id in site.order {
            guard let page = site.pages[id] else { continue }
            for code in page.files.keys.sorted() {
                let file = page.files[code]!
                sourceList.append((file.displayPath, file.source))
            }
        }
    }

    // MARK: Fingerprints

    /// The hash of everything every page depends on.
    static func global(
        sources: [String: String], assets: [Asset], options: BuildOptions, buildTime: String
    ) -> UInt64 {
        var hash = ContentHash()
        hash.add(header)
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

    /// The hash of the site's structure: pages, their files' front matter, and the next date of every event.
    static func meta(of site: Site) -> UInt64 {
        var hash = ContentHash()
        for id in site.order {
            guard let page = site.pages[id] else { continue }
            hash.add(id)
            for code in page.files.keys.sorted() {
                let file = page.files[code]!
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
        }
        return hash.value
    }

    // MARK: Reading and writing

    /// The cache at `path`; nil when it is missing or cannot be used.
    static func read(_ path: String) -> BuildCache? {
        guard let bytes = SourceFolder.readBytes(path) else { return nil }
        return decode(bytes)
    }

    /// Removes the cache file (before the output is changed in place).
    static func remove(_ path: String) {
        unlink(path)
    }

    /// Writes the cache through a temporary file, so that it is either whole or absent.
    func write(to path: String) {
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        let bytes = encoded()
        let written = bytes.withUnsafeBufferPointer { OutputWriter.writeFile(temporary, $0) }
        if !written || rename(temporary, path) != 0 { unlink(temporary) }
    }

    func encoded() -> [UInt8] {
        var out = CacheWriter()
        out.line(Self.header)
        out.line("global", String(global, radix: 16))
        out.line("meta", String(meta, radix: 16))
        let sourceList = sourceList.isEmpty ? sources.keys.sorted().map { ($0, sources[$0]!) } : sourceList
        for (path, source) in sourceList {
            out.field("source")
            out.field(path)
            out.numbers(source.stamp.values)
            out.numbers([source.frontMatterLine])
            out.numbers([source.bodyLine])
            out.field(String(source.bodyHash, radix: 16))
            out.field(source.frontMatterText)
            out.endLine()
        }
        let pageList = pageList.isEmpty ? pages.keys.sorted().map { ($0, pages[$0]!) } : pageList
        for (path, page) in pageList {
            let outcome = page.outcome
            out.field("page")
            out.field(path)
            out.field(String(page.bodyHash, radix: 16))
            out.field(outcome.written ? "1" : "0")
            out.field(outcome.headingsFile ?? "")
            for id in outcome.headingIDs.sorted() { out.field(id) }
            out.endLine()
            for diagnostic in outcome.diagnostics {
                out.line(
                    "diagnostic", diagnostic.file, String(diagnostic.position.line),
                    String(diagnostic.position.column), diagnostic.severity.rawValue, diagnostic.message)
            }
            for anchor in outcome.anchors {
                out.line(
                    "anchor", anchor.pageID, anchor.fragment, anchor.language, anchor.sourceLanguage, anchor.file,
                    String(anchor.line), String(anchor.column))
            }
        }
        // A checksum of all of it last: a cache cut short or changed by hand is not trusted.
        out.line("end", String(Self.checksum(out.bytes[...]), radix: 16))
        return out.bytes
    }

    private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = ContentHash()
        bytes.withUnsafeBytes { hash.add($0) }
        return hash.value
    }

    /// The cache written by `encoded()`; nil for anything else.
    static func decode(_ bytes: [UInt8]) -> BuildCache? {
        // The last line is `end`, a tab and the checksum of everything before it.
        guard bytes.last == UInt8(ascii: "\n"),
            let lastStart = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }),
            let last = String(validating: bytes[lastStart..<(bytes.count - 1)], as: UTF8.self),
            last.hasPrefix("end\t"), UInt64(last.dropFirst(4), radix: 16) == checksum(bytes[..<lastStart])
        else { return nil }
        var cache = BuildCache(global: 0, meta: 0)
        var current: (path: String, page: CachedPage)?
        var lineNumber = 0
        var valid = true
        var fields: [String] = []
        fields.reserveCapacity(16)
        var start = 0
        var index = 0
        while valid, index < lastStart {
            let byte = bytes[index]
            if byte != UInt8(ascii: "\t"), byte != UInt8(ascii: "\n") {
                index += 1
                continue
            }
            guard let field = unescaped(bytes[start..<index]) else { return nil }
            fields.append(field)
            index += 1
            start = index
            guard byte == UInt8(ascii: "\n") else { continue }
            lineNumber += 1
            valid = cache.take(fields, lineNumber: lineNumber, current: &current)
            fields.removeAll(keepingCapacity: true)
        }
        guard valid, start == lastStart, lineNumber >= 3 else { return nil }
        if let current { cache.pages[current.path] = current.page }
        return cache
    }

    /// Takes one decoded line; false if it is not what the cache holds at that line.
    private mutating func take(_ fields: [String], lineNumber: Int, current: inout (path: String, page: CachedPage)?)
        -> Bool
    {
        switch lineNumber {
        case 1: return fields == [Self.header]
        case 2:
            guard fields.count == 2, fields[0] == "global", let value = UInt64(fields[1], radix: 16) else {
                return false
            }
            global = value
            return true
        case 3:
            guard fields.count == 2, fields[0] == "meta", let value = UInt64(fields[1], radix: 16) else {
                return false
            }
            meta = value
            return true
        default: break
        }
        switch fields.first {
        case "source":
            guard fields.count == 7,
                let stamp = SourceFolder.FileStamp(values: Self.integers(fields[2])),
                let frontMatterLine = Int(fields[3]), let bodyLine = Int(fields[4]),
                let bodyHash = UInt64(fields[5], radix: 16)
            else { return false }
            sources[fields[1]] = ContentLoader.KnownSource(
                stamp: stamp, frontMatterText: fields[6], frontMatterLine: frontMatterLine, bodyLine: bodyLine,
                bodyHash: bodyHash)
        case "page":
            guard fields.count >= 5, let hash = UInt64(fields[2], radix: 16), fields[3] == "0" || fields[3] == "1"
            else { return false }
            if let current { pages[current.path] = current.page }
            var outcome = SiteRenderer.PageOutcome()
            outcome.written = fields[3] == "1"
            outcome.headingsFile = fields[4].isEmpty ? nil : fields[4]
            outcome.headingIDs = Set(fields[5...])
            current = (fields[1], CachedPage(bodyHash: hash, outcome: outcome))
        case "diagnostic":
            guard current != nil, fields.count == 6, let line = Int(fields[2]), let column = Int(fields[3]),
                let severity = Severity(rawValue: fields[4])
            else { return false }
            current!.page.outcome.diagnostics.append(
                Diagnostic(file: fields[1], line: line, column: column, severity: severity, message: fields[5]))
        case "anchor":
            guard current != nil, fields.count == 8, let line = Int(fields[6]), let column = Int(fields[7]) else {
                return false
            }
            current!.page.outcome.anchors.append(
                LinkResolver.AnchorCheck(
                    pageID: fields[1], fragment: fields[2], language: fields[3], sourceLanguage: fields[4],
                    file: fields[5], line: line, column: column))
        default:
            return false
        }
        return true
    }

    /// `1,-2,3` → [1, -2, 3]; an empty list for anything else.
    private static func integers(_ text: String) -> [Int] {
        var values: [Int] = []
        var value = 0
        var sign = 1
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (product, overflow) = value.multipliedReportingOverflow(by: 10)
                guard !overflow else { return [] }
                value = product + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "-") where digits == 0 && sign == 1:
                sign = -1
            case UInt8(ascii: ","):
                guard digits > 0 else { return [] }
                values.append(sign * value)
                (value, sign, digits) = (0, 1, 0)
            default:
                return []
            }
        }
        guard digits > 0 else { return [] }
        values.append(sign * value)
        return values
    }

    private static func unescaped(_ bytes: ArraySlice<UInt8>) -> String? {
        guard var backslash = bytes.firstIndex(of: UInt8(ascii: "\\")) else {
            return String(validating: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var runStart = bytes.startIndex
        while true {
            out.append(contentsOf: bytes[runStart..<backslash])
            guard backslash + 1 < bytes.endIndex else { return nil }
            switch bytes[backslash + 1] {
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
            default: return nil
            }
            runStart = backslash + 2
            guard let next = bytes[runStart...].firstIndex(of: UInt8(ascii: "\\")) else { break }
            backslash = next
        }
        out.append(contentsOf: bytes[runStart...])
        return String(validating: out, as: UTF8.self)
    }
}

/// Lines of tab-separated fields; tabs, line breaks and backslashes inside a field are written as `\t`, `\n`, `\r`
/// and `\\`.
struct CacheWriter {
    var bytes: [UInt8] = []
    private var atLineStart = true

    mutating func field(_ text: String) {
        if !atLineStart { bytes.append(UInt8(ascii: "\t")) }
        atLineStart = false
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() {
                let escape: UInt8
                switch byte {
                case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
                case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
                case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
                default: continue
                }
                bytes.append(contentsOf: utf8[runStart..<index])
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(escape)
                runStart = index + 1
            }
            bytes.append(contentsOf: utf8[runStart...])
        }
    }

    /// Whole numbers as one field, separated by commas, without making strings of them.
    mutating func numbers(_ values: [Int]) {
        if !atLineStart { bytes.append(UInt8(ascii: "\t")) }
        atLineStart = false
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            var magnitude = value.magnitude
            var digits: [UInt8] = []
            repeat {
                digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: digits.reversed())
        }
    }

    mutating func endLine() {
        bytes.append(UInt8(ascii: "\n"))
        atLineStart = true
    }

    mutating func line(_ fields: String...) {
        for field in fields { self.field(field) }
        endLine()
    }
}
