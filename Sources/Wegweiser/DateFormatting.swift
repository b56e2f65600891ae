import Foundation

/// Formats ISO dates for a reader's locale, always in the Gregorian calendar (as German letters and appointments are).
struct DateFormatting: Sendable {
    var locale: Locale
    /// The site's time zone: a time written with a UTC offset (`2026-02-03T18:00Z`) is shown in it, as calendars
    /// show it; times without an offset are already the site's wall clock and are shown as written. Set once: the
    /// cache, which copies share, holds texts for this zone.
    let timeZone: TimeZone
    let cache = FormatterCache()

    init(localeIdentifier: String, timeZone: TimeZone = TimeZone(identifier: "Europe/Berlin")!) {
        // `@calendar=gregorian` keeps Farsi and Arabic locales from switching to the Solar Hijri or Islamic calendar.
        locale = Locale(identifier: localeIdentifier + "@calendar=gregorian")
        self.timeZone = timeZone
    }

    /// A whole number in the locale's digits and grouping (`12.500`, `12,500`, `١٢٬٥٠٠`, `۱۲٬۵۰۰`).
    func number(_ value: Int) -> String {
        value.formatted(.number.locale(locale))
    }

    enum Style: String, CaseIterable {
        case long, short, month, time, datetime
    }

    /// `iso` (`2025-09`, `2025-11-13`, `2025-11-13T18:00`, with optional offset) in `style`; nil if `iso` is not a date.
    /// A month-precision value always prints as a month; a date without time prints without one; a time with an
    /// offset prints in `timeZone`.
    func format(_ iso: String, style: Style) -> String? {
        // Looked up before anything is parsed: every page's footer formats the same build date.
        cache.text("\(style.rawValue) \(iso)") {
            Self.parse(iso) == nil ? nil : formatUncached(iso, style: style) ?? ""
        }
    }

    private func formatUncached(_ iso: String, style: Style) -> String? {
        guard let parsed = Self.parse(iso) else { return nil }
        var components = parsed.components
        if let offset = parsed.utcOffsetSeconds, let zone = TimeZone(secondsFromGMT: offset),
            let instant = GregorianCalendar.calendar(in: zone).date(from: components)
        {
            components = GregorianCalendar.calendar(in: timeZone).dateComponents(
                [.year, .month, .day, .hour, .minute], from: instant)
        }
        guard let date = GregorianCalendar.utc.date(from: components) else { return nil }
        var effective = style
        if parsed.precision == .month { effective = .month }
        if parsed.precision == .day, effective == .datetime { effective = .long }
        if parsed.precision == .day, effective == .time { return "" }
        let template: String
        switch effective {
        case .long: template = "dMMMMy"
        case .short: template = "ddMMyyyy"
        case .month: template = "MMMMy"
        case .time: template = "jjmm"
        case .datetime: template = "dMMMMyjjmm"
        }
        return formatted(date, template: template)
    }

    enum Precision { case month, day, time }

    /// The wall-clock fields of an ISO value, and its UTC offset if it is a time that ends in one (`Z`, `+14:00`,
    /// `-0930`); a time without a recognized offset is a wall-clock time, shown as written.
    static func parse(_ iso: String) -> (components: DateComponents, precision: Precision, utcOffsetSeconds: Int?)? {
        let utf8 = Array(iso.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= utf8.count else { return nil }
            var value = 0
            for byte in utf8[from..<from + count] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), utf8.count >= 7, utf8[4] == 0x2D, let month = number(5, 2) else { return nil }
        if utf8.count == 7 { return (DateComponents(year: year, month: month, day: 1, hour: 12), .month, nil) }
        guard utf8.count >= 10, utf8[7] == 0x2D, let day = number(8, 2) else { return nil }
        if utf8.count == 10 { return (DateComponents(year: year, month: month, day: day, hour: 12), .day, nil) }
        guard utf8.count >= 16, utf8[10] == 0x54, let hour = number(11, 2), utf8[13] == 0x3A, let minute = number(14, 2)
        else { return nil }
        // Seconds and fractions are skipped (minutes are shown); an offset, if any, follows them.
        var end = 16
        if end + 3 <= utf8.count, utf8[end] == 0x3A, number(end + 1, 2) != nil { end += 3 }
        if end < utf8.count, utf8[end] == 0x2E {
            end += 1
            while end < utf8.count, (0x30...0x39).contains(utf8[end]) { end += 1 }
        }
        var offset: Int?
        if end + 1 == utf8.count, utf8[end] == 0x5A || utf8[end] == 0x7A {
            offset = 0
        } else if end < utf8.count, utf8[end] == 0x2B || utf8[end] == 0x2D, let hours = number(end + 1, 2) {
            let colon = end + 3 < utf8.count && utf8[end + 3] == 0x3A ? 1 : 0
            if end + 5 + colon == utf8.count, let minutes = number(end + 3 + colon, 2), hours <= 23, minutes <= 59 {
                offset = (utf8[end] == 0x2D ? -1 : 1) * (hours * 3600 + minutes * 60)
            }
        }
        return (DateComponents(year: year, month: month, day: day, hour: hour, minute: minute), .time, offset)
    }
}
