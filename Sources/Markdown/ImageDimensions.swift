import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes `width` and `height` into cmark's `<img>` tags.
///
/// As with heading ids (see `HeadingAnchors`), this is sound because cmark renders in safe mode: the editor's `<`
/// is escaped or percent-encoded and raw HTML is omitted, so every `<img src="` of the output is an image of the
/// Markdown. An image inside another image's text is only alt text and has no tag of its own, so the tags are
/// matched by their `src`, not by their order.
enum ImageDimensions {
    private static let opening: StaticString = "<img src=\""

    /// `html` with ` width="…" height="…"` after the `src` of each image whose `src` (as written into the HTML)
    /// `size` knows.
    static func insert(
        into html: [UInt8], size: (String) -> (width: Int, height: Int)?
    ) -> [UInt8] {
        html.withUnsafeBufferPointer { html in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            let pattern = opening.withUTF8Buffer { Array($0) }
            while index + pattern.count <= html.count, let base = html.baseAddress,
                let found = memchr(base + index, Int32(UInt8(ascii: "<")), html.count - index)
            {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard index + pattern.count <= html.count,
                    UnsafeBufferPointer(rebasing: html[index..<(index + pattern.count)]).elementsEqual(pattern)
                else {
                    index += 1
                    continue
                }
                let sourceStart = index + pattern.count
                guard let sourceEnd = html[sourceStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
                index = sourceEnd + 1
                // cmark writes `&` and `'` of a URL as `&amp;` and `&#x27;`.
                let source = String(decoding: html[sourceStart..<sourceEnd], as: UTF8.self)
                    .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#x27;", with: "'")
                guard let (width, height) = size(source) else { continue }
                if output.isEmpty { output.reserveCapacity(html.count + 64) }
                output.append(contentsOf: html[copied...sourceEnd])
                output.append(contentsOf: " width=\"\(width)\" height=\"\(height)\"".utf8)
                copied = sourceEnd + 1
            }
            guard copied > 0 else { return Array(html) }
            output.append(contentsOf: html[copied...])
            return output
        }
    }
}
