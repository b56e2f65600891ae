import FrontMatter
import Testing

/// 'Single' and "double" quoted scalars: always strings, on one line.
@Suite struct QuotedScalarTests {
    @Test(arguments: [
        (#"'true'"#, #"string "true" @1:8"#),
        (#""42""#, #"string "42" @1:8"#),
        (#""2025-11-13""#, #"string "2025-11-13" @1:8"#),
        (#"'2025-02-30'"#, #"string "2025-02-30" @1:8"#),
        (#""null""#, #"string "null" @1:8"#),
        (#"''"#, #"string "" @1:8"#),
        (#""""#, #"string "" @1:8"#),
        (#"'it''s'"#, #"string "it's" @1:8"#),
        (#"''''"#, #"string "'" @1:8"#),
        (#"'a\nb'"#, #"string "a\\nb" @1:8"#),
        (#"'say "hi"'"#, #"string "say \"hi\"" @1:8"#),
        (#""it's""#, #"string "it's" @1:8"#),
        (#""a: b # c""#, #"string "a: b # c" @1:8"#),
        (#""  padded  ""#, #"string "  padded  " @1:8"#),
        (#""x"   # comment"#, #"string "x" @1:8"#),
        ("'x'\t# comment after a tab", #"string "x" @1:8"#),
        (#""&anchor *alias !tag""#, #"string "&anchor *alias !tag" @1:8"#),
    ])
    func quotedScalarsAreStrings(scalar: String, expected: String) {
        #expect(scalarOutcome(scalar) == expected)
    }

    @Test(arguments: [
        (#""a\\b""#, #"string "a\\b" @1:8"#),
        (#""say \"hi\"""#, #"string "say \"hi\"" @1:8"#),
        (#""line\nbreak""#, #"string "line\nbreak" @1:8"#),
        (#""tab\there""#, #"string "tab\there" @1:8"#),
        (#""cr\r""#, #"string "cr\r" @1:8"#),
        (#""a\/b""#, #"string "a/b" @1:8"#),
        (#""\u00e4\u00DF""#, #"string "äß" @1:8"#),
        (#""\U0001F600""#, #"string "😀" @1:8"#),
        (#""\x41\x7a""#, #"string "Az" @1:8"#),
    ])
    func doubleQuotedEscapes(scalar: String, expected: String) {
        #expect(scalarOutcome(scalar) == expected)
    }

    /// `\0` is valid YAML, but pages may not contain the NUL character it stands for (`ControlEscapeTests`).
    @Test func nulEscapeIsAnError() {
        #expect(
            scalarOutcome(#""a\0b""#)
                == "error 1:10: '\\0' stands for the control character U+0000, which web pages may not contain; "
                + "remove it")
    }

    private static let escapeHint =
        "is not a valid escape sequence in double quotes; write '\\\\' for a backslash, or use single quotes"

    @Test(arguments: [
        (#""C:\Users""#, "error 1:11: '\\U' " + escapeHint),
        (#""a\qb""#, "error 1:10: '\\q' " + escapeHint),
        (#""\u12""#, "error 1:9: '\\u12' " + escapeHint),
        (#""\u12G4""#, "error 1:9: '\\u12' " + escapeHint),
        (#""\uD800""#, "error 1:9: '\\uD800' " + escapeHint),
        (#""\U00110000""#, "error 1:9: '\\U00110000' " + escapeHint),
        (#""\x4""#, "error 1:9: '\\x4' " + escapeHint),
        (#""a\ b""#, "error 1:10: '\\ ' " + escapeHint),
        (#""ä\ö""#, "error 1:10: '\\ö' " + escapeHint),
    ])
    func invalidEscapesPointAtTheBackslash(scalar: String, expected: String) {
        #expect(scalarOutcome(scalar) == expected)
    }

    private static let unclosedDouble =
        "this quoted text has no closing \" on the same line; close it, or for text over several lines write 'key: >' and indent the text below"
    private static let unclosedSingle =
        "this quoted text has no closing ' on the same line; close it, or for text over several lines write 'key: >' and indent the text below"

    @Test(arguments: [
        (#""never closed"#, "error 1:8: " + unclosedDouble),
        (#"'never closed"#, "error 1:8: " + unclosedSingle),
        (#"'it''"#, "error 1:8: " + unclosedSingle),
        (#""escaped quote\""#, "error 1:8: " + unclosedDouble),
        (#""trailing backslash\"#, "error 1:8: " + unclosedDouble),
    ])
    func unclosedQuotesPointAtTheOpeningQuote(scalar: String, expected: String) {
        #expect(scalarOutcome(scalar) == expected)
    }

    @Test func multiLineQuotedScalarIsAnUnclosedQuote() {
        #expect(outcome("title: \"first line\n  second line\"\n") == "error 1:8: " + Self.unclosedDouble)
    }

    @Test(arguments: [
        (#""a" b"#, "error 1:12: unexpected text after the closing quote; put the whole value inside the quotes"),
        (#"'a'b"#, "error 1:11: unexpected text after the closing quote; put the whole value inside the quotes"),
        (##""a"#b"##, "error 1:11: unexpected text after the closing quote; put the whole value inside the quotes"),
        (
            #""Teil 1" und "Teil 2""#,
            "error 1:17: unexpected text after the closing quote; put the whole value inside the quotes"
        ),
    ])
    func textAfterTheClosingQuoteIsAnError(scalar: String, expected: String) {
        #expect(scalarOutcome(scalar) == expected)
    }

    @Test func quotedListItems() {
        #expect(
            outcome("tasks:\n  - \"Mitarbeit: Projekt\"\n  - 'b' # c\n") == """
                tasks@1:1: list @2:3
                  - string "Mitarbeit: Projekt" @2:5
                  - string "b" @3:5
                """)
    }
}
