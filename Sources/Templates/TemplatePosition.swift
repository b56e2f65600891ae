/// A place in a template's source: 1-based line and column.
///
/// Columns count Unicode scalars, so a character such as `ü` or `ع` is one column,
/// as an editor shows it.
public struct TemplatePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The line, counted from 1.
    public var line: Int
    /// The column, counted in Unicode scalars from 1.
    public var column: Int

    /// Creates a position from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders positions as they appear in the source.
    public static func < (lhs: TemplatePosition, rhs: TemplatePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`, as compilers print it.
    public var description: String { "\(line):\(column)" }
}
