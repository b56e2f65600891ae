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
    private let lines: SourceLines
    /// Added to a body line to get the file line.
    private let lineOffset: Int
    /// The headings; during the walk each has the id it asks for (its
    /// `{#id}` or its slug), after it the unique id it gets.
    private(set) var headings: [MarkdownHeading] = []
    private(set) var links: [MarkdownLink] = []
    private(set) var droppedRawHTML: [Int] = []
    private(set) var duplicateHeadingIDs: [DuplicateHeadingID] = []
    private(set) var bareAddresses: [BareAddress] = []
    /// File lines where a table (`| a | b |` over `|---|---|`) starts inside a paragraph.
    private(set) var pipeTables: [TableStart] = []
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
    private var tables: [(paragraph: OpaquePointer, table: RenderedTable, heading: Int)] = []
    /// The body's reference definitions for table cells, by label, found when the first table is.
    private var referenceDefinitions: [String: [UInt8]]?
    /// The document being walked.
    private var root: OpaquePointer?

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

    /// The HTML of the paragraph `node` if it is a table (see `PipeTable`), with its cells walked and rendered.
    /// A paragraph that has a table's delimiter row under a line with a `|` but is not one (the row is not its
    /// second line, or the cells do not match) is noted in `pipeTables`.
    private mutating func table(in node: OpaquePointer, rewriteLink: (MarkdownLink) -> String?) -> RenderedTable? {
        let first = Int(cmark_node_get_start_line(node))
        let last = Int(cmark_node_get_end_line(node))
        guard let line = delimiterRow(first: first, last: last) else { return nil }
        if line == first + 1, let html = renderTable(node, first: first, last: last, rewriteLink: rewriteLink) {
            return html
        }
        noteTable(delimiterRow: line)
        return nil
    }

    /// Notes a table in the block `node`'s lines up to `last` that is not rendered, at its first row.
    private mutating func noteTable(in node: OpaquePointer, last: Int) {
        guard let line = delimiterRow(first: Int(cmark_node_get_start_line(node)), last: last) else { return }
        noteTable(delimiterRow: line)
    }

    /// Notes a table that is not rendered, whose delimiter row is body line `line`, at its first row.
    private mutating func noteTable(delimiterRow line: Int) {
        pipeTables.append(
            TableStart(
                line: line - 1 + lineOffset,
                column: PlainTextPitfalls.contentColumn(of: lines.range(ofLine: line - 1), in: lines)))
    }

    /// The first of the lines `first + 1...last` that is a table's delimiter row under a line with a `|`.
    private func delimiterRow(first: Int, last: Int) -> Int? {
        guard last > first, let base = lines.bytes.baseAddress else { return nil }
        for line in (first + 1)...last {
            let row = lines.range(ofLine: line)
            let above = lines.range(ofLine: line - 1)
            if PlainTextPitfalls.isDelimiterRow(UnsafeBufferPointer(start: base + row.lowerBound, count: row.count)),
                memchr(base + above.lowerBound, Int32(UInt8(ascii: "|")), above.count) != nil
            {
                return line
            }
        }
        return nil
    }

    /// The table in the paragraph `node`'s lines `first...last`, or nil if it is none or a cell cannot be read as
    /// a line of text (nothing is walked then).
    private mutating func renderTable(
        _ node: OpaquePointer, first: Int, last: Int, rewriteLink: (MarkdownLink) -> String?
    ) -> RenderedTable? {
        let prefixes = ContainerPrefixes(block: node, lines: lines)
        let firstStart = Int(cmark_node_get_start_column(node)) - 1
        guard
            let table = PipeTable(
                lines: lines, first: first, last: last,
                contentStart: { $0 == first ? firstStart : prefixes.contentStart(ofLine: $0) })
        else { return nil }
        // Every cell is checked before any is walked, so that a table given up on has called `rewriteLink` for none.
        if referenceDefinitions == nil { referenceDefinitions = referenceDefinitionsOfBody() }
        var checked: [[TableCell]] = []
        for row in table.rows {
            var cells: [TableCell] = []
            for cell in row {
                guard let checkedCell = TableCell(cell, lines: lines, definitions: referenceDefinitions ?? [:])
                else { return nil }
                cells.append(checkedCell)
            }
            checked.append(cells)
        }
        var html: [[[UInt8]]] = []
        // The region is named by the first row's text: its first eight cells, which is what a reader hears.
        var label: [String] = []
        for (index, row) in checked.enumerated() {
            html.append(
                row.enumerated().map { column, cell in
                    walk(cell, rewriteLink: rewriteLink) { document in
                        if index == 0, column < 8 { label.append(PlainText.of(document)) }
                    }
                })
        }
        return RenderedTable(table: table, cells: html, label: label.filter { !$0.isEmpty }.joined(separator: ", "))
    }

    /// Parses a table cell and walks its document as a body of its own on the cell's line, takes what it found,
    /// shows the document to `look`, and gives the cell's HTML (its paragraph's, without `<p>`). The document is
    /// made with the system's allocator and freed at once: a table of many cells does not keep them all.
    private mutating func walk(
        _ cell: TableCell, rewriteLink: (MarkdownLink) -> String?, look: (OpaquePointer) -> Void
    ) -> [UInt8] {
        guard !cell.text.isEmpty, let document = TableCell.parse(cell.text + cell.definitions) else { return [] }
        defer { cmark_node_free(document) }
        // Counted on from the cell before on the same row (`scalarColumn` keeps its place): a row of thousands of
        // cells takes time linear in its length.
        let lineStart = lines.range(ofLine: cell.line).lowerBound
        let column = scalarColumn(line: cell.line, byteOffset: cell.start - lineStart)
        let found = cell.text.withUnsafeBufferPointer { text in
            var walker = DocumentWalker(
                source: text, firstLine: cell.line + lineOffset, columnShift: column - 1 - cell.inserted)
            walker.walk(document, rewriteLink: rewriteLink)
            return walker
        }
        links += found.links
        bareAddresses += found.bareAddresses
        for line in found.droppedRawHTML where droppedRawHTML.last != line { droppedRawHTML.append(line) }
        look(document)
        // The paragraph's HTML without `<p>` and `</p>\n`.
        var html = Markdown.renderHTML(document, headingIDs: [])[...]
        if html.starts(with: "<p>".utf8) { html = html.dropFirst(3) }
        if html.reversed().starts(with: "\n>p/<".utf8) { html = html.dropLast(5) }
        return Array(html)
    }

    /// The body's lines that look like reference definitions (`[1]: https://…`, indented at most three spaces;
    /// with the next line when the destination is on it), by label as cmark compares labels (case folded, runs of
    /// spaces as one), for table cells: a cell's `[Kurs][1]` finds its definition. Lines in code blocks and HTML
    /// blocks are not definitions; those inside block quotes and list items are not found.
    private func referenceDefinitionsOfBody() -> [String: [UInt8]] {
        var excluded: [ClosedRange<Int>] = []
        if let root, let iterator = cmark_iter_new(root) {
            defer { cmark_iter_free(iterator) }
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK {
                    let first = Int(cmark_node_get_start_line(node))
                    excluded.append(first...max(first, Int(cmark_node_get_end_line(node))))
                }
            }
        }
        var definitions: [String: [UInt8]] = [:]
        var next = 0
        for line in 1...max(lines.count, 1) {
            while next < excluded.count, excluded[next].upperBound < line { next += 1 }
            if next < excluded.count, excluded[next].contains(line) { continue }
            let bytes = lines.bytes(ofLine: line)
            let indentation = bytes.prefix { $0 == UInt8(ascii: " ") }.count
            guard indentation <= 3, indentation < bytes.count, bytes[indentation] == UInt8(ascii: "["),
                let close = bytes[indentation...].firstIndex(of: UInt8(ascii: "]")), close + 1 < bytes.count,
                bytes[close + 1] == UInt8(ascii: ":"),
                let label = TableCell.label(bytes[(indentation + 1)..<close])
            else { continue }
            var definition = Array(bytes) + [0x0A]
            // `[1]:` alone: the destination is on the next line.
            if bytes[(close + 2)...].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }),
                line < lines.count
            {
                definition += Array(lines.bytes(ofLine: line + 1)) + [0x0A]
            }
            if definitions[label] == nil { definitions[label] = definition }
        }
        return definitions
    }

    /// A table with its cells' HTML and the text of its first row.
    private struct RenderedTable {
        var table: PipeTable
        var cells: [[[UInt8]]]
        var label: String
    }

    /// Puts each table's HTML where its paragraph was, named by the heading before it (its id), or else by its
    /// first row's text.
    private mutating func replaceTables() {
        for (paragraph, rendered, heading) in tables {
            let name: PipeTable.Name = heading >= 0 ? .labelledBy(headings[heading].id) : .label(rendered.label)
            let html = rendered.table.html(name: name) { rendered.cells[$0][$1] }
            guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, DocumentArena.allocator) else {
                continue
            }
            let set = (html + [0]).withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { cmark_node_set_on_enter(block, $0.baseAddress) }
            }
            guard set == 1, cmark_node_insert_before(paragraph, block) == 1 else { continue }
            cmark_node_free(paragraph)
        }
        tables = []
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
    private mutating func scalarColumn(line: Int, byteOffset offset: Int) -> Int {
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

/// A table cell's text, checked to parse as one paragraph: a cell holds a line of text, so text that would start
/// another block (`# 1`, `- Kita`, `1. Stock`, `> 3`) gets a `\` before the character that makes it one, and shows
/// as written. The body's definitions of the labels in brackets in it are parsed after it.
private struct TableCell {
    /// Its body line and where its text starts in the body.
    var line: Int
    var start: Int
    /// The text to parse (with the `\` if one was added), and whether one was.
    var text: [UInt8]
    var inserted = 0
    /// The reference definitions to parse after the text (a blank line first), or none.
    var definitions: [UInt8] = []

    init?(_ cell: PipeTable.Cell, lines: SourceLines, definitions known: [String: [UInt8]]) {
        line = cell.line
        start = cell.bytes.lowerBound
        text = Array(lines.bytes[cell.bytes])
        guard !text.isEmpty else { return }
        // Only text that starts with ASCII punctuation or a digit can start a block other than a paragraph (the cell
        // is trimmed, so it is no indented code, and one line is no setext heading).
        if Self.mayStartABlock(text), !Self.isOneParagraph(text) {
            guard let offset = Self.blockMarkerOffset(text) else { return nil }
            text.insert(UInt8(ascii: "\\"), at: offset)
            inserted = 1
            guard Self.isOneParagraph(text) else { return nil }
        }
        guard !known.isEmpty else { return }
        var wanted: [UInt8] = []
        for label in Self.labels(in: text) {
            if let definition = known[label] { wanted += definition }
        }
        // A line that cmark does not take as a definition (`[Hinweis]: Bitte …` is text) is left out.
        if !wanted.isEmpty, Self.isOneParagraph(text + [0x0A, 0x0A] + wanted) {
            definitions = [0x0A, 0x0A] + wanted
        }
    }

    /// `text` parsed with the system's allocator; the caller frees it.
    static func parse(_ text: [UInt8]) -> OpaquePointer? {
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return nil }
        defer { cmark_parser_free(parser) }
        text.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        return cmark_parser_finish(parser)
    }

    private static func isOneParagraph(_ text: [UInt8]) -> Bool {
        guard let document = parse(text) else { return false }
        defer { cmark_node_free(document) }
        guard let paragraph = cmark_node_first_child(document) else { return false }
        return cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH && cmark_node_next(paragraph) == nil
    }

    /// The labels of the texts in brackets in `text` (`[Kurs][1]` has `Kurs` and `1`), as `label(_:)` gives them.
    private static func labels(in text: [UInt8]) -> Set<String> {
        var labels: Set<String> = []
        var open: Int?
        for (index, byte) in text.enumerated() {
            if byte == UInt8(ascii: "[") {
                open = index
            } else if byte == UInt8(ascii: "]"), let start = open {
                if let label = label(text[(start + 1)..<index]) { labels.insert(label) }
                open = nil
            }
        }
        return labels
    }

    /// A reference label as a key: lowercased, with runs of spaces, tabs and line breaks as one space, trimmed; nil
    /// when empty or longer than 999 bytes. cmark folds case fully (`ß` and `ss` match there, not here): a
    /// definition found by this key is one cmark also takes, since it is parsed with the cell.
    static func label<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
        guard bytes.count <= 999 else { return nil }
        let words = String(decoding: bytes, as: UTF8.self).lowercased().split(whereSeparator: \.isWhitespace)
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    private static func mayStartABlock(_ text: [UInt8]) -> Bool {
        guard let first = text.first else { return false }
        return isASCIIPunctuation(first) || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
    }

    /// Where a `\` makes the text start no block: before its first character if that is ASCII punctuation, or
    /// after the digits of a numbered list's marker; nil otherwise.
    private static func blockMarkerOffset(_ text: [UInt8]) -> Int? {
        guard let first = text.first else { return nil }
        if isASCIIPunctuation(first) { return 0 }
        let digits = text.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        guard digits > 0, digits < text.count, text[digits] == UInt8(ascii: ".") || text[digits] == UInt8(ascii: ")")
        else { return nil }
        return digits
    }
}
