import Foundation
import FrontMatter
import Testing

@testable import Wegweiser

/// Event dates: precision, ranges in the reader's locale, recurrence.
@Suite struct EventDateTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    static func day(_ y: Int, _ m: Int, _ d: Int) -> EventDate { .day(LocalDate(year: y, month: m, day: d)!) }
    static func month(_ y: Int, _ m: Int) -> EventDate { .month(YearMonth(year: y, month: m)!) }
    static func time(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ mi: Int = 0, offset: Int? = nil) -> EventDate {
        .time(
            DateTimeValue(
                date: LocalDate(year: y, month: m, day: d)!, time: LocalTime(hour: h, minute: mi)!,
                utcOffsetSeconds: offset))
    }

    @Test func isoKeepsThePrecision() {
        #expect(Self.month(2025, 9).iso == "2025-09")
        #expect(Self.day(2025, 11, 13).iso == "2025-11-13")
        #expect(Self.time(2025, 11, 13, 18).iso == "2025-11-13T18:00")
        #expect(Self.time(2025, 11, 13, 18, offset: 3600).iso == "2025-11-13T18:00+01:00")
        #expect(Self.time(2025, 11, 13, 18).isoWithOffset(in: Self.berlin) == "2025-11-13T18:00+01:00")
        #expect(Self.time(2025, 7, 13, 18).isoWithOffset(in: Self.berlin) == "2025-07-13T18:00+02:00")
        // Small years and months are padded; seconds only when set; UTC as `Z`; offsets west of Greenwich.
        #expect(Self.month(7, 1).iso == "0007-01")
        #expect(Self.day(999, 2, 3).iso == "0999-02-03")
        #expect(Self.time(2025, 1, 2, 3, 4, offset: 0).iso == "2025-01-02T03:04Z")
        #expect(Self.time(2025, 1, 2, 3, 4, offset: -(9 * 3600 + 30 * 60)).iso == "2025-01-02T03:04-09:30")
        let withSeconds = EventDate.time(
            DateTimeValue(
                date: LocalDate(year: 9999, month: 12, day: 31)!, time: LocalTime(hour: 23, minute: 59, second: 5)!,
                utcOffsetSeconds: 14 * 3600))
        #expect(withSeconds.iso == "9999-12-31T23:59:05+14:00")
    }

    @Test(arguments: [
        (0, 2, "00"), (7, 2, "07"), (42, 2, "42"), (123, 2, "123"), (2025, 4, "2025"), (5, 0, "5"), (-5, 3, "-005"),
        (Int.max, 1, "9223372036854775807"), (Int.min, 1, "-9223372036854775808"),
    ])
    func paddedNumbers(value: Int, width: Int, expected: String) {
        #expect(StringAssembly.make(capacity: 32) { $0.append(padded: value, width: width) } == expected)
    }

    @Test func monthsAndDaysCoverTheirWholeSpan() {
        let september = Self.month(2025, 9)
        #expect(ISO8601DateFormatter().string(from: september.firstInstant(in: Self.berlin)) == "2025-08-31T22:00:00Z")
        #expect(ISO8601DateFormatter().string(from: september.lastInstant(in: Self.berlin)) == "2025-09-30T22:00:00Z")
        #expect(
            ISO8601DateFormatter().string(from: Self.day(2025, 3, 30).lastInstant(in: Self.berlin))
                == "2025-03-30T22:00:00Z")
    }

    @Test(arguments: [
        ("de", "13. November 2025, 18:00–21:00 Uhr"),
        ("en-GB", "13 November 2025, 18:00\u{2009}–\u{2009}21:00"),
        ("ar", "13 نوفمبر، 2025، 6:00–9:00\u{A0}م"),
    ])
    func timeRangeOnOneDay(locale: String, expected: String) {
        let when = DateFormatting(localeIdentifier: locale).when(
            start: Self.time(2025, 11, 13, 18), end: Self.time(2025, 11, 13, 21))
        #expect(when == expected)
    }

    @Test(arguments: [
        (
            "de", "17. November\u{2009}–\u{2009}31. Dezember 2025", "7.–25. Juli 2025",
            "Mai\u{2009}–\u{2009}September 2025", "September 2025"
        ),
        (
            "en-GB", "17 November\u{2009}–\u{2009}31 December 2025", "7\u{2009}–\u{2009}25 July 2025",
            "May\u{2009}–\u{2009}September 2025", "September 2025"
        ),
        ("ar", "17 نوفمبر – 31 ديسمبر 2025", "7–25 يوليو 2025", "مايو\u{2009}–\u{2009}سبتمبر 2025", "سبتمبر 2025"),
    ])
    func rangesCollapseWhatTheyShare(locale: String, days: String, sameMonth: String, months: String, month: String) {
        let dates = DateFormatting(localeIdentifier: locale)
        #expect(dates.when(start: Self.day(2025, 11, 17), end: Self.day(2025, 12, 31)) == days)
        #expect(dates.when(start: Self.day(2025, 7, 7), end: Self.day(2025, 7, 25)) == sameMonth)
        #expect(dates.when(start: Self.month(2025, 5), end: Self.month(2025, 9)) == months)
        #expect(dates.when(start: Self.month(2025, 9), end: nil) == month)
        #expect(dates.when(start: Self.month(2025, 9), end: Self.month(2025, 9)) == month)
    }

    @Test func farsiMonthRangeNamesBothMonths() {
        #expect(
            DateFormatting(localeIdentifier: "fa").when(start: Self.month(2025, 5), end: Self.month(2025, 9))
                == "مه\u{2009}–\u{2009}سپتامبر ۲۰۲۵")
    }

    @Test func weeklyRecurrenceSkipsExceptionsAndKeepsWallClockAcrossDST() {
        let recurrence = EventRecurrence(
            unit: .week, interval: 1, until: LocalDate(year: 2026, month: 4, day: 9),
            exceptions: [LocalDate(year: 2026, month: 3, day: 26)!])
        let days = recurrence.occurrenceDays(from: LocalDate(year: 2026, month: 3, day: 19)!, limit: 10)
        #expect(days.map(EventDate.iso) == ["2026-03-19", "2026-03-26", "2026-04-02", "2026-04-09"])

        var page = Page(id: "events/kurs", kind: .event, files: [:], data: [:], sourceLanguage: "de")
        page.start = Self.time(2026, 3, 19, 18)
        page.end = Self.time(2026, 3, 19, 20)
        page.recurrence = recurrence
        let site = Self.site(now: "2026-03-20T12:00:00Z")
        let next = site.nextOccurrences(page, count: 5)
        #expect(next.map(\.start.iso) == ["2026-04-02T18:00", "2026-04-09T18:00"])
        #expect(
            next.map { ISO8601DateFormatter().string(from: $0.start.firstInstant(in: Self.berlin)) }
                == ["2026-04-02T16:00:00Z", "2026-04-09T16:00:00Z"])
        #expect(!site.isPast(page))
        #expect(Self.site(now: "2026-04-09T18:30:00Z").isPast(page))
    }

    @Test func monthlyRecurrenceOnThe31stSkipsShortMonths() {
        let recurrence = EventRecurrence(unit: .month, interval: 1, until: nil, exceptions: [])
        let days = recurrence.occurrenceDays(from: LocalDate(year: 2025, month: 10, day: 31)!, limit: 3)
        #expect(days.map(EventDate.iso) == ["2025-10-31", "2025-12-31", "2026-01-31"])
    }

    @Test func everySecondDayAndStrayExceptions() {
        let recurrence = EventRecurrence(
            unit: .day, interval: 2, until: nil,
            exceptions: [LocalDate(year: 2025, month: 1, day: 3)!, LocalDate(year: 2025, month: 1, day: 4)!])
        let start = LocalDate(year: 2025, month: 1, day: 1)!
        #expect(
            recurrence.occurrenceDays(from: start, limit: 3).map(EventDate.iso) == [
                "2025-01-01", "2025-01-03", "2025-01-05",
            ])
        #expect(recurrence.strayExceptions(from: start).map(EventDate.iso) == ["2025-01-04"])
    }

    static func site(now: String) -> Site {
        let config = SiteConfig(
            titles: [:], baseURL: "https://example.org/", defaultLanguage: "de", timeZone: "Europe/Berlin",
            languages: [Language(code: "de", name: "Deutsch")], fallbackPages: true)
        return Site(
            config: config, pages: [:], order: [], strings: UIStrings(tables: [:]),
            now: ISO8601DateFormatter().date(from: now)!, timeZone: berlin)
    }
}
