/// The recursive-descent parser behind `FrontMatterParser`: maps, lists and
/// where each value starts. Scalars, keys and block strings are in the
/// `BlockParser+…` files.
///
/// A block (map or list) has an indentation `n`; every entry of it starts at
/// column `n + 1`. A map or list that starts after `- ` on the same line is
/// indented by the column of its first character, as in YAML.
struct BlockParser {
    let source: SourceLines
    let lineOffset: Int
    /// The first line not yet consumed.
    var next = 0
    /// How many maps and lists are open.
    var depth = 0

    init(source: SourceLines, lineOffset: Int) {
        self.source = source
        self.lineOffset = lineOffset
    }

    func line(_ index: Int) -> SourceLines.Line { source.lines[index] }

    func position(_ line: Int, _ index: Int) -> TextPosition {
        TextPosition(line: line + 1 + lineOffset, column: source.column(index, in: source.lines[line]))
    }

    func error(_ reason: FrontMatterError.Reason, _ line: Int, _ index: Int) -> FrontMatterError {
        FrontMatterError(position: position(line, index), reason: reason)
    }

    /// The line number users see for a line index.
    func lineNumber(_ line: Int) -> Int { line + 1 + lineOffset }

    // MARK: Lines

    /// Skips blank and comment lines and returns the next line with content,
    /// or nil at the end. A content line indented with a tab is an error.
    mutating func nextContentLine() throws(FrontMatterError) -> Int? {
        while next < source.lines.count {
            let current = line(next)
            if current.isBlank || source[current.contentStart] == "#" {
                next += 1
                continue
            }
            if let tab = current.firstIndentTab { throw error(.tabInIndentation, next, tab) }
            return next
        }
        return nil
    }

    /// Whether `- ` (or a `-` ending the line) starts at `index`.
    func isListItem(_ l: Int, _ index: Int) -> Bool {
        let current = line(l)
        guard index < current.end, source[index] == "-" else { return false }
        return index + 1 == current.end || source.isBlank(at: index + 1)
    }

    /// The error for a line indented more than its block: after a value that was
    /// complete on its own line, most likely an attempt at multi-line text.
    func misindentation(_ l: Int, expected: Int, inlineValueLine: Int?) -> FrontMatterError {
        let current = line(l)
        if let valueLine = inlineValueLine {
            return error(.indentedAfterValue(valueLine: lineNumber(valueLine)), l, current.contentStart)
        }
        return error(.unexpectedIndentation(found: current.indent, expected: expected), l, current.contentStart)
    }

    mutating func enterBlock(_ l: Int, _ index: Int) throws(FrontMatterError) {
        depth += 1
        if depth > FrontMatterParser.maximumDepth {
            throw error(.nestingTooDeep(limit: FrontMatterParser.maximumDepth), l, index)
        }
    }

    // MARK: Blocks

    mutating func parseDocument() throws(FrontMatterError) -> Mapping {
        guard let first = try nextContentLine() else { return Mapping() }
        let current = line(first)
        if current.indent > 0 {
            throw error(.unexpectedIndentation(found: current.indent, expected: 0), first, current.contentStart)
        }
        if isListItem(first, current.contentStart) { throw error(.topLevelNotMap, first, current.contentStart) }
        // A map at indentation 0 ends only at the end of the text.
        return try parseMap(first, current.contentStart, indent: 0).mapValue ?? Mapping()
    }

    /// Parses a map whose first key starts at `start` on line `first`.
    mutating func parseMap(_ first: Int, _ start: Int, indent: Int) throws(FrontMatterError) -> Node {
        try enterBlock(first, start)
        defer { depth -= 1 }
        var entries: [Mapping.Entry] = []
        // Keys seen so far, hashed only once the map is large (see `Mapping`).
        var seen: [String: Int]?
        var l = first
        var index = start
        while true {
            let key = try parseKey(l, index)
            let keyPosition = position(l, key.start)
            let earlier = seen.map { $0[key.key] } ?? entries.firstIndex { $0.key == key.key }
            if let earlier {
                let firstLine = entries[earlier].keyPosition.line
                throw FrontMatterError(position: keyPosition, reason: .duplicateKey(key.key, firstLine: firstLine))
            }
            if seen != nil {
                seen?[key.key] = entries.count
            } else if entries.count + 1 >= Mapping.indexThreshold {
                var index = [String: Int](minimumCapacity: 4 * Mapping.indexThreshold)
                for (offset, entry) in entries.enumerated() { index[entry.key] = offset }
                index[key.key] = entries.count
                seen = index
            }
            let (value, inlineLine) = try parseValue(l, key.valueStart, indent: indent, listAtSameIndent: true)
            entries.append(Mapping.Entry(key: key.key, keyPosition: keyPosition, value: value))

            guard let following = try nextContentLine() else { break }
            let current = line(following)
            if current.indent < indent { break }
            if current.indent > indent {
                throw misindentation(following, expected: indent, inlineValueLine: inlineLine)
            }
            if isListItem(following, current.contentStart) {
                // Most likely meant as one more item of the list just above it.
                if case .list = value.value, value.position.column - 1 > indent {
                    throw error(
                        .unexpectedIndentation(found: current.indent, expected: value.position.column - 1),
                        following, current.contentStart)
                }
                throw error(.unexpectedListItem, following, current.contentStart)
            }
            l = following
            index = current.contentStart
        }
        return Node(value: .map(Mapping(entries: entries, indexByKey: seen)), position: position(first, start))
    }

    /// Parses a list whose first `-` is at `start` on line `first`.
    mutating func parseList(_ first: Int, _ start: Int, indent: Int) throws(FrontMatterError) -> Node {
        try enterBlock(first, start)
        defer { depth -= 1 }
        var items: [Node] = []
        var l = first
        var dash = start
        while true {
            let (item, inlineLine) = try parseListItem(l, dash, indent: indent)
            items.append(item)

            guard let following = try nextContentLine() else { break }
            let current = line(following)
            if current.indent < indent { break }
            if current.indent > indent {
                throw misindentation(following, expected: indent, inlineValueLine: inlineLine)
            }
            // A `key:` line at the list's indentation ends a list that is the
            // value of a key at that same indentation; the parent map decides.
            guard isListItem(following, current.contentStart) else { break }
            l = following
            dash = current.contentStart
        }
        return Node(value: .list(items), position: position(first, start))
    }

    /// Parses the item after the `-` at `dash`; returns the line of an item written
    /// on the dash's line.
    mutating func parseListItem(_ l: Int, _ dash: Int, indent: Int) throws(FrontMatterError) -> (Node, Int?) {
        let current = line(l)
        var start = dash + 1
        while start < current.end, source[start] == " " { start += 1 }
        if start < current.end, source[start] == "\t" { throw error(.tabInIndentation, l, start) }
        if start == current.end || source.isComment(at: start, in: current) {
            next = l + 1
            return (try parseNestedBlock(after: l, emptyAt: dash + 1, indent: indent, listAtSameIndent: false), nil)
        }
        let itemIndent = start - current.start
        if isListItem(l, start) { return (try parseList(l, start, indent: itemIndent), nil) }
        // As in YAML, `- a: b` is a map; `- a b: c` is a key error that suggests quotes.
        if startsMapEntry(l, start) || (startsPlainScalar(l, start) && mappingColon(l, from: start) != nil) {
            return (try parseMap(l, start, indent: itemIndent), nil)
        }
        return try parseValue(l, start, indent: indent, listAtSameIndent: false)
    }

    /// Parses the value that starts at or after `index` on line `l` (after
    /// `key:` or `- `); `indent` is the indentation of the block holding it.
    /// Returns the line of a value written there (a scalar or flow list), nil for
    /// a nested block, block string or empty value.
    mutating func parseValue(
        _ l: Int, _ index: Int, indent: Int, listAtSameIndent: Bool
    ) throws(FrontMatterError) -> (Node, Int?) {
        let current = line(l)
        let start = source.skipBlanks(from: index, in: current)
        if start == current.end || source.isComment(at: start, in: current) {
            next = l + 1
            let node = try parseNestedBlock(
                after: l, emptyAt: index, indent: indent, listAtSameIndent: listAtSameIndent)
            return (node, nil)
        }
        let node: Node
        switch source[start] {
        case "|", ">":
            return (try parseBlockString(l, start, indent: indent), nil)
        case "\"", "'":
            let quoted = try scanQuoted(l, start)
            try expectLineEnd(l, quoted.end, otherwise: .textAfterQuote)
            node = Node(value: .string(quoted.text), position: position(l, start), text: quoted.text)
        case "[":
            node = try parseFlowList(l, start)
        case "-" where isListItem(l, start):
            throw error(.listOnKeyLine, l, start)
        case "&", "*", "!", "%", "@", "`", "{", "}", "]":
            throw error(.unsupportedSyntax(Character(source[start])), l, start)
        default:
            let comment = source.commentStart(from: start, in: current)
            // `title: Termin #1` would silently be "Termin": a comment starts with `# `, or `#` alone.
            if comment + 1 < current.end, comment > start, !source.isBlank(at: comment + 1) {
                let rest = String(decoding: source.bytes[comment..<current.end], as: UTF8.self)
                throw error(.hashInPlainValue(rest: String(rest.prefix(40))), l, comment)
            }
            let end = source.trimmedEnd(start, comment)
            node = try plainScalar(l, start..<end)
        }
        next = l + 1
        return (node, l)
    }

    /// The value of `key:` or `-` with nothing after it: a block on the following
    /// lines indented deeper than `indent` (or, below a key, a list at the same
    /// indentation), else null at `emptyAt`.
    mutating func parseNestedBlock(
        after l: Int, emptyAt: Int, indent: Int, listAtSameIndent: Bool
    ) throws(FrontMatterError) -> Node {
        let empty = Node(value: .null, position: position(l, emptyAt))
        guard let nested = try nextContentLine() else { return empty }
        let current = line(nested)
        let start = current.contentStart
        if current.indent == indent, listAtSameIndent, isListItem(nested, start) {
            return try parseList(nested, start, indent: indent)
        }
        guard current.indent > indent else { return empty }
        if isListItem(nested, start) { return try parseList(nested, start, indent: current.indent) }
        if startsMapEntry(nested, start) || looksLikeMapEntry(nested, start) {
            return try parseMap(nested, start, indent: current.indent)
        }
        let first = source[start]
        if !BlockParser.canStartPlainScalar(first), first != "\"", first != "'", first != "[" {
            throw error(.unsupportedSyntax(Character(first)), nested, start)
        }
        if first == "\"" || first == "'" { _ = try scanQuoted(nested, start) }
        throw error(.valueOnOwnLine, nested, start)
    }

    /// Throws `reason` unless only blanks and a comment follow `index` on line `l`.
    func expectLineEnd(_ l: Int, _ index: Int, otherwise reason: FrontMatterError.Reason) throws(FrontMatterError) {
        let current = line(l)
        let rest = source.skipBlanks(from: index, in: current)
        guard rest == current.end || (rest > index && source.isComment(at: rest, in: current)) else {
            throw error(reason, l, rest)
        }
    }
}
