import FrontMatter

/// Renders diagnostics the way compilers do, so editors and CI understand them:
///
///     content/de/events/x.md:4:8: error: 2025-02-30 is not a valid date
///      4 | start: 2025-02-30
///        |        ^
public struct DiagnosticFormatter: Sendable {
    /// The lines of each file, by the path used in diagnostics, split once (a file with thousands of problems
    /// must not be scanned once per problem); files not here are shown without a source line.
    private let lines: [String: [Substring]]

    public init(sources: [String: String] = [:]) {
        var lines: [String: [Substring]] = [:]
        for (path, text) in sources {
            var body = Substring(text)
            if body.first == "\u{FEFF}" { body = body.dropFirst() }
            lines[path] = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        }
        self.lines = lines
    }

    /// Source lines longer than this are shown as a window around the column.
    static let maximumLineWidth = 120

    /// One diagnostic as `path:line:col: severity: message`, followed by its source line and a caret.
    public func format(_ diagnostic: Diagnostic) -> String {
        let position = diagnostic.position
        var text =
            "\(diagnostic.file):\(position.line):\(position.column): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        if let fileLines = lines[diagnostic.file], position.line >= 1, position.line <= fileLines.count {
            let (line, column) = Self.window(fileLines[position.line - 1], column: position.column)
            let number = String(position.line)
            let gutter = String(repeating: " ", count: number.count)
            // Keep tabs in the caret line so the caret lines up under tab-indented text.
            let lead = line.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            text += " \(number) | \(line)\n \(gutter) | \(lead)^\n"
        }
        return text
    }

    /// `line`, or for a very long line the part around `column` with `…` where it was cut; and the column in it.
    static func window(_ line: Substring, column: Int) -> (Substring, Int) {
        guard line.count > maximumLineWidth else { return (line, column) }
        let start = max(0, min(column - 1 - maximumLineWidth / 2, line.count - maximumLineWidth))
        let from = line.index(line.startIndex, offsetBy: start)
        let to = line.index(from, offsetBy: maximumLineWidth, limitedBy: line.endIndex) ?? line.endIndex
        let prefix = start > 0 ? "…" : ""
        let suffix = to < line.endIndex ? "…" : ""
        return (Substring(prefix + line[from..<to] + suffix), column - start + prefix.count)
    }

    /// `::error file=…,line=…,col=…::message`, the GitHub Actions annotation.
    public func annotation(_ diagnostic: Diagnostic) -> String {
        let message = diagnostic.message
            .replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
        let file = diagnostic.file.replacingAll("%", with: "%25").replacingAll(",", with: "%2C")
            .replacingAll(":", with: "%3A")
        return
            "::\(diagnostic.severity.rawValue) file=\(file),line=\(diagnostic.position.line),col=\(diagnostic.position.column)::\(message)\n"
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
