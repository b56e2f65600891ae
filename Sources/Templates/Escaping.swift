/// Appends `text` to `output` with `& < > " '` replaced by entities, so it is safe in
/// element content and in quoted attribute values.
public func appendEscapingHTML(_ text: String, to output: inout [UInt8]) {
    appendEscapingHTML(text, into: &output)
}

/// `appendEscapingHTML(_:to:)` into any byte sink.
func appendEscapingHTML<Sink: ByteSink>(_ text: String, into output: inout Sink) {
    if text.utf8.withContiguousStorageIfAvailable({ appendEscapingHTML($0, to: &output) }) == nil {
        var copy = text
        copy.withUTF8 { appendEscapingHTML($0, to: &output) }
    }
}

/// Bit `b` is set when byte `b` (below 64) is replaced by `appendEscapingHTML`: `& < > " '`, NUL to backspace,
/// vertical tab, and shift out to unit separator. Tab, line feed, form feed and carriage return stay.
/// (A literal, so reading it needs no lazy initialization.)
private let escapedBelow64: UInt64 = 0x5000_00C4_FFFF_C9FF

/// Appends UTF-8 bytes with `& < > " '` replaced by entities and control characters HTML forbids (NUL and the
/// like, which no editor means to write) by U+FFFD, copying unchanged runs whole.
func appendEscapingHTML<Sink: ByteSink>(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout Sink) {
    var runStart = 0
    for index in 0..<bytes.count {
        // Every byte that is replaced is below `@` (0x40) or DEL: letters and the bytes of non-ASCII
        // characters, most of any text, are passed over with one or two comparisons, and digits, spaces
        // and `./-:` (most of a path) with a bit test.
        let byte = bytes[index]
        if byte < 64 {
            // One bit per byte below `@`: set for `& < > " '` and the forbidden controls.
            if escapedBelow64 & (1 << UInt64(byte)) == 0 { continue }
        } else if byte != 0x7F {
            continue
        }
        let entity: StaticString
        switch byte {
        case UInt8(ascii: "&"): entity = "&amp;"
        case UInt8(ascii: "<"): entity = "&lt;"
        case UInt8(ascii: ">"): entity = "&gt;"
        case UInt8(ascii: "\""): entity = "&quot;"
        case UInt8(ascii: "'"): entity = "&#39;"
        case 0x00...0x08, 0x0B, 0x0E...0x1F, 0x7F: entity = "\u{FFFD}"
        default: continue
        }
        if runStart < index { output.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
        entity.withUTF8Buffer { output.appendBytes($0) }
        runStart = index + 1
    }
    if runStart < bytes.count { output.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
}

/// Appends `text` as UTF-8, unchanged.
func appendUTF8<Sink: ByteSink>(_ text: String, to output: inout Sink) {
    if text.utf8.withContiguousStorageIfAvailable({ output.appendBytes($0) }) == nil {
        var copy = text
        copy.withUTF8 { output.appendBytes($0) }
    }
}

/// Appends `number` in decimal.
public func appendDecimal(_ number: Int, to output: inout [UInt8]) {
    appendDecimal(number, into: &output)
}

/// `appendDecimal(_:to:)` into any byte sink.
func appendDecimal<Sink: ByteSink>(_ number: Int, into output: inout Sink) {
    if number < 0 { output.appendByte(UInt8(ascii: "-")) }
    var magnitude = number.magnitude
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
        var count = 0
        repeat {
            digits[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            count += 1
        } while magnitude > 0
        output.appendBytes(UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
    }
}

/// Appends `text` to a string with `& < > " '` replaced by entities (for filters that build HTML).
func appendEscapingHTML(_ text: String, to output: inout String) {
    var bytes: [UInt8] = []
    appendEscapingHTML(text, to: &bytes)
    output += String(decoding: bytes, as: UTF8.self)
}

/// `text` with every UTF-8 byte except the unreserved `A-Z a-z 0-9 - . _ ~` written as `%XX`.
func percentEncoded(_ text: String) -> String {
    let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            bytes.append(byte)
        default:
            bytes.append(UInt8(ascii: "%"))
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0F)])
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
