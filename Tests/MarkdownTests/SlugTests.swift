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
