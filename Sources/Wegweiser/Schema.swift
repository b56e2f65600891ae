import FrontMatter

/// The type a front-matter field must have.
indirect enum FieldType: Sendable {
    case text
    case integer
    case boolean
    case date
    /// A date, a date-time or a month (`2025-09`): event dates keep the precision the source gives.
    case eventDate
    /// A link: `https:`, `http:`, `mailto:`, `tel:` or a site-relative path.
    case url
    case textList
    case record([Field])
    case recordList([Field])
    /// Text, or a record with the given fields.
    case textOrRecord([Field])
    /// Text, or a link (then it must use an allowed scheme): `registration: https://…` or `registration: by phone`.
    case textOrURL
}

/// One field of a page kind.
struct Field: Sendable {
    var name: String
    var type: FieldType
    /// Translatable fields are written in each language; the others (addresses, dates, URLs) once, in the
    /// source page, and inherited by translations.
    var translatable: Bool
    /// A translatable field that a translation inherits when it leaves it out: names of offices, organisers and
    /// places, shown as written unless a translation gives them in its own words or script.
    var inheritedWhenMissing = false

    static func text(_ name: String, translatable: Bool = true) -> Field {
        Field(name: name, type: .text, translatable: translatable)
    }

    static func name(_ name: String) -> Field {
        Field(name: name, type: .text, translatable: true, inheritedWhenMissing: true)
    }

    /// Whether a translation that leaves the field out shows the source's value.
    var isInherited: Bool { !translatable || inheritedWhenMissing }
}

extension [Field] {
    /// The field called `name`, if there is one.
    func named(_ name: String) -> Field? {
        position(named: name).map { self[$0] }
    }

    /// Where the field called `name` is, if there is one.
    func position(named name: String) -> Int? {
        firstIndex { $0.name == name }
    }
}

/// The fields each page kind knows.
enum Schema {
    static let common: [Field] = [
        .text("title"),
        .text("summary"),
        Field(name: "weight", type: .integer, translatable: false),
        Field(name: "draft", type: .boolean, translatable: false),
        Field(name: "aliases", type: .textList, translatable: false),
        .text("source_hash", translatable: true),
    ]

    static let contact: [Field] = [
        .text("person", translatable: false),
        .text("role"),
        .text("street", translatable: false),
        .text("postal_code", translatable: false),
        .text("city", translatable: false),
        .text("phone", translatable: false),
        .text("email", translatable: false),
        Field(name: "homepage", type: .url, translatable: false),
    ]

    // Names of offices, organisers and places are proper names: written once, shown as they are unless a
    // translation gives them in its own script or words.
    static let profile: [Field] = [
        .name("name"),
        .text("city", translatable: false),
        Field(
            name: "concept",
            type: .record([
                .text("title"),
                Field(name: "date", type: .date, translatable: false),
                Field(name: "url", type: .url, translatable: false),
            ]), translatable: false),
        Field(name: "founded", type: .date, translatable: false),
        Field(name: "focus", type: .recordList([.text("title"), .text("text")]), translatable: true),
        Field(name: "tasks", type: .textList, translatable: true),
        .text("affiliation"),
        Field(name: "projects", type: .textList, translatable: true),
        Field(name: "contact", type: .record(contact), translatable: false),
        .text("opening_hours"),
        .text("accessibility"),
    ]

    static let event: [Field] = [
        Field(name: "start", type: .eventDate, translatable: false),
        Field(name: "end", type: .eventDate, translatable: false),
        Field(name: "all_day", type: .boolean, translatable: false),
        Field(
            name: "location",
            type: .record([
                .name("name"),
                .text("street", translatable: false),
                .text("postal_code", translatable: false),
                .text("city", translatable: false),
                Field(name: "online", type: .url, translatable: false),
            ]), translatable: false),
        .name("organizer"),
        Field(name: "registration", type: .textOrURL, translatable: true),
        .text("accessibility"),
        Field(name: "languages", type: .textList, translatable: false),
        .text("series", translatable: false),
        Field(
            name: "recurrence",
            type: .record([
                .text("every", translatable: false),
                Field(name: "interval", type: .integer, translatable: false),
                Field(name: "until", type: .date, translatable: false),
                Field(name: "except", type: .textList, translatable: false),
            ]), translatable: false),
    ]

    /// Every field a page of `kind` may have, common ones first.
    static func fields(for kind: PageKind) -> [Field] {
        switch kind {
        case .profile: profileFields
        case .event: eventFields
        case .home, .guide, .page, .list: common
        }
    }

    // Joined once: the fields of a page are asked for several times per page and build.
    private static let profileFields = common + profile
    private static let eventFields = common + event

    /// Names of all fields of all kinds: a template may ask any page for these (empty when absent).
    static let allFieldNames: Set<String> = {
        var names = Set<String>()
        for field in common + profile + event { names.insert(field.name) }
        return names
    }()
}
