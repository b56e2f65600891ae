#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A web or e-mail address written as plain text (`https://…`, `www.…`, `info@stadt.de`) outside a link:
/// CommonMark makes no link of it, so readers cannot tap it.
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

    /// Whether it is an e-mail address (`name@domain`); else it starts with `http` or `www.`.
    public var isEmail: Bool {
        let start = address.prefix(4).lowercased()
        return start != "http" && start != "www." && address.contains("@")
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

/// A paragraph written as in a word processor that the page shows other than meant, at its place in the file.
public struct WordProcessorHabit: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Lines that start with a bullet or dash as word processors write list items (`• Beratung`,
        /// `– Beratung`): CommonMark shows them as text, not as a list. The place is the first bullet's.
        case pastedList(marker: Unicode.Scalar)
        /// Only a short bold text (`**Öffnungszeiten**`): it looks like a heading, but screen readers and the page's
        /// outline do not know it as one. The place is the paragraph's start.
        case boldHeading(text: String)
    }

    public var kind: Kind
    /// The 1-based line in the file.
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int

    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}

/// What editors write that CommonMark shows other than they meant, found in plain text: addresses that do not
/// become links, tables (a GitHub extension) that become one line of text with `|` signs, and lists pasted from
/// word processors, whose bullets become text.
///
/// The body is searched once with `memchr`/`memmem` first; only a body that holds `://`, `www.` or `|` pays for
/// looking at its text nodes and paragraphs.
struct PlainTextPitfalls {
    let mayHaveAddresses: Bool
    let mayHaveTables: Bool
    /// Whether the body has a byte that starts one of `listMarkers`.
    let mayHaveListMarkers: Bool

    init(source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress, !source.isEmpty else {
            (mayHaveAddresses, mayHaveTables, mayHaveListMarkers) = (false, false, false)
            return
        }
        mayHaveListMarkers =
            memchr(base, 0xE2, source.count) != nil || memchr(base, 0xC2, source.count) != nil
            || memchr(base, 0xEF, source.count) != nil
        mayHaveAddresses =
            Self.find("://", in: UnsafeRawPointer(base), count: source.count) != nil
            || Self.find("www.", in: UnsafeRawPointer(base), count: source.count) != nil
            || Self.find("WWW.", in: UnsafeRawPointer(base), count: source.count) != nil
            || memchr(base, Int32(UInt8(ascii: "@")), source.count) != nil
        mayHaveTables = memchr(base, Int32(UInt8(ascii: "|")), source.count) != nil
    }

    /// The bullets and dashes word processors start list items with: bullet, en and em dash, small squares and
    /// circles, middle dot, and the bullets of the Symbol and Wingdings fonts (private use, as Word pastes them).
    /// Dashes are also punctuation; they count only at a paragraph's start or on two of its lines.
    static let listMarkers: [(bytes: [UInt8], scalar: Unicode.Scalar, isDash: Bool)] = [
        ([0xE2, 0x80, 0xA2], "\u{2022}", false), ([0xE2, 0x80, 0x93], "\u{2013}", true),
        ([0xE2, 0x80, 0x94], "\u{2014}", true), ([0xE2, 0x96, 0xAA], "\u{25AA}", false),
        ([0xE2, 0x97, 0xA6], "\u{25E6}", false), ([0xC2, 0xB7], "\u{00B7}", false),
        ([0xEF, 0x82, 0xB7], "\u{F0B7}", false), ([0xEF, 0x82, 0xA7], "\u{F0A7}", false),
    ]

    /// The list marker that `line` starts with after block-quote markers and indentation, followed by a space,
    /// tab or no-break space, and its byte offset in the line.
    static func listMarker(startingLine line: UnsafeBufferPointer<UInt8>) -> (
        offset: Int, scalar: Unicode.Scalar, isDash: Bool
    )? {
        var index = 0
        while index < line.count,
            line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t") || line[index] == UInt8(ascii: ">")
        {
            index += 1
        }
        guard index < line.count, line[index] >= 0xC2 else { return nil }
        for marker in listMarkers {
            let end = index + marker.bytes.count
            guard end < line.count, line[index..<end].elementsEqual(marker.bytes) else { continue }
            let next = line[end]
            let spaced =
                next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
                || (next == 0xC2 && end + 1 < line.count && line[end + 1] == 0xA0)
            return spaced ? (index, marker.scalar, marker.isDash) : nil
        }
        return nil
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
    ///
    /// Found from their `:` and `.`, which `memchr` finds fast: looking at every byte for an `h` or a `w` cost as
    /// much as parsing the Markdown.
    static func addresses(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var candidates: [(start: Int, prefixLength: Int)] = []
        forEach(UInt8(ascii: ":"), in: text) { colon in
            guard colon + 2 < text.count, text[colon + 1] == UInt8(ascii: "/"), text[colon + 2] == UInt8(ascii: "/")
            else { return }
            if matches("https", in: text, at: colon - 5) {
                candidates.append((colon - 5, 8))
            } else if matches("http", in: text, at: colon - 4) {
                candidates.append((colon - 4, 7))
            }
        }
        forEach(UInt8(ascii: "."), in: text) { dot in
            if matches("www", in: text, at: dot - 3) { candidates.append((dot - 3, 4)) }
        }
        // An e-mail address: its `@` with a name before it and a domain with a dot after it. Its whole length is
        // known at once; a prefix length of -1 marks it.
        var mail: [Int: Int] = [:]
        forEach(UInt8(ascii: "@"), in: text) { at in
            guard let range = mailAddress(in: text, around: at) else { return }
            candidates.append((range.lowerBound, -1))
            mail[range.lowerBound] = range.upperBound
        }
        guard !candidates.isEmpty else { return [] }
        candidates.sort { $0.start < $1.start }
        var found: [Range<Int>] = []
        var covered = 0
        for (start, prefixLength) in candidates where start >= covered {
            if prefixLength < 0 {
                let end = mail[start]!
                if start == 0 || !isPartOfWord(text, before: start) { found.append(start..<end) }
                covered = end
                continue
            }
            guard start == 0 || !isPartOfWord(text, before: start) else { continue }
            var end = start + prefixLength
            while end < text.count, !endsAddress(text, at: end) { end += 1 }
            covered = end
            var trimmed = end
            while trimmed > start + prefixLength,
                let last = trailingPunctuationStart(text, before: trimmed, addressStart: start)
            {
                trimmed = last
            }
            // Something must follow the prefix: `https://` alone or `www.` alone is no address.
            if trimmed > start + prefixLength { found.append(start..<trimmed) }
        }
        return found
    }

    /// The e-mail address around the `@` at `at`: ASCII letters, digits and `. _ % + -` before it, a domain of
    /// letters, digits, `-` and dots after it with a dot inside and at least two letters after the last one; a dot
    /// that ends the sentence is not part of it.
    private static func mailAddress(in text: UnsafeBufferPointer<UInt8>, around at: Int) -> Range<Int>? {
        func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
            (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        var start = at
        while start > 0, isASCIILetterOrDigit(text[start - 1]) || "._%+-".utf8.contains(text[start - 1]) {
            start -= 1
        }
        var end = at + 1
        while end < text.count,
            isASCIILetterOrDigit(text[end]) || text[end] == UInt8(ascii: "-")
                || text[end] == UInt8(ascii: ".")
        {
            end += 1
        }
        while end > at + 1, text[end - 1] == UInt8(ascii: ".") { end -= 1 }
        let domain = UnsafeBufferPointer(rebasing: text[(at + 1)..<end])
        guard start < at, let lastDot = domain.lastIndex(of: UInt8(ascii: ".")), lastDot > domain.startIndex,
            domain.endIndex - lastDot > 2,
            domain[(lastDot + 1)...].allSatisfy({ $0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z") })
        else { return nil }
        return start..<end
    }

    /// Calls `body` with the offset of each `byte` in `text`.
    private static func forEach(_ byte: UInt8, in text: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard let base = text.baseAddress else { return }
        var index = 0
        while index < text.count, let found = memchr(base + index, Int32(byte), text.count - index) {
            let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            body(offset)
            index = offset + 1
        }
    }

    /// Whether `text` holds `word` (ASCII letters, in any case) at `index`.
    private static func matches(_ word: StaticString, in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index >= 0, index + count <= text.count else { return false }
        for offset in 0..<count where text[index + offset] | 0x20 != word.utf8Start[offset] {
            // `| 0x20` lowers ASCII letters (the words are lowercase).
            return false
        }
        return true
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
    /// quotation rather than an address (`.`, `,`, `“`, `»`, `。`, and `)` without its `(` in the address, which
    /// stays in `…/wiki/Foo_(Bar)`); `/` and the rest stay.
    private static func trailingPunctuationStart(
        _ text: UnsafeBufferPointer<UInt8>, before end: Int, addressStart: Int
    ) -> Int? {
        let (scalar, start) = scalar(in: text, before: end)
        switch scalar {
        case ")":
            let address = UnsafeBufferPointer(rebasing: text[addressStart..<end])
            let opened = address.count { $0 == UInt8(ascii: "(") }
            let closed = address.count { $0 == UInt8(ascii: ")") }
            return closed > opened ? start : nil
        case ".", ",", ";", ":", "!", "?": return start
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

    /// Whether the address that runs up to `index` ends there: at white space, a quotation mark, or an apostrophe,
    /// which in Turkish joins a suffix to a name (`www.gib.gov.tr'de`, `’de`).
    private static func endsAddress(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch text[index] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\n"),
            UInt8(ascii: "\r"):
            return true
        case 0xE2:
            // U+2019 (’), E2 80 99.
            return index + 2 < text.count && text[index + 1] == 0x80 && text[index + 2] == 0x99
        default:
            return false
        }
    }

    /// The 1-based column of the first character of the body line at byte `range` that is not indentation or a
    /// block-quote marker.
    static func contentColumn(of range: Range<Int>, in lines: SourceLines) -> Int {
        let bytes = lines.bytes
        var index = range.lowerBound
        func skipIndentation() {
            while index < range.upperBound,
                bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
                    || bytes[index] == UInt8(ascii: ">")
            {
                index += 1
            }
        }
        skipIndentation()
        // A list item's marker (`-`, `*`, `+`, `1.`, `1)`) and the space after it.
        var marker = index
        while marker < range.upperBound, bytes[marker] >= UInt8(ascii: "0"), bytes[marker] <= UInt8(ascii: "9") {
            marker += 1
        }
        let isBullet =
            marker == index && index < range.upperBound
            && [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(bytes[index])
        let isNumber =
            marker > index && marker < range.upperBound
            && (bytes[marker] == UInt8(ascii: ".") || bytes[marker] == UInt8(ascii: ")"))
        let afterMarker = isBullet ? index + 1 : marker + 1
        if isBullet || isNumber, afterMarker < range.upperBound, bytes[afterMarker] == UInt8(ascii: " ") {
            index = afterMarker
            skipIndentation()
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
