import FrontMatter

/// `aliases:` — old addresses of a page that should keep working. Each alias is written as a small page that
/// sends the reader on to the page's current address.
struct Aliases {
    var site: Site
    var assets: Set<String>
    var diagnostics: [Diagnostic] = []

    /// The redirect pages to write (path inside the output folder → target page id and language), checked:
    /// an alias must stay inside the site and must not take the place of a page, an asset or another alias.
    mutating func redirects() -> [(path: String, id: String, language: Language)] {
        var result: [(path: String, id: String, language: Language)] = []
        var taken: [String: String] = [:]  // output path → the file whose alias claimed it
        for id in site.order {
            guard let page = site.pages[id], let file = page.files[page.sourceLanguage],
                case .list(let items)? = file.frontMatter["aliases"]?.value
            else { continue }
            for item in items {
                guard let alias = item.text else { continue }
                guard let segments = Self.segments(alias) else {
                    fail(
                        file, item.position,
                        "the alias `\(alias)` must be a path inside the site such as `guides/old-name` (letters a–z, digits, `-`, `_`)"
                    )
                    continue
                }
                // Each part becomes a folder name, which file systems allow up to 255 bytes.
                if let long = segments.first(where: { $0.utf8.count > 255 }) {
                    fail(
                        file, item.position,
                        "a part of the alias is \(long.utf8.count) bytes long (`\(long.prefix(20))…`); a folder name may have at most 255"
                    )
                    continue
                }
                // `/de/old/` names one language's address; `old/` the same address in every language.
                var targets: [(String, Language)] = []
                if let first = segments.first, let language = site.config.language(first) {
                    targets = [(segments.dropFirst().joined(separator: "/"), language)]
                } else {
                    targets = site.config.languages.map { (segments.joined(separator: "/"), $0) }
                }
                for (path, language) in targets where site.isBuilt(id, in: language) {
                    let output = PageID.urlPath(path, language: language.code)
                    if site.pages[path] != nil || path.isEmpty {
                        fail(file, item.position, "the alias `\(alias)` is the address of another page (\(output))")
                        break
                    }
                    if let other = taken[output] {
                        fail(file, item.position, "the alias `\(alias)` is already an alias in \(other)")
                        break
                    }
                    taken[output] = file.displayPath
                    result.append((String(output.dropFirst()) + "index.html", id, language))
                }
            }
        }
        return result
    }

    private mutating func fail(_ file: SourceFile, _ position: TextPosition, _ message: String) {
        diagnostics.append(Diagnostic(file: file.displayPath, position: position, message: message))
    }

    /// The path segments of an alias, or nil when it would leave the site or has characters URLs cannot keep.
    static func segments(_ alias: String) -> [String]? {
        var path = Substring(alias)
        if path.hasSuffix("index.html") { path = path.dropLast("index.html".count) }
        let segments = path.split(separator: "/")
        guard !segments.isEmpty, !alias.contains("\\"), !alias.contains("//"),
            segments.allSatisfy({
                ContentName.isValid($0) || ($0.contains("-x-") && ContentName.validLanguageCode(String($0)) != nil)
            })
        else { return nil }
        return segments.map(String.init)
    }
}
