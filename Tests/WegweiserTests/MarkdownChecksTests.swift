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
    ])
    func trimmingMatchesTheDefinition(text: String) {
        #expect(String(MarkdownChecks.trimmed(text)) == Self.reference(text))
    }
}
