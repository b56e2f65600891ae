/// A place in a source text: 1-based line and 1-based column.
///
/// Columns count Unicode scalars, so a line `title: Düsseldorf` has its value
/// at column 8 however the `ü` is encoded in UTF-8. A byte order mark at the
/// start of a file and the `\r` of a CRLF line ending are not counted.
public struct TextPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int

    /// Creates a position from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders positions by line, then by column.
    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`, as compilers write it.
    public var description: String { "\(line):\(column)" }
}
