import Markdown
import Testing

private func render(_ source: String) -> RenderedMarkdown {
    Markdown.render(source) { _ in nil }
}

@Test func headingGetsSlugIDInHTML() {
    let rendered = render("## Gebühren und Kosten\n\nText.\n")
    #expect(rendered.html == "<h2 id=\"gebühren-und-kosten\">Gebühren und Kosten</h2>\n<p>Text.</p>\n")
    #expect(
        rendered.headings == [
            MarkdownHeading(level: 2, text: "Gebühren und Kosten", id: "gebühren-und-kosten", line: 1)
        ])
}

@Test func arabicHeadingKeepsArabicID() {
    let rendered = render("# الرسوم والتكاليف\n")
    #expect(rendered.html == "<h1 id=\"الرسوم-والتكاليف\">الرسوم والتكاليف</h1>\n")
    #expect(rendered.headings.map(\.id) == ["الرسوم-والتكاليف"])
}

@Test func cyrillicHeadingIsLowercased() {
    let rendered = render("### Оплата і Витрати\n")
    #expect(rendered.html == "<h3 id=\"оплата-і-витрати\">Оплата і Витрати</h3>\n")
}

@Test func duplicateHeadingsGetNumberedIDs() {
    let rendered = render("## Kosten\n\n## Kosten\n\n## Kosten-1\n\n## Kosten\n")
    #expect(
        rendered.html
            == "<h2 id=\"kosten\">Kosten</h2>\n<h2 id=\"kosten-1\">Kosten</h2>\n"
            + "<h2 id=\"kosten-1-1\">Kosten-1</h2>\n<h2 id=\"kosten-2\">Kosten</h2>\n")
}

@Test func explicitIDSetsIDAndIsRemovedFromText() {
    let rendered = render("## Gebühren {#kosten}\n")
    #expect(rendered.html == "<h2 id=\"kosten\">Gebühren</h2>\n")
    #expect(rendered.headings == [MarkdownHeading(level: 2, text: "Gebühren", id: "kosten", line: 1)])
}

@Test func explicitIDWithUnderscoreAndClosingHashes() {
    // cmark splits text at `_`, so the id spans several text nodes.
    let rendered = render("## الرسوم {#fees_and-costs_2} ##\n")
    #expect(rendered.html == "<h2 id=\"fees_and-costs_2\">الرسوم</h2>\n")
    #expect(rendered.headings.map(\.text) == ["الرسوم"])
}

@Test func explicitIDAfterEmphasis() {
    let rendered = render("# *Wichtig* {#wichtig}\n")
    #expect(rendered.html == "<h1 id=\"wichtig\"><em>Wichtig</em></h1>\n")
    #expect(rendered.headings.map(\.text) == ["Wichtig"])
}

@Test func malformedExplicitIDStaysText() {
    let rendered = render("## Kosten {#kos ten}\n\n## Preis {#}\n")
    #expect(
        rendered.html
            == "<h2 id=\"kosten-kos-ten\">Kosten {#kos ten}</h2>\n<h2 id=\"preis\">Preis {#}</h2>\n")
}

@Test func duplicateExplicitIDIsNumbered() {
    let rendered = render("## A {#x}\n\n## B {#x}\n")
    #expect(rendered.headings.map(\.id) == ["x", "x-1"])
}

@Test func setextHeadingAndHeadingsInContainers() {
    let rendered = render("Über uns\n========\n\n> ## Zitat\n\n- ### In einer Liste\n")
    #expect(
        rendered.html
            == "<h1 id=\"über-uns\">Über uns</h1>\n<blockquote>\n<h2 id=\"zitat\">Zitat</h2>\n</blockquote>\n"
            + "<ul>\n<li>\n<h3 id=\"in-einer-liste\">In einer Liste</h3>\n</li>\n</ul>\n")
    #expect(rendered.headings.map(\.line) == [1, 4, 6])
}

@Test func headingTextIsPlainWithCodeAndLinks() {
    let rendered = render("## Das `Formular` [hier](a.md) & **dort**\n")
    #expect(rendered.headings.map(\.text) == ["Das Formular hier & dort"])
    #expect(rendered.headings.map(\.id) == ["das-formular-hier-dort"])
}

@Test func headingLinesCountFromFirstLine() {
    let rendered = Markdown.render("Text\n\n## Zwei\n\n# Drei\n", firstLine: 5) { _ in nil }
    #expect(rendered.headings.map(\.line) == [7, 9])
    #expect(rendered.headings.map(\.level) == [2, 1])
}

@Test func headingLikeTextInCodeIsNotGivenAnID() {
    // Only real headings get ids; `<h2>` typed in code is escaped.
    let rendered = render("`<h2>`\n\n    <h1>\n\n## Echt\n")
    #expect(
        rendered.html
            == "<p><code>&lt;h2&gt;</code></p>\n<pre><code>&lt;h1&gt;\n</code></pre>\n<h2 id=\"echt\">Echt</h2>\n")
}
