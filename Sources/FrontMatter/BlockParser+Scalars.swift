/// Scalars on one line: plain, 'single' and "double" quoted, and `[…]` flow lists.
extension BlockParser {
    /// A quoted scalar's unescaped text and the index just past its closing quote.
    struct Quoted {
        var text: String
        var end: Int
    }

    /// A plain scalar occupying `range` of line `l`, resolved to its type;
    /// `position` is where it starts if the caller knows it already.
    func plainScalar(_ l: Int, _ range: Range<Int>, at position: TextPosition? = nil) throws(FrontMatterError) -> Node {
        let text = source.text(range)
        let start = position ?? self.position(l, range.lowerBound)
        switch PlainScalar.resolve(text) {
        case .value(let value):
            return Node(value: value, position: start, text: text)
        case .invalid(let reason):
            throw FrontMatterError(position: start, reason: reason)
        }
    }

    /// Scans the quoted scalar whose opening quote is at `quote`. It must close on
    /// the same line.
    func scanQuoted(_ l: Int, _ quote: Int) throws(FrontMatterError) -> Quoted {
        let end = line(l).end
        let mark = source[quote]
        // Bytes are copied into `text` only once an escape or `''` makes the
        // value differ from the source; until then `copied` marks the first byte not yet copied.
        var text: [UInt8] = []
        var copied = quote + 1
        var index = quote + 1
        while index < end {
            let byte = source[index]
            if byte == mark {
                // In single quotes, `''` stands for one quote.
                if mark == "'", index + 1 < end, source[index + 1] == "'" {
                    text += source.bytes[copied...index]
                    index += 2
                    copied = index
                    continue
                }
                if copied == quote + 1 { return Quoted(text: source.text(copied..<index), end: index + 1) }
                text += source.bytes[copied..<index]
                return Quoted(text: String(decoding: text, as: UTF8.self), end: index + 1)
            }
            if mark == "\"", byte == "\\" {
                // A backslash ending the line is YAML's line continuation: unsupported,
                // so the quote is reported as unclosed.
                guard index + 1 < end else { break }
                let (unescaped, length) = try unescape(l, index, end)
                text += source.bytes[copied..<index]
                text.appendUTF8(unescaped)
                index += length
                copied = index
                continue
            }
            index += 1
        }
        throw error(.unclosedQuote(Character(mark)), l, quote)
    }

    /// The scalar an escape sequence at `backslash` stands for, and its length in bytes. A control character that
    /// pages may not contain is an error, as it is when typed into the file (`UTF8Validation.firstProblem`): written
    /// as `\0`, `\x1b` or `\u0085` it would otherwise reach the page unseen.
    private func unescape(_ l: Int, _ backslash: Int, _ end: Int) throws(FrontMatterError) -> (Unicode.Scalar, Int) {
        let (scalar, length) = try escaped(l, backslash, end)
        let isForbidden =
            scalar.isASCII ? UTF8Validation.isForbiddenASCII(UInt8(scalar.value)) : scalar.value <= 0x9F
        if isForbidden {
            throw error(.controlEscape(source.text(backslash..<backslash + length), scalar), l, backslash)
        }
        return (scalar, length)
    }

    /// The scalar the escape sequence at `backslash` stands for, whatever it is, and its length in bytes.
    private func escaped(_ l: Int, _ backslash: Int, _ end: Int) throws(FrontMatterError) -> (Unicode.Scalar, Int) {
        let digitCount: Int
        switch source[backslash + 1] {
        case "\\": return ("\\", 2)
        case "\"": return ("\"", 2)
        case "/": return ("/", 2)
        case "n": return ("\n", 2)
        case "t": return ("\t", 2)
        case "r": return ("\r", 2)
        case "0": return ("\0", 2)
        case "x": digitCount = 2
        case "u": digitCount = 4
        case "U": digitCount = 8
        default:
            let escape = "\\" + String(source.character(at: backslash + 1))
            throw error(.invalidEscape(escape), l, backslash)
        }
        var value: UInt32 = 0
        var index = backslash + 2
        while index < min(end, backslash + 2 + digitCount), let digit = Self.hexValue(source[index]) {
            value = value * 16 + digit
            index += 1
        }
        guard index == backslash + 2 + digitCount, let scalar = Unicode.Scalar(value) else {
            throw error(.invalidEscape(source.text(backslash..<index)), l, backslash)
        }
        return (scalar, 2 + digitCount)
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 48
        case "a"..."f": scalar.value - 87
        case "A"..."F": scalar.value - 55
        default: nil
        }
    }

    /// Parses a `[a, "b", 3]` flow list of scalars that opens at `bracket` and
    /// closes on the same line.
    func parseFlowList(_ l: Int, _ bracket: Int) throws(FrontMatterError) -> Node {
        let current = line(l)
        var items: [Node] = []
        // Columns are counted onwards from the previous item, so that a long
        // line of non-ASCII items is not counted from its start for each one.
        var known: (index: Int, column: Int)?
        func position(_ index: Int) -> TextPosition {
            let column = source.column(index, in: current, after: known)
            known = (index, column)
            return TextPosition(line: lineNumber(l), column: column)
        }
        let listPosition = position(bracket)
        var index = source.skipBlanks(from: bracket + 1, in: current)
        while true {
            guard index < current.end, !source.isComment(at: index, in: current) else {
                throw error(.unclosedFlowList, l, bracket)
            }
            let first = source[index]
            switch first {
            case "]":
                // `[]`, or the closing bracket after a trailing comma.
                try expectLineEnd(l, index + 1, otherwise: .textAfterFlowList)
                return Node(value: .list(items), position: listPosition)
            case ",":
                throw error(.emptyFlowItem, l, index)
            case "[", "{":
                throw error(.nestedFlowCollection, l, index)
            case "\"", "'":
                let quoted = try scanQuoted(l, index)
                items.append(Node(value: .string(quoted.text), position: position(index), text: quoted.text))
                index = quoted.end
            case "&", "*", "!", "%", "@", "`", "}", "|", ">":
                throw error(.unsupportedSyntax(Character(first)), l, index)
            default:
                var end = index
                while end < current.end, source[end] != ",", source[end] != "]",
                    !source.isComment(at: end, in: current)
                {
                    if source[end] == "[" || source[end] == "{" { throw error(.nestedFlowCollection, l, end) }
                    if source[end] == "}" { throw error(.unsupportedSyntax("}"), l, end) }
                    end += 1
                }
                items.append(try plainScalar(l, index..<source.trimmedEnd(index, end), at: position(index)))
                index = end
            }
            index = source.skipBlanks(from: index, in: current)
            guard index < current.end, !source.isComment(at: index, in: current) else {
                throw error(.unclosedFlowList, l, bracket)
            }
            switch source[index] {
            case ",": index = source.skipBlanks(from: index + 1, in: current)
            case "]": continue
            default: throw error(.textAfterQuote, l, index)
            }
        }
    }
}
