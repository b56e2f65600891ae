import Testing

@testable import Wegweiser

@Suite struct DiagnosticFormatterTests {
    let source = "---\ntitle: A\n---\nsame line\nsame line\n"

    @Test func formatsLikeACompilerWithCaret() {
        let formatter = DiagnosticFormatter(sources: ["content/de/a.md": source])
        let diagnostic = Diagnostic(file: "content/de/a.md", line: 5, column: 6, message: "something is wrong")
        #expect(
            formatter.format(diagnostic) == """
                content/de/a.md:5:6: error: something is wrong
                 5 | same line
                   |      ^

                """)
    }

    @Test func findsLinesByNumberNotByText() {
        let formatter = DiagnosticFormatter(sources: ["a.md": source, "crlf.md": "a\r\nb\r\n", "cr.md": "a\rb"])
        #expect(
            formatter.format(Diagnostic(file: "a.md", line: 4, column: 1, message: "m")).contains(" 4 | same line\n"))
        #expect(
            formatter.format(Diagnostic(file: "a.md", line: 5, column: 1, message: "m")).contains(" 5 | same line\n"))
        #expect(formatter.format(Diagnostic(file: "crlf.md", line: 2, column: 1, message: "m")).contains(" 2 | b\n"))
        #expect(formatter.format(Diagnostic(file: "cr.md", line: 2, column: 1, message: "m")).contains(" 2 | b\n"))
        #expect(formatter.format(Diagnostic(file: "a.md", line: 9, column: 1, message: "m")) == "a.md:9:1: error: m\n")
    }

    @Test func longLinesAreShownAroundTheColumn() {
        let line = String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300)
        let formatter = DiagnosticFormatter(sources: ["long.md": line])
        let printed = formatter.format(Diagnostic(file: "long.md", line: 1, column: 301, message: "here"))
        let window = "…" + String(repeating: "a", count: 60) + "X" + String(repeating: "b", count: 59) + "…"
        #expect(printed == "long.md:1:301: error: here\n 1 | \(window)\n   | \(String(repeating: " ", count: 61))^\n")
    }

    /// The window is counted in Unicode scalars, as columns are; the caret goes under the character at the
    /// column, one space for each character before it as a terminal shows it (a letter with a combining mark is
    /// one), and a control character in the window is shown as its picture.
    @Test func columnsAreScalarsAndTheCaretCountsCharacters() {
        let line = "e\u{301}" + String(repeating: "a", count: 3) + "X\u{1B}"
        let formatter = DiagnosticFormatter(sources: ["m.md": line])
        #expect(
            formatter.format(Diagnostic(file: "m.md", line: 1, column: 6, message: "m"))
                == "m.md:1:6: error: m\n 1 | e\u{301}aaaX\u{241B}\n   |     ^\n")
    }

    /// A problem at the end of a long line shows the last part of the line, cut only at the front.
    @Test func longLineEndIsShownInFull() {
        let line = String(repeating: "a", count: 200) + "Z"
        let formatter = DiagnosticFormatter(sources: ["e.md": line])
        let printed = formatter.format(Diagnostic(file: "e.md", line: 1, column: 202, message: "m"))
        let window = "…" + String(repeating: "a", count: 119) + "Z"
        #expect(printed == "e.md:1:202: error: m\n 1 | \(window)\n   | \(String(repeating: " ", count: 121))^\n")
    }

    @Test func withoutSourceOnlyTheFirstLine() {
        let diagnostic = Diagnostic(file: "x.md", line: 1, column: 1, severity: .warning, message: "careful")
        #expect(DiagnosticFormatter().format(diagnostic) == "x.md:1:1: warning: careful\n")
    }

    @Test func githubAnnotationEscapesItsSeparators() {
        let diagnostic = Diagnostic(file: "content/de/a,b.md", line: 3, column: 2, message: "50% wrong\nreally")
        #expect(
            DiagnosticFormatter().annotation(diagnostic)
                == "::error file=content/de/a%2Cb.md,line=3,col=2::50%25 wrong%0Areally\n")
    }
}
