import FrontMatter
import Testing

/// Deep nesting, long input and arbitrary input: errors, never crashes or hangs.
@Suite struct RobustnessTests {
    /// `a:` nested `levels` deep, one space per level, ending in `a: x`.
    private func nestedMaps(_ levels: Int) -> String {
        (0..<levels).map { String(repeating: " ", count: $0) + ($0 == levels - 1 ? "a: x" : "a:") }
            .joined(separator: "\n")
    }

    private func depth(_ node: Node) -> Int {
        switch node.value {
        case .map(let mapping): 1 + (mapping.entries.map { depth($0.value) }.max() ?? 0)
        case .list(let items): 1 + (items.map(depth).max() ?? 0)
        default: 0
        }
    }

    @Test func nestingUpToTheLimitParses() throws {
        let mapping = try FrontMatterParser.parse(nestedMaps(100))
        #expect(1 + depth(mapping["a"]!) == 100)
        let lists = try FrontMatterParser.parse("a:\n" + String(repeating: "- ", count: 99) + "x")
        #expect(1 + depth(lists["a"]!) == 100)
    }

    @Test func nestingBeyondTheLimitIsAnError() {
        #expect(outcome(nestedMaps(101)) == "error 101:101: nested more than 100 levels deep; simplify the structure")
        #expect(outcome(nestedMaps(5000)) == "error 101:101: nested more than 100 levels deep; simplify the structure")
        #expect(
            outcome("a:\n" + String(repeating: "- ", count: 100) + "x")
                == "error 2:199: nested more than 100 levels deep; simplify the structure")
        #expect(
            outcome("a:\n" + String(repeating: "- ", count: 100_000))
                == "error 2:199: nested more than 100 levels deep; simplify the structure")
    }

    @Test func longLinesAndManyLines() throws {
        let long = String(repeating: "Wort ", count: 200_000) + "Ende"
        #expect(try FrontMatterParser.parse("text: \(long)")["text"]?.stringValue == long)
        let quoted = String(repeating: "\\u00e4", count: 100_000)
        #expect(
            try FrontMatterParser.parse("text: \"\(quoted)\"")["text"]?.stringValue
                == String(repeating: "ä", count: 100_000))
        let deepIndent = "a:\n" + String(repeating: " ", count: 500_000) + "b: 1"
        #expect(try FrontMatterParser.parse(deepIndent)["a"]?.mapValue?["b"]?.value == .integer(1))
        let wideItems = "list: [" + Array(repeating: "ä", count: 100_000).joined(separator: ", ") + "]"
        let items = try FrontMatterParser.parse(wideItems)["list"]?.listValue ?? []
        #expect(items.count == 100_000)
        #expect(items.last?.position == TextPosition(line: 1, column: 8 + 3 * 99_999))
        let manyKeys = (0..<50_000).map { "key\($0): \($0)" }.joined(separator: "\n")
        let mapping = try FrontMatterParser.parse(manyKeys)
        #expect(mapping.entries.count == 50_000)
        #expect(mapping["key49999"]?.value == .integer(49_999))
        #expect(mapping.entries[49_999].keyPosition == TextPosition(line: 50_000, column: 1))
    }

    @Test func unclosedThingsAtTheEndOfInput() {
        #expect(
            outcome("a: \"")
                == "error 1:4: this quoted text has no closing \" on the same line; close it, or for text over several lines write 'key: >' and indent the text below"
        )
        #expect(
            outcome("a: '")
                == "error 1:4: this quoted text has no closing ' on the same line; close it, or for text over several lines write 'key: >' and indent the text below"
        )
        #expect(
            outcome("a: \"\\")
                == "error 1:4: this quoted text has no closing \" on the same line; close it, or for text over several lines write 'key: >' and indent the text below"
        )
        #expect(
            outcome("a: \"\\u")
                == "error 1:5: '\\u' is not a valid escape sequence in double quotes; write '\\\\' for a backslash, or use single quotes"
        )
        #expect(
            outcome("a: [")
                == "error 1:4: this list has no closing ']' on the same line; close it, or write one '- item' per line")
        #expect(outcome("a: |") == "a@1:1: string \"\" @1:4")
        #expect(outcome("a:") == "a@1:1: null @1:3")
        #expect(
            outcome("-")
                == "error 1:1: the file must consist of 'key: value' lines, but it starts with a list item; put the list below a key"
        )
        #expect(outcome("a:\n-") == "a@1:1: list @2:1\n  - null @2:2")
        #expect(
            outcome("\"")
                == "error 1:1: this quoted text has no closing \" on the same line; close it, or for text over several lines write 'key: >' and indent the text below"
        )
        #expect(outcome("#") == "")
        #expect(outcome("\r") == "")
        #expect(
            outcome("\u{0}: x")
                == "error 1:1: the key 'U+0000' contains 'U+0000'; keys may use only letters a-z, digits, '-', '_' and '.' (if this line is text, put it in quotes)"
        )
        #expect(
            outcome("\"a\\u200Bb\": 1\na\u{200B}b: 2")
                == "error 2:2: the key 'aU+200Bb' contains 'U+200B'; keys may use only letters a-z, digits, '-', '_' and '.' (if this line is text, put it in quotes)"
        )
        #expect(
            outcome("\"\\t\": 1\n'\t': 2")
                == "error 2:1: duplicate key 'U+0009' (first used on line 1); remove one of them")
    }

    /// Arbitrary input from characters that matter to the parser: every result
    /// is a map or an error whose position lies inside the input.
    @Test func arbitraryInputGivesAMapOrAnErrorInsideTheText() {
        let alphabet: [String] = [
            " ", " ", "  ", "\t", "\n", "\n", "\r\n", "\r", "-", "- ", ":", ": ", "#", " #", "\"", "'", "\\", "\\u",
            "[", "]", ",", "{", "}", "|", ">", "+", "&", "*", "!", "a", "key", "x", "1", "2025-11-13", "2025-13",
            "T18:00", "ä", "😀", "\u{FEFF}", "---",
        ]
        var generator = SplitMix64(seed: 0x5EED)
        var outcomes: [String: Int] = ["map": 0, "error": 0]
        for _ in 0..<3000 {
            let count = Int(generator.next() % 40)
            let text = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            let lines = SourceLinesForTest.lineLengths(text)
            do {
                _ = try FrontMatterParser.parse(text, lineOffset: 3)
                outcomes["map", default: 0] += 1
            } catch {
                let line = error.position.line - 3
                #expect(line >= 1 && line <= lines.count, "line of \(error) in \(text.quoted)")
                if line >= 1 && line <= lines.count {
                    #expect(
                        error.position.column >= 1 && error.position.column <= lines[line - 1] + 1,
                        "column of \(error) in \(text.quoted)")
                }
                #expect(!error.message.isEmpty)
                outcomes["error", default: 0] += 1
            }
        }
        // Both kinds of result occur, so the generator explores both paths.
        #expect(outcomes["map"]! > 100)
        #expect(outcomes["error"]! > 100)
    }
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Line lengths in Unicode scalars, independently of the parser: a leading BOM
/// is dropped; `\n`, `\r\n` and `\r` end lines.
enum SourceLinesForTest {
    static func lineLengths(_ text: String) -> [Int] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var lengths: [Int] = [0]
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\r" || scalars[index] == "\n" {
                if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                lengths.append(0)
            } else {
                lengths[lengths.count - 1] += 1
            }
            index += 1
        }
        return lengths
    }
}
