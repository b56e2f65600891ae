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

    /// Takes the outcomes of a build's page jobs.
    mutating func record(_ results: [SiteRenderer.PageResult]) {
        for result in results {
            pages[result.job.path] = CachedPage(bodyHash: result.job.bodyHash, outcome: result.outcome)
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
        var out: [UInt8] = []
        func line(_ fields: [String]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(UInt8(ascii: "\t")) }
                Self.appendEscaped(field, to: &out)
            }
            out.append(UInt8(ascii: "\n"))
        }
        line([Self.header])
        line(["global", String(global, radix: 16)])
        line(["meta", String(meta, radix: 16)])
        for path in pages.keys.sorted() {
            let page = pages[path]!
            let outcome = page.outcome
            line(
                [
                    "page", path, String(page.bodyHash, radix: 16), outcome.written ? "1" : "0",
                    outcome.headingsFile ?? "",
                ]
                    + outcome.headingIDs.sorted())
            for diagnostic in outcome.diagnostics {
                line([
                    "diagnostic", diagnostic.file, String(diagnostic.position.line), String(diagnostic.position.column),
                    diagnostic.severity.rawValue, diagnostic.message,
                ])
            }
            for anchor in outcome.anchors {
                line([
                    "anchor", anchor.pageID, anchor.fragment, anchor.language, anchor.sourceLanguage, anchor.file,
                    String(anchor.line), String(anchor.column),
                ])
            }
        }
        // A checksum of all of it last: a cache cut short or changed by hand is not trusted.
        line(["end", String(Self.checksum(out[...]), radix: 16)])
        return out
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
        let bytes = Array(bytes[..<lastStart])
        var lines: [[String]] = []
        var fields: [String] = []
        var start = 0
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") else { continue }
            guard let field = unescaped(bytes[start..<index]) else { return nil }
            fields.append(field)
            start = index + 1
            if byte == UInt8(ascii: "\n") {
                lines.append(fields)
                fields = []
            }
        }
        guard start == bytes.count, lines.count >= 3, lines[0] == [header],
            lines[1].count == 2, lines[1][0] == "global", let global = UInt64(lines[1][1], radix: 16),
            lines[2].count == 2, lines[2][0] == "meta", let meta = UInt64(lines[2][1], radix: 16)
        else { return nil }
        var cache = BuildCache(global: global, meta: meta)
        var current: (path: String, page: CachedPage)?
        for fields in lines.dropFirst(3) {
            switch fields.first {
            case "page":
                guard fields.count >= 5, let hash = UInt64(fields[2], radix: 16), ["0", "1"].contains(fields[3])
                else { return nil }
                if let current { cache.pages[current.path] = current.page }
                var outcome = SiteRenderer.PageOutcome()
                outcome.written = fields[3] == "1"
                outcome.headingsFile = fields[4].isEmpty ? nil : fields[4]
                outcome.headingIDs = Set(fields[5...])
                current = (fields[1], CachedPage(bodyHash: hash, outcome: outcome))
            case "diagnostic":
                guard current != nil, fields.count == 6, let line = Int(fields[2]), let column = Int(fields[3]),
                    let severity = Severity(rawValue: fields[4])
                else { return nil }
                current!.page.outcome.diagnostics.append(
                    Diagnostic(file: fields[1], line: line, column: column, severity: severity, message: fields[5]))
            case "anchor":
                guard current != nil, fields.count == 8, let line = Int(fields[6]), let column = Int(fields[7])
                else { return nil }
                current!.page.outcome.anchors.append(
                    LinkResolver.AnchorCheck(
                        pageID: fields[1], fragment: fields[2], language: fields[3], sourceLanguage: fields[4],
                        file: fields[5], line: line, column: column))
            default:
                return nil
            }
        }
        if let current { cache.pages[current.path] = current.page }
        return cache
    }

    /// Tabs, line breaks and backslashes in a field are written as `\t`, `\n`, `\r` and `\\`.
    private static func appendEscaped(_ field: String, to out: inout [UInt8]) {
        for byte in field.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            default: out.append(byte)
            }
        }
    }

    private static func unescaped(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.contains(UInt8(ascii: "\\")) else { return String(validating: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        var escaping = false
        for byte in bytes {
            if escaping {
                switch byte {
                case UInt8(ascii: "\\"): out.append(byte)
                case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
                default: return nil
                }
                escaping = false
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else {
                out.append(byte)
            }
        }
        return escaping ? nil : String(validating: out, as: UTF8.self)
    }
}
