import Foundation
import Markdown

/// Resolves links written in Markdown (to content files or site URLs) to the target page in the reader's language.
struct LinkResolver {
    var site: Site
    /// Files in templates/assets, as site paths (`/assets/style.css`).
    var assets: Set<String>

    /// An anchor that must exist on a page, checked once every page is rendered.
    struct AnchorCheck: Sendable, Equatable {
        var pageID: String
        var fragment: String
        /// The reader's language: the anchor must exist in the text that reader is shown.
        var language: String
        /// The language of the file the link is written in.
        var sourceLanguage: String
        var file: String
        var line: Int
        var column: Int
        /// The file whose headings must hold `fragment` (set where the site is at hand, for the build cache).
        var targetFile = ""
    }

    enum Resolution {
        /// Leave the link as it is (external links, mail, phone).
        case keep
        case rewrite(String, anchor: AnchorCheck?)
        /// A file beside the pages, at this link.
        case attachment(String, Attachment)
        case broken(String)
    }

    /// Resolves `destination`, written in `file` (a page `pageID`), for a reader of `language` viewing the page at `fromURL`.
    func resolve(_ link: MarkdownLink, in file: SourceFile, language: Language, fromURL: String) -> Resolution {
        let destination = link.destination
        if destination.isEmpty {
            return .broken(
                "the link has no destination and goes nowhere; write where it goes between the parentheses, e.g. [\(link.text)](../arbeit/_index.md)"
            )
        }
        if Self.isExternal(destination) { return .keep }
        // Runs for every link of every page: the parts are found on UTF-8 bytes (`#`, `?` and `/` are ASCII, so the
        // indices are valid string indices).
        var path = Substring(destination)
        var fragment: Substring? = nil
        if let hash = Self.firstIndex(of: UInt8(ascii: "#"), in: path) {
            fragment = path[path.utf8.index(after: hash)...]
            path = path[..<hash]
        }
        var query: Substring = ""
        if let mark = Self.firstIndex(of: UInt8(ascii: "?"), in: path) {
            query = path[mark...]
            path = path[..<mark]
        }
        // A fragment into a page is written as the heading ids are, so that the browser finds the heading.
        let pageFragment = fragment.map(Self.headingFragment)
        func anchor(_ id: String) -> AnchorCheck? {
            guard let pageFragment, !pageFragment.isEmpty else { return nil }
            return AnchorCheck(
                pageID: id, fragment: String(pageFragment), language: language.code, sourceLanguage: file.language,
                file: file.displayPath, line: link.line, column: link.column)
        }
        if path.isEmpty {
            // `#kosten`: an anchor on this page.
            let written = query + (pageFragment.map { "#" + $0 } ?? "")
            // Compared byte for byte: Swift's `==` takes composed and decomposed text as equal.
            return .rewrite(
                written.utf8.elementsEqual(destination.utf8) ? destination : String(written),
                anchor: anchor(file.pageID))
        }

        let sitePath: String
        if path.utf8.first == UInt8(ascii: "/") {
            sitePath = String(path)
        } else if path.hasSuffix(".md") {
            // A content file, relative to the linking file's folder inside its language folder.
            guard let resolved = Self.normalize(folder: folder(of: file), relative: path) else {
                return .broken(
                    "`\(destination)` points outside the language folder; link to pages of the same language, which are translated for every reader"
                )
            }
            let (id, _) = PageID.of(relativePath: resolved)
            if site.pages[id] == nil, site.drafts.contains(id) { return .broken(Self.draftMessage(destination)) }
            guard let page = site.pages[id] else {
                return .broken(
                    "`\(destination)` links to a page that does not exist: no language folder has \(resolved); check the file name"
                )
            }
            return finish(
                id: id, page: page, query: query, fragment: pageFragment, language: language, fromURL: fromURL,
                anchor: anchor(id),
                destination: destination)
        } else if Attachment.isPublishedKind(path) {
            // A file beside the pages, relative to the linking file's folder, as a content file is.
            guard let resolved = Self.normalize(folder: folder(of: file), relative: path) else {
                return .broken(
                    "`\(destination)` points outside the language folder; put the file into the language folder of the page"
                )
            }
            guard let attachment = site.attachments.find(resolved, for: language, writtenIn: file.language) else {
                let elsewhere = site.attachments.languages(having: resolved)
                guard elsewhere.isEmpty else {
                    return .broken(
                        "`\(destination)` links to a file that only the language \(elsewhere.count == 1 ? "folder" : "folders") \(elsewhere.joined(separator: ", ")) \(elsewhere.count == 1 ? "has" : "have"), which a reader of \(language.name) is not shown; put a copy of it beside this page"
                    )
                }
                return .broken(
                    "`\(destination)` links to a file that is not there: no language folder has \(resolved); put the file beside the page or check its name"
                )
            }
            return .attachment(attachmentURL(attachment, from: fromURL, query: query, fragment: fragment), attachment)
        } else {
            // A relative URL: resolve against the page's own URL.
            guard let resolved = Self.joined(fromURL, path, leadingSlash: true) else {
                return .broken("`\(destination)` points outside the site")
            }
            sitePath = resolved
        }

        if sitePath.hasPrefix("/assets/") {
            guard assets.contains(sitePath) else {
                return .broken("`\(destination)` links to \(sitePath), but templates/assets has no such file")
            }
            return .rewrite(URLPath.relative(from: fromURL, to: sitePath) + query, anchor: nil)
        }
        if Attachment.isPublishedKind(Substring(sitePath)) {
            guard let attachment = site.attachments.find(sitePath: sitePath) else {
                return .broken(
                    "`\(destination)` links to \(sitePath), but the content folder has no such file; link to it by its name beside the page, e.g. `plan.png`"
                )
            }
            return .attachment(attachmentURL(attachment, from: fromURL, query: query, fragment: fragment), attachment)
        }
        if let generated = generatedFile(sitePath, destination: destination, for: language, writtenIn: file.language) {
            switch generated {
            case .success(let target):
                var url = URLPath.relative(from: fromURL, to: target) + query
                if let fragment { url += "#" + fragment }
                return .rewrite(url, anchor: nil)
            case .failure(let message):
                return .broken(message.text)
            }
        }
        let id = pageID(ofSitePath: sitePath)
        if site.pages[id] == nil, site.drafts.contains(id) { return .broken(Self.draftMessage(destination)) }
        guard let page = site.pages[id] else {
            return .broken(
                "`\(destination)` links to a page that does not exist; link to the content file instead, e.g. `../arbeit/_index.md`"
            )
        }
        return finish(
            id: id, page: page, query: query, fragment: pageFragment, language: language, fromURL: fromURL,
            anchor: anchor(id),
            destination: destination)
    }

    /// A link's fragment into a page as heading ids are written: percent-escapes decoded (browsers decode them
    /// before looking for the id; "copy link to heading" writes them) and composed (NFC), as ids are, whichever
    /// form the editor's keyboard wrote.
    static func headingFragment(_ fragment: Substring) -> Substring {
        guard fragment.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 >= 0x80 }) else { return fragment }
        var text = String(fragment)
        // Not decoded into a control character (`%00`), which no id has and no message should print.
        if let decoded = text.removingPercentEncoding,
            !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        {
            text = decoded
        }
        return Substring(Markdown.composed(text))
    }

    struct Message: Error {
        var text: String
    }

    /// The file a build makes from all pages that `sitePath` names (`/sitemap.xml`, `/robots.txt`, `/404.html`, a
    /// language's calendar of coming events `/de/events.ics`, an event's `/de/events/fest/event.ics`), as the site
    /// path of the reader's language's version where there is one; a message if it names a calendar that a build
    /// does not make; nil for any other path.
    private func generatedFile(
        _ sitePath: String, destination: String, for language: Language, writtenIn: String
    ) -> Result<String, Message>? {
        // Most links name a page, whose address ends in `/`.
        guard sitePath.utf8.last != UInt8(ascii: "/") else { return nil }
        if sitePath == "/sitemap.xml" || sitePath == "/robots.txt" || sitePath == "/404.html" {
            return .success(sitePath)
        }
        guard sitePath.hasSuffix(".ics") else { return nil }
        var segments = sitePath.split(separator: "/").map(String.init)
        // The language segment is optional, as in links to pages: without it, the reader's language is meant.
        let written = segments.first.flatMap { site.config.language($0) }
        if written != nil { segments.removeFirst() }
        if segments == ["events.ics"] {
            return .success("/\(language.code)/events.ics")
        }
        if segments.count >= 2, segments.last == "event.ics" {
            let id = segments.dropLast().joined(separator: "/")
            if let page = site.pages[id], page.start != nil, site.pages["events"]?.children.contains(id) == true {
                for target in [language, written ?? language] where site.isBuilt(page, in: target) {
                    return .success(PageID.urlPath(id, language: target.code) + "event.ics")
                }
            }
        }
        return .failure(
            Message(
                text:
                    "`\(destination)` links to \(sitePath), a calendar that a build does not make: the calendar of coming events is /\(writtenIn)/events.ics, and each event's is its address followed by event.ics"
            ))
    }

    /// The folder, inside its language folder, that links in `file` are relative to: a section's own folder, else
    /// the folder the file is in.
    private func folder(of file: SourceFile) -> String {
        file.pageID.isEmpty ? "" : (isIndexFile(file) ? file.pageID : (PageID.parentPath(of: file.pageID) ?? ""))
    }

    /// The link from the page at `fromURL` to `attachment`, with the query and fragment written (`#page=3`).
    private func attachmentURL(_ attachment: Attachment, from fromURL: String, query: Substring, fragment: Substring?)
        -> String
    {
        var url = URLPath.relative(from: fromURL, to: attachment.sitePath) + query
        if let fragment { url += "#" + fragment }
        return url
    }

    private func finish(
        id: String, page: Page, query: Substring, fragment: Substring?, language: Language, fromURL: String,
        anchor: AnchorCheck?,
        destination: String
    ) -> Resolution {
        guard site.isBuilt(page, in: language) else {
            if !site.config.fallbackPages {
                return .broken(
                    "`\(destination)` links to a page that has no \(language.name) version, and fallback pages are switched off"
                )
            }
            let written = site.config.languages.filter { page.files[$0.code] != nil }.map(\.name)
            return .broken(
                "`\(destination)` links to a page written only in \(written.joined(separator: ", ")), which is not shown to readers of \(language.name) (not a language they fall back to); write a \(language.name) version or link to another page"
            )
        }
        var url = URLPath.relative(from: fromURL, to: PageID.urlPath(id, language: language.code))
        if !query.isEmpty { url += query }
        if let fragment { url += "#" + fragment }
        return .rewrite(url, anchor: anchor)
    }

    /// The page id a site path names: its segments without a language code first or `index.html` last
    /// (`/de/guides/arbeit/` → `guides/arbeit`).
    func pageID(ofSitePath sitePath: String) -> String {
        // Runs for every link to a site path: the segments are found on the bytes, twice, instead of being
        // collected into an array and joined.
        var sitePath = sitePath
        return sitePath.withUTF8 { bytes in
            var count = 0
            var first = 0..<0
            var last = 0..<0
            URLPath.forEachSegment(in: bytes) { segment in
                if count == 0 { first = segment }
                last = segment
                count += 1
            }
            // `index.html` last is dropped first; then a language code first, if a segment is left. Both are ASCII,
            // so comparing bytes is comparing text.
            let lastBytes = UnsafeBufferPointer(rebasing: bytes[last])
            let firstBytes = UnsafeBufferPointer(rebasing: bytes[first])
            let skipLast = count > 0 && lastBytes.elementsEqual("index.html".utf8)
            let skipFirst =
                count > (skipLast ? 1 : 0)
                && site.config.languages.contains {
                    $0.code.utf8.count == firstBytes.count && $0.code.utf8.elementsEqual(firstBytes)
                }
            return StringAssembly.make(capacity: bytes.count) { id in
                var index = 0
                var written = 0
                URLPath.forEachSegment(in: bytes) { segment in
                    defer { index += 1 }
                    if (index == 0 && skipFirst) || (index == count - 1 && skipLast) { return }
                    if written > 0 { id.append(ascii: UInt8(ascii: "/")) }
                    id.append(UnsafeBufferPointer(rebasing: bytes[segment]))
                    written += 1
                }
            }
        }
    }

    /// Where `byte` (ASCII) first occurs in `text`, found in its bytes at once where they are contiguous.
    static func firstIndex(of byte: UInt8, in text: Substring) -> Substring.Index? {
        let offset = text.utf8.withContiguousStorageIfAvailable { bytes in bytes.firstIndex(of: byte) }
        guard let offset else { return text.utf8.firstIndex(of: byte) }
        return offset.map { text.utf8.index(text.startIndex, offsetBy: $0) }
    }

    private func isIndexFile(_ file: SourceFile) -> Bool {
        file.displayPath.hasSuffix("/_index.md")
    }

    /// `scheme:` at the start (letters, digits, `+`, `-`, `.`, starting with a letter).
    /// For a link to a page left out as a draft.
    static func draftMessage(_ destination: String) -> String {
        "`\(destination)` links to a draft (`draft: true`), which is not on the site; publish it first, or preview with --drafts"
    }

    /// Whether `destination` leaves the site's own paths: it has a scheme (`https:`, `mailto:`) or starts with `//`
    /// (a host, in the scheme of the page).
    static func isExternal(_ destination: String) -> Bool {
        var bytes = destination.utf8.makeIterator()
        return hasScheme(destination) || (bytes.next() == UInt8(ascii: "/") && bytes.next() == UInt8(ascii: "/"))
    }

    static func hasScheme(_ text: String) -> Bool {
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar == ":" { return offset > 0 }
            let isLetter = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
            let isOther = (scalar >= "0" && scalar <= "9") || scalar == "+" || scalar == "-" || scalar == "."
            if offset == 0 ? !isLetter : !(isLetter || isOther) { return false }
        }
        return false
    }

    /// `folder` joined with `relative` (`../x/y.md`), with `.` and `..` applied; nil when it climbs above the root.
    static func normalize(folder: String, relative: Substring) -> String? {
        joined(folder, relative, leadingSlash: false)
    }

    /// The non-empty parts of `base` and then of `relative` (between slashes), with each `.` dropped and each `..`
    /// taking away the part before it, joined with `/` (and one before them with `leadingSlash`); nil when a `..`
    /// has nothing left to take away.
    ///
    /// Runs for every link of every page: the parts are kept as byte ranges on the stack and copied once into
    /// the result, where collecting them as substrings and joining them made two arrays and two strings.
    static func joined(_ base: String, _ relative: Substring, leadingSlash: Bool) -> String? {
        var base = base
        var relative = relative
        return base.withUTF8 { baseBytes in
            relative.withUTF8 { relativeBytes in
                // A part of `relative` is stored after those of `base`, shifted past the end of `base`.
                let shift = baseBytes.count + 1
                return withUnsafeTemporaryAllocation(
                    of: Range<Int>.self, capacity: (baseBytes.count + relativeBytes.count) / 2 + 2
                ) { parts -> String? in
                    var count = 0
                    var length = 0
                    URLPath.forEachSegment(in: baseBytes) { part in
                        parts[count] = part
                        count += 1
                        length += part.count
                    }
                    var climbsOut = false
                    URLPath.forEachSegment(in: relativeBytes) { part in
                        if climbsOut { return }
                        let dot = UInt8(ascii: ".")
                        if part.count == 1, relativeBytes[part.lowerBound] == dot { return }
                        if part.count == 2, relativeBytes[part.lowerBound] == dot,
                            relativeBytes[part.lowerBound + 1] == dot
                        {
                            guard count > 0 else {
                                climbsOut = true
                                return
                            }
                            count -= 1
                            length -= parts[count].count
                            return
                        }
                        parts[count] = (part.lowerBound + shift)..<(part.upperBound + shift)
                        count += 1
                        length += part.count
                    }
                    if climbsOut { return nil }
                    return StringAssembly.make(capacity: length + count + 1) { result in
                        if leadingSlash { result.append(ascii: UInt8(ascii: "/")) }
                        for index in 0..<count {
                            if index > 0 { result.append(ascii: UInt8(ascii: "/")) }
                            let part = parts[index]
                            if part.lowerBound >= shift {
                                result.append(
                                    UnsafeBufferPointer(
                                        rebasing: relativeBytes[(part.lowerBound - shift)..<(part.upperBound - shift)]))
                            } else {
                                result.append(UnsafeBufferPointer(rebasing: baseBytes[part]))
                            }
                        }
                    }
                }
            }
        }
    }
}
