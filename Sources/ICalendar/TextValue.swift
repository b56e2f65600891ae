/// How values are made safe for a content line (RFC 5545 3.1, 3.2, 3.3.11, 3.3.13).
enum TextValue {
    /// A TEXT value: backslash, semicolon, comma and newline escaped, CR removed, every other
    /// control character but HTAB (which RFC 5545 allows in text) dropped.
    static func escaped(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result.append(contentsOf: #"\\"#.unicodeScalars)
            case ";": result.append(contentsOf: #"\;"#.unicodeScalars)
            case ",": result.append(contentsOf: #"\,"#.unicodeScalars)
            case "\n": result.append(contentsOf: #"\n"#.unicodeScalars)
            case "\t": result.append(scalar)
            default:
                if !isControl(scalar) { result.append(scalar) }
            }
        }
        return String(result)
    }

    /// A URI value, which is not text-escaped: surrounding white space trimmed, control
    /// characters (line breaks included) dropped and inner spaces percent-encoded, since
    /// neither may appear in a URI.
    static func uri(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        let scalars = text.unicodeScalars
        let isBlank = { (scalar: Unicode.Scalar) in scalar == " " || isControl(scalar) }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
            let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        for scalar in scalars[first...last] {
            if scalar == " " {
                result.append(contentsOf: "%20".unicodeScalars)
            } else if scalar != "\t" && !isControl(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// A parameter value: quoted when it holds `;`, `:` or `,`; DQUOTE and control characters
    /// dropped, since a parameter value cannot hold them.
    static func parameter(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var needsQuotes = false
        for scalar in text.unicodeScalars where scalar != "\"" && scalar != "\t" && !isControl(scalar) {
            if scalar == ";" || scalar == ":" || scalar == "," { needsQuotes = true }
            result.append(scalar)
        }
        return needsQuotes ? "\"\(String(result))\"" : String(result)
    }

    /// Unicode general category Cc: U+0000...U+001F and U+007F...U+009F.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
