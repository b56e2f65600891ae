import Foundation
import Testing

@testable import Wegweiser

/// Translation status and stamping on a copy of the `translation-status` fixture.
@Suite struct TranslationStatusTests {
    /// A writable copy of the fixture, and options pointing at it.
    func copyOfFixture() throws -> (URL, BuildOptions) {
        let temp = Fixtures.temporaryFolder()
        let source = Fixtures.root.appendingPathComponent("translation-status")
        try FileManager.default.copyItem(
            at: source.appendingPathComponent("content"), to: temp.appendingPathComponent("content"))
        var options = BuildOptions(now: Fixtures.now)
        options.contentPath = temp.appendingPathComponent("content").path
        options.templatesPath = source.appendingPathComponent("templates").path
        return (temp, options)
    }

    func states(_ report: TranslationReport?, _ language: String) -> [String: TranslationReport.State] {
        let pages = report?.languages.first { $0.code == language }?.pages ?? []
        return Dictionary(uniqueKeysWithValues: pages.map { ($0.page, $0.state) })
    }

    @Test func beforeStampingEveryTranslationIsOutdatedAndGapsAreFallbacks() throws {
        let (temp, options) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: temp) }
        let (report, diagnostics, _, _) = SiteGenerator.translationReport(options)
        // The fixture's theme has no UI strings for Leichte Sprache (`missingUIStringsPerLanguage` needs that).
        #expect(
            diagnostics.map(\.message) == [
                "there are no UI strings for `de-x-ls`: menus, labels and buttons of its pages are shown in Deutsch (`de`); add this file with the keys of i18n/de.yml translated"
            ])
        #expect(states(report, "en") == ["": .outdated, "guides": .outdated, "guides/arbeit": .fallback])
        #expect(states(report, "ar") == ["": .outdated, "guides": .fallback, "guides/arbeit": .fallback])
        #expect(states(report, "de-x-ls") == ["": .outdated, "guides": .fallback, "guides/arbeit": .fallback])
        #expect(states(report, "de") == [:])
        #expect(report?.worst == .fallback)
    }

    @Test func fallbackPagesOffMakesGapsMissing() throws {
        let (temp, options) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: temp) }
        let site = options.contentPath + "/site.yml"
        let text = try String(contentsOfFile: site, encoding: .utf8)
        try (text + "fallback_pages: false\n").write(toFile: site, atomically: true, encoding: .utf8)
        let (report, _, _, _) = SiteGenerator.translationReport(options, language: "ar")
        #expect(states(report, "ar") == ["": .outdated, "guides": .missing, "guides/arbeit": .missing])
        #expect(report?.languages.map(\.code) == ["ar"])
        #expect(report?.worst == .missing)
    }

    /// A file whose front matter cannot be read gets its own error, not "not a page of the site".
    @Test func stampOfABrokenFileShowsItsError() throws {
        let (temp, options) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: temp) }
        let english = options.contentPath + "/en/_index.md"
        try "---\ntitle: [Start\n---\nText.\n".write(toFile: english, atomically: true, encoding: .utf8)
        let stamped = Stamp.run(files: [english], minor: false, options: options)
        #expect(stamped.changedFiles == [])
        #expect(stamped.diagnostics.count == 1)
        #expect(stamped.diagnostics.first?.file == english)
        #expect(stamped.diagnostics.first?.position.line == 2)
        #expect(stamped.diagnostics.first?.message.contains("not a page of the site") == false)
    }

    @Test func stampMarksCurrentAndASourceEditMakesOutdatedAgain() throws {
        let (temp, options) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: temp) }
        let english = options.contentPath + "/en/_index.md"
        let german = options.contentPath + "/de/_index.md"

        let stamped = Stamp.run(files: [english], minor: false, options: options)
        #expect(stamped.diagnostics == [])
        #expect(stamped.changedFiles == [german, english])
        let hash = SourceHash.of(try #require(loadFile(german, options: options)))
        #expect(
            try String(contentsOfFile: english, encoding: .utf8)
                == "---\ntitle: Home\nsource_hash: \(hash)\n---\nWelcome.\n")
        #expect(
            try String(contentsOfFile: german, encoding: .utf8)
                == "---\ntitle: Start\nsource_hash: \(hash)\n---\nWillkommen.\n")
        var report = SiteGenerator.translationReport(options).report
        #expect(states(report, "en")[""] == .upToDate)
        #expect(states(report, "ar")[""] == .outdated)

        // A real change to the source makes the translation outdated.
        try "---\ntitle: Start\nsource_hash: \(hash)\n---\nHerzlich willkommen in der Stadt.\n"
            .write(toFile: german, atomically: true, encoding: .utf8)
        report = SiteGenerator.translationReport(options).report
        #expect(states(report, "en")[""] == .outdated)
    }

    @Test func minorEditKeepsCurrentTranslationsCurrentOnly() throws {
        let (temp, options) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: temp) }
        let english = options.contentPath + "/en/_index.md"
        let german = options.contentPath + "/de/_index.md"
        #expect(Stamp.run(files: [english], minor: false, options: options).diagnostics == [])

        // A typo fix in the source, marked minor: English was current and stays so; Arabic was never stamped.
        var text = try String(contentsOfFile: german, encoding: .utf8)
        text = text.replacingOccurrences(of: "Willkommen.", with: "Willkommen!")
        try text.write(toFile: german, atomically: true, encoding: .utf8)
        #expect(states(SiteGenerator.translationReport(options).report, "en")[""] == .outdated)
        let minor = Stamp.run(files: [german], minor: true, options: options)
        #expect(minor.diagnostics == [])
        #expect(minor.changedFiles == [german, english])
        let report = SiteGenerator.translationReport(options).report
        #expect(states(report, "en")[""] == .upToDate)
        #expect(states(report, "ar")[""] == .outdated)
    }

    @Test func stampRefusesWrongFiles() throws {
        let (temp, options) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: temp) }
        let german = options.contentPath + "/de/_index.md"
        let english = options.contentPath + "/en/_index.md"
        #expect(
            Stamp.run(files: [german], minor: false, options: options).diagnostics.map(\.message) == [
                "this is the source of its translations; stamp a translation, or use `--minor` after a small edit to the source"
            ])
        #expect(
            Stamp.run(files: [english], minor: true, options: options).diagnostics.map(\.message) == [
                "`--minor` takes the source file (\(german)), not a translation"
            ])
        #expect(
            Stamp.run(files: [german], minor: true, options: options).diagnostics.map(\.message) == [
                "the source has no recorded version yet, so it is unknown which translations were current; stamp its up-to-date translations instead"
            ])
        #expect(Stamp.run(files: ["README.md"], minor: false, options: options).diagnostics.count == 1)
        #expect(try String(contentsOfFile: english, encoding: .utf8) == "---\ntitle: Home\n---\nWelcome.\n")
    }

    @Test func jsonReportHasAStableShape() throws {
        let (temp, options) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: temp) }
        let report = try #require(SiteGenerator.translationReport(options, language: "ar").report)
        let json = report.json().replacingOccurrences(of: options.contentPath, with: "content")
        let hashDE = SourceHash.of(try #require(loadFile(options.contentPath + "/de/_index.md", options: options)))
        let hashGuides = SourceHash.of(
            try #require(loadFile(options.contentPath + "/de/guides/_index.md", options: options)))
        let hashWork = SourceHash.of(
            try #require(loadFile(options.contentPath + "/de/guides/arbeit.md", options: options)))
        #expect(
            json == """
                {
                  "default_language" : "de",
                  "languages" : [
                    {
                      "code" : "ar",
                      "counts" : {
                        "fallback" : 2,
                        "missing" : 0,
                        "outdated" : 1,
                        "up_to_date" : 0
                      },
                      "missing_strings" : [

                      ],
                      "name" : "العربية",
                      "pages" : [
                        {
                          "file" : "content/ar/_index.md",
                          "page" : "",
                          "source" : "content/de/_index.md",
                          "source_hash" : "\(hashDE)",
                          "state" : "outdated"
                        },
                        {
                          "page" : "guides",
                          "shown_in" : "de",
                          "source" : "content/de/guides/_index.md",
                          "source_hash" : "\(hashGuides)",
                          "state" : "fallback"
                        },
                        {
                          "page" : "guides/arbeit",
                          "shown_in" : "de",
                          "source" : "content/de/guides/arbeit.md",
                          "source_hash" : "\(hashWork)",
                          "state" : "fallback"
                        }
                      ]
                    }
                  ]
                }

                """)
    }

    @Test func missingUIStringsPerLanguage() throws {
        let (temp, options) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: temp) }
        let report = SiteGenerator.translationReport(options).report
        let missing = Dictionary(uniqueKeysWithValues: (report?.languages ?? []).map { ($0.code, $0.missingStrings) })
        #expect(missing["de"] == [])
        #expect(missing["en"] == [])
        #expect(missing["de-x-ls"]?.contains("nav.home") == false)
        #expect(missing["de-x-ls"]?.first == "chooser.prompt")
    }

    func loadFile(_ path: String, options: BuildOptions) -> SourceFile? {
        var loader = ContentLoader(root: options.contentPath)
        guard let loaded = try? SiteGenerator.load(options, loader: &loader) else { return nil }
        return loaded.site.pages.values.flatMap { $0.files.values }.first { $0.displayPath == path }
    }
}

@Suite struct SourceHashTests {
    @Test func hashIsStableAndIgnoresWhatReadersDoNotSee() throws {
        #expect(SourceHash.hex(SourceHash.fnv1a("")) == "cbf29ce48422")
        #expect(SourceHash.hex(SourceHash.fnv1a("a")) == "af63dc4c8601")
        #expect(SourceHash.normalizedBody("\r\n\nText  \r\nmore\t\n\n") == "Text\nmore")
    }

    @Test func frontMatterEditReplacesOrInserts() {
        #expect(
            FrontMatterEdit.setting("source_hash", to: "abc", in: "---\ntitle: A\n---\nBody\n")
                == "---\ntitle: A\nsource_hash: abc\n---\nBody\n")
        #expect(
            FrontMatterEdit.setting("source_hash", to: "new", in: "---\nsource_hash: old\ntitle: A\n---\n")
                == "---\nsource_hash: new\ntitle: A\n---\n")
        #expect(
            FrontMatterEdit.setting("source_hash", to: "x", in: "---\r\ntitle: A\r\n---\r\nB\r\n")
                == "---\r\ntitle: A\r\nsource_hash: x\r\n---\r\nB\r\n")
        #expect(FrontMatterEdit.setting("source_hash", to: "x", in: "no front matter") == "no front matter")
        #expect(
            FrontMatterEdit.setting("source_hash", to: "x", in: "---\ncontact:\n  source_hash: y\n---\n")
                == "---\ncontact:\n  source_hash: y\nsource_hash: x\n---\n")
    }
}
