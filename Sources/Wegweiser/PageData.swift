import FrontMatter
import Templates

/// The front-matter fields of one page in one language, checked against its kind and converted for templates.
struct PageData: Sendable {
    /// Fields the file sets, by name. (Where each was written is in the file's front matter.)
    var values: [String: TemplateValue] = [:]

    subscript(_ name: String) -> TemplateValue? { values[name] }

    var title: String {
        if case .string(let title)? = values["title"] { return title }
        return ""
    }

    var summary: String? {
        if case .string(let summary)? = values["summary"] { return summary }
        return nil
    }
}

/// Checks front matter against the fields of a page kind.
struct PageDataReader {
    var file: String
    var diagnostics: [Diagnostic] = []

    mutating func read(_ map: Mapping, kind: PageKind) -> PageData {
        var data = PageData()
        let fields = Schema.fields(for: kind)
        data.values.reserveCapacity(map.entries.count)
        // Entries are read in place: copying one costs more than reading it.
        for index in map.entries.indices {
            let key = map.entries[index].key
            guard
                let field = known(
                    key, at: map.entries[index].keyPosition, fields,
                    context: kind == .page ? "for a page" : "for \(kind == .event ? "an" : "a") \(kind.rawValue) page")
            else { continue }
            if case .null = map.entries[index].value.value { continue }
            if let value = convert(map.entries[index].value, as: fields[field].type, name: key) {
                data.values[key] = value
            }
        }
        return data
    }

    /// The position in `fields` of the field `key` names, or nil after a warning that suggests the closest known
    /// field.
    private mutating func known(
        _ key: String, at position: TextPosition, _ fields: [Field], context: @autoclosure () -> String
    ) -> Int? {
        if let field = fields.position(named: key) { return field }
        var message = "unknown field `\(key)` \(context())"
        // What other generators' pages mean by the field comes first: `language` is close to `languages` (the
        // languages an event is held in) but means the page's own.
        if let advice = Self.otherGenerators[key] {
            message +=
                "; "
                + (advice.field.map { fields.position(named: $0) != nil } ?? true
                    ? advice.advice : advice.otherwise ?? advice.advice)
        } else if let suggestion = Spelling.closest(to: key, among: fields.map(\.name)) {
            message += "; did you mean `\(suggestion)`?"
        }
        diagnostics.append(Diagnostic(file: file, position: position, severity: .warning, message: message))
        return nil
    }

    /// For a date written the German way (`13.11.2025`, `13.11.2025 18:00`, `18.30 Uhr` too), the same in the form
    /// the field needs, as advice to add to the message; else nothing.
    static func isoAdvice(_ node: Node, time allowed: Bool) -> String {
        guard let text = FieldReader.scalarText(node) else { return "" }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...3).contains(parts.count) else { return "" }
        let day = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard day.count == 3, day[2].count == 4, let d = Int(day[0]), let m = Int(day[1]), let y = Int(day[2]),
            let date = LocalDate(year: y, month: m, day: d)
        else { return "" }
        guard parts.count > 1 else { return "; for \(text) write `\(date)`" }
        guard allowed, parts.count == 2 || parts[2].lowercased() == "uhr" else { return "" }
        let clock = parts[1].split(whereSeparator: { $0 == ":" || $0 == "." })
        guard (1...2).contains(clock.count), clock.count == 1 || clock[1].count == 2, let h = Int(clock[0]),
            let time = LocalTime(hour: h, minute: clock.count == 2 ? Int(clock[1]) ?? -1 : 0)
        else { return "" }
        return "; for \(text) write `\(date)T\(String(time.description.prefix(5)))`"
    }

    /// Fields pages moved from Hugo, Jekyll or Eleventy often have, and what to write instead: the field named
    /// first (when the page's kind has it), or what does their work here.
    /// `otherwise` is said when the page's kind lacks that field.
    static let otherGenerators: [String: (field: String?, advice: String, otherwise: String?)] = [
        "description": ("summary", "the short text for lists and search engines is `summary`", nil),
        "date": (
            "start", "an event's date and time is `start` (and `end`)",
            "pages show the date the site was built; only events have dates (`start`)"
        ),
        "slug": (nil, "a page's address is its file name: rename the file", nil),
        "url": (nil, "a page's address is its file name: rename the file", nil),
        "permalink": (nil, "a page's address is its file name: rename the file", nil),
        "lang": (nil, "a page's language is the folder it is in (`content/en/…`)", nil),
        "language": (nil, "a page's language is the folder it is in (`content/en/…`)", nil),
        "layout": (nil, "a page's template follows from its folder (guides, events, profiles)", nil),
        "tags": (nil, "pages are grouped by their folder; there are no tags", nil),
        "categories": (nil, "pages are grouped by their folder; there are no categories", nil),
        "order": ("weight", "the order among siblings is `weight`", nil),
    ]

    private mutating func fail(_ node: Node, _ message: String) {
        diagnostics.append(Diagnostic(file: file, position: node.position, message: message))
    }

    /// `name` is the field's name for messages, made only when one is needed.
    private mutating func convert(_ node: Node, as type: FieldType, name: @autoclosure () -> String)
        -> TemplateValue?
    {
        switch type {
        case .text:
            guard let text = FieldReader.scalarText(node) else {
                fail(node, "`\(name())` must be text; put it on one line, or use `|` for several lines")
                return nil
            }
            return .string(text)
        case .integer:
            guard case .integer(let value) = node.value else {
                fail(node, "`\(name())` must be a whole number such as `10`")
                return nil
            }
            return .int(value)
        case .boolean:
            guard case .boolean(let value) = node.value else {
                fail(node, "`\(name())` must be `true` or `false`")
                return nil
            }
            return .bool(value)
        case .date:
            guard case .date(let date) = node.value else {
                fail(node, "`\(name())` must be a date such as `2025-11-13`" + Self.isoAdvice(node, time: false))
                return nil
            }
            return .string(EventDate.iso(date))
        case .eventDate:
            guard let date = EventDate(node) else {
                fail(
                    node,
                    "`\(name())` must be a date (`2025-11-13`), a date and time (`2025-11-13T18:00`) or a month (`2025-09`)"
                        + Self.isoAdvice(node, time: true)
                )
                return nil
            }
            return .string(date.iso)
        case .url:
            guard let text = FieldReader.scalarText(node) else {
                fail(node, "`\(name())` must be a link such as `https://www.duesseldorf.de/`")
                return nil
            }
            guard SafeURL.isAllowed(text) else {
                fail(
                    node,
                    "`\(name())` must start with https://, http://, mailto:, tel: or / — other kinds of links are not allowed"
                )
                return nil
            }
            return .string(text)
        case .textList:
            guard case .list(let items) = node.value else {
                fail(node, "`\(name())` must be a list: one `- item` per line")
                return nil
            }
            var result: [TemplateValue] = []
            for item in items {
                if let text = FieldReader.scalarText(item) {
                    result.append(.string(text))
                } else {
                    fail(item, "each entry of `\(name())` must be text")
                }
            }
            return .list(result)
        case .record(let fields):
            guard case .map(let map) = node.value else {
                fail(
                    node,
                    "`\(name())` must be a group of fields (\(fields.map(\.name).joined(separator: ", "))), one per indented line"
                )
                return nil
            }
            return record(map, fields: fields, name: name)
        case .recordList(let fields):
            guard case .list(let items) = node.value else {
                fail(node, "`\(name())` must be a list: one `- \(fields[0].name): …` per entry")
                return nil
            }
            var result: [TemplateValue] = []
            for item in items {
                guard case .map(let map) = item.value else {
                    fail(
                        item,
                        "each entry of `\(name())` must be a group of fields (\(fields.map(\.name).joined(separator: ", ")))"
                    )
                    continue
                }
                if let value = record(map, fields: fields, name: name) { result.append(value) }
            }
            return .list(result)
        case .textOrURL:
            guard let text = FieldReader.scalarText(node) else { return convert(node, as: .text, name: name()) }
            // One word with a scheme is a link, and links must be safe; anything with a space is text.
            if !text.contains(" "), LinkResolver.hasScheme(text), !SafeURL.isAllowed(text) {
                fail(node, "`\(name())` looks like a link but must start with https://, http://, mailto: or tel:")
                return nil
            }
            return .string(text)
        case .textOrRecord(let fields):
            if case .map = node.value { return convert(node, as: .record(fields), name: name()) }
            return convert(node, as: .text, name: name())
        }
    }

    private mutating func record(_ map: Mapping, fields: [Field], name: () -> String) -> TemplateValue? {
        // Every field, in the order of `fields`; the ones set are replaced by position.
        var values = TemplateMap(keys: fields.map(\.name), allSetTo: .null)
        for index in map.entries.indices {
            let key = map.entries[index].key
            guard let field = known(key, at: map.entries[index].keyPosition, fields, context: "in `\(name())`")
            else { continue }
            if case .null = map.entries[index].value.value { continue }
            if let value = convert(map.entries[index].value, as: fields[field].type, name: "\(name()).\(key)") {
                values[at: field] = value
            }
        }
        return .map(values)
    }
}

extension PageData {
    /// This translation's fields completed with the language-neutral fields of the source page.
    func inheriting(from source: PageData, kind: PageKind) -> PageData {
        var merged = self
        let fields = Schema.fields(for: kind)
        // Only the fields the source sets can be inherited: they are fewer than the kind's fields.
        for (name, inherited) in source.values {
            guard let field = fields.named(name) else { continue }
            switch (field.type, values[field.name]) {
            case (.record(let subfields), .map(let own)?):
                guard case .map(let sourceMap) = inherited else { continue }
                var combined = own
                for subfield in subfields where subfield.isInherited {
                    if combined[subfield.name] == nil || combined[subfield.name] == .null {
                        combined[subfield.name] = sourceMap[subfield.name] ?? .null
                    }
                }
                merged.values[field.name] = .map(combined)
            case (.record(let subfields), nil):
                guard case .map(let sourceMap) = inherited else { continue }
                var neutral = TemplateMap(keys: subfields.map(\.name), allSetTo: .null)
                for (position, subfield) in subfields.enumerated() where subfield.isInherited {
                    neutral[at: position] = sourceMap[subfield.name] ?? .null
                }
                merged.values[field.name] = .map(neutral)
            case (_, nil) where field.isInherited:
                merged.values[field.name] = inherited
            default:
                break
            }
        }
        return merged
    }
}

/// URLs an editor may put into a field.
enum SafeURL {
    /// Whether `url` uses an allowed scheme (`https:`, `http:`, `mailto:`, `tel:`) or is site-relative.
    static func isAllowed(_ url: String) -> Bool {
        // Browsers drop tabs and line breaks inside URLs and read `\` as `/`: `/\evil.example` is off-site.
        guard hasOnlyURLCharacters(url) else { return false }
        let lower = url.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:")
            || lower.hasPrefix("tel:")
        {
            return true
        }
        return url.hasPrefix("/") && !url.hasPrefix("//")
    }

    /// No control characters (tabs, line breaks) or backslashes, which browsers silently drop or read as `/`.
    /// Spaces are allowed: browsers encode them, and the attribute is escaped anyway.
    static func hasOnlyURLCharacters(_ url: String) -> Bool {
        !url.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }
    }
}
