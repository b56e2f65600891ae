import Foundation
import Synchronization

/// Gregorian calendars by time zone, made once: making a `Calendar` is slow, and a site with thousands of events
/// converts dates many thousands of times.
enum GregorianCalendar {
    private static let calendars = Mutex<[TimeZone: Calendar]>([:])
    private static let instants = Mutex<[InstantKey: Date]>([:])

    private struct InstantKey: Hashable {
        var fields: [Int]
        var zone: TimeZone
    }

    static func calendar(in zone: TimeZone) -> Calendar {
        if let known = calendars.withLock({ $0[zone] }) { return known }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendars.withLock { $0[zone] = calendar }
        return calendar
    }

    static let utc = calendar(in: TimeZone(identifier: "UTC")!)

    /// The instant of a wall-clock time in `zone` (remembered: the same event dates are asked for again and again).
    static func instant(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, zone: TimeZone
    ) -> Date {
        let key = InstantKey(fields: [year, month, day, hour, minute, second], zone: zone)
        if let known = instants.withLock({ $0[key] }) { return known }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        let date = calendar(in: zone).date(from: components) ?? Date(timeIntervalSince1970: 0)
        instants.withLock { $0[key] = date }
        return date
    }
}
