import Foundation

/// What each front-matter field is for, in words for editors, for the comments `wegweiser new` writes.
/// German and English are built in; a site whose default language is another one gets English.
enum FieldHelp {
    static func words(for language: String) -> [String: String] {
        language.hasPrefix("de") ? german : english
    }

    /// The comment and the (commented-out, unless required) line of one field; nested fields follow it, each with
    /// its help at the end of the line, so that removing `# ` from the lines leaves valid, indented YAML.
    static func lines(for field: Field, words: [String: String], title: String, now: Date) -> String {
        var text = ""
        if let help = words[field.name] { text += "# \(help)\n" }
        if field.name == "title" {
            return text + "title: \"\(title)\"\n"
        }
        if field.name == "start" {
            let day = ISO8601DateFormatter.string(
                from: now, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
            return text + "start: \(day)\n"
        }
        func nested(_ name: String, prefix: String) -> String {
            let line = prefix + name + ":"
            guard let help = words[name] else { return "# \(line)\n" }
            return "# \(line)" + String(repeating: " ", count: max(1, 18 - line.count)) + "# \(help)\n"
        }
        switch field.type {
        case .record(let subfields):
            text += "# \(field.name):\n"
            for subfield in subfields { text += nested(subfield.name, prefix: "  ") }
        case .recordList(let subfields):
            text += "# \(field.name):\n"
            text += nested(subfields[0].name, prefix: "  - ")
            for subfield in subfields.dropFirst() { text += nested(subfield.name, prefix: "    ") }
        case .textList:
            text += "# \(field.name): []\n"
        default:
            text += "# \(field.name):\n"
        }
        return text
    }

    static let german: [String: String] = [
        "title": "Titel der Seite (Pflicht)",
        "summary": "Ein Satz, der sagt, worum es geht (erscheint in Listen)",
        "weight": "Reihenfolge unter Geschwisterseiten: kleinere Zahlen zuerst",
        "draft": "true: die Seite wird noch nicht veröffentlicht",
        "aliases": "Alte Adressen dieser Seite, die weiter funktionieren sollen, z. B. guides/alter-name",
        "name": "Offizieller Name",
        "city": "Stadt oder Kreis",
        "concept": "Integrationskonzept: Titel, Datum des Ratsbeschlusses (2017-03-10), Link",
        "date": "Datum, z. B. 2017-03-10",
        "url": "Link, beginnt mit https://",
        "founded": "Datum des Ratsbeschlusses zur Gründung, z. B. 2013-06-13",
        "focus": "Schwerpunkte: je ein Titel und ein Text",
        "text": "Text",
        "tasks": "Weitere Aufgaben, eine pro Zeile",
        "affiliation": "Organisatorische Anbindung: Amt, Dezernat, Leitung",
        "projects": "Projekte aus der Praxis, eines pro Zeile",
        "contact": "Kontakt (gilt für alle Sprachen; nur die Rolle wird übersetzt)",
        "person": "Name der Ansprechperson",
        "role": "Rolle oder Funktion",
        "street": "Straße und Hausnummer",
        "postal_code": "Postleitzahl",
        "phone": "Telefon, z. B. 0211 89-12345",
        "email": "E-Mail-Adresse",
        "homepage": "Webseite, beginnt mit https://",
        "opening_hours": "Öffnungszeiten",
        "accessibility": "Barrierefreiheit: Zugang, Aufzug, Hilfen",
        "start":
            "Beginn: ein Tag (2025-11-13), ein Tag mit Uhrzeit (2025-11-13T18:00) oder ein Monat (2025-09) (Pflicht)",
        "end": "Ende, in derselben Form wie der Beginn",
        "all_day": "true: ganztägig",
        "location": "Ort (gilt für alle Sprachen; der Name darf übersetzt werden)",
        "online": "Link zur Online-Veranstaltung, beginnt mit https://",
        "organizer": "Veranstalter",
        "registration": "Anmeldung: ein Link (https://…) oder ein kurzer Text",
        "languages": "Sprachen, in denen die Veranstaltung stattfindet, als Kürzel, z. B. [de, ar, uk]",
        "series": "Teil einer Reihe: der Dateiname der Reihe ohne .md",
        "recurrence": "Wiederholung: every (day, week oder month), interval, until (Datum), except (Liste von Daten)",
        "every": "day, week oder month",
        "interval": "2 heißt: jede zweite Woche (oder jeden zweiten Tag, Monat)",
        "until": "Letzter möglicher Tag, z. B. 2026-06-30",
        "except": "Tage, an denen die Veranstaltung ausfällt, z. B. [2025-12-25]",
        "body": "Hier steht der Text der Seite in Markdown. Abschnitte beginnen mit ## Überschrift.",
    ]

    static let english: [String: String] = [
        "title": "Title of the page (required)",
        "summary": "One sentence that says what the page is about (shown in lists)",
        "weight": "Order among sibling pages: smaller numbers first",
        "draft": "true: the page is not published yet",
        "aliases": "Old addresses of this page that should keep working, e.g. guides/old-name",
        "name": "Official name",
        "city": "City or district",
        "concept": "Integration concept: title, date of the council decision (2017-03-10), link",
        "date": "Date, e.g. 2017-03-10",
        "url": "Link, starting with https://",
        "founded": "Date of the council decision that set it up, e.g. 2013-06-13",
        "focus": "Focus areas: a title and a text each",
        "text": "Text",
        "tasks": "Further tasks, one per line",
        "affiliation": "Place in the administration: office, department, head",
        "projects": "Projects from practice, one per line",
        "contact": "Contact (the same in every language; only the role is translated)",
        "person": "Name of the contact person",
        "role": "Role or position",
        "street": "Street and number",
        "postal_code": "Postal code",
        "phone": "Phone, e.g. 0211 89-12345",
        "email": "E-mail address",
        "homepage": "Website, starting with https://",
        "opening_hours": "Opening hours",
        "accessibility": "Accessibility: access, lift, support",
        "start": "Start: a day (2025-11-13), a day and time (2025-11-13T18:00) or a month (2025-09) (required)",
        "end": "End, in the same form as the start",
        "all_day": "true: all day",
        "location": "Place (the same in every language; the name may be translated)",
        "online": "Link to the online event, starting with https://",
        "organizer": "Organiser",
        "registration": "Registration: a link (https://…) or a short text",
        "languages": "Languages the event is held in, as codes, e.g. [de, ar, uk]",
        "series": "Part of a series: the series' file name without .md",
        "recurrence": "Repeats: every (day, week or month), interval, until (a date), except (a list of dates)",
        "every": "day, week or month",
        "interval": "2 means every second week (or day, month)",
        "until": "Last possible day, e.g. 2026-06-30",
        "except": "Days on which the event does not take place, e.g. [2025-12-25]",
        "body": "The text of the page goes here, in Markdown. Sections start with ## Heading.",
    ]
}
