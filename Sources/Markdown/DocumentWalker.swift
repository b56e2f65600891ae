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
    private(set) var headings: [MarkdownHeading] = []
    private(set) var links: [MarkdownLink] = []
    private(set) var droppedRawHTML: [Int] = []
    private var headingIDs = HeadingIDRegistry()
    /// The paragraph or heading being walked, and positions in it, made
    /// when the first link or raw HTML in it needs them.
    private var block: OpaquePointer?
    private var positions: InlinePositions?

    init(source: UnsafeBufferPointer<UInt8>, firstLine: Int) {
        lines = SourceLines(source)
        lineOffset = firstLine - 1
    }

    /// Walks `document` in document order, calling `rewriteLink` once per
    /// link and image.
    mutating func walk(_ document: OpaquePointer, rewriteLink: (MarkdownLink) -> String?) {
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
                    block = node
                    positions = nil
                } else if cmark_node_get_type(node) == CMARK_NODE_HEADING {
                    // Nodes may be changed on exit: their children are done.
                    leave(heading: node)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    enter(link: node, rewriteLink: rewriteLink)
                } else {
                    positions?.leave(link: node)
                }
            case CMARK_NODE_HTML_BLOCK:
                noteDroppedHTML(node, line: Int(cmark_node_get_start_line(node)))
            case CMARK_NODE_HTML_INLINE:
                noteDroppedHTML(node, line: start(of: node).line)
            default:
                break
            }
        }
    }

    private mutating func enter(link node: OpaquePointer, rewriteLink: (MarkdownLink) -> String?) {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let position = start(of: node)
        let link = MarkdownLink(
            destination: destination,
            line: position.line + lineOffset,
            column: lines.scalarColumn(line: position.line, byteOffset: position.byteOffset),
            isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE,
            text: PlainText.of(node)
        )
        links.append(link)
        if let rewritten = rewriteLink(link) {
            cmark_node_set_url(node, rewritten)
        }
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
        headings.append(
            MarkdownHeading(
                level: Int(cmark_node_get_heading_level(node)),
                text: text,
                id: headingIDs.claim(explicitID ?? Markdown.slug(text)),
                line: Int(cmark_node_get_start_line(node)) + lineOffset
            ))
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
