/// What a page is; decides its template, its fields and where it is listed.
public enum PageKind: String, Sendable, Hashable {
    case home
    case profile
    case guide
    case event
    case page
    /// The list of profiles or of events (`profiles/_index.md`, `events/_index.md` or generated).
    case list

    /// The kind of the content file at `path` (relative to its language folder, without `.md`).
    static func of(components: [Substring], isIndex: Bool) -> PageKind {
        guard let first = components.first else { return .home }
        switch first {
        case "profiles": return components.count == 1 && isIndex ? .list : .profile
        case "events": return components.count == 1 && isIndex ? .list : .event
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
