/// A link or image in a Markdown body, in document order.
public struct MarkdownLink: Sendable, Equatable {
    /// The destination as written, after cmark resolved escapes, entities and
    /// reference definitions (`[text][ref]` gives the reference's URL).
    public var destination: String
    /// The 1-based line in the file (the body's `firstLine` is added).
    public var line: Int
    /// The 1-based column, in Unicode scalars, of the `[` of a link, the `!`
    /// of an image or the `<` of an autolink.
    ///
    /// cmark 0.30 reports inline positions that go wrong on continuation lines
    /// and after line breaks inside link destinations; `InlinePositions`
    /// corrects them. Known limits: a NUL byte or a byte-order mark before the
    /// link on the same line shifts the column.
    public var column: Int
    /// Whether this is an image (`![alt](src)`).
    public var isImage: Bool
    /// The plain text of the link; for an image, its alt text.
    public var text: String

    /// Creates a link record.
    public init(destination: String, line: Int, column: Int, isImage: Bool, text: String) {
        self.destination = destination
        self.line = line
        self.column = column
        self.isImage = isImage
        self.text = text
    }
}

/// A heading of a Markdown body, with the anchor id written into the HTML.
public struct MarkdownHeading: Sendable, Equatable {
    /// The level, 1 to 6.
    public var level: Int
    /// The plain text, without an explicit `{#id}`.
    public var text: String
    /// The anchor id written into the HTML (`<h2 id="…">`).
    public var id: String
    /// The 1-based line in the file.
    public var line: Int

    /// Creates a heading record.
    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

/// A heading whose explicit `{#id}` an earlier heading already has: the
/// editor's mistake, as `#id` can reach only one of them (the first keeps the
/// id, this one is numbered).
public struct DuplicateHeadingID: Sendable, Equatable {
    /// The explicit id, as written.
    public var id: String
    /// The 1-based file line of this (the later) heading.
    public var line: Int
    /// The 1-based column, in Unicode scalars, of its `{#id}` (of the heading's
    /// start if the `{#id}` is not on that line).
    public var column: Int
    /// The file line of the first heading with this id.
    public var firstLine: Int

    /// Creates a record of a repeated explicit id.
    public init(id: String, line: Int, column: Int, firstLine: Int) {
        self.id = id
        self.line = line
        self.column = column
        self.firstLine = firstLine
    }
}

/// The HTML of a Markdown body and what the site needs to check it.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The HTML fragment as UTF-8, rendered with cmark's safe defaults. Kept as bytes: cmark's output is valid
    /// UTF-8, and a page is written as bytes, so nothing needs it as a `String` (which would check it again).
    public var htmlBytes: [UInt8]
    /// The HTML fragment as text.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    /// The headings in document order.
    public var headings: [MarkdownHeading]
    /// The links and images in document order, with their destinations as
    /// written (before `rewriteLink`).
    public var links: [MarkdownLink]
    /// File lines where raw HTML (block or inline) was dropped by the safe
    /// renderer, ascending, each line once. HTML comments are not listed:
    /// dropping an editor's note loses nothing a reader should see.
    public var droppedRawHTML: [Int]
    /// The headings whose explicit `{#id}` an earlier heading already has, in
    /// document order.
    public var duplicateHeadingIDs: [DuplicateHeadingID]
    /// Web addresses written as plain text outside links, in document order.
    public var bareAddresses: [BareAddress]
    /// File lines where a table in GitHub's notation starts (it renders as
    /// one line of text).
    public var pipeTables: [TableStart]
    /// Paragraphs written as in a word processor (pasted lists, bold text for headings), in document order.
    public var wordProcessorHabits: [WordProcessorHabit]

    /// Creates a rendered body.
    public init(
        html: String, headings: [MarkdownHeading], links: [MarkdownLink], droppedRawHTML: [Int],
        duplicateHeadingIDs: [DuplicateHeadingID] = [], bareAddresses: [BareAddress] = [],
        pipeTables: [TableStart] = [],
        wordProcessorHabits: [WordProcessorHabit] = []
    ) {
        self.init(
            htmlBytes: Array(html.utf8), headings: headings, links: links, droppedRawHTML: droppedRawHTML,
            duplicateHeadingIDs: duplicateHeadingIDs, bareAddresses: bareAddresses, pipeTables: pipeTables,
            wordProcessorHabits: wordProcessorHabits)
    }

    /// Creates a rendered body from HTML given as UTF-8 bytes.
    public init(
        htmlBytes: [UInt8], headings: [MarkdownHeading], links: [MarkdownLink], droppedRawHTML: [Int],
        duplicateHeadingIDs: [DuplicateHeadingID] = [], bareAddresses: [BareAddress] = [],
        pipeTables: [TableStart] = [],
        wordProcessorHabits: [WordProcessorHabit] = []
    ) {
        self.htmlBytes = htmlBytes
        self.headings = headings
        self.links = links
        self.droppedRawHTML = droppedRawHTML
        self.duplicateHeadingIDs = duplicateHeadingIDs
        self.bareAddresses = bareAddresses
        self.pipeTables = pipeTables
        self.wordProcessorHabits = wordProcessorHabits
    }
}
