import Testing

@testable import ICalendar

/// DTSTART and DTEND in their three forms, clamping and wall-clock conversion.
@Suite struct CalendarTimeTests {
    @Test func allDayStartIsADate() {
        let lines = RenderedCalendar(berlinDocument([event(start: date(2025, 11, 13), end: date(2025, 11, 14))]))
            .firstEvent
        #expect(lines.contains("DTSTART;VALUE=DATE:20251113"))
        #expect(lines.contains("DTEND;VALUE=DATE:20251114"))
    }

    @Test func localStartCarriesTheZone() {
        let lines = RenderedCalendar(
            berlinDocument([event(start: local(2025, 11, 13, 18, 0), end: local(2025, 11, 13, 21, 0))])
        )
        .firstEvent
        #expect(lines.contains("DTSTART;TZID=Europe/Berlin:20251113T180000"))
        #expect(lines.contains("DTEND;TZID=Europe/Berlin:20251113T210000"))
    }

    @Test func utcStartEndsInZ() {
        let lines = RenderedCalendar(
            berlinDocument([event(start: utc(2025, 11, 13, 17, 0), end: utc(2025, 11, 13, 20, 30, 15))])
        )
        .firstEvent
        #expect(lines.contains("DTSTART:20251113T170000Z"))
        #expect(lines.contains("DTEND:20251113T203015Z"))
    }

    @Test func eventPropertiesComeInAFixedOrder() {
        let input = CalendarEvent(
            uid: "events/lesefest-2025@integration.example.org",
            summary: "Lesefest",
            description: "Geschichten in vielen Sprachen",
            location: "Zentralbibliothek, Konrad-Adenauer-Platz 1, 40210 Düsseldorf",
            url: "https://integration.example.org/de/events/lesefest-2025/",
            start: local(2025, 9, 20, 11, 0),
            end: local(2025, 9, 20, 16, 0),
            recurrence: Recurrence(frequency: .weekly, until: date(2025, 10, 4)),
            exceptions: [date(2025, 9, 27)],
            lastModified: utc(2025, 8, 1, 9, 30))
        #expect(
            RenderedCalendar(berlinDocument([input])).component("VEVENT") == [
                "BEGIN:VEVENT",
                "UID:events/lesefest-2025@integration.example.org",
                "DTSTAMP:20251001T060000Z",
                "DTSTART;TZID=Europe/Berlin:20250920T110000",
                "DTEND;TZID=Europe/Berlin:20250920T160000",
                "SUMMARY:Lesefest",
                "DESCRIPTION:Geschichten in vielen Sprachen",
                #"LOCATION:Zentralbibliothek\, Konrad-Adenauer-Platz 1\, 40210 Düsseldorf"#,
                "URL:https://integration.example.org/de/events/lesefest-2025/",
                "RRULE:FREQ=WEEKLY;UNTIL=20251004T215959Z",
                "EXDATE;TZID=Europe/Berlin:20250927T110000",
                "LAST-MODIFIED:20250801T093000Z",
                "END:VEVENT",
            ])
    }

    @Test func emptyOptionalTextIsLeftOut() {
        let input = CalendarEvent(
            uid: "x@y", summary: "", description: "", location: "", url: " ", start: date(2025, 1, 1))
        #expect(
            RenderedCalendar(berlinDocument([input])).firstEvent == [
                "UID:x@y", "DTSTAMP:20251001T060000Z", "DTSTART;VALUE=DATE:20250101", "SUMMARY:",
            ])
    }

    @Test func endOfAnAllDayEventTakesTheDateForm() {
        // A timed end rounds up to the next day so the last day is not cut off; midnight stays.
        let zone = CalendarZone(identifier: "Europe/Berlin")
        #expect(zone.end(local(2025, 11, 15, 18, 0), for: date(2025, 11, 13)) == date(2025, 11, 16))
        #expect(zone.end(local(2025, 11, 16, 0, 0), for: date(2025, 11, 13)) == date(2025, 11, 16))
        #expect(zone.end(utc(2025, 11, 15, 23, 30), for: date(2025, 11, 13)) == date(2025, 11, 17))
    }

    @Test func dateEndOfATimedEventIsLocalMidnight() {
        let zone = CalendarZone(identifier: "Europe/Berlin")
        #expect(zone.end(date(2025, 11, 14), for: local(2025, 11, 13, 18, 0)) == local(2025, 11, 14, 0, 0))
    }

    @Test func endNotAfterStartIsLeftOut() {
        let zone = CalendarZone(identifier: "Europe/Berlin")
        #expect(zone.end(date(2025, 11, 13), for: date(2025, 11, 13)) == nil)
        #expect(zone.end(local(2025, 11, 13, 17, 0), for: local(2025, 11, 13, 18, 0)) == nil)
        // 18:00 in Berlin is 17:00 UTC: an end at 17:00 UTC is not after it, one at 17:01 is.
        #expect(zone.end(utc(2025, 11, 13, 17, 0), for: local(2025, 11, 13, 18, 0)) == nil)
        #expect(zone.end(utc(2025, 11, 13, 17, 1), for: local(2025, 11, 13, 18, 0)) == utc(2025, 11, 13, 17, 1))
        let lines = RenderedCalendar(berlinDocument([event(start: date(2025, 11, 13), end: date(2025, 11, 12))]))
            .firstEvent
        #expect(!lines.contains { $0.hasPrefix("DTEND") })
    }

    @Test(
        arguments: [
            (date(2025, 2, 30), "20250228"),
            (date(2024, 2, 30), "20240229"),
            (date(0, 0, 0), "00010101"),
            (date(12_345, 13, 32), "99991231"),
            (date(Int.min, Int.min, Int.min), "00010101"),
            (local(2025, 6, 1, 24, 60, 60), "20250601T235959"),
            (utc(2025, 6, 1, -1, -1, -1), "20250601T000000Z"),
            (utc(Int.max, Int.max, Int.max, Int.max, Int.max, Int.max), "99991231T235959Z"),
        ])
    func outOfRangeFieldsAreClamped(time: CalendarTime, written: String) {
        #expect(CalendarZone.value(time) == written)
    }

    @Test func civilDaysRoundTrip() {
        #expect(CivilDate(clampingYear: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(CivilDate(clampingYear: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
        #expect(CivilDate(clampingYear: 1, month: 1, day: 1).daysSinceEpoch == -719_162)
        #expect(CivilDate(daysSinceEpoch: 20_405) == CivilDate(clampingYear: 2025, month: 11, day: 13))
        for days in stride(from: -719_162, through: 2_932_896, by: 997) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test func wallClockTimesFollowRFC5545AtTransitions() {
        let zone = CalendarZone(identifier: "Europe/Berlin")
        // An ordinary winter and summer time.
        #expect(zone.utc(local(2025, 1, 15, 12, 0)) == utc(2025, 1, 15, 11, 0))
        #expect(zone.utc(local(2025, 7, 15, 12, 0)) == utc(2025, 7, 15, 10, 0))
        // 02:30 on 30 March 2025 does not exist: read with the offset before the gap (+01:00).
        #expect(zone.utc(local(2025, 3, 30, 2, 30)) == utc(2025, 3, 30, 1, 30))
        // 02:30 on 26 October 2025 happens twice: the first one (+02:00).
        #expect(zone.utc(local(2025, 10, 26, 2, 30)) == utc(2025, 10, 26, 0, 30))
        // An all-day value is local midnight.
        #expect(zone.utc(date(2025, 7, 1)) == utc(2025, 6, 30, 22, 0))
        #expect(zone.local(at: zone.instant(of: utc(2025, 12, 31, 23, 30))) == local(2026, 1, 1, 0, 30))
    }

    @Test func stampIsWrittenInUTC() {
        var document = berlinDocument([event(start: date(2025, 11, 13))])
        document.stamp = local(2025, 7, 1, 8, 0)
        #expect(RenderedCalendar(document).firstEvent[1] == "DTSTAMP:20250701T060000Z")
    }
}
