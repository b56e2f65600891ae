import Foundation

/// `wegweiser new KIND LANG/PATH`: a new content file with every field of its kind, explained in comments in the
/// site's default language, valid as it is so that an editor starts from something that builds.
public enum NewPage {
    public struct Result: Sendable {
        public var path: String?
        public var diagnostics: [Diagnostic] = []
    }

    /// Creates the file; refuses to overwrite one, or to write a second file of the same page (`x.md` beside
    /// `x/_index.md`).
    public static func create(kind: String, target: String, options: BuildOptions) -> Result {
        var loader = ContentLoader(root: options.contentPath)
        var result = Result()
        func fail(_ message: String) -> Result {
            result.diagnostics.append(Diagnostic(file: target, line: 1, column: 1, message: message))
            return result
        }
        let config: SiteConfig
        do {
            guard let loaded = try loader.loadConfig() else {
                result.diagnostics = loader.diagnostics
                return result
            }
            config = loaded
        } catch {
            result.diagnostics = error.diagnostics
            return result
        }
        guard
            let pageKind = [("profile", PageKind.profile), ("guide", .guide), ("event", .event), ("page", .page)]
                .first(where: { $0.0 == kind })?.1
        else { return fail("the kind must be profile, guide, event or page, not `\(kind)`") }

        var parts = target.split(separator: "/").map(String.init)
        guard parts.count >= 2, let language = config.language(parts.removeFirst()) else {
            return fail("give the language and the path, e.g. \(config.defaultLanguage)/events/sommerfest")
        }
        if parts.last?.hasSuffix(".md") == true { parts[parts.count - 1].removeLast(3) }
        let folder = ["profile": "profiles", "guide": "guides", "event": "events"][kind]
        if let folder, parts.first != folder { parts.insert(folder, at: 0) }
        if kind == "page", ["profiles", "guides", "events"].contains(parts.first ?? "") {
            return fail("pages of kind page cannot live in \(parts[0])/; use `wegweiser new \(parts[0].dropLast()) …`")
        }
        for part in parts where !ContentName.isValid(Substring(part)) && part != "_index" {
            return fail(
                "`\(part)` cannot be part of a URL; use lowercase letters a–z, digits, `-` and `_`, e.g. `\(ContentName.suggestion(for: Substring(part)))`"
            )
        }
        let path = loader.root + "/" + language.code + "/" + parts.joined(separator: "/") + ".md"
        guard !FileManager.default.fileExists(atPath: path) else {
            return fail("\(path) already exists; edit it, or choose another name")
        }
        // `x.md` and `x/_index.md` are the same page: the next build would report both.
        let isSection = parts.last == "_index"
        let pageParts = isSection ? parts.dropLast() : parts[...]
        if !pageParts.isEmpty {
            let stem = loader.root + "/" + language.code + "/" + pageParts.joined(separator: "/")
            let twin = isSection ? stem + ".md" : stem + "/_index.md"
            if FileManager.default.fileExists(atPath: twin) {
                let url = PageID.urlPath(pageParts.joined(separator: "/"), language: language.code)
                return fail("\(twin) is already the page \(url); edit it, or choose another name")
            }
        }
        let words = FieldHelp.words(for: config.defaultLanguage)
        let slug = parts.last == "_index" ? (parts.dropLast().last ?? "start") : parts.last!
        let title = slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        var text = "---\n"
        for field in Schema.fields(for: pageKind) where field.name != "source_hash" {
            text += FieldHelp.lines(for: field, words: words, title: title, now: options.now)
        }
        text += "---\n" + (words["body"] ?? "") + "\n"
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            return fail("cannot write \(path): \(error.localizedDescription)")
        }
        result.path = path
        return result
    }
}
