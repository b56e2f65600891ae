/// One token inside `{{ … }}` or `{% … %}`.
struct Token: Sendable, Equatable {
    var kind: Kind
    var position: TemplatePosition

    enum Kind: Sendable, Equatable {
        case identifier(String)
        case string(String)
        case integer(Int)
        case dot, comma, colon, pipe, leftParenthesis, rightParenthesis, assign
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
        /// The closing `}}` or `%}`; every tag's tokens end with it.
        case end
    }
}

/// A tag's tokens: everything between `{{` and `}}`, or `{%` and `%}`.
struct Tag: Sendable, Equatable {
    /// The tokens, ending with `.end`.
    var tokens: [Token]
    /// The position of the opening `{{` or `{%`.
    var position: TemplatePosition
    /// The lexer reported an error inside this tag; the parser keeps its structure
    /// (an `if` is still an `if`) but reports nothing more about it.
    var isBroken: Bool
}

/// A piece of template source as the lexer sees it. Comments are dropped.
enum Segment: Sendable, Equatable {
    /// Literal text; the position is that of its first character that is not whitespace.
    case text(String, TemplatePosition)
    /// `{{ … }}`.
    case output(Tag)
    /// `{% … %}`.
    case statement(Tag)
}

extension Token.Kind {
    /// How the token is named in messages: "`page`", "string \"x\"", "`==`", "`%}`".
    func describe(closing: String) -> String {
        switch self {
        case .identifier(let name): "`\(name)`"
        case .string(let text): "string \"\(text)\""
        case .integer(let value): "`\(value)`"
        case .dot: "`.`"
        case .comma: "`,`"
        case .colon: "`:`"
        case .pipe: "`|`"
        case .leftParenthesis: "`(`"
        case .rightParenthesis: "`)`"
        case .assign: "`=`"
        case .equal: "`==`"
        case .notEqual: "`!=`"
        case .less: "`<`"
        case .lessOrEqual: "`<=`"
        case .greater: "`>`"
        case .greaterOrEqual: "`>=`"
        case .end: "`\(closing)`"
        }
    }
}
