import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tables in GitHub's notation (see `PipeTable`): found in the walk's paragraphs, their cells walked as documents
/// of their own, and put in place of the paragraph once the headings have their ids.
extension DocumentWalker {
    /// The HTML of the paragraph `node` if it is a table (see `PipeTable`), with its cells walked and rendered.
    /// A paragraph that has a table's delimiter row under a line with a `|` but is not one (the row is not its
    /// second line, or the cells do not match) is noted in `pipeTables`.
    mutating func table(in node: OpaquePointer, rewriteLink: (MarkdownLink) -> String?) -> RenderedTable? {
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
    mutating func noteTable(in node: OpaquePointer, last: Int) {
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
    struct RenderedTable {
        var table: PipeTable
        var cells: [[[UInt8]]]
        var label: String
    }

    /// Puts each table's HTML where its paragraph was, named by the heading before it (its id), or else by its
    /// first row's text.
    mutating func replaceTables() {
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
}

/// A table cell's text, checked to parse as one paragraph: a cell holds a line of text, so text that would start
/// another block (`# 1`, `- Kita`, `1. Stock`, `> 3`) gets a `\` before the character that makes it one, and shows
/// as written. The body's definitions of the labels in brackets in it are parsed after it.
struct TableCell {
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
