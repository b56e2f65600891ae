import Synchronization
import Templates

/// Template values that many pages of one build share, made once: a page's summary as lists show it (all of it but
/// the relative link), the `site` value of pages whose links to the top-level pages are the same, each
/// language's entry in the language switcher (all of it but the page's links), and each page's switcher entries
/// (all of them but which one is current).
/// One cache serves one rendering of one `Site`; it is never reused for another.
final class RenderCache: Sendable {
    private let summaries: Mutex<[PageInLanguage: TemplateMap]>
    private let siteValues = Mutex<[String: TemplateValue]>([:])
    private let languageEntries = Mutex<[String: TemplateMap]>([:])
    private let translationLists = Mutex<[String: [TemplateValue]]>([:])
    private let builtChildLists = Mutex<[PageInLanguage: [String]]>([:])
    private let builtChildPlaces = Mutex<[PageInLanguage: [String: Int]]>([:])

    /// A cache with room for `summaries` summaries: a site's pages in all languages, about as many as its pages
    /// show (growing the table a step at a time hashed every summary again at each step).
    init(summaries count: Int = 0) {
        summaries = Mutex(Dictionary(minimumCapacity: count))
    }

    /// The summary fields of page `id` for readers of `language`, made by `make` the first time.
    func summary(_ id: String, language: String, make: () -> TemplateMap) -> TemplateMap {
        Self.remembered(PageInLanguage(id: id, language: language), in: summaries, make: make)
    }

    /// The `site` value for `key`, made by `make` the first time.
    func siteValue(_ key: String, make: () -> TemplateValue) -> TemplateValue {
        Self.remembered(key, in: siteValues, make: make)
    }

    /// The language switcher's fields for the language `code`, made by `make` the first time.
    func languageEntry(_ code: String, make: () -> TemplateMap) -> TemplateMap {
        Self.remembered(code, in: languageEntries, make: make)
    }

    /// The language switcher's entries of page `id`, none of them current, made by `make` the first time.
    func translations(_ id: String, make: () -> [TemplateValue]) -> [TemplateValue] {
        Self.remembered(id, in: translationLists, make: make)
    }

    /// The children of page `id` that are built for readers of `language`, in order, made by `make` the first time
    /// (each guide page's previous and next come from its parent's list).
    func builtChildren(_ id: String, language: String, make: () -> [String]) -> [String] {
        Self.remembered(PageInLanguage(id: id, language: language), in: builtChildLists, make: make)
    }

    /// Where each child of page `id` that is built for readers of `language` is in their list, made by `make` the
    /// first time: a guide page finds its previous and next by its place, not by looking through its siblings.
    func builtChildPlaces(_ id: String, language: String, make: () -> [String: Int]) -> [String: Int] {
        Self.remembered(PageInLanguage(id: id, language: language), in: builtChildPlaces, make: make)
    }

    /// The value stored under `key`, or the one `make` gives, stored. Two threads may both make it; they make the same.
    private static func remembered<Key: Hashable & Sendable, Value: Sendable>(
        _ key: Key, in store: borrowing Mutex<[Key: Value]>, make: () -> Value
    ) -> Value {
        if let known = store.withLock({ $0[key] }) { return known }
        let made = make()
        store.withLock { $0[key] = made }
        return made
    }

    /// A page for readers of one language; a key that costs no joined string to make.
    private struct PageInLanguage: Hashable, Sendable {
        var id: String
        var language: String
    }
}
