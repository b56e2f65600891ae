/// Splits template source into text, `{{ … }}` and `{% … %}` segments, with positions.
///
/// Comments are dropped and whitespace control (`{%-`, `-%}`, `{{-`, `-}}`, `{#-`, `-#}`)
/// is applied here, so the parser sees only what is printed. After an error inside a tag
/// the lexer skips to the tag's end and carries on, so one typo gives one error.
struct Lexer {
    /// The segments of a template and the errors found while lexing it.
    struct Result: Sendable, Equatable {
        var segments: [Segment]
        var errors: [TemplateError]
        /// A delimiter or comment was never closed and swallowed the rest of the source;
        /// the parser then does not report blocks left open by the cut.
        var isTruncated: Bool
    }

    private let template: String
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var segments: [Segment] = []
    private var errors: [TemplateError] = []
    private var isTruncated = false
    private var trimsNextText = false

    /// Lexes `source`; `template` is its name, for errors.
    static func lex(_ source: String, template: String) -> Result {
        var lexer = Lexer(template: template, scalars: Array(source.unicodeScalars))
        lexer.run()
        return Result(segments: lexer.segments, errors: lexer.errors, isTruncated: lexer.isTruncated)
    }

    private init(template: String, scalars: [Unicode.Scalar]) {
        self.template = template
        self.scalars = scalars
    }

    private var position: TemplatePosition { TemplatePosition(line: line, column: column) }

    private func scalar(at offset: Int) -> Unicode.Scalar? {
        let target = index + offset
        return target < scalars.count ? scalars[target] : nil
    }

    private mutating func advance(by count: Int = 1) {
        for _ in 0..<count {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
    }

    private mutating func advance(to target: Int) {
        advance(by: target - index)
    }

    private mutating func report(_ reason: TemplateError.Reason, at position: TemplatePosition) {
        errors.append(TemplateError(template: template, position: position, reason: reason))
    }

    private mutating func run() {
        var textStart = index
        var textPosition = position
        while index < scalars.count {
            guard scalars[index] == "{", let kind = scalar(at: 1), kind == "{" || kind == "%" || kind == "#" else {
                advance()
                continue
            }
            appendText(from: textStart, at: textPosition, trimmingEnd: scalar(at: 2) == "-")
            lexDelimited(kind)
            textStart = index
            textPosition = position
        }
        appendText(from: textStart, at: textPosition, trimmingEnd: false)
    }

    /// Appends the text from `start` up to the current index, applying whitespace control.
    private mutating func appendText(from start: Int, at startPosition: TemplatePosition, trimmingEnd: Bool) {
        var first = start
        var end = index
        if trimsNextText {
            while first < end, scalars[first].isTemplateWhitespace { first += 1 }
            trimsNextText = false
        }
        if trimmingEnd {
            while end > first, scalars[end - 1].isTemplateWhitespace { end -= 1 }
        }
        guard first < end else { return }
        // The position reported for text is that of its first visible character.
        var contentPosition = startPosition
        var cursor = start
        while cursor < end, cursor < first || scalars[cursor].isTemplateWhitespace {
            if scalars[cursor] == "\n" {
                contentPosition.line += 1
                contentPosition.column = 1
            } else {
                contentPosition.column += 1
            }
            cursor += 1
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[first..<end])
        segments.append(.text(String(text), contentPosition))
    }

    /// Lexes `{{ … }}`, `{% … %}` or `{# … #}`; the index is at the opening `{`.
    private mutating func lexDelimited(_ kind: Unicode.Scalar) {
        let open = position
        advance(by: 2)
        if scalar(at: 0) == "-" { advance() }
        if kind == "#" {
            lexComment(open: open)
            return
        }
        let closing: Unicode.Scalar = kind == "{" ? "}" : "%"
        var tag = Tag(tokens: [], position: open, isBroken: false)
        lexTokens(into: &tag, closing: closing)
        segments.append(kind == "{" ? .output(tag) : .statement(tag))
    }

    private mutating func lexComment(open: TemplatePosition) {
        let contentStart = index
        while index < scalars.count {
            if scalars[index] == "#", scalar(at: 1) == "}" {
                if index > contentStart, scalars[index - 1] == "-" { trimsNextText = true }
                advance(by: 2)
                return
            }
            advance()
        }
        report(.unclosedDelimiter(open: "{#", close: "#}"), at: open)
        isTruncated = true
    }

    /// Lexes tokens up to and including the closing delimiter (`}}` or `%}`).
    private mutating func lexTokens(into tag: inout Tag, closing: Unicode.Scalar) {
        let closer = closing == "}" ? "}}" : "%}"
        let opener = closing == "}" ? "{{" : "{%"
        while true {
            while index < scalars.count, scalars[index].isTemplateWhitespace { advance() }
            let start = position
            guard index < scalars.count else {
                report(.unclosedDelimiter(open: opener, close: closer), at: tag.position)
                isTruncated = true
                tag.isBroken = true
                tag.tokens.append(Token(kind: .end, position: start))
                return
            }
            let current = scalars[index]
            if current == "-", scalar(at: 1) == closing, scalar(at: 2) == "}" {
                tag.tokens.append(Token(kind: .end, position: start))
                advance(by: 3)
                trimsNextText = true
                return
            }
            if current == closing, scalar(at: 1) == "}" {
                tag.tokens.append(Token(kind: .end, position: start))
                advance(by: 2)
                return
            }
            if current.isIdentifierStart {
                tag.tokens.append(Token(kind: .identifier(lexIdentifier()), position: start))
            } else if current.isDigit || (current == "-" && scalar(at: 1)?.isDigit == true) {
                tag.tokens.append(Token(kind: .integer(lexInteger(tag: &tag)), position: start))
            } else if current == "\"" || current == "'" {
                let quote = (index: index, line: line, column: column)
                guard let text = lexString(tag: &tag) else {
                    // Resume after the opening quote: the closing delimiter may be inside the string.
                    (index, line, column) = quote
                    advance()
                    _ = recover(tag: &tag, closing: closing)
                    return
                }
                tag.tokens.append(Token(kind: .string(text), position: start))
            } else if let symbol = lexSymbol() {
                tag.tokens.append(Token(kind: symbol, position: start))
            } else if recover(tag: &tag, closing: closing) {
                report(.unexpectedCharacter(Character(current)), at: start)
                return
            } else {
                // No closing delimiter before the next tag: the tag itself was left open.
                report(.unclosedDelimiter(open: opener, close: closer), at: tag.position)
                return
            }
        }
    }

    /// After an error inside a tag: skips past the tag's closing delimiter if it comes before
    /// the next opening one and returns true; otherwise leaves the index where it is, so
    /// lexing goes on with text, and returns false.
    private mutating func recover(tag: inout Tag, closing: Unicode.Scalar) -> Bool {
        tag.isBroken = true
        let start = index
        var cursor = index
        while cursor + 1 < scalars.count {
            let current = scalars[cursor]
            let next = scalars[cursor + 1]
            if current == closing, next == "}" {
                if cursor > start, scalars[cursor - 1] == "-" { trimsNextText = true }
                advance(to: cursor)
                tag.tokens.append(Token(kind: .end, position: position))
                advance(by: 2)
                return true
            }
            if current == "{", next == "{" || next == "%" || next == "#" { break }
            cursor += 1
        }
        tag.tokens.append(Token(kind: .end, position: position))
        return false
    }

    private mutating func lexIdentifier() -> String {
        var name = String.UnicodeScalarView()
        while index < scalars.count, scalars[index].isIdentifierStart || scalars[index].isDigit {
            name.append(scalars[index])
            advance()
        }
        return String(name)
    }

    private mutating func lexInteger(tag: inout Tag) -> Int {
        let start = position
        var digits = ""
        if scalars[index] == "-" {
            digits.unicodeScalars.append("-")
            advance()
        }
        while index < scalars.count, scalars[index].isDigit {
            digits.unicodeScalars.append(scalars[index])
            advance()
        }
        guard let value = Int(digits) else {
            report(.integerTooLarge(digits), at: start)
            tag.isBroken = true
            return 0
        }
        return value
    }

    /// Lexes a quoted string; returns nil (after reporting) when it runs into the end of its line.
    private mutating func lexString(tag: inout Tag) -> String? {
        let start = position
        let quote = scalars[index]
        advance()
        var text = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != "\n" {
            let current = scalars[index]
            if current == quote {
                advance()
                return String(text)
            }
            if current == "\\", let escaped = scalar(at: 1), escaped != "\n" {
                switch escaped {
                case "\"", "'", "\\": text.append(escaped)
                case "n": text.append("\n")
                case "t": text.append("\t")
                default:
                    report(.unknownEscape(Character(escaped)), at: position)
                    tag.isBroken = true
                }
                advance(by: 2)
                continue
            }
            text.append(current)
            advance()
        }
        report(.unterminatedString, at: start)
        return nil
    }

    private mutating func lexSymbol() -> Token.Kind? {
        let kind: Token.Kind
        var length = 1
        switch scalars[index] {
        case ".": kind = .dot
        case ",": kind = .comma
        case ":": kind = .colon
        case "|": kind = .pipe
        case "(": kind = .leftParenthesis
        case ")": kind = .rightParenthesis
        case "=":
            if scalar(at: 1) == "=" {
                kind = .equal
                length = 2
            } else {
                kind = .assign
            }
        case "!":
            guard scalar(at: 1) == "=" else { return nil }
            kind = .notEqual
            length = 2
        case "<":
            kind = scalar(at: 1) == "=" ? .lessOrEqual : .less
            length = scalar(at: 1) == "=" ? 2 : 1
        case ">":
            kind = scalar(at: 1) == "=" ? .greaterOrEqual : .greater
            length = scalar(at: 1) == "=" ? 2 : 1
        default:
            return nil
        }
        advance(by: length)
        return kind
    }
}

extension Unicode.Scalar {
    var isTemplateWhitespace: Bool {
        self == " " || self == "\n" || self == "\t" || self == "\r"
    }

    var isDigit: Bool { ("0"..."9").contains(self) }

    var isIdentifierStart: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_"
    }
}
