import Foundation

/// The document's time zone: turns wall-clock values into instants and back.
///
/// Instants are whole seconds since 1970-01-01T00:00:00Z. The civil arithmetic is done here
/// rather than with `Calendar`, so that the RFC 5545 rules for skipped and repeated wall-clock
/// times (3.3.5) are applied as the standard states them.
struct CalendarZone: Sendable {
    /// The TZID written into the file.
    let identifier: String
    /// Foundation's rules for the zone.
    let timeZone: TimeZone

    /// The zone for an IANA identifier; an identifier Foundation does not know becomes UTC,
    /// so that the file stays consistent with itself.
    init(identifier: String) {
        if !identifier.isEmpty, let timeZone = TimeZone(identifier: identifier) {
            self.identifier = identifier
            self.timeZone = timeZone
        } else {
            self.identifier = "UTC"
            self.timeZone = .gmt
        }
    }

    /// The UTC offset in seconds at an instant.
    func offset(at instant: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// The instant a value denotes: an all-day value at its local midnight, a local value by
    /// the zone's rules, a UTC value as it is.
    func instant(of time: CalendarTime) -> Int {
        let date = time.civilDate
        let clock = time.clock ?? .midnight
        let naive = date.daysSinceEpoch * 86_400 + clock.secondsOfDay
        if case .utc = time { return naive }
        return instant(ofWallClock: naive)
    }

    /// The instant of a wall-clock time given as seconds since 1970 "as if in UTC".
    ///
    /// RFC 5545 3.3.5: a repeated wall-clock time means its first occurrence, and a skipped
    /// one is read with the offset in effect before the gap. Both use the offset before the
    /// transition, which is the one a day earlier; the offset a day later is the alternative.
    func instant(ofWallClock naive: Int) -> Int {
        let before = offset(at: naive - 86_400)
        let after = offset(at: naive + 86_400)
        let candidates = [naive - before, naive - after].filter { offset(at: $0) == naive - $0 }
        return candidates.min() ?? naive - before
    }

    /// The wall-clock date and time at an instant, as a `.local` value.
    func local(at instant: Int) -> CalendarTime {
        let (date, clock) = Self.split(instant + offset(at: instant))
        return .local(date, clock)
    }

    /// The UTC date and time at an instant, as a `.utc` value.
    func utc(at instant: Int) -> CalendarTime {
        let (date, clock) = Self.split(instant)
        return .utc(date, clock)
    }

    /// A value as UTC: all-day values at their local midnight.
    func utc(_ time: CalendarTime) -> CalendarTime {
        utc(at: instant(of: time))
    }

    /// The local date a value falls on.
    func localDate(of time: CalendarTime) -> CivilDate {
        switch time {
        case .date, .local: time.civilDate
        case .utc: local(at: instant(of: time)).civilDate
        }
    }

    /// Seconds since 1970 split into a date and a time of day.
    static func split(_ seconds: Int) -> (CivilDate, ClockTime) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (CivilDate(daysSinceEpoch: days), ClockTime(secondsOfDay: seconds - days * 86_400))
    }
}
