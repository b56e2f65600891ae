import Templates
import Testing

@testable import Wegweiser

@Suite struct PhoneLinkTests {
    /// A link only for text that is one whole number; anything else stays unlinked, since a wrong link calls a
    /// stranger.
    @Test(
        arguments: [
            // Numbers as people write them.
            ("0211 89-21010", "tel:02118921010"),
            ("+49 211 8921010", "tel:+492118921010"),
            ("(0211) 892-1010", "tel:02118921010"),
            ("0211/8921010", "tel:02118921010"),
            ("0211.892.1010", "tel:02118921010"),
            ("0211 - 89 21010", "tel:02118921010"),
            ("  0211 8921010 ", "tel:02118921010"),
            ("110", "tel:110"),
            // The trunk prefix `(0)` after a country code is not dialled.
            ("+49 (0) 211 8912345", "tel:+492118912345"),
            ("+49(0)211-8912345", "tel:+492118912345"),
            // Opening hours, a second number, markup, words.
            ("Mo–Fr 9–12 Uhr: 0211 89-12345", nil),
            ("Mo-Fr 9-12: 0211 89-12345", nil),
            ("0211 89123 45 oder 0211 89123 46", nil),
            ("0211 89123 45 / 0211 89123 46", nil),
            ("+49 231\"><script>", nil),
            ("Tel. 0211 8921010", nil),
            ("0211 8921010 (Zentrale)", nil),
            ("0211 8921010 ext. 12", nil),
            ("0211 8921010#12", nil),
            // Malformed: a `+` inside, doubled separators, open or empty parentheses.
            ("0211 +8921010", nil),
            ("0211 -- 8921010", nil),
            ("(0211 8921010", nil),
            ("0211) 8921010", nil),
            ("() 0211 8921010", nil),
            ("0211 8921010-", nil),
            // Too few or too many digits.
            ("12", nil),
            ("+49 211", nil),
            ("+49 211 1234 5678 9012 3", nil),
            ("", nil),
            ("+", nil),
        ] as [(String, String?)])
    func link(text: String, expected: String?) {
        #expect(PageContext.phoneHref(.string(text)) == (expected.map { .string($0) } ?? .null))
    }

    @Test(arguments: [nil, TemplateValue.null, .int(2_118_921_010), .bool(true), .list([.string("0211 8921010")])])
    func noLinkForAnythingButText(value: TemplateValue?) {
        #expect(PageContext.phoneHref(value) == .null)
    }
}

/// `contact.email_href`: a `mailto:` link only for one well-formed address.
@Suite struct MailLinkTests {
    @Test(arguments: [
        ("ki@duesseldorf.de", "mailto:ki@duesseldorf.de"),
        (" integration@stadt.dortmund.de ", "mailto:integration@stadt.dortmund.de"),
        ("a@b..de", nil), ("a@b.de, c@d.de", nil), ("Frau A <a@b.de>", nil), ("a@localhost", nil), ("@b.de", nil),
        ("a@-b.de", nil), ("a b@c.de", nil), ("a@b@c.de", nil),
    ])
    func mailLinkOnlyForOneAddress(text: String, expected: String?) {
        #expect(PageContext.mailHref(.string(text)) == (expected.map(TemplateValue.string) ?? .null))
    }
}
