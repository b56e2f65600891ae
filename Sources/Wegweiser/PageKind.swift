/// What a page is; decides its template, its fields and where it is listed.
public enum PageKind: String, Sendable, Hashable {
    case home
    case profile
    case guide
    case event
    case page
    /// The list of profiles or of events (`profiles/_index.md`, `events/_index.md` or generated).
    case list

    /// The kind of the page `id` (its path inside the language folder, folders joined by `/`).
    static func of(id: String, isIndex: Bool) -> PageKind {
        guard !id.isEmpty else { return .home }
        let slash = id.utf8.firstIndex(of: UInt8(ascii: "/"))
        let isTopLevel = slash == nil
        switch id[..<(slash ?? id.endIndex)] {
        case "profiles": return isTopLevel && isIndex ? .list : .profile
        case "events": return isTopLevel && isIndex ? .list : .event
        case "guides": return .guide
        default: return .page
        }
    }

    /// The template that renders pages of this kind.
    var template: String {
        switch self {
        case .home: "home.html"
        case .profile: "profile.html"
        case .guide: "guide.html"
        case .event: "event.html"
        case .page: "page.html"
        case .list: "list.html"
        }
    }
}
