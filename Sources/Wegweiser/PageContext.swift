import Foundation
import Templates

/// Builds what templates see for one page in one reader's language (the contract is in the README).
struct PageContext {
    var site: Site
    var language: Language
    /// Site path of the page being rendered, e.g. `/de/guides/arbeit/`.
    var url: String
    /// Links from the site root instead of relative ones (for 404.html, which is served at any path).
    var rootRelative = false
    /// Values shared between the pages of one rendering; nil computes everything afresh.
    var cache: RenderCache? = nil

    /// A link to the site path `target` from this page.
    func href(_ target: String) -> String {
        rootRelative ? site.config.basePath + target.dropFirst() : URLPath.relative(from: url, to: target)
    }

    func link(to id: String) -> String {
        href(PageID.urlPath(id, language: language.code))
    }

    /// Title of page `id` as shown to this reader (its text in the first language along the chain that has it).
    func title(of page: Page) -> String {
        if page.files.isEmpty {
            guard let key = SiteBuilder.generatedTitleKey(page.id) else { return site.config.title(in: language) }
            return site.strings.lookup(key, in: language) ?? key
        }
        guard let code = site.contentLanguage(of: page, for: language) else { return "" }
        return page.data[code]?.title ?? ""
    }

    func data(of page: Page) -> PageData? {
        guard let code = site.contentLanguage(of: page, for: language) else { return nil }
        return page.data[code]
    }

    var dates: DateFormatting { site.dates(for: language) }

    /// The event's next occurrence, or its first date once it is over (what lists show).
    func shownOccurrence(_ page: Page) -> Occurrence? {
        guard let start = page.start else { return nil }
        return site.nextOccurrences(page, count: 1).first ?? Occurrence(start: start, end: page.end)
    }

    /// `when`, `start`, `end` and `ends_at` (the end as an instant, for scripts that hide past events) of an occurrence.
    func occurrenceFields(_ occurrence: Occurrence) -> TemplateMap {
        let last = (occurrence.end ?? occurrence.start).lastInstant(in: site.timeZone)
        return [
            "when": .string(dates.when(start: occurrence.start, end: occurrence.end)),
            "start": .string(occurrence.start.iso),
            "end": occurrence.end.map { .string($0.iso) } ?? .null,
            "ends_at": .string(Self.utcTimestamp(last)),
        ]
    }

    /// `2025-11-13T17:00:00Z`, without the cost of a Foundation formatter (this runs for every event card).
    static func utcTimestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// The short form of a page used in lists, children, previous/next.
    func summary(_ id: String) -> TemplateValue {
        guard site.pages[id] != nil else { return .null }
        var fields = cache?.summary(id, language: language.code) { summaryFields(id) } ?? summaryFields(id)
        fields[at: Self.summaryURL] = .string(link(to: id))
        return .map(fields)
    }

    /// Where `url` is in every summary: set by position, it is not looked for among the keys on every page.
    private static let summaryURL = summaryKeys.position(of: "url")!

    /// The keys of a summary, in order; every summary shares them.
    private static let summaryKeys = TemplateMap(
        keys: [
            "title", "lang", "dir", "is_fallback", "summary", "kind", "start", "end", "when", "ends_at", "is_recurring",
            "is_past", "city", "url",
        ], allSetTo: .null)

    /// Everything of a summary; its `url` depends on the page the summary is shown on and is set by `summary`.
    private func summaryFields(_ id: String) -> TemplateMap {
        let page = site.pages[id]!
        let data = data(of: page)
        let shown = site.contentLanguage(of: page, for: language).flatMap { site.config.language($0) } ?? language
        let occurrence = shownOccurrence(page).map(occurrenceFields)
        // In the order of `summaryKeys`.
        return TemplateMap(
            keysOf: Self.summaryKeys,
            values: [
                .string(title(of: page)),
                .string(shown.code),
                .string(shown.direction.rawValue),
                .bool(shown.code != language.code),
                data?.summary.map(TemplateValue.string) ?? .null,
                .string(page.kind.rawValue),
                occurrence?["start"] ?? .null,
                occurrence?["end"] ?? .null,
                occurrence?["when"] ?? .null,
                occurrence?["ends_at"] ?? .null,
                .bool(page.recurrence != nil),
                .bool(page.kind == .event && site.isPast(page)),
                data?["city"] ?? .null,
                // Set for each page that shows the summary; there already, so that setting it leaves the keys shared.
                .null,
            ])
    }

    /// The children of `page` built for this page's readers, in order; the same for every page of a language.
    func builtChildren(of page: Page) -> [String] {
        // Most pages have none: nothing to remember.
        if page.children.isEmpty { return [] }
        let make = { page.children.filter { site.isBuilt($0, in: language) } }
        return cache?.builtChildren(page.id, language: language.code, make: make) ?? make()
    }

    /// Where each of `builtChildren(of: page)` is in that list. A section of 20,000 guide pages looked through
    /// its children once for each of them.
    func builtChildPlaces(of page: Page) -> [String: Int] {
        let make = {
            Dictionary(builtChildren(of: page).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return cache?.builtChildPlaces(page.id, language: language.code, make: make) ?? make()
    }

    func summaries(_ ids: [String]) -> TemplateValue {
        .list(ids.filter { site.isBuilt($0, in: language) }.map(summary))
    }

    /// A top-level page's name in the menu: its UI string (`nav.home`, `nav.guides`, …), else its title.
    func menuTitle(_ id: String) -> String {
        let key = SiteBuilder.generatedTitleKey(id) ?? "nav.home"
        return site.strings.lookup(key, in: language) ?? title(of: site.pages[id]!)
    }

    /// `site`: the same for every page of a language except for the relative links, which only link to the
    /// language's top-level pages and home pages. They depend on the page's depth and first two URL segments only,
    /// so pages that share those share one value.
    func siteValue(buildTime: String) -> TemplateValue {
        guard let cache, !rootRelative else { return makeSiteValue(buildTime: buildTime) }
        // The number of segments and the text up to the end of the second, found on bytes (this runs per page).
        var url = url
        let (segments, prefixLength) = url.withUTF8 { bytes in
            var count = 0
            var end = 0
            URLPath.forEachSegment(in: bytes) { segment in
                count += 1
                if count <= 2 { end = segment.upperBound }
            }
            return (count, end)
        }
        let key = language.code + " \(segments) " + url[..<url.utf8.index(url.startIndex, offsetBy: prefixLength)]
        return cache.siteValue(key) { makeSiteValue(buildTime: buildTime) }
    }

    private func makeSiteValue(buildTime: String) -> TemplateValue {
        .map([
            "title": .string(site.config.title(in: language)),
            "base_url": .string(site.config.baseURL),
            "build_time": .string(buildTime),
            "default_language": .string(site.config.defaultLanguage),
            "calendar_url": .string(href("/\(language.code)/events.ics")),
            "language": languageValue(language),
            "menu": .list(
                ["", "guides", "events", "profiles"].filter { site.isBuilt($0, in: language) }.map { id in
                    let target = PageID.urlPath(id, language: language.code)
                    let current = id.isEmpty ? url == target : url.hasPrefix(target)
                    return .map([
                        "id": .string(id), "title": .string(menuTitle(id)),
                        "url": .string(href(target)), "is_current": .bool(current),
                        "is_page": .bool(url == target),
                    ])
                }),
            "languages": .list(
                site.config.languages.map { other in
                    var value = languageFields(other)
                    value["url"] = .string(href("/\(other.code)/"))
                    value["is_current"] = .bool(other.code == language.code)
                    return .map(value)
                }),
        ])
    }

    func languageFields(_ language: Language) -> TemplateMap {
        [
            "code": .string(language.code), "name": .string(language.name),
            "dir": .string(language.direction.rawValue), "locale": .string(language.locale),
        ]
    }

    /// A language's fields in a page's language switcher that do not depend on the page, and as null those that
    /// do, so that setting them leaves the keys shared.
    func switcherFields(_ other: Language) -> TemplateMap {
        var entry = languageFields(other)
        entry["hreflang"] = other.hreflang.map(TemplateValue.string) ?? .null
        for key in ["url", "permalink", "is_current", "is_fallback"] { entry[key] = .null }
        return entry
    }

    /// Every field of every kind of page and every key `pageValue` adds, as null. Each page's value starts with
    /// its keys (shared, not copied), so every page's value has them in the same order, which is what makes
    /// templates' lookups cheap (see ``TemplateMap``).
    static let emptyPageValue: TemplateMap = {
        var value = TemplateMap(minimumCapacity: Schema.allFieldNames.count + generatedNames.count)
        for name in Schema.allFieldNames + generatedNames { value[name] = .null }
        return value
    }()

    /// The keys `pageValue` sets beside the front-matter fields.
    private static let generatedNames = [
        "registration_url", "id", "title", "summary", "kind", "url", "permalink", "lang", "dir", "content",
        "content_lang", "content_dir", "is_fallback", "source_language", "source_language_name", "translations",
        "breadcrumbs", "parent", "children", "previous", "next", "start", "end", "when", "is_recurring",
        "calendar_url", "next_dates", "language_names", "series", "parts", "is_past", "json_ld",
    ]

    /// Where each key `pageValue` sets is in a map with the keys of `emptyPageValue`, found once: setting a value
    /// by position spares hashing its key (about thirty keys on every page).
    private static let slots = Slots(emptyPageValue)

    private struct Slots {
        let registrationURL, id, title, summary, kind, url, permalink, lang, dir, content, contentLang, contentDir,
            isFallback, sourceLanguage, sourceLanguageName, translations, breadcrumbs, parent, children, previous, next,
            start, end, when, isRecurring, calendarURL, nextDates, languageNames, series, parts, isPast, jsonLD: Int

        init(_ map: TemplateMap) {
            // Every key here is one of `generatedNames` (every build stops here at once otherwise).
            func at(_ key: String) -> Int { map.position(of: key)! }
            registrationURL = at("registration_url")
            id = at("id")
            title = at("title")
            summary = at("summary")
            kind = at("kind")
            url = at("url")
            permalink = at("permalink")
            lang = at("lang")
            dir = at("dir")
            content = at("content")
            contentLang = at("content_lang")
            contentDir = at("content_dir")
            isFallback = at("is_fallback")
            sourceLanguage = at("source_language")
            sourceLanguageName = at("source_language_name")
            translations = at("translations")
            breadcrumbs = at("breadcrumbs")
            parent = at("parent")
            children = at("children")
            previous = at("previous")
            next = at("next")
            start = at("start")
            end = at("end")
            when = at("when")
            isRecurring = at("is_recurring")
            calendarURL = at("calendar_url")
            nextDates = at("next_dates")
            languageNames = at("language_names")
            series = at("series")
            parts = at("parts")
            isPast = at("is_past")
            jsonLD = at("json_ld")
        }
    }

    func languageValue(_ language: Language) -> TemplateValue {
        .map(languageFields(language))
    }

    /// `page` for a content page (or a generated list, the home page).
    func pageValue(_ page: Page, contentHTML: [UInt8]) -> TemplateValue {
        let contentCode = site.contentLanguage(of: page, for: language) ?? language.code
        let contentLanguage = site.config.language(contentCode) ?? language
        let data = page.data[contentCode] ?? PageData()
        var value = TemplateMap(keysOf: Self.emptyPageValue, allSetTo: .null)
        for (name, field) in data.values { value[name] = field }
        if case .map(var contact)? = value["contact"] {
            contact["phone_href"] = Self.phoneHref(contact["phone"])
            contact["email_href"] = Self.mailHref(contact["email"])
            value["contact"] = .map(contact)
        }
        if case .string(let registration)? = value["registration"], SafeURL.isAllowed(registration),
            !registration.hasPrefix("/")
        {
            value[at: Self.slots.registrationURL] = .string(registration)
        } else {
            value[at: Self.slots.registrationURL] = .null
        }
        value[at: Self.slots.id] = .string(page.id)
        value[at: Self.slots.title] = .string(title(of: page))
        value[at: Self.slots.summary] = data.summary.map(TemplateValue.string) ?? .null
        value[at: Self.slots.kind] = .string(page.kind.rawValue)
        value[at: Self.slots.url] = .string("./")
        value[at: Self.slots.permalink] = .string(
            site.config.baseURL + String(PageID.urlPath(page.id, language: language.code).dropFirst()))
        value[at: Self.slots.lang] = .string(language.code)
        value[at: Self.slots.dir] = .string(language.direction.rawValue)
        value[at: Self.slots.content] = .htmlBytes(contentHTML)
        value[at: Self.slots.contentLang] = .string(contentLanguage.code)
        value[at: Self.slots.contentDir] = .string(contentLanguage.direction.rawValue)
        value[at: Self.slots.isFallback] = .bool(!page.files.isEmpty && contentCode != language.code)
        value[at: Self.slots.sourceLanguage] = .string(contentLanguage.code)
        value[at: Self.slots.sourceLanguageName] = .string(contentLanguage.name)
        value[at: Self.slots.translations] = .list(translations(of: page))
        var ancestors: [String] = []
        var ancestor = page.parent
        while let id = ancestor, let parent = site.pages[id] {
            ancestors.append(id)
            ancestor = parent.parent
        }
        let breadcrumbs = ancestors.reversed().map(summary)
        value[at: Self.slots.breadcrumbs] = .list(breadcrumbs)
        // The parent is the last of the ancestors: none when the page has no parent or it is missing from the site
        // (a summary of a missing page is null too).
        value[at: Self.slots.parent] = breadcrumbs.last ?? .null
        value[at: Self.slots.children] = .list(builtChildren(of: page).map(summary))
        var previous: TemplateValue = .null
        var next: TemplateValue = .null
        if page.kind == .guide, let parentID = page.parent, let parent = site.pages[parentID],
            case let siblings = builtChildren(of: parent), let index = builtChildPlaces(of: parent)[page.id]
        {
            if index > 0 { previous = summary(siblings[index - 1]) }
            if index + 1 < siblings.count { next = summary(siblings[index + 1]) }
        }
        value[at: Self.slots.previous] = previous
        value[at: Self.slots.next] = next
        value[at: Self.slots.start] = page.start.map { .string($0.iso) } ?? .null
        value[at: Self.slots.end] = page.end.map { .string($0.iso) } ?? .null
        value[at: Self.slots.when] = page.start.map { .string(dates.when(start: $0, end: page.end)) } ?? .null
        value[at: Self.slots.isRecurring] = .bool(page.recurrence != nil)
        value[at: Self.slots.calendarURL] = page.kind == .event && page.start != nil ? .string("event.ics") : .null
        value[at: Self.slots.nextDates] = .list(
            page.recurrence == nil ? [] : site.nextOccurrences(page, count: 10).map { .map(occurrenceFields($0)) })
        if case .list(let codes)? = value["languages"] {
            value[at: Self.slots.languageNames] = .list(
                codes.map { code in
                    guard case .string(let code) = code else { return code }
                    return .string(dates.languageName(code))
                })
        } else {
            value[at: Self.slots.languageNames] = .list([])
        }
        value[at: Self.slots.series] = page.series.map(summary) ?? .null
        value[at: Self.slots.parts] = summaries(page.parts)
        value[at: Self.slots.isPast] = .bool(page.kind == .event && site.isPast(page))
        value[at: Self.slots.jsonLD] = .null
        if let json = JSONLD.of(
            .map(value), kind: page.kind, start: page.start?.isoWithOffset(in: site.timeZone),
            end: page.end?.isoWithOffset(in: site.timeZone))
        {
            value[at: Self.slots.jsonLD] = .html(json)
        }
        return .map(value)
    }

    /// The page in every language of the site, for the language switcher and the hreflang links.
    ///
    /// Only the reader's own entry depends on the reader: the links to the others go from `/<reader>/<id>/` to
    /// `/<other>/<id>/`, which climb the same number of folders from every reader's copy. So a page shown at its
    /// own URL makes the entries once for all its readers, and the reader's entry is then marked current and
    /// given its link to itself.
    func translations(of page: Page) -> [TemplateValue] {
        let ownPath = PageID.urlPath(page.id, language: language.code)
        guard let cache, !rootRelative, url == ownPath,
            let current = site.config.languages.firstIndex(where: { $0.code == language.code })
        else { return translationEntries(of: page, current: language.code) }
        var entries = cache.translations(page.id) { translationEntries(of: page, current: nil) }
        if case .map(var entry) = entries[current] {
            entry["url"] = .string(href(ownPath))
            entry["is_current"] = .bool(true)
            entries[current] = .map(entry)
        }
        return entries
    }

    /// Each language's entry for `page`; `is_current` is true for the language `current`. With `current` nil, the
    /// links are those from the page in any other language: up out of its folders, then down into the other's.
    private func translationEntries(of page: Page, current: String?) -> [TemplateValue] {
        let depth = url.utf8.count { $0 == UInt8(ascii: "/") } - 1
        return site.config.languages.map { other in
            var entry = cache?.languageEntry(other.code) { switcherFields(other) } ?? switcherFields(other)
            let built = site.isBuilt(page, in: other)
            if built {
                let path = PageID.urlPath(page.id, language: other.code)
                entry["url"] = .string(
                    current == nil ? String(repeating: "../", count: depth) + path.dropFirst() : href(path))
                entry["permalink"] = .string(site.config.baseURL + path.dropFirst())
            } else {
                entry["url"] = .null
                entry["permalink"] = .null
            }
            entry["is_current"] = .bool(other.code == current)
            entry["is_fallback"] = .bool(built && !page.files.isEmpty && page.files[other.code] == nil)
            return .map(entry)
        }
    }

    /// A `mailto:` link for an e-mail address, or null unless the text is one address: a local part and a domain
    /// of at least two dot-separated labels, around one `@`, with no spaces, brackets or quotes (`a@b..de`, two
    /// addresses or a name with the address leave it unlinked, and the theme shows the text).
    static func mailHref(_ email: TemplateValue?) -> TemplateValue {
        guard case .string(let text)? = email else { return .null }
        let address = text.trimmingCharacters(in: .whitespaces)
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty,
            !address.unicodeScalars.contains(where: {
                $0.properties.isWhitespace || "<>\"(),;:[]\\".unicodeScalars.contains($0)
            })
        else { return .null }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else {
            return .null
        }
        return .string("mailto:" + address)
    }

    /// A `tel:` link for a phone number as written (`0211 89-21010` → `tel:02118921010`), or null unless the whole
    /// text is one number. The field is free text, and a wrong link is worse than none: whoever taps it calls a
    /// stranger. So the text may hold only an optional leading `+` and digits, in groups parted by spaces and at most
    /// one `-`, `/` or `.`, a group perhaps in parentheses (`(0211) 892-1010`); opening hours, a second number, letters
    /// or markup leave it unlinked. A `(0)` after the country code is the trunk prefix, which is not dialled from
    /// abroad, so it is dropped (`+49 (0) 211` → `tel:+49211…`). The link needs 3 to 15 digits (the E.164 maximum),
    /// at least 7 after a `+`.
    static func phoneHref(_ phone: TemplateValue?) -> TemplateValue {
        guard case .string(let text)? = phone else { return .null }
        enum Token { case start, plus, digit, space, mark, open, close }
        var last = Token.start
        var digits: [UInt8] = []
        var international = false
        var groups = 0
        var marked = false  // a `-`, `/` or `.` since the last group
        var parenthesis: (start: Int, groupsBefore: Int)? = nil
        for byte in text.trimmingCharacters(in: .whitespaces).utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if last != .digit { groups += 1 }
                digits.append(byte)
                marked = false
                last = .digit
            case UInt8(ascii: "+"):
                guard last == .start else { return .null }
                international = true
                last = .plus
            case UInt8(ascii: " "):
                guard parenthesis == nil, [.digit, .close, .space, .mark].contains(last) else { return .null }
                last = .space
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."):
                guard parenthesis == nil, !marked, [.digit, .close, .space].contains(last) else { return .null }
                marked = true
                last = .mark
            case UInt8(ascii: "("):
                guard parenthesis == nil, last != .close, last != .open else { return .null }
                parenthesis = (digits.count, groups)
                last = .open
            case UInt8(ascii: ")"):
                guard let open = parenthesis, last == .digit else { return .null }
                if international, open.groupsBefore == 1, digits[open.start...] == [UInt8(ascii: "0")] {
                    digits.removeLast()
                }
                parenthesis = nil
                last = .close
            default:
                return .null
            }
        }
        guard parenthesis == nil, last == .digit || last == .close,
            (international ? 7 : 3)...15 ~= digits.count
        else { return .null }
        return .string("tel:" + (international ? "+" : "") + String(decoding: digits, as: UTF8.self))
    }
}
