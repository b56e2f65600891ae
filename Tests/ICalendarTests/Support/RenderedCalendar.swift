import Foundation

@testable import ICalendar

/// A rendered calendar split the ways the tests look at it.
struct RenderedCalendar {
    /// The file as `render()` returned it.
    let text: String

    init(_ document: CalendarDocument) {
        text = document.render()
    }

    init(text: String) {
        self.text = text
    }

    /// The physical lines without their CRLF (the file ends in CRLF, so nothing follows the last).
    var physicalLines: [String] {
        var lines = text.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The content lines after unfolding (RFC 5545 3.1: CRLF followed by one space or tab is removed).
    var unfoldedLines: [String] {
        var lines: [String] = []
        for line in physicalLines {
            if let first = line.unicodeScalars.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += String(String.UnicodeScalarView(line.unicodeScalars.dropFirst()))
            } else {
                lines.append(line)
            }
        }
        return lines
    }

    /// The unfolded lines of the first component named `name`, BEGIN to END inclusive.
    func component(_ name: String, occurrence: Int = 0) -> [String] {
        var found = 0
        var result: [String] = []
        var inside = false
        for line in unfoldedLines {
            if line == "BEGIN:\(name)" {
                if found == occurrence { inside = true }
                found += 1
            }
            if inside { result.append(line) }
            if inside && line == "END:\(name)" { return result }
        }
        return result
    }

    /// The unfolded lines of the first VEVENT, without BEGIN and END.
    var firstEvent: [String] {
        Array(component("VEVENT").dropFirst().dropLast())
    }
}

/// A document with the project's product id, Berlin time and a fixed stamp.
func berlinDocument(_ events: [CalendarEvent], name: String? = nil, timeZone: String = "Europe/Berlin")
    -> CalendarDocument
{
    CalendarDocument(
        productID: "-//Wegweiser//Wegweiser 0.1//DE",
        name: name,
        timeZone: timeZone,
        stamp: .utc(year: 2025, month: 10, day: 1, hour: 6, minute: 0, second: 0),
        events: events)
}

/// A minimal event for property tests.
func event(
    start: CalendarTime, end: CalendarTime? = nil, recurrence: Recurrence? = nil, exceptions: [CalendarTime] = []
) -> CalendarEvent {
    CalendarEvent(
        uid: "test@integration.example.org", summary: "Test", start: start, end: end, recurrence: recurrence,
        exceptions: exceptions)
}

/// `.local` without argument labels, for short tables.
func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> CalendarTime {
    .local(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
}

/// `.utc` without argument labels.
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> CalendarTime {
    .utc(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
}

/// `.date` without argument labels.
func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarTime {
    .date(year: year, month: month, day: day)
}
