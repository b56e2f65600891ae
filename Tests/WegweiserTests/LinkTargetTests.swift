import Foundation
import Testing

@testable import Wegweiser

/// Links that a check passed but a browser would not follow, or failed with a reason that was not the one.
@Suite struct LinkTargetTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    private func read(_ site: Workspace, _ path: String) throws -> String {
        try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Whether `html` has `text` byte for byte (`contains` takes composed and decomposed text as equal).
    private func hasBytes(_ html: String, _ text: String) -> Bool {
        let (haystack, needle) = (Array(html.utf8), Array(text.utf8))
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains {
            haystack[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }

    private func messages(_ result: BuildResult) -> [String] {
        result.diagnostics.map { "\($0.position.line):\($0.position.column) \($0.severity.rawValue): \($0.message)" }
    }

    /// The bug: a heading saved decomposed (`e` + U+0323 U+0302, as macOS may save "ệ") got an id with those bytes,
    /// and a link typed composed passed the check (Swift compares them as equal) but went nowhere in a browser,
    /// which compares fragment and id byte for byte. Ids and fragments are now both composed (NFC).
    @Test func decomposedHeadingAndComposedLinkMeet() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.edit("content/de/guides/arbeit/sprachkurs.md") {
            $0 + "\n[Zum Abschnitt](#vi\u{1EC7}t) und [zurück](#vie\u{323}\u{302}t)\n\n## Vie\u{323}\u{302}t\n"
        }
        let result = site.build()
        #expect(result.status == .success)
        #expect(result.diagnostics.filter { $0.severity == .error } == [])
        let html = try read(site, "de/guides/arbeit/sprachkurs/index.html")
        #expect(hasBytes(html, "<h2 id=\"vi\u{1EC7}t\">"))
        #expect(hasBytes(html, "<a href=\"#vi%E1%BB%87t\">Zum Abschnitt</a> und <a href=\"#vi%E1%BB%87t\">zurück</a>"))
    }

    /// A letter that NFC decomposes (Devanagari क़, U+0958): the id and the link's fragment are made the same way,
    /// so a link typed with the one letter meets a heading typed with two, and the reverse.
    @Test func lettersThatComposingSplitsMeetToo() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.edit("content/de/guides/arbeit/sprachkurs.md") {
            $0 + "\n[Eins](#\u{0958}anun) [Zwei](#\u{0915}\u{093C}isa)\n\n## \u{0915}\u{093C}anun\n\n## \u{0958}isa\n"
        }
        let result = site.build()
        #expect(result.diagnostics.filter { $0.severity == .error } == [])
        let html = try read(site, "de/guides/arbeit/sprachkurs/index.html")
        #expect(hasBytes(html, "<h2 id=\"\u{0915}\u{093C}anun\">"))
        #expect(hasBytes(html, "<a href=\"#%E0%A4%95%E0%A4%BCanun\">Eins</a>"))
        #expect(hasBytes(html, "<h2 id=\"\u{0915}\u{093C}isa\">"))
    }

    /// The bug: `#%C3%BCberschrift` (as "copy link to heading" writes it) was "not a heading"; browsers decode it.
    @Test func percentEncodedFragmentsAreHeadings() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.edit("content/de/guides/arbeit/sprachkurs.md") {
            $0 + "\n[Oben](#%C3%BCberschrift), [Hier](sprachkurs.md#%C3%BCberschrift)\n\n## Überschrift\n"
        }
        let result = site.build()
        #expect(result.diagnostics.filter { $0.severity == .error } == [])
        let html = try read(site, "de/guides/arbeit/sprachkurs/index.html")
        #expect(html.contains("<a href=\"#%C3%BCberschrift\">Oben</a>"))
        #expect(html.contains("<a href=\"./#%C3%BCberschrift\">Hier</a>"))
    }

    /// The bug: links to the calendars, the sitemap, robots.txt and the 404 page, which every build writes, were
    /// "a page that does not exist". They go to the reader's language's calendar, as links to pages do.
    @Test func filesMadeFromAllPagesCanBeLinked() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.edit("content/de/guides/arbeit/sprachkurs.md") {
            $0
                + "\n[Termine](/de/events.ics), [Sprachcafé](/events/sprachcafe/event.ics), [Karte](/sitemap.xml),"
                + " [Robots](/robots.txt), [Fehler](/404.html)\n"
        }
        let result = site.build()
        #expect(result.diagnostics.filter { $0.severity == .error } == [])
        #expect(
            try read(site, "de/guides/arbeit/sprachkurs/index.html").contains(
                "<a href=\"../../../events.ics\">Termine</a>, <a href=\"../../../events/sprachcafe/event.ics\">Sprachcafé</a>,"
                    + " <a href=\"../../../../sitemap.xml\">Karte</a>, <a href=\"../../../../robots.txt\">Robots</a>,"
                    + " <a href=\"../../../../404.html\">Fehler</a>"))
        // The English reader, shown the German page, gets the English calendars, which list the German event too.
        #expect(
            try read(site, "en/guides/arbeit/sprachkurs/index.html").contains(
                "<a href=\"../../../events.ics\">Termine</a>, <a href=\"../../../events/sprachcafe/event.ics\">"))
        #expect(FileManager.default.fileExists(atPath: site.output.path + "/en/events/sprachcafe/event.ics"))
    }

    @Test func calendarsThatAreNotMadeAreNamed() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.edit("content/de/guides/arbeit/sprachkurs.md") {
            $0 + "\n[Termine](/termine.ics) [Kurs](/de/guides/arbeit/sprachkurs/event.ics)\n"
        }
        let result = site.build()
        #expect(
            result.diagnostics.filter { $0.severity == .error && $0.message.hasPrefix("`/termine.ics`") }.map(
                \.message
            )
            .first
                == "`/termine.ics` links to /termine.ics, a calendar that a build does not make: the calendar of coming events is /de/events.ics, and each event's is its address followed by event.ics"
        )
        #expect(
            result.diagnostics.contains {
                $0.message.hasPrefix(
                    "`/de/guides/arbeit/sprachkurs/event.ics` links to /de/guides/arbeit/sprachkurs/event.ics, a calendar"
                )
            })
    }

    /// `#%00` is not decoded into a NUL character, which a message would print raw to the terminal.
    @Test func fragmentsAreNotDecodedIntoControlCharacters() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.edit("content/de/guides/arbeit/sprachkurs.md") { $0 + "\n[c](#%00)\n" }
        let result = site.build()
        let messages = result.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("`#%00` is not a heading") == true)
    }

    /// `[Leer]()` went nowhere without a word.
    @Test func emptyDestinationIsAnError() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.edit("content/de/guides/arbeit/sprachkurs.md") { $0 + "\nMehr: [Leer]()\n" }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            messages(result).contains {
                $0.hasSuffix(
                    ":7 error: the link has no destination and goes nowhere; write where it goes between the parentheses, e.g. [Leer](../arbeit/_index.md)"
                )
            })
    }

    /// The bug: a page and a file that only the English folder has were "switched off fallback pages" and "no
    /// language folder has …" for a German reader, though fallback pages were on and the English folder had it.
    @Test func targetsInAnotherLanguageOnlyAreNamed() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.write("content/en/guides/arbeit/nur-englisch.md", "---\ntitle: Only English\n---\nText.\n")
        try Data([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0]).write(
            to: site.content.appendingPathComponent("en/guides/arbeit/plan.gif"))
        try site.edit("content/de/guides/arbeit/sprachkurs.md") {
            $0 + "\n[Englisch](nur-englisch.md) ![Plan](plan.gif)\n"
        }
        let result = site.build()
        #expect(result.status == .contentErrors)
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.message)
        // Once for each reader the German page is shown to: German readers, and Arabic ones, who fall back to it.
        #expect(
            errors == [
                "`nur-englisch.md` links to a page written only in English, which is not shown to readers of Deutsch (not a language they fall back to); write a Deutsch version or link to another page",
                "`nur-englisch.md` links to a page written only in English, which is not shown to readers of العربية (not a language they fall back to); write a العربية version or link to another page",
                "`plan.gif` links to a file that only the language folder en has, which a reader of Deutsch is not shown; put a copy of it beside this page",
                "`plan.gif` links to a file that only the language folder en has, which a reader of العربية is not shown; put a copy of it beside this page",
            ])
    }

    /// A destination written again is resolved once per page; each place it is written still gets its link and its
    /// own diagnostic, before and after the page has more destinations than are searched one by one.
    @Test func aDestinationWrittenAgainIsCheckedAtEachPlace() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let many = (1...20).map { "[Seite \($0)](https://example.org/\($0))" }.joined(separator: " ")
        var firstLine = 0
        try site.edit("content/de/guides/arbeit/sprachkurs.md") { text in
            firstLine = text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
            return text + "\n[Eins](anerkennung.md#fehlt)\n\nUnd [Zwei](anerkennung.md#fehlt)\n\n\(many)\n\n"
                + "Noch [Drei](anerkennung.md#fehlt) und [Vier](anerkennung.md)\n"
        }
        let result = site.build()
        #expect(result.status == .contentErrors)
        // Checked for each reader the page is shown to, against the text that reader gets of the linked page.
        let places = result.diagnostics.compactMap { diagnostic -> String? in
            let prefix = "`#fehlt` is not a heading on "
            guard diagnostic.message.hasPrefix(prefix) else { return nil }
            let target = diagnostic.message.dropFirst(prefix.count).prefix { $0 != ";" }
            return "\(diagnostic.position.line):\(diagnostic.position.column) "
                + target.replacingOccurrences(of: site.content.path + "/", with: "")
        }
        let expected = ["\(firstLine):1", "\(firstLine + 2):5", "\(firstLine + 6):6"].flatMap { place in
            ["ar", "de", "en"].map { "\(place) \($0)/guides/arbeit/anerkennung.md" }
        }
        #expect(places.sorted() == expected.sorted())

        try site.edit("content/de/guides/arbeit/sprachkurs.md") { $0.replacingOccurrences(of: "#fehlt", with: "") }
        #expect(site.build().status == .success)
        let html = try read(site, "de/guides/arbeit/sprachkurs/index.html")
        for text in ["Eins", "Zwei", "Drei", "Vier"] {
            #expect(html.contains("<a href=\"../anerkennung/\">\(text)</a>"))
        }
        #expect(html.contains("<a href=\"https://example.org/20\">Seite 20</a>"))
    }
}
