import Foundation
import FrontMatter
import Templates

/// A page with all its language versions, placed in the site's tree.
struct Page: Sendable {
    var id: String
    var kind: PageKind
    /// The file of each language that has one.
    var files: [String: SourceFile]
    /// Each language version's fields, with language-neutral fields inherited from the source.
    var data: [String: PageData]
    /// The language whose file is the source of translations (the default language where it exists).
    var sourceLanguage: String
    var parent: String?
    var children: [String] = []
    var weight: Int?
    var start: EventDate?
    var end: EventDate?
    /// The event this one is a part of.
    var series: String?
    /// For a series: its parts, ordered by start.
    var parts: [String] = []
    var recurrence: EventRecurrence?

    /// Fields of the source language: the reference for everything language-neutral.
    var sourceData: PageData { data[sourceLanguage] ?? PageData() }
}

/// Everything a build knows, loaded and checked; rendering only reads it.
public struct Site: Sendable {
    var config: SiteConfig
    var pages: [String: Page]
    /// Page ids in a stable order: the tree's order, depth-first.
    var order: [String]
    var strings: UIStrings
    /// "Now" for upcoming/past decisions.
    var now: Date
    var timeZone: TimeZone
    /// Date and number formatting for each language, by code (shared so that formatters are made once).
    var formatting: [String: DateFormatting] = [:]

    /// Formatting for `language`'s locale.
    func dates(for language: Language) -> DateFormatting {
        formatting[language.code] ?? DateFormatting(localeIdentifier: language.locale)
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
            all = recurrence.occurrenceDays(from: start.firstDay, limit: 2000).lazy
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
