import Markdown

/// A Markdown file whose body a page shows: what `renderBody` needs of it.
protocol BodyFile {
    /// Path for diagnostics, e.g. `content/de/guides/arbeit.md`.
    var displayPath: String { get }
    /// The file's line where the body starts.
    var bodyLine: Int { get }
}

extension SourceFile: BodyFile {}

/// What one page shows of a Markdown body, kept in the build cache so that a later build can put a changed body in
/// its place without loading the site (see `QuickRebuild`).
struct ShownBody: Sendable, Equatable {
    /// The Markdown file shown (its `displayPath`).
    var file: String
    /// Whether the reader's language is the file's: its checks and download warnings are said by that page only.
    var own: Bool
    /// Where the body's HTML is in the page's file, when the template printed it once and used it nowhere else.
    var splice: Range<Int>?
    /// The size of the page's file.
    var size: Int
    /// Every destination the body links to, once, with what it was resolved to.
    var links: [LinkEntry]
}

/// A link destination of a body and what it was resolved to for one reader.
struct LinkEntry: Sendable, Equatable {
    enum Target: Sendable, Equatable {
        case keep
        /// A page, an anchor or a generated file; `anchor` with the file whose headings the fragment must name.
        case rewrite(String, anchor: LinkResolver.AnchorCheck?)
        case attachment(String, Attachment)
    }
    var destination: String
    var target: Target

    /// The resolution `target` stands for, with an anchor check at `link`'s place.
    func resolution(for link: MarkdownLink) -> LinkResolver.Resolution {
        switch target {
        case .keep:
            return .keep
        case .rewrite(let destination, var anchor):
            anchor?.line = link.line
            anchor?.column = link.column
            return .rewrite(destination, anchor: anchor)
        case .attachment(let destination, let attachment):
            return .attachment(destination, attachment)
        }
    }
}

extension SiteRenderer {
    /// A body's HTML for one reader, its links resolved by `resolve`; its diagnostics and anchor checks go into
    /// `outcome`. `own` says whether the reader's language is the file's: each file is checked once, by that reader.
    static func renderBody(
        _ body: ArraySlice<UInt8>, file: BodyFile, own: Bool, ownHosts: @autoclosure () -> Set<String>,
        outcome: inout PageOutcome, resolve: (MarkdownLink) -> LinkResolver.Resolution
    ) -> RenderedMarkdown {
        // The sizes of the images beside the pages that the body shows, by their `src`.
        var imageSizes: [String: PixelSize] = [:]
        let rendered = body.withUnsafeBufferPointer { utf8 in
            Markdown.render(
                utf8: utf8, firstLine: file.bodyLine,
                imageSize: { source in imageSizes[source].map { ($0.width, $0.height) } }
            ) { link in
                switch resolve(link) {
                case .keep:
                    return nil
                case .rewrite(let destination, let anchor):
                    if let anchor { outcome.anchors.append(anchor) }
                    return destination
                case .attachment(let destination, let attachment):
                    if link.isImage, let size = attachment.pixelSize { imageSizes[destination] = size }
                    // Said once, by the reader of the file's own language.
                    if !link.isImage, own,
                        let warning = attachment.downloadWarning(linkText: link.text, destination: link.destination)
                    {
                        outcome.diagnostics.append(
                            Diagnostic(
                                file: file.displayPath, line: link.line, column: link.column, severity: .warning,
                                message: warning))
                    }
                    return destination
                case .broken(let message):
                    outcome.diagnostics.append(
                        Diagnostic(file: file.displayPath, line: link.line, column: link.column, message: message))
                    return nil
                }
            }
        }
        if own {
            outcome.diagnostics += MarkdownChecks.check(
                rendered, file: file, ownHosts: ownHosts(), body: String(decoding: body, as: UTF8.self))
        }
        outcome.headingsFile = file.displayPath
        outcome.headingIDs = rendered.headings.map(\.id)
        return rendered
    }
}
