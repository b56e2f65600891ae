/// An explicit anchor at the end of a heading, `## Kosten {#kosten}`.
///
/// Translators keep the `{#…}` of the source heading so that links such as
/// `page.md#kosten`, which are rewritten into every language, still find their
/// target when the heading text is translated.
struct ExplicitHeadingID: Equatable {
    /// The heading text before the `{#…}`, trailing spaces removed.
    var textBefore: String
    /// The id inside the braces: one or more of `A-Z a-z 0-9 _ -`.
    var id: String

    /// Splits `text` (the end of a heading) into text and explicit id, or
    /// returns nil when it does not end in a well-formed `{#id}`.
    init?(splitting text: String) {
        let bytes = Array(text.utf8)
        guard bytes.last == UInt8(ascii: "}") else { return nil }
        let closing = bytes.count - 1
        var start = closing
        while start > 0, Self.isIDByte(bytes[start - 1]) {
            start -= 1
        }
        // `start` is the first id byte; it needs at least one, preceded by `{#`.
        guard start < closing, start >= 2,
            bytes[start - 1] == UInt8(ascii: "#"), bytes[start - 2] == UInt8(ascii: "{")
        else { return nil }
        var end = start - 2
        while end > 0, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") {
            end -= 1
        }
        self.textBefore = String(decoding: bytes[..<end], as: UTF8.self)
        self.id = String(decoding: bytes[start..<closing], as: UTF8.self)
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
