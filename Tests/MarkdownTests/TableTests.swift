import Testing

@testable import Markdown

/// Tables in GitHub's notation: a row of cells over a row of dashes, then rows of data; each cell is a line of
/// inline Markdown whose links and addresses are found at their place in the file.
@Suite struct TableTests {
    private func render(_ source: String, firstLine: Int = 1, links: inout [MarkdownLink]) -> RenderedMarkdown {
        var seen: [MarkdownLink] = []
        let rendered = Markdown.render(source, firstLine: firstLine) { link in
            seen.append(link)
            return link.destination == "kurs.md" ? "../kurs/" : nil
        }
        links = seen
        return rendered
    }

    @Test func rowsCellsAndAlignment() {
        var links: [MarkdownLink] = []
        let rendered = render(
            """
            | Tag | Zeit | Preis |
            |:----|:----:|------:|
            | Montag | 9–12 | [Kurs](kurs.md) |
            Dienstag \\| Mittwoch | *14–16* | 5 € | zu viel
            | nur eins

            """, firstLine: 5, links: &links)
        #expect(
            rendered.html == """
                <div class="table-scroll" role="region" tabindex="0" aria-label="Tag, Zeit, Preis">
                <table>
                <thead>
                <tr>
                <th scope="col">Tag</th>
                <th scope="col" class="align-center">Zeit</th>
                <th scope="col" class="align-end">Preis</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>Montag</td>
                <td class="align-center">9–12</td>
                <td class="align-end"><a href="../kurs/">Kurs</a></td>
                </tr>
                <tr>
                <td>Dienstag | Mittwoch</td>
                <td class="align-center"><em>14–16</em></td>
                <td class="align-end">5 €</td>
                </tr>
                <tr>
                <td>nur eins</td>
                <td class="align-center"></td>
                <td class="align-end"></td>
                </tr>
                </tbody>
                </table>
                </div>

                """)
        #expect(links == [MarkdownLink(destination: "kurs.md", line: 7, column: 19, isImage: false, text: "Kurs")])
        #expect(rendered.pipeTables == [])
    }

    /// A cell holds a line of text: what would start a heading, a list, a quote or a reference definition in a
    /// paragraph shows as written; a bold cell is not taken for a heading made in a word processor.
    @Test func cellsAreInlineText() {
        var links: [MarkdownLink] = []
        let rendered = render(
            """
            | # 1 | - Kita | 1. Stock | > 3 | [a]: /b | **Montag** |
            |---|---|---|---|---|---|

            """, links: &links)
        #expect(
            rendered.html.contains(
                "<th scope=\"col\"># 1</th>\n<th scope=\"col\">- Kita</th>\n<th scope=\"col\">1. Stock</th>\n"
                    + "<th scope=\"col\">&gt; 3</th>\n<th scope=\"col\">[a]: /b</th>\n"
                    + "<th scope=\"col\"><strong>Montag</strong></th>\n</tr>\n</thead>\n</table>"))
        #expect(rendered.wordProcessorHabits == [])
        #expect(rendered.headings == [])
    }

    /// In a block quote and in a list item; links, images, addresses and raw HTML in cells are at their columns in
    /// the file, after a `\` added before a block marker too.
    @Test func positionsInsideContainers() {
        var links: [MarkdownLink] = []
        let rendered = render(
            """
            > | Ort | Web |
            > |---|---|
            > | <b>Büro</b> | www.example.org |

            - Liste

              | A | B |
              | - | - |
              | ![Plan](plan.png) | # [x](y.md) |

            """, firstLine: 10, links: &links)
        #expect(rendered.bareAddresses == [BareAddress(address: "www.example.org", line: 12, column: 19)])
        #expect(rendered.droppedRawHTML == [12])
        #expect(
            links == [
                MarkdownLink(destination: "plan.png", line: 18, column: 5, isImage: true, text: "Plan"),
                MarkdownLink(destination: "y.md", line: 18, column: 27, isImage: false, text: "x"),
            ])
        #expect(rendered.html.components(separatedBy: "<table>").count == 3)
        #expect(rendered.html.contains("<td># <a href=\"y.md\">x</a></td>"))
    }

    /// A table without data rows has no body; headings around it keep their ids. The scrolling box is named by the
    /// heading before the table.
    @Test func headerOnlyAndHeadings() {
        var links: [MarkdownLink] = []
        let rendered = render(
            "## Zeiten {#zeit}\n\n| *a* & \"b\" | | `<c>` |\n|---|---|---|\n\n## Zeiten\n", links: &links)
        #expect(
            rendered.html == """
                <h2 id="zeit">Zeiten</h2>
                <div class="table-scroll" role="region" tabindex="0" aria-labelledby="zeit">
                <table>
                <thead>
                <tr>
                <th scope="col"><em>a</em> &amp; &quot;b&quot;</th>
                <th scope="col"></th>
                <th scope="col"><code>&lt;c&gt;</code></th>
                </tr>
                </thead>
                </table>
                </div>
                <h2 id="zeiten">Zeiten</h2>

                """)
    }

    /// Without a heading before it, the box is named by the first row's text, escaped for the attribute, without
    /// empty cells.
    @Test func withoutHeadingTheFirstRowNamesTheTable() {
        var links: [MarkdownLink] = []
        let rendered = render("| *a* & \"b\" | | `<c>` |\n|---|---|---|\n", links: &links)
        #expect(
            rendered.html.hasPrefix(
                "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"a &amp; &quot;b&quot;, &lt;c&gt;\">"
            ))
    }

    /// A reference link in a cell finds the body's definition, wherever it is.
    @Test func referenceLinksInCells() {
        var links: [MarkdownLink] = []
        let rendered = render(
            """
            | Kurs |
            |------|
            | Der [Kurs][k] und [x] |

            [k]: kurs.md "Titel"
            """, links: &links)
        #expect(links == [MarkdownLink(destination: "kurs.md", line: 3, column: 7, isImage: false, text: "Kurs")])
        #expect(rendered.html.contains("<td>Der <a href=\"../kurs/\" title=\"Titel\">Kurs</a> und [x]</td>"))
    }

    /// A line that looks like a definition but is text (`[Hinweis]: Bitte …`) and a definition in a code block
    /// are not definitions for the cells; one with its destination on the next line is.
    @Test func onlyDefinitionsCmarkTakesAreUsed() {
        var links: [MarkdownLink] = []
        let rendered = render(
            """
            | a | b |
            |---|---|
            | [k][1] | [Hinweis] [c] |

            [Hinweis]: Bitte Ausweis mitbringen.

            [1]:
              kurs.md

            ```
            [c]: /nirgends
            ```
            """, links: &links)
        #expect(links.map(\.destination) == ["kurs.md"])
        #expect(rendered.html.contains("<td><a href=\"../kurs/\">k</a></td>\n<td>[Hinweis] [c]</td>"))
        #expect(rendered.pipeTables == [])
    }

    /// A table with `---` or `===` right under its last row is a heading to cmark: reported, not shown as a table.
    @Test func underlinedTableIsReported() {
        var links: [MarkdownLink] = []
        let rendered = render("Text\n\n| a | b |\n|---|---|\n| 1 | 2 |\n---\n", firstLine: 4, links: &links)
        #expect(rendered.pipeTables == [TableStart(line: 6, column: 1)])
        #expect(!rendered.html.contains("<table>"))
    }

    @Test func cellsOfALine() {
        var source = "  | a | `b\\|c` | \\\\| d |  "
        let cells = source.withUTF8 { bytes in
            let lines = SourceLines(bytes)
            return PipeTable.cells(lines: lines, line: 1, from: 0).map {
                String(decoding: bytes[$0.bytes], as: UTF8.self)
            }
        }
        #expect(cells == ["a", "`b\\|c`", "\\\\", "d"])
    }
}
