import Foundation
import Preview
import Wegweiser

/// Parses the command line, runs one command, prints diagnostics, exits with DESIGN.md's codes.
func run() -> Int32 {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.isEmpty || arguments.contains("--help") || arguments.contains("-h") {
        print(Arguments.usage, terminator: "")
        return arguments.isEmpty ? 2 : 0
    }
    if arguments == ["--version"] {
        print("wegweiser \(Version.current)")
        return 0
    }
    let environment = ProcessInfo.processInfo.environment
    let parsed: Arguments
    do {
        parsed = try Arguments.parse(arguments, environment: environment)
    } catch {
        printError("wegweiser: \(error.message)\n\n" + Arguments.usage)
        return 2
    }
    let printer = DiagnosticPrinter(annotate: environment["GITHUB_ACTIONS"] == "true")
    switch parsed.command {
    case .build, .check: return build(parsed, printer: printer)
    case .serve: return serve(parsed, printer: printer)
    case .status: return status(parsed, printer: printer)
    case .stamp: return stamp(parsed, printer: printer)
    case .new:
        let result = NewPage.create(kind: parsed.files[0], target: parsed.files[1], options: parsed.options)
        printer.print(result.diagnostics, sources: [:])
        guard let path = result.path else { return 1 }
        printError("created \(path)\n")
        return 0
    }
}

func build(_ parsed: Arguments, printer: DiagnosticPrinter) -> Int32 {
    let started = Date()
    let result = SiteGenerator.build(withProgress(parsed, started: started))
    return report(
        result, parsed, printer: printer, verb: parsed.command == .build ? "Built" : "Checked", since: started)
}

/// The options, with a progress line on a terminal only, and only once a build has taken a second.
func withProgress(_ parsed: Arguments, started: Date) -> BuildOptions {
    var options = parsed.options
    if !parsed.quiet, isatty(STDERR_FILENO) == 1 {
        options.progress = { done, total in
            guard Date().timeIntervalSince(started) > 1 else { return }
            printError("\r\(done) / \(total) pages" + (done == total ? "\r\u{1B}[K" : ""))
        }
    }
    return options
}

/// Prints a build's diagnostics and its one-line summary; gives the exit code.
func report(
    _ result: BuildResult, _ parsed: Arguments, printer: DiagnosticPrinter, verb: String, since started: Date,
    decimals: Int = 1
) -> Int32 {
    printer.print(result.diagnostics, sources: result.sources)
    if parsed.jsonDiagnostics { print(Diagnostic.json(result.diagnostics), terminator: "") }
    let warnings = result.diagnostics.filter { $0.severity == .warning }.count
    switch result.status {
    case .success:
        if !parsed.quiet {
            let seconds = String(format: "%.\(decimals)f", Date().timeIntervalSince(started))
            var notes: [String] = []
            if result.renderedCount < result.pageCount {
                notes.append(
                    "\(grouped(result.renderedCount)) rendered, \(grouped(result.pageCount - result.renderedCount)) unchanged"
                )
            }
            if warnings > 0 { notes.append(count(warnings, "warning")) }
            let noted = notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))"
            printError(
                "\(verb) \(count(result.pageCount, "page")) in \(count(result.languageCount, "language")) in \(seconds) s\(noted)\n"
            )
        }
        return 0
    case .contentErrors:
        printError("\(Diagnostic.summary(result.diagnostics)); nothing was written\n")
        return 1
    case .ioError:
        return 3
    case .unusableOutput:
        return 2
    }
}

/// Builds, serves the output on 127.0.0.1, and builds again after every change to content or templates, until
/// the process is stopped. Only failing to listen or to watch ends it (exit code 3).
func serve(_ parsed: Arguments, printer: DiagnosticPrinter) -> Int32 {
    // Ctrl-C and `kill` stop it even when the process that started it had blocked those signals (a child process
    // inherits the blocked set).
    var stopping = sigset_t()
    sigemptyset(&stopping)
    for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stopping, signal) }
    sigprocmask(SIG_UNBLOCK, &stopping, nil)
    let options = parsed.options
    // Without --now, each build takes the time anew: a preview left running overnight or past an event's end
    // shows the new day and the event among the past ones at the next save.
    var clock: (@Sendable () -> Date)?
    if !parsed.nowIsFixed { clock = { @Sendable in Date() } }
    let session = BuildSession(options: options, clock: clock)
    let watcher: FolderWatcher
    let server: PreviewServer
    do throws(PreviewFailure) {
        // Watching starts before the first build, so that a change made during it is not missed.
        watcher = try FolderWatcher(roots: [session.contentRoot, options.templatesPath])
        server = try PreviewServer(root: options.outputPath, port: parsed.port)
    } catch {
        printError("wegweiser: \(error.message)\n")
        return 3
    }
    var started = Date()
    let first = session.build()
    let code = report(first, parsed, printer: printer, verb: "Built", since: started)
    // An output that must not be replaced will not become usable by editing content.
    if first.status == .unusableOutput { return code }
    Thread.detachNewThread { server.run() }
    printError("Serving \(options.outputPath) at http://127.0.0.1:\(server.port)/ (Ctrl-C stops)\n")
    while true {
        // Woken also when the day ends or an event does, so that the served site moves on without a save.
        let changes = watcher.next(timeout: session.millisecondsUntilOutOfDate)
        guard
            session.isOutOfDate || changes.everything
                || changes.paths.contains(where: { session.change(at: $0) != .ignored })
        else { continue }
        started = Date()
        let result = session.rebuild(changed: changes.paths, everything: changes.everything)
        _ = report(result, parsed, printer: printer, verb: "Rebuilt", since: started, decimals: 2)
        session.writeCache()
        // What was deleted from the output by hand, written again after the save's page is shown. Any other build
        // has looked up every file of the output already (or written them all).
        guard session.tookBodiesOnly else { continue }
        started = Date()
        if let restored = session.restoreDeletedFiles() {
            _ = report(restored, parsed, printer: printer, verb: "Restored", since: started, decimals: 2)
        }
    }
}

func status(_ parsed: Arguments, printer: DiagnosticPrinter) -> Int32 {
    let (report, diagnostics, sources, directions) = SiteGenerator.translationReport(
        parsed.options, language: parsed.language)
    printer.print(diagnostics, sources: sources)
    guard let report else { return 1 }
    switch parsed.statusFormat {
    case .text: print(report.text(), terminator: "")
    case .json: print(report.json(), terminator: "")
    case .html(let path):
        if let problem = OutputPlace.reportProblem(
            path: path, content: parsed.options.contentPath, templates: parsed.options.templatesPath)
        {
            printError("\(path):1:1: error: \(problem)\n")
            return 2
        }
        do {
            try Data(report.html(languageDirections: directions).utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            printError("\(path):1:1: error: cannot write the report: \(error.localizedDescription)\n")
            return 3
        }
    }
    // A page with an error (broken front matter, say) is missing from the report or shown wrongly.
    if diagnostics.contains(where: { $0.severity == .error }) { return 1 }
    switch parsed.failOn {
    case "outdated": return report.worst >= .outdated ? 1 : 0
    case "missing": return report.worst >= .fallback ? 1 : 0
    default: return 0
    }
}

func stamp(_ parsed: Arguments, printer: DiagnosticPrinter) -> Int32 {
    let result = Stamp.run(files: parsed.files, minor: parsed.minor, options: parsed.options)
    printer.print(result.diagnostics, sources: result.sources)
    if !parsed.quiet {
        for file in result.changedFiles { printError("stamped \(file)\n") }
    }
    return result.diagnostics.contains { $0.severity == .error } ? 1 : 0
}

/// Prints diagnostics to stderr, and as GitHub annotations to stdout when running in GitHub Actions.
struct DiagnosticPrinter {
    var annotate: Bool

    func print(_ diagnostics: [Diagnostic], sources: [String: String]) {
        guard !diagnostics.isEmpty else { return }
        // Only the files named are split into lines.
        let named = Set(diagnostics.map(\.file))
        let formatter = DiagnosticFormatter(sources: sources.filter { named.contains($0.key) })
        for diagnostic in diagnostics {
            printError(formatter.format(diagnostic))
            if annotate { Swift.print(formatter.annotation(diagnostic), terminator: "") }
        }
    }
}

func count(_ number: Int, _ noun: String) -> String {
    "\(grouped(number)) \(noun)\(number == 1 ? "" : "s")"
}

/// `50000` → `50,000`: the command line speaks English.
func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var out = number < 0 ? "-" : ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return out
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

exit(run())
