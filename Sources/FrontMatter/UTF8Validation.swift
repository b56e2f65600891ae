/// Checking that bytes are UTF-8 without making a string of them: a page's body is only hashed when it is loaded, and
/// this is several times faster than the standard library's check on text that is mostly ASCII.
public enum UTF8Validation {
    /// Whether `bytes` are well-formed UTF-8 (Unicode's table 3-7: no overlong forms, no surrogates, nothing
    /// above U+10FFFF), exactly as `String(validating:as:)` decides.
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstInvalidOffset(bytes) == nil
    }

    /// The text of `bytes` if they are well-formed UTF-8, else nil: `String(validating:as:)` without its generic
    /// code, whose type metadata is looked up at run time on every call.
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        isValid(bytes) ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// The offset of the first byte that does not start a well-formed sequence (for a broken sequence, its first
    /// byte); nil if all of `bytes` is UTF-8.
    public static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        firstProblem(bytes, controls: false)?.offset
    }

    /// What is wrong with text an editor wrote, at the offset `firstProblem` gives.
    public enum Problem: Equatable, Sendable {
        /// The byte does not start a well-formed UTF-8 sequence.
        case invalid
        /// A control character HTML does not allow in a page (the HTML standard's "control-character-in-input-stream"
        /// and NUL): U+0000...U+001F but tab, line feed, form feed and carriage return, and U+007F...U+009F.
        case control(Unicode.Scalar)
    }

    /// The first byte of `bytes` that is not well-formed UTF-8 or starts a control character HTML does not allow,
    /// and which of the two; nil if there is none. As fast as the UTF-8 check alone on text that has none.
    public static func firstProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, problem: Problem)? {
        firstProblem(bytes, controls: true)
    }

    @inline(__always)
    private static func firstProblem(
        _ bytes: UnsafeBufferPointer<UInt8>, controls: Bool
    ) -> (offset: Int, problem: Problem)? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        while index < count {
            // Eight bytes at a time while they are ASCII and whole two-byte letters (Latin with marks, Cyrillic,
            // Greek, Arabic, Hebrew: most of what editors write); anything else is checked one character at a time.
            while index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let advance = wholeASCIIOrTwoByte(word)
                if advance == 0 { break }
                if controls, let offset = forbiddenControl(in: word) {
                    return (index + offset, .control(controlScalar(base, at: index + offset)))
                }
                index += advance
            }
            guard index < count else { break }
            let lead = base[index]
            if lead < 0x80 {
                if controls, isForbiddenASCII(lead) { return (index, .control(Unicode.Scalar(lead))) }
                index += 1
                continue
            }
            // Two bytes (Latin letters with marks, Cyrillic, Greek, Arabic, Hebrew) are the common case.
            if lead >= 0xC2, lead <= 0xDF {
                guard index + 1 < count, base[index + 1] & 0xC0 == 0x80 else { return (index, .invalid) }
                if controls, lead == 0xC2, base[index + 1] < 0xA0 {
                    return (index, .control(Unicode.Scalar(base[index + 1])))
                }
                index += 2
                continue
            }
            // The allowed range of the second byte depends on the lead; later bytes are 80...BF.
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return (index, .invalid)
            }
            guard index + length <= count, base[index + 1] >= low, base[index + 1] <= high,
                base[index + 2] & 0xC0 == 0x80, length == 3 || base[index + 3] & 0xC0 == 0x80
            else { return (index, .invalid) }
            index += length
        }
        return nil
    }

    /// `U+000B`: a character as messages name it, at least four hexadecimal digits.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `U+00A0 (NO-BREAK SPACE)`: a character as messages name one that looks like another; `unnamed` stands in for
    /// the name of one Unicode gives none (private use, as Word's Symbol bullets).
    public static func namedCodePoint(_ scalar: Unicode.Scalar, unnamed: String) -> String {
        "\(codePoint(scalar)) (\(scalar.properties.name ?? unnamed))"
    }

    /// Whether an ASCII byte is a control character HTML does not allow (all below space but tab, line feed, form
    /// feed and carriage return; and DEL).
    @inline(__always)
    static func isForbiddenASCII(_ byte: UInt8) -> Bool {
        byte == 0x7F || (byte < 0x20 && (UInt32(1) << UInt32(byte)) & allowedBelowSpace == 0)
    }

    /// Tab, line feed, form feed and carriage return, one bit each.
    private static let allowedBelowSpace: UInt32 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D

    /// The character at `offset`, which `forbiddenControl` found: one byte, or C2 and the byte after it.
    private static func controlScalar(_ base: UnsafePointer<UInt8>, at offset: Int) -> Unicode.Scalar {
        Unicode.Scalar(base[offset] == 0xC2 ? base[offset + 1] : base[offset])
    }

    /// In eight bytes that `wholeASCIIOrTwoByte` accepted (the first in the lowest byte), the offset of the first
    /// forbidden control character: an ASCII one, or U+0080...U+009F (C2 and a byte 80...9F); nil if none.
    /// A C2 in the last byte is checked with the word that starts with it.
    @inline(__always)
    static func forbiddenControl(in word: UInt64) -> Int? {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
        let ascii = ~word & high
        // Per ASCII byte, in its bit 7: below 20 (adding 60 leaves bit 7 clear), and 7F (adding 01 sets it); no
        // carry crosses a byte, as the top bits were cleared first.
        let belowSpace = ~(low7 &+ 0x6060_6060_6060_6060) & ascii
        let delete = (low7 &+ 0x0101_0101_0101_0101) & ascii
        var candidates = belowSpace | delete
        let topBits = word & high
        if topBits != 0 {
            // C2 exactly (the XOR leaves a zero byte), followed by a byte whose bit 5 is clear (80...9F).
            let difference = word ^ 0xC2C2_C2C2_C2C2_C2C2
            let isC2 = ~(((difference & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | difference) & high
            let bit5 = (word << 2) & high
            candidates |= ((isC2 << 8) & ~bit5 & topBits) >> 8
        }
        while candidates != 0 {
            let offset = (candidates.trailingZeroBitCount - 7) / 8
            let byte = UInt8(truncatingIfNeeded: word >> UInt64(offset * 8))
            if byte >= 0x80 || isForbiddenASCII(byte) { return offset }
            candidates &= candidates - 1
        }
        return nil
    }

    /// How many of eight bytes (the first in the lowest byte, as loaded on a little-endian machine), starting at
    /// the start of a character, are ASCII and complete two-byte sequences: 8, or 7 when the last byte starts a
    /// two-byte sequence, or 0 when any byte is something else. A two-byte lead is C2...DF and is followed by a
    /// byte 10xxxxxx; every 10xxxxxx follows such a lead.
    @inline(__always)
    static func wholeASCIIOrTwoByte(_ word: UInt64) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        let topBits = word & high
        if topBits == 0 { return 8 }
        // Per byte, in its bit 7: bit 7, bit 6 and bit 5 of the byte.
        let bit6 = (word << 1) & high
        let bit5 = (word << 2) & high
        let leads = topBits & bit6
        let continuations = topBits & ~bit6
        // A lead of three or four bytes (or F8...FF) needs the slow path.
        if leads & bit5 != 0 { return 0 }
        // C0 and C1 (overlong): bits 4...1 all zero. Adding 7E to those four bits sets bit 7 unless they are zero.
        let nonzeroLow = ((word & 0x1E1E_1E1E_1E1E_1E1E) &+ 0x7E7E_7E7E_7E7E_7E7E) & high
        if leads & ~nonzeroLow != 0 { return 0 }
        // Each lead is followed by a continuation and each continuation follows a lead (a lead in the last byte
        // is shifted out: its continuation is in the next word).
        guard continuations == leads << 8 else { return 0 }
        return leads & 0x8000_0000_0000_0000 == 0 ? 8 : 7
    }

    /// Line and column (in characters) of the first byte that is not part of a well-formed sequence, or of the end.
    /// A byte order mark is not a column; `\n`, `\r\n` and a lone `\r` each end a line, as in the front-matter parser.
    public static func firstInvalidPosition(_ bytes: [UInt8]) -> TextPosition {
        position(ofOffset: bytes.withUnsafeBufferPointer(firstInvalidOffset) ?? bytes.count, in: bytes)
    }

    /// Line and column (in characters) of the character that starts at byte `end`, counted as `firstInvalidPosition`
    /// counts.
    public static func position(ofOffset end: Int, in bytes: [UInt8]) -> TextPosition {
        var line = 1
        var column = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte == 0x0D {
                // The CR of a CRLF: the LF that follows ends the line.
            } else if byte & 0xC0 != 0x80 {
                // The first byte of a character (the bytes after it are 10xxxxxx).
                column += 1
            }
            index += 1
        }
        return TextPosition(line: line, column: column)
    }
}
