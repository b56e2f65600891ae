/// A file beside the pages of a language folder that is published as it is: an image, a document (a PDF, a form)
/// or a recording, at the same place under the language's folder in the output (`content/de/guides/plan.png` →
/// `/de/guides/plan.png`). Pages link to it by its name relative to the page file (`![Plan](plan.png)`,
/// `[Antrag (PDF)](antrag.pdf)`).
struct Attachment: Sendable, Equatable {
    var language: String
    /// Its path inside the language folder (`guides/plan.png`).
    var relativePath: String
    /// Its path as the content folder was given: where it is copied from, and what diagnostics name.
    var path: String
    var stamp: SourceFolder.FileStamp
    /// An image's size in pixels, read from its header (see `ImageHeader`); nil for other files and for images
    /// whose size is not known.
    var pixelSize: PixelSize? = nil

    /// Where it is in the output, as a site path (`/de/guides/plan.png`).
    var sitePath: String { "/\(language)/\(relativePath)" }

    /// The endings (lowercase) of the files published beside pages: images browsers show, documents and forms
    /// readers download, and recordings for those who listen rather than read. Not SVG (it can carry scripts that
    /// would run on the site), not HTML or scripts (pages are written in Markdown).
    static let publishedExtensions = imageExtensions.union([
        "pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "doc", "xls", "ppt", "rtf",
        "mp3", "m4a", "ogg", "mp4", "webm",
    ])
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif"]

    /// Images larger than this are a warning: pages are read on cheap phones over mobile data, and a photo as a
    /// camera saves it (3–10 MB) is loaded whole to be shown a few hundred pixels wide.
    static let largeImageBytes = 500 * 1024

    /// Whether `name` ends as an image's name does (in any case).
    static func isImage(_ name: String) -> Bool {
        extensionOf(Substring(name)).map { imageExtensions.contains($0.lowercased()) } ?? false
    }

    /// The warning for an image file of `size` bytes, or nil.
    static func sizeWarning(name: String, size: Int) -> String? {
        guard size > largeImageBytes, isImage(name) else { return nil }
        return
            "the image is \(describedSize(size)): readers on phones load all of it over mobile data; save it smaller (at most 1,200 pixels wide, as JPEG or WebP) to make it 100–300 KB"
    }

    /// For a document, the words of which one in its link's text says what kind of file the link downloads.
    static let documentWords: [String: [String]] = [
        "pdf": ["pdf"], "doc": ["doc", "word"], "docx": ["doc", "word"], "xls": ["xls", "excel"],
        "xlsx": ["xls", "excel"], "ppt": ["ppt", "powerpoint"], "pptx": ["ppt", "powerpoint"], "rtf": ["rtf"],
        "odt": ["odt", "opendocument", "libreoffice"], "ods": ["ods", "opendocument", "libreoffice"],
        "odp": ["odp", "opendocument", "libreoffice"],
    ]

    /// The warning for a link with `text` to this file, if it is a document and the text does not say what kind
    /// of file it is: readers on phones want to know that a link downloads a file, and how big, before they tap
    /// it (BITV 2.0 asks for both).
    func downloadWarning(linkText text: String, destination: String) -> String? {
        guard let ending = Self.extensionOf(Substring(relativePath)), let words = Self.documentWords[String(ending)]
        else { return nil }
        let lowered = text.lowercased()
        guard !words.contains(where: lowered.contains) else { return nil }
        let kind = ending.uppercased()
        let size = Self.describedSize(stamp.size)
        return
            "the link text does not say that the link downloads a file (\(kind), \(size)); say it, e.g. [\(text) (\(kind), \(size))](\(destination))"
    }

    /// `bytes` as readers are told a download's size: `240 KB`, `3.1 MB`.
    static func describedSize(_ bytes: Int) -> String {
        bytes < 1_048_576
            ? "\(max(1, (bytes + 512) / 1024)) KB" : "\((Double(bytes) / 1_048_576 * 10).rounded() / 10) MB"
    }

    /// The ending of `name` after its last `.`, as written; nil without one (or with nothing before it). Found on
    /// the UTF-8 bytes: `isPublishedKind` runs for every link that is not to a page file.
    static func extensionOf(_ name: Substring) -> Substring? {
        let utf8 = name.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")), dot != utf8.startIndex else { return nil }
        return name[utf8.index(after: dot)...]
    }

    /// Whether a link to `path` names a file of a published kind (in any case: the name is checked where the file
    /// is found). Looks only at the last five bytes: it runs for every link that is not to a page file.
    static func isPublishedKind(_ path: Substring) -> Bool {
        path.utf8.withContiguousStorageIfAvailable(isPublishedKind) ?? isPublishedKind(Array(path.utf8))
    }

    private static func isPublishedKind(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for length in 3...4 where bytes.count > length + 1 && bytes[bytes.count - length - 1] == UInt8(ascii: ".") {
            var lower = ""
            for byte in bytes[(bytes.count - length)...] {
                guard byte < 0x80, byte != UInt8(ascii: "/") else { return false }
                lower.unicodeScalars.append(Unicode.Scalar(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte))
            }
            return publishedExtensions.contains(lower)
        }
        return false
    }

    private static func isPublishedKind(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(isPublishedKind)
    }

    /// What becomes of a file named `name` (not a page file, not hidden) found in a language folder: published,
    /// or the reason it is not, with the severity of that.
    enum Verdict: Equatable {
        case published
        case rejected(message: String, isError: Bool)
    }

    static func verdict(forFileNamed name: String) -> Verdict {
        let fullName = Substring(name)
        guard let ending = extensionOf(fullName) else {
            return .rejected(message: notPublished, isError: false)
        }
        let stem = fullName[..<fullName.index(before: ending.startIndex)]
        let lower = ending.lowercased()
        if lower == "svg" {
            return .rejected(
                message:
                    "the file is not published: an SVG file can carry scripts that would run on the site; save it as PNG (or WebP) and link to that",
                isError: false)
        }
        guard publishedExtensions.contains(lower) else {
            return .rejected(message: notPublished, isError: false)
        }
        guard ending == lower, ContentName.isValid(stem) else {
            return .rejected(
                message:
                    "file names become URLs and may only hold lowercase letters a–z, digits, `-` and `_`; rename it to `\(ContentName.suggestion(for: stem)).\(lower)`",
                isError: true)
        }
        return .published
    }

    private static let notPublished =
        "the file is not published: beside pages, only images (PNG, JPEG, GIF, WebP, AVIF), documents (PDF, ODF, RTF, Word, Excel, PowerPoint) and recordings (MP3, M4A, Ogg, MP4, WebM) are; start its name with `_` to keep it here without this warning"
}

/// The attachments of a site, by their path inside the language folder and language.
struct Attachments: Sendable {
    private var byPath: [String: [String: Attachment]] = [:]
    /// All of them, in the order of their site paths.
    private(set) var all: [Attachment] = []

    init(_ attachments: [Attachment] = []) {
        all = attachments.sorted { $0.sitePath < $1.sitePath }
        for attachment in all { byPath[attachment.relativePath, default: [:]][attachment.language] = attachment }
    }

    /// The file at `relativePath` for a reader of `language`: in the reader's language folder, else along its
    /// fallbacks, else in `writtenIn`, the language of the page that links to it (a page shown as another
    /// language's fallback links to its own language's file).
    func find(_ relativePath: String, for language: Language, writtenIn: String) -> Attachment? {
        guard let versions = byPath[relativePath] else { return nil }
        for code in language.chain {
            if let found = versions[code] { return found }
        }
        return versions[writtenIn]
    }

    /// The codes of the language folders that have a file at `relativePath`, in the order of the codes.
    func languages(having relativePath: String) -> [String] {
        (byPath[relativePath]?.keys).map { $0.sorted() } ?? []
    }

    /// The attachment whose site path is `sitePath` (`/de/guides/plan.png`).
    func find(sitePath: String) -> Attachment? {
        let parts = sitePath.utf8.dropFirst().split(separator: UInt8(ascii: "/"), maxSplits: 1)
        guard sitePath.hasPrefix("/"), parts.count == 2, let language = String(parts[0]),
            let relativePath = String(parts[1])
        else { return nil }
        return byPath[relativePath]?[language]
    }
}
