import FrontMatter
import Testing

/// Structural errors: each with its exact position and message.
@Suite struct SyntaxErrorTests {
    private static let tab = "tab used for indentation; indent with spaces only"
    private static let keyRule =
        "keys may use only letters a-z, digits, '-', '_' and '.' (if this line is text, put it in quotes)"
    private static let alike = "indent the keys of one map and the items of one list exactly alike"
    private static let multiLine = "for text over several lines write 'key: >' and indent the text below"

    @Test(arguments: [
        ("a:\n\tb: 1", "error 2:1: " + tab),
        ("a:\n  \tb: 1", "error 2:3: " + tab),
        ("a:\n \t b: 1", "error 2:2: " + tab),
        ("l:\n  -\tx", "error 2:4: " + tab),
        ("l:\n  - \tx", "error 2:5: " + tab),
        ("l:\n\t- x", "error 2:1: " + tab),
    ])
    func tabsInIndentation(text: String, expected: String) {
        #expect(outcome(text) == expected)
    }

    /// Text copied from a word processor or a web page: a no-break space in the indentation or after a colon, a
    /// list started with a dash or bullet. The messages named a space or dash the editor could not tell from the
    /// one they meant ("the key '  name' contains ' '", "missing space after the colon"); now they name the
    /// character, at its place. The same characters in a value are text.
    @Test(arguments: [
        (
            "location:\n\u{A0}\u{A0}name: Zentrum",
            "error 2:1: this line is indented with U+00A0 (NO-BREAK SPACE), which looks like a space; word processors and web pages put it there when text is copied: indent with normal spaces"
        ),
        (
            "location:\n  \u{202F}name: Zentrum",
            "error 2:3: this line is indented with U+202F (NARROW NO-BREAK SPACE), which looks like a space; word processors and web pages put it there when text is copied: indent with normal spaces"
        ),
        (
            "title:\u{A0}Sprachkurs",
            "error 1:7: the space after the colon is U+00A0 (NO-BREAK SPACE), which looks like a space; word processors and web pages put it there when text is copied: type a normal space"
        ),
        (
            "\u{200B}title: A",
            "error 1:1: this line is indented with U+200B (ZERO WIDTH SPACE), which cannot be seen; word processors and web pages put it there when text is copied: indent with normal spaces"
        ),
        (
            "aliases:\n  \u{2013} alt/a",
            "error 2:3: a list item starts with '- ' (a hyphen and a space); this line starts with U+2013 (EN DASH) instead, as word processors write lists: type '- '"
        ),
        (
            "languages:\n\u{2022} de",
            "error 2:1: a list item starts with '- ' (a hyphen and a space); this line starts with U+2022 (BULLET) instead, as word processors write lists: type '- '"
        ),
        ("title: 9\u{A0}Uhr \u{2013} Treffen", "title@1:1: string \"9\u{A0}Uhr \u{2013} Treffen\" @1:8"),
        (
            "summary: >\n  \u{2013} erstens\n  \u{A0}zweitens",
            "summary@1:1: string \"\u{2013} erstens \u{A0}zweitens\\n\" @1:10"
        ),
    ])
    func charactersFromWordProcessors(text: String, expected: String) {
        #expect(outcome(text) == expected)
    }

    @Test func tabsElsewhereAreFine() {
        #expect(
            outcome("a:\tb\n\t\n  \t  \nc: d\te  # x\n") == "a@1:1: string \"b\" @1:4\nc@4:1: string \"d\\te\" @4:4")
    }

    /// ` #` right before text in an unquoted value would end the value there (YAML reads a comment): `Termin #1`
    /// would silently become `Termin`. It is an error at the `#`; a comment written `# …`, a `#` inside a word
    /// (`C#`, `…/#anker`) and quoted values stay as they were.
    @Test(arguments: [
        (
            "title: Termin #1 am Montag",
            "error 1:15: ` #` starts a comment, so `#1 am Montag` would not be part of the value; put the whole value in quotes (\"…\"), or write `# ` with a space after it for a comment"
        ),
        (
            "weight: 3 #erste",
            "error 1:11: ` #` starts a comment, so `#erste` would not be part of the value; put the whole value in quotes (\"…\"), or write `# ` with a space after it for a comment"
        ),
        (
            "l:\n  - Kita #Anmeldung",
            "error 2:10: ` #` starts a comment, so `#Anmeldung` would not be part of the value; put the whole value in quotes (\"…\"), or write `# ` with a space after it for a comment"
        ),
        ("title: Termin # Kommentar", "title@1:1: string \"Termin\" @1:8"),
        ("title: C#-Kurs", "title@1:1: string \"C#-Kurs\" @1:8"),
        ("url: https://x.example/#anker", "url@1:1: string \"https://x.example/#anker\" @1:6"),
        ("title: \"Termin #1\"", "title@1:1: string \"Termin #1\" @1:8"),
        ("title: Termin #", "title@1:1: string \"Termin\" @1:8"),
    ])
    func hashBeforeTextInAnUnquotedValue(text: String, expected: String) {
        #expect(outcome(text) == expected)
    }

    @Test func duplicateKeys() {
        #expect(
            outcome("title: a\nsummary: b\ntitle: c\n")
                == "error 3:1: duplicate key 'title' (first used on line 1); remove one of them")
        #expect(
            outcome("a:\n  x: 1\n  y: 2\n  x: 3\n")
                == "error 4:3: duplicate key 'x' (first used on line 2); remove one of them")
        #expect(
            outcome("\"k\": 1\nk: 2\n") == "error 2:1: duplicate key 'k' (first used on line 1); remove one of them")
        #expect(
            outcome("a: 1\nb: 2\na: 3\n", lineOffset: 1)
                == "error 4:1: duplicate key 'a' (first used on line 2); remove one of them")
        #expect(parseError("a: 1\na: 2")?.reason == .duplicateKey("a", firstLine: 1))
    }

    @Test func sameKeyInDifferentMapsIsFine() {
        #expect(
            outcome("a:\n  x: 1\nb:\n  x: 2\nl:\n  - x: 3\n  - x: 4\n") == """
                a@1:1: map @2:3
                  x@2:3: integer 1 "1" @2:6
                b@3:1: map @4:3
                  x@4:3: integer 2 "2" @4:6
                l@5:1: list @6:3
                  - map @6:5
                    x@6:5: integer 3 "3" @6:8
                  - map @7:5
                    x@7:5: integer 4 "4" @7:8
                """)
    }

    @Test(arguments: [
        (
            "a: 1\n  b: 2",
            "error 2:3: this line is indented as if it belonged to line 1, which already has its value; " + multiLine
        ),
        (
            "summary: Ein langer Text,\n  der weitergeht.",
            "error 2:3: this line is indented as if it belonged to line 1, which already has its value; " + multiLine
        ),
        (
            "l:\n  - a\n    b",
            "error 3:5: this line is indented as if it belonged to line 2, which already has its value; " + multiLine
        ),
        (
            "l:\n  - a\n   - b",
            "error 3:4: this line is indented as if it belonged to line 2, which already has its value; " + multiLine
        ),
        (
            "a: [x]\n  b",
            "error 2:3: this line is indented as if it belonged to line 1, which already has its value; " + multiLine
        ),
        ("a:\n    b: 1\n  c: 2", "error 3:3: this line is indented 2 spaces where 0 are expected; " + alike),
        ("a:\n  b:\n      c: 1\n   d: 2", "error 4:4: this line is indented 3 spaces where 2 are expected; " + alike),
        ("a:\n  b:\n    c: 1\n d: 2", "error 4:2: this line is indented 1 space where 0 are expected; " + alike),
        ("l:\n  - a\n b", "error 3:2: this line is indented 1 space where 0 are expected; " + alike),
        ("l:\n  - a\n  b: 1", "error 3:3: this line is indented 2 spaces where 0 are expected; " + alike),
        (
            "- a: 1\n   b: 2",
            "error 1:1: the file must consist of 'key: value' lines, but it starts with a list item; put the list below a key"
        ),
        (
            "l:\n- a: 1\n   b: 2",
            "error 3:4: this line is indented as if it belonged to line 2, which already has its value; " + multiLine
        ),
        ("l:\n- a:\n    b: 1\n   c: 2", "error 4:4: this line is indented 3 spaces where 2 are expected; " + alike),
        ("a:\n  l:\n    - 1\n  - 2", "error 4:3: this line is indented 2 spaces where 4 are expected; " + alike),
        ("l:\n  - x:\n     - 1\n    - 2", "error 4:5: this line is indented 4 spaces where 5 are expected; " + alike),
        ("  a: 1", "error 1:3: this line is indented 2 spaces where 0 are expected; " + alike),
        ("# c\n a: 1", "error 2:2: this line is indented 1 space where 0 are expected; " + alike),
    ])
    func badIndentation(text: String, expected: String) {
        #expect(outcome(text) == expected)
    }

    @Test(arguments: [
        (
            "title Willkommen",
            "error 1:1: expected 'key: value'; text belongs on the same line as its key (or below 'key: >' for several lines)"
        ),
        (
            "a: 1\njust text",
            "error 2:1: expected 'key: value'; text belongs on the same line as its key (or below 'key: >' for several lines)"
        ),
        (
            "https://example.org",
            "error 1:1: expected 'key: value'; text belongs on the same line as its key (or below 'key: >' for several lines)"
        ),
        (
            "[a, b]",
            "error 1:1: expected 'key: value'; text belongs on the same line as its key (or below 'key: >' for several lines)"
        ),
        (
            "\"quoted\"",
            "error 1:1: expected 'key: value'; text belongs on the same line as its key (or below 'key: >' for several lines)"
        ),
        (
            "a:\n  b: 1\n  text",
            "error 3:3: expected 'key: value'; text belongs on the same line as its key (or below 'key: >' for several lines)"
        ),
        ("summary:\n  Text hier", "error 2:3: a value must start on the same line as its key; " + multiLine),
        ("summary:\n  \"Text\"", "error 2:3: a value must start on the same line as its key; " + multiLine),
        ("homepage:\n  https://x.org", "error 2:3: a value must start on the same line as its key; " + multiLine),
        ("l:\n  -\n    text", "error 3:5: a value must start on the same line as its key; " + multiLine),
        (
            "summary:\n  \"unclosed",
            "error 2:3: this quoted text has no closing \" on the same line; close it, or for text over several lines write 'key: >' and indent the text below"
        ),
        (
            "a:\n  *ref",
            "error 2:3: aliases ('*') are not supported; if the character is part of the text, put the text in quotes"
        ),
        (
            "&a key: v",
            "error 1:1: anchors ('&') are not supported; if the character is part of the text, put the text in quotes"
        ),
        (
            "!tag: v",
            "error 1:1: tags ('!') are not supported; if the character is part of the text, put the text in quotes"
        ),
        (
            "{a: 1}",
            "error 1:1: maps in braces ('{...}') are not supported; if the character is part of the text, put the text in quotes"
        ),
    ])
    func linesThatAreNotKeyValue(text: String, expected: String) {
        #expect(outcome(text) == expected)
    }

    @Test(arguments: [
        ("title:Willkommen", "error 1:6: missing space after the colon; write 'title: value'"),
        ("homepage:https://x.org", "error 1:9: missing space after the colon; write 'homepage: value'"),
        ("\"quoted\":x", "error 1:9: missing space after the colon; write 'quoted: value'"),
        ("a:\n  b:c", "error 2:4: missing space after the colon; write 'b: value'"),
        ("a:\n  b:c: d", "error 2:4: missing space after the colon; write 'b: value'"),
        ("l:\n  - a: 1\n    b:2", "error 3:6: missing space after the colon; write 'b: value'"),
        (": value", "error 1:1: missing key before the colon; write 'key: value'"),
        (":", "error 1:1: missing key before the colon; write 'key: value'"),
        ("\"\": value", "error 1:1: missing key before the colon; write 'key: value'"),
        ("a: 1\n'' : value", "error 2:1: missing key before the colon; write 'key: value'"),
        ("foo bar: x", "error 1:4: the key 'foo bar' contains a space; " + keyRule),
        ("Straße: x", "error 1:5: the key 'Straße' contains 'ß'; " + keyRule),
        ("a/b: x", "error 1:2: the key 'a/b' contains '/'; " + keyRule),
        ("http://x: y", "error 1:5: the key 'http://x' contains ':'; " + keyRule),
        ("l:\n  - Wann und wo: 10 Uhr", "error 2:9: the key 'Wann und wo' contains a space; " + keyRule),
        ("l:\n  - Zeit:10 Uhr", ""),
    ])
    func malformedKeys(text: String, expected: String) {
        if expected.isEmpty {
            #expect(outcome(text) == "l@1:1: list @2:3\n  - string \"Zeit:10 Uhr\" @2:5")
        } else {
            #expect(outcome(text) == expected)
        }
    }

    @Test(arguments: [
        (
            "- a\n- b",
            "error 1:1: the file must consist of 'key: value' lines, but it starts with a list item; put the list below a key"
        ),
        (
            "-",
            "error 1:1: the file must consist of 'key: value' lines, but it starts with a list item; put the list below a key"
        ),
        (
            "a: 1\n- b",
            "error 2:1: a list item cannot appear here; a list goes below a 'key:' that has nothing after it"
        ),
        (
            "a:\n  b: 1\n  - c",
            "error 3:3: a list item cannot appear here; a list goes below a 'key:' that has nothing after it"
        ),
        (
            "l:\n  - a: 1\n    - b",
            "error 3:5: a list item cannot appear here; a list goes below a 'key:' that has nothing after it"
        ),
        (
            "a: - b",
            "error 1:4: a list cannot start on the same line as its key; put each '- item' on its own line below"
        ),
        (
            "---\ntitle: x",
            "error 1:1: '---' and '...' lines (YAML document markers) are not supported here; remove the line"
        ),
        (
            "title: x\n...  ",
            "error 2:1: '---' and '...' lines (YAML document markers) are not supported here; remove the line"
        ),
    ])
    func misplacedLists(text: String, expected: String) {
        #expect(outcome(text) == expected)
    }

    @Test func theFirstErrorIsReported() {
        #expect(
            outcome("a: [x\nb: 2025-02-30\n\tc: 1")
                == "error 1:4: this list has no closing ']' on the same line; close it, or write one '- item' per line")
        #expect(parseError("a: 1\nb: 2025-02-30\n\tc: 1")?.reason == .invalidDate("2025-02-30"))
    }

    @Test func errorDescriptionIsPositionAndMessage() {
        let error = FrontMatterError(position: TextPosition(line: 3, column: 7), reason: .emptyKey)
        #expect(error.description == "3:7: missing key before the colon; write 'key: value'")
    }
}
