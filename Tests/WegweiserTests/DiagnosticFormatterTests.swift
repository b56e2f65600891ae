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
        #expect(DiagnosticFormatter.line(4, of: source) == "same line")
        #expect(DiagnosticFormatter.line(5, of: source) == "same line")
        #expect(DiagnosticFormatter.line(1, of: "a\r\nb\r\n") == "a")
        #expect(DiagnosticFormatter.line(2, of: "a\r\nb\r\n") == "b")
        #expect(DiagnosticFormatter.line(9, of: source) == nil)
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
