#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A web address written as plain text (`https://…`, `www.…`) outside a link: CommonMark makes no link of it, so
/// readers cannot tap it.
public struct BareAddress: Sendable, Equatable {
    /// The address as written, without punctuation that ends the sentence after it.
    public var address: String
    /// The 1-based line in the file.
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int

    public init(address: String, line: Int, column: Int) {
        self.address = address
        self.line = line
        self.column = column
    }
}

/// Where a table in GitHub's notation starts: its first row's first character.
public struct TableStart: Sendable, Equatable {
    /// The 1-based line in the file.
    public var line: Int
    /// The 1-based column, in Unicode scalars, after block-quote markers and indentation.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// What editors write that CommonMark shows other than they meant, found in plain text: addresses that do not
/// become links, and tables (a GitHub extension) that become one line of text with `|` signs.
///
/// The body is searched once with `memchr`/`memmem` first; only a body that holds `://`, `www.` or `|` pays for
/// looking at its text nodes and paragraphs.
struct PlainTextPitfalls {
    let mayHaveAddresses: Bool
    let mayHaveTables: Bool

    init(source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress, !source.isEmpty else {
            (mayHaveAddresses, mayHaveTables) = (false, false)
            return
        }
        mayHaveAddresses =
            Self.find("://", in: UnsafeRawPointer(base), count: source.count) != nil
            || Self.find("www.", in: UnsafeRawPointer(base), count: source.count) != nil
            || Self.find("WWW.", in: UnsafeRawPointer(base), count: source.count) != nil
        mayHaveTables = memchr(base, Int32(UInt8(ascii: "|")), source.count) != nil
    }

    private static func find(_ needle: StaticString, in base: UnsafeRawPointer, count: Int) -> Int? {
        find(
            UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount),
            in: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// The offset of the first occurrence of `needle` in `haystack` (its first byte found with `memchr`, the rest
    /// compared here; glibc's `memmem` is not visible to Swift).
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first, let base = haystack.baseAddress, let needleBase = needle.baseAddress else {
            return nil
        }
        var index = 0
        while index + needle.count <= haystack.count,
            let found = memchr(base + index, Int32(first), haystack.count - index - needle.count + 1)
        {
            let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var matched = 1
            while matched < needle.count, base[offset + matched] == needleBase[matched] { matched += 1 }
            if matched == needle.count { return offset }
            index = offset + 1
        }
        return nil
    }

    /// The byte ranges of the addresses in a text node's `text`: `http://` or `https://` (any case) or `www.`,
    /// at the start of a word, up to white space; sentence punctuation after it is not part of it.
    static func addresses(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < text.count {
            let byte = text[index]
            let startsWord = index == 0 || !isPartOfWord(text, before: index)
            guard startsWord,
                byte == UInt8(ascii: "h") || byte == UInt8(ascii: "H") || byte == UInt8(ascii: "w")
                    || byte == UInt8(ascii: "W"),
                let prefixLength = addressPrefixLength(text, at: index)
            else {
                index += 1
                continue
            }
            var end = index + prefixLength
            while end < text.count, !isSpaceOrQuote(text[end]) { end += 1 }
            var trimmed = end
            while trimmed > index + prefixLength, let last = trailingPunctuationStart(text, before: trimmed) {
                trimmed = last
            }
            // Something must follow the prefix: `https://` alone or `www.` alone is no address.
            if trimmed > index + prefixLength { found.append(index..<trimmed) }
            index = end
        }
        return found
    }

    /// The length of `https://`, `http://` or `www.` (any case) at `index`, if one is there.
    private static func addressPrefixLength(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        func matches(_ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard index + count <= text.count else { return false }
            for offset in 0..<count where text[index + offset] | 0x20 != prefix.utf8Start[offset] | 0x20 {
                // `| 0x20` lowers ASCII letters; `:`, `/` and `.` have that bit set already.
                return false
            }
            return true
        }
        if matches("https://") { return 8 }
        if matches("http://") { return 7 }
        if matches("www.") { return 4 }
        return nil
    }

    /// Whether the character before `index` shows that `http` or `www` there is inside a longer word or address
    /// (`xhttp://`, `a.www.b`, `Übersichthttps://`): a letter, a digit, or one of `. / @ - _`.
    private static func isPartOfWord(_ text: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        let (scalar, _) = scalar(in: text, before: index)
        switch scalar {
        case ".", "/", "@", "-", "_": return true
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// Where the punctuation that ends `text[..<end]` starts, if it ends in punctuation that closes a sentence or a
    /// quotation rather than an address (`.`, `,`, `)`, `“`, `»`, `。`); `/` and the rest stay.
    private static func trailingPunctuationStart(_ text: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        let (scalar, start) = scalar(in: text, before: end)
        switch scalar {
        case ".", ",", ";", ":", "!", "?", ")", "'": return start
        case _ where !scalar.isASCII:
            switch scalar.properties.generalCategory {
            case .closePunctuation, .finalPunctuation, .initialPunctuation, .otherPunctuation: return start
            default: return nil
            }
        default: return nil
        }
    }

    /// The character that ends at `end` (text is UTF-8) and where it starts.
    private static func scalar(in text: UnsafeBufferPointer<UInt8>, before end: Int) -> (Unicode.Scalar, Int) {
        var start = end - 1
        while start > 0, text[start] & 0xC0 == 0x80, end - start < 4 { start -= 1 }
        var decoder = UTF8()
        var bytes = UnsafeBufferPointer(rebasing: text[start..<end]).makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&bytes) { return (scalar, start) }
        return ("\u{FFFD}", start)
    }

    private static func isSpaceOrQuote(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// The 1-based column of the first character of the body line at byte `range` that is not indentation or a
    /// block-quote marker.
    static func contentColumn(of range: Range<Int>, in lines: SourceLines) -> Int {
        var index = range.lowerBound
        while index < range.upperBound,
            lines.bytes[index] == UInt8(ascii: " ") || lines.bytes[index] == UInt8(ascii: "\t")
                || lines.bytes[index] == UInt8(ascii: ">")
        {
            index += 1
        }
        return index - range.lowerBound + 1
    }

    /// Whether `line` is a table's delimiter row (`|---|:--:|`, `--- | ---`): after block-quote markers and
    /// indentation, only `|`, `-`, `:`, spaces and tabs, with at least one `|` and one `-`.
    static func isDelimiterRow(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < line.count,
            line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t")
                || line[index] == UInt8(ascii: ">")
        {
            index += 1
        }
        var pipes = 0
        var dashes = 0
        while index < line.count {
            switch line[index] {
            case UInt8(ascii: "|"): pipes += 1
            case UInt8(ascii: "-"): dashes += 1
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): break
            default: return false
            }
            index += 1
        }
        return pipes > 0 && dashes > 0
    }
}
