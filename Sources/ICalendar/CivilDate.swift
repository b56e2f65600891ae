/// A day of the proleptic Gregorian calendar, always one that exists.
struct CivilDate: Sendable, Hashable, Comparable {
    let year: Int
    let month: Int
    let day: Int

    /// Clamps the year to 1...9999, the month to 1...12 and the day to the month's length.
    init(clampingYear year: Int, month: Int, day: Int) {
        let year = min(max(year, 1), 9999)
        let month = min(max(month, 1), 12)
        self.year = year
        self.month = month
        self.day = min(max(day, 1), CivilDate.daysIn(month: month, year: year))
    }

    /// The date `days` days after 1970-01-01 (negative: before it).
    init(daysSinceEpoch days: Int) {
        let (year, month, day) = DayNumber.civil(days)
        self.init(clampingYear: year, month: month, day: day)
    }

    /// Days from 1970-01-01 to this date.
    var daysSinceEpoch: Int { DayNumber.of(year: year, month: month, day: day) }

    /// The date a number of days later (earlier when negative), clamped to 0001-01-01...9999-12-31.
    func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// `YYYYMMDD`, the RFC 5545 DATE form.
    var basicFormat: String {
        padded(year, 4) + padded(month, 2) + padded(day, 2)
    }

    /// The number of days in a month of a year.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 4, 6, 9, 11: 30
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        default: 31
        }
    }

    static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A time of day, 00:00:00...23:59:59.
struct ClockTime: Sendable, Hashable {
    let hour: Int
    let minute: Int
    let second: Int

    /// Midnight, the start of a day.
    static let midnight = ClockTime(clampingHour: 0, minute: 0, second: 0)
    /// The last second of a day.
    static let endOfDay = ClockTime(clampingHour: 23, minute: 59, second: 59)

    /// Clamps each field to its range (a leap second 60 becomes 59).
    init(clampingHour hour: Int, minute: Int, second: Int) {
        self.hour = min(max(hour, 0), 23)
        self.minute = min(max(minute, 0), 59)
        self.second = min(max(second, 0), 59)
    }

    /// Seconds since midnight, 0..<86400.
    init(secondsOfDay: Int) {
        self.init(clampingHour: secondsOfDay / 3600, minute: secondsOfDay / 60 % 60, second: secondsOfDay % 60)
    }

    /// Seconds since midnight.
    var secondsOfDay: Int { hour * 3600 + minute * 60 + second }

    /// `HHMMSS`, the time part of an RFC 5545 DATE-TIME.
    var basicFormat: String {
        padded(hour, 2) + padded(minute, 2) + padded(second, 2)
    }
}

/// A non-negative number with leading zeros to `width` digits.
func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// Days counted from 1 January 1970 in the proleptic Gregorian calendar, both ways, without a calendar object: the
/// arithmetic of 400-year eras that start on 1 March, so that the leap day ends a year.
public enum DayNumber {
    /// The days from 1970-01-01 to a date (negative before it).
    public static func of(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year, month and day `days` days after 1970-01-01.
    public static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
    }
}
