#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The UTF-8 bytes of a Markdown body and where each of its lines starts.
///
/// Line starts are found once by scanning the bytes. Lines end at `\n`,
/// `\r\n` or a lone `\r`, as in cmark, so line numbers agree with cmark's.
/// Only valid while the bytes it points into are alive.
struct SourceLines {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The byte offset of the first byte of each line; index 0 is line 1.
    private let starts: [Int]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var starts = [0]
        guard let base = bytes.baseAddress else {
            self.starts = starts
            return
        }
        if memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) == nil {
            // The usual case: only `\n`, which memchr finds fast.
            var index = 0
            while index < bytes.count, let found = memchr(base + index, Int32(UInt8(ascii: "\n")), bytes.count - index)
            {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(index)
            }
        } else {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\n") {
                    starts.append(index)
                } else if byte == UInt8(ascii: "\r") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\n") {
                        index += 1
                    }
                    starts.append(index)
                }
            }
        }
        self.starts = starts
    }

    /// The number of lines; a final line ending starts one more, empty line.
    var count: Int { starts.count }

    /// The byte range of `line` (1-based) without its line ending.
    func range(ofLine line: Int) -> Range<Int> {
        let line = min(max(line, 1), starts.count)  // cmark's lines and ours agree; be safe anyway
        let start = starts[line - 1]
        let next = line < starts.count ? starts[line] : bytes.count
        var end = next
        if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// The bytes of `line` without its line ending.
    func bytes(ofLine line: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range(ofLine: line)])
    }

    /// The number of bytes of `line`'s line ending (0, 1 or 2).
    func lineEndingLength(ofLine line: Int) -> Int {
        let line = min(max(line, 1), starts.count)
        let next = line < starts.count ? starts[line] : bytes.count
        return next - range(ofLine: line).upperBound
    }

    /// The byte at `offset` in `line`, or nil past its end.
    func byte(line: Int, offset: Int) -> UInt8? {
        let range = range(ofLine: line)
        guard offset >= 0, offset < range.count else { return nil }
        return bytes[range.lowerBound + offset]
    }

    /// How many bytes at the start of `line` are block-quote markers or
    /// whitespace (`>`, space, tab): the longest prefix cmark can have
    /// stripped from a continuation line of a paragraph.
    func containerPrefixLength(ofLine line: Int) -> Int {
        let range = range(ofLine: line)
        var index = range.lowerBound
        while index < range.upperBound {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"):
                index += 1
            default:
                return index - range.lowerBound
            }
        }
        return index - range.lowerBound
    }

    /// The 1-based column in Unicode scalars of the byte at `offset` in `line`.
    func scalarColumn(line: Int, byteOffset offset: Int) -> Int {
        let range = range(ofLine: line)
        return scalarCount(in: range.lowerBound..<(range.lowerBound + min(max(offset, 0), range.count))) + 1
    }

    /// The number of Unicode scalars that start in the body's bytes `range`.
    func scalarCount(in range: Range<Int>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let start = UnsafeRawPointer(base + range.lowerBound)
        let count = range.count
        // Every byte starts a scalar except continuation bytes (0b10xxxxxx);
        // count those eight at a time.
        var continuations = 0
        var index = 0
        while index + 8 <= count {
            let word = start.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index += 8
        }
        while index < count {
            if start.load(fromByteOffset: index, as: UInt8.self) & 0xC0 == 0x80 { continuations += 1 }
            index += 1
        }
        return count - continuations
    }
}
