import Foundation
import FrontMatter
import Templates

/// Turns the loaded files into a `Site`: groups translations, inherits language-neutral fields, builds the tree.
struct SiteBuilder {
    var config: SiteConfig
    var includeDrafts: Bool
    var diagnostics: [Diagnostic] = []
    /// `SourceHash` of each source file already hashed (it reads the body again, and a source has many translations).
    var sourceHashes: [String: String] = [:]

    private mutating func sourceHash(of source: SourceFile) -> String {
        if let known = sourceHashes[source.displayPath] { return known }
        let hash = SourceHash.of(source)
        sourceHashes[source.displayPath] = hash
        return hash
    }

    mutating func build(files: [SourceFile], strings: UIStrings, now: Date) -> Site {
        let timeZone = TimeZone(identifier: config.timeZone) ?? TimeZone(identifier: "UTC")!
        // The files of each page, in the order of `files`: one look-up per file here, the rest on all cores.
        var groupOfPage: [String: Int] = [:]
        groupOfPage.reserveCapacity(files.count)
        var groups: [[SourceFile]] = []
        for file in files {
            if let group = groupOfPage[file.pageID] {
                groups[group].append(file)
            } else {
                groupOfPage[file.pageID] = groups.count
                groups.append([file])
            }
        }

        // Each page on its own (on all cores): its files, source language, inherited fields, translation checks, dates.
        let worker = SiteBuilder(config: config, includeDrafts: includeDrafts)
        let ordered = groupOfPage.sorted { $0.key < $1.key }.map { groups[$0.value] }
        let finished = Parallel.map(ordered) { files -> (page: Page?, diagnostics: [Diagnostic]) in
            var builder = worker
            let page = builder.finish(builder.page(of: files), timeZone: timeZone)
            return (page, builder.diagnostics)
        }
        var pages: [String: Page] = [:]
        pages.reserveCapacity(finished.count)
        var drafts: Set<String> = []
        for ((page, pageDiagnostics), files) in zip(finished, ordered) {
            diagnostics += pageDiagnostics
            if let page { pages[page.id] = page } else { drafts.insert(files[0].pageID) }
        }

        addGeneratedPages(&pages, strings: strings)
        linkTree(&pages, timeZone: timeZone)
        linkSeries(&pages, timeZone: timeZone)
        var order: [String] = []
        appendDepthFirst("", pages: pages, into: &order)
        var resolvedStrings = strings
        resolvedStrings.resolve(for: config.languages)
        var site = Site(
            config: config, pages: pages, order: order, strings: resolvedStrings, now: now, timeZone: timeZone)
        site.drafts = drafts
        site.today = Site.day(of: now, in: timeZone)
        for language in config.languages {
            site.formatting[language.code] = DateFormatting(localeIdentifier: language.locale, timeZone: timeZone)
        }
        return site
    }

    /// The page of `files` (all with one page id, in the order they were read): the first file of each language
    /// counts, a later one is reported.
    private mutating func page(of files: [SourceFile]) -> Page {
        var page = Page(id: files[0].pageID, kind: files[0].kind, files: [:], data: [:], sourceLanguage: "")
        for file in files {
            if let other = page.files[file.language] {
                diagnostics.append(
                    Diagnostic(
                        file: file.displayPath, line: 1, column: 1,
                        message:
                            "this page has the same URL (\(PageID.urlPath(file.pageID, language: file.language))) as \(other.displayPath); rename or remove one of them"
                    ))
                continue
            }
            diagnostics += file.dataDiagnostics
            if file.data.values["title"] == nil, file.frontMatter["title"] == nil {
                diagnostics.append(
                    Diagnostic(
                        file: file.displayPath, line: 1, column: 1,
                        message: "the page has no `title`; add `title: …` to its front matter"))
            } else if let node = file.frontMatter["title"],
                node.value == .null || Self.isBlank(file.data.values["title"])
            {
                // An empty heading and link text for every list the page is in.
                diagnostics.append(
                    Diagnostic(
                        file: file.displayPath, position: node.position,
                        message: "the `title` is empty; write the page's title"))
            }
            page.files[file.language] = file
            page.data[file.language] = file.data
        }
        return page
    }

    /// Whether a text field is there but holds only white space.
    private static func isBlank(_ value: TemplateValue?) -> Bool {
        guard case .string(let text)? = value else { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// A page with its source language, inherited fields and event dates; nil for a draft not built.
    private mutating func finish(_ page: Page, timeZone: TimeZone) -> Page? {
        var page = page
        page.sourceLanguage =
            config.languages.first { page.files[$0.code] != nil && $0.code == config.defaultLanguage }?.code
            ?? config.languages.first { page.files[$0.code] != nil }!.code
        let source = page.sourceData
        if case .bool(true)? = source["draft"], !includeDrafts { return nil }
        for (language, data) in page.data where language != page.sourceLanguage {
            page.data[language] = data.inheriting(from: source, kind: page.kind)
            checkTranslation(
                page.files[language]!, data: data, source: page.files[page.sourceLanguage]!, sourceData: source,
                kind: page.kind)
        }
        if case .int(let weight)? = source["weight"] { page.weight = weight }
        if page.kind == .event {
            readEventDates(&page, timeZone: timeZone)
        }
        return page
    }

    /// Warnings for a translation: a language-neutral field that differs from the source (one of them is wrong),
    /// and a translation stamped against an older version of its source.
    private mutating func checkTranslation(
        _ file: SourceFile, data: PageData, source: SourceFile, sourceData: PageData, kind: PageKind
    ) {
        // Only the fields the translation sets can differ: they are fewer than the kind's fields.
        let fields = Schema.fields(for: kind)
        for (name, own) in data.values {
            guard let field = fields.named(name), !field.translatable,
                let original = sourceData.values[name]
            else { continue }
            var differing: [String] = []
            if case .record(let subfields) = field.type, case .map(let ownMap) = own,
                case .map(let sourceMap) = original
            {
                differing = subfields.filter { subfield in
                    !subfield.translatable && ownMap[subfield.name] != nil && ownMap[subfield.name] != .null
                        && ownMap[subfield.name] != sourceMap[subfield.name]
                }.map { "\(field.name).\($0.name)" }
            } else if own != original {
                differing = [field.name]
            }
            for name in differing {
                diagnostics.append(
                    Diagnostic(
                        file: file.displayPath,
                        position: file.frontMatter[field.name]?.position ?? TextPosition(line: 1, column: 1),
                        severity: .warning,
                        message:
                            "`\(name)` differs from \(source.displayPath); it is the same in every language, so write it only there"
                    ))
            }
        }
        if let recorded = file.frontMatter["source_hash"], let text = recorded.text, text != sourceHash(of: source) {
            diagnostics.append(
                Diagnostic(
                    file: file.displayPath, position: recorded.position, severity: .warning,
                    message:
                        "this translation is outdated: \(source.displayPath) changed since it was stamped; update it, then run `wegweiser stamp \(file.displayPath)`"
                ))
        }
    }

    private mutating func readEventDates(_ page: inout Page, timeZone: TimeZone) {
        let file = page.files[page.sourceLanguage]!
        let startNode = file.frontMatter["start"]
        let endNode = file.frontMatter["end"]
        page.start = startNode.flatMap(EventDate.init)
        page.end = endNode.flatMap(EventDate.init)
        if startNode == nil {
            diagnostics.append(
                Diagnostic(
                    file: file.displayPath, line: 1, column: 1,
                    message:
                        "an event needs a `start`: a date (`2025-11-13`), a date and time (`2025-11-13T18:00`) or a month (`2025-09`)"
                ))
        }
        // A wall-clock time in the hour the clocks skip in spring names no instant: say so, rather than that the
        // event ends before it starts.
        var skipped = false
        for (name, node, date) in [("start", startNode, page.start), ("end", endNode, page.end)] {
            guard let node, case .time(let value)? = date, value.utcOffsetSeconds == nil else { continue }
            let shown = GregorianCalendar.calendar(in: timeZone).dateComponents(
                [.day, .hour, .minute], from: date!.firstInstant(in: timeZone))
            guard shown.day != value.date.day || shown.hour != value.time.hour || shown.minute != value.time.minute
            else { continue }
            skipped = true
            diagnostics.append(
                Diagnostic(
                    file: file.displayPath, position: node.position,
                    message:
                        "`\(name)` (\(date!.iso)) does not exist in \(timeZone.identifier): the clocks skip that hour when summer time begins; use a time before or after it"
                ))
        }
        if !skipped, let start = page.start, let end = page.end, let endNode,
            end.lastInstant(in: timeZone) < start.firstInstant(in: timeZone)
                || end.firstInstant(in: timeZone) < start.firstInstant(in: timeZone)
        {
            diagnostics.append(
                Diagnostic(
                    file: file.displayPath, position: endNode.position,
                    message: "the event ends (\(end.iso)) before it starts (\(start.iso))"))
        }
        if let node = file.frontMatter["recurrence"] {
            page.recurrence = EventRecurrence.read(
                node, start: page.start, file: file.displayPath, diagnostics: &diagnostics)
            if let recurrence = page.recurrence, let start = page.start {
                let exceptNodes = node.mapValue?["except"]?.listValue ?? []
                for stray in recurrence.strayExceptions(from: start.firstDay) {
                    let position = exceptNodes.first { $0.value == .date(stray) }?.position ?? node.position
                    diagnostics.append(
                        Diagnostic(
                            file: file.displayPath, position: position, severity: .warning,
                            message: "\(EventDate.iso(stray)) in `except` is not a date on which the event takes place")
                    )
                }
            }
        }
        if case .string(let series)? = page.sourceData["series"] {
            page.series = "events/" + series
        }
    }

    /// Home, list pages and the guide root exist even when no file describes them.
    private mutating func addGeneratedPages(_ pages: inout [String: Page], strings: UIStrings) {
        func generate(_ id: String, _ kind: PageKind) {
            guard pages[id] == nil else { return }
            pages[id] = Page(id: id, kind: kind, files: [:], data: [:], sourceLanguage: config.defaultLanguage)
            // Not said of a file with a syntax error, which is the error to mend.
            if let key = Self.generatedTitleKey(id), strings.lookup(key, chain: [config.defaultLanguage]) == nil,
                !strings.unreadable.contains(config.defaultLanguage)
            {
                diagnostics.append(
                    Diagnostic(
                        file: strings.paths[config.defaultLanguage] ?? "templates/i18n/\(config.defaultLanguage).yml",
                        line: 1, column: 1,
                        message:
                            "the UI string `\(key)` is missing; it is the title of the generated page /\(id)/ (or write content/\(config.defaultLanguage)/\(id)/_index.md)"
                    ))
            }
        }
        generate("", .home)
        generate("profiles", .list)
        generate("events", .list)
        if pages.values.contains(where: { $0.kind == .guide }) { generate("guides", .guide) }
    }

    /// The UI string that titles a generated page (nil for the home page, titled by the site's title).
    static func generatedTitleKey(_ id: String) -> String? {
        switch id {
        case "profiles": "nav.profiles"
        case "events": "nav.events"
        case "guides": "nav.guides"
        default: nil
        }
    }

    /// Parents are the nearest existing ancestor; children are ordered by weight, then path (the same in every language).
    private func linkTree(_ pages: inout [String: Page], timeZone: TimeZone) {
        for id in pages.keys.sorted() where !id.isEmpty {
            var ancestor = PageID.parentPath(of: id)
            while let candidate = ancestor, pages[candidate] == nil {
                ancestor = PageID.parentPath(of: candidate)
            }
            pages[id]!.parent = ancestor ?? ""
            pages[ancestor ?? ""]!.children.append(id)
        }
        let keys = Self.siblingOrderKeys(pages, timeZone: timeZone)
        for id in pages.keys where pages[id]!.children.count > 1 {
            pages[id]!.children.sort { keys[$0]! < keys[$1]! }
        }
    }

    /// Where a page goes among its siblings, computed once per page (an event's start instant is costly to find).
    struct SiblingOrderKey: Comparable {
        var start: Date
        var weight: Int
        var id: String

        static func < (a: Self, b: Self) -> Bool {
            (a.start, a.weight, a.id) < (b.start, b.weight, b.id)
        }
    }

    /// Sibling order: events by start, everything else by weight; ties by path, which is the same in every language.
    /// (Events and other pages are not siblings; among events, the weight only breaks ties of the start.)
    static func siblingOrderKeys(_ pages: [String: Page], timeZone: TimeZone) -> [String: SiblingOrderKey] {
        pages.mapValues { page in
            let start =
                page.kind == .event ? page.start.map { $0.firstInstant(in: timeZone) } ?? .distantFuture : .distantPast
            return SiblingOrderKey(start: start, weight: page.weight ?? Int.max, id: page.id)
        }
    }

    private mutating func linkSeries(_ pages: inout [String: Page], timeZone: TimeZone) {
        // Only events name a series: the others are not sorted or looked up again.
        for id in pages.values.filter({ $0.series != nil }).map(\.id).sorted() {
            guard let series = pages[id]!.series else { continue }
            let page = pages[id]!
            let file = page.files[page.sourceLanguage]!
            let name = series.dropFirst(7)
            var problem: String?
            if series == id {
                problem = "`series: \(name)` names this event; `series` names the event this one is a part of"
            } else if let parent = pages[series], parent.kind == .event {
                // One level: a part of a part would hide it from the series' page, and two events could name each other.
                if parent.series == id {
                    problem =
                        "`series: \(name)` names an event that names this one as its series; only one of them can be the series"
                } else if let grandparent = parent.series {
                    problem =
                        "`series: \(name)` names an event that is itself a part of `\(grandparent.dropFirst(7))`; name that one, as a series has parts but its parts have none"
                }
            } else {
                problem = "`series: \(name)` names no event; use the file name (without .md) of an event in events/"
            }
            if let problem {
                let position = file.frontMatter["series"]?.position ?? TextPosition(line: 1, column: 1)
                diagnostics.append(Diagnostic(file: file.displayPath, position: position, message: problem))
                pages[id]!.series = nil
                continue
            }
            pages[series]!.parts.append(id)
        }
        let keys = Self.siblingOrderKeys(pages, timeZone: timeZone)
        for id in pages.keys where pages[id]!.parts.count > 1 {
            pages[id]!.parts.sort { keys[$0]! < keys[$1]! }
        }
    }

    private func appendDepthFirst(_ id: String, pages: [String: Page], into order: inout [String]) {
        order.append(id)
        for child in pages[id]!.children { appendDepthFirst(child, pages: pages, into: &order) }
    }
}
