import Foundation
import Synchronization

/// One STANDARD or DAYLIGHT sub-component of a VTIMEZONE: an offset that starts at a transition.
struct TimeZoneObservance: Sendable, Hashable {
    /// Whether the offset is daylight saving time.
    enum Kind: String, Sendable {
        case standard = "STANDARD"
        case daylight = "DAYLIGHT"
    }

    var kind: Kind
    /// The wall-clock time of the transition, read in the offset before it (RFC 5545 3.6.5).
    var start: CalendarTime
    /// The UTC offset in seconds before the transition.
    var offsetFrom: Int
    /// The UTC offset in seconds from the transition on.
    var offsetTo: Int
    /// The zone's abbreviation after the transition (`CET`, `CEST`; see `CalendarZone.abbreviation`).
    var name: String?

    /// The sub-component's lines, BEGIN to END.
    var lines: [ContentLine] {
        var lines: [ContentLine] = [
            .raw("BEGIN", kind.rawValue),
            .raw("DTSTART", CalendarZone.value(start)),
            .raw("TZOFFSETFROM", Self.utcOffset(offsetFrom)),
            .raw("TZOFFSETTO", Self.utcOffset(offsetTo)),
        ]
        if let name, !name.isEmpty { lines.append(.text("TZNAME", name)) }
        lines.append(.raw("END", kind.rawValue))
        return lines
    }

    /// A UTC-OFFSET value (3.3.14): `+0100`, `-0330`, `+053028` when there are seconds.
    static func utcOffset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = min(seconds.magnitude, 99 * 3600 + 59 * 60 + 59)
        let hours = Int(magnitude / 3600)
        let minutes = Int(magnitude / 60 % 60)
        let rest = Int(magnitude % 60)
        return sign + padded(hours, 2) + padded(minutes, 2) + (rest == 0 ? "" : padded(rest, 2))
    }
}

extension CalendarZone {
    /// At most this many transitions are written, so an absurd span of years (events in
    /// year 1 and year 9999) gives a large file rather than an endless one.
    static let transitionLimit = 1000

    /// The observances covering `years`: one per transition Foundation reports from
    /// 1 January of the first year to the end of the last, or, where there is none, a single
    /// STANDARD observance with the offset in effect at the start.
    func observances(years: ClosedRange<Int>) -> [TimeZoneObservance] {
        let first = min(max(years.lowerBound, 1), 9999)
        let last = min(max(years.upperBound, first), 9999)
        let rangeStart = instant(of: .local(year: first, month: 1, day: 1, hour: 0, minute: 0, second: 0))
        let rangeEnd =
            last == 9999
            ? instant(of: .local(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59))
            : instant(of: .local(year: last + 1, month: 1, day: 1, hour: 0, minute: 0, second: 0))

        var observances: [TimeZoneObservance] = []
        var cursor = date(rangeStart)
        while observances.count < Self.transitionLimit,
            let next = timeZone.nextDaylightSavingTimeTransition(after: cursor),
            next > cursor, next.timeIntervalSince1970 < TimeInterval(rangeEnd)
        {
            let transition = Int(next.timeIntervalSince1970.rounded(.down))
            let offsetFrom = offset(at: transition - 1)
            let (day, clock) = Self.split(transition + offsetFrom)
            let daylight = timeZone.isDaylightSavingTime(for: next)
            observances.append(
                TimeZoneObservance(
                    kind: daylight ? .daylight : .standard,
                    start: .local(day, clock),
                    offsetFrom: offsetFrom,
                    offsetTo: offset(at: transition),
                    name: abbreviation(daylight: daylight, at: next)))
            cursor = next
        }
        if observances.isEmpty {
            let offset = offset(at: rangeStart)
            observances.append(
                TimeZoneObservance(
                    kind: .standard,
                    start: local(at: rangeStart),
                    offsetFrom: offset,
                    offsetTo: offset,
                    name: abbreviation(daylight: false, at: date(rangeStart))))
        }
        return observances
    }

    /// The zone's short name as people write it: `CET` and `CEST`, `EET`, `BST`, `EST`, `AEST`. Foundation's
    /// `abbreviation(for:)` is ICU's name for American English, which is the offset (`GMT+1`) for zones outside
    /// America. The names for British, American and Australian English are tried in turn; where none has one of
    /// its own (`Asia/Tokyo`, `Europe/Istanbul`), the offset form stays.
    func abbreviation(daylight: Bool, at date: Date) -> String? {
        let style: NSTimeZone.NameStyle = daylight ? .shortDaylightSaving : .shortStandard
        for locale in Self.abbreviationLocales {
            if let name = timeZone.localizedName(for: style, locale: locale), !Self.isOffsetName(name) { return name }
        }
        return timeZone.abbreviation(for: date)
    }

    private static let abbreviationLocales = ["en_GB", "en_US", "en_AU"].map { Locale(identifier: $0) }

    /// Whether `name` is an offset from GMT or UTC (`GMT+1`, `GMT-3:30`) rather than a name.
    static func isOffsetName(_ name: String) -> Bool {
        (name.hasPrefix("GMT") || name.hasPrefix("UTC")) && name.count > 3
    }

    /// The VTIMEZONE component for `years`, BEGIN to END. Finding transitions is slow and a site writes a
    /// calendar for every event, so each zone and span of years is worked out once per process.
    func timeZoneLines(years: ClosedRange<Int>) -> [ContentLine] {
        let key = "\(identifier) \(years.lowerBound) \(years.upperBound)"
        if let known = Self.timeZoneLineCache.withLock({ $0[key] }) { return known }
        let lines = makeTimeZoneLines(years: years)
        Self.timeZoneLineCache.withLock { $0[key] = lines }
        return lines
    }

    private static let timeZoneLineCache = Mutex<[String: [ContentLine]]>([:])

    private func makeTimeZoneLines(years: ClosedRange<Int>) -> [ContentLine] {
        var lines: [ContentLine] = [.raw("BEGIN", "VTIMEZONE"), .text("TZID", identifier)]
        for observance in observances(years: years) {
            lines += observance.lines
        }
        lines.append(.raw("END", "VTIMEZONE"))
        return lines
    }

    private func date(_ instant: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(instant))
    }
}
