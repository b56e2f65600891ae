/// A time of day without a date or time zone, to the second.
public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The hour, 0...23.
    public var hour: Int
    /// The minute, 0...59.
    public var minute: Int
    /// The second, 0...59.
    public var second: Int

    /// Creates a time if hour, minute and second are in range (no leap seconds, no `24:00`).
    public init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            return nil
        }
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Orders times within a day.
    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        (lhs.hour, lhs.minute, lhs.second) < (rhs.hour, rhs.minute, rhs.second)
    }

    /// `18:00:00`.
    public var description: String {
        "\(padded(hour, 2)):\(padded(minute, 2)):\(padded(second, 2))"
    }
}

/// A date and time of day, with the UTC offset if the source gave one.
///
/// `utcOffsetSeconds` is nil for a local time (`2025-11-13T18:00`), which the
/// site interprets in its time zone; `Z` is an offset of 0.
public struct DateTimeValue: Sendable, Hashable, CustomStringConvertible {
    /// The calendar date.
    public var date: LocalDate
    /// The time of day.
    public var time: LocalTime
    /// Seconds east of UTC (`+01:00` is 3600), or nil for a local time.
    public var utcOffsetSeconds: Int?

    /// Creates a date-time from its parts.
    public init(date: LocalDate, time: LocalTime, utcOffsetSeconds: Int? = nil) {
        self.date = date
        self.time = time
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The RFC 3339 form, `2025-11-13T18:00:00+01:00`, `…Z` for offset 0, no suffix for a local time.
    public var description: String {
        "\(date)T\(time)\(offsetDescription)"
    }

    private var offsetDescription: String {
        guard let offset = utcOffsetSeconds else { return "" }
        if offset == 0 { return "Z" }
        let minutes = abs(offset) / 60
        return "\(offset < 0 ? "-" : "+")\(padded(minutes / 60, 2)):\(padded(minutes % 60, 2))"
    }
}
