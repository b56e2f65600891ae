import Foundation
import FrontMatter

/// `recurrence:` of an event: repeats every day, week or month from its start, until a date, except some dates.
struct EventRecurrence: Sendable, Hashable {
    enum Unit: String, Sendable, CaseIterable {
        case day, week, month

        var component: Calendar.Component {
            switch self {
            case .day: .day
            case .week: .weekOfYear
            case .month: .month
            }
        }
    }

    var unit: Unit
    var interval: Int
    /// The last day an occurrence may fall on (inclusive).
    var until: LocalDate?
    /// Days on which the event does not take place.
    var exceptions: [LocalDate]

    /// Reads `recurrence:` of `file`; problems go to `diagnostics`. `start` must have day or time precision.
    static func read(_ node: Node, start: EventDate?, file: String, diagnostics: inout [Diagnostic]) -> EventRecurrence?
    {
        guard case .map(let map) = node.value else { return nil }  // the schema reported the wrong type
        guard let everyNode = map["every"], let every = everyNode.text, let unit = Unit(rawValue: every) else {
            diagnostics.append(
                Diagnostic(
                    file: file, position: map["every"]?.position ?? node.position,
                    message: "`recurrence` needs `every: day`, `every: week` or `every: month`"))
            return nil
        }
        var interval = 1
        if let intervalNode = map["interval"] {
            guard case .integer(let value) = intervalNode.value, value >= 1, value <= 366 else {
                diagnostics.append(
                    Diagnostic(
                        file: file, position: intervalNode.position,
                        message:
                            "`interval` must be a whole number from 1 to 366 (2 means every second \(unit.rawValue))"))
                return nil
            }
            interval = value
        }
        if case .month? = start {
            diagnostics.append(
                Diagnostic(
                    file: file, position: node.position,
                    message: "a recurring event needs a start day (`2025-11-13`) or time, not only a month"))
            return nil
        }
        var until: LocalDate?
        if let untilNode = map["until"] {
            guard case .date(let date) = untilNode.value else {
                diagnostics.append(
                    Diagnostic(
                        file: file, position: untilNode.position, message: "`until` must be a date such as `2026-06-30`"
                    ))
                return nil
            }
            if let first = start?.firstDay, date < first {
                diagnostics.append(
                    Diagnostic(
                        file: file, position: untilNode.position,
                        message:
                            "`until` (\(EventDate.iso(date))) is before the event's first day (\(EventDate.iso(first))); the event would never take place"
                    ))
                return nil
            }
            until = date
        }
        var exceptions: [LocalDate] = []
        if let exceptNode = map["except"], case .list(let items) = exceptNode.value {
            for item in items {
                if case .date(let date) = item.value {
                    exceptions.append(date)
                } else {
                    diagnostics.append(
                        Diagnostic(
                            file: file, position: item.position,
                            message: "each entry of `except` must be a date such as `2025-12-24`"))
                }
            }
        }
        return EventRecurrence(unit: unit, interval: interval, until: until, exceptions: exceptions)
    }

    /// The first day of each occurrence from `start`, in order, at most `limit` of them; wall-clock arithmetic, so a
    /// weekly 18:00 event stays at 18:00 across a change to or from summer time.
    func occurrenceDays(from start: LocalDate, limit: Int) -> [LocalDate] {
        let calendar = GregorianCalendar.utc
        guard
            let first = calendar.date(
                from: DateComponents(year: start.year, month: start.month, day: start.day, hour: 12))
        else { return [] }
        var days: [LocalDate] = []
        var step = 0
        while days.count < limit {
            guard let date = calendar.date(byAdding: unit.component, value: step * interval, to: first) else { break }
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            guard let day = LocalDate(year: parts.year!, month: parts.month!, day: parts.day!) else { break }
            if let until, day > until { break }
            // A monthly event on the 31st is skipped in shorter months rather than moved.
            if unit != .month || day.day == start.day { days.append(day) }
            step += 1
            if step > limit * 12 { break }
        }
        return days
    }

    /// Exceptions that are not an occurrence (so probably a typo).
    func strayExceptions(from start: LocalDate) -> [LocalDate] {
        guard let last = exceptions.max() else { return [] }
        let limit = 5000
        let days = Set(occurrenceDays(from: start, limit: limit).filter { $0 <= last })
        return exceptions.filter { !days.contains($0) }
    }
}

extension EventDate {
    /// The day the date falls on (the first day for a month).
    var firstDay: LocalDate {
        switch self {
        case .month(let month): LocalDate(year: month.year, month: month.month, day: 1)!
        case .day(let day): day
        case .time(let time): time.date
        }
    }

    /// The same kind of date moved to `day` (a time keeps its time of day and offset).
    func moved(to day: LocalDate) -> EventDate {
        switch self {
        case .month, .day: return EventDate.day(day)
        case .time(var time):
            time.date = day
            return .time(time)
        }
    }
}
