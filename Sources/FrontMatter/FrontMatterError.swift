/// A syntax error in front matter or a YAML-subset file, with the position of
/// the offending text. The human-readable text is `message`.
public struct FrontMatterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is (line numbers include the parser's `lineOffset`).
    public var position: TextPosition
    /// What is wrong.
    public var reason: Reason

    /// Creates an error.
    public init(position: TextPosition, reason: Reason) {
        self.position = position
        self.reason = reason
    }

    /// `line:column: message`.
    public var description: String { "\(position): \(message)" }

    /// What is wrong, one case per kind of mistake; `message` words each one.
    public enum Reason: Sendable, Equatable {
        /// A tab in the indentation of a line (position: the tab).
        case tabInIndentation
        /// A character a word processor or web page typed in place of a space or `-` that made the line unreadable:
        /// a no-break space (or another) in the indentation or after a colon, a dash or bullet starting a list item.
        case typedCharacter(Unicode.Scalar, where: TypedPlace)
        /// A key used twice in one map (position: the second key; `firstLine`: the first).
        case duplicateKey(String, firstLine: Int)
        /// YAML syntax outside the subset, named by its first character: anchor `&`,
        /// alias `*`, tag `!`, directive `%`, reserved `@` and `` ` ``, flow map `{`,
        /// a stray `}` or `]`, a block string `|`/`>` inside `[…]`.
        case unsupportedSyntax(Character)
        /// A quoted scalar with no closing quote on its line (position: the opening quote).
        case unclosedQuote(Character)
        /// Text after the closing quote of a quoted scalar other than a comment.
        case textAfterQuote
        /// A `#` after a blank in an unquoted value, with text right after it (`title: Termin #1`): YAML reads it as
        /// the start of a comment, so the rest would be lost (position: the `#`).
        case hashInPlainValue(rest: String)
        /// An unknown or malformed escape sequence in double quotes (position: the backslash).
        case invalidEscape(String)
        /// An escape sequence in double quotes (`\u0007`, `\0`) for a control character pages may not contain, the
        /// same characters that are an error when typed (position: the backslash).
        case controlEscape(String, Unicode.Scalar)
        /// A line that is not `key: value` where a map entry is expected.
        case expectedKeyValue
        /// A scalar on its own line below `key:` (values start on the key's line).
        case valueOnOwnLine
        /// `key:value` (position: the colon).
        case missingSpaceAfterColon(key: String)
        /// `: value` or `"": value`.
        case emptyKey
        /// A plain key with a character outside `A-Z a-z 0-9 - _ .` (position: that character).
        case invalidKey(String, character: Character)
        /// The document starts with a list item; the top level must be a map.
        case topLevelNotMap
        /// A `- item` line among the `key: value` lines of a map.
        case unexpectedListItem
        /// `key: - item`: a block list must start on the line after its key.
        case listOnKeyLine
        /// A line indented by `found` spaces where `expected` are required.
        case unexpectedIndentation(found: Int, expected: Int)
        /// A line indented below a value that was already complete on line `valueLine`.
        case indentedAfterValue(valueLine: Int)
        /// A `[` list with no `]` on its line (position: the `[`).
        case unclosedFlowList
        /// A `[` or `{` inside a `[…]` list.
        case nestedFlowCollection
        /// Two commas without an item between them in a `[…]` list (position: the second).
        case emptyFlowItem
        /// Text after the closing `]` of a flow list other than a comment.
        case textAfterFlowList
        /// Something other than `-`, `+` or a comment after `|` or `>`.
        case invalidBlockStringHeader
        /// A plain scalar shaped like `YYYY-MM-DD` that is not a real date.
        case invalidDate(String)
        /// A plain scalar shaped like `YYYY-MM` whose month is not 01...12 (or year 0000).
        case invalidMonth(String)
        /// A plain scalar shaped like a date and time that is out of range or malformed.
        case invalidDateTime(String)
        /// A date-time with a fraction of a second (`18:00:00.5`), which is not supported.
        case fractionalSeconds(String)
        /// Blocks nested deeper than `limit` levels.
        case nestingTooDeep(limit: Int)
        /// A `---` or `...` line inside a document.
        case documentMarker
        /// A file starting with `---` with no closing `---` line (position: line 1).
        case unclosedFrontMatter
    }
}

extension FrontMatterError {
    /// Where a `typedCharacter` is.
    public enum TypedPlace: Sendable, Equatable {
        case indentation
        case afterColon
        case listMarker
    }
}
