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
            let (line, column) = Self.window(
                Self.visible(fileLines[position.line - 1]), column: position.column)
            let number = String(position.line)
            let gutter = String(repeating: " ", count: number.count)
            // Keep tabs in the caret line so the caret lines up under tab-indented text.
            let lead = line.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            text += " \(number) | \(line)\n \(gutter) | \(lead)^\n"
        }
        return text
    }

    /// `line` with each control character but tab shown as a picture of it (`␀`, `␛`), or `�` for U+0080...U+009F,
    /// one column each: printed as they are, they would be lost, or taken by the terminal as commands.
    static func visible(_ line: Substring) -> Substring {
        guard line.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\t" }) else {
            return line
        }
        var shown = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x09: shown.append(scalar)
            case 0x00...0x1F: shown.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: shown.append("\u{2421}")
            case 0x80...0x9F: shown.append("\u{FFFD}")
            default: shown.append(scalar)
            }
        }
        return Substring(String(shown))
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
