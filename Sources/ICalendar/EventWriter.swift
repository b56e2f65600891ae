/// Writes one event as a VEVENT, its properties always in the same order.
struct EventWriter: Sendable {
    /// The document's time zone.
    let zone: CalendarZone
    /// The DTSTAMP, in UTC.
    let stamp: CalendarTime

    /// The VEVENT's lines, BEGIN to END.
    func lines(for event: CalendarEvent) -> [ContentLine] {
        var lines: [ContentLine] = [
            .raw("BEGIN", "VEVENT"),
            .text("UID", event.uid),
            zone.line("DTSTAMP", [stamp]),
            zone.line("DTSTART", [event.start]),
        ]
        if let end = event.end.flatMap({ zone.end($0, for: event.start) }) {
            lines.append(zone.line("DTEND", [end]))
        }
        lines.append(.text("SUMMARY", event.summary))
        if let description = event.description, !description.isEmpty {
            lines.append(.text("DESCRIPTION", description))
        }
        if let location = event.location, !location.isEmpty {
            lines.append(.text("LOCATION", location))
        }
        if let url = event.url.map(TextValue.uri), !url.isEmpty {
            lines.append(ContentLine(name: "URL", value: url))
        }
        if let recurrence = event.recurrence {
            lines.append(.raw("RRULE", rule(recurrence, start: event.start)))
            let exceptions = uniqued(event.exceptions.map { zone.exception($0, for: event.start) })
            if !exceptions.isEmpty { lines.append(zone.line("EXDATE", exceptions)) }
        }
        if let lastModified = event.lastModified {
            lines.append(zone.line("LAST-MODIFIED", [zone.utc(lastModified)]))
        }
        lines.append(.raw("END", "VEVENT"))
        return lines
    }

    /// The RRULE value (3.3.10): `FREQ=WEEKLY;INTERVAL=2;UNTIL=…`, INTERVAL only when above 1.
    func rule(_ recurrence: Recurrence, start: CalendarTime) -> String {
        var parts = ["FREQ=\(recurrence.frequency.rawValue)"]
        if recurrence.interval > 1 { parts.append("INTERVAL=\(recurrence.interval)") }
        if let until = recurrence.until {
            parts.append("UNTIL=" + CalendarZone.value(zone.until(until, for: start)))
        }
        return parts.joined(separator: ";")
    }

    /// The values in their first order, each once.
    private func uniqued(_ times: [CalendarTime]) -> [CalendarTime] {
        var seen: Set<String> = []
        return times.filter { seen.insert(CalendarZone.value($0)).inserted }
    }
}

extension CalendarZone {
    /// The years of every value of the events that carry a TZID, in local dates, or nil when
    /// no value carries one and so no VTIMEZONE is needed.
    func yearsNeedingTimeZone(_ events: [CalendarEvent]) -> ClosedRange<Int>? {
        var years: ClosedRange<Int>?
        for event in events where usesTimeZoneID(event) {
            var times = [event.start] + event.exceptions
            if let end = event.end { times.append(end) }
            if let until = event.recurrence?.until { times.append(until) }
            for time in times {
                let year = localDate(of: time).year
                years = years.map { min($0.lowerBound, year)...max($0.upperBound, year) } ?? year...year
            }
        }
        return years
    }

    /// Whether DTSTART, DTEND or EXDATE of the event is written with a TZID.
    private func usesTimeZoneID(_ event: CalendarEvent) -> Bool {
        if case .local = event.start { return true }
        if let end = event.end, case .local = self.end(end, for: event.start) { return true }
        return false
    }
}
