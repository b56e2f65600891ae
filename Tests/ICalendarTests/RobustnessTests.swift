import Testing

@testable import ICalendar

/// Hostile or absurd input gives a well-formed file, never a crash or a hang.
@Suite struct RobustnessTests {
    /// Every physical line is at most 75 octets and ends in CRLF; the file is BEGIN…END:VCALENDAR.
    private func expectWellFormed(_ calendar: RenderedCalendar, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = calendar.physicalLines
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, sourceLocation: sourceLocation)
        #expect(
            calendar.text.utf8.filter { $0 == 0x0A }.count == lines.count
                && calendar.text.utf8.filter { $0 == 0x0D }.count == lines.count,
            sourceLocation: sourceLocation)
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR", sourceLocation: sourceLocation)
    }

    @Test func hugeTextIsFoldedIntoShortLines() {
        let huge = String(repeating: "Zusammenleben 🤝🏽 مجتمع e\u{301}\u{302};,\\\n", count: 50_000)
        var input = event(start: date(2025, 11, 13))
        input.description = huge
        let calendar = RenderedCalendar(berlinDocument([input]))
        expectWellFormed(calendar)
        #expect(calendar.firstEvent.contains("DESCRIPTION:" + TextValue.escaped(huge)))
    }

    @Test func onlyCombiningMarksAndOnlyControls() {
        var input = event(start: date(2025, 11, 13))
        input.summary = String(repeating: "\u{301}", count: 500)
        input.description = String(repeating: "\u{0}\u{1}\u{7F}\r", count: 100)
        input.location = String(repeating: "🇩🇪", count: 100)
        let calendar = RenderedCalendar(berlinDocument([input]))
        expectWellFormed(calendar)
        #expect(calendar.firstEvent.contains("SUMMARY:" + String(repeating: "\u{301}", count: 500)))
        #expect(calendar.firstEvent.contains("DESCRIPTION:"))
        #expect(calendar.firstEvent.contains("LOCATION:" + String(repeating: "🇩🇪", count: 100)))
    }

    @Test func emptyDocumentAndEmptyValues() {
        let document = CalendarDocument(productID: "", name: "", timeZone: "", stamp: date(2025, 1, 1))
        #expect(
            RenderedCalendar(document).unfoldedLines == [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:",
                "X-WR-TIMEZONE:UTC", "END:VCALENDAR",
            ])
    }

    @Test func lineBreaksInDocumentFieldsCannotStartNewProperties() {
        let document = CalendarDocument(
            productID: "-//X//Y//DE\r\nMETHOD:CANCEL", name: "Feed\nEND:VCALENDAR", timeZone: "Europe/Berlin\nX",
            stamp: utc(2025, 1, 1, 0, 0))
        let calendar = RenderedCalendar(document)
        expectWellFormed(calendar)
        #expect(
            calendar.unfoldedLines == [
                "BEGIN:VCALENDAR", "VERSION:2.0", #"PRODID:-//X//Y//DE\nMETHOD:CANCEL"#, "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH", #"X-WR-CALNAME:Feed\nEND:VCALENDAR"#, "X-WR-TIMEZONE:UTC", "END:VCALENDAR",
            ])
    }

    @Test func extremeFieldValuesAreClampedEverywhere() {
        let extreme = CalendarTime.local(
            year: Int.max, month: Int.max, day: Int.max, hour: Int.max, minute: Int.max, second: Int.max)
        let tiny = CalendarTime.utc(
            year: Int.min, month: Int.min, day: Int.min, hour: Int.min, minute: Int.min, second: Int.min)
        let input = CalendarEvent(
            uid: "x", summary: "x", start: extreme, end: tiny,
            recurrence: Recurrence(frequency: .daily, interval: Int.max, until: tiny),
            exceptions: [extreme, tiny, .date(year: Int.min, month: 0, day: 0)], lastModified: extreme)
        var document = berlinDocument([input])
        document.stamp = extreme
        let calendar = RenderedCalendar(document)
        expectWellFormed(calendar)
        #expect(
            calendar.firstEvent == [
                "UID:x",
                "DTSTAMP:99991231T225959Z",
                "DTSTART;TZID=Europe/Berlin:99991231T235959",
                "SUMMARY:x",
                "RRULE:FREQ=DAILY;INTERVAL=\(Int.max);UNTIL=00010101T000000Z",
                // Year 1 in Berlin is local mean time, +00:53:28, by the IANA data.
                "EXDATE;TZID=Europe/Berlin:99991231T235959,00010101T005328,00010101T235959",
                "LAST-MODIFIED:99991231T225959Z",
            ])
    }

    @Test func widestSpanOfYearsIsBounded() {
        let events = [event(start: local(1, 1, 1, 0, 0)), event(start: local(9999, 12, 31, 23, 59))]
        let calendar = RenderedCalendar(berlinDocument(events))
        expectWellFormed(calendar)
        #expect(calendar.unfoldedLines.filter { $0.hasPrefix("TZOFFSETTO:") }.count == CalendarZone.transitionLimit)
    }

    @Test func manyExceptionsInOneFoldedLine() {
        let exceptions = (0..<5_000).map { date(2025, 1, 1 + $0 % 28) }
        let input = event(
            start: local(2025, 1, 1, 9, 0), recurrence: Recurrence(frequency: .daily), exceptions: exceptions)
        let calendar = RenderedCalendar(berlinDocument([input]))
        expectWellFormed(calendar)
        let exdate = calendar.firstEvent.first { $0.hasPrefix("EXDATE") }
        #expect(exdate?.split(separator: ",").count == 28)
    }
}
