import FrontMatter

/// Renders diagnostics the way compilers do, so editors and CI understand them:
///
///     content/de/events/x.md:4:8: error: 2025-02-30 is not a valid date
///      4 | start: 2025-02-30
///        |        ^
public struct DiagnosticFormatter: Sendable {
    /// The text of each file, by the path used in diagnostics; files not here are shown without a source line.
    public var sources: [String: String]

    public init(sources: [String: String] = [:]) {
        self.sources = sources
    }

    /// One diagnostic as `path:line:col: severity: message`, followed by its source line and a caret.
    public func format(_ diagnostic: Diagnostic) -> String {
        let position = diagnostic.position
        var text =
            "\(diagnostic.file):\(position.line):\(position.column): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        if let source = sources[diagnostic.file], let line = Self.line(position.line, of: source) {
            let number = String(position.line)
            let gutter = String(repeating: " ", count: number.count)
            // Keep tabs in the caret line so the caret lines up under tab-indented text.
            let lead = line.prefix(max(0, position.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            text += " \(number) | \(line)\n \(gutter) | \(lead)^\n"
        }
        return text
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

    /// Line `number` (1-based) of `source`, without its line break; found by counting line breaks once.
    static func line(_ number: Int, of source: String) -> Substring? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = source.startIndex
        var index = source.startIndex
        while index < source.endIndex {
            if current == number { break }
            if source[index] == "\n" || source[index] == "\r\n" || source[index] == "\r" {
                current += 1
                start = source.index(after: index)
            }
            index = source.index(after: index)
        }
        guard current == number else { return nil }
        var end = start
        while end < source.endIndex, source[end] != "\n", source[end] != "\r\n", source[end] != "\r" {
            end = source.index(after: end)
        }
        var line = source[start..<end]
        if line.first == "\u{FEFF}" { line = line.dropFirst() }
        return line
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
