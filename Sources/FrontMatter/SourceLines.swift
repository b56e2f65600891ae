/// A source text as UTF-8 bytes, cut into lines once, so that no line is ever
/// found by searching its text.
///
/// Every character with a meaning in the syntax is ASCII, so the parser scans
/// bytes; a byte of a multi-byte character never equals an ASCII one. Columns
/// count Unicode scalars: on a line of ASCII only, a column is the byte offset
/// plus one, elsewhere the scalars before the offset are counted.
///
/// A leading byte order mark is dropped; `\n`, `\r\n` and a lone `\r` each end
/// a line and are not part of it.
struct SourceLines: Sendable {
    /// One line: a range of `bytes` without its line break.
    struct Line: Sendable {
        /// Index of the line's first byte.
        var start: Int
        /// Index just past the line's last byte (before the line break).
        var end: Int
        /// The number of leading spaces.
        var indent: Int
        /// Index of the first byte that is neither a space nor a tab (`end` for a blank line).
        var contentStart: Int
        /// Index of the first tab before `contentStart`, if any.
        var firstIndentTab: Int?
        /// Whether every byte of the line is ASCII.
        var isASCII: Bool

        /// Whether the line holds nothing but spaces and tabs.
        var isBlank: Bool { contentStart == end }
    }

    let bytes: [UInt8]
    let lines: [Line]

    init(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lines: [Line] = []
        var start = 0
        var index = 0
        var isASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(SourceLines.line(bytes, start, index, isASCII))
                let isCRLF =
                    byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")
                index += isCRLF ? 2 : 1
                start = index
                isASCII = true
            } else {
                isASCII = isASCII && byte < 0x80
                index += 1
            }
        }
        if start < bytes.count { lines.append(SourceLines.line(bytes, start, bytes.count, isASCII)) }
        self.bytes = bytes
        self.lines = lines
    }

    private static func line(_ bytes: [UInt8], _ start: Int, _ end: Int, _ isASCII: Bool) -> Line {
        var index = start
        while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
        let indent = index - start
        var firstTab: Int?
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            if firstTab == nil, bytes[index] == UInt8(ascii: "\t") { firstTab = index }
            index += 1
        }
        return Line(
            start: start, end: end, indent: indent, contentStart: index, firstIndentTab: firstTab, isASCII: isASCII)
    }

    /// The byte at `index` as a scalar, for comparing with ASCII literals (a byte
    /// of a multi-byte character becomes some scalar above U+007F).
    subscript(_ index: Int) -> Unicode.Scalar {
        Unicode.Scalar(bytes[index])
    }

    /// The whole character that starts at `index`.
    func character(at index: Int) -> Character {
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self).first ?? "\u{FFFD}"
    }

    /// The 1-based column of byte `index` in `line`, counting from a known
    /// (index, column) on the same line at or before it, so that callers walking
    /// along a long line do not count from its start again and again.
    func column(_ index: Int, in line: Line, after known: (index: Int, column: Int)? = nil) -> Int {
        if line.isASCII { return index - line.start + 1 }
        var (position, column) = known ?? (line.start, 1)
        while position < index {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return column
    }

    /// The text of a range of bytes (always whole characters).
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Whether the byte at `index` is a space or a tab; false outside the text.
    func isBlank(at index: Int) -> Bool {
        guard index >= 0, index < bytes.count else { return false }
        return bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
    }

    /// The first index at or after `index` in `line` that is not a space or tab.
    func skipBlanks(from index: Int, in line: Line) -> Int {
        var index = index
        while index < line.end, isBlank(at: index) { index += 1 }
        return index
    }

    /// The index just past the last non-blank byte in `start..<end` (`start` if all blank).
    func trimmedEnd(_ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start, isBlank(at: end - 1) { end -= 1 }
        return end
    }

    /// Whether a `#` at `index` starts a comment: it must follow a space or tab
    /// (or start the line's content), as `C#` and `url#anchor` are text.
    func isComment(at index: Int, in line: Line) -> Bool {
        bytes[index] == UInt8(ascii: "#") && (index == line.contentStart || isBlank(at: index - 1))
    }

    /// Where a comment starts in `line` at or after `index`, or the line's end.
    func commentStart(from index: Int, in line: Line) -> Int {
        var index = index
        while index < line.end, !isComment(at: index, in: line) { index += 1 }
        return index
    }
}

/// Building strings from bytes and scalars.
extension [UInt8] {
    /// Appends the UTF-8 encoding of a scalar.
    mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case ..<0x80:
            append(UInt8(value))
        case ..<0x800:
            append(UInt8(0xC0 | value >> 6))
            append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            append(UInt8(0xE0 | value >> 12))
            append(UInt8(0x80 | value >> 6 & 0x3F))
            append(UInt8(0x80 | value & 0x3F))
        default:
            append(UInt8(0xF0 | value >> 18))
            append(UInt8(0x80 | value >> 12 & 0x3F))
            append(UInt8(0x80 | value >> 6 & 0x3F))
            append(UInt8(0x80 | value & 0x3F))
        }
    }
}
