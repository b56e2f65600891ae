import Testing

@testable import ICalendar

/// Escaping of TEXT, URI and parameter values (RFC 5545 3.3.11, 3.3.13, 3.2).
@Suite struct TextValueTests {
    @Test(
        arguments: [
            ("", ""),
            ("Integrationskonferenz 2025", "Integrationskonferenz 2025"),
            (#"C:\Pfad"#, #"C:\\Pfad"#),
            ("Raum 1; Raum 2", #"Raum 1\; Raum 2"#),
            ("Düsseldorf, Rathaus", #"Düsseldorf\, Rathaus"#),
            ("Zeile 1\nZeile 2", #"Zeile 1\nZeile 2"#),
            ("Zeile 1\r\nZeile 2", #"Zeile 1\nZeile 2"#),
            ("a\rb", "ab"),
            (#"schon \n escaped"#, #"schon \\n escaped"#),
            ("Spalte\tSpalte", "Spalte\tSpalte"),
            ("a\u{0}b\u{7}c\u{1B}d\u{7F}e\u{85}f\u{9F}g", "abcdefg"),
            ("Doppelpunkt: \"zitiert\"", "Doppelpunkt: \"zitiert\""),
            ("مرحبا، أهلاً", "مرحبا، أهلاً"),
            ("👩🏽‍💻 e\u{301}", "👩🏽‍💻 e\u{301}"),
            ("\\;,\n", #"\\\;\,\n"#),
        ])
    func textIsEscaped(input: String, escaped: String) {
        #expect(TextValue.escaped(input) == escaped)
    }

    @Test func textPropertyLineEscapesOnlyTheValue() {
        #expect(ContentLine.text("SUMMARY", "Kaffee, Kuchen; Gespräch").text == #"SUMMARY:Kaffee\, Kuchen\; Gespräch"#)
    }

    @Test(
        arguments: [
            ("https://integration.example.org/de/events/a,b;c/", "https://integration.example.org/de/events/a,b;c/"),
            ("https://example.org/a b", "https://example.org/a%20b"),
            ("https://example.org/\r\nX-EVIL:1", "https://example.org/X-EVIL:1"),
            ("\t https://example.org/ \r\n", "https://example.org/"),
            ("  \n ", ""),
            ("", ""),
        ])
    func uriIsNotTextEscaped(input: String, written: String) {
        #expect(TextValue.uri(input) == written)
    }

    @Test(
        arguments: [
            ("Europe/Berlin", "Europe/Berlin"),
            ("Odd;Zone", "\"Odd;Zone\""),
            ("Odd:Zone", "\"Odd:Zone\""),
            ("Odd,Zone", "\"Odd,Zone\""),
            ("Quote\"d\nZone", "QuotedZone"),
        ])
    func parameterIsQuotedWhereNeeded(input: String, written: String) {
        #expect(TextValue.parameter(input) == written)
    }

    @Test func uriPropertyKeepsCommasAndSemicolons() {
        var input = event(start: date(2025, 11, 13))
        input.url = "https://integration.example.org/de/events/a,b;c/?x=1&y=2"
        #expect(
            RenderedCalendar(berlinDocument([input])).firstEvent.contains(
                "URL:https://integration.example.org/de/events/a,b;c/?x=1&y=2"))
    }
}
