import Foundation
import FrontMatter

/// `wegweiser stamp`: records in translations which version of their source they were made from.
public enum Stamp {
    /// What a stamp run did: files changed, and problems.
    public struct Result: Sendable {
        public var changedFiles: [String] = []
        public var diagnostics: [Diagnostic] = []
        public var sources: [String: String] = [:]
    }

    /// Marks each translation in `files` as current; with `minor`, each file is a source whose last edit was minor,
    /// and its translations that were current before the edit are marked current again.
    public static func run(files: [String], minor: Bool, options: BuildOptions) -> Result {
        var result = Result()
        var loader = ContentLoader(root: options.contentPath)
        let loaded: LoadedSite
        do {
            loaded = try SiteGenerator.load(options, loader: &loader)
        } catch {
            result.diagnostics = (loader.diagnostics + error.diagnostics).sorted()
            result.sources = loader.sources
            return result
        }
        result.sources = loader.sources
        let site = loaded.site
        let root = loader.root
        var edits: [String: String] = [:]  // file → new source_hash

        for path in files {
            guard let (page, language) = locate(path, root: root, site: site) else {
                // A page file that could not be read (broken front matter, say) is not in the site: its own errors
                // say why.
                let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
                let own = loaded.diagnostics.filter {
                    $0.severity == .error && URL(fileURLWithPath: $0.file).standardizedFileURL.path == standardized
                }
                if !own.isEmpty {
                    result.diagnostics += own
                    continue
                }
                result.diagnostics.append(
                    Diagnostic(
                        file: path, line: 1, column: 1,
                        message: "not a page of the site in \(root)/<language>/; give the path of a content file"))
                continue
            }
            let source = page.files[page.sourceLanguage]!
            let hash = SourceHash.of(source)
            if minor {
                guard language == page.sourceLanguage else {
                    result.diagnostics.append(
                        Diagnostic(
                            file: path, line: 1, column: 1,
                            message: "`--minor` takes the source file (\(source.displayPath)), not a translation"))
                    continue
                }
                guard let previous = source.frontMatter["source_hash"]?.text else {
                    result.diagnostics.append(
                        Diagnostic(
                            file: path, line: 1, column: 1,
                            message:
                                "the source has no recorded version yet, so it is unknown which translations were current; stamp its up-to-date translations instead"
                        ))
                    continue
                }
                for (code, file) in page.files where code != page.sourceLanguage {
                    if file.frontMatter["source_hash"]?.text == previous { edits[file.displayPath] = hash }
                }
                edits[source.displayPath] = hash
            } else {
                guard language != page.sourceLanguage else {
                    result.diagnostics.append(
                        Diagnostic(
                            file: path, line: 1, column: 1,
                            message:
                                "this is the source of its translations; stamp a translation, or use `--minor` after a small edit to the source"
                        ))
                    continue
                }
                edits[page.files[language]!.displayPath] = hash
                // The source remembers the version its translations were last stamped against, for `--minor`.
                edits[source.displayPath] = hash
            }
        }
        guard result.diagnostics.isEmpty else { return result }
        for (file, hash) in edits.sorted(by: { $0.key < $1.key }) {
            guard case .text(let text) = SourceFolder.read(file) else { continue }
            let updated = FrontMatterEdit.setting("source_hash", to: hash, in: text)
            guard updated != text else { continue }
            do {
                try Data(updated.utf8).write(to: URL(fileURLWithPath: file))
                result.changedFiles.append(file)
            } catch {
                result.diagnostics.append(OutputWriter.ioDiagnostic(file, "cannot write the file", error))
            }
        }
        return result
    }

    /// The page and language of a content file path such as `content/en/guides/arbeit.md`.
    static func locate(_ path: String, root: String, site: Site) -> (Page, String)? {
        let standardRoot = URL(fileURLWithPath: root).standardizedFileURL.path + "/"
        let standardPath = URL(fileURLWithPath: path).standardizedFileURL.path
        guard standardPath.hasPrefix(standardRoot) else { return nil }
        let relative = standardPath.dropFirst(standardRoot.count)
        guard let slash = relative.firstIndex(of: "/") else { return nil }
        let language = String(relative[..<slash])
        let (id, _) = PageID.of(relativePath: String(relative[relative.index(after: slash)...]))
        guard let page = site.pages[id], page.files[language] != nil else { return nil }
        return (page, language)
    }
}

/// Changing one top-level field of a file's front matter without touching the rest of the file.
enum FrontMatterEdit {
    /// `text` with the top-level `key:` of its front matter set to `value` (replaced, or added before the closing `---`).
    static func setting(_ key: String, to value: String, in text: String) -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces).hasSuffix("---") else { return text }
        guard
            let close = lines.indices.dropFirst().first(where: {
                lines[$0].trimmingCharacters(in: .whitespaces) == "---"
            })
        else { return text }
        let line = "\(key): \(value)"
        if let existing = (1..<close).first(where: { lines[$0].hasPrefix(key + ":") }) {
            lines[existing] = line
        } else {
            lines.insert(line, at: close)
        }
        return lines.joined(separator: newline)
    }
}
