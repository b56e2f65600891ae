import Foundation
import FrontMatter

/// Reads content/: site.yml and every language folder's Markdown files.
struct ContentLoader {
    /// The content folder as the user named it (used in diagnostics).
    var root: String
    var diagnostics: [Diagnostic] = []
    /// The text of site.yml, for showing source lines in diagnostics. Page texts are not kept (a big site would
    /// hold them twice); `SourceTexts` reads the few files that diagnostics point at.
    var sources: [String: String] = [:]

    init(root: String) {
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// Reads site.yml; nil (with diagnostics) when it is missing or unusable.
    mutating func loadConfig() throws(BuildFailure) -> SiteConfig? {
        let path = root + "/site.yml"
        let exists = FileManager.default.fileExists(atPath: path)
        guard let text = try readText(path) else {
            guard !exists else { return nil }  // not UTF-8: already reported
            diagnostics.append(
                Diagnostic(
                    file: path, line: 1, column: 1,
                    message: "site.yml is missing; the content folder needs one (see the README)"))
            return nil
        }
        return SiteConfig.load(text: text, file: path, diagnostics: &diagnostics)
    }

    /// A Markdown file found by the walk, read and parsed afterwards (on all cores).
    struct Candidate: Sendable {
        var path: String
        var language: String
        var relativePath: String
        var stamp: SourceFolder.FileStamp
    }

    /// What the last build read from a file: if the file's stamp is unchanged, its front matter is taken from here,
    /// already parsed, and the file is not read (its body is read only if its page is rendered).
    struct KnownSource: Sendable {
        var stamp: SourceFolder.FileStamp
        var frontMatterLine: Int
        var bodyLine: Int
        var bodyHash: UInt64
        /// `ContentHash` of the front matter's text and of where it and the body start (line numbers in diagnostics
        /// depend on them).
        var frontMatterHash: UInt64
        /// The parsed front matter in `Mapping`'s binary form (from the cache, a slice of the whole cache's bytes).
        var frontMatter: ArraySlice<UInt8>
        /// The whole line the last build's cache kept for this file, with its line break (nil for a file read now):
        /// written again as it is.
        var cachedLine: ArraySlice<UInt8>? = nil
    }

    /// The entries of `folder` with their paths, without symbolic links: those are reported, not followed (they
    /// could point out of content/ or form loops, and editors have no need for them).
    /// `into` names the folder the message asks to copy the file into.
    static func entries(
        of folder: String, reportingLinksTo diagnostics: inout [Diagnostic], into: String = "the content folder"
    ) throws(BuildFailure) -> [(path: String, entry: SourceFolder.Entry)] {
        var entries: [(path: String, entry: SourceFolder.Entry)] = []
        for entry in try SourceFolder.entries(of: folder) {
            let path = folder + "/" + entry.name
            guard !entry.isSymbolicLink else {
                diagnostics.append(
                    Diagnostic(
                        file: path, line: 1, column: 1, severity: .warning,
                        message: "symbolic links are not followed; copy the file into \(into) instead"))
                continue
            }
            entries.append((path, entry))
        }
        return entries
    }

    /// The files beside the pages that are published as they are, found by `loadFiles`.
    var attachments: [Attachment] = []

    /// Files of the last build, by path (from the build cache).
    var known: Pending<[String: KnownSource]> = Pending([:])

    /// What a walk of the language folders found, and a hash of all of it but the page files' stamps.
    struct Walk {
        var files: [Candidate] = []
        var attachments: [Attachment] = []
        var diagnostics: [Diagnostic] = []
        /// `ContentHash` of the language folders' paths, the page files' paths, the files beside the pages with
        /// their stamps and sizes, and the diagnostics: equal for two walks that find the same pages and files,
        /// whatever the pages hold.
        var signature: UInt64 = 0
    }

    /// Walks the language folders of the content folder at `root` (each on its own thread): the page files, the
    /// files beside them, and the problems with names. `languages` are the site's language codes.
    static func walk(root: String, languages: [String]) throws(BuildFailure) -> Walk {
        var result = Walk()
        var languageFolders: [(path: String, language: String)] = []
        for (path, entry) in try entries(of: root, reportingLinksTo: &result.diagnostics) {
            if entry.isDirectory {
                guard languages.contains(entry.name) else {
                    var message = "`\(entry.name)` is not a language of this site; add it to `languages` in site.yml"
                    if let suggestion = Spelling.closest(to: entry.name, among: languages) {
                        message += " or rename the folder to `\(suggestion)`"
                    }
                    result.diagnostics.append(Diagnostic(file: path, line: 1, column: 1, message: message))
                    continue
                }
                languageFolders.append((path, entry.name))
            }
        }
        let walks = Parallel.map(languageFolders, chunkSize: 1) { folder in
            var walk = FolderWalk(language: folder.language, languageFolder: folder.path)
            let outcome = Result { () throws(BuildFailure) in try walk.walk(folder: folder.path) }
            return (walk.files, walk.attachments, walk.diagnostics, outcome)
        }
        // The files stay in the order of the folders.
        for (found, foundAttachments, walkDiagnostics, outcome) in walks {
            result.diagnostics += walkDiagnostics
            try outcome.get()
            result.files += found
            result.attachments += foundAttachments
        }
        var hash = ContentHash()
        for folder in languageFolders { hash.add(folder.path) }
        for file in result.files {
            hash.add(file.path)
            hash.add(file.language)
        }
        for attachment in result.attachments {
            hash.add(attachment.path)
            for value in attachment.stamp.values { hash.add(UInt64(bitPattern: Int64(value))) }
            hash.add(UInt64(bitPattern: Int64(attachment.pixelSize?.width ?? -1)))
            hash.add(UInt64(bitPattern: Int64(attachment.pixelSize?.height ?? -1)))
        }
        for diagnostic in result.diagnostics {
            hash.add(diagnostic.file)
            hash.add(UInt64(diagnostic.position.line))
            hash.add(UInt64(diagnostic.position.column))
            hash.add(diagnostic.severity.rawValue)
            hash.add(diagnostic.message)
        }
        result.signature = hash.value
        return result
    }

    /// The hash of the last `loadFiles` walk (`Walk.signature`).
    var walkSignature: UInt64 = 0

    /// Reads every page file of every language folder, sorted by path.
    mutating func loadFiles(config: SiteConfig) throws(BuildFailure) -> [SourceFile] {
        let walk = try Self.walk(root: root, languages: config.languages.map(\.code))
        diagnostics += walk.diagnostics
        attachments += walk.attachments
        walkSignature = walk.signature
        let files = walk.files
        PhaseTimer.mark("walk")
        let known = self.known.value
        let parsed = Parallel.map(files) { candidate -> (SourceFile?, [Diagnostic], Bool) in
            var diagnostics: [Diagnostic] = []
            if let source = known[candidate.path], source.stamp == candidate.stamp,
                let frontMatter = source.frontMatter.withUnsafeBufferPointer(Mapping.init(binary:))
            {
                let file = Self.makeFile(
                    source, frontMatter: frontMatter, fromCache: true, path: candidate.path,
                    language: candidate.language, relativePath: candidate.relativePath)
                return (file, [], false)
            }
            switch SourceFolder.readUTF8(candidate.path) {
            case .bytes(let bytes):
                let file = bytes.withUnsafeBufferPointer { bytes in
                    Self.parse(
                        bytes: bytes, path: candidate.path, language: candidate.language,
                        relativePath: candidate.relativePath, stamp: candidate.stamp, diagnostics: &diagnostics)
                }
                return (file, diagnostics, false)
            case .invalid(let diagnostic):
                return (nil, [diagnostic], false)
            case .unreadable:
                return (
                    nil, [Diagnostic(file: candidate.path, line: 1, column: 1, message: "cannot read the file")], true
                )
            }
        }
        var result: [SourceFile] = []
        result.reserveCapacity(parsed.count)
        for (file, fileDiagnostics, unreadable) in parsed {
            if unreadable { throw BuildFailure(reason: .io, diagnostics: fileDiagnostics) }
            diagnostics += fileDiagnostics
            if let file { result.append(file) }
        }
        return result
    }

    /// A page file from its bytes (checked to be UTF-8): only its front matter is made a string; its body is hashed.
    static func parse(
        bytes: UnsafeBufferPointer<UInt8>, path: String, language: String, relativePath: String,
        stamp: SourceFolder.FileStamp, diagnostics: inout [Diagnostic]
    ) -> SourceFile? {
        let split: Document.Parts
        do {
            split = try Document.split(bytes: bytes)
        } catch {
            diagnostics.append(Diagnostic(file: path, position: error.position, message: error.message))
            return nil
        }
        guard let frontMatterRange = split.frontMatter else {
            let isEmpty = String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace)
            // Hugo and Zola also read TOML between `+++` lines; a page moved from there starts so.
            let isTOML = bytes.drop(while: { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }).starts(with: Array("+++".utf8))
            diagnostics.append(
                Diagnostic(
                    file: path, line: 1, column: 1,
                    message: isEmpty
                        ? "the file is empty; a page needs front matter with at least a `title` between two `---` lines"
                        : isTOML
                            ? "front matter between `+++` lines (TOML) is not read here; write it between `---` lines as `key: value`, e.g. `title: Sprachkurse` for `title = \"Sprachkurse\"`"
                            : "the page has no front matter; start the file with a line `---`, then `title: …`, then `---`"
                ))
            return nil
        }
        let frontMatterText = String(decoding: UnsafeBufferPointer(rebasing: bytes[frontMatterRange]), as: UTF8.self)
        let frontMatter: Mapping
        do {
            frontMatter = try FrontMatterParser.parse(frontMatterText, lineOffset: split.frontMatterLine - 1)
        } catch {
            diagnostics.append(Diagnostic(file: path, position: error.position, message: error.message))
            return nil
        }
        var binary: [UInt8] = []
        frontMatter.appendBinary(to: &binary)
        let source = KnownSource(
            stamp: stamp, frontMatterLine: split.frontMatterLine, bodyLine: split.bodyLine,
            bodyHash: bodyHash(bytes, split), frontMatterHash: frontMatterHash(frontMatterText, split),
            frontMatter: binary[...])
        return makeFile(
            source, frontMatter: frontMatter, fromCache: false, path: path, language: language,
            relativePath: relativePath)
    }

    /// `KnownSource.frontMatterHash` of a file split into `split`, whose front matter is `text`.
    static func frontMatterHash(_ text: String, _ split: Document.Parts) -> UInt64 {
        var hash = ContentHash()
        hash.add(text)
        hash.add(UInt64(split.frontMatterLine))
        hash.add(UInt64(split.bodyLine))
        return hash.value
    }

    /// `KnownSource.bodyHash` of a file's `bytes` split into `split`.
    static func bodyHash(_ bytes: UnsafeBufferPointer<UInt8>, _ split: Document.Parts) -> UInt64 {
        ContentHash.of(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[split.bodyStart...])))
    }

    /// The page file from its front matter, with its fields read (each file on its own, so on all cores).
    private static func makeFile(
        _ source: KnownSource, frontMatter: Mapping, fromCache: Bool, path: String, language: String,
        relativePath: String
    ) -> SourceFile {
        let (id, isIndex) = PageID.of(relativePath: relativePath)
        let kind = PageKind.of(id: id, isIndex: isIndex)
        var reader = PageDataReader(file: path)
        let data = reader.read(frontMatter, kind: kind)
        return SourceFile(
            language: language, displayPath: path, pageID: id, kind: kind, frontMatter: frontMatter, source: source,
            sourceFromCache: fromCache, data: data, dataDiagnostics: reader.diagnostics)
    }

    /// A file's text; nil if it does not exist. Invalid UTF-8 is a diagnostic at the offending byte.
    mutating func readText(_ path: String) throws(BuildFailure) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        switch SourceFolder.read(path) {
        case .text(let text):
            if !path.hasSuffix(".md") { sources[path] = text }
            return text
        case .invalid(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .unreadable:
            throw BuildFailure(
                reason: .io, diagnostics: [Diagnostic(file: path, line: 1, column: 1, message: "cannot read the file")])
        }
    }
}

/// The Markdown files of one language folder and the problems with their names.
private struct FolderWalk {
    let language: String
    /// The language folder's path and `/`: what a file's path inside the folder starts with.
    let prefixLength: Int
    var files: [ContentLoader.Candidate] = []
    var attachments: [Attachment] = []
    var diagnostics: [Diagnostic] = []

    init(language: String, languageFolder: String) {
        self.language = language
        prefixLength = languageFolder.utf8.count + 1
    }

    mutating func walk(folder: String) throws(BuildFailure) {
        for (path, entry) in try ContentLoader.entries(of: folder, reportingLinksTo: &diagnostics) {
            if entry.isDirectory {
                guard !entry.name.hasPrefix("_"), !entry.name.hasPrefix(".") else { continue }
                guard ContentName.isValid(Substring(entry.name)) else {
                    diagnostics.append(
                        Diagnostic(
                            file: path, line: 1, column: 1,
                            message:
                                "folder names become URLs and may only hold lowercase letters a–z, digits, `-` and `_`; rename it to `\(ContentName.suggestion(for: Substring(entry.name)))`"
                        ))
                    continue
                }
                try walk(folder: path)
                continue
            }
            guard entry.name.hasSuffix(".md") else {
                // Editors' notes (`_…`), hidden files, editors' backups (`page.md~`, `#page.md#`) and the lock files
                // of office programs (`~$antrag.docx`, Word's while the document is open) stay unread.
                guard entry.isRegularFile, !entry.name.hasPrefix("_"), !entry.name.hasPrefix("."),
                    !entry.name.hasPrefix("#"), !entry.name.hasPrefix("~"), !entry.name.hasSuffix("~")
                else { continue }
                // A page file named as other tools allow would be left out without a word.
                let lower = entry.name.lowercased()
                if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
                    let stem = lower.hasSuffix(".md") ? entry.name.dropLast(3) : entry.name.dropLast(9)
                    diagnostics.append(
                        Diagnostic(
                            file: path, line: 1, column: 1, severity: .warning,
                            message:
                                "the file is not read: page files end in `.md`; rename it to `\(ContentName.suggestion(for: stem)).md`"
                        ))
                    continue
                }
                switch Attachment.verdict(forFileNamed: entry.name) {
                case .published:
                    if let warning = Attachment.sizeWarning(name: entry.name, size: entry.stamp.size) {
                        diagnostics.append(
                            Diagnostic(file: path, line: 1, column: 1, severity: .warning, message: warning))
                    }
                    var attachment = Attachment(
                        language: language, relativePath: String(path.utf8.dropFirst(prefixLength))!, path: path,
                        stamp: entry.stamp)
                    if Attachment.isImage(entry.name) {
                        switch ImageHeader.finding(forFileAt: path) {
                        case .size(let size): attachment.pixelSize = size
                        case .sizeUnknown: break
                        case .notAnImage:
                            diagnostics.append(
                                Diagnostic(
                                    file: path, line: 1, column: 1, severity: .warning,
                                    message:
                                        "the file is not a PNG, JPEG, GIF, WebP or AVIF image, though its name says so: pages show a broken image in its place; save it again as an image"
                                ))
                        }
                    }
                    attachments.append(attachment)
                case .rejected(let message, let isError):
                    diagnostics.append(
                        Diagnostic(
                            file: path, line: 1, column: 1, severity: isError ? .error : .warning, message: message))
                }
                continue
            }
            let stem = entry.name.dropLast(3)
            if stem.hasPrefix("_") && stem != "_index" { continue }
            if stem != "_index", !ContentName.isValid(stem) {
                diagnostics.append(
                    Diagnostic(
                        file: path, line: 1, column: 1,
                        message:
                            "file names become URLs and may only hold lowercase letters a–z, digits, `-` and `_`; rename it to `\(ContentName.suggestion(for: stem)).md`"
                    ))
                continue
            }
            guard entry.isRegularFile else { continue }
            let relativePath = String(path.utf8.dropFirst(prefixLength))!
            files.append(
                ContentLoader.Candidate(path: path, language: language, relativePath: relativePath, stamp: entry.stamp))
        }
    }
}

/// The texts of the files diagnostics point at, for showing their source lines.
enum SourceTexts {
    /// `known` completed with every file a diagnostic names that can be read as UTF-8.
    static func forDiagnostics(_ diagnostics: [Diagnostic], known: [String: String]) -> [String: String] {
        var texts = known
        for file in Set(diagnostics.map(\.file)) where texts[file] == nil {
            // Only regular files: a diagnostic about a symbolic link must not print what it points at. Not the files
            // published beside pages (images, videos: they may be gigabytes, and have no lines to show), nor another
            // file over 16 MB that is not one of the text files a build reads.
            var info = stat()
            guard lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                !Attachment.isPublishedKind(Substring(file)),
                info.st_size <= 16 << 20 || [".md", ".yml", ".html"].contains(where: file.hasSuffix)
            else { continue }
            // Control characters are welcome here: the formatter shows them as pictures.
            if let bytes = SourceFolder.readBytes(file),
                let text = bytes.withUnsafeBufferPointer(UTF8Validation.string)
            {
                texts[file] = text
            }
        }
        return texts
    }
}
