#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes heading ids into cmark's HTML.
///
/// cmark has no attribute for headings, so the ids go into the rendered
/// `<h1>`…`<h6>` tags, in order. That is sound because the renderer runs in
/// safe mode: every `<` of the editor's text is escaped (`&lt;`) or, in a URL,
/// percent-encoded, and raw HTML becomes `<!-- raw HTML omitted -->`. So the
/// only `<hN>` in the output are the opening tags of the headings, in
/// document order — the order in which the ids were collected. (Replacing the
/// headings by custom blocks would also work, but cmark puts a line break
/// after a custom block's opening text: `<h2 id="x">\nText</h2>`.)
enum HeadingAnchors {
    /// `html` with ` id="…"` added to the n-th heading tag for the n-th id.
    /// Ids contain only letters, marks, digits, `_`, `-` and U+200C, so they
    /// need no escaping.
    private static let idOpening: StaticString = " id=\""
    private static let idClosing: StaticString = "\""

    static func insert(_ ids: [String], into html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let extra = ids.reduce(0) { $0 + $1.utf8.count + 6 }
        return [UInt8](unsafeUninitializedCapacity: html.count + extra) { output, written in
            var copied = 0
            var nextID = 0
            var index = 0
            func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
                _ = UnsafeMutableBufferPointer(rebasing: output[written...]).initialize(from: bytes)
                written += bytes.count
            }
            while nextID < ids.count, index + 4 <= html.count {
                guard let base = html.baseAddress,
                    let found = memchr(base + index, Int32(UInt8(ascii: "<")), html.count - index)
                else { break }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index + 4 <= html.count, html[index + 1] == UInt8(ascii: "h"),
                    (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(html[index + 2]),
                    html[index + 3] == UInt8(ascii: ">")
                {
                    copy(UnsafeBufferPointer(rebasing: html[copied..<(index + 3)]))
                    Self.idOpening.withUTF8Buffer { copy($0) }
                    var id = ids[nextID]
                    id.withUTF8 { copy($0) }
                    Self.idClosing.withUTF8Buffer { copy($0) }
                    copied = index + 3
                    nextID += 1
                    index += 4
                } else {
                    index += 1
                }
            }
            copy(UnsafeBufferPointer(rebasing: html[copied...]))
        }
    }
}
