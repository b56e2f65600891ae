import Synchronization
import Templates

/// Template values that many pages of one build share, made once: a page's summary as lists show it (all of it but
/// the relative link) and the `site` value of pages whose links to the top-level pages are the same.
/// One cache serves one rendering of one `Site`; it is never reused for another.
final class RenderCache: Sendable {
    private let summaries = Mutex<[String: [String: TemplateValue]]>([:])
    private let siteValues = Mutex<[String: TemplateValue]>([:])

    /// The summary fields of page `id` for readers of `language`, made by `make` the first time.
    func summary(_ id: String, language: String, make: () -> [String: TemplateValue]) -> [String: TemplateValue] {
        let key = language + "\u{0}" + id
        if let known = summaries.withLock({ $0[key] }) { return known }
        let made = make()
        summaries.withLock { $0[key] = made }
        return made
    }

    /// The `site` value for `key`, made by `make` the first time.
    func siteValue(_ key: String, make: () -> TemplateValue) -> TemplateValue {
        if let known = siteValues.withLock({ $0[key] }) { return known }
        let made = make()
        siteValues.withLock { $0[key] = made }
        return made
    }
}
