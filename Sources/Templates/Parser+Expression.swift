/// Expressions, by recursive descent. From loosest to tightest binding:
/// `or`, `and`, `not`, comparisons (`==` `!=` `<` `<=` `>` `>=`, not chainable),
/// filters (`x | name: a, b`), and values (literals, variable paths, parentheses).
/// Filter arguments are values, so `x | default: y | upcase` applies `upcase` to the result.
extension Parser {
    /// Words that cannot name a variable.
    static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false", "null", "nil"]

    /// Parses an expression of the current tag. After an error it returns a placeholder
    /// and the tag is marked broken.
    mutating func parseExpression() -> Expression {
        expressionParts = 0
        expressionDepth = 0
        return parseOr()
    }

    /// Counts one more part of the expression; false (after reporting) when over the limit.
    private mutating func countPart(at position: TemplatePosition) -> Bool {
        expressionParts += 1
        return isWithinLimits(at: position)
    }

    /// Whether the expression has at most `Parser.nestingLimit` parts and nested parentheses (or `not`s); false
    /// after reporting. A parenthesis is not a part of the tree, so it counts toward the depth only: counted as a
    /// part as well, 100 parentheses around one value were over a limit the message gave as 200.
    private mutating func isWithinLimits(at position: TemplatePosition) -> Bool {
        guard expressionParts <= Parser.nestingLimit, expressionDepth <= Parser.nestingLimit else {
            reportInTag(.expressionTooComplex(limit: Parser.nestingLimit), at: position)
            // Skip the rest of the tag so every loop below ends.
            cursor = tokens.count - 1
            return false
        }
        return true
    }

    private mutating func parseOr() -> Expression {
        var left = parseAnd()
        while current.kind == .identifier("or") {
            guard countPart(at: current.position) else { return left }
            advanceToken()
            left = .or(left, parseAnd())
        }
        return left
    }

    private mutating func parseAnd() -> Expression {
        var left = parseNot()
        while current.kind == .identifier("and") {
            guard countPart(at: current.position) else { return left }
            advanceToken()
            left = .and(left, parseNot())
        }
        return left
    }

    private mutating func parseNot() -> Expression {
        guard current.kind == .identifier("not") else { return parseComparison() }
        let position = current.position
        expressionDepth += 1
        defer { expressionDepth -= 1 }
        guard countPart(at: position) else { return .literal(.null, position) }
        advanceToken()
        return .not(parseNot(), position)
    }

    private mutating func parseComparison() -> Expression {
        let left = parseFiltered()
        let symbol: ComparisonOperator
        switch current.kind {
        case .equal: symbol = .equal
        case .notEqual: symbol = .notEqual
        case .less: symbol = .less
        case .lessOrEqual: symbol = .lessOrEqual
        case .greater: symbol = .greater
        case .greaterOrEqual: symbol = .greaterOrEqual
        default: return left
        }
        let position = current.position
        guard countPart(at: position) else { return left }
        advanceToken()
        return .comparison(symbol, left, parseFiltered(), position)
    }

    private mutating func parseFiltered() -> Expression {
        var input = parseValue()
        while current.kind == .pipe {
            guard countPart(at: current.position) else { return input }
            advanceToken()
            let position = current.position
            guard case .identifier(let name) = current.kind else {
                reportInTag(
                    .unexpectedToken(
                        found: current.kind.describe(closing: closing), expected: "a filter name after `|`"),
                    at: position)
                return input
            }
            advanceToken()
            var arguments: [Expression] = []
            if current.kind == .colon {
                advanceToken()
                arguments.append(parseValue())
                while current.kind == .comma {
                    advanceToken()
                    arguments.append(parseValue())
                }
            }
            input = .filter(resolveFilter(name, input: input, arguments: arguments, at: position))
        }
        return input
    }

    /// Finds the filter: the host's if it declared the name, else a built-in one. Either way
    /// the number of arguments is checked here, so a wrong one is reported when the template
    /// is loaded rather than on every page that renders it.
    private mutating func resolveFilter(
        _ name: String, input: Expression, arguments: [Expression], at position: TemplatePosition
    ) -> FilterCall {
        var builtin: BuiltinFilter?
        let arity: ClosedRange<Int>?
        if let declared = hostFilters[name] {
            arity = declared
        } else {
            builtin = BuiltinFilter(rawValue: name)
            arity = builtin?.arity
        }
        if let arity, !arity.contains(arguments.count), !tagIsBroken {
            report(.wrongArgumentCount(filter: name, expected: arity, found: arguments.count), at: position)
        } else if arity == nil, !tagIsBroken {
            let known = BuiltinFilter.allCases.map(\.rawValue) + hostFilters.keys.sorted()
            report(.unknownFilter(name, suggestion: suggestion(for: name, among: known)), at: position)
        }
        return FilterCall(input: input, name: name, builtin: builtin, arguments: arguments, position: position)
    }

    /// A literal, a variable path or a parenthesised expression.
    private mutating func parseValue() -> Expression {
        let token = current
        if token.kind != .leftParenthesis {
            guard countPart(at: token.position) else { return .literal(.null, token.position) }
        }
        switch token.kind {
        case .string(let text):
            advanceToken()
            return .literal(.string(text), token.position)
        case .integer(let number):
            advanceToken()
            return .literal(.int(number), token.position)
        case .identifier("true"), .identifier("false"):
            advanceToken()
            return .literal(.bool(token.kind == .identifier("true")), token.position)
        case .identifier("null"), .identifier("nil"):
            advanceToken()
            return .literal(.null, token.position)
        case .identifier(let name) where !Parser.keywords.contains(name):
            advanceToken()
            var segments = [name]
            while current.kind == .dot {
                advanceToken()
                guard case .identifier(let segment) = current.kind else {
                    reportInTag(
                        .unexpectedToken(found: current.kind.describe(closing: closing), expected: "a name after `.`"),
                        at: current.position)
                    break
                }
                segments.append(segment)
                advanceToken()
            }
            return .variable(VariablePath(segments: segments, position: token.position))
        case .leftParenthesis:
            expressionDepth += 1
            defer { expressionDepth -= 1 }
            guard isWithinLimits(at: token.position) else { return .literal(.null, token.position) }
            advanceToken()
            let inner = parseOr()
            if current.kind == .rightParenthesis {
                advanceToken()
            } else {
                reportInTag(
                    .unexpectedToken(found: current.kind.describe(closing: closing), expected: "`)`"),
                    at: current.position)
            }
            return inner
        default:
            reportInTag(
                .unexpectedToken(
                    found: token.kind.describe(closing: closing),
                    expected: "a value such as a variable, a string or a number"),
                at: token.position)
            cursor = tokens.count - 1
            return .literal(.null, token.position)
        }
    }
}
