/// A Markdown file cut into its front matter and its body.
public struct SplitDocument: Sendable, Equatable {
    /// The text between a first line `---` and the next line `---` (with its line
    /// breaks), or nil if the file does not start with a `---` line.
    public var frontMatter: String?
    /// The file line number of the first front-matter line: 2 when there is front
    /// matter, 1 when there is none. Pass `frontMatterLine - 1` as the parser's
    /// `lineOffset`.
    public var frontMatterLine: Int
    /// Everything after the closing `---` line (the whole file, without a byte
    /// order mark, when there is no front matter).
    public var body: Substring
    /// The file line number where the body starts.
    public var bodyLine: Int

    /// Creates a split document.
    public init(frontMatter: String?, frontMatterLine: Int, body: Substring, bodyLine: Int) {
        self.frontMatter = frontMatter
        self.frontMatterLine = frontMatterLine
        self.body = body
        self.bodyLine = bodyLine
    }
}

/// Whole Markdown files with front matter.
public enum Document {
    /// Splits a file into front matter and body.
    ///
    /// Front matter is present when the first line is `---` (trailing spaces and
    /// tabs allowed, after an optional byte order mark); it ends at the next line
    /// that is `---`. Line breaks may be `\n`, `\r\n` or `\r`. Only the front
    /// matter is scanned, so splitting costs nothing per byte of body.
    ///
    /// - Throws: `.unclosedFrontMatter` at 1:1 if the opening `---` has no closing line.
    public static func split(_ text: String) throws(FrontMatterError) -> SplitDocument {
        // Every delimiter is ASCII, so scanning UTF-8 bytes is exact, and the
        // offset after a line break is always a character boundary.
        var text = text
        let found = try text.withUTF8 { bytes in
            Result { () throws(FrontMatterError) in try split(bytes: bytes) }
        }.get()
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return SplitDocument(
            frontMatter: found.frontMatter.map { String(text[index($0.lowerBound)..<index($0.upperBound)]) },
            frontMatterLine: found.frontMatterLine, body: text[index(found.bodyStart)...], bodyLine: found.bodyLine)
    }

    /// Where a file's front matter and body are, as byte offsets.
    public struct Parts: Sendable, Equatable {
        /// The bytes between a first line `---` and the next line `---` (with their line breaks), or nil if the
        /// file does not start with a `---` line.
        public var frontMatter: Range<Int>?
        /// As in `SplitDocument`.
        public var frontMatterLine: Int
        /// The offset of the body's first byte (after a byte order mark when there is no front matter).
        public var bodyStart: Int
        /// As in `SplitDocument`.
        public var bodyLine: Int
    }

    /// `split` on the UTF-8 bytes of a file, without making strings.
    ///
    /// - Throws: `.unclosedFrontMatter` at 1:1 if the opening `---` has no closing line.
    public static func split(bytes: UnsafeBufferPointer<UInt8>) throws(FrontMatterError) -> Parts {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lines = LineCursor(bytes: bytes, position: start)
        guard let opening = lines.nextLine(), isDelimiter(bytes[opening.content]) else {
            return Parts(frontMatter: nil, frontMatterLine: 1, bodyStart: start, bodyLine: 1)
        }
        var lineNumber = 1
        while let line = lines.nextLine() {
            lineNumber += 1
            if isDelimiter(bytes[line.content]) {
                return Parts(
                    frontMatter: opening.next..<line.content.lowerBound, frontMatterLine: 2, bodyStart: line.next,
                    bodyLine: lineNumber + 1)
            }
        }
        throw FrontMatterError(position: TextPosition(line: 1, column: 1), reason: .unclosedFrontMatter)
    }

    /// The byte offset where the body of the file `bytes` starts (as `split` finds it), or nil if its front
    /// matter is not closed.
    public static func bodyOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        try? split(bytes: bytes).bodyStart
    }

    /// `---` followed by nothing but spaces and tabs.
    private static func isDelimiter(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var rest = line
        while let last = rest.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { rest.removeLast() }
        return rest.elementsEqual("---".utf8)
    }

    /// Walks the lines of a text one at a time.
    private struct LineCursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int

        /// The next line's content (without its line break) and where the line after it starts.
        mutating func nextLine() -> (content: Range<Int>, next: Int)? {
            guard position < bytes.count else { return nil }
            let start = position
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
            var next = end
            if next < bytes.count {
                let isCRLF =
                    bytes[next] == UInt8(ascii: "\r") && next + 1 < bytes.count && bytes[next + 1] == UInt8(ascii: "\n")
                next += isCRLF ? 2 : 1
            }
            position = next
            return (start..<end, next)
        }
    }
}
