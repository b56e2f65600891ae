/// How an event repeats: an RRULE with a frequency, an interval and an optional end.
public struct Recurrence: Sendable, Hashable {
    /// How often the event repeats, before the interval is applied.
    public enum Frequency: String, Sendable {
        /// Every day.
        case daily = "DAILY"
        /// Every week, on the weekday of the start.
        case weekly = "WEEKLY"
        /// Every month, on the day of the month of the start.
        case monthly = "MONTHLY"
    }

    /// How often the event repeats.
    public var frequency: Frequency
    /// Every how many days, weeks or months: 1 = every. Values below 1 are written as 1.
    public var interval: Int
    /// The last day or time an occurrence may start, inclusive; nil for no end.
    ///
    /// Written as a DATE when the event starts on a date, else as UTC (RFC 5545 3.3.10
    /// requires UTC when DTSTART has a TZID): a date then means the end of that day in the
    /// document's time zone, a local time is converted with the zone's rules.
    public var until: CalendarTime?

    /// Creates a rule; by default every day, week or month without end.
    public init(frequency: Frequency, interval: Int = 1, until: CalendarTime? = nil) {
        self.frequency = frequency
        self.interval = interval
        self.until = until
    }
}
