import Foundation
import Wegweiser

/// The parsed command line.
struct Arguments {
    enum Command: String {
        case build, check, status, stamp, new, serve
    }

    enum StatusFormat: Equatable {
        case text
        case json
        case html(String)
    }

    var command: Command
    var options: BuildOptions
    var quiet = false
    /// Diagnostics as JSON on stdout (`--format json`).
    var jsonDiagnostics = false
    /// `status`: output format, one language only, and the state from which on it fails.
    var statusFormat = StatusFormat.text
    var language: String?
    var failOn: String?
    /// `stamp`: the files, and whether the edit to a source was minor.
    var files: [String] = []
    var minor = false
    /// `serve`: the port on 127.0.0.1.
    var port: UInt16 = 8080
    /// Whether "now" was given (`--now` or SOURCE_DATE_EPOCH): `serve` then keeps it instead of taking the time
    /// anew for each build.
    var nowIsFixed = false

    static let usage = """
        usage: wegweiser build [--content DIR] [--templates DIR] [--output DIR] [--drafts]
                               [--now ISO-DATE] [--base-url URL] [--jobs N] [--strict] [--format text|json] [--quiet]
               wegweiser check [same options]   check everything build checks, write nothing
               wegweiser status [--json | --html FILE] [--language CODE] [--fail-on outdated|missing]
                                [--content DIR] [--templates DIR]
               wegweiser stamp FILE… [--minor] [--content DIR] [--templates DIR]
               wegweiser new profile|guide|event|page LANG/PATH [--content DIR]
               wegweiser serve [--port 8080] [build's options]   build, show the site on http://127.0.0.1:PORT/,
                                                 and build again whenever content or templates change
               wegweiser --help | --version

        Exit codes: 0 success, 1 content or template errors, 2 usage error, 3 input/output failure.

        """

    struct UsageError: Error {
        var message: String
    }

    /// Parses `arguments` (without the program name); `environment` supplies SOURCE_DATE_EPOCH.
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> Arguments {
        guard let first = arguments.first else { throw UsageError(message: "no command given") }
        guard let command = Command(rawValue: first) else {
            throw UsageError(message: "unknown command `\(first)`")
        }
        var options = BuildOptions(now: Date())
        options.writeOutput = command == .build || command == .serve
        options.exitsAfterBuild = command != .serve
        let builds = command == .build || command == .check || command == .serve
        var parsed = Arguments(command: command, options: options)
        var quiet = false
        var now: Date?
        var index = 1
        func value(for flag: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(message: "\(flag) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--content": options.contentPath = try value(for: argument)
            case "--templates": options.templatesPath = try value(for: argument)
            case "--output": options.outputPath = try value(for: argument)
            case "--base-url":
                let url = try value(for: argument)
                // The same rule as `base_url` in site.yml, which this option replaces.
                if let problem = SiteConfig.baseURLProblem(url) {
                    throw UsageError(message: "--base-url `\(url)` \(problem)")
                }
                options.baseURL = url
            case "--drafts": options.includeDrafts = true
            case "--jobs" where builds:
                let text = try value(for: argument)
                guard let jobs = Int(text), jobs > 0, jobs <= 1024 else {
                    throw UsageError(message: "--jobs needs a number of threads from 1 to 1024, not `\(text)`")
                }
                options.jobs = jobs
            case "--quiet": quiet = true
            case "--strict" where builds: options.strict = true
            case "--format" where command == .build || command == .check:
                let format = try value(for: argument)
                guard format == "json" || format == "text" else {
                    throw UsageError(message: "--format takes `text` or `json`, not `\(format)`")
                }
                parsed.jsonDiagnostics = format == "json"
            case "--json" where command == .status: parsed.statusFormat = .json
            case "--html" where command == .status: parsed.statusFormat = .html(try value(for: argument))
            case "--language" where command == .status: parsed.language = try value(for: argument)
            case "--fail-on" where command == .status:
                let threshold = try value(for: argument)
                guard threshold == "outdated" || threshold == "missing" else {
                    throw UsageError(message: "--fail-on takes `outdated` or `missing`, not `\(threshold)`")
                }
                parsed.failOn = threshold
            case "--minor" where command == .stamp: parsed.minor = true
            case "--port" where command == .serve:
                let text = try value(for: argument)
                guard let port = UInt16(text) else {
                    throw UsageError(
                        message: "--port needs a port number from 0 to 65535 (0: any free one), not `\(text)`")
                }
                parsed.port = port
            case "--now":
                let text = try value(for: argument)
                guard let parsed = parseNow(text) else {
                    throw UsageError(
                        message: "--now needs a date such as 2025-11-13 or 2025-11-13T10:00:00Z, not `\(text)`")
                }
                guard startsWithExistingDate(text) else {
                    throw UsageError(message: "--now needs a date that exists in the calendar, not `\(text)`")
                }
                now = parsed
            default:
                guard command == .stamp || command == .new, !argument.hasPrefix("-") else {
                    throw UsageError(message: "unknown option `\(argument)` for `\(command.rawValue)`")
                }
                parsed.files.append(argument)
            }
            index += 1
        }
        if let now {
            options.now = now
            parsed.nowIsFixed = true
        } else if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(epoch) else {
                throw UsageError(message: "SOURCE_DATE_EPOCH must be whole seconds since 1970, not `\(epoch)`")
            }
            options.now = Date(timeIntervalSince1970: TimeInterval(seconds))
            parsed.nowIsFixed = true
        }
        if command == .new, parsed.files.count != 2 {
            throw UsageError(message: "new needs a kind and a path, e.g. wegweiser new event de/events/sommerfest")
        }
        if command == .stamp, parsed.files.isEmpty {
            throw UsageError(message: "stamp needs the files to mark, e.g. wegweiser stamp content/en/guides/arbeit.md")
        }
        if command == .serve {
            // The output must not be inside a watched folder: writing it would start the next build.
            let output = URL(fileURLWithPath: options.outputPath).standardizedFileURL.path + "/"
            for watched in [options.contentPath, options.templatesPath] {
                let folder = URL(fileURLWithPath: watched).standardizedFileURL.path + "/"
                if output.hasPrefix(folder) || folder.hasPrefix(output) {
                    throw UsageError(
                        message: "serve needs the output folder outside \(watched), and \(watched) outside it")
                }
            }
        }
        parsed.options = options
        parsed.quiet = quiet
        return parsed
    }

    /// `2025-11-13` (midnight UTC) or an RFC 3339 date-time.
    static func parseNow(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        if text.count == 10, let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        return formatter.date(from: text)
    }

    /// Whether the `YYYY-MM-DD` that every form of `--now` starts with is a real day: the formatter rolls days
    /// over, so `2026-02-30` would silently be 2 March.
    static func startsWithExistingDate(_ text: String) -> Bool {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return false
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) else { return false }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == year && back.month == month && back.day == day
    }
}
