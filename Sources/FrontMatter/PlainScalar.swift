/// Type resolution for plain (unquoted) scalars.
///
/// Only these are typed: `true`/`false`, `null`/`~`, `-?[0-9]+` that fits in
/// `Int`, `YYYY-MM-DD`, `YYYY-MM`, and `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`.
/// Everything else is a string: `yes`, `1.10`, `+1`, `0x1F` stay text, and the
/// schema of each field decides what it needs.
enum PlainScalar {
    /// The outcome of resolving a plain scalar.
    enum Resolution: Equatable {
        case value(Node.Value)
        case invalid(FrontMatterError.Reason)
    }

    /// Resolves the trimmed text of a plain scalar.
    ///
    /// Text shaped like a date, month or `T`-separated date-time whose numbers
    /// are out of range is an error rather than a string: `2025-02-30` is a typo
    /// for a date, never meant as text. A date followed by a space and something
    /// that is not a time (`2025-11-13 Konferenz`) is text.
    static func resolve(_ text: String) -> Resolution {
        switch text {
        case "true": return .value(.boolean(true))
        case "false": return .value(.boolean(false))
        case "null", "~": return .value(.null)
        default: break
        }
        // Only text starting with a digit or `-` can be a number or a date.
        guard let first = text.utf8.first, isDigit(first) || first == UInt8(ascii: "-") else {
            return .value(.string(text))
        }
        let bytes = Array(text.utf8)
        if isInteger(bytes) {
            // Too large for Int: keep it as text (a long ID or number is still data).
            return Int(text).map { .value(.integer($0)) } ?? .value(.string(text))
        }
        return temporal(bytes, text) ?? .value(.string(text))
    }

    private static func isInteger(_ bytes: [UInt8]) -> Bool {
        let digits = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// A date, month or date-time (or the error for one that is out of range), or
    /// nil if the text does not have the shape of one.
    private static func temporal(_ b: [UInt8], _ text: String) -> Resolution? {
        guard b.count >= 7, digits(b, 0, 4), b[4] == UInt8(ascii: "-"), digits(b, 5, 2) else { return nil }
        let year = number(b, 0, 4)
        let month = number(b, 5, 2)
        if b.count == 7 {
            return YearMonth(year: year, month: month).map { .value(.month($0)) } ?? .invalid(.invalidMonth(text))
        }
        guard b.count >= 10, b[7] == UInt8(ascii: "-"), digits(b, 8, 2) else { return nil }
        let date = LocalDate(year: year, month: month, day: number(b, 8, 2))
        if b.count == 10 {
            return date.map { .value(.date($0)) } ?? .invalid(.invalidDate(text))
        }
        let separator = b[10]
        let isT = separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
        guard isT || separator == UInt8(ascii: " ") else { return nil }
        guard let parts = dateTimeParts(b) else {
            // After a `T` the writer clearly meant a date-time; after a space it may be text.
            return isT ? .invalid(.invalidDateTime(text)) : nil
        }
        if parts.hasFraction { return .invalid(.fractionalSeconds(text)) }
        guard let date, let time = LocalTime(hour: parts.hour, minute: parts.minute, second: parts.second),
            parts.offsetIsValid
        else { return .invalid(.invalidDateTime(text)) }
        return .value(.dateTime(DateTimeValue(date: date, time: time, utcOffsetSeconds: parts.offset)))
    }

    private struct DateTimeParts {
        var hour: Int
        var minute: Int
        var second = 0
        var hasFraction = false
        var offset: Int?
        var offsetIsValid = true
    }

    /// Matches `HH:MM[:SS[.fraction]][Z|±HH:MM]` from offset 11 to the end.
    private static func dateTimeParts(_ b: [UInt8]) -> DateTimeParts? {
        guard b.count >= 16, digits(b, 11, 2), b[13] == UInt8(ascii: ":"), digits(b, 14, 2) else { return nil }
        var parts = DateTimeParts(hour: number(b, 11, 2), minute: number(b, 14, 2))
        var i = 16
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard digits(b, i + 1, 2) else { return nil }
            parts.second = number(b, i + 1, 2)
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                let fractionStart = i
                while i < b.count, isDigit(b[i]) { i += 1 }
                guard i > fractionStart else { return nil }
                parts.hasFraction = true
            }
        }
        if i == b.count { return parts }
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == b.count else { return nil }
            parts.offset = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard i + 6 == b.count, digits(b, i + 1, 2), b[i + 3] == UInt8(ascii: ":"), digits(b, i + 4, 2) else {
                return nil
            }
            let hours = number(b, i + 1, 2)
            let minutes = number(b, i + 4, 2)
            parts.offsetIsValid = hours <= 23 && minutes <= 59
            parts.offset = (b[i] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        default:
            return nil
        }
        return parts
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func digits(_ b: [UInt8], _ start: Int, _ count: Int) -> Bool {
        start + count <= b.count && b[start..<start + count].allSatisfy(isDigit)
    }

    private static func number(_ b: [UInt8], _ start: Int, _ count: Int) -> Int {
        b[start..<start + count].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
