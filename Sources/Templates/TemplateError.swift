/// An error with the template's name and position.
///
/// Compile-time errors point at a tag's opening `{%` (or `{{`) for problems with the tag
/// as a whole — an unknown or unclosed tag, a missing include — and at the token for
/// problems inside it — an unknown filter, an unexpected token. Render-time errors point
/// at the expression that failed; inside an include or an inherited block they name the
/// template the expression is written in.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template's name, as given to ``TemplateSet/init(sources:hostFilters:)``.
    public var template: String
    /// Where in that template the problem is.
    public var position: TemplatePosition
    /// What went wrong; ``message`` turns it into a sentence.
    public var reason: Reason

    /// Creates an error.
    public init(template: String, position: TemplatePosition, reason: Reason) {
        self.template = template
        self.position = position
        self.reason = reason
    }

    /// `name:line:column: message`.
    public var description: String { "\(template):\(position): \(message)" }

    /// What went wrong; the sentence shown for each is in ``TemplateError/message``.
    public enum Reason: Sendable, Equatable {
        // Lexing.
        /// `{{`, `{%` or `{#` without its closing delimiter.
        case unclosedDelimiter(open: String, close: String)
        /// A string literal runs into the end of its line.
        case unterminatedString
        /// A backslash escape other than `\"`, `\'`, `\\`, `\n`, `\t`.
        case unknownEscape(Character)
        /// A character that starts no token inside a tag.
        case unexpectedCharacter(Character)
        /// An integer literal beyond the range of `Int`.
        case integerTooLarge(String)

        // Parsing.
        /// `{% %}`.
        case emptyTag
        /// `{{ }}`.
        case emptyOutput
        /// A token where the grammar expects something else; both are described for the reader.
        case unexpectedToken(found: String, expected: String)
        /// `{% frobnicate %}`.
        case unknownTag(String, suggestion: String?)
        /// A block tag (`if`, `for`, `block`) without its end tag.
        case neverClosed(tag: String, openedAt: TemplatePosition)
        /// An end tag while an inner block is still open.
        case mismatchedEnd(found: String, open: String, openedAt: TemplatePosition)
        /// An end tag with no block of its kind open.
        case unmatchedEnd(String)
        /// `else` outside `if`/`for`, `elsif` outside `if`.
        case misplacedBranch(String)
        /// `elsif` or a second `else` after `else`.
        case branchAfterElse(String, elseAt: TemplatePosition)
        /// `{% endblock other %}` closing `{% block name %}`.
        case mismatchedEndblock(found: String, open: String)
        /// A filter neither built in nor declared by the host.
        case unknownFilter(String, suggestion: String?)
        /// A filter, built in or declared by the host, given too few or too many arguments.
        case wrongArgumentCount(filter: String, expected: ClosedRange<Int>, found: Int)
        /// Blocks nested deeper than the limit.
        case nestingTooDeep(limit: Int)
        /// An expression with more parts or parentheses than the limit.
        case expressionTooComplex(limit: Int)
        /// `extends` after other tags or text, or a second `extends`.
        case extendsNotFirst
        /// Text or `{{ }}` outside blocks in a template that extends `parent`.
        case contentOutsideBlock(parent: String)
        /// A tag other than `block` outside blocks in a template that extends `parent`.
        case tagOutsideBlock(tag: String, parent: String)
        /// Two blocks of one name in one template.
        case duplicateBlock(String, firstAt: TemplatePosition)

        // Linking the templates of a set.
        /// `include` or `extends` of a template that is not in the set.
        case missingTemplate(String, suggestion: String?)
        /// Templates that include each other in a circle; the names along it, first and last equal.
        case includeCycle([String])
        /// Templates that extend each other in a circle; the names along it, first and last equal.
        case extendsCycle([String])
        /// A block in a child template that no template it extends has.
        case unknownBlock(String, parent: String)

        // Rendering.
        /// ``TemplateSet/render(_:context:filters:)`` with a name not in the set.
        case noSuchTemplate(String)
        /// A variable, or a key of a map, that does not exist.
        case unknownVariable(String, suggestion: String?)
        /// A key looked up on a value that is not a map.
        case notAMap(path: String, kind: String, key: String)
        /// A key other than `size`, `first`, `last` looked up on a list.
        case unknownListProperty(path: String, key: String)
        /// `{{ }}` of a list or map.
        case cannotPrint(expression: String, kind: String)
        /// `for` over something that is not a list.
        case notAList(expression: String, kind: String)
        /// A key of `include_cached` that is a list or a map.
        case notACacheKey(expression: String, kind: String)
        /// `<`, `>`, `<=`, `>=` between values that are not both numbers or both strings.
        case cannotCompare(operator: String, left: String, right: String)
        /// A filter threw; `message` is its message.
        case filterFailed(filter: String, message: String)
        /// A host filter declared at compile time but missing from the filters given to render.
        case filterNotSupplied(String)
    }
}

/// Every error found while compiling a ``TemplateSet``, sorted by template name, line and column.
public struct TemplateErrors: Error, Sendable, Equatable, CustomStringConvertible {
    /// The errors, sorted by template name, line and column.
    public var errors: [TemplateError]

    /// Creates the collection; the errors are kept in the order given.
    public init(errors: [TemplateError]) {
        self.errors = errors
    }

    /// One error per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
