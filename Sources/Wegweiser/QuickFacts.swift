import Foundation
import Glibc

/// What a build recorded in its cache beyond its pages, so that a later build can tell, without loading the site,
/// that nothing but Markdown bodies changed since (see `QuickRebuild`).
struct QuickFacts: Sendable, Equatable {
    /// The first fields of the lines that hold these facts, before the cache's first page.
    static let lineKinds: [StaticString] = ["quick", "languages", "hosts", "stamped", "note"]

    /// `BuildCache.programIdentity` of the program that built.
    var program: String
    /// `QuickFacts.options(_:)` of the build's options.
    var options: UInt64
    /// The build's date in the site's time zone, and that zone's identifier.
    var buildTime: String
    var timeZone: String
    /// When the build was made ("now"), and until when the site is what a build would make of the same files
    /// (`Site.unchangedUntil`), in seconds since 1970: before the one or after the other, an event may be to come
    /// or past that was not, or the day has changed.
    var builtAt: Double
    var unchangedUntil: Double
    /// site.yml's stamp (of the file a symbolic link points to: it is read through one), taken before it was
    /// read.
    var config: SourceFolder.FileStamp
    /// `QuickFacts.theme(at:)` of the templates folder, taken before it was read.
    var theme: UInt64
    /// `ContentLoader.Walk.signature` of the content folder's walk.
    var walk: UInt64
    /// The site's language codes, in its order.
    var languages: [String]
    /// `SiteConfig.ownHosts`, sorted.
    var ownHosts: [String]
    /// The source files of pages whose translations record the source's hash (`source_hash`): a change of such a
    /// body makes those translations outdated, or no longer, which a build reports.
    var stamped: [String]
    /// The build's diagnostics that are not a page's: those of the content and theme folders, of site.yml, of
    /// front matter and of the files made from all pages.
    var notes: [Diagnostic]

    /// What about the build's options decides its output (not `--strict`, `--jobs` or `--quiet`).
    static func options(_ options: BuildOptions) -> UInt64 {
        var hash = ContentHash()
        hash.add(options.contentPath)
        hash.add(options.templatesPath)
        hash.add(options.outputPath)
        hash.add(options.baseURL ?? "")
        hash.add(options.includeDrafts ? "drafts" : "")
        return hash.value
    }

    /// The stamp of the file at `path` (with `following`, of the file a symbolic link there points to); nil if
    /// there is none.
    static func stamp(of path: String, following: Bool = false) -> SourceFolder.FileStamp? {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        return SourceFolder.FileStamp(info)
    }

    /// A hash of the names, kinds and stamps of everything in the templates folder at `root` (hidden files
    /// aside, as the theme skips them); nil if a folder of it cannot be read.
    static func theme(at root: String) -> UInt64? {
        var hash = ContentHash()
        guard let rootStamp = stamp(of: root) else { return nil }
        for value in rootStamp.values { hash.add(UInt64(bitPattern: Int64(value))) }
        func add(folder: String) -> Bool {
            guard let entries = try? SourceFolder.entries(of: folder) else { return false }
            for entry in entries {
                let path = folder + "/" + entry.name
                hash.add(path)
                hash.add(entry.isDirectory ? "d" : entry.isRegularFile ? "f" : entry.isSymbolicLink ? "l" : "o")
                for value in entry.stamp.values { hash.add(UInt64(bitPattern: Int64(value))) }
                if entry.isDirectory, !add(folder: path) { return false }
            }
            return true
        }
        return add(folder: root) ? hash.value : nil
    }

    func write(to out: inout CacheWriter) {
        out.field("quick")
        out.field(program)
        out.hex(options)
        out.field(buildTime)
        out.field(timeZone)
        out.hex(builtAt.bitPattern)
        out.hex(unchangedUntil.bitPattern)
        out.numbers(config.values)
        out.hex(theme)
        out.hex(walk)
        out.endLine()
        out.field("languages")
        for code in languages { out.field(code) }
        out.endLine()
        out.field("hosts")
        for host in ownHosts { out.field(host) }
        out.endLine()
        for path in stamped { out.line("stamped", path) }
        for note in notes { out.line("note", note) }
    }
}

extension QuickFacts {
    /// Collects the facts from the lines of a cache, one line at a time; `facts` once all were read.
    struct Reader {
        private var first: QuickFacts?
        private(set) var failed = false

        var facts: QuickFacts? { failed ? nil : first }

        /// Takes the current line of `reader` if it is one of these facts; false if it is not.
        mutating func take(_ reader: CacheReader) -> Bool {
            if reader.isWord(0, "quick") {
                guard reader.fields.count == 10, let program = reader.string(1), let options = reader.hex(2),
                    let buildTime = reader.string(3), let timeZone = reader.string(4), let builtAt = reader.hex(5),
                    let until = reader.hex(6), let config = reader.stamp(7), let theme = reader.hex(8),
                    let walk = reader.hex(9)
                else {
                    failed = true
                    return true
                }
                first = QuickFacts(
                    program: program, options: options, buildTime: buildTime, timeZone: timeZone,
                    builtAt: Double(bitPattern: builtAt), unchangedUntil: Double(bitPattern: until), config: config,
                    theme: theme, walk: walk, languages: [],
                    ownHosts: [], stamped: [], notes: [])
            } else if reader.isWord(0, "languages") {
                let values = strings(reader)
                first?.languages = values
            } else if reader.isWord(0, "hosts") {
                let values = strings(reader)
                first?.ownHosts = values
            } else if reader.isWord(0, "stamped") {
                let values = strings(reader)
                first?.stamped += values
            } else if reader.isWord(0, "note") {
                guard let note = reader.diagnostic() else {
                    failed = true
                    return true
                }
                first?.notes.append(note)
            } else {
                return false
            }
            if first == nil { failed = true }
            return true
        }

        private mutating func strings(_ reader: CacheReader) -> [String] {
            var values: [String] = []
            for index in 1..<reader.fields.count {
                guard let value = reader.string(index) else {
                    failed = true
                    return []
                }
                values.append(value)
            }
            return values
        }
    }
}

extension ShownBody {
    /// Its lines in the build cache: `show`, then a `link` line for each destination.
    func write(to out: inout CacheWriter) {
        out.field("show")
        out.field(file)
        out.field(own ? "1" : "0")
        if let splice {
            out.numbers([splice.lowerBound, splice.upperBound])
        } else {
            out.number(-1)
        }
        out.number(size)
        out.endLine()
        for link in links {
            out.field("link")
            out.field(link.destination)
            switch link.target {
            case .keep:
                out.field("k")
            case .rewrite(let destination, let anchor):
                out.field("r")
                out.field(destination)
                if let anchor {
                    for field in [
                        anchor.pageID, anchor.fragment, anchor.language, anchor.sourceLanguage, anchor.file,
                        anchor.targetFile,
                    ] {
                        out.field(field)
                    }
                }
            case .attachment(let destination, let attachment):
                out.field("a")
                out.field(destination)
                out.field(attachment.language)
                out.field(attachment.relativePath)
                out.field(attachment.path)
                out.numbers(attachment.stamp.values)
                out.numbers(attachment.pixelSize.map { [$0.width, $0.height] } ?? [-1])
            }
            out.endLine()
        }
    }

    /// The `show` line the reader is at; its links are added by `addLink`.
    init?(showLine reader: CacheReader) {
        guard reader.isWord(0, "show"), reader.fields.count == 5, let file = reader.string(1),
            reader.isWord(2, "0") || reader.isWord(2, "1"), let size = reader.integer(4)
        else { return nil }
        var bounds: [Int] = []
        guard reader.forEachInteger(in: 3, { bounds.append($0) }) else { return nil }
        var splice: Range<Int>?
        if bounds.count == 2 {
            guard bounds[0] >= 0, bounds[0] <= bounds[1], bounds[1] <= size else { return nil }
            splice = bounds[0]..<bounds[1]
        } else if bounds != [-1] {
            return nil
        }
        self.init(file: file, own: reader.isWord(2, "1"), splice: splice, size: size, links: [])
    }

    /// Adds the `link` line the reader is at; false if it is not one.
    mutating func addLink(_ reader: CacheReader) -> Bool {
        guard reader.isWord(0, "link"), reader.fields.count >= 3, let destination = reader.string(1) else {
            return false
        }
        let count = reader.fields.count
        let target: LinkEntry.Target
        if reader.isWord(2, "k"), count == 3 {
            target = .keep
        } else if reader.isWord(2, "r"), count == 4 || count == 10, let rewritten = reader.string(3) {
            var anchor: LinkResolver.AnchorCheck?
            if count == 10 {
                guard let pageID = reader.string(4), let fragment = reader.string(5), let language = reader.string(6),
                    let sourceLanguage = reader.string(7), let file = reader.string(8),
                    let targetFile = reader.string(9)
                else { return false }
                anchor = LinkResolver.AnchorCheck(
                    pageID: pageID, fragment: fragment, language: language, sourceLanguage: sourceLanguage, file: file,
                    line: 0, column: 0, targetFile: targetFile)
            }
            target = .rewrite(rewritten, anchor: anchor)
        } else if reader.isWord(2, "a"), count == 9, let rewritten = reader.string(3),
            let language = reader.string(4), let relativePath = reader.string(5), let path = reader.string(6),
            let stamp = reader.stamp(7)
        {
            var size: [Int] = []
            guard reader.forEachInteger(in: 8, { size.append($0) }), size == [-1] || size.count == 2 else {
                return false
            }
            var attachment = Attachment(language: language, relativePath: relativePath, path: path, stamp: stamp)
            if size.count == 2 { attachment.pixelSize = PixelSize(width: size[0], height: size[1]) }
            target = .attachment(rewritten, attachment)
        } else {
            return false
        }
        links.append(LinkEntry(destination: destination, target: target))
        return true
    }
}
