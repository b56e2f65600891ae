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

/// Every ASCII byte on its own: exactly `& < > " '`, the C0 controls other than tab, line feed, form feed and
/// carriage return, and DEL are replaced; everything else is copied.
@Suite struct EscapingEveryByteTests {
    @Test func eachASCIIByteIsReplacedOrCopiedAsHTMLNeeds() {
        let entities: [UInt8: String] = [
            UInt8(ascii: "&"): "&amp;", UInt8(ascii: "<"): "&lt;", UInt8(ascii: ">"): "&gt;",
            UInt8(ascii: "\""): "&quot;", UInt8(ascii: "'"): "&#39;",
        ]
        for byte in UInt8(0)...UInt8(127) {
            var output: [UInt8] = []
            appendEscapingHTML("x" + String(UnicodeScalar(byte)) + "y", to: &output)
            let expected: String
            if let entity = entities[byte] {
                expected = entity
            } else if byte < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains(byte) || byte == 0x7F {
                expected = "\u{FFFD}"
            } else {
                expected = String(UnicodeScalar(byte))
            }
            #expect(String(decoding: output, as: UTF8.self) == "x" + expected + "y", "byte \(byte)")
        }
    }
}
