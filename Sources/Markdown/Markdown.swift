import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CommonMark to HTML with libcmark, plus the headings and links a site checks.
public enum Markdown {
    /// Parses `source` (the body of a page, which starts at file line `firstLine`), calls `rewriteLink` once per link and image in document order (return a new destination, or nil to keep it), gives every heading an id, renders HTML with cmark's safe defaults.
    ///
    /// Safe defaults: raw HTML becomes `<!-- raw HTML omitted -->` (its lines
    /// are in `droppedRawHTML`) and `javascript:`, `vbscript:`, `file:` and
    /// most `data:` URLs become empty. Quotes stay as typed (no smart
    /// punctuation), so German „…“ survives. A heading gets the id of its
    /// trailing `{#id}` if it has one, else `slug(_:)` of its text; repeated
    /// ids get `-1`, `-2`…, but an explicit id is kept exactly: a heading
    /// whose text gives the same id is numbered instead, wherever it is. A
    /// second heading with the same explicit id is numbered and listed in
    /// `duplicateHeadingIDs`. An image whose `src` (as written into the HTML,
    /// after `rewriteLink`) `imageSize` knows gets its `width` and `height`.
    public static func render(
        _ source: String, firstLine: Int = 1, imageSize: ((String) -> (width: Int, height: Int)?)? = nil,
        rewriteLink: (MarkdownLink) -> String?
    ) -> RenderedMarkdown {
        var source = source
        return source.withUTF8 {
            render(utf8: $0, firstLine: firstLine, imageSize: imageSize, rewriteLink: rewriteLink)
        }
    }

    /// `render(_:firstLine:imageSize:rewriteLink:)` for text given as UTF-8 bytes, which the caller has checked are
    /// valid.
    public static func render(
        utf8 bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1,
        imageSize: ((String) -> (width: Int, height: Int)?)? = nil, rewriteLink: (MarkdownLink) -> String?
    ) -> RenderedMarkdown {
        // The document lives in this thread's arena, which takes all of it back at once afterwards.
        return DocumentArena.withDocument {
            // Positions are needed for links; the HTML is rendered without
            // them, or every element would get a data-sourcepos attribute.
            guard let parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, DocumentArena.allocator) else {
                return Self.nothing
            }
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            guard let document = cmark_parser_finish(parser) else {
                return Self.nothing
            }
            var walker = DocumentWalker(source: bytes, firstLine: firstLine)
            walker.walk(document, rewriteLink: rewriteLink)
            var html = renderHTML(document, headingIDs: walker.headings.map(\.id))
            if let imageSize, walker.links.contains(where: \.isImage) {
                html = ImageDimensions.insert(into: html, size: imageSize)
            }
            return RenderedMarkdown(
                htmlBytes: html,
                headings: walker.headings,
                links: walker.links,
                droppedRawHTML: walker.droppedRawHTML,
                duplicateHeadingIDs: walker.duplicateHeadingIDs,
                bareAddresses: walker.bareAddresses,
                pipeTables: walker.pipeTables,
                wordProcessorHabits: walker.wordProcessorHabits
            )
        }
    }

    /// What a document libcmark could not make renders as (it fails only when memory runs out).
    private static let nothing = RenderedMarkdown(htmlBytes: [], headings: [], links: [], droppedRawHTML: [])

    /// The HTML of `document` (cmark's safe mode), with `headingIDs` written into its headings in order.
    static func renderHTML(_ document: OpaquePointer, headingIDs: [String]) -> [UInt8] {
        // CMARK_OPT_DEFAULT is safe mode; CMARK_OPT_UNSAFE is never passed.
        guard let html = cmark_render_html(document, CMARK_OPT_DEFAULT) else { return [] }
        defer { if !DocumentArena.owns(html) { free(html) } }
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: strlen(html))
        return headingIDs.isEmpty ? Array(bytes) : HeadingAnchors.insert(headingIDs, into: bytes)
    }
}
