import FrontMatter
import Testing

/// `|` literal and `>` folded block strings with chomping.
@Suite struct BlockStringTests {
    @Test func literalKeepsLineBreaks() {
        let text = """
            text: |
              line one
              line two

              after blank
            next: x
            """
        #expect(
            outcome(text) == """
                text@1:1: string "line one\\nline two\\n\\nafter blank\\n" @1:7
                next@6:1: string "x" @6:7
                """)
    }

    @Test func foldedJoinsLinesAndKeepsParagraphsAndIndentedLines() {
        let text = """
            text: >
              Gemeinsam mit
              Verwaltung.

              Neuer Absatz
                eingerückt
              weiter
            """
        #expect(
            outcome(text) == #"text@1:1: string "Gemeinsam mit Verwaltung.\nNeuer Absatz\n  eingerückt\nweiter\n" @1:7"#
        )
    }

    @Test func foldedWithSeveralEmptyLines() {
        #expect(
            outcome("t: >\n  a\n  b\n\n\n  c\n")
                == #"t@1:1: string "a b\n\nc\n" @1:4"#)
    }

    @Test func chomping() {
        let text = """
            a: |-
              x
            b: |+
              y

            c: >-
              p
              q
            d: |
            e: >+
            f: end
            """
        #expect(
            outcome(text) == """
                a@1:1: string "x" @1:4
                b@3:1: string "y\\n\\n" @3:4
                c@6:1: string "p q" @6:4
                d@9:1: string "" @9:4
                e@10:1: string "" @10:4
                f@11:1: string "end" @11:4
                """)
    }

    @Test func keepWithOnlyEmptyLinesKeepsThem() {
        #expect(outcome("t: |+\n\n\nu: 1\n") == "t@1:1: string \"\\n\\n\" @1:4\nu@4:1: integer 1 \"1\" @4:4")
    }

    @Test func indentationComesFromTheFirstNonEmptyLine() {
        let text = "t: |\n\n    indented four\n      six\n    four\nu: 1\n"
        #expect(
            outcome(text) == """
                t@1:1: string "\\nindented four\\n  six\\nfour\\n" @1:4
                u@6:1: integer 1 "1" @6:4
                """)
    }

    @Test func contentIsNotParsed() {
        let text = "t: |\n  # not a comment\n  a # b: c\n  - [x\n  \"q\nu: 1\n"
        #expect(
            outcome(text) == """
                t@1:1: string "# not a comment\\na # b: c\\n- [x\\n\\"q\\n" @1:4
                u@6:1: integer 1 "1" @6:4
                """)
    }

    @Test func whitespaceOnlyLinesCountAsEmptyAndTabsAfterTheIndentationAreText() {
        #expect(outcome("t: |\n  a\n      \n  \tb\n") == #"t@1:1: string "a\n\n\tb\n" @1:4"#)
    }

    @Test func headerWithComment() {
        #expect(outcome("t: >- # folded\n  a\n  b\n") == #"t@1:1: string "a b" @1:4"#)
    }

    @Test func blockStringsInLists() {
        let text = """
            focus:
              - |
                text
              - title: T
                text: >
                  folded
                  lines
            """
        #expect(
            outcome(text) == """
                focus@1:1: list @2:3
                  - string "text\\n" @2:5
                  - map @4:5
                    title@4:5: string "T" @4:12
                    text@5:5: string "folded lines\\n" @5:11
                """)
    }

    @Test func blockStringContentMustBeIndentedDeeperThanItsKey() {
        #expect(
            outcome("a:\n  t: |\n  x: 1\n")
                == "a@1:1: map @2:3\n  t@2:3: string \"\" @2:6\n  x@3:3: integer 1 \"1\" @3:6")
        #expect(
            outcome("t: |\n    four\n  two\n")
                == "error 3:3: this line is indented 2 spaces where 0 are expected; indent the keys of one map and the items of one list exactly alike"
        )
        #expect(outcome("t: |\n\tx\n") == "error 2:1: tab used for indentation; indent with spaces only")
    }

    @Test(arguments: [
        (
            "t: |x",
            "error 1:5: only '-' or '+' may follow '|' or '>' on its line; put the text on the lines below, indented"
        ),
        (
            "t: |2\n   x",
            "error 1:5: only '-' or '+' may follow '|' or '>' on its line; put the text on the lines below, indented"
        ),
        (
            "t: >-+",
            "error 1:6: only '-' or '+' may follow '|' or '>' on its line; put the text on the lines below, indented"
        ),
        (
            "t: | text",
            "error 1:6: only '-' or '+' may follow '|' or '>' on its line; put the text on the lines below, indented"
        ),
        (
            "t: |#x",
            "error 1:5: only '-' or '+' may follow '|' or '>' on its line; put the text on the lines below, indented"
        ),
    ])
    func headerErrors(text: String, expected: String) {
        #expect(outcome(text) == expected)
    }
}
