import Templates

/// A JSON value written by hand, so that the output is stable (objects keep their key order) and safe inside
/// an HTML `<script>` element: `<`, `>` and `&` are escaped, as are the line separators JavaScript dislikes.
enum JSONValue: Sendable {
    case string(String)
    case number(Int)
    case object([(String, JSONValue)])
    case array([JSONValue])

    var text: String {
        var out: [UInt8] = []
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func write(into out: inout [UInt8]) {
        switch self {
        case .string(let text):
            out.append(UInt8(ascii: "\""))
            Self.appendEscaped(text, to: &out)
            out.append(UInt8(ascii: "\""))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, (key, member)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.string(key).write(into: &out)
                out.append(UInt8(ascii: ":"))
                member.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .number(let number):
            appendDecimal(number, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The UTF-8 of `text` with what JSON requires and `<script>` content needs escaped; other bytes are copied in
    /// runs. U+2028 and U+2029 are the bytes E2 80 A8 and E2 80 A9.
    private static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            func escape(_ replacement: StaticString, skipping count: Int) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                index += count
                runStart = index
            }
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""): escape(#"\""#, skipping: 1)
                case UInt8(ascii: "\\"): escape(#"\\"#, skipping: 1)
                case UInt8(ascii: "\n"): escape(#"\n"#, skipping: 1)
                case UInt8(ascii: "\r"): escape(#"\r"#, skipping: 1)
                case UInt8(ascii: "\t"): escape(#"\t"#, skipping: 1)
                case UInt8(ascii: "<"): escape(#"\u003c"#, skipping: 1)
                case UInt8(ascii: ">"): escape(#"\u003e"#, skipping: 1)
                case UInt8(ascii: "&"): escape(#"\u0026"#, skipping: 1)
                case 0x00..<0x20:
                    let hex = Self.hexDigits
                    let value = Int(bytes[index])
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    out += #"\u00"#.utf8
                    out.append(hex[value >> 4])
                    out.append(hex[value & 0xF])
                    index += 1
                    runStart = index
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA8:
                    escape(#"\u2028"#, skipping: 3)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA9:
                    escape(#"\u2029"#, skipping: 3)
                default:
                    index += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}
