import Foundation
import FrontMatter
import Templates

/// A page with all its language versions, placed in the site's tree.
struct Page: Sendable {
    var id: String
    var kind: PageKind
    /// The file of each language that has one.
    var files: [String: SourceFile]
    /// Each language version's fields, with language-neutral fields inherited from the source.
    var data: [String: PageData]
    /// The language whose file is the source of translations (the default language where it exists).
    var sourceLanguage: String
    var parent: String?
    var children: [String] = []
    var weight: Int?
    var start: EventDate?
    var end: EventDate?
    /// The event this one is a part of.
    var series: String?
    /// For a series: its parts, ordered by start.
    var parts: [String] = []

    /// Fields of the source language: the reference for everything language-neutral.
    var sourceData: PageData { data[sourceLanguage] ?? PageData() }
}

/// Everything a build knows, loaded and checked; rendering only reads it.
public struct Site: Sendable {
    var config: SiteConfig
    var pages: [String: Page]
    /// Page ids in a stable order: the tree's order, depth-first.
    var order: [String]
    var strings: UIStrings
    /// "Now" for upcoming/past decisions.
    var now: Date
    var timeZone: TimeZone

    /// The language of `file`'s text shown to a reader of `language`: the first along its chain that has the page.
    func contentLanguage(of page: Page, for language: Language) -> String? {
        // Generated pages (a list without `_index.md`) have no text of their own: they speak the reader's language.
        if page.files.isEmpty { return language.code }
        for code in language.chain where page.files[code] != nil {
            if code != language.code, !config.fallbackPages { return nil }
            return code
        }
        return nil
    }

    /// Whether page `id` is built in `language`.
    func isBuilt(_ id: String, in language: Language) -> Bool {
        guard let page = pages[id] else { return false }
        return contentLanguage(of: page, for: language) != nil
    }

    /// Whether the event ends before now.
    func isPast(_ page: Page) -> Bool {
        guard let last = (page.end ?? page.start)?.lastInstant(in: timeZone) else { return false }
        return last <= now
    }

    /// Whether the site path `target` (`/de/guides/`, `/assets/style.css`, `/`) is something the build writes.
    func hasTarget(_ target: String, assets: Set<String>) -> Bool {
        if target == "/" || assets.contains(target) { return true }
        var segments = target.split(separator: "/").map(String.init)
        guard let first = segments.first, let language = config.language(first) else { return false }
        segments.removeFirst()
        if segments.last == "index.html" { segments.removeLast() }
        return isBuilt(segments.joined(separator: "/"), in: language)
    }
}
