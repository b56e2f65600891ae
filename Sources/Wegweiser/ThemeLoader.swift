import Foundation
import Templates

/// A file of templates/assets and where it goes in the site.
struct Asset: Sendable {
    var filePath: String
    /// `/assets/style.css`
    var sitePath: String
}

/// Reads templates/: the templates (compiled once), the UI strings of each language, the list of assets.
struct ThemeLoader {
    var root: String
    var diagnostics: [Diagnostic] = []
    var sources: [String: String] = [:]

    init(root: String) {
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// The folder of templates/ whose files are copied as they are, to the folder of the same name in the output.
    static let assetsFolder = "assets"

    static let requiredTemplates = [
        "base.html", "home.html", "profile.html", "guide.html", "event.html",
        "page.html", "list.html", "chooser.html", "notfound.html",
    ]

    mutating func load(config: SiteConfig) throws(BuildFailure) -> (TemplateSet?, UIStrings, [Asset]) {
        guard FileManager.default.fileExists(atPath: root) else {
            throw BuildFailure(
                reason: .io,
                diagnostics: [
                    Diagnostic(
                        file: root, line: 1, column: 1,
                        message: "the templates folder does not exist; pass --templates DIR")
                ])
        }
        var templateSources: [String: String] = [:]
        var assets: [Asset] = []
        for relative in try files(under: root, relative: "") {
            let path = root + "/" + relative
            if relative.hasPrefix(Self.assetsFolder + "/") {
                assets.append(Asset(filePath: path, sitePath: "/" + relative))
            } else if relative.hasSuffix(".html") {
                guard let text = read(path) else { continue }
                templateSources[relative] = text
            }
        }
        // An empty page template (a file saved before it was written), or an empty base.html the page templates
        // extend, would make each of its pages an empty file.
        for name in Self.requiredTemplates {
            guard let text = templateSources[name], text.allSatisfy(\.isWhitespace) else { continue }
            diagnostics.append(
                Diagnostic(
                    file: root + "/" + name, line: 1, column: 1, severity: .warning,
                    message: "the template is empty: every page made with it is an empty file"))
        }
        for name in Self.requiredTemplates
        where templateSources[name] == nil && !FileManager.default.fileExists(atPath: root + "/" + name) {
            diagnostics.append(
                Diagnostic(
                    file: root + "/" + name, line: 1, column: 1,
                    message:
                        "the theme has no \(name); every theme needs \(Self.requiredTemplates.joined(separator: ", "))")
            )
        }

        var tables: [String: [String: String]] = [:]
        var unreadable: Set<String> = []
        var paths: [String: String] = [:]
        for language in config.languages {
            paths[language.code] = root + "/i18n/\(language.code).yml"
        }
        // The site's languages, and English as the theme's last resort for a site whose languages it lacks.
        for code in Set(config.languages.map(\.code) + [UIStrings.lastResort]).sorted() {
            let path = root + "/i18n/\(code).yml"
            guard FileManager.default.fileExists(atPath: path), let text = read(path) else { continue }
            guard let table = UIStrings.parse(text: text, file: path, diagnostics: &diagnostics) else {
                unreadable.insert(code)
                tables[code] = [:]
                continue
            }
            tables[code] = table
        }
        // A language without UI strings shows the theme's words in another language under its own `lang`: screen
        // readers read them with the wrong voice, and readers may not understand them.
        for language in config.languages where tables[language.code] == nil {
            let shown = language.chain.dropFirst().first { tables[$0] != nil } ?? UIStrings.lastResort
            let name = config.language(shown)?.name ?? shown
            diagnostics.append(
                Diagnostic(
                    file: paths[language.code]!, line: 1, column: 1, severity: .warning,
                    message:
                        "there are no UI strings for `\(language.code)`: menus, labels and buttons of its pages are shown in \(name) (`\(shown)`); add this file with the keys of i18n/\(shown).yml translated"
                ))
        }

        var templates: TemplateSet?
        do {
            templates = try TemplateSet(sources: templateSources, hostFilters: SiteFilters.argumentCounts)
        } catch {
            for templateError in error.errors {
                diagnostics.append(Self.diagnostic(templateError, root: root))
            }
        }
        return (templates, UIStrings(tables: tables, paths: paths, unreadable: unreadable), assets)
    }

    static func diagnostic(_ error: TemplateError, root: String) -> Diagnostic {
        Diagnostic(
            file: root + "/" + error.template, line: error.position.line, column: error.position.column,
            message: error.message)
    }

    private mutating func read(_ path: String) -> String? {
        switch SourceFolder.read(path) {
        case .text(var text):
            // A byte-order mark, as Notepad saves it, is not part of the template: it would stand before
            // `{% extends %}` unseen, or go into every page.
            if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
            sources[path] = text
            return text
        case .invalid(let diagnostic):
            diagnostics.append(diagnostic)
        case .unreadable:
            diagnostics.append(Diagnostic(file: path, line: 1, column: 1, message: "cannot read the file"))
        }
        return nil
    }

    /// Regular files below `folder`, as sorted relative paths; hidden files are skipped, and symbolic links are
    /// skipped with a warning (an asset linked in would otherwise be missing from the site without a word).
    private mutating func files(under folder: String, relative: String) throws(BuildFailure) -> [String] {
        var result: [String] = []
        for (_, entry) in try ContentLoader.entries(of: folder, reportingLinksTo: &diagnostics, into: "the theme") {
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            if entry.isDirectory {
                result += try files(under: folder + "/" + entry.name, relative: path)
            } else if entry.isRegularFile {
                result.append(path)
            }
        }
        return result
    }
}
