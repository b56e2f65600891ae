/// Raw HTML that the safe renderer drops.
enum RawHTML {
    /// Whether `html` is nothing but HTML comments and whitespace: an editor's
    /// note (`<!-- TODO: translate -->`), which is meant to vanish.
    static func isOnlyComments(_ html: String) -> Bool {
        let bytes = Array(html.utf8)
        let open = Array("<!--".utf8)
        let close = Array("-->".utf8)
        var index = 0
        var sawComment = false
        while true {
            while index < bytes.count, isWhitespace(bytes[index]) {
                index += 1
            }
            if index == bytes.count { return sawComment }
            guard bytes[index...].starts(with: open) else { return false }
            index += open.count
            guard let end = firstIndex(of: close, in: bytes, from: index) else { return false }
            index = end + close.count
            sawComment = true
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
