import CCmark

/// Where cmark's content of a paragraph line starts, found by matching the
/// paragraph's block quotes and list items against the line as cmark does.
///
/// On a continuation line cmark strips the container prefixes (`> `, the
/// list item's indent) and then the line's indentation — unless the line is
/// lazy (a container did not match), when the indentation stays in the
/// content. Inline columns count from that start, so it has to be exact.
struct ContainerPrefixes {
    private enum Container {
        case blockQuote(startLine: Int)
        /// `indent` is cmark's marker offset + padding: the columns a line
        /// needs to continue the item.
        case listItem(startLine: Int, indent: Int)
    }

    private let lines: SourceLines
    /// The containers around the block, outermost first.
    private var containers: [Container] = []

    /// Collects the block quotes and list items around `block`.
    init(block: OpaquePointer, lines: SourceLines) {
        self.lines = lines
        var found: [OpaquePointer] = []  // innermost first; no allocation if none
        var parent = cmark_node_parent(block)
        while let node = parent {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_ITEM {
                found.append(node)
            }
            parent = cmark_node_parent(node)
        }
        // One scanner walks the start line of the containers; it is rebuilt only when the start line changes,
        // so nesting on one line (`- - - - …`, thousands deep in hostile input) costs linear time.
        var scanner: LineScanner?
        var scannerLine = 0
        for node in found.reversed() {
            let startLine = Int(cmark_node_get_start_line(node))
            if scanner == nil || scannerLine != startLine {
                scanner = scannerBefore(startLine: startLine)
                scannerLine = startLine
            }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_BLOCK_QUOTE:
                containers.append(.blockQuote(startLine: startLine))
                scanner!.openBlockQuote()
            case CMARK_NODE_ITEM:
                containers.append(.listItem(startLine: startLine, indent: scanner!.openListItem()))
            default:
                break
            }
        }
    }

    /// The byte offset in `line` where the block's content for that line
    /// starts, when `line` continues the block.
    func contentStart(ofLine line: Int) -> Int {
        var scanner = LineScanner(bytes: lines.bytes(ofLine: line))
        for container in containers {
            if !scanner.match(container) {
                return scanner.offset  // a lazy line: its indentation is content
            }
        }
        return scanner.firstNonspace().offset
    }

    /// A scanner on `startLine` past the prefixes of the containers collected so far (its ancestors): those that
    /// start on the same line are opened there, the others are matched as continuations.
    private func scannerBefore(startLine: Int) -> LineScanner {
        var scanner = LineScanner(bytes: lines.bytes(ofLine: startLine))
        for container in containers {
            switch container {
            case .blockQuote(let line) where line == startLine:
                scanner.openBlockQuote()
            case .listItem(let line, _) where line == startLine:
                _ = scanner.openListItem()
            default:
                _ = scanner.match(container)
            }
        }
        return scanner
    }

    /// cmark's offset and column bookkeeping on one line (tab stops of 4).
    private struct LineScanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0
        var column = 0

        func isSpaceOrTab(at index: Int) -> Bool {
            index < bytes.count && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t"))
        }

        func firstNonspace() -> (offset: Int, column: Int) {
            var index = offset
            var column = self.column
            var toTab = 4 - column % 4
            while isSpaceOrTab(at: index) {
                if bytes[index] == UInt8(ascii: " ") {
                    column += 1
                    toTab = toTab == 1 ? 4 : toTab - 1
                } else {
                    column += toTab
                    toTab = 4
                }
                index += 1
            }
            return (index, column)
        }

        /// Advances by `count` columns (a tab may be consumed in part) or,
        /// with `columns` false, by `count` bytes.
        mutating func advance(_ count: Int, columns: Bool) {
            var count = count
            while count > 0, offset < bytes.count {
                if bytes[offset] == UInt8(ascii: "\t") {
                    let toTab = 4 - column % 4
                    if columns {
                        let step = min(count, toTab)
                        column += step
                        if toTab <= count { offset += 1 }
                        count -= step
                    } else {
                        column += toTab
                        offset += 1
                        count -= 1
                    }
                } else {
                    offset += 1
                    column += 1
                    count -= 1
                }
            }
        }

        /// Continues `container` on this line, as cmark's check_open_blocks.
        mutating func match(_ container: Container) -> Bool {
            let nonspace = firstNonspace()
            let indent = nonspace.column - column
            switch container {
            case .blockQuote:
                guard indent <= 3, nonspace.offset < bytes.count, bytes[nonspace.offset] == UInt8(ascii: ">")
                else { return false }
                advance(indent + 1, columns: true)
                if isSpaceOrTab(at: offset) { advance(1, columns: true) }
                return true
            case .listItem(_, let itemIndent):
                guard indent >= itemIndent else { return false }
                advance(itemIndent, columns: true)
                return true
            }
        }

        /// Opens a block quote that starts on this line.
        mutating func openBlockQuote() {
            let nonspace = firstNonspace()
            advance(nonspace.offset + 1 - offset, columns: false)
            if isSpaceOrTab(at: offset) { advance(1, columns: true) }
        }

        /// Opens a list item that starts on this line and returns its indent
        /// (marker offset + padding), as cmark's open_new_blocks.
        mutating func openListItem() -> Int {
            let nonspace = firstNonspace()
            let markerOffset = nonspace.column - column
            var markerEnd = nonspace.offset
            while markerEnd < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[markerEnd]) {
                markerEnd += 1
            }
            // A bullet, or the `.` or `)` after an ordered item's number.
            if markerEnd < bytes.count { markerEnd += 1 }
            let markerWidth = markerEnd - nonspace.offset
            advance(markerEnd - offset, columns: false)
            let saved = self
            while column - saved.column <= 5, isSpaceOrTab(at: offset) {
                advance(1, columns: true)
            }
            let spaces = column - saved.column
            if spaces >= 5 || spaces < 1 || offset >= bytes.count {
                self = saved
                if spaces > 0 { advance(1, columns: true) }
                return markerOffset + markerWidth + 1
            }
            return markerOffset + markerWidth + spaces
        }
    }
}
