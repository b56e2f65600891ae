import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading text out of cmark nodes.
enum PlainText {
    /// The literal of a text, code or HTML node ("" for other nodes).
    static func literal(of node: OpaquePointer) -> String {
        guard let literal = cmark_node_get_literal(node) else { return "" }
        return String(cString: literal)
    }

    /// The text a reader sees in `node`'s inline children: text and code as
    /// written, a line break as a space, an image as its alt text, raw HTML
    /// left out (the safe renderer drops it); no spaces at either end.
    static func of(_ node: OpaquePointer) -> String {
        // Most link texts and headings are one text node: no copying about.
        if let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
            cmark_node_get_type(child) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(child)
        {
            let length = strlen(literal)
            if length > 0, literal[0] != CChar(UInt8(ascii: " ")), literal[length - 1] != CChar(UInt8(ascii: " ")) {
                return String(cString: literal)
            }
        }
        var text = ""
        append(childrenOf: node, to: &text)
        guard text.first == " " || text.last == " " else { return text }
        var trimmed = Substring(text)
        while trimmed.first == " " { trimmed.removeFirst() }
        while trimmed.last == " " { trimmed.removeLast() }
        return String(trimmed)
    }

    /// Texts longer than this are cut: a link text or heading is read for checks and ids, and hostile input
    /// (thousands of nested images) must not make reading it quadratic.
    static let limit = 1024

    /// Appends the text of `node`'s descendants, walking them with cmark's iterator (no recursion, so deep
    /// nesting cannot exhaust a thread's stack), and stops once `limit` bytes are collected or `limit` steps
    /// are taken.
    private static func append(childrenOf node: OpaquePointer, to text: inout String) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        // Nodes that add no text (images inside images inside …) count too, or the text at the bottom of
        // thousands of them would be looked for through all of them, once for each.
        var nodes = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            nodes += 1
            if nodes > limit { return }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node else {
                continue
            }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += literal(of: current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
            if text.utf8.count >= limit { return }
        }
    }
}
