import Foundation
import Testing

@testable import Wegweiser

/// Event times written with a UTC offset are shown in the site's time zone, as the calendar file has them; local
/// times are shown as written.
@Suite struct EventOffsetTests {
    /// Templates that print what a reader sees of an event: its `when`, the `start` given to `<time datetime>`, the
    /// `date` filter on it, and its next dates; the list prints each card's `when`.
    static let templates: [String: String] = {
        var templates = HostileSite.templates
        templates["event.html"] = """
            {{ page.when }}|{{ page.start }}|{{ page.start | date: "datetime" }}
            {% for date in page.next_dates %}{{ date.when }}|{{ date.start }}
            {% endfor %}
            """
        templates["list.html"] = """
            {% for p in pages %}{{ p.title }}: {{ p.when }}
            {% endfor %}
            """
        return templates
    }()

    static func site(timeZone: String, events: [String: String]) -> HostileSite {
        var content = ["site.yml": HostileSite.siteYML.replacingOccurrences(of: "Europe/Berlin", with: timeZone)]
        for (slug, frontMatter) in events { content["de/events/\(slug).md"] = "---\n\(frontMatter)\n---\nText\n" }
        return HostileSite(content: content, templates: templates)
    }

    /// 18:00–20:00 UTC is 19:00–21:00 in Düsseldorf in winter, on the page, in the list and in the calendar.
    @Test func utcTimeIsShownInTheSitesZone() throws {
        let site = Self.site(
            timeZone: "Europe/Berlin",
            events: ["utc": "title: UTC\nstart: 2026-02-03T18:00:00Z\nend: 2026-02-03T20:00:00Z"])
        defer { site.remove() }
        let result = site.build()
        #expect(site.printed(result) == "")
        #expect(
            site.file("de/events/utc/index.html")
                == "3. Februar 2026, 19:00–21:00 Uhr|2026-02-03T18:00Z|3. Februar 2026 um 19:00\n")
        #expect(site.file("de/events/index.html") == "UTC: 3. Februar 2026, 19:00–21:00 Uhr\n")
        let calendar = try #require(site.file("de/events/utc/event.ics"))
        #expect(calendar.contains("\r\nDTSTART:20260203T180000Z\r\nDTEND:20260203T200000Z\r\n"))
    }

    /// +14:00 and -12:00 are 26 hours apart: the page shows two days, not the same time twice.
    @Test func offsetsAtBothEndsOfTheWorldShowTheirRealDistance() {
        let site = Self.site(
            timeZone: "Europe/Berlin",
            events: ["weit": "title: Weit\nstart: 2026-02-03T18:00:00+14:00\nend: 2026-02-03T18:00:00-12:00"])
        defer { site.remove() }
        let result = site.build()
        #expect(site.printed(result) == "")
        let when = "3. Februar 2026 um 05:00\u{2009}–\u{2009}4. Februar 2026 um 07:00"
        #expect(
            site.file("de/events/weit/index.html")
                == "\(when)|2026-02-03T18:00+14:00|3. Februar 2026 um 05:00\n")
        #expect(site.file("de/events/index.html") == "Weit: \(when)\n")
    }

    /// In New York a weekly event at 18:00 UTC is at 13:00 before the change to summer time (8 March 2026) and at
    /// 14:00 after it, as its RRULE from a UTC start has it; an event written without an offset keeps its 18:00.
    @Test func otherSiteZoneAndRecurrenceAcrossSummerTime() {
        let site = Self.site(
            timeZone: "America/New_York",
            events: [
                "kurs": """
                title: Kurs
                start: 2026-03-05T18:00:00Z
                end: 2026-03-05T19:00:00Z
                recurrence:
                  every: week
                  until: 2026-03-19
                """,
                "lokal": "title: Lokal\nstart: 2026-03-05T18:00\nend: 2026-03-05T19:00",
            ])
        defer { site.remove() }
        let result = site.build()
        #expect(site.printed(result) == "")
        #expect(
            site.file("de/events/kurs/index.html") == """
                5. März 2026, 13:00–14:00 Uhr|2026-03-05T18:00Z|5. März 2026 um 13:00
                5. März 2026, 13:00–14:00 Uhr|2026-03-05T18:00Z
                12. März 2026, 14:00–15:00 Uhr|2026-03-12T18:00Z
                19. März 2026, 14:00–15:00 Uhr|2026-03-19T18:00Z

                """)
        #expect(
            site.file("de/events/lokal/index.html")
                == "5. März 2026, 18:00–19:00 Uhr|2026-03-05T18:00|5. März 2026 um 18:00\n")
    }

    /// The `date` filter reads an offset wherever it ends the text; without one, or after a date, nothing moves.
    @Test(arguments: [
        ("2026-02-03T18:00Z", "time", "19:00"),
        ("2026-02-03T18:00:30+00:00", "time", "19:00"),
        ("2026-02-03T18:00:00.250-0530", "datetime", "4. Februar 2026 um 00:30"),
        ("2026-02-03T00:30+14:00", "datetime", "2. Februar 2026 um 11:30"),
        ("2026-02-03T18:00", "time", "18:00"),
        ("2026-02-03", "long", "3. Februar 2026"),
    ])
    func dateFilterShowsOffsetTimesInTheSitesZone(iso: String, style: String, expected: String) {
        let dates = DateFormatting(localeIdentifier: "de", timeZone: TimeZone(identifier: "Europe/Berlin")!)
        #expect(dates.format(iso, style: DateFormatting.Style(rawValue: style)!) == expected)
    }
}
