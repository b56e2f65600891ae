import FrontMatter
import Testing

/// Validation, order and text of dates, times and months.
@Suite struct TemporalValueTests {
    @Test func datesAreValidated() {
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2025, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2025, month: 4, day: 31) == nil)
        #expect(LocalDate(year: 2025, month: 12, day: 31) != nil)
        #expect(LocalDate(year: 2025, month: 0, day: 1) == nil)
        #expect(LocalDate(year: 2025, month: 1, day: 0) == nil)
        #expect(LocalDate(year: 0, month: 1, day: 1) == nil)
        #expect(LocalDate(year: 10000, month: 1, day: 1) == nil)
        #expect(LocalDate.daysIn(month: 2, year: 2024) == 29)
        #expect(LocalDate.daysIn(month: 13, year: 2024) == 0)
    }

    @Test func timesAndMonthsAreValidated() {
        #expect(LocalTime(hour: 23, minute: 59, second: 59) != nil)
        #expect(LocalTime(hour: 24, minute: 0) == nil)
        #expect(LocalTime(hour: 12, minute: 60) == nil)
        #expect(LocalTime(hour: 12, minute: 0, second: 60) == nil)
        #expect(LocalTime(hour: -1, minute: 0) == nil)
        #expect(YearMonth(year: 2025, month: 12) != nil)
        #expect(YearMonth(year: 2025, month: 13) == nil)
    }

    @Test func orderIsChronological() throws {
        let dates = try ["2025-11-13", "2024-12-31", "2025-01-01", "2025-11-02"].map { text in
            try #require(
                FrontMatterParser.parse("d: \(text)")["d"].flatMap { node -> LocalDate? in
                    if case .date(let date) = node.value { date } else { nil }
                })
        }
        #expect(dates.sorted().map(\.description) == ["2024-12-31", "2025-01-01", "2025-11-02", "2025-11-13"])
        #expect(try #require(LocalTime(hour: 9, minute: 5)) < #require(LocalTime(hour: 9, minute: 5, second: 1)))
        #expect(try #require(YearMonth(year: 2024, month: 12)) < #require(YearMonth(year: 2025, month: 1)))
        #expect(TextPosition(line: 2, column: 9) < TextPosition(line: 3, column: 1))
        #expect(TextPosition(line: 3, column: 1) < TextPosition(line: 3, column: 2))
    }

    @Test func descriptions() throws {
        let date = try #require(LocalDate(year: 33, month: 1, day: 5))
        let time = try #require(LocalTime(hour: 7, minute: 5, second: 9))
        #expect(date.description == "0033-01-05")
        #expect(time.description == "07:05:09")
        #expect(try #require(YearMonth(year: 2025, month: 9)).description == "2025-09")
        #expect(DateTimeValue(date: date, time: time).description == "0033-01-05T07:05:09")
        #expect(DateTimeValue(date: date, time: time, utcOffsetSeconds: 0).description == "0033-01-05T07:05:09Z")
        #expect(
            DateTimeValue(date: date, time: time, utcOffsetSeconds: -16_200).description == "0033-01-05T07:05:09-04:30")
        #expect(TextPosition(line: 12, column: 3).description == "12:3")
    }

    @Test func dateTimeValueFromText() throws {
        let node = try #require(try FrontMatterParser.parse("start: 2025-11-13T18:00:00+01:00")["start"])
        let expected = DateTimeValue(
            date: try #require(LocalDate(year: 2025, month: 11, day: 13)),
            time: try #require(LocalTime(hour: 18, minute: 0)),
            utcOffsetSeconds: 3600)
        #expect(
            node
                == Node(
                    value: .dateTime(expected), position: TextPosition(line: 1, column: 8),
                    text: "2025-11-13T18:00:00+01:00"))
    }
}
