import Foundation
import Testing

@testable import Wegweiser

/// Theme files as editors' tools save them.
@Suite struct ThemeFileTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    /// The bug: a template saved with a byte-order mark (as Notepad saves it) failed with "{% extends %} must be
    /// the first tag" at column 2, and a partial with one put U+FEFF into every page.
    @Test func byteOrderMarksAreNotPartOfTemplates() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        for template in ["templates/guide.html", "templates/base.html"] {
            try site.edit(template) { "\u{FEFF}" + $0 }
        }
        let result = site.build()
        #expect(result.status == .success)
        #expect(result.diagnostics.filter { $0.severity == .error } == [])
        let page = try Data(contentsOf: site.output.appendingPathComponent("de/guides/arbeit/index.html"))
        #expect(!page.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(page.firstRange(of: Data([0xEF, 0xBB, 0xBF])) == nil)
    }

    /// The bug: with a syntax error in the UI strings of the reader's languages, every template that asks for a
    /// string also said "the UI string … is in no templates/i18n file; add it to templates/i18n/de.yml" — where it
    /// was. Only the syntax error is reported.
    @Test func unreadableUIStringsGiveOneError() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        for code in ["de", "en"] {
            try site.edit("templates/i18n/\(code).yml") { "nav: [unclosed\n" + $0 }
        }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            result.diagnostics.filter { $0.severity == .error }.map { ($0.file as NSString).lastPathComponent }.sorted()
                == ["de.yml", "en.yml"])
    }

    /// An empty page template made empty pages without a word.
    @Test func emptyPageTemplateIsAWarning() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.write("templates/page.html", "\n  \n")
        let result = site.build()
        #expect(
            result.diagnostics.map {
                "\(($0.file as NSString).lastPathComponent) \($0.severity.rawValue): \($0.message)"
            }
                == ["page.html warning: the template is empty: every page made with it is an empty file"])
    }

    /// The bug: a symbolic link in the theme (an asset linked in from elsewhere) was left out without a word.
    @Test func symbolicLinksInTheThemeAreWarnings() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let link = site.templates.appendingPathComponent("assets/logo.png").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/etc/hostname")
        let result = site.build()
        #expect(
            result.diagnostics.map { "\($0.file) \($0.severity.rawValue): \($0.message)" } == [
                "\(link) warning: symbolic links are not followed; copy the file into the theme instead"
            ])
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("assets/logo.png").path))
    }
}
