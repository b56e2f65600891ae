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
        var output: [UInt8] = []
        for line in contentLines() {
            LineFolding.append(line.text, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Every line of the file in order, unfolded.
    func contentLines() -> [ContentLine] {
        let zone = CalendarZone(identifier: timeZone)
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
        let writer = EventWriter(zone: zone, stamp: zone.utc(stamp))
        for event in events {
            lines += writer.lines(for: event)
        }
        lines.append(.raw("END", "VCALENDAR"))
        return lines
    }
}
