import Markdown
import Testing

@Test(arguments: [
    ("Gebühren und Kosten", "gebühren-und-kosten"),
    ("Straße & Öffnungszeiten", "straße-öffnungszeiten"),
    ("  Was ist -- das?  ", "was-ist-das"),
    ("1. Schritt: Anmeldung!", "1-schritt-anmeldung"),
    ("„Willkommen“ in Düsseldorf", "willkommen-in-düsseldorf"),
    ("الرسوم والتكاليف", "الرسوم-والتكاليف"),
    ("Реєстрація місця проживання", "реєстрація-місця-проживання"),
    ("می‌خواهم کار کنم", "می‌خواهم-کار-کنم"),
    ("Hilfe_für Familien", "hilfefür-familien"),
    ("E-Mail\tund\nTelefon", "e-mail-und-telefon"),
    ("Übersicht ÄÖÜ", "übersicht-äöü"),
    ("Kapitel Ⅻ", "kapitel-ⅻ"),
    ("👋 Willkommen!", "willkommen"),
    ("?!", "section"),
    ("", "section"),
])
func slug(text: String, expected: String) {
    #expect(Markdown.slug(text) == expected)
}

/// Ids are composed (NFC) byte for byte, whichever form the heading was saved in: a browser compares a fragment
/// and an id by their bytes.
@Test func slugsAreComposed() {
    let cases: [(String, String)] = [
        ("Vie\u{323}\u{302}t", "vi\u{1EC7}t"),  // Vietnamese, decomposed
        ("\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}", "\u{D55C}\u{AE00}"),  // Hangul jamo
        ("Cafe\u{301}", "caf\u{E9}"),
        ("\u{1F71}", "\u{3AC}"),  // Greek alpha with oxia, which NFC replaces by the one with tonos
        ("Über Ämter", "\u{FC}ber-\u{E4}mter"),  // already composed
        // Letters NFC decomposes (composition exclusions): a Devanagari nukta letter, a Hebrew presentation form.
        ("\u{0958}anun", "\u{0915}\u{093C}anun"), ("\u{FB2A}", "\u{05E9}\u{05C1}"),
    ]
    for (heading, id) in cases {
        #expect(Array(Markdown.slug(heading).utf8) == Array(id.utf8), "\(heading)")
    }
}
