import Templates

/// HTML (and XML) escaping for text and quoted attribute values written by the generator itself.
enum HTMLText {
    /// `& < > " '` as entities and control characters HTML and XML forbid (an editor never means them) as U+FFFD.
    static func escape(_ text: String) -> String {
        String(decoding: escapedBytes(text), as: UTF8.self)
    }

    /// `escape(text)` as UTF-8.
    static func escapedBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        appendEscapingHTML(text, to: &bytes)
        return bytes
    }
}
