import Foundation
import ICalendar
import Testing

@testable import Wegweiser

/// Every calendar file the golden sites contain is read back by an independent parser, Python's `icalendar`
/// (`make test` installs it), and each event carries what calendar apps need.
@Suite struct CalendarFileTests {
    @Test func everyGeneratedCalendarParsesWithPythonICalendar() throws {
        let files = Fixtures.cases(withExpectedFolder: true).flatMap { name in
            Fixtures.tree(Fixtures.root.appendingPathComponent(name).appendingPathComponent("expected")).keys
                .filter { $0.hasSuffix(".ics") }.sorted()
                .map {
                    Fixtures.root.appendingPathComponent(name).appendingPathComponent("expected")
                        .appendingPathComponent($0).path
                }
        }
        #expect(files.count >= 10)
        let script = """
            import sys, icalendar
            count = 0
            for path in sys.argv[1:]:
                data = open(path, 'rb').read()
                assert all(line.endswith(b'\\r') for line in data.split(b'\\n')[:-1]), path + ': a line without CRLF'
                assert all(len(line) <= 76 for line in data.split(b'\\n')), path + ': a line over 75 octets'
                calendar = icalendar.Calendar.from_ical(data)
                for event in calendar.walk('VEVENT'):
                    for key in ('UID', 'DTSTAMP', 'DTSTART', 'SUMMARY', 'URL'):
                        assert key in event, path + ': no ' + key
                    count += 1
            print(count)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + files
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(problems)")
        #expect((Int(printed.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) >= 10)
    }

    @Test func aMonthIsAllDayForTheWholeMonthAndEndsAreExclusive() {
        let calendar = EventCalendar(site: EventDateTests.site(now: "2025-01-01T00:00:00Z"))
        let (start, end) = calendar.times(start: EventDateTests.month(2025, 9), end: nil)
        #expect(start == .date(year: 2025, month: 9, day: 1))
        #expect(end == .date(year: 2025, month: 10, day: 1))
        let range = calendar.times(start: EventDateTests.day(2025, 11, 17), end: EventDateTests.day(2025, 12, 31))
        #expect(range.0 == .date(year: 2025, month: 11, day: 17))
        #expect(range.1 == .date(year: 2026, month: 1, day: 1))
        let months = calendar.times(start: EventDateTests.month(2025, 5), end: EventDateTests.month(2025, 9))
        #expect(months.1 == .date(year: 2025, month: 10, day: 1))
        let timed = calendar.times(start: EventDateTests.time(2025, 11, 13, 18, offset: 3600), end: nil)
        #expect(timed.0 == .utc(year: 2025, month: 11, day: 13, hour: 17, minute: 0, second: 0))
        #expect(timed.1 == nil)
    }
}
