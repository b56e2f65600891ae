/// How values are made safe for a content line (RFC 5545 3.1, 3.2, 3.3.11, 3.3.13).
///
/// Each function builds UTF-8 bytes rather than appending to a `String`, which keeps
/// megabyte-sized values linear and fast.
enum TextValue {
    /// A TEXT value: backslash, semicolon, comma and newline escaped, CR removed, every other
    /// control character but HTAB (which RFC 5545 allows in text) dropped.
    static func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", ";", ",":
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(scalar.value))
            case "\n":
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "n"))
            case "\t":
                bytes.append(UInt8(ascii: "\t"))
            default:
                if !isControl(scalar) { append(scalar, to: &bytes) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A URI value, which is not text-escaped: surrounding white space trimmed, control
    /// characters (line breaks included) dropped and inner spaces percent-encoded, since
    /// neither may appear in a URI.
    static func uri(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let isBlank = { (scalar: Unicode.Scalar) in scalar == " " || isControl(scalar) }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
            let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        var bytes: [UInt8] = []
        for scalar in scalars[first...last] {
            if scalar == " " {
                bytes.append(contentsOf: "%20".utf8)
            } else if !isControl(scalar) {
                append(scalar, to: &bytes)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A parameter value: quoted when it holds `;`, `:` or `,`; DQUOTE and control characters
    /// dropped, since a parameter value cannot hold them.
    static func parameter(_ text: String) -> String {
        var bytes: [UInt8] = []
        var needsQuotes = false
        for scalar in text.unicodeScalars where scalar != "\"" && !isControl(scalar) {
            if scalar == ";" || scalar == ":" || scalar == "," { needsQuotes = true }
            append(scalar, to: &bytes)
        }
        let value = String(decoding: bytes, as: UTF8.self)
        return needsQuotes ? "\"\(value)\"" : value
    }

    /// Unicode general category Cc: U+0000...U+001F (HTAB included) and U+007F...U+009F.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        UTF8.encode(scalar) { bytes.append($0) }
    }
}
