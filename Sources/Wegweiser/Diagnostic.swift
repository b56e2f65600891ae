import FrontMatter

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One problem found in a file: where it is, how serious, and what to do.
///
/// `file` is the path as the user gave it (e.g. `content/de/guides/arbeit.md`),
/// so that editors and CI can jump to it.
public struct Diagnostic: Sendable, Hashable, Comparable {
    public var file: String
    public var position: TextPosition
    public var severity: Severity
    public var message: String

    public init(file: String, position: TextPosition, severity: Severity = .error, message: String) {
        self.file = file
        self.position = position
        self.severity = severity
        self.message = message
    }

    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String) {
        self.init(file: file, position: TextPosition(line: line, column: column), severity: severity, message: message)
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.position.line, lhs.position.column, lhs.message)
            < (rhs.file, rhs.position.line, rhs.position.column, rhs.message)
    }
}

/// The diagnostics of one build, or the reason a build stopped.
public struct BuildFailure: Error, Sendable {
    public enum Reason: Sendable {
        /// Content or template errors (exit code 1).
        case content
        /// Reading or writing failed (exit code 3).
        case io
    }
    public var reason: Reason
    public var diagnostics: [Diagnostic]
}

extension Diagnostic {
    /// The diagnostics as a JSON array for tools: `[{"file":…,"line":…,"column":…,"severity":…,"message":…}]`.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { diagnostic in
            JSONValue.object([
                ("file", .string(diagnostic.file)), ("line", .number(diagnostic.position.line)),
                ("column", .number(diagnostic.position.column)), ("severity", .string(diagnostic.severity.rawValue)),
                ("message", .string(diagnostic.message)),
            ]).text
        }
        return items.isEmpty ? "[]\n" : "[\n  " + items.joined(separator: ",\n  ") + "\n]\n"
    }

    /// `diagnostics` (sorted) with at most `limit` per file: a file that went wrong in thousands of places
    /// (a generated or pasted file) gets its first problems and one line saying how many more there are.
    public static func limited(_ diagnostics: [Diagnostic], perFile limit: Int = 50) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var index = 0
        while index < diagnostics.count {
            let file = diagnostics[index].file
            var end = index
            while end < diagnostics.count, diagnostics[end].file == file { end += 1 }
            let group = diagnostics[index..<end]
            result += group.prefix(limit)
            if group.count > limit {
                let rest = group.dropFirst(limit)
                result.append(
                    Diagnostic(
                        file: file, position: rest.first!.position,
                        severity: rest.contains { $0.severity == .error } ? .error : .warning,
                        message: "\(rest.count) more problems in this file are not shown; fix these first"))
            }
            index = end
        }
        return result
    }

    /// "3 errors, 5 warnings in 4 files".
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let files = Set(diagnostics.map(\.file)).count
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        return "\(count(errors, "error")), \(count(warnings, "warning")) in \(count(files, "file"))"
    }
}
