import Markdown
import Testing

/// An explicit `{#id}` is the id the editor asked for: it is kept exactly, and a heading whose text would give the
/// same id is the one numbered, wherever it is.
@Suite struct HeadingIDCollisionTests {
    private func render(_ source: String, firstLine: Int = 1) -> RenderedMarkdown {
        Markdown.render(source, firstLine: firstLine) { _ in nil }
    }

    /// The bug: `{#kosten}` after an automatic `kosten` was renamed `kosten-1`, and `#kosten` reached the other
    /// heading.
    @Test func explicitIDAfterAutomaticIDKeepsIt() {
        let rendered = render("## Kosten\n\nText.\n\n## Gebühren {#kosten}\n\nSiehe [Gebühren](#kosten).\n")
        #expect(
            rendered.html
                == "<h2 id=\"kosten-1\">Kosten</h2>\n<p>Text.</p>\n<h2 id=\"kosten\">Gebühren</h2>\n"
                + "<p>Siehe <a href=\"#kosten\">Gebühren</a>.</p>\n")
        #expect(
            rendered.headings == [
                MarkdownHeading(level: 2, text: "Kosten", id: "kosten-1", line: 1),
                MarkdownHeading(level: 2, text: "Gebühren", id: "kosten", line: 5),
            ])
        #expect(rendered.duplicateHeadingIDs == [])
    }

    /// An explicit id before a heading with the same text: the explicit keeps it, the later one is numbered.
    @Test func explicitIDBeforeAutomaticIDKeepsIt() {
        let rendered = render("## Gebühren {#kosten}\n\n## Kosten\n")
        #expect(rendered.html == "<h2 id=\"kosten\">Gebühren</h2>\n<h2 id=\"kosten-1\">Kosten</h2>\n")
        #expect(rendered.duplicateHeadingIDs == [])
    }

    /// Numbering skips every explicit id of the document, also those further down.
    @Test func numberedIDsSkipLaterExplicitIDs() {
        let rendered = render("## Gebühren {#kosten}\n\n## Kosten\n\n## Kosten\n\n## Preise {#kosten-1}\n")
        #expect(rendered.headings.map(\.id) == ["kosten", "kosten-2", "kosten-3", "kosten-1"])
        #expect(
            rendered.html
                == "<h2 id=\"kosten\">Gebühren</h2>\n<h2 id=\"kosten-2\">Kosten</h2>\n"
                + "<h2 id=\"kosten-3\">Kosten</h2>\n<h2 id=\"kosten-1\">Preise</h2>\n")
        #expect(rendered.duplicateHeadingIDs == [])
    }

    /// Explicit ids in containers and with closing `#`s count as well.
    @Test func explicitIDsInContainersAreKept() {
        let rendered = render("- ## Kosten\n\n> ## Gebühren {#kosten} ##\n")
        #expect(rendered.headings.map(\.id) == ["kosten-1", "kosten"])
    }

    /// Two headings with the same explicit id: the first keeps it, the second is numbered (ids stay unique) and
    /// reported at its `{#id}`, with the file lines of both.
    @Test func repeatedExplicitIDIsReported() {
        let rendered = render("## Gebühren {#kosten}\n\nText.\n\n## Kosten\n\n## Preise {#kosten}\n", firstLine: 4)
        #expect(rendered.headings.map(\.id) == ["kosten", "kosten-1", "kosten-2"])
        #expect(rendered.headings.map(\.line) == [4, 8, 10])
        #expect(rendered.duplicateHeadingIDs == [DuplicateHeadingID(id: "kosten", line: 10, column: 11, firstLine: 4)])
    }

    /// Every repetition is reported against the first heading; the column counts Unicode scalars and includes
    /// container markers.
    @Test func eachRepetitionIsReportedAgainstTheFirst() {
        let rendered = render("## A {#x}\n\n> ## Gebühr {#x}\n\n## Ü {#x} ##\n")
        #expect(rendered.headings.map(\.id) == ["x", "x-1", "x-2"])
        #expect(
            rendered.duplicateHeadingIDs == [
                DuplicateHeadingID(id: "x", line: 3, column: 13, firstLine: 1),
                DuplicateHeadingID(id: "x", line: 5, column: 6, firstLine: 1),
            ])
    }

    /// A setext heading whose `{#id}` is not on its first line is reported at the heading's start.
    @Test func repeatedIDOnALaterLineIsReportedAtTheHeading() {
        let rendered = render("## A {#x}\n\n  Zwei\n  Zeilen {#x}\n  ===\n")
        #expect(rendered.headings.map(\.id) == ["x", "x-1"])
        #expect(rendered.duplicateHeadingIDs == [DuplicateHeadingID(id: "x", line: 3, column: 3, firstLine: 1)])
    }

    /// Without explicit ids, ids are numbered in document order exactly as before.
    @Test func documentWithoutExplicitIDsIsUnchanged() {
        let rendered = render("## Kosten\n\n## Kosten\n\n## Kosten-1\n\n### Über uns\n\n## Kosten\n\n## !!\n\n## ?\n")
        #expect(
            rendered.html
                == "<h2 id=\"kosten\">Kosten</h2>\n<h2 id=\"kosten-1\">Kosten</h2>\n"
                + "<h2 id=\"kosten-1-1\">Kosten-1</h2>\n<h3 id=\"über-uns\">Über uns</h3>\n"
                + "<h2 id=\"kosten-2\">Kosten</h2>\n<h2 id=\"section\">!!</h2>\n<h2 id=\"section-1\">?</h2>\n")
        #expect(rendered.duplicateHeadingIDs == [])
    }

    /// Numbers go on from the last one given for the same text, past numbers taken by other headings in the
    /// meantime; the smallest free number is still the one given. Both with a few headings (compared in a list)
    /// and after 32 others (in a hashed set, with the next number kept per text).
    @Test(arguments: [0, 32])
    func numbersSkipIDsTakenByOtherHeadings(headingsBefore: Int) {
        let before = (0..<headingsBefore).map { "## Vorher \($0)\n\n" }.joined()
        let rendered = render(
            before + "## Kosten\n\n## Kosten 2\n\n## Kosten\n\n## Kosten\n\n## Kosten 1\n\n## Kosten\n")
        #expect(
            rendered.headings.dropFirst(headingsBefore).map(\.id) == [
                "kosten", "kosten-2", "kosten-1", "kosten-3", "kosten-1-1", "kosten-4",
            ])
    }

    /// Twenty thousand headings with one text get twenty thousand ids. Looking for a free number from 1 and
    /// through every id given so far took cubic time: this document did not finish rendering.
    @Test func manyHeadingsWithTheSameTextAreNumberedInOrder() {
        let rendered = render(String(repeating: "## Gleich\n\n", count: 20_000))
        #expect(rendered.headings.map(\.id) == ["gleich"] + (1..<20_000).map { "gleich-\($0)" })
    }
}
