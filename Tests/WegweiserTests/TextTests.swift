import Testing

@testable import Wegweiser

/// The small text helpers every page goes through.
@Suite struct TextTests {
    @Test func placeholdersAreFilledOnce() {
        #expect(SiteFilters.fillPlaceholders("Seite {0} von {1}", ["2", "7"]) == "Seite 2 von 7")
        #expect(SiteFilters.fillPlaceholders("{1} – {0}", ["a", "{1}"]) == "{1} – a")
        #expect(SiteFilters.fillPlaceholders("ohne Platzhalter", ["x"]) == "ohne Platzhalter")
        #expect(SiteFilters.fillPlaceholders("{2} {x} {} {", ["a"]) == "{2} {x} {} {")
        #expect(SiteFilters.fillPlaceholders("صفحه {0} از {1}", ["۲", "۷"]) == "صفحه ۲ از ۷")
        #expect(SiteFilters.fillPlaceholders("{0}{0}", ["é"]) == "éé")
    }

    @Test func generatedTextIsEscaped() {
        #expect(HTMLText.escape(#"a&b <c> "d" 'e'"#) == "a&amp;b &lt;c&gt; &quot;d&quot; &#39;e&#39;")
        #expect(HTMLText.escape("Zeile\r\n\tweiter\u{C}") == "Zeile\r\n\tweiter\u{C}")
        #expect(HTMLText.escape("a\u{0}b\u{7F}c\u{B}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(HTMLText.escape("كتاب ü\u{301}") == "كتاب ü\u{301}")
    }
}
