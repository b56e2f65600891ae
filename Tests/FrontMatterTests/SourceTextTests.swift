import FrontMatter
import Testing

/// Byte order marks, line endings, line offsets and what a column counts.
@Suite struct SourceTextTests {
    @Test func byteOrderMarkIsIgnoredAndNotCounted() {
        #expect(outcome("\u{FEFF}title: x\n") == #"title@1:1: string "x" @1:8"#)
        #expect(outcome("\u{FEFF}") == "")
        #expect(outcome("\u{FEFF}title:x") == "error 1:6: missing space after the colon; write 'title: value'")
    }

    @Test func byteOrderMarkElsewhereIsText() {
        #expect(outcome("a: x\u{FEFF}") == "a@1:1: string \"x\u{FEFF}\" @1:4")
    }

    @Test func crlfLineEndingsEverywhere() {
        let text = "title: x\r\nlist:\r\n  - a\r\n  - \"b\"\r\nt: |\r\n  one\r\n  two\r\n\r\nu: 2025-11-13\r\n"
        #expect(
            outcome(text) == """
                title@1:1: string "x" @1:8
                list@2:1: list @3:3
                  - string "a" @3:5
                  - string "b" @4:5
                t@5:1: string "one\\ntwo\\n" @5:4
                u@9:1: date 2025-11-13 "2025-11-13" @9:4
                """)
        #expect(outcome("a: 1\r\n\tb: 2\r\n") == "error 2:1: tab used for indentation; indent with spaces only")
    }

    @Test func loneCarriageReturnsAndMixedEndingsEndLines() {
        #expect(
            outcome("a: 1\rb: 2\r\nc: 3\n")
                == "a@1:1: integer 1 \"1\" @1:4\nb@2:1: integer 2 \"2\" @2:4\nc@3:1: integer 3 \"3\" @3:4")
    }

    @Test func missingFinalNewlineIsFine() {
        #expect(outcome("a: 1\nb: |\n  x") == "a@1:1: integer 1 \"1\" @1:4\nb@2:1: string \"x\\n\" @2:4")
    }

    @Test func lineOffsetShiftsEveryLineButNoColumn() {
        #expect(
            outcome("a: 1\nb:\n  - x\n", lineOffset: 1) == """
                a@2:1: integer 1 "1" @2:4
                b@3:1: list @4:3
                  - string "x" @4:5
                """)
        #expect(
            outcome("a: 1\n  b: 2\n", lineOffset: 10)
                == "error 12:3: this line is indented as if it belonged to line 11, which already has its value; for text over several lines write 'key: >' and indent the text below"
        )
    }

    @Test func columnsCountUnicodeScalars() {
        #expect(
            outcome("name: العربية\ncity: Düsseldorf\nx: \"😀\" z")
                == "error 3:8: unexpected text after the closing quote; put the whole value inside the quotes")
        #expect(
            outcome("titel: Grüße: 2025-02-30\nü: x")
                == "error 2:1: the key 'ü' contains 'ü'; keys may use only letters a-z, digits, '-', '_' and '.' (if this line is text, put it in quotes)"
        )
        // "e" + combining acute accent is two scalars, so the value starts one column later.
        #expect(outcome("t: [e\u{301}, x]") == "t@1:1: list @1:4\n  - string \"e\u{301}\" @1:5\n  - string \"x\" @1:9")
    }

    @Test func realFrontMatter() throws {
        let text = """
            title: Kommunales Integrationszentrum Dortmund
            concept:
              title: Masterplan Migration/Integration
              url: https://kommunale-integrationszentren-nrw.de/masterplan.pdf
              # The Steckbrief links the concept but gives no date for it.
            founded: 2013-06-13
            focus:
              - title: Integration als Querschnittsaufgabe
                text: >
                  Das Landesprogramm KOMM-AN NRW wird weiterentwickelt, ausgewertet und
                  verbessert.
            tasks:
              - "Mitarbeit im Projekt „Kommunales Konfliktmanagement fördern: Teilhabe“"
              - Den „Courage-Tag“ organisieren
            """
        #expect(
            outcome(text, lineOffset: 1) == """
                title@2:1: string "Kommunales Integrationszentrum Dortmund" @2:8
                concept@3:1: map @4:3
                  title@4:3: string "Masterplan Migration/Integration" @4:10
                  url@5:3: string "https://kommunale-integrationszentren-nrw.de/masterplan.pdf" @5:8
                founded@7:1: date 2013-06-13 "2013-06-13" @7:10
                focus@8:1: list @9:3
                  - map @9:5
                    title@9:5: string "Integration als Querschnittsaufgabe" @9:12
                    text@10:5: string "Das Landesprogramm KOMM-AN NRW wird weiterentwickelt, ausgewertet und verbessert.\\n" @10:11
                tasks@13:1: list @14:3
                  - string "Mitarbeit im Projekt „Kommunales Konfliktmanagement fördern: Teilhabe“" @14:5
                  - string "Den „Courage-Tag“ organisieren" @15:5
                """)
    }
}
