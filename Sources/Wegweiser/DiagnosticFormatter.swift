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
            let (shown, before) = Self.excerpt(of: fileLines[position.line - 1], column: position.column)
            let number = String(position.line)
            let gutter = String(repeating: " ", count: number.count)
            // One space for each character before the column, as a terminal shows them (a letter with a combining
            // mark is one); tabs stay tabs, so the caret lines up under tab-indented text.
            let lead = before.map { $0 == "\t" ? "\t" : " " }.joined()
            text += " \(number) | \(shown)\n \(gutter) | \(lead)^\n"
        }
        return text
    }

    /// The part of `line` to show for a problem at `column` (1-based, in Unicode scalars, as diagnostics count):
    /// the whole line, or for a long one `maximumLineWidth` scalars around the column with `…` where it was cut;
    /// and the shown text before the column. Control characters are made visible (see `visible`). Only the part
    /// shown is looked at, so a file with a problem on every stretch of one very long line is shown in time
    /// linear in its length.
    static func excerpt(of line: Substring, column: Int) -> (shown: String, beforeColumn: String) {
        let scalars = line.unicodeScalars
        let width = maximumLineWidth
        let target =
            scalars.index(scalars.startIndex, offsetBy: max(0, column - 1), limitedBy: scalars.endIndex)
            ?? scalars.endIndex
        // Half the width before the column and the rest after it; near an end, more of the other side.
        var from = target
        var back = 0
        while back < width / 2, from > scalars.startIndex {
            scalars.formIndex(before: &from)
            back += 1
        }
        var to = target
        var taken = back
        while taken < width, to < scalars.endIndex {
            scalars.formIndex(after: &to)
            taken += 1
        }
        while taken < width, from > scalars.startIndex {
            scalars.formIndex(before: &from)
            taken += 1
        }
        let prefix = from > scalars.startIndex ? "…" : ""
        let suffix = to < scalars.endIndex ? "…" : ""
        let before = prefix + visible(Substring(scalars[from..<target]))
        return (before + visible(Substring(scalars[target..<to])) + suffix, before)
    }

    /// `text` with each control character but tab shown as a picture of it (`␀`, `␛`), or `�` for U+0080...U+009F,
    /// one scalar each: printed as they are, they would be lost, or taken by the terminal as commands.
    static func visible(_ text: Substring) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\t" }) else {
            return String(text)
        }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: shown.append(scalar)
            case 0x00...0x1F: shown.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: shown.append("\u{2421}")
            case 0x80...0x9F: shown.append("\u{FFFD}")
            default: shown.append(scalar)
            }
        }
        return String(shown)
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
