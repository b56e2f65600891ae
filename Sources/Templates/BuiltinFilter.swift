/// The filters every template set has.
///
/// - `default: x` — `x` when the input is falsy (null, false, "", empty list or map).
/// - `join` / `join: sep` — the items of a list of scalars joined by `sep` (", " if not
///   given); null items are empty. If any item is HTML, the result is HTML with the text
///   items and the separator escaped; otherwise it is text.
/// - `size` — the number of items of a list or map, of characters of a string; 0 for null.
/// - `upcase`, `downcase` — a string in capitals or small letters; null stays null.
/// - `escape_uri` — a string (or number) with every UTF-8 byte but `A-Z a-z 0-9 - . _ ~`
///   percent-encoded, for a query-string value; null gives "".
/// - `raw` — a string marked as safe HTML, printed without escaping.
/// - `first`, `last` — the first or last item of a list; null for an empty list or null.
enum BuiltinFilter: String, CaseIterable, Sendable {
    case `default`
    case join
    case size
    case upcase
    case downcase
    case escapeURI = "escape_uri"
    case raw
    case first
    case last

    /// How many arguments the filter takes.
    var arity: ClosedRange<Int> {
        switch self {
        case .default: 1...1
        case .join: 0...1
        case .size, .upcase, .downcase, .escapeURI, .raw, .first, .last: 0...0
        }
    }

    /// Applies the filter; the argument count was checked at compile time.
    func apply(_ input: TemplateValue, _ arguments: [TemplateValue]) throws(FilterFailure) -> TemplateValue {
        switch self {
        case .default:
            return input.isTruthy ? input : arguments[0]
        case .join:
            return try join(input, separator: arguments.first ?? .string(", "))
        case .size:
            switch input {
            case .null: return .int(0)
            case .list(let items): return .int(items.count)
            case .map(let entries): return .int(entries.count)
            case .string(let text), .html(let text): return .int(text.count)
            case .htmlBytes(let bytes): return .int(String(decoding: bytes, as: UTF8.self).count)
            case .bool, .int: throw wrongInput(input, expected: "a list, map or string")
            }
        case .upcase, .downcase:
            switch input {
            case .null: return .null
            case .string(let text): return .string(self == .upcase ? text.uppercased() : text.lowercased())
            default: throw wrongInput(input, expected: "a string")
            }
        case .escapeURI:
            switch input {
            case .null: return .string("")
            case .string(let text): return .string(percentEncoded(text))
            case .int(let number): return .string(String(number))
            default: throw wrongInput(input, expected: "a string")
            }
        case .raw:
            switch input {
            case .null, .html, .htmlBytes: return input
            case .string(let text): return .html(text)
            case .int(let number): return .html(String(number))
            case .bool(let flag): return .html(flag ? "true" : "false")
            case .list, .map: throw wrongInput(input, expected: "a string")
            }
        case .first, .last:
            switch input {
            case .null: return .null
            case .list(let items): return (self == .first ? items.first : items.last) ?? .null
            default: throw wrongInput(input, expected: "a list")
            }
        }
    }

    private func wrongInput(_ input: TemplateValue, expected: String) -> FilterFailure {
        FilterFailure("filter `\(rawValue)` needs \(expected), not \(input.kindDescription)")
    }

    private func join(_ input: TemplateValue, separator: TemplateValue) throws(FilterFailure) -> TemplateValue {
        let items: [TemplateValue]
        switch input {
        case .null: return .string("")
        case .list(let list): items = list
        default: throw wrongInput(input, expected: "a list")
        }
        guard let separatorText = separator.scalarText else {
            throw FilterFailure("the separator of `join` must be a string, not \(separator.kindDescription)")
        }
        let isHTML = items.contains(where: \.isHTML)
        var result = ""
        for (offset, item) in items.enumerated() {
            if offset > 0 { append(separatorText, isHTML: isHTML && !separator.isHTML, to: &result) }
            guard let text = item.scalarText else {
                throw FilterFailure(
                    "filter `join` needs a list of strings or numbers, but item \(offset + 1) is \(item.kindDescription)"
                )
            }
            append(text, isHTML: isHTML && !item.isHTML, to: &result)
        }
        return isHTML ? .html(result) : .string(result)
    }

    private func append(_ text: String, isHTML escapes: Bool, to result: inout String) {
        if escapes {
            appendEscapingHTML(text, to: &result)
        } else {
            result += text
        }
    }
}

extension TemplateValue {
    /// The text a scalar prints as (unescaped); nil for lists and maps.
    var scalarText: String? {
        switch self {
        case .null: ""
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .string(let text), .html(let text): text
        case .htmlBytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .list, .map: nil
        }
    }

    var isHTML: Bool {
        switch self {
        case .html, .htmlBytes: true
        default: false
        }
    }
}
