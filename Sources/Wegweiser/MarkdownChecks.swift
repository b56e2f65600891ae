import Foundation
import FrontMatter
import Markdown

/// What editors get wrong in Markdown that readers (and screen readers) pay for.
enum MarkdownChecks {
    /// A link text without the white space and punctuation around it, which say nothing about where it goes.
    static func trimmed(_ text: String) -> Substring {
        // Most link texts start and end with a letter: then nothing is cut, and no characters need to be formed.
        if let first = text.utf8.first, let last = text.utf8.last, isASCIILetterOrDigit(first),
            isASCIILetterOrDigit(last)
        {
            return text[...]
        }
        // The same in any script (Arabic, Cyrillic, umlauts at the end): a character is white space or punctuation
        // by its first scalar. The first scalar of the text is its first character's; a last scalar that is a letter
        // or digit and does not extend the character before it (as U+FF9E does) starts the last character, or
        // joins one that starts with a letter (Hangul syllables, conjuncts) or with a prefixed sign.
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, isLetterOrDigit(first),
            isLetterOrDigit(last), !last.properties.isGraphemeExtend
        {
            return text[...]
        }
        func isFiller(_ character: Character) -> Bool { character.isWhitespace || character.isPunctuation }
        guard let first = text.firstIndex(where: { !isFiller($0) }), let last = text.lastIndex(where: { !isFiller($0) })
        else { return "" }
        return text[first...last]
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber:
            true
        default: false
        }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: false
        }
    }

    /// Link texts that say nothing about where a link goes, in the site's languages (compared lowercased,
    /// without surrounding punctuation).
    static let meaninglessLinkTexts: Set<String> = [
        "hier", "mehr", "weiter", "link", "hier klicken", "klicken sie hier", "mehr erfahren", "weiterlesen",
        "here", "click here", "more", "read more", "this link", "link here",
        "هنا", "اضغط هنا", "انقر هنا", "المزيد",
        "اینجا", "اینجا کلیک کنید", "بیشتر",
        "burada", "buraya", "tıklayın", "buraya tıklayın", "daha fazla",
        "тут", "натисніть тут", "детальніше", "більше",
    ]

    /// The first scalars of the meaningless link texts: a text whose first letter, lowercased, is none of them
    /// is not lowercased whole and looked up.
    private static let meaninglessFirstScalars: [Unicode.Scalar] = Array(
        Set(meaninglessLinkTexts.compactMap(\.unicodeScalars.first))
    ).sorted { $0.value < $1.value }

    /// Whether a (trimmed) link text is one of `meaninglessLinkTexts`, compared lowercased.
    static func isMeaningless(_ text: Substring) -> Bool {
        // Lowercasing never maps a scalar to nothing, so the lowercased text starts with its first scalar's lowercase
        // mapping.
        guard let first = text.unicodeScalars.first else { return false }
        let lowered: Unicode.Scalar?
        if first.isASCII {
            lowered = first.properties.isUppercase ? Unicode.Scalar(first.value | 0x20) : first
        } else {
            lowered = first.properties.lowercaseMapping.unicodeScalars.first
        }
        guard let lowered, meaninglessFirstScalars.contains(lowered) else { return false }
        return meaninglessLinkTexts.contains(text.lowercased())
    }

    /// Diagnostics for one rendered file: images without alt text and a heading id given twice (errors), skipped
    /// heading levels, a second `h1`, link texts that say nothing, raw HTML that was dropped (warnings).
    static func check(
        _ rendered: RenderedMarkdown, file: BodyFile, ownHosts: @autoclosure () -> Set<String> = [],
        body: @autoclosure () -> String
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func warn(_ line: Int, _ column: Int, _ message: String) {
            diagnostics.append(
                Diagnostic(file: file.displayPath, line: line, column: column, severity: .warning, message: message))
        }
        var previous = 1
        for heading in rendered.headings {
            if heading.level == 1 {
                warn(heading.line, 1, "the page title is the page's only first-level heading; start sections with `##`")
            } else if heading.level > previous + 1 {
                warn(
                    heading.line, 1,
                    "heading level skipped (level \(previous) to \(heading.level)); use \(String(repeating: "#", count: previous + 1)) so screen reader users can follow the structure"
                )
            }
            previous = heading.level
        }
        for duplicate in rendered.duplicateHeadingIDs {
            diagnostics.append(
                Diagnostic(
                    file: file.displayPath, line: duplicate.line, column: duplicate.column,
                    message: "the id `\(duplicate.id)` is already used by the heading at line \(duplicate.firstLine)"))
        }
        for link in rendered.links where !isSafe(link) {
            let shown = link.destination.count > 40 ? link.destination.prefix(40) + "…" : Substring(link.destination)
            warn(
                link.line, link.column,
                "the link to `\(shown)` is not shown (it could be unsafe); only https://, http://, mailto: and tel: links work"
            )
        }
        for link in rendered.links where LinkResolver.isExternal(link.destination) {
            guard isSafe(link) else { continue }
            if link.isImage, let host = foreignHost(of: link.destination, ownHosts: ownHosts()) {
                diagnostics.append(
                    Diagnostic(
                        file: file.displayPath, line: link.line, column: link.column,
                        message:
                            "the image would be loaded from \(host) each time the page is read, which tells that host who reads it; copy the image into templates/assets and link it as /assets/<name>"
                    ))
            } else if !link.isImage, let scheme = unusualScheme(of: link.destination) {
                warn(
                    link.line, link.column,
                    "the link uses `\(scheme)`, which many phones and browsers cannot open; https://, http://, mailto: and tel: links work everywhere"
                )
            }
        }
        for link in rendered.links {
            let text = Self.trimmed(link.text)
            if link.isImage {
                if text.isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            file: file.displayPath, line: link.line, column: link.column,
                            message: "the image has no alt text; describe what it shows: ![Map of the town hall](…)"))
                } else if Attachment.isPublishedKind(text) || text.lowercased().hasSuffix(".svg") {
                    // A camera's or a program's name for the file (`IMG_2041.jpg`) says nothing to those who
                    // cannot see the image.
                    warn(
                        link.line, link.column,
                        "the alt text \"\(link.text)\" is a file name; describe what the image shows: ![Map of the town hall](…)"
                    )
                }
            } else if text.isEmpty {
                warn(link.line, link.column, "the link has no text; say where it goes: [Opening hours](…)")
            } else if isMeaningless(text) {
                warn(
                    link.line, link.column,
                    "the link text \"\(link.text)\" does not say where it goes; name the target instead, e.g. [Opening hours of the KI](…)"
                )
            }
        }
        func shortened(_ text: String) -> Substring { text.count > 60 ? text.prefix(60) + "…" : Substring(text) }
        for bare in rendered.bareAddresses {
            if bare.isEmail {
                warn(
                    bare.line, bare.column,
                    "`\(shortened(bare.address))` is shown as text, not as a link readers can tap to write an e-mail; write it as <\(shortened(bare.address))>"
                )
                continue
            }
            let full = bare.address.lowercased().hasPrefix("www.") ? "https://" + bare.address : bare.address
            warn(
                bare.line, bare.column,
                "`\(shortened(bare.address))` is shown as text, not as a link readers can tap; write it as <\(shortened(full))> or [what it is](\(full.count > 60 ? "…" : full))"
            )
        }
        for table in rendered.pipeTables {
            warn(
                table.line, table.column,
                "this table is shown as text with its `|` signs: a table needs an empty line above its first row and below its last, and as many cells in its first row as in the row of dashes under it"
            )
        }
        for habit in rendered.wordProcessorHabits {
            switch habit.kind {
            case .boldHeading(let text):
                warn(
                    habit.line, habit.column,
                    "this paragraph is only bold text, which looks like a heading but is none for screen readers and the page's outline; if it is one, write `## \(shortened(text.hasSuffix(":") ? String(text.dropLast()) : text))`"
                )
            case .pastedList(let marker):
                warn(
                    habit.line, habit.column,
                    "this line starts with \(UTF8Validation.namedCodePoint(marker, unnamed: "a bullet")), as word processors write lists: it is shown as text, not as a list that screen readers announce as one; start each item with `- `"
                )
            }
        }
        if !rendered.droppedRawHTML.isEmpty {
            let lines = body().split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            for line in rendered.droppedRawHTML {
                let index = line - file.bodyLine
                let column = lines.indices.contains(index) ? tagColumn(in: lines[index]) : 1
                warn(
                    line, column, "raw HTML is not shown on the site (it could be unsafe); write it in Markdown instead"
                )
            }
        }
        return diagnostics
    }

    /// The host an image at `destination` would be loaded from (`https://…`, `//…`), unless it is one of the site's.
    static func foreignHost(of destination: String, ownHosts: Set<String>) -> String? {
        let lower = destination.lowercased()
        guard let start = ["https://", "http://", "//"].first(where: { lower.hasPrefix($0) }) else { return nil }
        let host = String(lower.dropFirst(start.count).prefix { !"/?#:".contains($0) })
        return ownHosts.contains(host) ? nil : host
    }

    /// The scheme of a link cmark keeps that is none of https, http, mailto and tel (`ftp:`, `intent:`); nil for
    /// those and for links without a scheme.
    static func unusualScheme(of destination: String) -> String? {
        guard LinkResolver.hasScheme(destination) else { return nil }
        // A scheme is ASCII (`hasScheme` checked it), so its bytes are its text.
        let scheme =
            String(decoding: destination.utf8.prefix { $0 != UInt8(ascii: ":") }, as: UTF8.self)
            .lowercased() + ":"
        return ["https:", "http:", "mailto:", "tel:"].contains(scheme) ? nil : scheme
    }

    /// Whether cmark keeps the link's destination: a URL without a scheme, or one of the schemes it allows
    /// (and, for images, inline PNG, GIF, JPEG or WebP data).
    static func isSafe(_ link: MarkdownLink) -> Bool {
        guard LinkResolver.hasScheme(link.destination) else { return true }
        let lower = link.destination.lowercased()
        if ["http:", "https:", "mailto:", "tel:"].contains(where: { lower.hasPrefix($0) }) { return true }
        if link.isImage {
            return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains {
                lower.hasPrefix($0)
            }
        }
        return !["javascript:", "vbscript:", "file:", "data:"].contains { lower.hasPrefix($0) }
    }

    /// The column of the first thing on `line` that looks like an HTML tag or comment (1 if none does).
    static func tagColumn(in line: Substring) -> Int {
        var column = 1
        var previous: Character?
        for character in line {
            if previous == "<", character.isLetter || character == "/" || character == "!" || character == "?" {
                return column - 1
            }
            previous = character
            column += 1
        }
        return 1
    }
}
