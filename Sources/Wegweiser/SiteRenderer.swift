import Dispatch
import Foundation
import FrontMatter
import ICalendar
import Markdown
import Synchronization
import Templates

/// One output file.
struct RenderedFile: Sendable {
    /// Path inside the output folder.
    var path: String
    var bytes: [UInt8]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Renders every page of an immutable `Site` in every language, plus the chooser, 404 page and sitemap.
struct SiteRenderer {
    let site: Site
    let templates: TemplateSet
    let templatesPath: String
    let assets: Set<String>
    let buildTime: String
    var diagnostics: [Diagnostic] = []
    /// Summaries and `site` values shared by the pages of this rendering.
    let cache: RenderCache
    /// The output of the theme's `include_cached` tags, shared by the pages of this rendering.
    let includes = IncludeCache()
    /// Whether each page records the body it shows, with its links' resolutions and its place in the page's
    /// file, for the build cache (`ShownBody`); a build that writes no cache (`check`) does not.
    var recordsShownBodies = true
    /// The paths of the files the last `renderSiteFiles` made (inside the output), in the order made.
    private(set) var siteFilePaths: [String] = []

    init(site: Site, templates: TemplateSet, templatesPath: String, assets: Set<String>, buildTime: String) {
        self.site = site
        self.templates = templates
        self.templatesPath = templatesPath
        self.assets = assets
        self.buildTime = buildTime
        cache = RenderCache(summaries: site.pages.count * site.config.languages.count)
    }

    /// What rendering one page produced besides its HTML, merged in page order after the parallel part.
    struct PageOutcome: Sendable {
        var diagnostics: [Diagnostic] = []
        var anchors: [LinkResolver.AnchorCheck] = []
        /// The Markdown file rendered and its heading ids (for `#anchor` checks).
        var headingsFile: String?
        /// In the order of the text: a set is made of them only for the files that `#anchor` links point into.
        var headingIDs: [String] = []
        var written = false
        /// For an outcome read from the build cache and not changed since: its lines there (the page line and its
        /// diagnostics and anchors), which the next cache takes over as they are. Whatever changes such an outcome
        /// sets this to nil.
        var cachedLines: ArraySlice<UInt8>?
        /// The cache's lines for the body the page shows (`ShownBody`), for a later build that puts a changed body
        /// in place (`QuickRebuild`); written again as they are.
        var shownLines: ArraySlice<UInt8>?
    }

    /// The file whose headings an anchor check is about: the one the reader of its language is shown on its page.
    func anchorTarget(_ anchor: LinkResolver.AnchorCheck?) -> String {
        guard let anchor, let page = site.pages[anchor.pageID], let language = site.config.language(anchor.language),
            let code = site.contentLanguage(of: page, for: language), let file = page.files[code]
        else { return "" }
        return file.displayPath
    }

    /// One page in one language: where it goes and the hash of the Markdown body it shows (0 for a generated page).
    struct PageJob: Sendable {
        /// The reader's language, as its place in the site's languages: a job is copied several times, and a
        /// `Language` holds several strings to count references to.
        var languageIndex: Int
        var id: String
        /// Path inside the output folder, e.g. `de/guides/arbeit/index.html`.
        var path: String
        var bodyHash: UInt64
    }

    /// A page job done: what it produced and, when asked to keep them, the bytes of a page rendered now.
    struct PageResult: Sendable {
        var job: PageJob
        var outcome: PageOutcome
        /// nil for a page taken over from the build cache, or one already written.
        var bytes: [UInt8]?
        /// false for a page taken over from the build cache.
        var rendered = true

        /// This result without its bytes, once they are written.
        var withoutBytes: PageResult {
            var result = self
            result.bytes = nil
            return result
        }
    }

    /// Every page of every language, in the order they are rendered and reported.
    func pageJobs() -> [PageJob] {
        let site = site
        // One language per task: a big site has hundreds of thousands of jobs.
        return Parallel.map(Array(site.config.languages.indices), chunkSize: 1) { languageIndex in
            let language = site.config.languages[languageIndex]
            return site.order.compactMap { id -> PageJob? in
                guard let page = site.pages[id], let code = site.contentLanguage(of: page, for: language) else {
                    return nil
                }
                return PageJob(
                    languageIndex: languageIndex, id: id,
                    path: PageID.outputPath(id, language: language.code),
                    bodyHash: page.files[code]?.bodyHash ?? 0)
            }
        }.flatMap { $0 }
    }

    /// Renders every page and the files that depend on all pages (sitemap, calendars, aliases, chooser, 404),
    /// writing each page as soon as it is rendered so memory does not grow with the site. `writer` is nil for `check`.
    mutating func renderAll(writer: OutputWriter?, progress: (@Sendable (Int, Int) -> Void)? = nil) -> [PageResult] {
        let results = renderPages(pageJobs(), writer: writer, progress: progress)
        renderSiteFiles(writer: writer)
        return results
    }

    /// Renders `jobs` on all cores. A job for which `reuse` gives an outcome (from the build cache) is not rendered.
    /// Rendered pages are written with `writer`, or kept in the results when `writer` is nil and `keepBytes` is set.
    /// Diagnostics of all jobs, rendered or reused, are collected, and `#anchor` links checked, unless `collecting`
    /// is false (for some pages of a site, whose results are collected with the others').
    mutating func renderPages(
        _ jobs: [PageJob], writer: OutputWriter?, progress: (@Sendable (Int, Int) -> Void)? = nil,
        keepBytes: Bool = false, collecting: Bool = true, reuse: (@Sendable (PageJob) -> PageOutcome?)? = nil
    ) -> [PageResult] {
        let renderer = self
        let total = jobs.count
        var chunkDone: (@Sendable (Int) -> Void)?
        if let progress { chunkDone = { progress($0, total) } }
        // Each thread renders into one buffer of its own, emptied for every page but never given back.
        let newBuffer: @Sendable () -> [UInt8] = {
            var buffer: [UInt8] = []
            buffer.reserveCapacity(64 * 1024)
            return buffer
        }
        let results = Parallel.map(jobs, chunkDone: chunkDone, state: newBuffer) { buffer, job -> PageResult in
            if let outcome = reuse?(job) { return PageResult(job: job, outcome: outcome, bytes: nil, rendered: false) }
            buffer.removeAll(keepingCapacity: true)
            let outcome = renderer.renderPage(
                job.id, language: renderer.site.config.languages[job.languageIndex], into: &buffer)
            // A failed write is kept by the writer: the build's status says so, not the page's diagnostics.
            if outcome.written, let writer { writer.write(buffer, to: job.path) }
            return PageResult(job: job, outcome: outcome, bytes: keepBytes && outcome.written ? buffer : nil)
        }
        if collecting { collect(results) }
        return results
    }

    /// Takes the diagnostics of every page's outcome and checks the `#anchor` links of all of them.
    mutating func collect(_ results: [PageResult]) {
        var anchors: [LinkResolver.AnchorCheck] = []
        for result in results {
            diagnostics += result.outcome.diagnostics
            anchors += result.outcome.anchors
        }
        // The headings of every page are gathered only when some link points at one.
        guard !anchors.isEmpty else { return }
        var headings: [String: [String]] = [:]
        for result in results {
            if let file = result.outcome.headingsFile { headings[file] = result.outcome.headingIDs }
        }
        checkAnchors(anchors, headings: headings)
    }

    /// Redirects for aliases, calendars, the chooser and 404 page, the sitemap and robots.txt; they depend only on
    /// the site's pages and fields, not on Markdown bodies. With `onlyCheck`, only their diagnostics are collected
    /// (for a rebuild whose pages and fields are unchanged).
    /// Gives the diagnostics it added (a `serve` rebuild that renders no site files reports them again).
    @discardableResult
    mutating func renderSiteFiles(writer: OutputWriter?, onlyCheck: Bool = false) -> [Diagnostic] {
        var aliases = Aliases(site: site, assets: assets)
        let redirects = aliases.redirects()
        diagnostics += aliases.diagnostics
        if onlyCheck { return aliases.diagnostics }
        var files: [RenderedFile] = []
        for redirect in redirects {
            files.append(RenderedFile(path: redirect.path, text: redirectPage(redirect)))
        }
        files += specialPages()
        files.append(
            RenderedFile(
                path: "robots.txt", text: "User-agent: *\nAllow: /\nSitemap: \(site.config.baseURL)sitemap.xml\n"))
        // The sitemap and each language's calendars are made and written on all cores.
        let renderer = self
        let small = files
        var producers: [@Sendable () -> [RenderedFile]] = [{ small }, { Sitemap(site: renderer.site).files() }]
        for language in site.config.languages {
            producers.append { renderer.calendars(for: language) }
        }
        siteFilePaths = Parallel.map(producers, chunkSize: 1) { produce -> [String] in
            let files = produce()
            for file in files { writer?.write(file.bytes, to: file.path) }
            return files.map(\.path)
        }.flatMap { $0 }
        return aliases.diagnostics
    }

    /// One page for one reader: Markdown with its links resolved, then the page's template, into `buffer`.
    func renderPage(_ id: String, language: Language, into buffer: inout [UInt8]) -> PageOutcome {
        var outcome = PageOutcome()
        let page = site.pages[id]!
        let url = PageID.urlPath(id, language: language.code)
        var html: [UInt8] = []
        var shown: ShownBody?
        if let code = site.contentLanguage(of: page, for: language), let file = page.files[code] {
            guard let body = file.readBodyBytes() else {
                outcome.diagnostics.append(
                    Diagnostic(
                        file: file.displayPath, line: 1, column: 1,
                        message: "the file changed or disappeared while the site was built; build again"))
                return outcome
            }
            let resolver = LinkResolver(site: site, assets: assets)
            // Each destination once, with what it was resolved to: for the body's later links to it, and for a later
            // build that puts a changed body in place (`QuickRebuild`).
            var links: [LinkEntry] = []
            var seen: [[UInt8]: Int] = [:]
            let own = code == language.code
            html =
                Self.renderBody(body, file: file, own: own, ownHosts: site.config.ownHosts, outcome: &outcome) {
                    link in
                    // Pages link to a few destinations, often again and again: each is resolved once (a set finds
                    // them among many). Compared byte for byte: Swift's `==` takes composed and decomposed text as
                    // equal, the resolver does not.
                    let known: Int?
                    if links.count < 16 {
                        known = links.firstIndex { UTF8Bytes.equal($0.destination, link.destination) }
                    } else {
                        if seen.isEmpty {
                            for (index, entry) in links.enumerated() { seen[Array(entry.destination.utf8)] = index }
                        }
                        known = seen[Array(link.destination.utf8)]
                    }
                    if let known { return links[known].resolution(for: link) }
                    var resolution = resolver.resolve(link, in: file, language: language, fromURL: url)
                    if recordsShownBodies, case .rewrite(let destination, var anchor?) = resolution {
                        anchor.targetFile = anchorTarget(anchor)
                        resolution = .rewrite(destination, anchor: anchor)
                    }
                    let target: LinkEntry.Target
                    switch resolution {
                    case .keep: target = .keep
                    case .rewrite(let destination, let anchor): target = .rewrite(destination, anchor: anchor)
                    case .attachment(let destination, let attachment): target = .attachment(destination, attachment)
                    // Said at each place it is written.
                    case .broken: return resolution
                    }
                    if !seen.isEmpty { seen[Array(link.destination.utf8)] = links.count }
                    links.append(LinkEntry(destination: link.destination, target: target))
                    return resolution
                }.htmlBytes
            if recordsShownBodies {
                shown = ShownBody(file: file.displayPath, own: own, splice: nil, size: 0, links: links)
            }
        }
        let context = PageContext(site: site, language: language, url: url, cache: cache)
        var variables = baseVariables(context)
        variables["page"] = context.pageValue(page, contentHTML: html)
        addListVariables(page, context: context, into: &variables)
        var htmlUse = HTMLBytesUse()
        if let failure = render(page.kind.template, variables, context: context, into: &buffer, htmlUse: &htmlUse) {
            outcome.diagnostics.append(failure)
        } else {
            outcome.written = true
        }
        if var shown {
            // The one print must be the body's HTML (the only `.htmlBytes` value a page's context holds).
            if let range = htmlUse.onlyPrint, range.count == html.count { shown.splice = range }
            shown.size = buffer.count
            // Kept as the cache's lines: a site has many pages, and they are a fraction of the links' values.
            var lines = CacheWriter()
            shown.write(to: &lines)
            outcome.shownLines = lines.bytes[...]
        }
        return outcome
    }

    /// Renders template `name` into `buffer` for the page of `context`; nil, or the diagnostic of a template error.
    private func render(
        _ name: String, _ variables: [String: TemplateValue], context: PageContext, into buffer: inout [UInt8],
        htmlUse: inout HTMLBytesUse
    ) -> Diagnostic? {
        let filters = SiteFilters.make(
            site: site, assets: assets, language: context.language, url: context.url,
            rootRelative: context.rootRelative, cache: context.cache)
        do {
            try templates.render(
                name, context: variables, filters: filters, into: &buffer, includeCache: includes, htmlUse: &htmlUse)
            return nil
        } catch {
            return ThemeLoader.diagnostic(error, root: templatesPath)
        }
    }

    private func baseVariables(_ context: PageContext) -> [String: TemplateValue] {
        [
            "site": context.siteValue(buildTime: buildTime),
            "pages": .list([]),
            "upcoming": .list([]),
            "past": .list([]),
            "upcoming_months": .list([]),
            "list_kind": .null,
            "sections": .list([]),
            "events": .list([]),
            "profiles": .list([]),
            "guides": .null,
        ]
    }

    private func addListVariables(_ page: Page, context: PageContext, into variables: inout [String: TemplateValue]) {
        switch page.id {
        case "events":
            let built = context.builtChildren(of: page)
            let upcoming = upcomingEvents(built)
            variables["pages"] = context.summaries(built)
            variables["upcoming"] = context.summaries(upcoming)
            variables["past"] = context.summaries(built.filter { site.isPast(site.pages[$0]!) }.reversed())
            variables["upcoming_months"] = .list(monthGroups(upcoming, context: context))
            variables["list_kind"] = .string("events")
        case "profiles":
            variables["pages"] = context.summaries(page.children)
            variables["list_kind"] = .string("profiles")
        case "":
            let upcoming = upcomingEvents(site.pages["events"].map(context.builtChildren) ?? [])
            variables["events"] = context.summaries(Array(upcoming.prefix(5)))
            variables["profiles"] = context.summaries(site.pages["profiles"]?.children ?? [])
            if let guides = site.pages["guides"], site.isBuilt("guides", in: context.language) {
                variables["sections"] = context.summaries(guides.children)
                variables["guides"] = .map([
                    "title": .string(context.title(of: guides)), "url": .string(context.link(to: "guides")),
                ])
            }
        default:
            break
        }
    }

    /// Events that have not ended, ordered by their next occurrence (a weekly course sorts by its next date).
    private func upcomingEvents(_ ids: [String]) -> [String] {
        let next = ids.compactMap { id -> (String, Date)? in
            guard let page = site.pages[id], let occurrence = site.nextOccurrences(page, count: 1).first else {
                return nil
            }
            return (id, occurrence.start.firstInstant(in: site.timeZone))
        }
        return next.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
    }

    /// Upcoming events grouped by the month of their next occurrence: [{title: "November 2025", events: […]}].
    private func monthGroups(_ ids: [String], context: PageContext) -> [TemplateValue] {
        var groups: [(key: String, title: String, ids: [String])] = []
        for id in ids {
            guard let page = site.pages[id], let occurrence = context.shownOccurrence(page) else { continue }
            // An event that has begun and not ended is listed under the current month.
            // The day as the card shows it: a time written with an offset in the site's time zone.
            var day = occurrence.start.wallClock(in: site.timeZone).firstDay
            if occurrence.start.firstInstant(in: site.timeZone) < site.now {
                day = site.today ?? Site.day(of: site.now, in: site.timeZone) ?? day
            }
            let key = EventDate.month(YearMonth(year: day.year, month: day.month)!).iso
            if groups.last?.key == key {
                groups[groups.count - 1].ids.append(id)
            } else {
                groups.append((key, context.dates.single(.month(YearMonth(year: day.year, month: day.month)!)), [id]))
            }
        }
        return groups.map {
            .map(["title": .string($0.title), "month": .string($0.key), "events": context.summaries($0.ids)])
        }
    }

    /// `<lang>/events/<slug>/event.ics` for every event and `<lang>/events.ics` with the upcoming ones.
    private func calendars(for language: Language) -> [RenderedFile] {
        let calendar = EventCalendar(site: site)
        let events = site.pages["events"]?.children ?? []
        var files: [RenderedFile] = []
        do {
            let built = events.filter { site.isBuilt($0, in: language) }
            let name =
                site.config.title(in: language) + " – "
                + (site.strings.lookup("nav.events", in: language) ?? "")
            // Each entry is made and rendered once, for its own file and for the feed.
            var entries: [String: RenderedEvent] = [:]
            for id in built {
                guard let page = site.pages[id], let entry = calendar.event(page, language: language) else { continue }
                let rendered = calendar.lines.render(entry)
                entries[id] = rendered
                let path = String(PageID.urlPath(id, language: language.code).dropFirst()) + "event.ics"
                files.append(
                    RenderedFile(path: path, bytes: calendar.document([rendered], language: language, name: name)))
            }
            let feed = upcomingEvents(built).compactMap { entries[$0] }
            files.append(
                RenderedFile(
                    path: "\(language.code)/events.ics", bytes: calendar.document(feed, language: language, name: name))
            )
        }
        return files
    }

    /// A page at an old address that sends the reader on, without script: a refresh, a canonical link and a link.
    private func redirectPage(_ redirect: (path: String, id: String, language: Language)) -> String {
        let from = "/" + redirect.path.dropLast("index.html".count)
        let target = PageID.urlPath(redirect.id, language: redirect.language.code)
        let link = HTMLText.escape(URLPath.relative(from: String(from), to: target))
        let absolute = HTMLText.escape(site.config.baseURL + target.dropFirst())
        let context = PageContext(site: site, language: redirect.language, url: String(from))
        let title = HTMLText.escape(context.title(of: site.pages[redirect.id]!))
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLText.escape(redirect.language.code))" dir="\(redirect.language.direction.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <meta http-equiv="refresh" content="0; url=\(link)">
            <link rel="canonical" href="\(absolute)">
            <meta name="robots" content="noindex">
            </head>
            <body>
            <p><a href="\(link)">\(title)</a></p>
            </body>
            </html>

            """
    }

    /// The language chooser at the root and the 404 page.
    private mutating func specialPages() -> [RenderedFile] {
        guard let language = site.config.language(site.config.defaultLanguage), let home = site.pages[""] else {
            return []
        }
        var files: [RenderedFile] = []
        for (template, path, kind, rootRelative) in [
            ("chooser.html", "index.html", "chooser", false), ("notfound.html", "404.html", "notfound", true),
        ] {
            let context = PageContext(site: site, language: language, url: "/", rootRelative: rootRelative)
            var variables = baseVariables(context)
            guard case .map(var page) = context.pageValue(home, contentHTML: []) else { continue }
            page["kind"] = .string(kind)
            // Not a page of the tree: no id (the home page's would be wrong).
            page["id"] = .null
            page["title"] = .string(site.config.title(in: language))
            page["summary"] = .null
            page["breadcrumbs"] = .list([])
            page["children"] = .list([])
            page["is_fallback"] = .bool(false)
            variables["page"] = .map(page)
            var bytes: [UInt8] = []
            var htmlUse = HTMLBytesUse()
            if let failure = render(template, variables, context: context, into: &bytes, htmlUse: &htmlUse) {
                diagnostics.append(failure)
            } else {
                files.append(RenderedFile(path: path, bytes: bytes))
            }
        }
        return files
    }

    /// The heading ids of a file's Markdown, read from the file.
    static func headingIDs(of file: SourceFile) -> [String] {
        guard let body = file.readBodyBytes() else { return [] }
        let rendered = body.withUnsafeBufferPointer { Markdown.render(utf8: $0, firstLine: file.bodyLine) { _ in nil } }
        return rendered.headings.map(\.id)
    }

    /// Every `#anchor` must be a heading of the text the reader of that language sees on the target page.
    private mutating func checkAnchors(_ anchors: [LinkResolver.AnchorCheck], headings: [String: [String]]) {
        // The heading ids of each file linked into, as a set, made when it is first needed.
        var headingSets: [String: Set<[UInt8]>] = [:]
        for check in anchors {
            guard let page = site.pages[check.pageID], let language = site.config.language(check.language) else {
                continue
            }
            guard let code = site.contentLanguage(of: page, for: language), let file = page.files[code] else {
                diagnostics.append(
                    Diagnostic(
                        file: check.file, line: check.line, column: check.column,
                        message: "`#\(check.fragment)` links into a generated page, which has no headings"))
                continue
            }
            // A rebuild keeps the headings of files that links point into; others are read when first needed.
            let ids =
                headingSets[file.displayPath]
                ?? Set((headings[file.displayPath] ?? Self.headingIDs(of: file)).map { Array($0.utf8) })
            headingSets[file.displayPath] = ids
            // By bytes, as a browser compares: Swift's `==` takes composed and decomposed text as equal.
            guard !ids.contains(Array(check.fragment.utf8)) else { continue }
            var message = "`#\(check.fragment)` is not a heading on \(file.displayPath)"
            if let suggestion = Spelling.closest(
                to: check.fragment, among: ids.map { String(decoding: $0, as: UTF8.self) }.sorted())
            {
                message += "; did you mean `#\(suggestion)`?"
            } else if code != check.sourceLanguage {
                message += "; give the heading the same id in every language with `## Heading {#\(check.fragment)}`"
            }
            diagnostics.append(Diagnostic(file: check.file, line: check.line, column: check.column, message: message))
        }
    }
}
