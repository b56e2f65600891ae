import Foundation
import FrontMatter

/// Reads typed settings from a front-matter map and collects what is wrong with them.
struct FieldReader {
    var file: String
    var map: Mapping
    var position: TextPosition
    var diagnostics: [Diagnostic] = []

    mutating func fail(_ position: TextPosition, _ message: String) {
        diagnostics.append(Diagnostic(file: file, position: position, message: message))
    }

    /// Warns about keys that are not in `known`, suggesting the closest known one.
    mutating func rejectUnknown(_ known: Set<String>) {
        for entry in map.entries where !known.contains(entry.key) {
            var message = "unknown setting `\(entry.key)`"
            if let suggestion = Spelling.closest(to: entry.key, among: known) {
                message += "; did you mean `\(suggestion)`?"
            }
            diagnostics.append(
                Diagnostic(file: file, position: entry.keyPosition, severity: .warning, message: message))
        }
    }

    /// The text of a scalar (strings, numbers, dates, booleans as written); nil for lists, maps and null.
    static func scalarText(_ node: Node) -> String? {
        switch node.value {
        case .list, .map, .null: return nil
        default: return node.text
        }
    }

    mutating func string(_ key: String) -> String? {
        guard let node = map[key] else { return nil }
        if case .null = node.value { return nil }
        guard let text = Self.scalarText(node) else {
            fail(node.position, "`\(key)` must be text")
            return nil
        }
        return text
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = map[key] else { return nil }
        guard case .boolean(let value) = node.value else {
            fail(node.position, "`\(key)` must be `true` or `false`")
            return nil
        }
        return value
    }

    mutating func stringList(_ key: String) -> [String]? {
        guard let node = map[key] else { return nil }
        switch node.value {
        case .list(let items):
            var result: [String] = []
            for item in items {
                if let text = Self.scalarText(item) {
                    result.append(text)
                } else {
                    fail(item.position, "each entry of `\(key)` must be text")
                }
            }
            return result
        default:
            if let text = Self.scalarText(node) { return [text] }
            fail(node.position, "`\(key)` must be a list, e.g. `[de, en]`")
            return nil
        }
    }
}

/// Suggestions for misspelt names.
enum Spelling {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    static func closest(to word: String, among candidates: some Collection<String>) -> String? {
        let limit = max(1, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(Array(word), Array(candidate))
            if distance <= limit, distance < (best?.1 ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Rules for file, folder and language names, which become URLs.
enum ContentName {
    /// Whether `name` (without `.md`) is usable in a URL: lowercase ASCII letters, digits, `-` and `_`.
    static func isValid(_ name: Substring) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
            }
    }

    /// The name an editor should use instead: lowercase, umlauts spelled out, other characters as `-`.
    static func suggestion(for name: Substring) -> String {
        var result = ""
        for character in name.lowercased() {
            switch character {
            case "ä": result += "ae"
            case "ö": result += "oe"
            case "ü": result += "ue"
            case "ß": result += "ss"
            default:
                if character.isASCII, character.isLetter || character.isNumber || character == "-" || character == "_" {
                    result.append(character)
                } else if let folded = String(character).decomposedASCIILetter {
                    result.append(folded)
                } else if !result.hasSuffix("-") {
                    result.append("-")
                }
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        while result.hasPrefix("-") { result.removeFirst() }
        return result.isEmpty ? "page" : result
    }

    /// `code` lowercased if it is a plausible BCP 47 tag, nil if it is not.
    static func validLanguageCode(_ code: String) -> String? {
        let lower = code.lowercased()
        guard !lower.isEmpty, !lower.hasPrefix("-"), !lower.hasSuffix("-"),
            lower.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }),
            lower.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A })
        else { return nil }
        return lower
    }
}

extension String {
    /// The base letter of an accented Latin letter (`é` → `e`), if there is one.
    fileprivate var decomposedASCIILetter: Character? {
        guard let first = decomposedStringWithCanonicalMapping.unicodeScalars.first, first.isASCII,
            Character(first).isLetter
        else { return nil }
        return Character(first)
    }
}
