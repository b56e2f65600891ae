extension TemplateError {
    /// What is wrong and how to fix it, in one short English sentence.
    public var message: String {
        switch reason {
        case .unclosedDelimiter(let open, let close):
            return "`\(open)` at \(position) is never closed; add \(close)"
        case .unterminatedString:
            return "string is never closed; add the closing quote before the end of the line"
        case .unknownEscape(let character):
            return "unknown escape `\\\(character)` in string; write \\\\ for a backslash"
        case .unexpectedCharacter(let character):
            return "unexpected character `\(character)` in tag"
        case .integerTooLarge(let digits):
            return "number \(digits) is too large"

        case .emptyTag:
            return "empty tag; write a tag such as {% if … %} or remove it"
        case .emptyOutput:
            return "nothing to print; write a variable such as {{ page.title }} or remove the braces"
        case .unexpectedToken(let found, let expected):
            return "expected \(expected), found \(found)"
        case .unknownTag(let name, let suggestion):
            return "unknown tag `\(name)`" + didYouMean(suggestion)
        case .neverClosed(let tag, let openedAt):
            return "`\(tag)` at \(openedAt) is never closed; add {% end\(tag) %}"
        case .mismatchedEnd(let found, let open, let openedAt):
            return "{% \(found) %} cannot close `\(open)` at \(openedAt); add {% end\(open) %} before it"
        case .unmatchedEnd(let found):
            let opener = found.dropFirst(3)
            return "{% \(found) %} has no open `\(opener)` to close; remove it"
        case .misplacedBranch(let tag):
            let blocks = tag == "else" ? "an if or for block" : "an if block"
            return "{% \(tag) %} must be inside \(blocks)"
        case .branchAfterElse(let tag, let elseAt):
            return "{% \(tag) %} after {% else %} at \(elseAt); move it before the else"
        case .mismatchedEndblock(let found, let open):
            return "{% endblock \(found) %} closes block `\(open)`; write {% endblock \(open) %} or {% endblock %}"
        case .unknownFilter(let name, let suggestion):
            return "unknown filter `\(name)`" + didYouMean(suggestion)
        case .wrongArgumentCount(let filter, let expected, let found):
            return "filter `\(filter)` takes \(argumentCount(expected)), not \(found)"
        case .nestingTooDeep(let limit):
            return "blocks are nested more than \(limit) deep; simplify the template"
        case .expressionTooComplex(let limit):
            return "expression has more than \(limit) parts or nested parentheses; split it with {% set %}"
        case .extendsNotFirst:
            return "{% extends %} must be the first tag of a template, and only one is allowed"
        case .contentOutsideBlock(let parent):
            return
                "content outside blocks is never shown in a template that extends `\(parent)`; move it into a {% block %}"
        case .tagOutsideBlock(let tag, let parent):
            return
                "{% \(tag) %} outside blocks has no effect in a template that extends `\(parent)`; move it into a {% block %}"
        case .duplicateBlock(let name, let firstAt):
            return "block `\(name)` is already defined at \(firstAt); rename one of them"

        case .missingTemplate(let name, let suggestion):
            return "no template `\(name)`" + didYouMean(suggestion)
        case .includeCycle(let names):
            return "include cycle \(names.joined(separator: " → ")); a template cannot include itself"
        case .extendsCycle(let names):
            return "extends cycle \(names.joined(separator: " → ")); a template cannot extend itself"
        case .unknownBlock(let name, let parent):
            return
                "block `\(name)` is not in `\(parent)` or the templates it extends, so it is never shown; check its name"

        case .noSuchTemplate(let name):
            return "no template `\(name)`"
        case .unknownVariable(let path, let suggestion):
            return "unknown variable `\(path)`" + didYouMean(suggestion)
        case .notAMap(let path, let kind, let key):
            return "`\(path)` is \(kind), not a map, so it has no `\(key)`"
        case .unknownListProperty(let path, let key):
            return "`\(path)` is a list, which has size, first and last, not `\(key)`"
        case .cannotPrint(let expression, let kind):
            return
                "`\(expression)` is \(kind) and cannot be printed; loop over it with {% for %} or use a filter such as join"
        case .notAList(let expression, let kind):
            return "`\(expression)` is \(kind), not a list; {% for %} needs a list"
        case .notACacheKey(let expression, let kind):
            return
                "`\(expression)` is \(kind) and cannot be a key of include_cached; use text, a number or a boolean, such as page.id"
        case .cannotCompare(let symbol, let left, let right):
            return "cannot compare \(left) with \(right) using `\(symbol)`; both must be numbers or both strings"
        case .filterFailed(_, let message):
            return message
        case .filterNotSupplied(let name):
            return "filter `\(name)` was declared by the host but not supplied when rendering"
        }
    }

    private func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean `\($0)`?" } ?? ""
    }

    private func argumentCount(_ range: ClosedRange<Int>) -> String {
        func arguments(_ count: Int) -> String { count == 1 ? "1 argument" : "\(count) arguments" }
        if range.lowerBound == range.upperBound {
            return range.lowerBound == 0 ? "no arguments" : arguments(range.lowerBound)
        }
        // A host filter that takes any number of arguments from some on has `Int.max` as its upper bound.
        if range.upperBound == Int.max { return "at least " + arguments(range.lowerBound) }
        if range.lowerBound == 0 { return "at most " + arguments(range.upperBound) }
        return "\(range.lowerBound) to \(range.upperBound) arguments"
    }
}
