/// A JSON value written by hand, so that the output is stable (objects keep their key order) and safe inside
/// an HTML `<script>` element: `<`, `>` and `&` are escaped, as are the line separators JavaScript dislikes.
enum JSONValue: Sendable {
    case string(String)
    case number(Int)
    case object([(String, JSONValue)])
    case array([JSONValue])

    var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    func write(into out: inout String) {
        switch self {
        case .string(let text):
            out += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "<": out += "\\u003c"
                case ">": out += "\\u003e"
                case "&": out += "\\u0026"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        case .object(let members):
            out += "{"
            for (index, (key, member)) in members.enumerated() {
                if index > 0 { out += "," }
                JSONValue.string(key).write(into: &out)
                out += ":"
                member.write(into: &out)
            }
            out += "}"
        case .number(let number):
            out += String(number)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        }
    }
}
