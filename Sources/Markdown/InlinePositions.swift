import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an inline node starts in the source: a 1-based line of the body and
/// a 0-based byte offset in that line.
struct BodyPosition: Equatable {
    var line: Int
    var byteOffset: Int
}

/// Turns cmark 0.30's inline source positions into exact ones for the inline
/// nodes of one paragraph or heading.
///
/// Block positions from cmark are exact, inline ones are not. cmark counts an
/// inline column as "offset in the block's content line + the block's start
/// column", which is right on the block's first line only. What this corrects:
/// - Continuation lines: cmark strips block-quote markers and indentation
///   (`  second line`, `> > more`) but adds the first line's indent instead.
///   `ContainerPrefixes` finds where each line's content really starts.
/// - A link whose text spans lines gets the line of its closing bracket, an
///   autolink a column without the block's indent: `cmarkStart(of:)` reads
///   both from the link's first child instead.
/// - Reference definitions at the start of a paragraph are not counted as
///   lines, so every inline after them sits too high.
/// - A line break inside a link destination or title (`[a](\n/url)`) is not
///   counted either: later columns on that line run on past its end.
/// The last two show up as the difference between the paragraph's last line
/// (exact) and its last inline's line (from cmark); only paragraphs with such
/// a difference pay for the extra work.
struct InlinePositions {
    let lines: SourceLines
    /// The block's first line and the byte column (1-based) where it starts.
    let startLine: Int
    let startColumn: Int
    private let containers: ContainerPrefixes
    /// Lines of reference definitions at the start of the paragraph.
    private var skippedLines = 0
    /// Line breaks inside link destinations and titles seen so far, by the
    /// cmark line they were lost on. Every node after such a break on the same
    /// cmark line runs past the line's end by the same breaks, so a line
    /// keeps the most seen there; later cmark lines are shifted by them all.
    /// Each with the sum of the counts before it, so that the lines lost
    /// before a cmark line are found by binary search: in a paragraph of
    /// thousands of such lines, adding them up for every node took quadratic
    /// time.
    private var lostLines: [(cmarkLine: Int, count: Int, before: Int)] = []
    /// Whether `lostLines` are in the order of their cmark lines, as links
    /// end in document order.
    private var lostLinesInOrder = true
    /// Whether this block has uncounted lines at all; only then are line
    /// breaks inside links looked for.
    let hasUncountedLines: Bool
    /// The last walk of `locate` across lines: from a line and offset to a
    /// line and the offset left in it. A node further on from the same line
    /// goes on from there, so a line that runs on over thousands of line
    /// breaks inside links is walked once, not once for each node.
    private var lastCrossing: (fromLine: Int, offset: Int, line: Int, rest: Int, crossed: Int)?
    /// The starts `cmarkStart(of:)` worked out for links and images inside
    /// the one it was asked for.
    private var knownStarts: [OpaquePointer: (line: Int, column: Int)] = [:]

    /// Prepares positions for the paragraph or heading `block`.
    init(block: OpaquePointer, lines: SourceLines) {
        self.lines = lines
        startLine = Int(cmark_node_get_start_line(block))
        startColumn = Int(cmark_node_get_start_column(block))
        containers = ContainerPrefixes(block: block, lines: lines)
        var uncounted = 0
        if cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH, let last = cmark_node_last_child(block) {
            let lastLine = Int(cmark_node_get_end_line(last))
            if lastLine > 0 {
                uncounted = max(0, Int(cmark_node_get_end_line(block)) - lastLine)
            }
        }
        hasUncountedLines = uncounted > 0
        if hasUncountedLines {
            skippedLines = Self.referenceDefinitionLines(
                in: block, uncounted: uncounted, lines: lines, containers: containers)
        }
    }

    /// Where the link, image, autolink or raw HTML `node` starts.
    mutating func start(of node: OpaquePointer) -> BodyPosition {
        let start = cmarkStart(of: node)
        return locate(line: start.line, column: start.column) { Self.canOpen(node, with: $0) }.position
    }

    /// The body offset just past the closing `)`, `]` or `>` of the link or
    /// image `node`. A line break inside its own destination or title is
    /// counted only once the link is left (`leave(link:)`).
    mutating func end(of node: OpaquePointer) -> Int {
        let end = locate(
            line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)),
            isExpected: Self.isClosing
        ).position
        return lines.range(ofLine: end.line).lowerBound + end.byteOffset + 1
    }

    /// Whether `node` can start with `byte` in the source.
    private static func canOpen(_ node: OpaquePointer, with byte: UInt8) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_IMAGE: byte == UInt8(ascii: "!")
        case CMARK_NODE_LINK: byte == UInt8(ascii: "[") || (byte == UInt8(ascii: "<") && couldBeAutolink(node))
        default: byte == UInt8(ascii: "<")
        }
    }

    /// Whether the link `node` could be an autolink (`<https://…>`): its
    /// only child is text that is its destination. `[https://a.de](https://a.de)`
    /// looks the same in the tree.
    private static func couldBeAutolink(_ node: OpaquePointer) -> Bool {
        guard let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
            cmark_node_get_type(child) == CMARK_NODE_TEXT,
            let url = cmark_node_get_url(node), let text = cmark_node_get_literal(child)
        else { return false }
        return strcmp(url, text) == 0 || (strncmp(url, "mailto:", 7) == 0 && strcmp(url + 7, text) == 0)
    }

    /// Takes note of line breaks inside the destination or title of the link
    /// or image `node`; call it when leaving the node.
    mutating func leave(link node: OpaquePointer) {
        _ = noteLineBreaks(inside: node)
    }

    /// Records the line breaks inside the link `node` and tells whether its
    /// end landed on a closing `)`, `]` or `>`.
    private mutating func noteLineBreaks(inside node: OpaquePointer) -> Bool {
        guard hasUncountedLines else { return true }
        // An autolink has no line break inside; cmark's end column for it
        // leaves out the block's indent, like its start column.
        if Self.couldBeAutolink(node) {
            let start = start(of: node)
            if lines.byte(line: start.line, offset: start.byteOffset) == UInt8(ascii: "<") { return true }
        }
        let cmarkLine = Int(cmark_node_get_end_line(node))
        let end = locate(line: cmarkLine, column: Int(cmark_node_get_end_column(node)), isExpected: Self.isClosing)
        if end.linesCrossed > 0 {
            if let last = lostLines.last, last.cmarkLine == cmarkLine {
                lostLines[lostLines.count - 1].count = max(last.count, end.linesCrossed)
            } else {
                if let last = lostLines.last, last.cmarkLine > cmarkLine { lostLinesInOrder = false }
                lostLines.append((cmarkLine, end.linesCrossed, lostLines.last.map { $0.before + $0.count } ?? 0))
            }
        }
        return lines.byte(line: end.position.line, offset: end.position.byteOffset).map(Self.isClosing) ?? false
    }

    private static func isClosing(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: ">")
    }

    private func linesLost(before cmarkLine: Int) -> Int {
        guard lostLinesInOrder else {
            return lostLines.reduce(0) { $1.cmarkLine < cmarkLine ? $0 + $1.count : $0 }
        }
        // The number of entries before `cmarkLine`.
        var low = 0
        var high = lostLines.count
        while low < high {
            let middle = (low + high) / 2
            if lostLines[middle].cmarkLine < cmarkLine { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? 0 : lostLines[low - 1].before + lostLines[low - 1].count
    }

    /// Maps cmark's (line, column) to the source. `isExpected` tells whether a
    /// byte can be the node's first one, to pick among possible prefixes.
    private mutating func locate(line cmarkLine: Int, column: Int, isExpected: (UInt8) -> Bool)
        -> (position: BodyPosition, linesCrossed: Int)
    {
        var line = min(max(cmarkLine + skippedLines + linesLost(before: cmarkLine), 1), lines.count)
        var offset: Int
        var prefix: Int
        if line == startLine {
            // First line: cmark's column is the byte column.
            offset = column - 1
            prefix = 0
        } else {
            offset = max(0, column - startColumn)
            prefix = containers.contentStart(ofLine: line)
        }
        var crossed = 0
        let from = (line: line, offset: offset)
        if hasUncountedLines, let last = lastCrossing, last.fromLine == line, offset >= last.offset {
            // Further on than the last node from this line: its walk passes the same lines.
            offset = last.rest + (offset - last.offset)
            line = last.line
            crossed = last.crossed
            prefix = containers.contentStart(ofLine: line)
        }
        var clamped = false
        while hasUncountedLines, prefix + offset >= lines.range(ofLine: line).count, line < lines.count {
            offset -= lines.range(ofLine: line).count - prefix + lines.lineEndingLength(ofLine: line)
            if offset < 0 {
                offset = 0
                clamped = true
            }
            line += 1
            crossed += 1
            prefix = containers.contentStart(ofLine: line)
        }
        if crossed > 0 {
            // A walk that ended inside a line ending does not add up for one further on.
            lastCrossing = clamped ? nil : (from.line, from.offset, line, offset, crossed)
        }
        if line != startLine, !(lines.byte(line: line, offset: prefix + offset).map(isExpected) ?? false) {
            // Not where it should be (a NUL byte, which cmark widens to
            // U+FFFD, can do that): try every prefix cmark could have
            // stripped, longest first.
            var candidate = lines.containerPrefixLength(ofLine: line)
            while candidate >= 0 {
                if let byte = lines.byte(line: line, offset: candidate + offset), isExpected(byte) {
                    prefix = candidate
                    break
                }
                candidate -= 1
            }
        }
        return (BodyPosition(line: line, byteOffset: prefix + offset), crossed)
    }

    /// cmark's line and column of the first character of `node`.
    ///
    /// For a link or image they are taken from its first child, which starts
    /// right after the `[`, `![` or `<`: cmark gives a link whose text spans
    /// lines the line of its closing bracket, and an autolink a column that
    /// leaves out the block's indent. A link whose text starts with a line
    /// break takes the line before its first text and its own column.
    ///
    /// Found without recursion, and each link's start is kept: in thousands
    /// of nested images, each one's start is worked out once, not once for
    /// every image around it.
    mutating func cmarkStart(of node: OpaquePointer) -> (line: Int, column: Int) {
        // The links and images from `node` down through their first children, each with the line breaks before
        // its first child (`node` itself apart: most links hold text, and need no list); then the start of what
        // the innermost one starts with.
        var outermost: (link: OpaquePointer, lineBreaks: Int)?
        var inside: [(link: OpaquePointer, lineBreaks: Int)] = []
        var current: OpaquePointer? = node
        var start: (line: Int, column: Int)
        while true {
            guard let inner = current else {
                // The innermost link has nothing but line breaks inside: its own start.
                let last = inside.popLast()?.link ?? node
                outermost = last == node ? nil : outermost
                start = Self.ownStart(of: last)
                if last != node { knownStarts[last] = start }
                break
            }
            if let known = knownStarts[inner] {
                start = known
                break
            }
            let type = cmark_node_get_type(inner)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else {
                start = Self.ownStart(of: inner)
                break
            }
            var lineBreaks = 0
            var child = cmark_node_first_child(inner)
            while let breakNode = child,
                cmark_node_get_type(breakNode) == CMARK_NODE_SOFTBREAK
                    || cmark_node_get_type(breakNode) == CMARK_NODE_LINEBREAK
            {
                lineBreaks += 1
                child = cmark_node_next(breakNode)
            }
            if inner == node { outermost = (inner, lineBreaks) } else { inside.append((inner, lineBreaks)) }
            current = child
        }
        // Each link starts where what it starts with starts, less its own bracket.
        func around(_ start: (line: Int, column: Int), link: OpaquePointer, lineBreaks: Int) -> (line: Int, column: Int)
        {
            let own = Self.ownStart(of: link)
            if start.line <= 0 { return own }
            if lineBreaks > 0 { return (start.line - lineBreaks, own.column) }
            return (start.line, start.column - (cmark_node_get_type(link) == CMARK_NODE_IMAGE ? 2 : 1))
        }
        while let (link, lineBreaks) = inside.popLast() {
            start = around(start, link: link, lineBreaks: lineBreaks)
            // They are asked for next.
            knownStarts[link] = start
        }
        if let (link, lineBreaks) = outermost {
            start = around(start, link: link, lineBreaks: lineBreaks)
        }
        return start
    }

    /// The line and column cmark gives `node`.
    private static func ownStart(of node: OpaquePointer) -> (line: Int, column: Int) {
        (line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
    }

    /// How many of the `uncounted` lines of `block` are reference definitions
    /// at its start: the rest are line breaks inside links. Each guess, most
    /// definitions first, is checked by walking the block's links: the breaks
    /// found and the guess must add up, and every link must start and end on
    /// its brackets.
    private static func referenceDefinitionLines(
        in block: OpaquePointer, uncounted: Int, lines: SourceLines, containers: ContainerPrefixes
    ) -> Int {
        // A reference definition starts with `[`; the paragraph starts with it.
        let startLine = Int(cmark_node_get_start_line(block))
        guard lines.byte(line: startLine, offset: Int(cmark_node_get_start_column(block)) - 1) == UInt8(ascii: "[")
        else { return 0 }
        let first = cmark_node_first_child(block)
        for guess in stride(from: uncounted, through: 1, by: -1) {
            // With many uncounted lines, a guess is walked only where the first inline can start on the line after
            // the definitions: a paragraph with thousands of line breaks inside its links was walked once for each
            // possible guess. Below that every guess is walked, as a line break written `\` is not counted by cmark
            // either, and the guess that takes it for a definition line places what follows it right.
            if uncounted > Self.guessesWalkedAlways, let first,
                !canStart(first, atContentOf: startLine + guess, lines: lines, containers: containers)
            {
                continue
            }
            var positions = InlinePositions(block: block, lines: lines, containers: containers, skippedLines: guess)
            if positions.checkLinks(in: block), guess + positions.linesLost(before: .max) == uncounted {
                return guess
            }
        }
        return 0
    }

    /// Up to this many uncounted lines in a paragraph, every guess at its definition lines is walked.
    static let guessesWalkedAlways = 64

    /// Whether the inline `node` can start where the content of `line` starts. Text may start with an escape or
    /// an entity there.
    private static func canStart(
        _ node: OpaquePointer, atContentOf line: Int, lines: SourceLines, containers: ContainerPrefixes
    ) -> Bool {
        guard line <= lines.count,
            let byte = lines.byte(line: line, offset: containers.contentStart(ofLine: line))
        else { return false }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_HTML_INLINE:
            return canOpen(node, with: byte)
        case CMARK_NODE_CODE:
            return byte == UInt8(ascii: "`")
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            return byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_")
        case CMARK_NODE_TEXT:
            guard let literal = cmark_node_get_literal(node), literal.pointee != 0 else { return true }
            return UInt8(bitPattern: literal.pointee) == byte || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "&")
        default:
            return true
        }
    }

    private init(block: OpaquePointer, lines: SourceLines, containers: ContainerPrefixes, skippedLines: Int) {
        self.lines = lines
        self.containers = containers
        startLine = Int(cmark_node_get_start_line(block))
        startColumn = Int(cmark_node_get_start_column(block))
        hasUncountedLines = true
        self.skippedLines = skippedLines
    }

    /// Walks the links of `block` as the document walk will, and tells
    /// whether each one starts and ends where its brackets are.
    private mutating func checkLinks(in block: OpaquePointer) -> Bool {
        guard let iterator = cmark_iter_new(block) else { return false }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return true }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            if event == CMARK_EVENT_ENTER {
                let start = start(of: node)
                guard let byte = lines.byte(line: start.line, offset: start.byteOffset), Self.canOpen(node, with: byte)
                else { return false }
            } else if !noteLineBreaks(inside: node) {
                return false
            }
        }
    }
}
