import Testing

@testable import Markdown

/// Addresses written as plain text and tables in GitHub's notation: CommonMark shows both other than the editor
/// meant (no link; one line of text with `|` signs), so they are found and reported where they were written.
@Suite struct PlainTextPitfallsTests {
    static func render(_ body: String, firstLine: Int = 1) -> RenderedMarkdown {
        Markdown.render(body, firstLine: firstLine) { _ in nil }
    }

    static func addresses(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            PlainTextPitfalls.addresses(in: buffer).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    /// An address starts a word and ends at white space, without the sentence's punctuation after it; the scheme
    /// and `www` may be in capitals.
    @Test(arguments: [
        ("Infos: https://www.duesseldorf.de/integration.", ["https://www.duesseldorf.de/integration"]),
        ("(siehe http://a.example/x?y=1&z=2), danach", ["http://a.example/x?y=1&z=2"]),
        ("HTTPS://A.EXAMPLE/ und WWW.B.EXAMPLE!", ["HTTPS://A.EXAMPLE/", "WWW.B.EXAMPLE"]),
        ("www.komm-an.nrw.de; mehr", ["www.komm-an.nrw.de"]),
        ("„https://c.example/“ und «www.d.example»", ["https://c.example/", "www.d.example"]),
        ("xhttp://a.example/ a.www.b.de /www.d.de", []),
        ("mail@www.c.de", ["mail@www.c.de"]),
        ("https:// und www. allein, httpx://a.de", []),
        ("زوروا https://e.example/ar", ["https://e.example/ar"]),
        ("Übersichthttps://f.example/", []),
        (
            "https://de.wikipedia.org/wiki/Foo_(Bar) und (https://g.example/x).",
            [
                "https://de.wikipedia.org/wiki/Foo_(Bar)", "https://g.example/x",
            ]
        ),
        ("www.gib.gov.tr'de ve https://h.example’da", ["www.gib.gov.tr", "https://h.example"]),
        ("Schreiben Sie an integration@duesseldorf.de.", ["integration@duesseldorf.de"]),
        (
            "vorname.nachname+tag@amt.nrw.de! und البريد: info@ki.example",
            [
                "vorname.nachname+tag@amt.nrw.de", "info@ki.example",
            ]
        ),
        ("@handle a@b user@localhost preis@5.00 Adresse:@x.de x@y.d Ümail@x.de", []),
        ("https://user@host.example/pfad", ["https://user@host.example/pfad"]),
    ])
    func addressesInText(text: String, expected: [String]) {
        #expect(Self.addresses(text) == expected)
    }

    @Test(arguments: [
        ("|---|---|", true), ("| :--- | ---: |", true), ("--|--", true), ("> |---|", true), ("  - | -", true),
        ("---", false), ("|", false), ("| a | b |", false), ("|-- x --|", false), ("", false),
    ])
    func delimiterRows(line: String, expected: Bool) {
        let bytes = Array(line.utf8)
        #expect(bytes.withUnsafeBufferPointer(PlainTextPitfalls.isDelimiterRow) == expected)
    }

    /// Addresses outside links are reported at their place in the file, also in block quotes, list items and
    /// headings, and after an earlier one on the same line; link texts, autolinks, code spans, code blocks and
    /// image descriptions are not looked at.
    @Test func bareAddressesAreFoundOutsideLinksAndCode() {
        let body = """
            Infos unter https://a.example/x. Oder www.b.example!

            Verlinkt: <https://c.example/>, [Seite](https://d.example/), [https://e.example/](https://e.example/),
            ![Plan https://f.example/](/assets/plan.png) und `https://g.example/`.

                https://h.example/code

            > Im Zitat: http://i.example/?a=1, danach Text.

            - Liste mit
              https://j.example/ auf der zweiten Zeile

            ## Mehr auf https://k.example/

            Zweimal https://l.example/ und https://l.example/.

            Die [Beratung](https://m.example/b) ist unter https://m.example/b, `https://n.example/` auch https://n.example/.
            """
        let found = Self.render(body, firstLine: 5).bareAddresses
        #expect(
            found == [
                BareAddress(address: "https://a.example/x", line: 5, column: 13),
                BareAddress(address: "www.b.example", line: 5, column: 39),
                BareAddress(address: "http://i.example/?a=1", line: 12, column: 13),
                BareAddress(address: "https://j.example/", line: 15, column: 3),
                BareAddress(address: "https://k.example/", line: 17, column: 13),
                BareAddress(address: "https://l.example/", line: 19, column: 9),
                BareAddress(address: "https://l.example/", line: 19, column: 32),
                BareAddress(address: "https://m.example/b", line: 21, column: 47),
                BareAddress(address: "https://n.example/", line: 21, column: 94),
            ])
    }

    /// A reference link's destination is written elsewhere: the same address written as text after it on its
    /// line is reported at its own place. The search for the destination used to run on to the end of the
    /// paragraph, found the bare address there and reported it at column 1.
    @Test func bareAddressAfterReferenceLinkToItIsFoundAtItsPlace() {
        let body = "Die [Beratung][b] ist unter https://b.example/ zu finden.\n\n[b]: https://b.example/\n"
        #expect(
            Self.render(body, firstLine: 3).bareAddresses == [
                BareAddress(address: "https://b.example/", line: 3, column: 29)
            ])
    }

    /// Many links and addresses on one long line, with letters of two and four bytes between them: each is at
    /// its column, counted on from the one before.
    @Test func addressesAndLinksOnOneLongLineAreAtTheirColumns() {
        let piece = "ä [a](https://x.example/) 👋 https://y.example/ "
        let body = String(repeating: piece, count: 300)
        let rendered = Self.render(body, firstLine: 1)
        let width = piece.unicodeScalars.count
        #expect(rendered.links.map(\.column) == (0..<300).map { 3 + $0 * width })
        #expect(rendered.bareAddresses.map(\.column) == (0..<300).map { 29 + $0 * width })
    }

    /// A bold line after a reference definition is reported on its own line, not on the definition's, where the
    /// paragraph starts.
    @Test func boldHeadingAfterReferenceDefinitionIsAtItsLine() {
        #expect(
            Self.render("[a]: /u\n  **Kontakt**\n", firstLine: 4).wordProcessorHabits == [
                WordProcessorHabit(.boldHeading(text: "Kontakt"), line: 5, column: 3)
            ])
    }

    /// A table that is not rendered (it follows a line of text without an empty line, or its first row has more
    /// or fewer cells than its row of dashes) is reported at its first row, after block-quote markers and
    /// indentation; tables that are rendered, a paragraph with a `|` but no row of dashes, a row of dashes without
    /// a `|` above it, and tables in code are not.
    @Test func tablesNotRenderedAreFoundAtTheirFirstRow() {
        let body = """
            Öffnungszeiten:
            | Tag | Uhrzeit |
            |-----|---------|

            > a | b | c
            > --|--

            - Liste

              x | y
              :-: | :-:

            1. Text
               | a | b |
               |---|---|

            Nur a | b in einem Satz
            und eine zweite Zeile.

            Kein Strich
            |---|

            ```
            | a | b |
            |---|---|
            ```
            """
        let rendered = Self.render(body, firstLine: 3)
        #expect(
            rendered.pipeTables == [
                TableStart(line: 4, column: 1), TableStart(line: 7, column: 3), TableStart(line: 16, column: 4),
            ])
        #expect(rendered.html.components(separatedBy: "<table>").count == 2)
    }

    /// Only a body with `://`, `www.` (or `WWW.`), `@` or `|` has its text nodes and paragraphs looked at.
    @Test(arguments: [
        ("Nur Text, *betont* und [ein Link](/de/).", false, false), ("a https://b", true, false),
        ("siehe www.x.de", true, false), ("WWW.X.DE", true, false), ("info@x.de", true, false),
        ("a | b", false, true), ("w.w.w", false, false),
        ("", false, false),
    ])
    func onlyBodiesThatMayHaveThemAreLookedAt(body: String, addresses: Bool, tables: Bool) {
        let bytes = Array(body.utf8)
        let pitfalls = bytes.withUnsafeBufferPointer(PlainTextPitfalls.init(source:))
        #expect(pitfalls.mayHaveAddresses == addresses)
        #expect(pitfalls.mayHaveTables == tables)
    }
}
