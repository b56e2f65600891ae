import Testing

@testable import Templates

/// Control characters an editor pasted by accident never reach the HTML (they are parse errors there).
@Suite struct EscapingControlTests {
    @Test func controlCharactersBecomeReplacementCharacters() {
        var output: [UInt8] = []
        appendEscapingHTML("a\u{0}b\u{1B}c\td\ne\u{7F}<", to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "a\u{FFFD}b\u{FFFD}c\td\ne\u{FFFD}&lt;")
    }
}
