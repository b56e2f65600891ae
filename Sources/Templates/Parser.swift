/// Builds the syntax tree of one template from the lexer's segments.
///
/// Block tags are parsed by recursive descent with a stack of open blocks, so an end tag
/// that closes the wrong block is reported once, at the innermost block, and parsing goes on.
/// Errors inside one tag's tokens stop the parsing of that tag only.
struct Parser {
    /// How deeply blocks may nest, and how many parts or parentheses an expression may have.
    static let nestingLimit = 200

    let template: String
    private let segments: [Segment]
    private let isTruncated: Bool
    /// The host's filters and how many arguments each takes.
    let hostFilters: [String: ClosedRange<Int>]
    private var index = 0
    private(set) var errors: [TemplateError]
    private var open: [(tag: String, position: TemplatePosition)] = []
    /// Blocks nested too deeply: parsing stopped and no more errors are reported.
    private var isAborted = false
    private var reportedContentOutsideBlock = false
    private var parent: TemplateReference?
    private var includes: [TemplateReference] = []
    private var blocks: [String: BlockDefinition] = [:]
    private var textLength = 0

    // The tag being parsed.
    var tokens: [Token] = []
    var cursor = 0
    var closing = "%}"
    /// An error was reported in this tag, or the lexer reported one: report nothing more.
    var tagIsBroken = false
    var expressionParts = 0
    var expressionDepth = 0

    private static let tagNames = [
        "if", "elsif", "else", "endif", "for", "endfor", "block", "endblock", "include", "include_cached", "extends",
        "set",
    ]

    /// Parses one lexed template.
    static func parse(
        _ lexed: Lexer.Result, template: String, hostFilters: [String: ClosedRange<Int>]
    ) -> (CompiledTemplate, [TemplateError]) {
        var parser = Parser(
            template: template, segments: lexed.segments, isTruncated: lexed.isTruncated,
            hostFilters: hostFilters, errors: lexed.errors)
        parser.parseExtends()
        let nodes = parser.parseBody(until: []).nodes
        let compiled = CompiledTemplate(
            name: template, nodes: nodes, parent: parser.parent, includes: parser.includes,
            blocks: parser.blocks, textLength: parser.textLength)
        return (compiled, parser.errors)
    }

    private init(
        template: String, segments: [Segment], isTruncated: Bool, hostFilters: [String: ClosedRange<Int>],
        errors: [TemplateError]
    ) {
        self.template = template
        self.segments = segments
        self.isTruncated = isTruncated
        self.hostFilters = hostFilters
        self.errors = errors
    }

    // MARK: Reporting

    /// Reports a problem with a tag as a whole, or with the structure of blocks.
    mutating func report(_ reason: TemplateError.Reason, at position: TemplatePosition) {
        guard !isAborted else { return }
        errors.append(TemplateError(template: template, position: position, reason: reason))
    }

    /// Reports a problem inside the current tag's tokens, unless one was reported already.
    mutating func reportInTag(_ reason: TemplateError.Reason, at position: TemplatePosition) {
        guard !tagIsBroken else { return }
        report(reason, at: position)
        tagIsBroken = true
    }

    private mutating func begin(_ tag: Tag, closing: String) {
        tokens = tag.tokens
        cursor = 0
        self.closing = closing
        tagIsBroken = tag.isBroken
    }

    var current: Token { tokens[cursor] }

    mutating func advanceToken() {
        if cursor < tokens.count - 1 { cursor += 1 }
    }

    /// Reports anything left in the tag after what the tag needs.
    mutating func expectEnd() {
        guard current.kind != .end else { return }
        let expected = current.kind == .assign ? "`==` to compare, or `\(closing)`" : "`\(closing)`"
        reportInTag(
            .unexpectedToken(found: current.kind.describe(closing: closing), expected: expected), at: current.position)
    }

    /// Consumes a name that is not a keyword, or reports what was found instead.
    mutating func expectName(_ expected: String) -> String? {
        if case .identifier(let name) = current.kind, !Parser.keywords.contains(name) {
            advanceToken()
            return name
        }
        reportInTag(
            .unexpectedToken(found: current.kind.describe(closing: closing), expected: expected), at: current.position)
        return nil
    }

    // MARK: Blocks

    /// Reads `{% extends "name" %}` if it is the first tag, with only whitespace before it.
    private mutating func parseExtends() {
        var first = 0
        while first < segments.count, case .text(let text, _) = segments[first], text.allSatisfy(\.isWhitespace) {
            first += 1
        }
        guard first < segments.count, case .statement(let tag) = segments[first],
            tag.tokens.first?.kind == .identifier("extends")
        else { return }
        begin(tag, closing: "%}")
        advanceToken()
        index = first + 1
        guard case .string(let name) = current.kind else {
            reportInTag(
                .unexpectedToken(
                    found: current.kind.describe(closing: closing),
                    expected: "a template name in quotes, such as \"base.html\""),
                at: current.position)
            return
        }
        advanceToken()
        expectEnd()
        parent = TemplateReference(name: name, position: tag.position)
    }

    /// In a template that extends another, outside every block: only blocks count here.
    private var isOutsideBlocksOfChild: Bool { parent != nil && open.isEmpty }

    /// Parses nodes until one of `terminators` (its name is returned, the cursor after it) or
    /// the end of the template, or an end tag that belongs to an outer block (not consumed).
    private mutating func parseBody(until terminators: Set<String>) -> (nodes: [Node], end: (String, TemplatePosition)?)
    {
        var nodes: [Node] = []
        while index < segments.count, !isAborted {
            switch segments[index] {
            case .text(let text, let position):
                index += 1
                if isOutsideBlocksOfChild {
                    if !text.allSatisfy(\.isWhitespace) { reportContentOutsideBlock(at: position) }
                    continue
                }
                textLength += text.utf8.count
                nodes.append(.text(text))
            case .output(let tag):
                index += 1
                begin(tag, closing: "}}")
                if isOutsideBlocksOfChild {
                    reportContentOutsideBlock(at: tag.position)
                    continue
                }
                if current.kind == .end {
                    reportInTag(.emptyOutput, at: tag.position)
                    continue
                }
                let expression = parseExpression()
                expectEnd()
                nodes.append(.output(expression))
            case .statement(let tag):
                begin(tag, closing: "%}")
                guard case .identifier(let name) = current.kind else {
                    index += 1
                    if current.kind == .end {
                        reportInTag(.emptyTag, at: tag.position)
                    } else {
                        reportInTag(
                            .unexpectedToken(
                                found: current.kind.describe(closing: closing), expected: "a tag name such as if or for"
                            ),
                            at: current.position)
                    }
                    continue
                }
                advanceToken()
                if terminators.contains(name) {
                    index += 1
                    return (nodes, (name, tag.position))
                }
                if ["endif", "endfor", "endblock", "else", "elsif"].contains(name) {
                    if strayEndBelongsToOuterBlock(name, at: tag.position) { return (nodes, nil) }
                    index += 1
                    continue
                }
                if isOutsideBlocksOfChild, name != "block", name != "extends", Parser.tagNames.contains(name) {
                    report(.tagOutsideBlock(tag: name, parent: parent!.name), at: tag.position)
                    _ = parseStatement(name, tag: tag)
                    continue
                }
                nodes.append(contentsOf: parseStatement(name, tag: tag))
            }
        }
        if !terminators.isEmpty, let innermost = open.last, !isTruncated {
            report(.neverClosed(tag: innermost.tag, openedAt: innermost.position), at: innermost.position)
        }
        return (nodes, nil)
    }

    private mutating func reportContentOutsideBlock(at position: TemplatePosition) {
        guard !reportedContentOutsideBlock else { return }
        reportedContentOutsideBlock = true
        report(.contentOutsideBlock(parent: parent!.name), at: position)
    }

    /// An end or branch tag its block does not expect. Returns true when it closes an outer
    /// block, so the inner one stops here and the outer one consumes it.
    private mutating func strayEndBelongsToOuterBlock(_ name: String, at position: TemplatePosition) -> Bool {
        guard name.hasPrefix("end") else {
            report(.misplacedBranch(name), at: position)
            return false
        }
        let opener = String(name.dropFirst(3))
        guard open.contains(where: { $0.tag == opener }), let innermost = open.last else {
            report(.unmatchedEnd(name), at: position)
            return false
        }
        report(.mismatchedEnd(found: name, open: innermost.tag, openedAt: innermost.position), at: position)
        return true
    }

    /// Parses the statement tag at `index` (its name consumed) and whatever body it has.
    private mutating func parseStatement(_ name: String, tag: Tag) -> [Node] {
        index += 1
        switch name {
        case "if": return parseIf(at: tag.position)
        case "for": return parseFor(at: tag.position)
        case "block": return parseBlock(at: tag.position)
        case "set":
            guard let variable = expectName("a variable name after set") else { return [] }
            guard current.kind == .assign else {
                reportInTag(
                    .unexpectedToken(found: current.kind.describe(closing: closing), expected: "`=`"),
                    at: current.position)
                return []
            }
            advanceToken()
            let value = parseExpression()
            expectEnd()
            return [.assign(variable, value)]
        case "include", "include_cached":
            guard case .string(let target) = current.kind else {
                reportInTag(
                    .unexpectedToken(
                        found: current.kind.describe(closing: closing),
                        expected: "a template name in quotes, such as \"partials/header.html\""),
                    at: current.position)
                return []
            }
            advanceToken()
            // `include_cached "name" key, key…`: the values its output depends on.
            var keys: [Expression] = []
            if name == "include_cached" {
                keys.append(parseExpression())
                while current.kind == .comma {
                    advanceToken()
                    keys.append(parseExpression())
                }
            }
            expectEnd()
            includes.append(TemplateReference(name: target, position: tag.position))
            return [.include(target, tag.position, cachedBy: keys)]
        case "extends":
            report(.extendsNotFirst, at: tag.position)
            return []
        default:
            report(.unknownTag(name, suggestion: suggestion(for: name, among: Parser.tagNames)), at: tag.position)
            return []
        }
    }

    /// Pushes a block on the stack of open blocks, unless that makes it too deep.
    private mutating func enter(_ tag: String, at position: TemplatePosition) -> Bool {
        guard open.count < Parser.nestingLimit else {
            report(.nestingTooDeep(limit: Parser.nestingLimit), at: position)
            isAborted = true
            return false
        }
        open.append((tag, position))
        return true
    }

    private mutating func parseIf(at position: TemplatePosition) -> [Node] {
        var condition = parseExpression()
        expectEnd()
        guard enter("if", at: position) else { return [] }
        defer { open.removeLast() }
        var branches: [Branch] = []
        while true {
            let (body, end) = parseBody(until: ["elsif", "else", "endif"])
            branches.append(Branch(condition: condition, body: body))
            guard let (name, endPosition) = end else { break }
            switch name {
            case "elsif":
                condition = parseExpression()
                expectEnd()
                continue
            case "else":
                expectEnd()
                let otherwise = parseElse(of: "if", at: endPosition)
                return [.conditional(branches, otherwise: otherwise)]
            default:
                expectEnd()
            }
            break
        }
        return [.conditional(branches, otherwise: [])]
    }

    /// Parses the body after `{% else %}` up to the block's end tag.
    private mutating func parseElse(of tag: String, at elsePosition: TemplatePosition) -> [Node] {
        var nodes: [Node] = []
        let branches: Set<String> = tag == "if" ? ["elsif", "else"] : ["else"]
        while true {
            let (body, end) = parseBody(until: branches.union(["end" + tag]))
            nodes += body
            guard let (name, position) = end else { return nodes }
            guard name == "end" + tag else {
                report(.branchAfterElse(name, elseAt: elsePosition), at: position)
                continue
            }
            expectEnd()
            return nodes
        }
    }

    private mutating func parseFor(at position: TemplatePosition) -> [Node] {
        let namePosition = current.position
        let variable = expectName("a loop variable name after for")
        // `loop` names the running loop (`loop.index`); a variable of that name would hide it without a word.
        if variable == "loop" {
            reportInTag(
                .unexpectedToken(
                    found: "`loop`", expected: "a loop variable name other than `loop`, which names the loop itself"),
                at: namePosition)
        }
        if variable != nil, current.kind != .identifier("in") {
            reportInTag(
                .unexpectedToken(found: current.kind.describe(closing: closing), expected: "`in`"),
                at: current.position)
        }
        advanceToken()
        let sequence = parseExpression()
        expectEnd()
        guard enter("for", at: position) else { return [] }
        defer { open.removeLast() }
        let (body, end) = parseBody(until: ["else", "endfor"])
        var empty: [Node] = []
        if let (name, elsePosition) = end {
            expectEnd()
            if name == "else" { empty = parseElse(of: "for", at: elsePosition) }
        }
        return [.loop(Loop(variable: variable ?? "", sequence: sequence, body: body, empty: empty))]
    }

    private mutating func parseBlock(at position: TemplatePosition) -> [Node] {
        let name = expectName("a block name after block")
        expectEnd()
        guard enter("block", at: position) else { return [] }
        let (body, end) = parseBody(until: ["endblock"])
        open.removeLast()
        if end != nil {
            if case .identifier(let closedName) = current.kind {
                if let name, closedName != name {
                    reportInTag(.mismatchedEndblock(found: closedName, open: name), at: current.position)
                }
                advanceToken()
            }
            expectEnd()
        }
        guard let name else { return [] }
        if let first = blocks[name] {
            report(.duplicateBlock(name, firstAt: first.position), at: position)
            return []
        }
        let isNested = open.contains { $0.tag == "block" }
        blocks[name] = BlockDefinition(body: body, position: position, isNested: isNested)
        return [.block(name)]
    }
}
