/// A wall-clock or calendar value as an event gives it.
///
/// Fields out of range are clamped when written (year 1...9999, a day past the end of its
/// month to the month's last day, second 60 to 59), so every value renders as a valid
/// RFC 5545 DATE or DATE-TIME.
public enum CalendarTime: Sendable, Hashable {
    /// An all-day value, written with `VALUE=DATE`.
    case date(year: Int, month: Int, day: Int)
    /// A wall-clock time in the document's time zone, written with `TZID=…`.
    case local(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    /// A time in UTC, written with a trailing `Z`.
    case utc(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
}

extension CalendarTime {
    /// The calendar date, clamped to a date that exists.
    var civilDate: CivilDate {
        switch self {
        case .date(let year, let month, let day),
            .local(let year, let month, let day, _, _, _),
            .utc(let year, let month, let day, _, _, _):
            CivilDate(clampingYear: year, month: month, day: day)
        }
    }

    /// The time of day, clamped to 00:00:00...23:59:59; nil for an all-day value.
    var clock: ClockTime? {
        switch self {
        case .date: nil
        case .local(_, _, _, let hour, let minute, let second),
            .utc(_, _, _, let hour, let minute, let second):
            ClockTime(clampingHour: hour, minute: minute, second: second)
        }
    }

    /// Whether this is an all-day value.
    var isDate: Bool {
        if case .date = self { true } else { false }
    }

    /// An all-day value for a date.
    static func date(_ date: CivilDate) -> CalendarTime {
        .date(year: date.year, month: date.month, day: date.day)
    }

    /// A wall-clock value in the document's time zone.
    static func local(_ date: CivilDate, _ clock: ClockTime) -> CalendarTime {
        .local(
            year: date.year, month: date.month, day: date.day,
            hour: clock.hour, minute: clock.minute, second: clock.second)
    }

    /// A UTC value.
    static func utc(_ date: CivilDate, _ clock: ClockTime) -> CalendarTime {
        .utc(
            year: date.year, month: date.month, day: date.day,
            hour: clock.hour, minute: clock.minute, second: clock.second)
    }
}
