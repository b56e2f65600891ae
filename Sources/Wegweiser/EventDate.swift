import Foundation
import FrontMatter

/// An event's start or end, with the precision the source gives.
enum EventDate: Sendable, Hashable {
    case month(YearMonth)
    case day(LocalDate)
    case time(DateTimeValue)

    init?(_ node: Node) {
        switch node.value {
        case .month(let month): self = .month(month)
        case .date(let date): self = .day(date)
        case .dateTime(let dateTime): self = .time(dateTime)
        default: return nil
        }
    }

    /// ISO 8601 text of the same precision: `2025-09`, `2025-11-13`, `2025-11-13T18:00`, `2025-11-13T18:00+01:00`.
    var iso: String {
        StringAssembly.make(capacity: 64) { text in
            switch self {
            case .month(let m):
                text.append(padded: m.year, width: 4)
                text.append(ascii: UInt8(ascii: "-"))
                text.append(padded: m.month, width: 2)
            case .day(let d):
                Self.appendISO(d, to: &text)
            case .time(let t):
                Self.appendISO(t.date, to: &text)
                text.append(ascii: UInt8(ascii: "T"))
                text.append(padded: t.time.hour, width: 2)
                text.append(ascii: UInt8(ascii: ":"))
                text.append(padded: t.time.minute, width: 2)
                if t.time.second != 0 {
                    text.append(ascii: UInt8(ascii: ":"))
                    text.append(padded: t.time.second, width: 2)
                }
                guard let offset = t.utcOffsetSeconds else { return }
                if offset == 0 {
                    text.append(ascii: UInt8(ascii: "Z"))
                } else {
                    let minutes = abs(offset) / 60
                    text.append(ascii: UInt8(ascii: offset < 0 ? "-" : "+"))
                    text.append(padded: minutes / 60, width: 2)
                    text.append(ascii: UInt8(ascii: ":"))
                    text.append(padded: minutes % 60, width: 2)
                }
            }
        }
    }

    /// Like `iso`, but a date-time without an offset gets the offset of `timeZone` at that moment, so machines
    /// (calendars, search engines) read the right instant: `2025-11-13T18:00+01:00`.
    func isoWithOffset(in timeZone: TimeZone) -> String {
        guard case .time(var value) = self, value.utcOffsetSeconds == nil else { return iso }
        value.utcOffsetSeconds = timeZone.secondsFromGMT(for: firstInstant(in: timeZone))
        return EventDate.time(value).iso
    }

    /// The date as a reader in `timeZone` sees it: a time with a UTC offset becomes that zone's wall-clock time
    /// (without an offset), so pages agree with the calendar; local times, days and months are already wall clock.
    func wallClock(in timeZone: TimeZone) -> EventDate {
        guard case .time(let value) = self, value.utcOffsetSeconds != nil else { return self }
        let parts = GregorianCalendar.calendar(in: timeZone).dateComponents(
            [.era, .year, .month, .day, .hour, .minute, .second], from: firstInstant(in: timeZone))
        // A year the front matter cannot hold (before 1 or after 9999) stays as written.
        guard parts.era == 1, let date = LocalDate(year: parts.year!, month: parts.month!, day: parts.day!),
            let time = LocalTime(hour: parts.hour!, minute: parts.minute!, second: parts.second!)
        else { return self }
        return .time(DateTimeValue(date: date, time: time))
    }

    /// The first instant the date covers (a month's first day, a day's midnight), in `timeZone` where no offset is given.
    func firstInstant(in timeZone: TimeZone) -> Date {
        switch self {
        case .month(let m): return Self.instant(year: m.year, month: m.month, day: 1, zone: timeZone)
        case .day(let d): return Self.instant(year: d.year, month: d.month, day: d.day, zone: timeZone)
        case .time(let t):
            let zone = t.utcOffsetSeconds.flatMap { TimeZone(secondsFromGMT: $0) } ?? timeZone
            return Self.instant(
                year: t.date.year, month: t.date.month, day: t.date.day,
                hour: t.time.hour, minute: t.time.minute, second: t.time.second, zone: zone)
        }
    }

    /// The instant the date ends: the end of its month or day, or the time itself.
    func lastInstant(in timeZone: TimeZone) -> Date {
        let calendar = GregorianCalendar.calendar(in: timeZone)
        switch self {
        case .month: return calendar.date(byAdding: .month, value: 1, to: firstInstant(in: timeZone))!
        case .day: return calendar.date(byAdding: .day, value: 1, to: firstInstant(in: timeZone))!
        case .time: return firstInstant(in: timeZone)
        }
    }

    static func instant(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, zone: TimeZone
    ) -> Date {
        GregorianCalendar.instant(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, zone: zone)
    }

    static func iso(_ d: LocalDate) -> String {
        StringAssembly.make(capacity: 32) { appendISO(d, to: &$0) }
    }

    private static func appendISO(_ d: LocalDate, to text: inout StringAssembly) {
        text.append(padded: d.year, width: 4)
        text.append(ascii: UInt8(ascii: "-"))
        text.append(padded: d.month, width: 2)
        text.append(ascii: UInt8(ascii: "-"))
        text.append(padded: d.day, width: 2)
    }
}
