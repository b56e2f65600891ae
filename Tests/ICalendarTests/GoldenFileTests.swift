import Foundation
import Testing

@testable import ICalendar

/// The whole file for a small document, compared byte for byte with `Golden/events.ics`.
/// `ICALENDAR_RECORD=1` rewrites the golden file; review the diff before committing it.
@Suite struct GoldenFileTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden")

    @Test func sampleCalendarMatchesTheGoldenFile() throws {
        let url = Self.goldenFolder.appendingPathComponent("events.ics")
        let rendered = sampleCalendar.render()
        if ProcessInfo.processInfo.environment["ICALENDAR_RECORD"] == "1" {
            try Data(rendered.utf8).write(to: url)
        }
        let golden = try Data(contentsOf: url)
        #expect(Array(rendered.utf8) == Array(golden), "run with ICALENDAR_RECORD=1 to rewrite \(url.path)")
    }

    @Test func renderingIsDeterministic() {
        #expect(sampleCalendar.render() == sampleCalendar.render())
    }
}
