import FrontMatter
import Testing

/// A control character that pages may not contain is an error when it is written as an escape in double quotes,
/// as it is when typed into the file: `\u0007` would become U+FFFD on the page, `\u0085` would be written raw.
@Suite struct ControlEscapeTests {
    private static func controlError(_ column: Int, _ escape: String, _ codePoint: String) -> String {
        "error 1:\(column): '\(escape)' stands for the control character \(codePoint), which web pages may not "
            + "contain; remove it"
    }

    /// Every escape form, C0, DEL and C1; the error is at the backslash of the first one.
    @Test(arguments: [
        (#""A\u0007B\u009bC""#, controlError(10, "\\u0007", "U+0007")),
        (#""A\u009bC""#, controlError(10, "\\u009b", "U+009B")),
        (#""\u0085""#, controlError(9, "\\u0085", "U+0085")),
        (#""\0""#, controlError(9, "\\0", "U+0000")),
        (#""x\x1b[31m""#, controlError(10, "\\x1b", "U+001B")),
        (#""\x7F""#, controlError(9, "\\x7F", "U+007F")),
        (#""\x0b""#, controlError(9, "\\x0b", "U+000B")),
        (#""\U0000009F""#, controlError(9, "\\U0000009F", "U+009F")),
        (#""ä ü \u0080""#, controlError(13, "\\u0080", "U+0080")),
        (#"[a, "b\u0001"]"#, controlError(14, "\\u0001", "U+0001")),
    ])
    func controlCharacterEscapesAreErrors(scalar: String, expected: String) {
        #expect(scalarOutcome(scalar) == expected)
    }

    /// Tab, line feed, carriage return and form feed are allowed typed, and so escaped; so is what follows C1.
    @Test(arguments: [
        (#""a\tb\nc\rd""#, #"string "a\tb\nc\rd" @1:8"#),
        (#""\u0009\u000A\x0d\x0C""#, "string \"\\t\\n\\r\u{0C}\" @1:8"),
        (#""\u0020\x7e\u00a0""#, "string \" ~\u{A0}\" @1:8"),
    ])
    func allowedEscapesGiveTheirCharacters(scalar: String, expected: String) {
        #expect(scalarOutcome(scalar) == expected)
    }

    /// The same characters are errors escaped as typed (`UTF8Validation.firstProblem`), from U+0000 to U+00FF.
    @Test func escapedAndTypedControlsAgree() {
        for value in UInt32(0)...0xFF {
            let scalar = Unicode.Scalar(value)!
            let typed = Array(String(scalar).utf8).withUnsafeBufferPointer(UTF8Validation.firstProblem)
            let hex = String(value, radix: 16, uppercase: true)
            let escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            let error = parseError("value: \"\(escape)\"")
            #expect((error != nil) == (typed != nil), "\(escape)")
            #expect(error.map { $0.reason == .controlEscape(escape, scalar) } ?? true, "\(escape)")
        }
    }

    /// The position counts lines with the caller's offset and columns in characters.
    @Test func positionIsTheBackslash() {
        #expect(
            outcome("title: ok\nsummary: \"Straße\\u0085\"\n", lineOffset: 1)
                == "error 3:17: '\\u0085' stands for the control character U+0085, which web pages may not contain; "
                + "remove it")
    }
}
