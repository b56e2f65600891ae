import Foundation
import Testing

@testable import Wegweiser

/// Nothing an editor can put into content/ crashes or hangs a build, and every problem is reported with
/// file:line:column. Each test asserts what the build makes of the input: the exact output or the exact diagnostics.
@Suite struct RobustnessTests {
    static let notFollowed =
        "warning: symbolic links are not followed; copy the file into the content folder instead\n"
    static let notUTF8 = "error: the file is not valid UTF-8; save it with UTF-8 encoding\n"

    // MARK: Byte-order mark and CRLF

    /// A byte-order mark and CRLF line endings (as Windows editors save) build exactly like plain LF files.
    @Test func byteOrderMarkAndCRLFBuildLikeLF() throws {
        let files = [
            "site.yml": HostileSite.siteYML,
            "de/guides/a.md": """
            ---
            title: Mit BOM
            summary: "Zeile"
            ---
            ## Kopf

            Text
            zweite Zeile [zum Kurs](b.md)

            """,
            "de/guides/b.md": "---\ntitle: B\n---\nB\n",
        ]
        let plain = HostileSite(content: files)
        defer { plain.remove() }
        let windows = HostileSite(
            content: files.mapValues { "\u{FEFF}" + $0.replacingOccurrences(of: "\n", with: "\r\n") })
        defer { windows.remove() }
        #expect(
            FileManager.default.contents(atPath: windows.root.appendingPathComponent("content/de/guides/a.md").path)?
                .prefix(8) == Data([0xEF, 0xBB, 0xBF, 0x2D, 0x2D, 0x2D, 0x0D, 0x0A]))

        let result = windows.build()
        #expect(result.status == .success)
        #expect(windows.printed(result) == "")
        #expect(
            windows.file("de/guides/a/index.html") == """
                <title>Mit BOM</title>
                <h1>Mit BOM</h1>
                <a title="Zeile">summary</a>
                <h2 id="kopf">Kopf</h2>
                <p>Text
                zweite Zeile <a href="../b/">zum Kurs</a></p>

                """)
        #expect(plain.build().status == .success)
        let expected = Fixtures.tree(plain.output)
        #expect(expected.count == 11)
        #expect(Fixtures.tree(windows.output) == expected)
    }

    /// With a byte-order mark and CRLF, errors still point at the right line and column (the mark and the CR are
    /// not counted), and the source line is shown without them.
    @Test func byteOrderMarkAndCRLFKeepPositions() {
        let site = HostileSite(content: [
            "de/guides/c.md": "\u{FEFF}---\r\ntitle: [Kurs\r\n---\r\nText\r\n",
            "de/guides/d.md": "\u{FEFF}---\r\ntitle: D\r\n---\r\n\r\nText [Kurs](fehlt.md) und mehr.\r\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            site.printed(result) == """
                content/de/guides/c.md:2:8: error: this list has no closing ']' on the same line; close it, or write one '- item' per line
                 2 | title: [Kurs
                   |        ^
                content/de/guides/d.md:5:6: error: `fehlt.md` links to a page that does not exist: no language folder has guides/fehlt.md; check the file name
                 5 | Text [Kurs](fehlt.md) und mehr.
                   |      ^

                """)
    }

    // MARK: Symbolic links

    /// Links to a folder and a file outside content/, a link to its own folder, a link to content/ itself and two
    /// links pointing at each other: none is followed, each gets the warning, the build finishes, and nothing of the
    /// linked files reaches the output or the printed diagnostics.
    @Test func symbolicLinksAreNotFollowed() throws {
        let site = HostileSite(content: [
            "de/guides/_index.md": "---\ntitle: Wegweiser\n---\n",
            "de/guides/echt.md": "---\ntitle: Echt\n---\nText\n",
        ])
        defer { site.remove() }
        let outside = site.root.appendingPathComponent("outside")
        site.write("outside/geheim.md", Data("TOKEN=geheim-4711\n".utf8))
        site.write("outside/ordner/seite.md", Data("---\ntitle: Geheimnis\n---\nGEHEIMER TEXT\n".utf8))
        let guides = site.root.appendingPathComponent("content/de/guides").path
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: guides + "/extern", withDestinationPath: outside.path + "/ordner")
        try manager.createSymbolicLink(atPath: guides + "/geheim.md", withDestinationPath: outside.path + "/geheim.md")
        try manager.createSymbolicLink(atPath: guides + "/schleife", withDestinationPath: ".")
        try manager.createSymbolicLink(atPath: guides + "/wurzel", withDestinationPath: "../..")
        try manager.createSymbolicLink(atPath: guides + "/a.md", withDestinationPath: "b.md")
        try manager.createSymbolicLink(atPath: guides + "/b.md", withDestinationPath: "a.md")

        let result = site.build()
        #expect(result.status == .success)
        #expect(
            site.printed(result) == """
                content/de/guides/a.md:1:1: \(Self.notFollowed)\
                content/de/guides/b.md:1:1: \(Self.notFollowed)\
                content/de/guides/extern:1:1: \(Self.notFollowed)\
                content/de/guides/geheim.md:1:1: \(Self.notFollowed)\
                content/de/guides/schleife:1:1: \(Self.notFollowed)\
                content/de/guides/wurzel:1:1: \(Self.notFollowed)
                """)
        #expect(!site.printed(result).contains("4711"))
        let tree = Fixtures.tree(site.output)
        #expect(
            tree.keys.filter { $0.hasPrefix("de/guides/") }.sorted() == [
                "de/guides/echt/index.html", "de/guides/index.html",
            ])
        #expect(tree.values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains("Geheim") })
    }

    /// A language folder that is a symbolic link (to a folder outside content/) is not followed either, and says so.
    @Test func symbolicLinkAsLanguageFolderIsNotFollowed() throws {
        let site = HostileSite(content: [
            "site.yml": HostileSite.siteYML + "  - code: en\n    name: English\n",
            "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        site.write("outside/en/_index.md", Data("---\ntitle: Geheimnis\n---\nGEHEIMER TEXT\n".utf8))
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("content/en").path,
            withDestinationPath: site.root.appendingPathComponent("outside/en").path)

        let result = site.build()
        #expect(result.status == .success)
        #expect(
            site.located(result) == [
                "content/en: symbolic links are not followed; copy the file into the content folder instead",
                "templates/i18n/en.yml: there are no UI strings for `en`: menus, labels and buttons of its pages are shown in Deutsch (`de`); add this file with the keys of i18n/de.yml translated",
            ])
        #expect(site.file("en/index.html")?.hasPrefix("<title>Start</title>\n") == true)
    }

    // MARK: Size and depth

    /// 5 MB of Markdown in one file builds, completely.
    @Test func fiveMegabyteFileBuilds() {
        let paragraph =
            "Ein Absatz mit *Betonung*, `Code` und einem [Beratungsangebot](https://example.org/?a=1&b=2).\n\n"
        let count = 5 * 1024 * 1024 / paragraph.utf8.count + 1
        let site = HostileSite(content: [
            "de/guides/gross.md": "---\ntitle: Gross\n---\n## Abschnitt\n\n"
                + String(repeating: paragraph, count: count)
        ])
        defer { site.remove() }
        #expect(
            (try? FileManager.default.attributesOfItem(
                atPath: site.root.appendingPathComponent("content/de/guides/gross.md").path)[.size] as? Int)
                .flatMap { $0 } ?? 0 > 5 * 1024 * 1024)

        let result = site.build()
        #expect(result.status == .success)
        #expect(site.printed(result) == "")
        let html =
            "<p>Ein Absatz mit <em>Betonung</em>, <code>Code</code> und einem <a href=\"https://example.org/?a=1&amp;b=2\">Beratungsangebot</a>.</p>\n"
        #expect(
            site.file("de/guides/gross/index.html")
                == "<title>Gross</title>\n<h1>Gross</h1>\n<a title=\"\">summary</a>\n<h2 id=\"abschnitt\">Abschnitt</h2>\n"
                + String(repeating: html, count: count))
    }

    /// 10,000 nested block quotes and 10,000 nested list items build (cmark and the checks walk them without
    /// recursion), and the whole nesting reaches the output.
    @Test func deeplyNestedMarkdownBuilds() {
        let depth = 10_000
        let site = HostileSite(content: [
            "de/guides/zitat.md": "---\ntitle: Zitat\n---\n" + String(repeating: ">", count: depth) + " tief\n",
            "de/guides/liste.md": "---\ntitle: Liste\n---\n" + String(repeating: "- ", count: depth) + "tief\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        #expect(site.printed(result) == "")
        let head = { (title: String) in "<title>\(title)</title>\n<h1>\(title)</h1>\n<a title=\"\">summary</a>\n" }
        #expect(
            site.file("de/guides/zitat/index.html")
                == head("Zitat") + String(repeating: "<blockquote>\n", count: depth) + "<p>tief</p>\n"
                + String(repeating: "</blockquote>\n", count: depth))
        #expect(
            site.file("de/guides/liste/index.html")
                == head("Liste") + String(repeating: "<ul>\n<li>\n", count: depth - 1) + "<ul>\n<li>tief</li>\n</ul>\n"
                + String(repeating: "</li>\n</ul>\n", count: depth - 1))
    }

    /// A link at the bottom of 10,000 nested list items (or block quotes) is checked and rewritten with its exact
    /// column, in time linear in the nesting: finding the column must not rescan every enclosing item per item.
    @Test(arguments: ["- ", "> "])
    func linkInDeeplyNestedContainersIsCheckedQuickly(_ marker: String) {
        let depth = 10_000
        let site = HostileSite(content: [
            "de/guides/b.md": "---\ntitle: B\n---\n",
            "de/guides/tief.md": "---\ntitle: Tief\n---\n" + String(repeating: marker, count: depth)
                + "[Kurs](b.md) [fehlt](fehlt.md)\n",
        ])
        defer { site.remove() }
        let clock = ContinuousClock()
        var result: BuildResult?
        let elapsed = clock.measure { result = site.build() }
        #expect(result?.status == .contentErrors)
        let position = "\(4):\(2 * depth + 14)"
        #expect(
            result?.diagnostics.map { "\($0.position): \($0.message)" } == [
                "\(position): `fehlt.md` links to a page that does not exist: no language folder has guides/fehlt.md; check the file name"
            ])
        // Linear work takes well under a second even in a debug build; rescanning the nesting per item takes minutes.
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }

    /// 10,000 nested images in a heading: every one is rewritten, the alt text is complete, the heading id is
    /// made from the (capped) text.
    @Test func thousandsOfNestedImagesBuild() {
        let depth = 10_000
        let site = HostileSite(content: [
            "de/guides/b.md": "---\ntitle: B\n---\n",
            "de/guides/bilder.md": "---\ntitle: Bilder\n---\n## " + String(repeating: "![a", count: depth) + "x"
                + String(repeating: "](b.md)", count: depth) + "\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        #expect(site.printed(result) == "")
        let page = site.file("de/guides/bilder/index.html") ?? ""
        let heading = page.split(separator: "\n").dropFirst(3).first.map(String.init) ?? ""
        #expect(heading.hasPrefix("<h2 id=\"aaaaaaaa"))
        #expect(
            heading.hasSuffix(
                "\"><img src=\"../b/\" alt=\"" + String(repeating: "a", count: depth) + "x\" /></h2>"))
    }

    /// Front matter nested exactly 100 levels deep is read; one level more is an error at the block that is too
    /// deep, however deep the rest goes (maps or lists).
    @Test func frontMatterNestingIsLimited() {
        func nestedMaps(_ levels: Int) -> String {
            (0..<levels).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined()
        }
        let site = HostileSite(content: [
            "de/guides/flach.md": "---\ntitle: Flach\n" + nestedMaps(100) + "---\nText\n",
            "de/guides/tief.md": "---\ntitle: Tief\n" + nestedMaps(101) + "---\nText\n",
            "de/guides/sehr-tief.md": "---\ntitle: Sehr tief\n" + nestedMaps(10_000) + "---\nText\n",
            "de/guides/liste.md": "---\ntitle: Liste\nk:\n" + String(repeating: "- ", count: 10_000) + "x\n---\nText\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        let deep = "nested more than 100 levels deep; simplify the structure"
        let indent = String(repeating: " ", count: 100)
        #expect(
            site.printed(result) == """
                content/de/guides/flach.md:3:1: warning: unknown field `k0` for a guide page
                 3 | k0:
                   | ^
                content/de/guides/liste.md:4:199: error: \(deep)
                 4 | …\(String(repeating: "- ", count: 60))…
                   | \(String(repeating: " ", count: 61))^
                content/de/guides/sehr-tief.md:103:101: error: \(deep)
                 103 | \(indent)k100:
                     | \(indent)^
                content/de/guides/tief.md:103:101: error: \(deep)
                 103 | \(indent)k100:
                     | \(indent)^

                """)
    }

    // MARK: Invalid UTF-8

    /// A file and the line and column (in Unicode scalars, as everywhere) of its first byte that is not UTF-8.
    struct BadBytes: Sendable, CustomTestStringConvertible {
        var label: String
        var bytes: [UInt8]
        var line: Int
        var column: Int
        var testDescription: String { label }

        init(_ label: String, _ parts: [Any], line: Int, column: Int) {
            self.label = label
            bytes = parts.flatMap { part -> [UInt8] in
                if let text = part as? String { return Array(text.utf8) }
                return (part as! [Int]).map { UInt8($0) }
            }
            self.line = line
            self.column = column
        }
    }

    static let badFiles: [BadBytes] = [
        BadBytes("Latin-1 é in the front matter", ["---\ntitle: Caf", [0xE9], "\n---\nText\n"], line: 2, column: 11),
        BadBytes(
            "stray byte after umlauts in the body", ["---\ntitle: A\n---\n\nGrüße ", [0xFF], "\n"], line: 5, column: 7),
        BadBytes("after a four-byte emoji", ["---\ntitle: A\n---\n😀", [0xFF], "\n"], line: 4, column: 2),
        BadBytes("truncated sequence at the end", ["---\ntitle: A\n---\nText ", [0xE2, 0x82]], line: 4, column: 6),
        BadBytes("overlong encoding of /", ["---\ntitle: A\n---\na/", [0xC0, 0xAF], "\n"], line: 4, column: 3),
        BadBytes("UTF-16 surrogate", ["---\ntitle: A\n---\nab", [0xED, 0xA0, 0x80], "\n"], line: 4, column: 3),
        BadBytes("CRLF line endings", ["---\r\ntitle: A\r\n---\r\nText ", [0xFF], "\r\n"], line: 4, column: 6),
        BadBytes("byte-order mark (not counted)", [[0xEF, 0xBB, 0xBF], "Caf", [0xE9], "\n"], line: 1, column: 4),
        BadBytes(
            "CR line endings (a line break, as for the parser)", ["---\rtitle: A\r---\rCaf", [0xE9], "\r"], line: 4,
            column: 4),
    ]

    /// Invalid UTF-8 is one error at the bad byte; the build stops before writing anything.
    @Test(arguments: badFiles)
    func invalidUTF8IsAnErrorAtTheBadByte(_ file: BadBytes) {
        let site = HostileSite(content: [:])
        defer { site.remove() }
        site.write("content/de/guides/kaputt.md", Data(file.bytes))
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(site.printed(result) == "content/de/guides/kaputt.md:\(file.line):\(file.column): \(Self.notUTF8)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    // MARK: Control characters

    static func controlMessage(_ codePoint: String) -> String {
        "error: the file holds the invisible control character \(codePoint), which web pages may not contain; delete it (copying from a word processor or a PDF can bring such characters in)\n"
    }
    static let nulMessage =
        "error: the file holds a NUL character (U+0000), which web pages may not contain; delete it. A file with many of them is saved as UTF-16: save it with UTF-8 encoding\n"

    /// A control character HTML forbids is one error at it, with its line shown and the character drawn as a
    /// picture (the terminal must not receive it); nothing is written. Before, a NUL became U+FFFD without a word
    /// and the others went into the page as they were.
    @Test func controlCharacterIsAnErrorAtIt() {
        let cases: [(name: String, bytes: [UInt8], position: String, message: String, shown: String)] = [
            (
                "vertical tab from a word processor, in the front matter",
                Array("---\ntitle: Zeile\u{0B}Umbruch\n---\nText\n".utf8), "2:13",
                Self.controlMessage("U+000B"), " 2 | title: Zeile\u{240B}Umbruch\n   |             ^\n"
            ),
            (
                "NUL in the body after umlauts", Array("---\ntitle: A\n---\nGrüße\u{0}Welt\n".utf8), "4:6",
                Self.nulMessage, " 4 | Grüße\u{2400}Welt\n   |      ^\n"
            ),
            (
                "escape sequence for a terminal", Array("---\ntitle: A\n---\nText \u{1B}[2J\n".utf8), "4:6",
                Self.controlMessage("U+001B"), " 4 | Text \u{241B}[2J\n   |      ^\n"
            ),
            (
                "C1 control U+0085 in Arabic text", Array("---\ntitle: A\n---\nمرحبا\u{85}\n".utf8), "4:6",
                Self.controlMessage("U+0085"), " 4 | مرحبا\u{FFFD}\n   |      ^\n"
            ),
            (
                "DEL after a tab", Array("---\ntitle: A\n---\n\tx\u{7F}\n".utf8), "4:3", Self.controlMessage("U+007F"),
                " 4 | \tx\u{2421}\n   | \t ^\n"
            ),
        ]
        for file in cases {
            let site = HostileSite(content: [:])
            defer { site.remove() }
            site.write("content/de/guides/steuer.md", Data(file.bytes))
            let result = site.build()
            #expect(result.status == .contentErrors, "\(file.name)")
            #expect(
                site.printed(result) == "content/de/guides/steuer.md:\(file.position): \(file.message)\(file.shown)",
                "\(file.name)")
            #expect(!FileManager.default.fileExists(atPath: site.output.path), "\(file.name)")
        }
    }

    /// A page saved as UTF-16 without a byte-order mark is valid UTF-8 (a zero beside each letter); the error names
    /// the likely cause.
    @Test func pageSavedAsUTF16IsReportedAtItsFirstZero() {
        let site = HostileSite(content: [:])
        defer { site.remove() }
        let utf16 = "---\ntitle: A\n---\nText\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        site.write("content/de/guides/utf16.md", Data(utf16))
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(site.printed(result).hasPrefix("content/de/guides/utf16.md:1:2: \(Self.nulMessage)"))
    }

    /// Tab, form feed and carriage return are white space to HTML and stay allowed, as do no-break spaces and the
    /// letters right after the C1 range.
    @Test func whiteSpaceControlsAreAllowed() throws {
        let site = HostileSite(content: [
            "de/guides/ok.md": "---\ntitle: A\n---\nEin\tTab, Text\u{0C}mit\r\nUmbruch\u{A0}und\u{A1}\n"
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success, "\(site.printed(result))")
        let page = try String(
            contentsOf: site.output.appendingPathComponent("de/guides/ok/index.html"), encoding: .utf8)
        #expect(page.contains("<p>Ein\tTab, Text\u{0C}mit\nUmbruch\u{A0}und\u{A1}</p>"))
    }

    /// A control character in a template is the same error, in the template.
    @Test func controlCharacterInATemplateIsAnError() {
        let theme = HostileSite(content: ["de/_index.md": "---\ntitle: Start\n---\n"])
        defer { theme.remove() }
        theme.write("templates/page.html", Data("<title>A\u{1}</title>\n".utf8))
        let result = theme.build()
        #expect(result.status == .contentErrors)
        #expect(theme.printed(result).hasPrefix("templates/page.html:1:9: \(Self.controlMessage("U+0001"))"))
    }

    /// Invalid UTF-8 in site.yml or a template is the same one error, not also "missing" (the file is there).
    @Test func invalidUTF8InSettingsAndTemplatesIsOneError() {
        let settings = HostileSite(content: [:])
        defer { settings.remove() }
        settings.write("content/site.yml", Data("title: Caf".utf8 + [0xE9] + Array("\n".utf8)))
        let result = settings.build()
        #expect(result.status == .contentErrors)
        #expect(settings.printed(result) == "content/site.yml:1:11: \(Self.notUTF8)")

        let theme = HostileSite(content: ["de/_index.md": "---\ntitle: Start\n---\n"])
        defer { theme.remove() }
        theme.write("templates/page.html", Data("<title>Caf".utf8 + [0xE9] + Array("</title>\n".utf8)))
        let themed = theme.build()
        #expect(themed.status == .contentErrors)
        #expect(theme.printed(themed) == "templates/page.html:1:11: \(Self.notUTF8)")
    }

    // MARK: Escaping the output folder

    /// Aliases that climb out of the site are errors at their position; nothing is written anywhere, and no
    /// temporary folder is left beside the output folder.
    @Test func aliasCannotLeaveTheOutputFolder() {
        let site = HostileSite(content: [
            "de/pages/a.md": """
            ---
            title: A
            aliases: ["../../x", "/../x", "/de/../../x", "..", "de/..", "x/../../y", "..\\\\x", "//evil.example/x"]
            ---

            """
        ])
        defer { site.remove() }
        let output = site.root.appendingPathComponent("a/b/output")
        let result = site.build(output: output)
        #expect(result.status == .contentErrors)
        let columns = [11, 22, 31, 46, 52, 61, 74, 83]
        let aliases = ["../../x", "/../x", "/de/../../x", "..", "de/..", "x/../../y", "..\\x", "//evil.example/x"]
        #expect(
            result.diagnostics.map { "\($0.position): \($0.message)" }
                == zip(columns, aliases).map { column, alias in
                    "3:\(column): the alias `\(alias)` must be a path inside the site such as `guides/old-name` (letters a–z, digits, `-`, `_`)"
                })
        #expect(site.filesOutsideInputs() == [])
        #expect(Fixtures.siblings(of: output, prefix: ".") == [])
    }

    /// A part of an alias longer than a folder name may be (255 bytes) is an error at the alias, not a failed write
    /// that names the temporary folder.
    @Test func aliasPartLongerThanAFolderNameIsAnError() {
        let long = String(repeating: "a", count: 300)
        let site = HostileSite(content: ["de/_index.md": "---\ntitle: Start\naliases: [alt/\(long)]\n---\n"])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            site.printed(result).hasPrefix(
                "content/de/_index.md:3:11: error: a part of the alias is 300 bytes long (`aaaaaaaaaaaaaaaaaaaa…`); a folder name may have at most 255\n"
            ))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// A language code becomes a folder of the output: one that climbs out (`../../x`) or holds a slash is an error
    /// at its position in site.yml, and nothing is written outside the output folder.
    @Test(arguments: ["../../escaped", "..", "a/b", "/tmp/x"])
    func languageCodeCannotLeaveTheOutputFolder(_ code: String) {
        let site = HostileSite(content: [
            "site.yml": HostileSite.siteYML + "  - code: \"\(code)\"\n    name: Fremd\n",
            "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        let output = site.root.appendingPathComponent("a/b/c/output")
        let result = site.build(output: output)
        #expect(result.status == .contentErrors)
        #expect(
            result.diagnostics.filter { $0.severity == .error }.map {
                "\(site.location($0))"
            } == ["content/site.yml:8:11"])
        #expect(site.filesOutsideInputs() == [])
    }

    /// The language code `assets` would share its folder with the theme's files (`/assets/style.css` beside
    /// `/assets/index.html`): an error at the code, not a failed write or a page in place of a stylesheet.
    @Test func languageCodeAssetsIsTaken() {
        let site = HostileSite(content: [
            "site.yml": HostileSite.siteYML + "  - code: assets\n    name: Assets\n",
            "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            site.printed(result).hasPrefix(
                "content/site.yml:8:11: error: language code `assets` is taken by the folder of the theme's files (`/assets/`); choose another code\n"
            ))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    // MARK: Failed builds clean up

    /// Whatever makes a build fail — content, a template error at render time (after pages were written to the
    /// staging folder), a page that cannot be written, a theme file that cannot be copied — the previous output
    /// stays as it was and no `.output.*` folder is left.
    @Test func failedBuildsLeaveNoTemporaryFolder() throws {
        var renderError = HostileSite.templates
        renderError["page.html"] = "<title>{{ page.title }}{{ no_such_variable }}</title>\n"
        var withAsset = HostileSite.templates
        withAsset["assets/style.css"] = "body { color: black; }\n"
        // More pages than one chunk of rendering (16), so that later pages are rendered after the first chunk's
        // progress call.
        var manyPages = ["de/_index.md": "---\ntitle: Start\n---\n"]
        for number in 0..<40 {
            manyPages["de/pages/p\(number < 10 ? "0" : "")\(number).md"] = "---\ntitle: P\(number)\n---\nText.\n"
        }
        let cases: [(String, HostileSite, BuildResult.Status)] = [
            ("content", HostileSite(content: ["de/pages/a.md": "---\ntitle: [A\n---\n"]), .contentErrors),
            (
                "render",
                HostileSite(content: ["de/pages/a.md": "---\ntitle: A\n---\n"], templates: renderError),
                .contentErrors
            ),
            (
                // A page's folder is taken by a file while pages are rendered (see below): the failed write is
                // an I/O error, reported on the output folder.
                "write",
                HostileSite(content: manyPages),
                .ioError
            ),
            (
                // The theme's file is removed while pages are rendered (see below): copying it after the pages
                // fails, an I/O error once every page is in the staging folder.
                "copy",
                HostileSite(content: ["de/_index.md": "---\ntitle: Start\n---\n"], templates: withAsset),
                .ioError
            ),
        ]
        for (label, site, status) in cases {
            defer { site.remove() }
            let previous = try site.writePreviousOutput()
            var options = site.options()
            let asset = site.root.appendingPathComponent("templates/assets/style.css").path
            let root = site.root
            options.progress = { _, _ in
                try? FileManager.default.removeItem(atPath: asset)
                // A file where the last page's folder goes, in the staging folder beside the output. A rendering
                // thread asks for its next pages only after this call, so that page comes after it.
                for staging in Fixtures.siblings(of: root.appendingPathComponent("output"), prefix: ".output.building")
                {
                    let pages = root.appendingPathComponent(staging).appendingPathComponent("de/pages")
                    try? FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
                    FileManager.default.createFile(atPath: pages.appendingPathComponent("p39").path, contents: nil)
                }
            }
            let result = SiteGenerator.build(options)
            #expect(result.status == status, "\(label): \(site.printed(result))")
            #expect(!result.diagnostics.isEmpty, "\(label)")
            let failure = [
                "write": "cannot write de/pages/p39/index.html: Not a directory; the output folder was left as it was",
                "copy": "cannot copy the file",
            ][label]
            if let failure {
                #expect(result.diagnostics.contains { $0.message.hasPrefix(failure) }, "\(label)")
            }
            #expect(Fixtures.tree(site.output) == previous, "\(label)")
            #expect(Fixtures.siblings(of: site.output, prefix: ".") == [], "\(label)")
        }
    }
}
