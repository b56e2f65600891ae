import FrontMatter

/// Renders a parse result compactly and exactly, one line per node:
///
///     key@line:col: kind value @line:col
///     - kind value @line:col
///
/// A non-string scalar shows its source text after the value; a string shows
/// its text once (the renderer checks that `text` equals the string).
func render(_ mapping: Mapping, indent: String = "") -> String {
    mapping.entries.map { entry in
        "\(indent)\(entry.key)@\(entry.keyPosition): " + render(entry.value, indent: indent + "  ")
    }.joined(separator: "\n")
}

func render(_ node: Node, indent: String) -> String {
    let at = " @\(node.position)"
    func scalar(_ kind: String, _ shown: String) -> String {
        "\(kind) \(shown) \((node.text ?? "<no text>").quoted)\(at)"
    }
    switch node.value {
    case .null: return node.text.map { "null \($0.quoted)\(at)" } ?? "null\(at)"
    case .string(let string):
        return node.text == string ? "string \(string.quoted)\(at)" : "string MISMATCH \(node.text ?? "nil")"
    case .integer(let value): return scalar("integer", String(value))
    case .boolean(let value): return scalar("boolean", String(value))
    case .date(let date): return scalar("date", date.description)
    case .dateTime(let dateTime): return scalar("dateTime", dateTime.description)
    case .month(let month): return scalar("month", month.description)
    case .list(let items):
        return "list\(at)" + items.map { "\n\(indent)- " + render($0, indent: indent + "  ") }.joined()
    case .map(let mapping):
        return "map\(at)" + (mapping.isEmpty ? "" : "\n" + render(mapping, indent: indent))
    }
}

/// The rendered tree of a document, or `error line:col: message`.
func outcome(_ text: String, lineOffset: Int = 0) -> String {
    do {
        return render(try FrontMatterParser.parse(text, lineOffset: lineOffset))
    } catch {
        return "error \(error.position): \(error.message)"
    }
}

/// The rendering of the value of `value: <scalar>`, or the error.
func scalarOutcome(_ scalar: String) -> String {
    let result = outcome("value: " + scalar)
    let prefix = "value@1:1: "
    return result.hasPrefix(prefix) ? String(result.dropFirst(prefix.count)) : result
}

/// The error a document raises, or nil if it parses.
func parseError(_ text: String) -> FrontMatterError? {
    do {
        _ = try FrontMatterParser.parse(text)
        return nil
    } catch {
        return error
    }
}

extension String {
    /// The string in double quotes with `\\`, `\"`, `\n`, `\r`, `\t` escaped.
    var quoted: String {
        var result = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
