/// A calendar file people can subscribe to: a VCALENDAR with its events (RFC 5545).
public struct CalendarDocument: Sendable {
    /// The PRODID, e.g. `-//Wegweiser//Wegweiser 0.1//DE`.
    public var productID: String
    /// The feed's title (X-WR-CALNAME), if any.
    public var name: String?
    /// An IANA time zone id, e.g. `Europe/Berlin`: the TZID of `.local` values and of the
    /// VTIMEZONE written for them. An id Foundation does not know is replaced by `UTC`.
    public var timeZone: String
    /// The DTSTAMP of every event: the build's "now", so that builds are reproducible.
    /// Meant to be `.utc`; other values are converted.
    public var stamp: CalendarTime
    /// The events, written in this order.
    public var events: [CalendarEvent]

    /// Creates a document.
    public init(
        productID: String,
        name: String? = nil,
        timeZone: String,
        stamp: CalendarTime,
        events: [CalendarEvent] = []
    ) {
        self.productID = productID
        self.name = name
        self.timeZone = timeZone
        self.stamp = stamp
        self.events = events
    }

    /// The whole file: BEGIN:VCALENDAR … END:VCALENDAR, CRLF line endings, lines folded at 75 octets.
    public func render() -> String {
        let writer = EventLines(timeZone: timeZone, stamp: stamp)
        return String(decoding: renderBytes(events.map(writer.render)), as: UTF8.self)
    }

    /// The whole file as UTF-8 bytes, with `rendered` as its events instead of `events`: each rendered by an
    /// `EventLines` of this document's time zone and stamp (a calendar that writes an event into several files
    /// renders it once).
    public func renderBytes(_ rendered: [RenderedEvent]) -> [UInt8] {
        let zone = CalendarZone(identifier: timeZone)
        var output: [UInt8] = []
        for line in headerLines(zone: zone, events: rendered.map(\.event)) {
            LineFolding.append(line.text, to: &output)
        }
        for event in rendered { output += event.lines }
        LineFolding.append(ContentLine.raw("END", "VCALENDAR").text, to: &output)
        return output
    }

    /// The calendar's own lines and the VTIMEZONE its events need, before the first VEVENT.
    private func headerLines(zone: CalendarZone, events: [CalendarEvent]) -> [ContentLine] {
        var lines: [ContentLine] = [
            .raw("BEGIN", "VCALENDAR"),
            .raw("VERSION", "2.0"),
            .text("PRODID", productID),
            .raw("CALSCALE", "GREGORIAN"),
            .raw("METHOD", "PUBLISH"),
        ]
        if let name { lines.append(.text("X-WR-CALNAME", name)) }
        lines.append(.text("X-WR-TIMEZONE", zone.identifier))
        if let years = zone.yearsNeedingTimeZone(events) {
            // One year of margin on either side: the transition before the first value
            // fixes its offset, and the one after covers times near the end of the last year.
            lines += zone.timeZoneLines(years: (years.lowerBound - 1)...(years.upperBound + 1))
        }
        return lines
    }
}

/// An event and its VEVENT, folded, as `EventLines` renders it once for any number of documents.
public struct RenderedEvent: Sendable {
    public let event: CalendarEvent
    /// BEGIN:VEVENT to END:VEVENT, with CRLF line endings.
    public let lines: [UInt8]
}

/// Renders VEVENTs as `CalendarDocument` writes them, folded, for `CalendarDocument.renderBytes(_:)`.
public struct EventLines: Sendable {
    private let writer: EventWriter

    /// A renderer for documents with this time zone (an IANA id) and DTSTAMP.
    public init(timeZone: String, stamp: CalendarTime) {
        let zone = CalendarZone(identifier: timeZone)
        writer = EventWriter(zone: zone, stamp: zone.utc(stamp))
    }

    /// The event with its lines, BEGIN:VEVENT to END:VEVENT, folded, with CRLF line endings.
    public func render(_ event: CalendarEvent) -> RenderedEvent {
        var output: [UInt8] = []
        for line in writer.lines(for: event) {
            LineFolding.append(line.text, to: &output)
        }
        return RenderedEvent(event: event, lines: output)
    }
}
