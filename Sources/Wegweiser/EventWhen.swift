import Foundation
import FrontMatter

extension DateFormatting {
    /// When an event takes place, in the reader's locale and with the precision the source gives:
    /// "September 2025", "17. November – 31. Dezember 2025", "13. November 2025, 18:00–21:00 Uhr".
    /// A time with a UTC offset is shown in `timeZone`, as the calendar file has it.
    func when(start: EventDate, end: EventDate?) -> String {
        let start = start.wallClock(in: timeZone)
        let end = end?.wallClock(in: timeZone)
        return cache.text("when \(start.iso) \(end?.iso ?? "")") { whenUncached(start: start, end: end) } ?? ""
    }

    private func whenUncached(start: EventDate, end: EventDate?) -> String {
        guard let end, end != start else { return single(start) }
        switch (start, end) {
        case (.month(let first), .month(let last)):
            // Month ranges are joined by hand: ICU's Persian interval pattern repeats the first month.
            if first.year == last.year {
                return formatted(Self.date(first), template: "MMMM") + Self.rangeDash
                    + formatted(Self.date(last), template: "MMMMy")
            }
            return single(start) + Self.rangeDash + single(end)
        case (.day(let first), .day(let last)):
            return interval(Self.date(first), Self.date(last), template: "dMMMMy")
        case (.time(let first), .time(let last)):
            // Both are wall-clock times in `timeZone` here: `when` has converted any offset.
            return interval(Self.date(first), Self.date(last), template: "dMMMMyjjmm")
        default:
            return single(start) + Self.rangeDash + single(end)
        }
    }

    /// The dash ICU puts between the ends of a range, with thin spaces, used where ranges are joined by hand.
    static let rangeDash = "\u{2009}–\u{2009}"

    /// One date of the precision given (a time with a UTC offset in `timeZone`).
    func single(_ date: EventDate) -> String {
        switch date.wallClock(in: timeZone) {
        case .month(let month): formatted(Self.date(month), template: "MMMMy")
        case .day(let day): formatted(Self.date(day), template: "dMMMMy")
        case .time(let time): formatted(Self.date(time), template: "dMMMMyjjmm")
        }
    }

    private func formatter(template: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = locale
        formatter.calendar = wallClockCalendar
        formatter.timeZone = wallClockCalendar.timeZone
        formatter.setLocalizedDateFormatFromTemplate(template)
        return formatter
    }

    func formatted(_ date: Date, template: String) -> String {
        cache.string(date, template: template) { formatter(template: template) }
    }

    private func interval(_ from: Date, _ to: Date, template: String) -> String {
        cache.string(from: from, to: to, template: template) {
            let formatter = DateIntervalFormatter()
            formatter.locale = locale
            formatter.calendar = wallClockCalendar
            formatter.timeZone = wallClockCalendar.timeZone
            formatter.dateTemplate = template
            return formatter
        }
    }

    /// Dates are shown as written (wall clock; a time with an offset converted to `timeZone` first), so they are
    /// built and formatted in UTC.
    var wallClockCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.locale = locale
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    static func date(_ month: YearMonth) -> Date {
        EventDate.instant(year: month.year, month: month.month, day: 1, hour: 12, zone: TimeZone(identifier: "UTC")!)
    }

    static func date(_ day: LocalDate) -> Date {
        EventDate.instant(year: day.year, month: day.month, day: day.day, hour: 12, zone: TimeZone(identifier: "UTC")!)
    }

    static func date(_ time: DateTimeValue) -> Date {
        EventDate.instant(
            year: time.date.year, month: time.date.month, day: time.date.day, hour: time.time.hour,
            minute: time.time.minute, second: time.time.second, zone: TimeZone(identifier: "UTC")!)
    }

    /// A language's name in the reader's language ("Arabisch", "Arabic", "العربية"), or the code if ICU has none.
    func languageName(_ code: String) -> String {
        locale.localizedString(forLanguageCode: code) ?? code
    }
}
