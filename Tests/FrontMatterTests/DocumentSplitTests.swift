import FrontMatter
import Testing

/// Cutting a Markdown file into front matter and body.
@Suite struct DocumentSplitTests {
    @Test func frontMatterAndBody() throws {
        let split = try Document.split("---\ntitle: x\nweight: 2\n---\n# Heading\n\nText\n")
        #expect(
            split
                == SplitDocument(
                    frontMatter: "title: x\nweight: 2\n", frontMatterLine: 2, body: "# Heading\n\nText\n", bodyLine: 5))
    }

    @Test func noFrontMatter() throws {
        #expect(
            try Document.split("# Heading\n---\n")
                == SplitDocument(frontMatter: nil, frontMatterLine: 1, body: "# Heading\n---\n", bodyLine: 1))
        #expect(
            try Document.split("") == SplitDocument(frontMatter: nil, frontMatterLine: 1, body: "", bodyLine: 1))
        #expect(
            try Document.split("\n---\na: 1\n---\n")
                == SplitDocument(frontMatter: nil, frontMatterLine: 1, body: "\n---\na: 1\n---\n", bodyLine: 1))
        #expect(
            try Document.split("----\na: 1\n----\n")
                == SplitDocument(frontMatter: nil, frontMatterLine: 1, body: "----\na: 1\n----\n", bodyLine: 1))
        #expect(
            try Document.split("--- a\n")
                == SplitDocument(frontMatter: nil, frontMatterLine: 1, body: "--- a\n", bodyLine: 1))
    }

    @Test func emptyFrontMatterAndEmptyBody() throws {
        #expect(
            try Document.split("---\n---\n")
                == SplitDocument(frontMatter: "", frontMatterLine: 2, body: "", bodyLine: 3))
        #expect(
            try Document.split("---\na: 1\n---")
                == SplitDocument(frontMatter: "a: 1\n", frontMatterLine: 2, body: "", bodyLine: 4))
    }

    @Test func delimitersMayHaveTrailingSpacesAndTabs() throws {
        #expect(
            try Document.split("---  \na: 1\n--- \t\nBody")
                == SplitDocument(frontMatter: "a: 1\n", frontMatterLine: 2, body: "Body", bodyLine: 4))
    }

    @Test func onlyTheFirstClosingLineCounts() throws {
        #expect(
            try Document.split("---\na: 1\n---\nText\n---\nMore\n")
                == SplitDocument(frontMatter: "a: 1\n", frontMatterLine: 2, body: "Text\n---\nMore\n", bodyLine: 4))
    }

    @Test func indentedDashesDoNotClose() throws {
        #expect(
            try Document.split("---\nt: |\n  ---\n---\nB")
                == SplitDocument(frontMatter: "t: |\n  ---\n", frontMatterLine: 2, body: "B", bodyLine: 5))
    }

    @Test func byteOrderMarkAndCRLF() throws {
        #expect(
            try Document.split("\u{FEFF}---\r\na: 1\r\n---\r\nBody\r\n")
                == SplitDocument(frontMatter: "a: 1\r\n", frontMatterLine: 2, body: "Body\r\n", bodyLine: 4))
        #expect(
            try Document.split("\u{FEFF}Body")
                == SplitDocument(frontMatter: nil, frontMatterLine: 1, body: "Body", bodyLine: 1))
        #expect(
            try Document.split("---\ra: 1\r---\rBody")
                == SplitDocument(frontMatter: "a: 1\r", frontMatterLine: 2, body: "Body", bodyLine: 4))
    }

    @Test func unclosedFrontMatterIsAnErrorAtTheOpeningLine() {
        let unclosed = FrontMatterError(position: TextPosition(line: 1, column: 1), reason: .unclosedFrontMatter)
        #expect(throws: unclosed) { try Document.split("---\ntitle: x\n\n# Body") }
        #expect(throws: unclosed) { try Document.split("---") }
        #expect(throws: unclosed) { try Document.split("\u{FEFF}---\r\na: 1\r\n") }
        #expect(
            unclosed.message == "the front matter that starts with '---' is not closed; add a line '---' after it")
    }

    @Test func splitThenParseReportsFileLines() throws {
        let file = "---\ntitle: Hallo\ntags:\n  - a\n  - 2025-02-30\n---\nBody\n"
        let split = try Document.split(file)
        #expect(
            throws: FrontMatterError(position: TextPosition(line: 5, column: 5), reason: .invalidDate("2025-02-30"))
        ) {
            try FrontMatterParser.parse(split.frontMatter ?? "", lineOffset: split.frontMatterLine - 1)
        }
        #expect(outcome("title: Hallo\n", lineOffset: split.frontMatterLine - 1) == #"title@2:1: string "Hallo" @2:8"#)
    }
}
