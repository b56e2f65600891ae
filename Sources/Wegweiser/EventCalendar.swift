import Foundation
import FrontMatter
import ICalendar
import Templates

/// Events as iCalendar files: one per event (`events/<slug>/event.ics`) and one feed per language
/// (`<lang>/events.ics`, the upcoming events, for subscribing).
struct EventCalendar {
    let site: Site
    /// The DTSTAMP of every entry: the start of the build's day in the site's time zone. It is the same all day,
    /// like the pages' "as of" date, so that a rebuild on the same day leaves unchanged calendars unchanged.
    let stamp: CalendarTime
    /// Renders entries once, so an event written to its own file and to the feed is rendered once.
    let lines: EventLines

    init(site: Site) {
        self.site = site
        var local = Calendar(identifier: .gregorian)
        local.timeZone = site.timeZone
        let components = Self.utc.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: local.startOfDay(for: site.now))
        stamp = CalendarTime.utc(
            year: components.year!, month: components.month!, day: components.day!, hour: components.hour!,
            minute: components.minute!, second: components.second!)
        lines = EventLines(timeZone: site.config.timeZone, stamp: stamp)
    }

    /// The calendar entry of `page` for readers of `language`. The UID is the same in every language and build.
    func event(_ page: Page, language: Language) -> CalendarEvent? {
        guard let start = page.start else { return nil }
        let context = PageContext(site: site, language: language, url: PageID.urlPath(page.id, language: language.code))
        let data = context.data(of: page) ?? PageData()
        let (startTime, endTime) = times(start: start, end: page.end)
        var recurrence: Recurrence?
        if let rule = page.recurrence {
            let frequency: Recurrence.Frequency =
                switch rule.unit {
                case .day: .daily
                case .week: .weekly
                case .month: .monthly
                }
            recurrence = Recurrence(
                frequency: frequency, interval: rule.interval,
                until: rule.until.map { .date(year: $0.year, month: $0.month, day: $0.day) })
        }
        return CalendarEvent(
            uid: "\(page.id)@\(host)",
            summary: context.title(of: page),
            description: data.summary,
            location: location(data["location"]),
            url: site.config.baseURL + PageID.urlPath(page.id, language: language.code).dropFirst(),
            start: startTime,
            end: endTime,
            recurrence: recurrence,
            exceptions: (page.recurrence?.exceptions ?? []).map { .date(year: $0.year, month: $0.month, day: $0.day) })
    }

    /// A whole calendar file for `events` (each rendered by `lines`), named for readers of `language`.
    func document(_ events: [RenderedEvent], language: Language, name: String) -> [UInt8] {
        CalendarDocument(
            productID: "-//Wegweiser//Wegweiser \(Version.current)//\(language.code.uppercased())", name: name,
            timeZone: site.config.timeZone, stamp: stamp
        ).renderBytes(events)
    }

    /// DTSTART and DTEND: a month spans its days as all-day dates, a day is all-day, a time is local (or UTC when
    /// written with an offset). All-day ends are exclusive, as RFC 5545 wants.
    func times(start: EventDate, end: EventDate?) -> (CalendarTime, CalendarTime?) {
        let last = end ?? start
        switch start {
        case .month, .day:
            let startDay = start.firstDay
            let endDay: LocalDate
            switch last {
            case .month(let month):
                endDay = Site.adding(
                    days: Self.daysInMonth(month), to: LocalDate(year: month.year, month: month.month, day: 1)!)
            case .day(let day): endDay = Site.adding(days: 1, to: day)
            case .time(let time): endDay = Site.adding(days: 1, to: time.date)
            }
            return (Self.date(startDay), Self.date(endDay))
        case .time:
            return (
                time(start),
                end.map { end in
                    if case .time = end { return time(end) }
                    return Self.date(Site.adding(days: 1, to: end.firstDay))
                }
            )
        }
    }

    private func time(_ date: EventDate) -> CalendarTime {
        guard case .time(let value) = date else { return Self.date(date.firstDay) }
        guard value.utcOffsetSeconds != nil else {
            return .local(
                year: value.date.year, month: value.date.month, day: value.date.day, hour: value.time.hour,
                minute: value.time.minute, second: value.time.second)
        }
        let parts = Self.utc.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: date.firstInstant(in: site.timeZone))
        return .utc(
            year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!,
            second: parts.second!)
    }

    private func location(_ value: TemplateValue?) -> String? {
        guard case .map(let location)? = value else { return nil }
        func text(_ key: String) -> String? {
            if case .string(let text)? = location[key], !text.isEmpty { return text }
            return nil
        }
        if let online = text("online") { return online }
        let place = [text("postal_code"), text("city")].compactMap { $0 }.joined(separator: " ")
        let parts = [text("name"), text("street"), place.isEmpty ? nil : place].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    private var host: String { site.config.host ?? "wegweiser" }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func date(_ day: LocalDate) -> CalendarTime {
        .date(year: day.year, month: day.month, day: day.day)
    }

    private static func daysInMonth(_ month: YearMonth) -> Int {
        LocalDate.daysIn(month: month.month, year: month.year)
    }
}
