/// A parsed value with the position where it starts in the source, and its
/// exact source text for scalars.
public struct Node: Sendable, Equatable {
    /// What a node holds. Quoted scalars and block strings are always `.string`;
    /// only plain (unquoted) scalars are resolved to other types.
    public enum Value: Sendable, Equatable {
        /// `key:` with nothing after it and no nested block, or a plain `null` or `~`.
        case null
        /// Text: any quoted scalar, block string, or plain scalar of no other type.
        case string(String)
        /// A plain `-?[0-9]+` that fits in `Int` (leading zeros allowed: see `Node.text`).
        case integer(Int)
        /// A plain `true` or `false` (not `yes`, `no`, `on`, `off`: those are strings).
        case boolean(Bool)
        /// A plain `YYYY-MM-DD`.
        case date(LocalDate)
        /// A plain `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]` (a space may stand for the `T`).
        case dateTime(DateTimeValue)
        /// A plain `YYYY-MM`.
        case month(YearMonth)
        /// A block list (`- item` lines) or a flow list (`[a, b]`).
        case list([Node])
        /// A nested map of `key: value` lines.
        case map(Mapping)
    }

    /// The value.
    public var value: Value
    /// Where the value starts: the first character of a scalar, the opening
    /// quote, the `[` of a flow list, the `|` or `>` of a block string, the first
    /// key of a map, the first `-` of a list. For an empty value (`key:` alone)
    /// the column just after the colon (or after the `-` of an empty list item).
    public var position: TextPosition
    /// For scalars: the scalar's text after unquoting and unescaping, so a plain
    /// `01067` keeps its leading zero here although `value` is `.integer(1067)`,
    /// and a plain `null` keeps "null". nil for lists, maps and empty values.
    public var text: String?

    /// Creates a node.
    public init(value: Value, position: TextPosition, text: String? = nil) {
        self.value = value
        self.position = position
        self.text = text
    }
}

extension Node {
    /// The string of a `.string` value, else nil.
    public var stringValue: String? {
        if case .string(let string) = value { string } else { nil }
    }

    /// The nodes of a `.list` value, else nil.
    public var listValue: [Node]? {
        if case .list(let items) = value { items } else { nil }
    }

    /// The mapping of a `.map` value, else nil.
    public var mapValue: Mapping? {
        if case .map(let mapping) = value { mapping } else { nil }
    }

    /// Whether the value is `.null`.
    public var isNull: Bool { value == .null }
}

extension Node.Value {
    /// What kind of value this is, as a noun phrase for messages: "text", "a whole
    /// number", "true or false", "a date", "a date and time", "a month", "a list",
    /// "a map", "an empty value".
    public var kindDescription: String {
        switch self {
        case .null: "an empty value"
        case .string: "text"
        case .integer: "a whole number"
        case .boolean: "true or false"
        case .date: "a date"
        case .dateTime: "a date and time"
        case .month: "a month"
        case .list: "a list"
        case .map: "a map"
        }
    }
}
