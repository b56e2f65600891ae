import Foundation

extension TranslationReport {
    /// A table a person can read in a terminal, then what needs doing, language by language.
    public func text() -> String {
        var out = "Translation status (source language: \(defaultLanguage))\n\n"
        let header = ["language", "up to date", "outdated", "fallback", "missing", "UI strings missing"]
        var rows: [[String]] = [header]
        for language in languages {
            rows.append([
                language.code, String(language.counts.upToDate), String(language.counts.outdated),
                String(language.counts.fallback), String(language.counts.missing),
                String(language.missingStrings.count),
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            var line = row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
            for column in 1..<row.count {
                line += "  " + String(repeating: " ", count: widths[column] - row[column].count) + row[column]
            }
            out += line + "\n"
        }
        for language in languages {
            let todo = language.pages.filter { $0.state != .upToDate }
            guard !todo.isEmpty || !language.missingStrings.isEmpty else { continue }
            out += "\n\(language.code) (\(language.name)):\n"
            for page in todo {
                let name = page.page.isEmpty ? "(home page)" : page.page
                switch page.state {
                case .outdated:
                    let why = page.recordedHash == nil ? "never stamped" : "source changed"
                    out += "  outdated  \(name)  \(page.file ?? "")  (\(why); compare with \(page.source))\n"
                case .fallback:
                    out += "  fallback  \(name)  (shown in \(page.shownIn ?? "?"); translate \(page.source))\n"
                case .missing:
                    out += "  missing   \(name)  (translate \(page.source))\n"
                case .upToDate:
                    break
                }
            }
            for key in language.missingStrings {
                out += "  UI string \(key) missing in i18n/\(language.code).yml\n"
            }
        }
        return out
    }

    /// The report as JSON with sorted keys, stable from run to run.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A page an editor can open in a browser: one table per language.
    public func html(languageDirections: [String: String] = [:]) -> String {
        func escape(_ text: String) -> String { HTMLText.escape(text) }
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Translation status</title>
            </head>
            <body>
            <main>
            <h1>Translation status</h1>
            <p>Source language: \(escape(defaultLanguage))</p>

            """
        for language in languages {
            let dir = languageDirections[language.code] ?? "ltr"
            out += "<section>\n<h2><span lang=\"\(escape(language.code))\" dir=\"\(escape(dir))\">"
            out += "\(escape(language.name))</span> (\(escape(language.code)))</h2>\n"
            out += "<p>Up to date: \(language.counts.upToDate), outdated: \(language.counts.outdated), "
            out += "fallback: \(language.counts.fallback), missing: \(language.counts.missing)</p>\n"
            out += "<table>\n<thead><tr><th scope=\"col\">Page</th><th scope=\"col\">State</th>"
            out += "<th scope=\"col\">File</th><th scope=\"col\">Source</th></tr></thead>\n<tbody>\n"
            for page in language.pages {
                let state =
                    page.state == .fallback ? "fallback (shown in \(page.shownIn ?? ""))" : page.state.rawValue
                out += "<tr><td>\(escape(page.page.isEmpty ? "/" : page.page))</td><td>\(escape(state))</td>"
                out += "<td>\(escape(page.file ?? "–"))</td><td>\(escape(page.source))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
            if !language.missingStrings.isEmpty {
                out += "<p>UI strings missing in i18n/\(escape(language.code)).yml:</p>\n<ul>\n"
                for key in language.missingStrings { out += "<li><code>\(escape(key))</code></li>\n" }
                out += "</ul>\n"
            }
            out += "</section>\n"
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }
}
