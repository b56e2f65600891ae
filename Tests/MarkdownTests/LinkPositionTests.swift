import Markdown
import Testing

/// "line:column" of every link, image and autolink in `source`.
private func positions(_ source: String, firstLine: Int = 1) -> [String] {
    Markdown.render(source, firstLine: firstLine) { _ in nil }.links.map { "\($0.line):\($0.column)" }
}

@Test func positionsAddFirstLine() {
    #expect(positions("Text [a](x) mehr\n\n[b](y)\n", firstLine: 7) == ["7:6", "9:1"])
}

@Test func positionsInMultiLineParagraph() {
    let source = """
        Erste Zeile mit [a](x)
          eingerückt [b](y) und *betont [c](z)*
        \tTab [d](w)
        """
    #expect(positions(source) == ["1:17", "2:14", "2:33", "3:6"])
}

@Test func positionsCountCharactersNotBytes() {
    let source = "Gebühr für Übersetzung: [Formular](f.md) 👋 ![Bild](b.png)\nالعربية [رابط](ar.md)\n"
    #expect(positions(source) == ["1:25", "1:44", "2:9"])
}

@Test func positionsInBlockQuotes() {
    let source = """
        > Zitat [a](x)
        > weiter [b](y)
        faul [c](z)
        > > innen
        > >    tief [d](w)
        """
    #expect(positions(source) == ["1:9", "2:10", "3:6", "5:13"])
}

@Test func positionsInLists() {
    let source = """
        - Punkt [a](x)
          Fortsetzung [b](y)

          Absatz [c](z)
        10. Nummer
            mit [d](w)
        - > zitiert [e](v)
        """
    #expect(positions(source) == ["1:9", "2:15", "4:10", "6:9", "7:13"])
}

@Test func positionsInHeadings() {
    let source = """
        ## Titel [a](x) ##
        Setext [b](y)
          zweite [c](z)
        ---
        """
    #expect(positions(source) == ["1:10", "2:8", "3:10"])
}

@Test func positionOfLinkWhoseTextSpansLines() {
    let source = """
        Ein [langer
        Link](x) und ![ein
          Bild](y)
        """
    #expect(positions(source) == ["1:5", "2:14"])
}

@Test func positionsAfterLineBreakInDestinationOrTitle() {
    let source = """
        [a](
        /ziel) [b](y "Titel
        geht weiter") [c](z)
        am Ende [d](w)
        """
    #expect(positions(source) == ["1:1", "2:8", "3:15", "4:9"])
}

@Test func positionsAfterReferenceDefinitionsInParagraph() {
    let source = """
        [amt]: /amt/
        [b]: /b/
        Text [Amt][amt] und [b]
        """
    #expect(positions(source) == ["3:6", "3:21"])
}

@Test func positionsAfterCodeSpanAndRawHTMLOverLines() {
    let source = """
        `Code
        über Zeilen` [a](x) <span
        class="c"> [b](y)
        """
    #expect(positions(source) == ["2:14", "3:12"])
}

@Test func positionsAfterCRLFLineEndings() {
    #expect(positions("Zeile [a](x)\r\n  zwei [b](y)\r\n\r\n[c](z)\r\n") == ["1:7", "2:8", "4:1"])
}

@Test func autolinkPositionsInsideContainers() {
    // cmark leaves the block's indent out of an autolink's column.
    #expect(positions("- Gebühr <https://a.de>\n  > <info@b.de>\n") == ["1:10", "2:5"])
}

@Test func positionsOnLazyIndentedLineAfterBreakInDestination() {
    // The second line continues the quote lazily: its indent is content.
    let source = """
        > Text [a](
          /ziel) [b](y)
        """
    #expect(positions(source) == ["1:8", "2:10"])
}

@Test func positionsInListItemsWithWidePaddingAndTabs() {
    let source = "-   weit [a](x)\n    weiter [b](y)\n\n1.\tTab [c](z)\n\tfolgt [d](w)\n"
    #expect(positions(source) == ["1:10", "2:12", "4:8", "5:8"])
}

/// A paragraph that starts with a reference definition, then runs on over hundreds of line breaks inside link
/// destinations (which cmark does not count): every link is at its bracket. Finding the definition's lines used to
/// walk every link once for each line the paragraph could start with, and each link's line was found by crossing
/// every line before it again.
@Test func positionsAfterManyLineBreaksInDestinations() {
    let count = 600
    let source = "[r]: /x\n" + (0..<count).map { "[a](\n/u\($0)) " }.joined() + "\n"
    let expected = ["2:1"] + (1..<count).map { "\($0 + 2):\("/u\($0 - 1)) ".utf8.count + 1)" }
    #expect(positions(source) == expected)
}

/// Hundreds of lines in one paragraph, each with a line break inside a link's destination: each link is at its
/// bracket on its own line.
@Test func positionsAfterALineBreakInADestinationOnEveryLine() {
    let count = 600
    let source = "Text\n" + (0..<count).map { "[a](\n/u\($0))\n" }.joined()
    #expect(positions(source) == (0..<count).map { "\(2 + 2 * $0):1" })
}

/// Thousands of images nested in a link, each inside the one before: each is at its `!`. Each image's start was
/// worked out again through every image inside it.
@Test func positionsOfDeeplyNestedImages() {
    let depth = 3000
    let source =
        "[" + String(repeating: "![", count: depth) + "x" + String(repeating: "](u.png)", count: depth) + "](v)\n"
    #expect(positions(source) == ["1:1"] + (0..<depth).map { "1:\(2 + 2 * $0)" })
}

/// A line break written `\` at a line's end is not counted by cmark either: a paragraph that starts with a
/// reference definition and has one places a link after it on its own line. (A filter that kept paragraphs with
/// thousands of line breaks linear placed it a line too high.)
@Test func positionsAfterReferenceDefinitionAndBackslashLineBreak() {
    #expect(positions("[r1]: nope.md\nAnschrift:\\\nHauptstr. 1\n[Karte](nope2.md)\n") == ["4:1"])
}
