import Foundation
import FrontMatter
import ICalendar

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
    /// The most years a series with an end may span.
    static let longestSpan = 100

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
            // Working out a series walks it date by date: a daily event until 9999 would cost seconds per build.
            if let first = start?.firstDay, date.year - first.year > Self.longestSpan {
                diagnostics.append(
                    Diagnostic(
                        file: file, position: untilNode.position,
                        message:
                            "`until` (\(EventDate.iso(date))) is more than \(Self.longestSpan) years after the event's first day; leave `until` out for an event that keeps repeating"
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
    /// weekly 18:00 event stays at 18:00 across a change to or from summer time. With `earliest`, the series is
    /// entered at the last occurrence on or before that day instead of at its start: a daily event that began years
    /// ago is not walked day by day at every look at it.
    func occurrenceDays(from start: LocalDate, earliest: LocalDate? = nil, limit: Int) -> [LocalDate] {
        var days: [LocalDate] = []
        // The latest occurrence on or before `earliest`, held until a later one shows it was the last.
        var held: LocalDate?
        /// Takes the next occurrence; false once no more are wanted.
        func take(_ day: LocalDate) -> Bool {
            if let earliest, day <= earliest {
                held = day
                return true
            }
            if let last = held {
                days.append(last)
                held = nil
                if days.count == limit { return false }
            }
            days.append(day)
            return days.count < limit
        }
        switch unit {
        case .day, .week:
            let period = interval * (unit == .week ? 7 : 1)
            let first = start.dayNumber
            var step = 0
            if let earliest, earliest.dayNumber > first { step = (earliest.dayNumber - first) / period }
            while limit > 0, let day = LocalDate(dayNumber: first + step * period) {
                if let until, day > until { break }
                guard take(day) else { break }
                step += 1
            }
        case .month:
            let firstMonth = start.year * 12 + start.month - 1
            var step = 0
            // Some periods before the one `earliest` falls in: its day may come after `earliest`, and months
            // without the day are skipped (a yearly 29 February recurs only every fourth year, or eighth).
            if let earliest, earliest.year * 12 + earliest.month - 1 > firstMonth {
                step = max(0, (earliest.year * 12 + earliest.month - 1 - firstMonth) / interval - 9)
            }
            var skipped = 0
            while limit > 0, skipped <= max(limit, 10) * 12 {
                let month = firstMonth + step * interval
                guard month / 12 <= 9999 else { break }
                step += 1
                // A monthly event on the 31st is skipped in shorter months rather than moved.
                guard let day = LocalDate(year: month / 12, month: month % 12 + 1, day: start.day) else {
                    skipped += 1
                    continue
                }
                if let until, day > until { break }
                guard take(day) else { break }
            }
        }
        if let last = held, days.count < limit { days.insert(last, at: 0) }
        return days
    }

    /// Exceptions that are not an occurrence (so probably a typo).
    func strayExceptions(from start: LocalDate) -> [LocalDate] {
        exceptions.filter { !isOccurrence($0, from: start) }
    }

    /// Whether an occurrence of the series from `start` falls on `day` (exceptions aside), worked out without
    /// walking the series.
    func isOccurrence(_ day: LocalDate, from start: LocalDate) -> Bool {
        guard day >= start, until.map({ day <= $0 }) ?? true else { return false }
        switch unit {
        case .day, .week:
            return (day.dayNumber - start.dayNumber) % (interval * (unit == .week ? 7 : 1)) == 0
        case .month:
            let months = (day.year * 12 + day.month) - (start.year * 12 + start.month)
            return day.day == start.day && months % interval == 0
        }
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

extension LocalDate {
    /// Days since 1 January 1970 (negative before): stepping through a series by days and weeks needs no calendar.
    var dayNumber: Int { DayNumber.of(year: year, month: month, day: day) }

    /// The date `dayNumber` days after 1 January 1970; nil outside the years 1 to 9999.
    init?(dayNumber: Int) {
        let (year, month, day) = DayNumber.civil(dayNumber)
        self.init(year: year, month: month, day: day)
    }
}
