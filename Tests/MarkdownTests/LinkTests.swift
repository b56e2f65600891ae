import Markdown
import Testing

@Test func rewrittenAndKeptDestinations() {
    let source = "[Anmeldung](../ankommen/anmeldung.md) und [Stadt](https://www.duesseldorf.de/)\n"
    var seen: [String] = []
    let rendered = Markdown.render(source) { link in
        seen.append(link.destination)
        return link.destination.hasSuffix(".md") ? "../../ankommen/anmeldung/" : nil
    }
    #expect(seen == ["../ankommen/anmeldung.md", "https://www.duesseldorf.de/"])
    #expect(
        rendered.html
            == "<p><a href=\"../../ankommen/anmeldung/\">Anmeldung</a> und <a href=\"https://www.duesseldorf.de/\">Stadt</a></p>\n"
    )
    #expect(
        rendered.links == [
            MarkdownLink(
                destination: "../ankommen/anmeldung.md", line: 1, column: 1, isImage: false, text: "Anmeldung"),
            MarkdownLink(
                destination: "https://www.duesseldorf.de/", line: 1, column: 43, isImage: false, text: "Stadt"),
        ])
}

@Test func imagesAreRewrittenAndReportAltText() {
    let source = "![Stadtplan mit *Büro*](plan.png \"Plan\") ![](leer.png)\n"
    let rendered = Markdown.render(source) { link in
        link.isImage && link.destination == "plan.png" ? "/assets/plan.png" : nil
    }
    #expect(
        rendered.html
            == "<p><img src=\"/assets/plan.png\" alt=\"Stadtplan mit Büro\" title=\"Plan\" /> <img src=\"leer.png\" alt=\"\" /></p>\n"
    )
    #expect(
        rendered.links == [
            MarkdownLink(destination: "plan.png", line: 1, column: 1, isImage: true, text: "Stadtplan mit Büro"),
            MarkdownLink(destination: "leer.png", line: 1, column: 42, isImage: true, text: ""),
        ])
}

@Test func referenceLinksAutolinksAndEscapes() {
    let source = """
        Siehe [das Amt][amt], <https://example.org/a?b=1&c=2> und <info@example.org>.
        [Datei](ordner/mein\\_plan.md#kosten) [Leer]()

        [amt]: /de/amt/ "Amt"
        """
    let rendered = Markdown.render(source) { _ in nil }
    #expect(
        rendered.links.map(\.destination) == [
            "/de/amt/", "https://example.org/a?b=1&c=2", "mailto:info@example.org", "ordner/mein_plan.md#kosten", "",
        ])
    #expect(
        rendered.links.map(\.text) == ["das Amt", "https://example.org/a?b=1&c=2", "info@example.org", "Datei", "Leer"])
    #expect(rendered.links.map(\.column) == [7, 23, 59, 1, 38])
}

@Test func linkInsideLinkTextImageIsReportedTwice() {
    let rendered = Markdown.render("[![Logo](logo.png) Startseite](/de/)\n") { _ in nil }
    #expect(
        rendered.links == [
            MarkdownLink(destination: "/de/", line: 1, column: 1, isImage: false, text: "Logo Startseite"),
            MarkdownLink(destination: "logo.png", line: 1, column: 2, isImage: true, text: "Logo"),
        ])
    #expect(rendered.html == "<p><a href=\"/de/\"><img src=\"logo.png\" alt=\"Logo\" /> Startseite</a></p>\n")
}

@Test func javascriptLinkIsMadeEmpty() {
    let rendered = Markdown.render("[Klick](javascript:alert(1)) ![x](vbscript:y)\n") { _ in nil }
    #expect(rendered.html == "<p><a href=\"\">Klick</a> <img src=\"\" alt=\"x\" /></p>\n")
    #expect(rendered.links.map(\.destination) == ["javascript:alert(1)", "vbscript:y"])
}

@Test func rewrittenJavascriptDestinationIsStillDropped() {
    let rendered = Markdown.render("[a](b.md)\n") { _ in "javascript:evil()" }
    #expect(rendered.html == "<p><a href=\"\">a</a></p>\n")
}

@Test func rewrittenDestinationIsEscaped() {
    let rendered = Markdown.render("[a](b.md)\n") { _ in "/x/\"><script>ö" }
    #expect(rendered.html == "<p><a href=\"/x/%22%3E%3Cscript%3E%C3%B6\">a</a></p>\n")
}

@Test func quotesStayAsTyped() {
    let rendered = Markdown.render("„Willkommen“ -- \"hier\" ...\n") { _ in nil }
    #expect(rendered.html == "<p>„Willkommen“ -- &quot;hier&quot; ...</p>\n")
}

@Test func outputHasNoSourcePositions() {
    let rendered = Markdown.render("# T\n\n> [a](b)\n\n- x\n\n```\ncode\n```\n") { _ in nil }
    #expect(
        rendered.html
            == "<h1 id=\"t\">T</h1>\n<blockquote>\n<p><a href=\"b\">a</a></p>\n</blockquote>\n<ul>\n<li>x</li>\n</ul>\n<pre><code>code\n</code></pre>\n"
    )
    #expect(!rendered.html.contains("data-sourcepos"))
}

@Test func emptyBody() {
    let rendered = Markdown.render("", firstLine: 4) { _ in nil }
    #expect(rendered == RenderedMarkdown(html: "", headings: [], links: [], droppedRawHTML: []))
}

/// `width` and `height` go into the tag of each image whose `src`, after rewriting, has a size; an image inside
/// another image's text is only alt text, and the same file twice gets its size twice.
@Test func imagesGetTheirSizeBySource() {
    let source = """
        ![Plan](plan.png) and ![Karte ![klein](plan.png)](karte.png) and `<img src="plan.png">`

        [![Plan](plan.png)](plan.png) ![Foto](foto.jpg "Titel") ![Q](foto.jpg?a=1&b=2)
        """
    let sizes = ["neu/plan.png": (300, 200), "foto.jpg": (40, 30), "foto.jpg?a=1&b=2": (4, 3)]
    let rendered = Markdown.render(
        source, imageSize: { sizes[$0] },
        rewriteLink: { link in link.destination == "plan.png" ? "neu/plan.png" : nil })
    #expect(
        rendered.html == """
            <p><img src="neu/plan.png" width="300" height="200" alt="Plan" /> and \
            <img src="karte.png" alt="Karte klein" /> and <code>&lt;img src=&quot;plan.png&quot;&gt;</code></p>
            <p><a href="neu/plan.png"><img src="neu/plan.png" width="300" height="200" alt="Plan" /></a> \
            <img src="foto.jpg" width="40" height="30" alt="Foto" title="Titel" /> \
            <img src="foto.jpg?a=1&amp;b=2" width="4" height="3" alt="Q" /></p>

            """)
}
