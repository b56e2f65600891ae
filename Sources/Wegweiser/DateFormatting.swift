import Foundation

/// Formats ISO dates for a reader's locale, always in the Gregorian calendar (as German letters and appointments are).
struct DateFormatting: Sendable {
    var locale: Locale
    let cache = FormatterCache()

    init(localeIdentifier: String) {
        // `@calendar=gregorian` keeps Farsi and Arabic locales from switching to the Solar Hijri or Islamic calendar.
        locale = Locale(identifier: localeIdentifier + "@calendar=gregorian")
    }

    /// A whole number in the locale's digits and grouping (`12.500`, `12,500`, `١٢٬٥٠٠`, `۱۲٬۵۰۰`).
    func number(_ value: Int) -> String {
        value.formatted(.number.locale(locale))
    }

    enum Style: String, CaseIterable {
        case long, short, month, time, datetime
    }

    /// `iso` (`2025-09`, `2025-11-13`, `2025-11-13T18:00`, with optional offset) in `style`; nil if `iso` is not a date.
    /// A month-precision value always prints as a month; a date without time prints without one.
    func format(_ iso: String, style: Style) -> String? {
        // Looked up before anything is parsed: every page's footer formats the same build date.
        cache.text("\(style.rawValue) \(iso)") {
            Self.parse(iso) == nil ? nil : formatUncached(iso, style: style) ?? ""
        }
    }

    private func formatUncached(_ iso: String, style: Style) -> String? {
        guard let parsed = Self.parse(iso) else { return nil }
        let components = parsed.components
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components) else { return nil }
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

    /// The wall-clock fields of an ISO value (an offset, if any, is only kept in the text, not applied: times are shown as written).
    static func parse(_ iso: String) -> (components: DateComponents, precision: Precision)? {
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
        if utf8.count == 7 { return (DateComponents(year: year, month: month, day: 1, hour: 12), .month) }
        guard utf8.count >= 10, utf8[7] == 0x2D, let day = number(8, 2) else { return nil }
        if utf8.count == 10 { return (DateComponents(year: year, month: month, day: day, hour: 12), .day) }
        guard utf8.count >= 16, utf8[10] == 0x54, let hour = number(11, 2), utf8[13] == 0x3A, let minute = number(14, 2)
        else { return nil }
        return (DateComponents(year: year, month: month, day: day, hour: hour, minute: minute), .time)
    }
}
