import Markdown
import Testing

/// A small deterministic random source (xorshift), so a failure repeats.
private struct Dice {
    var state: UInt64

    mutating func roll(_ sides: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(sides))
    }

    mutating func pick<T>(_ choices: [T]) -> T { choices[roll(choices.count)] }
}

/// A generated Markdown body with, for every link destination, the text the
/// link starts with in the source, and the lines where raw HTML starts.
private struct GeneratedDocument {
    var source = ""
    var lineCount = 0
    var markers: [String: String] = [:]
    var rawHTMLLines: [Int] = []
    private var serial = 0
    private var dice: Dice

    init(seed: UInt64) {
        dice = Dice(state: seed)
        let references = (0..<3).map { "r\(seed)x\($0)" }
        for _ in 0..<(2 + dice.roll(4)) {
            appendBlock(references: references)
            appendLine("")
        }
        for reference in references {
            appendLine("[\(reference)]: /\(reference)")
        }
    }

    private mutating func appendLine(_ line: String) {
        source += line + "\n"
        lineCount += 1
    }

    /// One paragraph or heading, maybe inside containers, whose continuation
    /// lines carry varied prefixes (indented, lazy, tabs).
    private mutating func appendBlock(references: [String]) {
        let containers: [(first: String, continuation: [String])] = [
            ("", ["", "  ", "   ", "\t"]),
            ("> ", ["> ", ">", "", "  ", ">    "]),
            ("> > ", ["> > ", "> >   ", "> ", ""]),
            ("- ", ["  ", "   ", "\t", ""]),
            ("1. ", ["   ", "    ", "\t", ""]),
            ("- > ", ["  > ", "  >", ""]),
            ("-   ", ["    ", "\t", "  ", ""]),
            ("10) ", ["    ", "     ", ""]),
            ("- - ", ["    ", "  ", ""]),
            (">\t", [">\t", "> ", ""]),
            (" > 1. ", [" >    ", " > ", ""]),
            ("## ", []),
        ]
        let container = dice.pick(containers)
        if container.first.isEmpty, dice.roll(3) == 0 {
            // Reference definitions at the start of a paragraph.
            for _ in 0...dice.roll(2) {
                serial += 1
                appendLine("[unused\(serial)]: /unused\(serial)")
            }
        }
        var text = dice.pick(["Text", "Gebühr", "مرحبا", "日本語", "👋"])
        let multiLine = !container.continuation.isEmpty
        for _ in 0..<(1 + dice.roll(8)) {
            text += " " + token(multiLine: multiLine, references: references)
            if multiLine, dice.roll(4) == 0 { text += "\n" + dice.pick(["weiter", "Straße"]) }
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let prefix = index == 0 ? container.first : dice.pick(container.continuation)
            if line.contains("<span") { rawHTMLLines.append(lineCount + 1) }
            appendLine(prefix + line)
        }
    }

    private mutating func token(multiLine: Bool, references: [String]) -> String {
        serial += 1
        let id = "\(serial)x"
        let destination = "/d\(serial)"
        var choices = 10
        if multiLine { choices += 7 }
        switch dice.roll(choices) {
        case 0:
            markers[destination] = "[L\(id)"
            return "[L\(id)](\(destination))"
        case 1:
            markers[destination] = "[L\(id)"
            return "*betont [L\(id)](\(destination) \"Titel\")*"
        case 2:
            markers["i\(id).png"] = "![A\(id)"
            return "![A\(id)](i\(id).png)"
        case 3:
            markers["https://u\(id).de"] = "<https://u\(id)"
            return "<https://u\(id).de>"
        case 4:
            let reference = dice.pick(references)
            markers["/\(reference)"] = "[R"
            return "[R\(id)][\(reference)]"
        case 5:
            return "`code` ü"
        case 6:
            markers[destination] = "[![B\(id)"
            markers["b\(id).png"] = "![B\(id)"
            return "[![B\(id)](b\(id).png) Logo](\(destination))"
        case 7:
            markers[destination] = "[]"
            return "\\[x] &amp; [](\(destination))"
        case 8:
            markers[destination] = "[**L\(id)"
            return "[**L\(id)** *x*](\(destination)) _y_"
        case 9:
            markers[destination] = "[\\*L\(id)"
            return "[\\*L\(id)&auml;](\(destination))"
        case 10:
            markers[destination] = "[L\(id)"
            return "[L\(id)\nmehr](\(destination))"
        case 11:
            markers[destination] = "[L\(id)"
            return "[L\(id)](\n\(destination))"
        case 12:
            markers[destination] = "[L\(id)"
            return "[L\(id)](\(destination) \"Titel\nzwei\")"
        case 13:
            return "`Code\nspan`"
        case 14:
            return "hart  \nbrechen"
        case 15:
            markers[destination] = "["
            return "[\nL\(id)](\(destination))"
        default:
            return "<span\nclass=\"c\">"
        }
    }
}

/// Thousands of generated bodies mixing containers, lazy and indented
/// continuation lines, tabs, multibyte text, reference definitions and line
/// breaks inside links: every reported position must be the link's own
/// opening bracket, and raw HTML must be reported on its first line.
@Test func everyLinkPositionPointsAtItsOpeningBracket() {
    for seed in 1...2000 {
        let document = GeneratedDocument(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15)
        let firstLine = 1 + seed % 5
        let rendered = Markdown.render(document.source, firstLine: firstLine) { _ in nil }
        let lines = document.source.split(separator: "\n", omittingEmptySubsequences: false)
        var found: Set<String> = []
        for link in rendered.links {
            let line = lines[link.line - firstLine].unicodeScalars
            let start =
                line.index(line.startIndex, offsetBy: link.column - 1, limitedBy: line.endIndex) ?? line.endIndex
            let atPosition = String(String.UnicodeScalarView(line[start...]))
            let expected = document.markers[link.destination] ?? "?"
            #expect(atPosition.hasPrefix(expected), "seed \(seed): \(link) in:\n\(document.source)")
            found.insert(link.destination)
        }
        #expect(found == Set(document.markers.keys), "seed \(seed):\n\(document.source)")
        #expect(
            rendered.droppedRawHTML == document.rawHTMLLines.map { $0 + firstLine - 1 },
            "seed \(seed):\n\(document.source)")
    }
}
