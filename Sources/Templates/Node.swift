/// A compiled piece of template: what the renderer walks for every page.
enum Node: Sendable {
    /// Literal text, printed as is.
    case text(String)
    /// `{{ expression }}`.
    case output(Expression)
    /// `{% if %}…{% elsif %}…{% else %}…{% endif %}`: the first branch whose condition is
    /// truthy, else `otherwise`.
    case conditional([Branch], otherwise: [Node])
    /// `{% for %}…{% else %}…{% endfor %}`.
    case loop(Loop)
    /// `{% include "name" %}`, or with keys `{% include_cached "name" key, … %}`; the name was checked at compile
    /// time.
    case include(String, TemplatePosition, cachedBy: [Expression])
    /// `{% block name %}`; its body is looked up in the render plan, where a child
    /// template may have replaced it.
    case block(String)
    /// `{% set name = expression %}`.
    case assign(String, Expression)
}

/// One `if` or `elsif` with its body.
struct Branch: Sendable {
    var condition: Expression
    var body: [Node]
}

/// `{% for variable in sequence %}body{% else %}empty{% endfor %}`.
struct Loop: Sendable {
    var variable: String
    var sequence: Expression
    var body: [Node]
    /// Rendered when the sequence is empty or null.
    var empty: [Node]
}

/// An expression inside a tag.
indirect enum Expression: Sendable {
    case literal(TemplateValue, TemplatePosition)
    case variable(VariablePath)
    case not(Expression, TemplatePosition)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case comparison(ComparisonOperator, Expression, Expression, TemplatePosition)
    case filter(FilterCall)

    /// Where the expression starts.
    var position: TemplatePosition {
        switch self {
        case .literal(_, let position), .not(_, let position): position
        case .variable(let path): path.position
        case .and(let left, _), .or(let left, _), .comparison(_, let left, _, _): left.position
        case .filter(let call): call.input.position
        }
    }

    /// The expression written out again, for messages: "page.children | size".
    var sourceText: String {
        switch self {
        case .literal(let value, _):
            switch value {
            case .string(let text), .html(let text): "\"\(text)\""
            case .int(let number): String(number)
            case .bool(let flag): flag ? "true" : "false"
            default: "null"
            }
        case .variable(let path): path.segments.joined(separator: ".")
        case .not(let operand, _): "not \(operand.sourceText)"
        case .and(let left, let right): "\(left.sourceText) and \(right.sourceText)"
        case .or(let left, let right): "\(left.sourceText) or \(right.sourceText)"
        case .comparison(let symbol, let left, let right, _):
            "\(left.sourceText) \(symbol.rawValue) \(right.sourceText)"
        case .filter(let call):
            call.arguments.isEmpty
                ? "\(call.input.sourceText) | \(call.name)"
                : "\(call.input.sourceText) | \(call.name): "
                    + call.arguments.map(\.sourceText).joined(separator: ", ")
        }
    }
}

/// A dotted variable path such as `page.parent.title`.
struct VariablePath: Sendable {
    /// The names, at least one.
    var segments: [String]
    var position: TemplatePosition
}

/// `==`, `!=`, `<`, `<=`, `>`, `>=`.
enum ComparisonOperator: String, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// `input | name: arguments`.
struct FilterCall: Sendable {
    var input: Expression
    var name: String
    /// A built-in filter, resolved at compile time, or nil for one the host supplies.
    var builtin: BuiltinFilter?
    var arguments: [Expression]
    /// The position of the filter's name.
    var position: TemplatePosition
}
