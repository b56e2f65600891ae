import FrontMatter

/// The version of a page's translatable text, recorded in translations as `source_hash:` so that translation
/// status works without git history (CI clones are shallow).
enum SourceHash {
    /// A short hash of everything a translator translates in `file`: its translatable fields and its body.
    /// Language-neutral fields (dates, addresses) and `source_hash` itself do not count.
    static func of(_ file: SourceFile) -> String {
        var text = ""
        let fields = Schema.fields(for: file.kind)
        for entry in file.frontMatter.entries where entry.key != "source_hash" {
            guard let field = fields.named(entry.key) else { continue }
            appendTranslatable(
                entry.value, type: field.type, translatable: field.translatable, key: entry.key, to: &text)
        }
        text += "\u{1E}body\u{1F}"
        text += normalizedBody(file.readBody() ?? "")
        return hex(fnv1a(text))
    }

    private static func appendTranslatable(
        _ node: Node, type: FieldType, translatable: Bool, key: String, to text: inout String
    ) {
        switch type {
        case .record(let subfields):
            guard case .map(let map) = node.value else { return }
            for entry in map.entries {
                guard let subfield = subfields.named(entry.key) else { continue }
                appendTranslatable(
                    entry.value, type: subfield.type, translatable: subfield.translatable, key: key + "." + entry.key,
                    to: &text)
            }
        default:
            guard translatable else { return }
            text += "\u{1E}" + key + "\u{1F}"
            canonical(node, into: &text)
        }
    }

    private static func canonical(_ node: Node, into text: inout String) {
        switch node.value {
        case .list(let items):
            text += "["
            for item in items {
                canonical(item, into: &text)
                text += "\u{1D}"
            }
            text += "]"
        case .map(let map):
            text += "{"
            for entry in map.entries {
                text += entry.key + "\u{1F}"
                canonical(entry.value, into: &text)
                text += "\u{1D}"
            }
            text += "}"
        case .null:
            break
        default:
            text += node.text ?? ""
        }
    }

    /// The body without differences no reader sees: line endings, trailing spaces, blank lines at either end.
    static func normalizedBody(_ body: String) -> String {
        var lines: [Substring] = []
        for line in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var trimmed = line
            while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed = trimmed.dropLast() }
            lines.append(trimmed)
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// 64-bit FNV-1a: small, stable across platforms and releases, good enough to notice a change.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The first 12 hex digits: short enough to read in front matter.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String((String(repeating: "0", count: 16 - digits.count) + digits).prefix(12))
    }
}
