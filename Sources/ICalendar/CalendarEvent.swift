/// One event of a calendar: a VEVENT.
public struct CalendarEvent: Sendable, Hashable {
    /// A stable, globally unique id, e.g. `events/integrationskonferenz-2025@integration.example.org`;
    /// calendar apps use it to update the event when the feed changes.
    public var uid: String
    /// The title.
    public var summary: String
    /// Plain text; line breaks are kept.
    public var description: String?
    /// Where the event takes place, as one line of text.
    public var location: String?
    /// The event's page.
    public var url: String?
    /// When the event starts; its kind decides how DTEND, EXDATE and UNTIL are written.
    public var start: CalendarTime
    /// When the event ends: exclusive, so an all-day event ending on 15 November passes
    /// `.date(2025, 11, 16)`. Left out of the file when it is not after `start`.
    public var end: CalendarTime?
    /// How the event repeats, if it does.
    public var recurrence: Recurrence?
    /// Occurrences that do not take place (EXDATE), written only with a recurrence. A date
    /// with a timed start means the occurrence on that day.
    public var exceptions: [CalendarTime]
    /// When the event last changed; written in UTC.
    public var lastModified: CalendarTime?

    /// Creates an event; everything but the id, title and start is optional.
    public init(
        uid: String,
        summary: String,
        description: String? = nil,
        location: String? = nil,
        url: String? = nil,
        start: CalendarTime,
        end: CalendarTime? = nil,
        recurrence: Recurrence? = nil,
        exceptions: [CalendarTime] = [],
        lastModified: CalendarTime? = nil
    ) {
        self.uid = uid
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.start = start
        self.end = end
        self.recurrence = recurrence
        self.exceptions = exceptions
        self.lastModified = lastModified
    }
}
