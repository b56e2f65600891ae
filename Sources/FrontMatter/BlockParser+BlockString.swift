/// `|` (literal) and `>` (folded) block strings.
extension BlockParser {
    private enum Chomping {
        /// Default: one final line break.
        case clip
        /// `-`: no final line break.
        case strip
        /// `+`: the final line break and any empty lines after the text.
        case keep
    }

    /// Parses the block string whose `|` or `>` is at `header` on line `l`; its
    /// lines follow, indented deeper than `indent` by as much as the first
    /// non-empty one.
    mutating func parseBlockString(_ l: Int, _ header: Int, indent: Int) throws(FrontMatterError) -> Node {
        let current = line(l)
        let folded = source[header] == ">"
        var chomping = Chomping.clip
        var index = header + 1
        if index < current.end, source[index] == "-" || source[index] == "+" {
            chomping = source[index] == "-" ? .strip : .keep
            index += 1
        }
        try expectLineEnd(l, index, otherwise: .invalidBlockStringHeader)

        // Each line's text after the block's indentation; nil for an empty line.
        var lines: [String?] = []
        var blockIndent: Int?
        var following = l + 1
        while following < source.lines.count {
            let candidate = line(following)
            if candidate.isBlank {
                lines.append(nil)
            } else {
                if blockIndent == nil {
                    guard candidate.indent > indent else { break }
                    blockIndent = candidate.indent
                }
                guard let blockIndent, candidate.indent >= blockIndent else { break }
                lines.append(source.text(candidate.start + blockIndent..<candidate.end))
            }
            following += 1
        }
        next = following

        let text: String
        if let last = lines.lastIndex(where: { $0 != nil }) {
            let body = lines[...last].map { $0 ?? "" }
            let content = folded ? Self.fold(body) : body.joined(separator: "\n")
            let trailingEmpty = lines.count - last - 1
            switch chomping {
            case .strip: text = content
            case .clip: text = content + "\n"
            case .keep: text = content + String(repeating: "\n", count: 1 + trailingEmpty)
            }
        } else {
            text = chomping == .keep ? String(repeating: "\n", count: lines.count) : ""
        }
        return Node(value: .string(text), position: position(l, header), text: text)
    }

    /// Folds lines as YAML's `>` does: a line break between two text lines becomes
    /// a space; each empty line between them becomes a line break; lines that
    /// start with a blank ("more indented") keep their line breaks.
    private static func fold(_ lines: [String]) -> String {
        var result = ""
        var previousIsMoreIndented: Bool?
        var emptyLines = 0
        for line in lines {
            guard let first = line.unicodeScalars.first else {
                if previousIsMoreIndented == nil { result += "\n" } else { emptyLines += 1 }
                continue
            }
            let isMoreIndented = first == " " || first == "\t"
            if let previous = previousIsMoreIndented {
                if !previous && !isMoreIndented {
                    result += emptyLines == 0 ? " " : String(repeating: "\n", count: emptyLines)
                } else {
                    result += String(repeating: "\n", count: emptyLines + 1)
                }
            }
            result += line
            previousIsMoreIndented = isMoreIndented
            emptyLines = 0
        }
        return result
    }
}
