import FrontMatter
import Testing

/// `[a, "b", 3]` lists of scalars on one line.
@Suite struct FlowListTests {
    @Test func itemsWithTypesAndPositions() {
        #expect(
            scalarOutcome(#"[a, "b, c", 3]"#) == """
                list @1:8
                  - string "a" @1:9
                  - string "b, c" @1:12
                  - integer 3 "3" @1:20
                """)
        #expect(
            scalarOutcome("[2025-11-13, true, null, 'x', 2025-09]") == """
                list @1:8
                  - date 2025-11-13 "2025-11-13" @1:9
                  - boolean true "true" @1:21
                  - null "null" @1:27
                  - string "x" @1:33
                  - month 2025-09 "2025-09" @1:38
                """)
    }

    @Test(arguments: [
        ("[]", "list @1:8"),
        ("[ ]", "list @1:8"),
        ("[] # nothing", "list @1:8"),
        ("[a, b,]", "list @1:8\n  - string \"a\" @1:9\n  - string \"b\" @1:12"),
        ("[ a , b ]", "list @1:8\n  - string \"a\" @1:10\n  - string \"b\" @1:14"),
        ("[a b, c]", "list @1:8\n  - string \"a b\" @1:9\n  - string \"c\" @1:14"),
        ("[a] # comment", "list @1:8\n  - string \"a\" @1:9"),
        ("[-1, -x]", "list @1:8\n  - integer -1 \"-1\" @1:9\n  - string \"-x\" @1:13"),
        (
            "[https://a.org/x, mailto:x@y.de]",
            "list @1:8\n  - string \"https://a.org/x\" @1:9\n  - string \"mailto:x@y.de\" @1:26"
        ),
        ("[C#, a#b]", "list @1:8\n  - string \"C#\" @1:9\n  - string \"a#b\" @1:13"),
        ("['it''s', \"\\u00fc\"]", "list @1:8\n  - string \"it's\" @1:9\n  - string \"ü\" @1:18"),
    ])
    func flowListForms(scalar: String, expected: String) {
        #expect(scalarOutcome(scalar) == expected)
    }

    private static let unclosed =
        "this list has no closing ']' on the same line; close it, or write one '- item' per line"
    private static let nested =
        "brackets and braces cannot be used inside a '[...]' list; put the item in quotes, or write one '- item' per line"

    @Test(arguments: [
        ("[a, b", "error 1:8: " + unclosed),
        ("[", "error 1:8: " + unclosed),
        ("[a,", "error 1:8: " + unclosed),
        ("[a, b # comment]", "error 1:8: " + unclosed),
        ("[a, [b]]", "error 1:12: " + nested),
        ("[a, {b: c}]", "error 1:12: " + nested),
        ("[a[b]]", "error 1:10: " + nested),
        ("[a, , b]", "error 1:12: empty item in the list; remove the extra ',' (or write \"\" for empty text)"),
        ("[,]", "error 1:9: empty item in the list; remove the extra ',' (or write \"\" for empty text)"),
        ("[a] b", "error 1:12: unexpected text after ']'; only a comment may follow the list"),
        ("[a]]", "error 1:11: unexpected text after ']'; only a comment may follow the list"),
        (#"["a" b]"#, "error 1:13: unexpected text after the closing quote; put the whole value inside the quotes"),
        (
            "[&a]",
            "error 1:9: anchors ('&') are not supported; if the character is part of the text, put the text in quotes"
        ),
        (
            "[a, |]",
            "error 1:12: block strings ('|') are only allowed after 'key:' or '- '; if the character is part of the text, put the text in quotes"
        ),
        (
            "[a}]",
            "error 1:10: a value cannot start with '}'; if the character is part of the text, put the text in quotes"
        ),
        (
            "[2025-02-30]",
            "error 1:9: '2025-02-30' is not a valid date; write YYYY-MM-DD, or put it in quotes if it is text"
        ),
        (
            #"["unclosed]"#,
            "error 1:9: this quoted text has no closing \" on the same line; close it, or for text over several lines write 'key: >' and indent the text below"
        ),
    ])
    func flowListErrors(scalar: String, expected: String) {
        #expect(scalarOutcome(scalar) == expected)
    }

    @Test func flowListMustCloseOnItsLine() {
        #expect(outcome("tags: [a,\n  b]\n") == "error 1:7: " + Self.unclosed)
    }

    @Test func flowListAsListItemAndNestedValue() {
        #expect(
            outcome("rows:\n  - [1, 2]\n  - []\nlanguage:\n  fallback: [de, en]\n") == """
                rows@1:1: list @2:3
                  - list @2:5
                    - integer 1 "1" @2:6
                    - integer 2 "2" @2:9
                  - list @3:5
                language@4:1: map @5:3
                  fallback@5:3: list @5:13
                    - string "de" @5:14
                    - string "en" @5:18
                """)
    }
}
