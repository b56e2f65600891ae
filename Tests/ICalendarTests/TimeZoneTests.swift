import Testing

@testable import ICalendar

/// The VTIMEZONE derived from Foundation's time zone data.
@Suite struct TimeZoneTests {
    private func observance(
        _ kind: String, _ start: String, _ from: String, _ to: String, _ name: String
    ) -> [String] {
        [
            "BEGIN:\(kind)", "DTSTART:\(start)", "TZOFFSETFROM:\(from)", "TZOFFSETTO:\(to)", "TZNAME:\(name)",
            "END:\(kind)",
        ]
    }

    @Test func berlinIn2025HasItsTransitionsWithAYearOfMargin() {
        let calendar = RenderedCalendar(berlinDocument([event(start: local(2025, 11, 13, 18, 0))]))
        // Foundation's own abbreviation is the offset (GMT+1); the zone's names are the British English ones.
        let expected =
            ["BEGIN:VTIMEZONE", "TZID:Europe/Berlin"]
            + observance("DAYLIGHT", "20240331T020000", "+0100", "+0200", "CEST")
            + observance("STANDARD", "20241027T030000", "+0200", "+0100", "CET")
            + observance("DAYLIGHT", "20250330T020000", "+0100", "+0200", "CEST")
            + observance("STANDARD", "20251026T030000", "+0200", "+0100", "CET")
            + observance("DAYLIGHT", "20260329T020000", "+0100", "+0200", "CEST")
            + observance("STANDARD", "20261025T030000", "+0200", "+0100", "CET")
            + ["END:VTIMEZONE"]
        #expect(calendar.component("VTIMEZONE") == expected)
    }

    @Test func timeZoneComesBeforeTheEvents() {
        let lines = RenderedCalendar(berlinDocument([event(start: local(2025, 11, 13, 18, 0))], name: "Termine"))
            .unfoldedLines
        #expect(
            Array(lines.prefix(9)) == [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Wegweiser//Wegweiser 0.1//DE", "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH", "X-WR-CALNAME:Termine", "X-WR-TIMEZONE:Europe/Berlin", "BEGIN:VTIMEZONE",
                "TZID:Europe/Berlin",
            ])
        #expect(lines.firstIndex(of: "END:VTIMEZONE")! < lines.firstIndex(of: "BEGIN:VEVENT")!)
    }

    @Test func spanCoversEveryYearOfTheEventsWithMargin() {
        let events = [
            event(start: local(2023, 5, 1, 10, 0)),
            event(start: date(2030, 1, 1)),  // writes no TZID, so it does not widen the span
            event(
                start: local(2024, 5, 1, 10, 0), recurrence: Recurrence(frequency: .monthly, until: date(2025, 12, 31))),
        ]
        let starts = RenderedCalendar(berlinDocument(events)).component("VTIMEZONE").filter { $0.hasPrefix("DTSTART:") }
        #expect(starts.first == "DTSTART:20220327T020000")
        #expect(starts.last == "DTSTART:20261025T030000")
        #expect(starts.count == 10)
    }

    @Test func zoneWithoutDaylightSavingTimeHasOneStandardObservance() {
        let calendar = RenderedCalendar(
            berlinDocument([event(start: local(2025, 11, 13, 18, 0))], timeZone: "Asia/Tokyo"))
        #expect(
            calendar.component("VTIMEZONE")
                == ["BEGIN:VTIMEZONE", "TZID:Asia/Tokyo"]
                + observance("STANDARD", "20240101T000000", "+0900", "+0900", "GMT+9") + ["END:VTIMEZONE"])
        #expect(calendar.firstEvent.contains("DTSTART;TZID=Asia/Tokyo:20251113T180000"))
        #expect(calendar.unfoldedLines.contains("X-WR-TIMEZONE:Asia/Tokyo"))
    }

    @Test func southernHemisphereStartsDaylightTimeInOctober() {
        let observances = CalendarZone(identifier: "Australia/Sydney").observances(years: 2025...2025)
        #expect(
            observances == [
                TimeZoneObservance(
                    kind: .standard, start: local(2025, 4, 6, 3, 0), offsetFrom: 39_600, offsetTo: 36_000,
                    name: "AEST"),
                TimeZoneObservance(
                    kind: .daylight, start: local(2025, 10, 5, 2, 0), offsetFrom: 36_000, offsetTo: 39_600,
                    name: "AEDT"),
            ])
    }

    /// TZNAME is the zone's own short name where British, American or Australian English has one, else the
    /// offset (Foundation's own abbreviation is the offset for every zone outside America).
    @Test(
        arguments: [
            ("Europe/Berlin", "CET", "CEST"), ("Europe/Kyiv", "EET", "EEST"), ("Europe/London", "GMT", "BST"),
            ("America/New_York", "EST", "EDT"), ("Australia/Sydney", "AEST", "AEDT"), ("Europe/Istanbul", "GMT+3", nil),
        ])
    func zonesAreNamedAsPeopleWriteThem(identifier: String, standard: String, daylight: String?) {
        let observances = CalendarZone(identifier: identifier).observances(years: 2025...2025)
        #expect(Set(observances.filter { $0.kind == .standard }.map(\.name)) == [standard])
        let daylightNames = Set(observances.filter { $0.kind == .daylight }.map(\.name))
        #expect(daylightNames == (daylight.map { [$0] } ?? []))
    }

    @Test func halfHourZoneWithoutDaylightSavingTime() {
        #expect(
            CalendarZone(identifier: "Asia/Kolkata").observances(years: 2025...2025) == [
                TimeZoneObservance(
                    kind: .standard, start: local(2025, 1, 1, 0, 0), offsetFrom: 19_800, offsetTo: 19_800,
                    name: "GMT+5:30")
            ])
    }

    @Test func noTimeZoneWithoutLocalTimes() {
        let events = [event(start: date(2025, 11, 13)), event(start: utc(2025, 11, 13, 17, 0))]
        #expect(!RenderedCalendar(berlinDocument(events)).text.contains("VTIMEZONE"))
    }

    @Test func timedEventWithADateEndNeedsTheZone() {
        let events = [event(start: utc(2025, 11, 13, 17, 0), end: date(2025, 11, 14))]
        let calendar = RenderedCalendar(berlinDocument(events))
        #expect(calendar.firstEvent.contains("DTEND;TZID=Europe/Berlin:20251114T000000"))
        #expect(calendar.component("VTIMEZONE").count == 2 + 6 * 6 + 1)
    }

    @Test func unknownZoneBecomesUTC() {
        for identifier in ["Mars/Olympus_Mons", ""] {
            let calendar = RenderedCalendar(
                berlinDocument([event(start: local(2025, 11, 13, 18, 0))], timeZone: identifier))
            #expect(calendar.unfoldedLines.contains("X-WR-TIMEZONE:UTC"))
            #expect(calendar.firstEvent.contains("DTSTART;TZID=UTC:20251113T180000"))
            #expect(
                calendar.component("VTIMEZONE")
                    == ["BEGIN:VTIMEZONE", "TZID:UTC"]
                    + observance("STANDARD", "20240101T000000", "+0000", "+0000", "GMT")
                    + ["END:VTIMEZONE"])
        }
    }

    @Test(
        arguments: [
            (0, "+0000"), (3600, "+0100"), (7200, "+0200"), (-12_600, "-0330"), (19_800, "+0530"), (20_700, "+0545"),
            (3601, "+010001"), (-1, "-000001"), (Int.min, "-995959"),
        ])
    func utcOffsetsAreWrittenAsHoursMinutesAndSeconds(seconds: Int, written: String) {
        #expect(TimeZoneObservance.utcOffset(seconds) == written)
    }

    @Test func extremeYearsStayBounded() {
        let zone = CalendarZone(identifier: "Europe/Berlin")
        #expect(zone.observances(years: 1...9999).count == CalendarZone.transitionLimit)
        #expect(zone.observances(years: 9999...10_001).count >= 1)
        #expect(zone.observances(years: Int.min...Int.max).count <= CalendarZone.transitionLimit)
    }
}
