import Foundation
import Testing

@testable import ICalendar

/// The files read back by Python's icalendar: values, recurrences and time zones as another
/// implementation understands them.
@Suite(.enabled(if: PythonICalendar.isAvailable, PythonICalendar.missingMessage))
struct PythonICalendarTests {
    @Test func goldenFileReadsBackAsWritten() throws {
        let reports = try PythonICalendar.read([GoldenFileTests.goldenFolder.appendingPathComponent("events.ics")])
        let report = try #require(reports.first)
        #expect(report.errors == [])
        #expect(report.name == "Veranstaltungen – Integration in Düsseldorf")
        #expect(report.timezone == "Europe/Berlin")
        #expect(report.zones.map(\.tzid) == ["Europe/Berlin"])
        #expect(report.zones.first?.mismatches == [])
        #expect(report.zones.first.map { $0.checked > 20_000 } == true)
        #expect(
            report.events == [
                PythonICalendar.EventReport(
                    uid: "events/integrationskonferenz-2025@integration.example.org",
                    summary: "Integrationskonferenz 2025: Vielfalt, Teilhabe; Zusammenhalt",
                    description: """
                        Die Konferenz bringt Verwaltung, Migrantenorganisationen und Ehrenamt zusammen.
                        Anmeldung bis 31.10.2025 – Plätze sind begrenzt.
                        Pfad: C:\\Konferenz
                        """,
                    location: "Rathaus, Marktplatz 2, 40213 Düsseldorf",
                    url: "https://integration.example.org/de/events/integrationskonferenz-2025/",
                    start: "2025-11-13T18:00:00+01:00", end: "2025-11-13T21:00:00+01:00",
                    stamp: "2025-10-01T06:00:00+00:00"),
                PythonICalendar.EventReport(
                    uid: "events/interkulturelle-woche-2025@integration.example.org",
                    summary: "أسبوع الثقافات المتعددة ٢٠٢٥",
                    description:
                        "مرحباً بكم في أسبوع الثقافات المتعددة في دوسلدورف، مع فعاليات يومية للعائلات والأطفال.",
                    location: "دوسلدورف",
                    url: "https://integration.example.org/ar/events/interkulturelle-woche-2025/",
                    start: "2025-09-21", end: "2025-09-28", stamp: "2025-10-01T06:00:00+00:00"),
                PythonICalendar.EventReport(
                    uid: "events/workshop-foerdermittelrecherche@integration.example.org",
                    summary: "Воркшоп: пошук фінансування 👩🏽‍💻",
                    location: "Online",
                    url: "https://integration.example.org/uk/events/workshop-foerdermittelrecherche/",
                    start: "2025-10-16T17:00:00+02:00", end: "2025-10-16T19:00:00+02:00",
                    stamp: "2025-10-01T06:00:00+00:00",
                    // Every second Thursday at 17:00 wall-clock time across the change to winter
                    // time, without 30 October and 27 November, up to and including 11 December.
                    occurrences: [
                        "2025-10-16T17:00:00+02:00", "2025-11-13T17:00:00+01:00", "2025-12-11T17:00:00+01:00",
                    ]),
                PythonICalendar.EventReport(
                    uid: "events/sprechstunde@integration.example.org",
                    summary: "Offene Sprechstunde",
                    start: "2025-01-06", end: "2025-01-07", stamp: "2025-10-01T06:00:00+00:00",
                    occurrences: ["2025-01-06", "2025-02-06", "2025-03-06", "2025-05-06", "2025-06-06"]),
                PythonICalendar.EventReport(
                    uid: "events/webinar-anerkennung@integration.example.org",
                    summary: "Webinar: Anerkennung ausländischer Abschlüsse",
                    start: "2025-12-03T16:00:00+00:00", end: "2025-12-03T17:30:00+00:00",
                    stamp: "2025-10-01T06:00:00+00:00"),
            ])
    }

    @Test func hostileTextAndOtherZonesReadBack() throws {
        let long = String(repeating: "مرحبا 👋🏾 e\u{301} ", count: 5_000)
        let events = [
            CalendarEvent(
                uid: "a,b;c\\d@example.org",
                summary: "Ctrl\u{0}\u{7}\u{1B}\u{7F}\u{85} CR\rLF\nCRLF\r\nTab\tEnd \\n",
                description: long,
                location: "",
                url: " https://example.org/a b?x=1,2;3\n",
                start: local(2025, 3, 30, 2, 30),
                end: local(2025, 3, 30, 4, 0),
                recurrence: Recurrence(frequency: .daily, until: date(2025, 4, 2)),
                exceptions: [date(2025, 4, 1)]),
            CalendarEvent(uid: "", summary: "", start: local(2025, 10, 26, 2, 30)),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("icalendar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [URL] = []
        for zone in ["Europe/Berlin", "Asia/Tokyo", "America/New_York", "Australia/Sydney", "Asia/Kolkata"] {
            let file = folder.appendingPathComponent("\(zone.replacingOccurrences(of: "/", with: "-")).ics")
            try Data(berlinDocument(events, name: "Zone \(zone)", timeZone: zone).render().utf8).write(to: file)
            files.append(file)
        }

        let reports = try PythonICalendar.read(files)
        #expect(reports.count == 5)
        for report in reports {
            #expect(report.errors == [])
            #expect(report.zones.count == 1)
            #expect(report.zones.first?.mismatches == [])
            #expect(report.events.count == 2)
            let first = try #require(report.events.first)
            #expect(first.uid == "a,b;c\\d@example.org")
            #expect(first.summary == "Ctrl CRLF\nCRLF\nTab\tEnd \\n")
            #expect(first.description == long)
            #expect(first.location == nil)
            #expect(first.url == "https://example.org/a%20b?x=1,2;3")
            #expect(first.occurrences?.count == 3)
            #expect(report.events.last?.uid == "")
        }
        // In Berlin, 02:30 on 30 March does not exist. RFC 5545 reads it with the offset before
        // the gap, +01:00 (01:30 UTC, 03:30 summer time), as Python does and as this module
        // converts it; the daily occurrences keep the written wall-clock time 02:30.
        let berlin = reports[0].events[0]
        #expect(berlin.start == "2025-03-30T02:30:00+01:00")
        #expect(CalendarZone(identifier: "Europe/Berlin").utc(local(2025, 3, 30, 2, 30)) == utc(2025, 3, 30, 1, 30))
        #expect(berlin.occurrences?.dropFirst() == ["2025-03-31T02:30:00+02:00", "2025-04-02T02:30:00+02:00"])
    }
}
