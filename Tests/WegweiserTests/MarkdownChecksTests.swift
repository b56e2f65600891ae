import Testing

@testable import Wegweiser

/// Link texts are judged without the white space and punctuation around them.
@Suite struct MarkdownChecksTests {
    /// The definition: characters that are white space or punctuation are cut from both ends.
    static func reference(_ text: String) -> String {
        let isFiller = { (character: Character) in character.isWhitespace || character.isPunctuation }
        guard let first = text.firstIndex(where: { !isFiller($0) }), let last = text.lastIndex(where: { !isFiller($0) })
        else { return "" }
        return String(text[first...last])
    }

    @Test(arguments: [
        "hier", "Hier klicken", " hier ", "„mehr“", "(more)", "mehr…", "read more.", "Kita-Platz", "a", "Z9", "", " ",
        "!", "¿Qué?", "e\u{301}", "a\u{301}", "x\u{301}!", "\r\nhier\r\n", "#1", "Öffnungszeiten", "هنا", "«тут»",
        "$5", "a$", "+", "ß", "_x_", "x\u{200D}",
        // Letters and digits of other scripts at either end, and characters that end in a letter or start with a
        // prefixed sign.
        "اضغط هنا", "هنا.", "(هنا)", "тут»", "Behörde", "Ärger", "«Ä»", "٣", "x٣", "「\u{FF9E}", "\u{FF9E}", "a\u{FF9E}",
        "a「\u{FF9E}",
        "한국", "\u{1100}\u{1161}", "!\u{1161}", "क्ष", "\u{0915}\u{094D}\u{0937}", "\u{0600}\u{0661}", "\u{0D4E}\u{0D15}",
        "ⅻ", "x\u{2160}", "\u{00A0}hier\u{00A0}", "\u{3000}ここ\u{3000}", "ここ。", "\u{1F600}", "a\u{1F600}",
    ])
    func trimmingMatchesTheDefinition(text: String) {
        #expect(String(MarkdownChecks.trimmed(text)) == Self.reference(text))
    }

    /// The shortcut by first letter decides as looking the lowercased text up does: for every meaningless text
    /// written in capitals, capitalized or as it is, and for texts that only start like one.
    @Test func meaninglessTextsAreFoundAsByTheirLowercasedText() {
        var texts: [String] = []
        for text in MarkdownChecks.meaninglessLinkTexts {
            texts += [text, text.uppercased(), text.capitalized, text + "x", "x" + text, String(text.dropFirst())]
        }
        texts += ["", "Öffnungszeiten", "İhier", "\u{130}", "ΣΑΣ", "Hier\u{301}", "ＨＩＥＲ", "Ｈier", "HIER", "Tut", "ТУТ"]
        for text in texts {
            #expect(
                MarkdownChecks.isMeaningless(Substring(text))
                    == MarkdownChecks.meaninglessLinkTexts.contains(text.lowercased()), "\(text)")
        }
        #expect(MarkdownChecks.isMeaningless("Hier Klicken"))
        #expect(MarkdownChecks.isMeaningless("ТУТ"))
        #expect(!MarkdownChecks.isMeaningless("Öffnungszeiten"))
    }
}
