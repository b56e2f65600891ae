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
            if relative.hasPrefix("assets/") {
                assets.append(Asset(filePath: path, sitePath: "/" + relative))
            } else if relative.hasSuffix(".html") {
                guard let text = read(path) else { continue }
                templateSources[relative] = text
            }
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
        var paths: [String: String] = [:]
        for language in config.languages {
            paths[language.code] = root + "/i18n/\(language.code).yml"
        }
        // The site's languages, and English as the theme's last resort for a site whose languages it lacks.
        for code in Set(config.languages.map(\.code) + [UIStrings.lastResort]).sorted() {
            let path = root + "/i18n/\(code).yml"
            guard FileManager.default.fileExists(atPath: path), let text = read(path) else { continue }
            tables[code] = UIStrings.parse(text: text, file: path, diagnostics: &diagnostics)
        }

        var templates: TemplateSet?
        do {
            templates = try TemplateSet(sources: templateSources, hostFilters: SiteFilters.names)
        } catch {
            for templateError in error.errors {
                diagnostics.append(Self.diagnostic(templateError, root: root))
            }
        }
        return (templates, UIStrings(tables: tables, paths: paths), assets)
    }

    static func diagnostic(_ error: TemplateError, root: String) -> Diagnostic {
        Diagnostic(
            file: root + "/" + error.template, line: error.position.line, column: error.position.column,
            message: error.message)
    }

    private mutating func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(Diagnostic(file: path, line: 1, column: 1, message: "cannot read the file"))
            return nil
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            diagnostics.append(
                Diagnostic(
                    file: path, position: UTF8Check.firstInvalidByte([UInt8](data)),
                    message: "the file is not valid UTF-8; save it with UTF-8 encoding"))
            return nil
        }
        sources[path] = text
        return text
    }

    /// Regular files below `folder`, as sorted relative paths; hidden files and symbolic links are skipped.
    private func files(under folder: String, relative: String) throws(BuildFailure) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw BuildFailure(
                reason: .io, diagnostics: [OutputWriter.ioDiagnostic(folder, "cannot read the folder", error)])
        }
        var result: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            var info = stat()
            guard lstat(folder + "/" + name, &info) == 0 else { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            switch info.st_mode & S_IFMT {
            case S_IFDIR: result += try files(under: folder + "/" + name, relative: path)
            case S_IFREG: result.append(path)
            default: continue
            }
        }
        return result
    }
}
