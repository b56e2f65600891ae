/// Bringing an event's values into the form RFC 5545 requires next to its DTSTART, and
/// writing them as properties.
extension CalendarZone {
    /// DTEND in the value type of DTSTART (3.8.2.2): for an all-day start the local date,
    /// rounded up to the next day when a time of day would be cut off; for a timed start a
    /// date means local midnight. Nil when the end is not after the start.
    func end(_ end: CalendarTime, for start: CalendarTime) -> CalendarTime? {
        let written: CalendarTime
        if start.isDate {
            let local = if case .utc = end { self.local(at: instant(of: end)) } else { end }
            let date = local.civilDate
            written = .date(local.clock == nil || local.clock == .midnight ? date : date.adding(days: 1))
        } else if end.isDate {
            written = .local(end.civilDate, .midnight)
        } else {
            written = end
        }
        return instant(of: written) > instant(of: start) ? written : nil
    }

    /// An EXDATE value in the form of DTSTART, so that it matches an occurrence exactly:
    /// a date with a timed start means that day's occurrence at the start's time of day.
    func exception(_ exception: CalendarTime, for start: CalendarTime) -> CalendarTime {
        switch start {
        case .date:
            return .date(localDate(of: exception))
        case .local:
            switch exception {
            case .date: return .local(exception.civilDate, start.clock ?? .midnight)
            case .local: return exception
            case .utc: return local(at: instant(of: exception))
            }
        case .utc:
            switch exception {
            case .date:
                // Occurrences keep the start's UTC time; take the one on that local day.
                let day = exception.civilDate
                let clock = start.clock ?? .midnight
                let candidates = [0, -1, 1].map { CalendarTime.utc(day.adding(days: $0), clock) }
                return candidates.first { localDate(of: $0) == day } ?? candidates[0]
            case .local: return utc(exception)
            case .utc: return exception
            }
        }
    }

    /// The UNTIL of a recurrence (3.3.10): a date for an all-day start, else UTC, where a date
    /// means the last second of that day in this zone.
    func until(_ until: CalendarTime, for start: CalendarTime) -> CalendarTime {
        if start.isDate { return .date(localDate(of: until)) }
        if until.isDate { return utc(.local(until.civilDate, .endOfDay)) }
        return utc(until)
    }

    /// A property holding one or more values of one kind: `;VALUE=DATE`, `;TZID=…` or none.
    func line(_ name: String, _ times: [CalendarTime]) -> ContentLine {
        var parameters: [ContentLine.Parameter] = []
        switch times.first {
        case .date: parameters = [.init(name: "VALUE", value: "DATE")]
        case .local: parameters = [.init(name: "TZID", value: TextValue.parameter(identifier))]
        case .utc, nil: break
        }
        return ContentLine(name: name, parameters: parameters, value: times.map(Self.value).joined(separator: ","))
    }

    /// The DATE or DATE-TIME text of a value, without parameters.
    static func value(_ time: CalendarTime) -> String {
        let date = time.civilDate.basicFormat
        switch time {
        case .date: return date
        case .local: return date + "T" + (time.clock ?? .midnight).basicFormat
        case .utc: return date + "T" + (time.clock ?? .midnight).basicFormat + "Z"
        }
    }
}
