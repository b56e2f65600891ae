import Testing

@testable import ICalendar

/// RRULE and EXDATE.
@Suite struct RecurrenceTests {
    private func lines(_ input: CalendarEvent, timeZone: String = "Europe/Berlin") -> [String] {
        RenderedCalendar(berlinDocument([input], timeZone: timeZone)).firstEvent.filter {
            $0.hasPrefix("RRULE") || $0.hasPrefix("EXDATE")
        }
    }

    @Test func weeklyEverySecondWeekUntilADateWithALocalStart() {
        // 11 December is winter time: the end of that day, 23:59:59 +01:00, is 22:59:59 UTC.
        let input = event(
            start: local(2025, 11, 13, 18, 0),
            recurrence: Recurrence(frequency: .weekly, interval: 2, until: date(2025, 12, 11)),
            exceptions: [date(2025, 11, 27)])
        #expect(
            lines(input) == [
                "RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20251211T225959Z",
                "EXDATE;TZID=Europe/Berlin:20251127T180000",
            ])
    }

    @Test func untilInSummerTimeUsesTheSummerOffset() {
        let input = event(
            start: local(2025, 6, 2, 10, 0), recurrence: Recurrence(frequency: .daily, until: local(2025, 7, 1, 10, 0)))
        #expect(lines(input) == ["RRULE:FREQ=DAILY;UNTIL=20250701T080000Z"])
    }

    @Test func allDayRecurrenceHasADateUntilAndDateExceptions() {
        let input = event(
            start: date(2025, 1, 6),
            recurrence: Recurrence(frequency: .monthly, interval: 1, until: local(2025, 6, 6, 12, 0)),
            exceptions: [date(2025, 2, 6), local(2025, 4, 6, 9, 0), utc(2025, 5, 5, 23, 0)])
        #expect(
            lines(input) == [
                "RRULE:FREQ=MONTHLY;UNTIL=20250606",
                "EXDATE;VALUE=DATE:20250206,20250406,20250506",
            ])
    }

    @Test func utcStartHasUTCExceptionsOnTheRightLocalDay() {
        // The start is 23:30 UTC, which is 00:30 the next day in Berlin: the exception for
        // the local day 20 November is the occurrence at 23:30 UTC on 19 November.
        let input = event(
            start: utc(2025, 11, 12, 23, 30),
            recurrence: Recurrence(frequency: .daily, until: date(2025, 11, 30)),
            exceptions: [date(2025, 11, 20), local(2025, 11, 22, 0, 30), utc(2025, 11, 24, 23, 30)])
        #expect(
            lines(input) == [
                "RRULE:FREQ=DAILY;UNTIL=20251130T225959Z",
                "EXDATE:20251119T233000Z,20251121T233000Z,20251124T233000Z",
            ])
    }

    @Test func localStartTurnsUTCExceptionsIntoLocalTimes() {
        let input = event(
            start: local(2025, 11, 13, 18, 0), recurrence: Recurrence(frequency: .weekly),
            exceptions: [utc(2025, 11, 20, 17, 0)])
        #expect(lines(input) == ["RRULE:FREQ=WEEKLY", "EXDATE;TZID=Europe/Berlin:20251120T180000"])
    }

    @Test func duplicateExceptionsAreWrittenOnceInTheirFirstOrder() {
        let input = event(
            start: local(2025, 11, 13, 18, 0), recurrence: Recurrence(frequency: .weekly),
            exceptions: [date(2025, 12, 4), date(2025, 11, 20), local(2025, 12, 4, 18, 0)])
        #expect(
            lines(input) == [
                "RRULE:FREQ=WEEKLY", "EXDATE;TZID=Europe/Berlin:20251204T180000,20251120T180000",
            ])
    }

    @Test func intervalBelowOneMeansEvery() {
        #expect(
            lines(event(start: date(2025, 1, 1), recurrence: Recurrence(frequency: .daily, interval: 0)))
                == ["RRULE:FREQ=DAILY"])
        #expect(
            lines(event(start: date(2025, 1, 1), recurrence: Recurrence(frequency: .daily, interval: -5)))
                == ["RRULE:FREQ=DAILY"])
    }

    @Test func exceptionsWithoutRecurrenceAreNotWritten() {
        #expect(lines(event(start: date(2025, 1, 1), exceptions: [date(2025, 1, 1)])) == [])
    }
}
