import Foundation
import Testing

@testable import Wegweiser

/// Mistakes an editor makes that used to build without a word, each reported where it was made.
@Suite struct EditorMistakeTests {
    /// Three pages of one site: the mistake in the second, two good ones around it.
    static func build(_ page: String, name: String = "pages/b.md") -> (site: HostileSite, result: BuildResult) {
        let site = HostileSite(content: [
            "de/pages/a.md": "---\ntitle: A\n---\nText.\n",
            "de/" + name: page,
            "de/pages/c.md": "---\ntitle: C\n---\nText.\n",
        ])
        return (site, site.build())
    }

    @Test(arguments: ["\"\"", "\"   \"", "''"])
    func emptyTitleIsAnError(title: String) {
        let (site, result) = Self.build("---\ntitle: \(title)\n---\nText.\n")
        defer { site.remove() }
        #expect(result.status == .contentErrors)
        #expect(
            site.printed(result).hasPrefix(
                "content/de/pages/b.md:2:8: error: the `title` is empty; write the page's title\n"))
    }

    @Test func titleWithoutValueIsAnError() {
        let (site, result) = Self.build("---\ntitle:\n---\nText.\n")
        defer { site.remove() }
        #expect(result.status == .contentErrors)
        #expect(result.diagnostics.map(\.message) == ["the `title` is empty; write the page's title"])
        #expect(result.diagnostics.first?.position.line == 2)
    }

    @Test func untilBeforeTheFirstDayIsAnError() {
        let event = """
            ---
            title: Kurs
            start: 2026-02-03T18:00
            recurrence:
              every: week
              until: 2026-01-01
            ---
            Text.

            """
        let (site, result) = Self.build(event, name: "events/kurs.md")
        defer { site.remove() }
        #expect(result.status == .contentErrors)
        #expect(
            site.printed(result).hasPrefix(
                "content/de/events/kurs.md:6:10: error: `until` (2026-01-01) is before the event's first day (2026-02-03); the event would never take place\n"
            ))
    }

    /// 02:30 on the night summer time begins is no time in Berlin; the end after it is not "before the start".
    @Test func timeInTheSkippedHourIsAnError() {
        let (site, result) = Self.build(
            "---\ntitle: Nacht\nstart: 2026-03-29T02:30\nend: 2026-03-29T03:10\n---\nText.\n", name: "events/nacht.md")
        defer { site.remove() }
        #expect(result.status == .contentErrors)
        #expect(result.diagnostics.count == 1)
        #expect(
            site.printed(result).hasPrefix(
                "content/de/events/nacht.md:3:8: error: `start` (2026-03-29T02:30) does not exist in Europe/Berlin: the clocks skip that hour when summer time begins; use a time before or after it\n"
            ))
    }

    @Test func linkToADraftSaysItIsADraft() {
        let site = HostileSite(content: [
            "de/pages/entwurf.md": "---\ntitle: Entwurf\ndraft: true\n---\nText.\n",
            "de/pages/a.md": "---\ntitle: A\n---\nSiehe [den Entwurf](entwurf.md).\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            site.printed(result).hasPrefix(
                "content/de/pages/a.md:4:7: error: `entwurf.md` links to a draft (`draft: true`), which is not on the site; publish it first, or preview with --drafts\n"
            ))
        var options = site.options()
        options.includeDrafts = true
        #expect(SiteGenerator.build(options).status == .success)
    }

    @Test(arguments: [
        (["c": "c"], "c", "`series: c` names this event; `series` names the event this one is a part of"),
        (
            ["a": "b", "b": "a"], "a",
            "`series: b` names an event that names this one as its series; only one of them can be the series"
        ),
        (
            ["a": "s", "d": "a", "s": nil], "d",
            "`series: a` names an event that is itself a part of `s`; name that one, as a series has parts but its parts have none"
        ),
    ])
    func seriesMustBeAnotherEventWithoutASeries(series: [String: String?], reported: String, message: String) {
        var content: [String: String] = [:]
        for (name, parent) in series {
            content["de/events/\(name).md"] =
                "---\ntitle: \(name)\nstart: 2026-05-01\n" + (parent.map { "series: \($0)\n" } ?? "") + "---\nText.\n"
        }
        let site = HostileSite(content: content)
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(result.diagnostics.count == 1)
        #expect(site.printed(result).hasPrefix("content/de/events/\(reported).md:4:9: error: \(message)\n"))
    }

    @Test func siteWithoutBaseURLIsWarned() {
        let site = HostileSite(content: [
            "site.yml": "title: T\nlanguages:\n  - code: de\n    name: Deutsch\n",
            "de/pages/a.md": "---\ntitle: A\n---\nText.\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        #expect(
            site.printed(result).hasPrefix(
                "content/site.yml:1:1: warning: site.yml has no `base_url`; the sitemap, canonical links and calendars need the site's address, e.g. `base_url: https://integration.example.org/`\n"
            ))
        var options = site.options()
        options.baseURL = "https://preview.example.org/"
        #expect(SiteGenerator.build(options).diagnostics.isEmpty)
    }

    @Test func untilCenturiesAwayIsAnError() {
        let event = """
            ---
            title: Treff
            start: 2026-02-03T18:00
            recurrence:
              every: day
              until: 9999-12-31
            ---
            Text.

            """
        let (site, result) = Self.build(event, name: "events/treff.md")
        defer { site.remove() }
        #expect(result.status == .contentErrors)
        #expect(
            site.printed(result).hasPrefix(
                "content/de/events/treff.md:6:10: error: `until` (9999-12-31) is more than 100 years after the event's first day; leave `until` out for an event that keeps repeating\n"
            ))
    }

    @Test(arguments: [
        ("pages/b.MD", "b"), ("pages/b.markdown", "b"), ("pages/B.Md", "b"), ("pages/Über uns.markdown", "ueber-uns"),
    ])
    func pageFileWithAnotherEndingIsNamed(file: String, stem: String) {
        let (site, result) = Self.build("---\ntitle: B\n---\nText.\n", name: file)
        defer { site.remove() }
        #expect(result.status == .success)
        #expect(result.diagnostics.count == 1)
        #expect(
            site.printed(result).hasPrefix(
                "content/de/\(file):1:1: warning: the file is not read: page files end in `.md`; rename it to `\(stem).md`\n"
            ))
    }

    /// An address (web or e-mail) written as text is no link in CommonMark, and a table in GitHub's notation right
    /// under a line of text is part of that text's paragraph:
    /// warnings where they were written, with the way to write them; the page is still built.
    @Test func bareAddressAndTableAreWarnings() {
        let page = """
            ---
            title: B
            ---
            Mehr unter https://www.duesseldorf.de/integration und www.komm-an.nrw.de.
            Fragen an integration@duesseldorf.de, Termine über <ki@duesseldorf.de>.
            Öffnungszeiten:
            | Tag | Uhrzeit |
            |-----|---------|
            | Mo  | 9–12    |

            """
        let (site, result) = Self.build(page)
        defer { site.remove() }
        #expect(result.status == .success)
        #expect(
            result.diagnostics.map { "\($0.position): \($0.severity.rawValue): \($0.message)" } == [
                "4:12: warning: `https://www.duesseldorf.de/integration` is shown as text, not as a link readers can tap; write it as <https://www.duesseldorf.de/integration> or [what it is](https://www.duesseldorf.de/integration)",
                "4:55: warning: `www.komm-an.nrw.de` is shown as text, not as a link readers can tap; write it as <https://www.komm-an.nrw.de> or [what it is](https://www.komm-an.nrw.de)",
                "5:11: warning: `integration@duesseldorf.de` is shown as text, not as a link readers can tap to write an e-mail; write it as <integration@duesseldorf.de>",
                "7:1: warning: this table is shown as text with its `|` signs: a table needs an empty line above its first row and below its last, and as many cells in its first row as in the row of dashes under it",
            ])
    }

    /// Links in table cells are resolved and checked like any other, and reported where they are written: in
    /// the file's line of the row, at the column of the link's `[`.
    @Test func linksInTableCellsAreCheckedWhereTheyAre() throws {
        let page = """
            ---
            title: B
            ---
            | Seite | Abschnitt |
            |-------|-----------|
            | [A](a.md) | [Fehlt](c.md#fehlt) |
            | [Nichts](nichts.md) | Text |

            """
        let (site, result) = Self.build(page)
        defer { site.remove() }
        #expect(result.status == .contentErrors)
        #expect(
            result.diagnostics.map { "\($0.position): \($0.severity.rawValue)" } == ["6:15: error", "7:3: error"])
        #expect(result.diagnostics[0].message.contains("#fehlt"))
        #expect(result.diagnostics[1].message.contains("nichts.md"))
    }

    /// A list pasted from a word processor keeps its bullets as text: the page shows them, but screen readers
    /// announce no list. A warning at the first such line of each paragraph; a dash counts at a paragraph's start
    /// or on two of its lines, as one inside a paragraph is punctuation; code is not looked at.
    @Test func pastedListsAreWarnings() {
        let page = """
            ---
            title: B
            ---
            Unsere Angebote:

            • Beratung
            • Sprachkurse

            – Kita

            Die Beratung ist kostenlos
            – auch für Familien.

            > \u{B7}\tZitat

            Zeiten 9–12 Uhr und
            — erstens
            — zweitens

                • Code

            """
        let (site, result) = Self.build(page)
        defer { site.remove() }
        #expect(result.status == .success)
        let text =
            "as word processors write lists: it is shown as text, not as a list that screen readers announce as one; start each item with `- `"
        #expect(
            result.diagnostics.map { "\($0.position): \($0.severity.rawValue): \($0.message)" } == [
                "6:1: warning: this line starts with U+2022 (BULLET), " + text,
                "9:1: warning: this line starts with U+2013 (EN DASH), " + text,
                "14:3: warning: this line starts with U+00B7 (MIDDLE DOT), " + text,
                "17:1: warning: this line starts with U+2014 (EM DASH), " + text,
            ])
    }

    /// A heading made as in a word processor, a paragraph of short bold text, is no heading for screen readers or
    /// the page's outline (WCAG 1.3.1); an image's file name as its alt text says nothing (1.1.1). Warnings; a bold
    /// sentence, a bold list item or quote, and bold text around a link or with more text are emphasis.
    @Test func boldHeadingsAndFileNamesAsAltTextAreWarnings() {
        let page = """
            ---
            title: B
            ---
            **Öffnungszeiten**

            Montag bis Freitag.

            **Wichtig: Bitte bringen Sie Ihren Ausweis mit.**

            - **Kita**

            > **Zitat**

            **Siehe [die Beratung](https://a.example/)**

            __Kosten:__

            **Öffnungszeiten** und mehr

            ![IMG_2041.JPG](data:image/png;base64,iVBORw0KGgo=) ![Plan des Erdgeschosses](data:image/png;base64,iVBORw0KGgo=)

            """
        let (site, result) = Self.build(page)
        defer { site.remove() }
        #expect(result.status == .success)
        let bold =
            "this paragraph is only bold text, which looks like a heading but is none for screen readers and the page's outline; if it is one, write"
        #expect(
            result.diagnostics.map { "\($0.position): \($0.severity.rawValue): \($0.message)" } == [
                "4:1: warning: \(bold) `## Öffnungszeiten`",
                "16:1: warning: \(bold) `## Kosten`",
                "20:1: warning: the alt text \"IMG_2041.JPG\" is a file name; describe what the image shows: ![Map of the town hall](…)",
            ])
    }

    /// A page moved from Hugo, Jekyll or Eleventy: its fields get what to write instead (`date` of an event is
    /// `start`; a plain page has no date), before any field of a similar name (`language` is not `languages`).
    @Test func fieldsOfOtherGeneratorsGetAdvice() {
        let event = """
            ---
            title: Fest
            start: 2026-06-01
            date: 2026-06-01
            description: Ein Fest
            tags: [fest]
            slug: sommerfest
            language: de
            ---
            Text.

            """
        let (site, result) = Self.build(event, name: "events/fest.md")
        defer { site.remove() }
        #expect(
            result.diagnostics.map { "\($0.position): \($0.message)" } == [
                "4:1: unknown field `date` for an event page; an event's date and time is `start` (and `end`)",
                "5:1: unknown field `description` for an event page; the short text for lists and search engines is `summary`",
                "6:1: unknown field `tags` for an event page; pages are grouped by their folder; there are no tags",
                "7:1: unknown field `slug` for an event page; a page's address is its file name: rename the file",
                "8:1: unknown field `language` for an event page; a page's language is the folder it is in (`content/en/…`)",
            ])
        let (guide, guideResult) = Self.build("---\ntitle: B\ndate: 2026-06-01\n---\nText.\n")
        defer { guide.remove() }
        #expect(
            guideResult.diagnostics.map(\.message) == [
                "unknown field `date` for a page; pages show the date the site was built; only events have dates (`start`)"
            ])
    }

    /// TOML front matter (`+++`, as Hugo and Zola allow) is named as such, with the way to write it, also after
    /// a byte-order mark.
    @Test(arguments: ["", "\u{FEFF}"])
    func tomlFrontMatterIsNamed(start: String) {
        let (site, result) = Self.build(start + "+++\ntitle = \"B\"\n+++\nText.\n")
        defer { site.remove() }
        #expect(result.status == .contentErrors)
        #expect(
            site.printed(result).hasPrefix(
                "content/de/pages/b.md:1:1: error: front matter between `+++` lines (TOML) is not read here; write it between `---` lines as `key: value`, e.g. `title: Sprachkurse` for `title = \"Sprachkurse\"`\n"
            ))
    }

    /// A date written the German way gets the same date in the form the field needs; one that is no date
    /// (29 February 2027, a two-digit year, 25 o’clock) or a time alone gets the plain message.
    @Test(arguments: [
        ("13.11.2025", "; for 13.11.2025 write `2025-11-13`"),
        ("3.1.2026 18:30", "; for 3.1.2026 18:30 write `2026-01-03T18:30`"),
        ("13.11.2025 18.30 Uhr", "; for 13.11.2025 18.30 Uhr write `2025-11-13T18:30`"),
        ("29.02.2028 9 Uhr", "; for 29.02.2028 9 Uhr write `2028-02-29T09:00`"),
        ("29.02.2027", ""), ("13.11.25", ""), ("18:00", ""), ("13.11.2025 25:00", ""),
    ])
    func germanDateGetsTheISOForm(value: String, advice: String) {
        let (site, result) = Self.build("---\ntitle: Fest\nstart: \(value)\n---\nText.\n", name: "events/fest.md")
        defer { site.remove() }
        #expect(
            result.diagnostics.map { "\($0.position): \($0.message)" } == [
                "3:8: `start` must be a date (`2025-11-13`), a date and time (`2025-11-13T18:00`) or a month (`2025-09`)"
                    + advice
            ])
    }
}
