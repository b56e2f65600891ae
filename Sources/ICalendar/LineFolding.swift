/// Folding of content lines at 75 octets (RFC 5545 3.1).
enum LineFolding {
    /// The longest a physical line may be, in octets, not counting its CRLF.
    static let octetLimit = 75

    /// Appends a line and its CRLF to `output`, folded with CRLF + one space wherever the next
    /// Unicode scalar would take the line past the limit, so no UTF-8 sequence is split.
    static func append(_ line: String, to output: inout [UInt8]) {
        var lineLength = 0
        for scalar in line.unicodeScalars {
            // Values are sanitized before they get here; a stray line break would end the line.
            if scalar == "\r" || scalar == "\n" { continue }
            let octets = UTF8.width(scalar)
            if lineLength + octets > octetLimit {
                output.append(contentsOf: [0x0D, 0x0A, 0x20])
                lineLength = 1
            }
            UTF8.encode(scalar) { output.append($0) }
            lineLength += octets
        }
        output.append(contentsOf: [0x0D, 0x0A])
    }

    /// A line folded and terminated with CRLF.
    static func fold(_ line: String) -> String {
        var output: [UInt8] = []
        append(line, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
