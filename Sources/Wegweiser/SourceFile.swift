import FrontMatter

/// One Markdown file of one language, split and parsed. A class, because the site shares each file among
/// its pages, lists and renderers, and copying a reference is cheaper than copying every field.
final class SourceFile: Sendable {
    /// The language folder it is in.
    let language: String
    /// Path for diagnostics, e.g. `content/de/guides/arbeit.md`.
    let displayPath: String
    /// The page it belongs to: its path inside the language folder without `.md`; `_index` stands for its folder.
    let pageID: String
    let kind: PageKind
    let frontMatter: Mapping
    /// What the build cache keeps of this file (where its body starts, the hashes of its front matter and body).
    let source: ContentLoader.KnownSource
    /// Whether `source` is the last build's, taken over because the file's stamp is unchanged.
    let sourceFromCache: Bool
    /// The fields as read from the front matter (in this file's language, before inheritance), and the problems
    /// reading them.
    let data: PageData
    let dataDiagnostics: [Diagnostic]

    /// File line where the body starts.
    var bodyLine: Int { source.bodyLine }
    /// `ContentHash` of everything before the body (the front matter) and of the body, for the build cache.
    var frontMatterHash: UInt64 { source.frontMatterHash }
    var bodyHash: UInt64 { source.bodyHash }

    init(
        language: String, displayPath: String, pageID: String, kind: PageKind, frontMatter: Mapping,
        source: ContentLoader.KnownSource, sourceFromCache: Bool, data: PageData, dataDiagnostics: [Diagnostic]
    ) {
        self.language = language
        self.displayPath = displayPath
        self.pageID = pageID
        self.kind = kind
        self.frontMatter = frontMatter
        self.source = source
        self.sourceFromCache = sourceFromCache
        self.data = data
        self.dataDiagnostics = dataDiagnostics
    }

    /// The Markdown body, read from the file again: a site's bodies are not all held in memory at once, each is
    /// read when its page is rendered. nil if the file is gone or changed since it was loaded.
    func readBody() -> String? {
        readBodyBytes().map { String(decoding: $0, as: UTF8.self) }
    }

    /// `readBody()` as UTF-8 bytes, without checking them again: the bytes hash as the body checked when the file
    /// was loaded.
    func readBodyBytes() -> ArraySlice<UInt8>? {
        guard let bytes = SourceFolder.readBytes(displayPath),
            let start = bytes.withUnsafeBufferPointer(Document.bodyOffset)
        else { return nil }
        let body = bytes[start...]
        return ContentHash.of(body) == bodyHash ? body : nil
    }
}

/// Identity and URL of a page: the path inside a language folder, shared by all translations.
enum PageID {
    /// `guides/arbeit/_index.md` → `guides/arbeit`, `_index.md` → ``, `events/x.md` → `events/x`.
    static func of(relativePath: String) -> (id: String, isIndex: Bool) {
        // On bytes: the walk has checked the names, and this runs for every file of every build.
        func dropping(_ suffix: StaticString, from path: Substring.UTF8View) -> Substring.UTF8View? {
            let count = suffix.utf8CodeUnitCount
            guard path.count >= count else { return nil }
            let tail = path.suffix(count)
            return suffix.withUTF8Buffer { tail.elementsEqual($0) } ? path.dropLast(count) : nil
        }
        var path = Substring(relativePath).utf8
        if let stem = dropping(".md", from: path) { path = stem }
        if path.elementsEqual("_index".utf8) { return ("", true) }
        if let folder = dropping("/_index", from: path) { return (String(Substring(folder)), true) }
        return (String(Substring(path)), false)
    }

    /// The URL path of page `id` in `language`: `/de/guides/arbeit/`.
    static func urlPath(_ id: String, language: String) -> String {
        let slash = UInt8(ascii: "/")
        return StringAssembly.make(capacity: language.utf8.count + id.utf8.count + 3) { path in
            path.append(ascii: slash)
            path.append(language)
            path.append(ascii: slash)
            if !id.isEmpty {
                path.append(id)
                path.append(ascii: slash)
            }
        }
    }

    /// Where page `id` in `language` is written inside the output folder: `de/guides/arbeit/index.html`.
    static func outputPath(_ id: String, language: String) -> String {
        StringAssembly.make(capacity: language.utf8.count + id.utf8.count + 12) { path in
            path.append(language)
            path.append(ascii: UInt8(ascii: "/"))
            if !id.isEmpty {
                path.append(id)
                path.append(ascii: UInt8(ascii: "/"))
            }
            path.append("index.html")
        }
    }

    /// The page that contains `id` in the tree (`guides/arbeit/x` → `guides/arbeit`), or nil for the home page.
    static func parentPath(of id: String) -> String? {
        guard !id.isEmpty else { return nil }
        guard let slash = id.lastIndex(of: "/") else { return "" }
        return String(id[..<slash])
    }
}
