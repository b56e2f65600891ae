import Testing

@testable import Templates

@Suite struct LexerTests {
    private func lex(_ source: String) -> Lexer.Result {
        Lexer.lex(source, template: "t.html")
    }

    private func position(_ line: Int, _ column: Int) -> TemplatePosition {
        TemplatePosition(line: line, column: column)
    }

    @Test func textAndTagsWithPositions() {
        let result = lex("<h1>{{ page.title }}</h1>\n{% if x %}")
        #expect(result.errors == [])
        #expect(
            result.segments == [
                .text("<h1>", position(1, 1)),
                .output(
                    Tag(
                        tokens: [
                            Token(kind: .identifier("page"), position: position(1, 8)),
                            Token(kind: .dot, position: position(1, 12)),
                            Token(kind: .identifier("title"), position: position(1, 13)),
                            Token(kind: .end, position: position(1, 19)),
                        ],
                        position: position(1, 5), isBroken: false)),
                .text("</h1>\n", position(1, 21)),
                .statement(
                    Tag(
                        tokens: [
                            Token(kind: .identifier("if"), position: position(2, 4)),
                            Token(kind: .identifier("x"), position: position(2, 7)),
                            Token(kind: .end, position: position(2, 9)),
                        ],
                        position: position(2, 1), isBroken: false)),
            ])
    }

    @Test func columnsCountUnicodeScalars() {
        // "ü", "ع" and "👋" are one column each; the Arabic vowel sign after "ع" is a
        // scalar of its own and counts as one more.
        let result = lex("Grüße عَ 👋 {{ x }}")
        guard case .output(let tag) = result.segments.last else {
            Issue.record("expected an output tag, got \(result.segments)")
            return
        }
        #expect(tag.position == position(1, 12))
        #expect(tag.tokens.first?.position == position(1, 15))
    }

    @Test func lineStartsAreCountedNotSearched() {
        // Two identical lines: the second tag must be reported on line 2, not line 1.
        let result = lex("{{ a }}\n{{ a }}")
        #expect(result.segments.count == 3)
        guard case .output(let second) = result.segments[2] else {
            Issue.record("expected an output tag, got \(result.segments[2])")
            return
        }
        #expect(second.position == position(2, 1))
    }

    @Test func everyTokenKind() {
        let result = lex(#"{% a "s\"\\" 'q\'' 42 -7 . , : | ( ) = == != < <= > >= %}"#)
        guard case .statement(let tag) = result.segments.first else {
            Issue.record("expected a statement, got \(result.segments)")
            return
        }
        #expect(
            tag.tokens.map(\.kind) == [
                .identifier("a"), .string("s\"\\"), .string("q'"), .integer(42), .integer(-7), .dot, .comma, .colon,
                .pipe, .leftParenthesis, .rightParenthesis, .assign, .equal, .notEqual, .less, .lessOrEqual, .greater,
                .greaterOrEqual, .end,
            ])
        #expect(result.errors == [])
    }

    @Test func commentsAreDroppedAndMaySpanLines() {
        let result = lex("a{# one\n {{ not a tag }} #}b")
        #expect(result.segments == [.text("a", position(1, 1)), .text("b", position(2, 20))])
    }

    @Test func whitespaceControlTrimsNewlinesOnBothSides() {
        let result = lex("a \n {%- x -%} \n b {{- y }} c {#- z -#}\n d")
        #expect(result.segments.count == 6)
        #expect(result.segments[0] == .text("a", position(1, 1)))
        #expect(result.segments[2] == .text("b", position(3, 2)))
        #expect(result.segments[4] == .text(" c", position(3, 13)))
        #expect(result.segments[5] == .text("d", position(4, 2)))
    }

    @Test func whitespaceOnlyTextKeepsItsPosition() {
        let result = lex("{{ a }}  \n{{ b }}")
        #expect(result.segments[1] == .text("  \n", position(2, 1)))
    }

    @Test func unclosedOutputAtEndOfInput() {
        let result = lex("ok {{ page.title")
        #expect(result.errors.map(\.description) == ["t.html:1:4: `{{` at 1:4 is never closed; add }}"])
        #expect(result.isTruncated)
    }

    @Test func unclosedTagFollowedByTextResumesLexing() {
        // `}` alone is not a closing delimiter; the text after it is still text.
        let result = lex("<h1>{{ page.title }</h1>\n{{ b }}")
        #expect(result.errors.map(\.description) == ["t.html:1:5: `{{` at 1:5 is never closed; add }}"])
        #expect(!result.isTruncated)
        #expect(result.segments.count == 4)
        #expect(result.segments[2] == .text("}</h1>\n", position(1, 19)))
    }

    @Test func unexpectedCharacterInAClosedTag() {
        let result = lex("{{ a ; b }} after")
        #expect(result.errors.map(\.description) == ["t.html:1:6: unexpected character `;` in tag"])
        // A text's position is that of its first visible character.
        #expect(result.segments.last == .text(" after", position(1, 13)))
        guard case .output(let tag) = result.segments.first else {
            Issue.record("expected an output tag")
            return
        }
        #expect(tag.isBroken)
    }

    @Test func unclosedStatementAndComment() {
        #expect(
            lex("{% if x\n").errors.map(\.description) == ["t.html:1:1: `{%` at 1:1 is never closed; add %}"])
        #expect(
            lex("a\n  {# note").errors.map(\.description) == ["t.html:2:3: `{#` at 2:3 is never closed; add #}"])
    }

    @Test func unterminatedStringEndsAtTheLine() {
        let result = lex("{% include \"a.html %}\nnext")
        #expect(
            result.errors.map(\.description) == [
                "t.html:1:12: string is never closed; add the closing quote before the end of the line"
            ])
        #expect(result.segments.last == .text("\nnext", position(2, 1)))
    }

    @Test func unknownEscapeAndHugeInteger() {
        #expect(
            lex(#"{{ "a\qb" }}"#).errors.map(\.description) == [
                #"t.html:1:6: unknown escape `\q` in string; write \\ for a backslash"#
            ])
        #expect(
            lex("{{ 99999999999999999999 }}").errors.map(\.description) == [
                "t.html:1:4: number 99999999999999999999 is too large"
            ])
    }

    @Test func lonelyBraceIsText() {
        let result = lex("a { b } c %} d #}")
        #expect(result.segments == [.text("a { b } c %} d #}", position(1, 1))])
        #expect(result.errors == [])
    }
}
