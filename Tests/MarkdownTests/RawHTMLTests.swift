import Markdown
import Testing

@Test func rawHTMLBlockIsDroppedAndReported() {
    let source = "Text\n\n<script>alert(1)</script>\n\nMehr\n"
    let rendered = Markdown.render(source, firstLine: 4) { _ in nil }
    #expect(rendered.html == "<p>Text</p>\n<!-- raw HTML omitted -->\n<p>Mehr</p>\n")
    #expect(rendered.droppedRawHTML == [6])
}

@Test func inlineRawHTMLIsDroppedAndReportedOncePerLine() {
    let source = "Ein <b>fetter</b> Satz\nund <span\nstyle=\"x\">hier</span>.\n"
    let rendered = Markdown.render(source) { _ in nil }
    #expect(
        rendered.html
            == "<p>Ein <!-- raw HTML omitted -->fetter<!-- raw HTML omitted --> Satz\n"
            + "und <!-- raw HTML omitted -->hier<!-- raw HTML omitted -->.</p>\n")
    #expect(rendered.droppedRawHTML == [1, 2, 3])
}

@Test func rawHTMLInContainersIsReported() {
    let source = "> <div>\n> x\n\n- a <br> b\n"
    let rendered = Markdown.render(source) { _ in nil }
    #expect(
        rendered.html
            == "<blockquote>\n<!-- raw HTML omitted -->\n</blockquote>\n<ul>\n<li>a <!-- raw HTML omitted --> b</li>\n</ul>\n"
    )
    #expect(rendered.droppedRawHTML == [1, 4])
}

@Test func htmlCommentsAreDroppedButNotReported() {
    let source = "<!-- TODO: übersetzen -->\n\nText <!-- Notiz --> hier.\n\n<!--\nNotiz über\nzwei Zeilen\n-->\n"
    let rendered = Markdown.render(source) { _ in nil }
    #expect(
        rendered.html
            == "<!-- raw HTML omitted -->\n<p>Text <!-- raw HTML omitted --> hier.</p>\n<!-- raw HTML omitted -->\n")
    #expect(rendered.droppedRawHTML == [])
}

@Test func commentFollowedByMarkupIsReported() {
    let rendered = Markdown.render("<!-- a --><iframe src=\"x\"></iframe>\n") { _ in nil }
    #expect(rendered.html == "<!-- raw HTML omitted -->\n")
    #expect(rendered.droppedRawHTML == [1])
}

@Test func escapedOrCodeHTMLIsNotRawHTML() {
    let rendered = Markdown.render("\\<b> und `<b>`\n\n    <div>\n") { _ in nil }
    #expect(rendered.html == "<p>&lt;b&gt; und <code>&lt;b&gt;</code></p>\n<pre><code>&lt;div&gt;\n</code></pre>\n")
    #expect(rendered.droppedRawHTML == [])
}
