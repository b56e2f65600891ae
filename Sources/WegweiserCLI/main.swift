import Foundation
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

    let started = Date()
    let result = SiteGenerator.build(parsed.options)
    let formatter = DiagnosticFormatter(sources: result.sources)
    let annotate = environment["GITHUB_ACTIONS"] == "true"
    for diagnostic in result.diagnostics {
        printError(formatter.format(diagnostic))
        if annotate { print(formatter.annotation(diagnostic), terminator: "") }
    }
    let errors = result.diagnostics.filter { $0.severity == .error }.count
    let warnings = result.diagnostics.count - errors
    switch result.status {
    case .success:
        if !parsed.quiet {
            let seconds = Date().timeIntervalSince(started)
            let verb = parsed.command == .build ? "Built" : "Checked"
            printError(
                "\(verb) \(result.pageCount) pages in \(result.languageCount) languages in \(String(format: "%.1f", seconds)) s"
                    + (warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : "") + "\n")
        }
        return 0
    case .contentErrors:
        printError(
            "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); nothing was written\n"
        )
        return 1
    case .ioError:
        return 3
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

exit(run())
