import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One walk over a parsed document: collects headings, links and dropped raw
/// HTML, rewrites link destinations and takes explicit `{#id}`s out of
/// headings, all before the document is rendered.
struct DocumentWalker {
    let lines: SourceLines
    /// Added to a body line to get the file line.
    let lineOffset: Int
    /// The headings; during the walk each has the id it asks for (its
    /// `{#id}` or its slug), after it the unique id it gets.
    private(set) var headings: [MarkdownHeading] = []
    var links: [MarkdownLink] = []
    var droppedRawHTML: [Int] = []
    private(set) var duplicateHeadingIDs: [DuplicateHeadingID] = []
    var bareAddresses: [BareAddress] = []
    /// File lines where a table (`| a | b |` over `|---|---|`) starts inside a paragraph.
    var pipeTables: [TableStart] = []
    /// Paragraphs written as in a word processor: lists pasted with their bullets, headings made of bold text.
    private(set) var wordProcessorHabits: [WordProcessorHabit] = []
    private let pitfalls: PlainTextPitfalls
    /// How many links or images the walk is inside: their text may show an address.
    private var linkDepth = 0
    /// Where in the body the next bare address is looked for: each is found after the one before it.
    private var addressCursor = 0
    /// The headings that end in `{#id}`, in document order.
    private var explicitIDs: [ExplicitIDHeading] = []
    /// The paragraph or heading being walked, and positions in it, made
    /// when the first link or raw HTML in it needs them.
    private var block: OpaquePointer?
    private var positions: InlinePositions?
    /// The last column worked out, so that the next one on the same line further on is counted from there: the
    /// columns of many links on one long line take time linear in its length, not quadratic.
    private var lastColumn = (line: 0, byteOffset: 0, column: 1)

    /// Added to the columns of the body's first line: a table cell is walked as a document of its own, and its
    /// columns are counted from where it is in its row.
    private let columnShift: Int
    /// The paragraphs that are tables, each with its rendered cells and the index of the heading before it (-1 for
    /// none): its HTML replaces the paragraph once the walk is done and the headings have their ids.
    var tables: [(paragraph: OpaquePointer, table: RenderedTable, heading: Int)] = []
    /// The body's reference definitions for table cells, by label, found when the first table is.
    var referenceDefinitions: [String: [UInt8]]?
    /// The document being walked.
    var root: OpaquePointer?

    init(source: UnsafeBufferPointer<UInt8>, firstLine: Int, columnShift: Int = 0) {
        lines = SourceLines(source)
        lineOffset = firstLine - 1
        self.columnShift = columnShift
        pitfalls = PlainTextPitfalls(source: source)
    }

    /// Walks `document` in document order, calling `rewriteLink` once per
    /// link and image.
    mutating func walk(_ document: OpaquePointer, rewriteLink: (MarkdownLink) -> String?) {
        root = document
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if entering {
                    // A table's cells are walked as documents of their own; its inlines as cmark read them are not.
                    if pitfalls.mayHaveTables, cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH,
                        let table = table(in: node, rewriteLink: rewriteLink)
                    {
                        tables.append((node, table, headings.count - 1))
                        cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                        continue
                    }
                    block = node
                    positions = nil
                    // A table with `---` or `===` right under its last row is a heading to cmark.
                    if pitfalls.mayHaveTables, cmark_node_get_type(node) == CMARK_NODE_HEADING,
                        cmark_node_get_end_line(node) > cmark_node_get_start_line(node)
                    {
                        noteTable(in: node, last: Int(cmark_node_get_end_line(node)) - 1)
                    }
                    if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
                        if pitfalls.mayHaveListMarkers { notePastedList(in: node) }
                        noteBoldHeading(node)
                    }
                } else if cmark_node_get_type(node) == CMARK_NODE_HEADING {
                    // Nodes may be changed on exit: their children are done.
                    leave(heading: node)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    linkDepth += 1
                    enter(link: node, rewriteLink: rewriteLink)
                } else {
                    linkDepth -= 1
                    positions?.leave(link: node)
                }
            case CMARK_NODE_TEXT:
                if pitfalls.mayHaveAddresses, linkDepth == 0 { noteAddresses(in: node) }
            case CMARK_NODE_CODE:
                if pitfalls.mayHaveAddresses, linkDepth == 0 { skipCode(node) }
            case CMARK_NODE_HTML_BLOCK:
                noteDroppedHTML(node, line: Int(cmark_node_get_start_line(node)))
            case CMARK_NODE_HTML_INLINE:
                noteDroppedHTML(node, line: start(of: node).line)
            default:
                break
            }
        }
        assignHeadingIDs()
        replaceTables()
    }

    private mutating func enter(link node: OpaquePointer, rewriteLink: (MarkdownLink) -> String?) {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let position = start(of: node)
        let link = MarkdownLink(
            destination: destination,
            line: position.line + lineOffset,
            column: scalarColumn(line: position.line, byteOffset: position.byteOffset),
            isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE,
            text: PlainText.of(node)
        )
        links.append(link)
        if pitfalls.mayHaveAddresses, linkDepth == 1 { skipLink(node, at: position, destination: destination) }
        if let rewritten = rewriteLink(link) {
            cmark_node_set_url(node, rewritten)
        }
    }

    /// Notes the addresses in the text node `node`, each at its place on the node's line: after the one before
    /// it and after the links and code spans before it, which may hold the same address (where an escape or an
    /// entity makes the text differ from the source, at the start of the line).
    private mutating func noteAddresses(in node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let text = UnsafeBufferPointer(
            start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
        // A text node does not span lines; cmark's line for it is right but after reference definitions at the
        // start of a paragraph, where it is the same for every inline and the search falls back.
        let line = Int(cmark_node_get_start_line(node))
        for range in PlainTextPitfalls.addresses(in: text) {
            let address = UnsafeBufferPointer(rebasing: text[range])
            var column = 1
            if let offset = skip(address, onLine: line) {
                column = scalarColumn(line: line, byteOffset: offset - lines.range(ofLine: line).lowerBound)
            }
            bareAddresses.append(
                BareAddress(address: String(decoding: address, as: UTF8.self), line: line + lineOffset, column: column))
        }
    }

    /// The body offset of `bytes` on `line`, at or after `addressCursor`, which then moves past them; nil (and the
    /// cursor stays) if they are not there.
    private mutating func skip(_ bytes: UnsafeBufferPointer<UInt8>, onLine line: Int) -> Int? {
        let range = lines.range(ofLine: line)
        return skip(bytes, from: range.lowerBound, to: range.upperBound)
    }

    private mutating func skip(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        let from = max(addressCursor, start)
        guard let base = lines.bytes.baseAddress, from < end,
            let found = PlainTextPitfalls.find(bytes, in: UnsafeBufferPointer(start: base + from, count: end - from))
        else { return nil }
        addressCursor = from + found + bytes.count
        return from + found
    }

    /// Moves the address search past the link or image `node`, which starts at `position`: past its destination
    /// where it is written in the block (not for a reference link, whose destination is elsewhere), so that the
    /// same address written as text later is found there, not in the link.
    private mutating func skipLink(_ node: OpaquePointer, at position: BodyPosition, destination: String) {
        guard !destination.isEmpty, let block else { return }
        let start = lines.range(ofLine: position.line).lowerBound + position.byteOffset
        let blockEnd = lines.range(ofLine: Int(cmark_node_get_end_line(block))).upperBound
        // Only in the link's own source: looking through the rest of the block for a destination written
        // elsewhere (a reference link's) took a paragraph of many links quadratic time. An autolink's end may be
        // off by the block's indent; `<`, the destination and `>` are always looked through.
        let linkEnd = max(positions?.end(of: node) ?? blockEnd, start + destination.utf8.count + 2)
        let end = min(blockEnd, linkEnd)
        var destination = destination
        destination.withUTF8 { _ = skip($0, from: start, to: end) }
    }

    /// Moves the address search past the code span `node` (its text as written, if it is).
    private mutating func skipCode(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let text = UnsafeBufferPointer(
            start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
        guard !text.isEmpty else { return }
        _ = skip(text, onLine: Int(cmark_node_get_start_line(node)))
    }

    /// Notes the paragraph `node` if its lines start with bullets (`• `), or with dashes (`– `) at its start or on
    /// two of its lines, at the first of them.
    private mutating func notePastedList(in node: OpaquePointer) {
        let first = Int(cmark_node_get_start_line(node))
        let last = Int(cmark_node_get_end_line(node))
        guard first >= 1, last >= first else { return }
        var firstDash: WordProcessorHabit?
        for line in first...last {
            guard let marker = PlainTextPitfalls.listMarker(startingLine: lines.bytes(ofLine: line)) else { continue }
            let item = WordProcessorHabit(
                .pastedList(marker: marker.scalar), line: line + lineOffset,
                column: lines.scalarColumn(line: line, byteOffset: marker.offset))
            if !marker.isDash || line == first || firstDash != nil {
                wordProcessorHabits.append(firstDash ?? item)
                return
            }
            firstDash = item
        }
    }

    /// Notes the paragraph `node` if it stands in the document itself and is one bold text (`**Öffnungszeiten**`) of
    /// at most 60 characters that does not end a sentence (`.`, `!`, `?`, `…`): a heading made as in a word
    /// processor. A bold sentence, a bold list item and bold text with a link are emphasis.
    private mutating func noteBoldHeading(_ node: OpaquePointer) {
        guard let strong = cmark_node_first_child(node), cmark_node_get_type(strong) == CMARK_NODE_STRONG,
            cmark_node_next(strong) == nil, let parent = cmark_node_parent(node),
            cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT
        else { return }
        var child = cmark_node_first_child(strong)
        while let current = child {
            let type = cmark_node_get_type(current)
            guard type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_EMPH else { return }
            child = cmark_node_next(current)
        }
        let text = PlainText.of(strong)
        guard !text.isEmpty, text.unicodeScalars.count <= 60, let last = text.unicodeScalars.last,
            !".!?…".unicodeScalars.contains(last)
        else { return }
        // The bold text has no line break, so it is the paragraph's last line (its first may be a reference
        // definition); it starts after the line's indentation.
        let line = Int(cmark_node_get_end_line(node))
        let bytes = lines.bytes(ofLine: line)
        let indentation = bytes.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        wordProcessorHabits.append(
            WordProcessorHabit(
                .boldHeading(text: text), line: line + lineOffset,
                column: lines.scalarColumn(line: line, byteOffset: indentation)))
    }

    /// Where the inline `node` (in the current block) starts.
    private mutating func start(of node: OpaquePointer) -> BodyPosition {
        if positions == nil, let block {
            positions = InlinePositions(block: block, lines: lines)
        }
        return positions?.start(of: node) ?? BodyPosition(line: Int(cmark_node_get_start_line(node)), byteOffset: 0)
    }

    private mutating func leave(heading node: OpaquePointer) {
        let explicitID = Self.removeExplicitID(from: node)
        let text = PlainText.of(node)
        let line = Int(cmark_node_get_start_line(node))
        if let explicitID {
            explicitIDs.append(
                ExplicitIDHeading(
                    index: headings.count, id: explicitID, line: line,
                    startByte: Int(cmark_node_get_start_column(node)) - 1))
        }
        headings.append(
            MarkdownHeading(
                level: Int(cmark_node_get_heading_level(node)),
                text: text,
                id: explicitID ?? Markdown.slug(text),
                line: line + lineOffset
            ))
    }

    /// A heading that ends in `{#id}`, and where it is in the body.
    private struct ExplicitIDHeading {
        /// Its index in `headings`.
        var index: Int
        var id: String
        /// The body line it starts on.
        var line: Int
        /// The byte offset in that line where it starts.
        var startByte: Int
    }

    /// Makes the heading ids unique once every heading is known. An explicit
    /// id is what the editor asked for and what their `#links` name, so it is
    /// kept exactly, and a heading that would get the same id from its text —
    /// before or after it — is the one numbered. Only the second heading with
    /// the same explicit id is numbered, and reported. Without explicit ids,
    /// the ids are numbered in document order, as they always were.
    private mutating func assignHeadingIDs() {
        // Explicit ids contain only ASCII, which a dictionary compares byte for byte.
        var firstWithID: [String: Int] = [:]
        var reserved: [String] = []
        for explicit in explicitIDs where firstWithID[explicit.id] == nil {
            firstWithID[explicit.id] = explicit.index
            reserved.append(explicit.id)
        }
        var registry = HeadingIDRegistry(reserving: reserved)
        var nextExplicit = explicitIDs.startIndex
        for index in headings.indices {
            guard nextExplicit < explicitIDs.endIndex, explicitIDs[nextExplicit].index == index else {
                headings[index].id = registry.claim(headings[index].id)
                continue
            }
            let explicit = explicitIDs[nextExplicit]
            nextExplicit += 1
            guard let first = firstWithID[explicit.id], first != index else { continue }
            headings[index].id = registry.claim(explicit.id)
            duplicateHeadingIDs.append(
                DuplicateHeadingID(
                    id: explicit.id, line: headings[index].line, column: column(of: explicit),
                    firstLine: headings[first].line))
        }
    }

    /// The column of the heading's `{#id}` on its first line, or of the
    /// heading's start when it is not there (a setext heading over several
    /// lines, an escape inside the braces).
    private mutating func column(of explicit: ExplicitIDHeading) -> Int {
        let line = lines.bytes(ofLine: explicit.line)
        let marker = Array("{#\(explicit.id)}".utf8)
        var offset = line.count - marker.count
        while offset >= 0 {
            if line[offset..<(offset + marker.count)].elementsEqual(marker) {
                return scalarColumn(line: explicit.line, byteOffset: offset)
            }
            offset -= 1
        }
        return scalarColumn(line: explicit.line, byteOffset: explicit.startByte)
    }

    /// The 1-based column in Unicode scalars of the byte at `offset` in body line `line`, in the file.
    mutating func scalarColumn(line: Int, byteOffset offset: Int) -> Int {
        bodyColumn(line: line, byteOffset: offset) + (line == 1 ? columnShift : 0)
    }

    /// The 1-based column in Unicode scalars of the byte at `offset` in body line `line`.
    private mutating func bodyColumn(line: Int, byteOffset offset: Int) -> Int {
        let range = lines.range(ofLine: line)
        let offset = min(max(offset, 0), range.count)
        let column =
            line == lastColumn.line && offset >= lastColumn.byteOffset
            ? lastColumn.column
                + lines.scalarCount(in: (range.lowerBound + lastColumn.byteOffset)..<(range.lowerBound + offset))
            : lines.scalarColumn(line: line, byteOffset: offset)
        lastColumn = (line, offset, column)
        return column
    }

    /// Takes a trailing `{#id}` out of the heading's text and returns the id.
    /// The braces may span several text nodes: cmark splits text at `_`.
    private static func removeExplicitID(from heading: OpaquePointer) -> String? {
        // Quick test first: most headings do not end in `}`.
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(last), strlen(literal) > 0,
            literal[strlen(literal) - 1] == CChar(UInt8(ascii: "}"))
        else { return nil }
        var trailingText: [OpaquePointer] = []
        var child: OpaquePointer? = last
        while let current = child, cmark_node_get_type(current) == CMARK_NODE_TEXT {
            trailingText.append(current)
            child = cmark_node_previous(current)
        }
        trailingText.reverse()
        guard let first = trailingText.first,
            let explicit = ExplicitHeadingID(splitting: trailingText.map(PlainText.literal(of:)).joined())
        else { return nil }
        for node in trailingText.dropFirst() {
            cmark_node_free(node)
        }
        if explicit.textBefore.isEmpty {
            cmark_node_free(first)
        } else {
            cmark_node_set_literal(first, explicit.textBefore)
        }
        return explicit.id
    }

    private mutating func noteDroppedHTML(_ node: OpaquePointer, line: Int) {
        guard !RawHTML.isOnlyComments(PlainText.literal(of: node)) else { return }
        let fileLine = line + lineOffset
        if droppedRawHTML.last != fileLine {
            droppedRawHTML.append(fileLine)
        }
    }
}
