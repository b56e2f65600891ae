/// A value templates see.
///
/// `.string` is escaped when printed; `.html` is already safe HTML (for example a
/// page's rendered Markdown) and is printed as is.
public enum TemplateValue: Sendable, Equatable {
    /// Nothing: prints as nothing, is false, and any key of it is null again.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A whole number, printed in decimal.
    case int(Int)
    /// Text; escaped when printed.
    case string(String)
    /// Already safe HTML; printed as is.
    case html(String)
    /// Already safe HTML as UTF-8 bytes (such as a page's rendered Markdown), printed as is without being made a
    /// `String` first. Everywhere else it behaves as `.html` with the same text.
    case htmlBytes([UInt8])
    /// Items for `{% for %}`, `join`, `size`, `first`, `last`.
    case list([TemplateValue])
    /// Keys looked up with `.`: `page.title`.
    case map(TemplateMap)

    /// Whether `if` takes this value as true.
    ///
    /// `null`, `false`, an empty string, an empty list and an empty map are false;
    /// everything else, including `0`, is true.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .int: true
        case .string(let text), .html(let text): !text.isEmpty
        case .htmlBytes(let bytes): !bytes.isEmpty
        case .list(let items): !items.isEmpty
        case .map(let entries): !entries.isEmpty
        }
    }

    /// The kind of value with an article, for messages: "a string", "a list".
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "a number"
        case .string: "a string"
        case .html, .htmlBytes: "HTML"
        case .list: "a list"
        case .map: "a map"
        }
    }
}

extension TemplateValue {
    /// `.htmlBytes` as `.html`, every other value as it is: for the places that work on the text of a value.
    var withHTMLAsText: TemplateValue {
        if case .htmlBytes(let bytes) = self { return .html(String(decoding: bytes, as: UTF8.self)) }
        return self
    }
}

extension TemplateValue: ExpressibleByNilLiteral {
    /// `nil` is `.null`.
    public init(nilLiteral: ()) { self = .null }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// `true` is `.bool(true)`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    /// `3` is `.int(3)`.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension TemplateValue: ExpressibleByStringLiteral {
    /// `"text"` is `.string("text")`, escaped when printed.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// `[a, b]` is `.list([a, b])`.
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// `["key": value]` is `.map(["key": value])`, keys in the order written; a repeated key keeps the last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var map = TemplateMap(minimumCapacity: elements.count)
        for (key, value) in elements { map[key] = value }
        self = .map(map)
    }
}
