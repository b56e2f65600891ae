import Foundation
import FrontMatter
import Templates

/// A page with all its language versions, placed in the site's tree.
///
/// A value, but its fields live in one shared box: rendering looks pages up tens of times per page on every
/// core, and copying a page then costs one reference count instead of one per field. Changing a field of a
/// copy first copies the box.
struct Page: Sendable {
    private final class Fields: @unchecked Sendable {
        // Sendable: changed only through a `Page` that holds the sole reference (see `uniqueFields`).
        @exclusivity(unchecked) var id: String
        @exclusivity(unchecked) var kind: PageKind
        @exclusivity(unchecked) var files: LanguageMap<SourceFile>
        @exclusivity(unchecked) var data: LanguageMap<PageData>
        @exclusivity(unchecked) var sourceLanguage: String
        @exclusivity(unchecked) var parent: String?
        @exclusivity(unchecked) var children: [String]
        @exclusivity(unchecked) var weight: Int?
        @exclusivity(unchecked) var start: EventDate?
        @exclusivity(unchecked) var end: EventDate?
        @exclusivity(unchecked) var series: String?
        @exclusivity(unchecked) var parts: [String]
        @exclusivity(unchecked) var recurrence: EventRecurrence?

        init(
            id: String, kind: PageKind, files: LanguageMap<SourceFile>, data: LanguageMap<PageData>,
            sourceLanguage: String,
            parent: String?, children: [String], weight: Int?, start: EventDate?, end: EventDate?, series: String?,
            parts: [String], recurrence: EventRecurrence?
        ) {
            self.id = id
            self.kind = kind
            self.files = files
            self.data = data
            self.sourceLanguage = sourceLanguage
            self.parent = parent
            self.children = children
            self.weight = weight
            self.start = start
            self.end = end
            self.series = series
            self.parts = parts
            self.recurrence = recurrence
        }

        func copy() -> Fields {
            Fields(
                id: id, kind: kind, files: files, data: data, sourceLanguage: sourceLanguage, parent: parent,
                children: children, weight: weight, start: start, end: end, series: series, parts: parts,
                recurrence: recurrence)
        }
    }

    private var fields: Fields

    init(
        id: String, kind: PageKind, files: LanguageMap<SourceFile>, data: LanguageMap<PageData>, sourceLanguage: String,
        parent: String? = nil, children: [String] = [], weight: Int? = nil, start: EventDate? = nil,
        end: EventDate? = nil, series: String? = nil, parts: [String] = [], recurrence: EventRecurrence? = nil
    ) {
        fields = Fields(
            id: id, kind: kind, files: files, data: data, sourceLanguage: sourceLanguage, parent: parent,
            children: children, weight: weight, start: start, end: end, series: series, parts: parts,
            recurrence: recurrence)
    }

    private mutating func uniqueFields() {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
    }

    var id: String {
        get { fields.id }
        _modify {
            uniqueFields()
            yield &fields.id
        }
    }

    var kind: PageKind {
        get { fields.kind }
        _modify {
            uniqueFields()
            yield &fields.kind
        }
    }

    /// The file of each language that has one.
    var files: LanguageMap<SourceFile> {
        get { fields.files }
        _modify {
            uniqueFields()
            yield &fields.files
        }
    }

    /// Each language version's fields, with language-neutral fields inherited from the source.
    var data: LanguageMap<PageData> {
        get { fields.data }
        _modify {
            uniqueFields()
            yield &fields.data
        }
    }

    /// The language whose file is the source of translations (the default language where it exists).
    var sourceLanguage: String {
        get { fields.sourceLanguage }
        _modify {
            uniqueFields()
            yield &fields.sourceLanguage
        }
    }

    /// Whether a translation records the source's hash (`source_hash`): a change of the source's body makes it
    /// outdated, or no longer, which only a build that loads the site reports.
    var hasStampedTranslation: Bool {
        files.contains { $0.key != sourceLanguage && $0.value.frontMatter["source_hash"] != nil }
    }

    var parent: String? {
        get { fields.parent }
        _modify {
            uniqueFields()
            yield &fields.parent
        }
    }

    var children: [String] {
        get { fields.children }
        _modify {
            uniqueFields()
            yield &fields.children
        }
    }

    var weight: Int? {
        get { fields.weight }
        _modify {
            uniqueFields()
            yield &fields.weight
        }
    }

    var start: EventDate? {
        get { fields.start }
        _modify {
            uniqueFields()
            yield &fields.start
        }
    }

    var end: EventDate? {
        get { fields.end }
        _modify {
            uniqueFields()
            yield &fields.end
        }
    }

    /// The event this one is a part of.
    var series: String? {
        get { fields.series }
        _modify {
            uniqueFields()
            yield &fields.series
        }
    }

    /// For a series: its parts, ordered by start.
    var parts: [String] {
        get { fields.parts }
        _modify {
            uniqueFields()
            yield &fields.parts
        }
    }

    var recurrence: EventRecurrence? {
        get { fields.recurrence }
        _modify {
            uniqueFields()
            yield &fields.recurrence
        }
    }

    /// Fields of the source language: the reference for everything language-neutral.
    var sourceData: PageData { data[sourceLanguage] ?? PageData() }
}

/// Everything a build knows, loaded and checked; rendering only reads it.
///
/// Its fields live in one copy-on-write box, as a page's do: a page's context, its link resolver and its filters
/// each hold the site, and copying it is then one reference count instead of one for each of its fields.
public struct Site: Sendable {
    private final class Fields: @unchecked Sendable {
        // Mutated only while uniquely referenced (see `uniqueFields`), like the storage of an array.
        var config: SiteConfig
        var pages: [String: Page]
        var order: [String]
        var strings: UIStrings
        var now: Date
        var timeZone: TimeZone
        var formatting: [String: DateFormatting] = [:]
        var drafts: Set<String> = []
        var attachments = Attachments()
        var today: LocalDate?

        init(
            config: SiteConfig, pages: [String: Page], order: [String], strings: UIStrings, now: Date,
            timeZone: TimeZone
        ) {
            self.config = config
            self.pages = pages
            self.order = order
            self.strings = strings
            self.now = now
            self.timeZone = timeZone
        }

        func copy() -> Fields {
            let copy = Fields(
                config: config, pages: pages, order: order, strings: strings, now: now, timeZone: timeZone)
            copy.formatting = formatting
            copy.drafts = drafts
            copy.attachments = attachments
            copy.today = today
            return copy
        }
    }

    private var fields: Fields

    init(
        config: SiteConfig, pages: [String: Page], order: [String], strings: UIStrings, now: Date, timeZone: TimeZone
    ) {
        fields = Fields(config: config, pages: pages, order: order, strings: strings, now: now, timeZone: timeZone)
    }

    private mutating func uniqueFields() {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
    }

    var config: SiteConfig {
        get { fields.config }
        _modify {
            uniqueFields()
            yield &fields.config
        }
    }

    var pages: [String: Page] {
        get { fields.pages }
        _modify {
            uniqueFields()
            yield &fields.pages
        }
    }

    /// Page ids in a stable order: the tree's order, depth-first.
    var order: [String] {
        get { fields.order }
        _modify {
            uniqueFields()
            yield &fields.order
        }
    }

    var strings: UIStrings {
        get { fields.strings }
        _modify {
            uniqueFields()
            yield &fields.strings
        }
    }

    /// "Now" for upcoming/past decisions.
    var now: Date {
        get { fields.now }
        _modify {
            uniqueFields()
            yield &fields.now
        }
    }

    var timeZone: TimeZone {
        get { fields.timeZone }
        _modify {
            uniqueFields()
            yield &fields.timeZone
        }
    }

    /// Date and number formatting for each language, by code (shared so that formatters are made once).
    var formatting: [String: DateFormatting] {
        get { fields.formatting }
        _modify {
            uniqueFields()
            yield &fields.formatting
        }
    }

    /// The ids of pages left out because they are drafts (for messages about links to them).
    var drafts: Set<String> {
        get { fields.drafts }
        _modify {
            uniqueFields()
            yield &fields.drafts
        }
    }

    /// The images, documents and recordings beside the pages, published as they are.
    var attachments: Attachments {
        get { fields.attachments }
        _modify {
            uniqueFields()
            yield &fields.attachments
        }
    }

    /// The day `now` falls on in `timeZone`, worked out once (`nextOccurrences` runs for every event card).
    var today: LocalDate? {
        get { fields.today }
        _modify {
            uniqueFields()
            yield &fields.today
        }
    }

    /// Formatting for `language`'s locale, showing times written with a UTC offset in the site's time zone.
    func dates(for language: Language) -> DateFormatting {
        formatting[language.code] ?? DateFormatting(localeIdentifier: language.locale, timeZone: timeZone)
    }

    /// The language of `file`'s text shown to a reader of `language`: the first along its chain that has the page.
    func contentLanguage(of page: Page, for language: Language) -> String? {
        // Generated pages (a list without `_index.md`) have no text of their own: they speak the reader's language.
        if page.files.isEmpty { return language.code }
        for code in language.chain where page.files[code] != nil {
            if code != language.code, !config.fallbackPages { return nil }
            return code
        }
        return nil
    }

    /// Whether page `id` is built in `language`.
    func isBuilt(_ id: String, in language: Language) -> Bool {
        guard let page = pages[id] else { return false }
        return isBuilt(page, in: language)
    }

    /// Whether `page` is built in `language`.
    func isBuilt(_ page: Page, in language: Language) -> Bool {
        contentLanguage(of: page, for: language) != nil
    }

    /// Whether the event (every occurrence of it) ended before now.
    func isPast(_ page: Page) -> Bool {
        nextOccurrences(page, count: 1).isEmpty
    }

    /// The next `count` occurrences of an event that have not ended by now: for a one-off event, the event itself
    /// (or nothing once it is over); for a recurring one, its coming dates without the excepted days.
    func nextOccurrences(_ page: Page, count: Int) -> [Occurrence] {
        guard let start = page.start else { return [] }
        let all: [Occurrence]
        if let recurrence = page.recurrence {
            let exceptions = Set(recurrence.exceptions)
            let lengthInDays = page.end.map { Self.days(from: start.firstDay, to: $0.firstDay) } ?? 0
            // Entered a day before the first occurrence that can still be running now (time zones differ by less),
            // with enough occurrences for `count` once the exceptions and those already over (at most one a day
            // in that window) are left out.
            let earliest = (today ?? Self.day(of: now, in: timeZone)).flatMap {
                LocalDate(dayNumber: $0.dayNumber - lengthInDays - 1)
            }
            all = recurrence.occurrenceDays(
                from: start.firstDay, earliest: earliest, limit: count + recurrence.exceptions.count + lengthInDays + 3
            ).lazy
                .filter { !exceptions.contains($0) }
                .map { day in
                    Occurrence(
                        start: start.moved(to: day),
                        end: page.end.map { $0.moved(to: Self.adding(days: lengthInDays, to: day)) })
                }
                .filter { ($0.end ?? $0.start).lastInstant(in: timeZone) > now }
                .prefix(count).map { $0 }
        } else {
            let occurrence = Occurrence(start: start, end: page.end)
            all = (page.end ?? start).lastInstant(in: timeZone) > now ? [occurrence] : []
        }
        return Array(all.prefix(count))
    }

    /// Until when the site built at `now` stays what a build would make: the end of the day in the site's time zone
    /// (the "as of" date, calendars' stamps, the current month), or the end of an event's next occurrence (lists
    /// of coming and past events), whichever is first.
    func unchangedUntil() -> Date {
        let calendar = GregorianCalendar.calendar(in: timeZone)
        var until = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now)) ?? .distantFuture
        for page in pages.values where page.start != nil {
            guard let next = nextOccurrences(page, count: 1).first else { continue }
            until = min(until, (next.end ?? next.start).lastInstant(in: timeZone))
        }
        return until
    }

    /// The day `date` falls on in `timeZone`.
    static func day(of date: Date, in timeZone: TimeZone) -> LocalDate? {
        let parts = GregorianCalendar.calendar(in: timeZone).dateComponents([.year, .month, .day], from: date)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    static func days(from: LocalDate, to: LocalDate) -> Int {
        let utc = TimeZone(identifier: "UTC")!
        let a = EventDate.instant(year: from.year, month: from.month, day: from.day, zone: utc)
        let b = EventDate.instant(year: to.year, month: to.month, day: to.day, zone: utc)
        return Int((b.timeIntervalSince(a) / 86_400).rounded())
    }

    static func adding(days: Int, to day: LocalDate) -> LocalDate {
        let calendar = GregorianCalendar.utc
        let date = EventDate.instant(year: day.year, month: day.month, day: day.day, hour: 12, zone: calendar.timeZone)
        let moved = calendar.dateComponents(
            [.year, .month, .day], from: calendar.date(byAdding: .day, value: days, to: date)!)
        return LocalDate(year: moved.year!, month: moved.month!, day: moved.day!) ?? day
    }

    /// Whether the site path `target` (`/de/guides/`, `/assets/style.css`, `/`) is something the build writes.
    func hasTarget(_ target: String, assets: Set<String>) -> Bool {
        if target == "/" || assets.contains(target) { return true }
        var segments = target.split(separator: "/").map(String.init)
        guard let first = segments.first, let language = config.language(first) else { return false }
        segments.removeFirst()
        if segments == ["events.ics"] { return true }
        if segments.last == "event.ics" {
            segments.removeLast()
            return pages[segments.joined(separator: "/")]?.kind == .event
                && isBuilt(segments.joined(separator: "/"), in: language)
        }
        if segments.last == "index.html" { segments.removeLast() }
        return isBuilt(segments.joined(separator: "/"), in: language)
    }
}

/// One date on which an event takes place.
struct Occurrence: Sendable, Hashable {
    var start: EventDate
    var end: EventDate?
}
