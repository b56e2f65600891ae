/// Folding of content lines at 75 octets (RFC 5545 3.1).
enum LineFolding {
    /// The longest a physical line may be, in octets, not counting its CRLF.
    static let octetLimit = 75

    /// Appends a line and its CRLF to `output`, folded with CRLF + one space wherever the next
    /// Unicode scalar would take the line past the limit, so no UTF-8 sequence is split.
    static func append(_ line: String, to output: inout [UInt8]) {
        var line = line
        line.withUTF8 { append(utf8: $0, to: &output) }
    }

    /// `append(_:to:)` on the line's UTF-8 bytes, which are valid UTF-8 (a String's).
    static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        // Most lines fit and hold no line break: copied whole.
        if bytes.count <= octetLimit, !bytes.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
            output.append(contentsOf: bytes)
            output.append(0x0D)
            output.append(0x0A)
            return
        }
        output.reserveCapacity(output.count + bytes.count + bytes.count / octetLimit * 3 + 2)
        var lineLength = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            // Values are sanitized before they get here; a stray line break would end the line.
            if lead == 0x0D || lead == 0x0A {
                index += 1
                continue
            }
            // The length of the scalar from its lead byte (a String's bytes are valid UTF-8).
            let octets = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            if lineLength + octets > octetLimit {
                output.append(0x0D)
                output.append(0x0A)
                output.append(0x20)
                lineLength = 1
            }
            if octets == 1 {
                output.append(lead)
            } else {
                output.append(
                    contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<min(index + octets, bytes.count)]))
            }
            lineLength += octets
            index += octets
        }
        output.append(0x0D)
        output.append(0x0A)
    }

    /// A line folded and terminated with CRLF.
    static func fold(_ line: String) -> String {
        var output: [UInt8] = []
        append(line, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
