/// A table in GitHub's notation, found in the lines of a paragraph: a row of cells, a row of dashes under it
/// (`|---|:--:|--:|`, with colons for the alignment) and rows of data.
///
/// The cells of a line are split at each `|` that is not escaped as `\|` (in code spans too, as GitHub does),
/// a `|` at the start or end of a line is left out, and each cell's text is trimmed. A data row with fewer cells
/// than the first row gets empty ones; cells beyond are left out.
struct PipeTable {
    enum Alignment: Equatable {
        case start, center, end
    }

    /// Where a cell's text is: its body line and its bytes' range in the body.
    struct Cell: Equatable {
        var line: Int
        var bytes: Range<Int>
    }

    var alignments: [Alignment]
    /// The first row's cells, then each data row's; every row has as many cells as there are columns (an empty
    /// range for a cell added to a short row).
    var rows: [[Cell]]

    /// The table in the body lines `first...last`, whose content starts at `contentStart(line)` (after the
    /// block-quote markers and list indentation around it); nil unless the first line is a row, the second a
    /// row of dashes with as many cells, and the rest rows.
    init?(lines: SourceLines, first: Int, last: Int, contentStart: (Int) -> Int) {
        guard last > first else { return nil }
        let head = Self.cells(lines: lines, line: first, from: contentStart(first))
        let dashes = Self.cells(lines: lines, line: first + 1, from: contentStart(first + 1))
        guard !head.isEmpty, head.count == dashes.count else { return nil }
        var alignments: [Alignment] = []
        for cell in dashes {
            guard let alignment = Self.alignment(UnsafeBufferPointer(rebasing: lines.bytes[cell.bytes])) else {
                return nil
            }
            alignments.append(alignment)
        }
        self.alignments = alignments
        rows = [head]
        if last >= first + 2 {
            for line in (first + 2)...last {
                var row = Self.cells(lines: lines, line: line, from: contentStart(line))
                let end = lines.range(ofLine: line).upperBound
                while row.count < head.count { row.append(Cell(line: line, bytes: end..<end)) }
                rows.append(Array(row.prefix(head.count)))
            }
        }
    }

    /// The cells of body line `line` whose content starts at byte `start` of the line.
    static func cells(lines: SourceLines, line: Int, from start: Int) -> [Cell] {
        let range = lines.range(ofLine: line)
        let bytes = lines.bytes
        var cells: [Cell] = []
        var cellStart = range.lowerBound + min(max(start, 0), range.count)
        var index = cellStart
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        func add(_ end: Int) {
            var (lower, upper) = (cellStart, end)
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            cells.append(Cell(line: line, bytes: lower..<upper))
        }
        // A `|` that starts the line opens the first cell rather than ending an empty one.
        while cellStart < range.upperBound, isSpace(bytes[cellStart]) { cellStart += 1 }
        if cellStart < range.upperBound, bytes[cellStart] == UInt8(ascii: "|") { cellStart += 1 }
        index = cellStart
        var endsWithPipe = false
        while index < range.upperBound {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 2
                endsWithPipe = false
                continue
            case UInt8(ascii: "|"):
                add(index)
                cellStart = index + 1
                endsWithPipe = true
            default:
                if !isSpace(bytes[index]) { endsWithPipe = false }
            }
            index += 1
        }
        // The text after the last `|`, unless there is none (a `|` that ends the line closes the last cell).
        if !endsWithPipe { add(range.upperBound) }
        return cells
    }

    /// The alignment a cell of the row of dashes asks for (`---`, `:-:`, `--:`); nil for anything else.
    static func alignment(_ cell: UnsafeBufferPointer<UInt8>) -> Alignment? {
        var dashes = cell[...]
        let left = dashes.first == UInt8(ascii: ":")
        if left { dashes = dashes.dropFirst() }
        let right = dashes.last == UInt8(ascii: ":")
        if right { dashes = dashes.dropLast() }
        guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
        switch (left, right) {
        case (true, true): return .center
        case (false, true): return .end
        default: return .start
        }
    }

    /// What names a table's scrolling box for screen readers.
    enum Name {
        /// The id of an element whose text names it (the heading before the table).
        case labelledBy(String)
        /// Text that names it (the first row's).
        case label(String)
    }

    /// The table's HTML, with each cell's HTML from `cellHTML(row, column)`: the first row as column headers, in
    /// a box that scrolls sideways when the table is wider than a phone's screen. The box can be focused, so
    /// that it can be scrolled with the keyboard, and is a region with `name`, so that a screen reader says what
    /// is focused. Alignment is logical (`end` is right in left-to-right text, left in right-to-left text), as
    /// classes the theme styles.
    func html(name: Name, cellHTML: (_ row: Int, _ column: Int) -> [UInt8]) -> [UInt8] {
        var html: [UInt8] = Array("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" ".utf8)
        let value: String
        switch name {
        case .labelledBy(let id):
            html += Array("aria-labelledby=\"".utf8)
            value = id
        case .label(let text):
            html += Array("aria-label=\"".utf8)
            value = text
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): html += Array("&amp;".utf8)
            case UInt8(ascii: "\""): html += Array("&quot;".utf8)
            case UInt8(ascii: "<"): html += Array("&lt;".utf8)
            case UInt8(ascii: ">"): html += Array("&gt;".utf8)
            default: html.append(byte)
            }
        }
        html += Array("\">\n<table>\n<thead>\n".utf8)
        func row(_ index: Int, tag: String) {
            html += Array("<tr>\n".utf8)
            for column in alignments.indices {
                html += Array("<\(tag)".utf8)
                if tag == "th" { html += Array(" scope=\"col\"".utf8) }
                switch alignments[column] {
                case .start: break
                case .center: html += Array(" class=\"align-center\"".utf8)
                case .end: html += Array(" class=\"align-end\"".utf8)
                }
                html.append(UInt8(ascii: ">"))
                html += cellHTML(index, column)
                html += Array("</\(tag)>\n".utf8)
            }
            html += Array("</tr>\n".utf8)
        }
        row(0, tag: "th")
        html += Array("</thead>\n".utf8)
        if rows.count > 1 {
            html += Array("<tbody>\n".utf8)
            for index in 1..<rows.count { row(index, tag: "td") }
            html += Array("</tbody>\n".utf8)
        }
        html += Array("</table>\n</div>".utf8)
        return html
    }
}
