import Foundation
import FrontMatter
import Testing

@testable import Wegweiser

/// A series is entered near the day asked for, by day arithmetic, and gives what walking it from its start with a
/// calendar gives.
@Suite struct RecurrenceSeriesTests {
    /// The series walked from its start with Foundation's calendar, as occurrences were found before.
    static func walked(_ recurrence: EventRecurrence, from start: LocalDate, count: Int) -> [LocalDate] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let first = calendar.date(from: DateComponents(year: start.year, month: start.month, day: start.day, hour: 12))!
        var days: [LocalDate] = []
        var step = 0
        while days.count < count, step < count * 12 {
            let date = calendar.date(byAdding: recurrence.unit.component, value: step * recurrence.interval, to: first)!
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            guard let day = LocalDate(year: parts.year!, month: parts.month!, day: parts.day!) else { break }
            if let until = recurrence.until, day > until { break }
            if recurrence.unit != .month || day.day == start.day { days.append(day) }
            step += 1
        }
        return days
    }

    @Test func dayNumbersCountDaysFrom1970() {
        #expect(LocalDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(LocalDate(year: 2000, month: 3, day: 1)!.dayNumber == 11_017)
        #expect(LocalDate(year: 1, month: 1, day: 1)!.dayNumber == -719_162)
        // Every day from 1895 to 2105 is one after the one before, and comes back from its number.
        var day = LocalDate(year: 1895, month: 1, day: 1)!
        var number = day.dayNumber
        while day.year < 2105 {
            #expect(LocalDate(dayNumber: number) == day)
            number += 1
            let next = LocalDate(dayNumber: number)!
            #expect(next > day)
            day = next
        }
        #expect(LocalDate(dayNumber: LocalDate(year: 9999, month: 12, day: 31)!.dayNumber + 1) == nil)
        #expect(LocalDate(dayNumber: LocalDate(year: 1, month: 1, day: 1)!.dayNumber - 1) == nil)
    }

    @Test(arguments: EventRecurrence.Unit.allCases, [1, 2, 3, 12])
    func enteringTheSeriesLaterGivesItsRest(unit: EventRecurrence.Unit, interval: Int) {
        let starts = [
            LocalDate(year: 2019, month: 1, day: 31)!, LocalDate(year: 2020, month: 2, day: 29)!,
            LocalDate(year: 2025, month: 11, day: 13)!,
        ]
        for start in starts {
            for until in [nil, LocalDate(year: 2027, month: 6, day: 30)] {
                let recurrence = EventRecurrence(unit: unit, interval: interval, until: until, exceptions: [])
                let all = Self.walked(recurrence, from: start, count: 4000)
                #expect(recurrence.occurrenceDays(from: start, limit: 400) == Array(all.prefix(400)))
                for earliest in [
                    start, LocalDate(year: 2026, month: 3, day: 1)!, LocalDate(year: 2027, month: 2, day: 28)!,
                ] {
                    // From the last occurrence on or before `earliest` (or the first, if none is).
                    let from = all.lastIndex { $0 <= earliest } ?? 0
                    let expected = Array(all[from...].prefix(5))
                    #expect(
                        recurrence.occurrenceDays(from: start, earliest: earliest, limit: 5) == expected,
                        "\(unit) every \(interval) from \(start) until \(until.map(EventDate.iso) ?? "-") after \(earliest)"
                    )
                }
            }
        }
    }

    /// Exceptions are checked against the series itself, however long it has run.
    @Test func exceptionsOfALongSeriesAreFoundWithoutWalkingIt() {
        let start = LocalDate(year: 2010, month: 1, day: 4)!
        let daily = EventRecurrence(
            unit: .day, interval: 1, until: nil,
            exceptions: [LocalDate(year: 2026, month: 12, day: 24)!, LocalDate(year: 2009, month: 12, day: 31)!])
        #expect(daily.strayExceptions(from: start) == [LocalDate(year: 2009, month: 12, day: 31)!])
        let monthly = EventRecurrence(
            unit: .month, interval: 2, until: LocalDate(year: 2030, month: 1, day: 1),
            exceptions: [
                LocalDate(year: 2026, month: 3, day: 4)!, LocalDate(year: 2026, month: 4, day: 4)!,
                LocalDate(year: 2030, month: 3, day: 4)!,
            ])
        #expect(
            monthly.strayExceptions(from: start) == [
                LocalDate(year: 2026, month: 4, day: 4)!, LocalDate(year: 2030, month: 3, day: 4)!,
            ])
    }

    /// A daily event that began years ago still has coming dates (the series used to end after 2,000 of them).
    @Test func longRunningDailyEventKeepsComingDates() {
        var page = Page(id: "events/treff", kind: .event, files: [:], data: [:], sourceLanguage: "de")
        page.start = EventDateTests.time(2019, 1, 7, 18)
        page.recurrence = EventRecurrence(unit: .day, interval: 1, until: nil, exceptions: [])
        let site = EventDateTests.site(now: "2026-03-20T12:00:00Z")
        #expect(
            site.nextOccurrences(page, count: 3).map(\.start.iso) == [
                "2026-03-20T18:00", "2026-03-21T18:00", "2026-03-22T18:00",
            ])
        #expect(!site.isPast(page))
    }
}
