import Foundation
import Testing

/// Python's `icalendar` package (with `dateutil` for recurrences) as an independent reader of
/// the files this module writes: it parses them the way many calendar tools do.
enum PythonICalendar {
    /// Whether `python3 -c "import icalendar"` succeeds.
    static let isAvailable: Bool = (try? run(["-c", "import icalendar, dateutil"]).status) == 0

    /// Why the tests that need it are skipped where it is missing.
    static let missingMessage: Comment = "python3 with the icalendar package is missing (pip install icalendar)"

    /// What Python read from each file.
    struct FileReport: Decodable, Equatable {
        /// Parse errors icalendar recorded, as `COMPONENT PROPERTY: message`.
        var errors: [String]
        var name: String?
        var timezone: String?
        var zones: [ZoneReport]
        var events: [EventReport]
    }

    /// A VTIMEZONE read on its own (not looked up by TZID) and compared with the IANA zone.
    struct ZoneReport: Decodable, Equatable {
        var tzid: String
        /// How many hourly instants were compared.
        var checked: Int
        /// The instants where the VTIMEZONE's offset differs from the IANA zone's.
        var mismatches: [String]
    }

    /// One VEVENT: its values decoded, and for a recurring event the occurrences dateutil
    /// expands from RRULE and EXDATE (at most 30).
    struct EventReport: Decodable, Equatable {
        var uid: String
        var summary: String
        var description: String?
        var location: String?
        var url: String?
        var start: String
        var end: String?
        var stamp: String
        var occurrences: [String]?
    }

    /// Runs the reader on the files.
    static func read(_ files: [URL]) throws -> [FileReport] {
        let result = try run(["-c", script] + files.map(\.path))
        guard result.status == 0 else {
            throw ReadError(message: String(decoding: result.error, as: UTF8.self))
        }
        return try JSONDecoder().decode([FileReport].self, from: result.output)
    }

    struct ReadError: Error, CustomStringConvertible {
        var message: String
        var description: String { "python3 failed: \(message)" }
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: Data, error: Data) {
        // Standard error goes to a file, so that only one pipe has to be drained and a full
        // pipe cannot block the child.
        let errorFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("icalendar-python-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        defer { try? errorHandle.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, outputData, (try? Data(contentsOf: errorFile)) ?? Data())
    }

    static let script = #"""
        import datetime, json, sys, zoneinfo
        import icalendar
        from dateutil.rrule import rruleset, rrulestr

        def text(component, name):
            return str(component[name]) if name in component else None

        def iso(value):
            return value.isoformat()

        def exdates(event):
            found = event.get('EXDATE')
            if found is None:
                return []
            lists = found if isinstance(found, list) else [found]
            return [d.dt for l in lists for d in l.dts]

        def occurrences(event):
            start = event.decoded('DTSTART')
            all_day = not isinstance(start, datetime.datetime)
            def as_datetime(v):
                return datetime.datetime.combine(v, datetime.time()) if all_day else v
            rules = rruleset()
            rules.rrule(rrulestr(event['RRULE'].to_ical().decode(), dtstart=as_datetime(start)))
            for d in exdates(event):
                rules.exdate(as_datetime(d))
            result = []
            for o in rules:
                result.append(o.date().isoformat() if all_day else o.isoformat())
                if len(result) == 30:
                    break
            return result

        def zone_report(vtimezone):
            tzid = str(vtimezone['TZID'])
            ours = vtimezone.to_tz(lookup_tzid=False)
            reference = zoneinfo.ZoneInfo(tzid)
            starts = [s.decoded('DTSTART') for s in vtimezone.walk() if s.name in ('STANDARD', 'DAYLIGHT')]
            first = min(starts).replace(tzinfo=datetime.timezone.utc) + datetime.timedelta(days=1)
            end = datetime.datetime(max(starts).year + 1, 1, 1, tzinfo=datetime.timezone.utc)
            checked, mismatches, instant = 0, [], first
            while instant < end:
                if instant.astimezone(ours).utcoffset() != instant.astimezone(reference).utcoffset():
                    mismatches.append(instant.isoformat())
                checked += 1
                instant += datetime.timedelta(hours=1)
            return {'tzid': tzid, 'checked': checked, 'mismatches': mismatches[:10]}

        reports = []
        for path in sys.argv[1:]:
            calendar = icalendar.Calendar.from_ical(open(path, 'rb').read())
            errors = [f'{c.name} {p}: {m}' for c in calendar.walk() for (p, m) in c.errors]
            events = []
            for event in calendar.walk('VEVENT'):
                events.append({
                    'uid': str(event['UID']),
                    'summary': str(event['SUMMARY']),
                    'description': text(event, 'DESCRIPTION'),
                    'location': text(event, 'LOCATION'),
                    'url': text(event, 'URL'),
                    'start': iso(event.decoded('DTSTART')),
                    'end': iso(event.decoded('DTEND')) if 'DTEND' in event else None,
                    'stamp': iso(event.decoded('DTSTAMP')),
                    'occurrences': occurrences(event) if 'RRULE' in event else None,
                })
            reports.append({
                'errors': errors,
                'name': text(calendar, 'X-WR-CALNAME'),
                'timezone': text(calendar, 'X-WR-TIMEZONE'),
                'zones': [zone_report(z) for z in calendar.walk('VTIMEZONE')],
                'events': events,
            })
        json.dump(reports, sys.stdout, ensure_ascii=False)
        """#
}
