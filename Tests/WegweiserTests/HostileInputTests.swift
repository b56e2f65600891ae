import Foundation
import Testing

@testable import Wegweiser

/// A small site that a test writes into a temporary folder: `content/`, `templates/` (by default templates that
/// print every output context once) and, after `build()`, `output/`.
struct HostileSite {
    let root: URL
    var output: URL { root.appendingPathComponent("output") }

    static let siteYML = """
        title: Teststadt
        base_url: https://example.org/
        default_language: de
        timezone: Europe/Berlin
        languages:
          - code: de
            name: Deutsch

        """

    /// Each context once: HTML text, the page `<title>`, a quoted attribute, URL attributes, JSON-LD, the body.
    static let pageTemplate = """
        <title>{{ page.title }}</title>
        <h1>{{ page.title }}</h1>
        <a title="{{ page.summary }}">summary</a>
        {{ page.content }}
        """

    static let templates: [String: String] = [
        "base.html": "{% block main %}{% endblock %}\n",
        "home.html": pageTemplate,
        "guide.html": pageTemplate,
        "page.html": pageTemplate,
        "list.html": """
        <title>{{ page.title }}</title>
        {% for p in pages %}<a href="{{ p.url }}" title="{{ p.summary }}">{{ p.title }}</a>
        {% endfor %}
        """,
        "profile.html": """
        <title>{{ page.title }}</title>
        <h1>{{ page.title }}</h1>
        <a title="{{ page.summary }}">summary</a>
        <a href="{{ page.contact.homepage }}">homepage</a>
        <a href="{{ page.concept.url }}">concept</a>
        <a href="{{ page.contact.email_href }}">{{ page.contact.email }}</a>
        <script type="application/ld+json">{{ page.json_ld }}</script>
        {{ page.content }}
        """,
        "event.html": """
        <title>{{ page.title }}</title>
        <h1>{{ page.title }}</h1>
        <a title="{{ page.summary }}">summary</a>
        <a href="{{ page.location.online }}">online</a>
        <a href="{{ page.registration_url }}">{{ page.registration }}</a>
        <script type="application/ld+json">{{ page.json_ld }}</script>
        {{ page.content }}
        """,
        "chooser.html": "<title>{{ page.title }}</title>\n",
        "notfound.html": "<title>{{ page.title }}</title>\n",
        "i18n/de.yml": "nav:\n  events: Termine\n  profiles: Zentren\n  guides: Wegweiser\n",
    ]

    /// A site with `content` (paths relative to `content/`); site.yml is added unless `content` has one.
    init(content: [String: String], templates: [String: String] = HostileSite.templates) {
        root = Fixtures.temporaryFolder()
        var content = content
        if content["site.yml"] == nil { content["site.yml"] = Self.siteYML }
        for (path, text) in content { write("content/" + path, Data(text.utf8)) }
        for (path, text) in templates { write("templates/" + path, Data(text.utf8)) }
    }

    /// Writes `data` to `path` (relative to the site's root), creating folders.
    func write(_ path: String, _ data: Data) {
        let url = root.appendingPathComponent(path)
        try! FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: url)
    }

    /// The site loaded and checked, not rendered.
    func loadedSite() throws -> Site {
        let options = options()
        var loader = ContentLoader(root: options.contentPath)
        return try SiteGenerator.load(options, loader: &loader).site
    }

    func options(output: URL? = nil) -> BuildOptions {
        var options = BuildOptions(now: Fixtures.now)
        options.contentPath = root.appendingPathComponent("content").path
        options.templatesPath = root.appendingPathComponent("templates").path
        options.outputPath = (output ?? self.output).path
        return options
    }

    func build(output: URL? = nil) -> BuildResult {
        SiteGenerator.build(options(output: output))
    }

    /// `path` relative to the site's root.
    func relative(_ path: String) -> String {
        path.replacingOccurrences(of: root.path + "/", with: "")
    }

    /// Each diagnostic as `file: message`, with the path relative to the site's root.
    func located(_ result: BuildResult) -> [String] {
        result.diagnostics.map { "\(relative($0.file)): \($0.message)" }
    }

    /// Where `diagnostic` is, as `file:line:column` with the path relative to the site's root.
    func location(_ diagnostic: Diagnostic) -> String {
        "\(relative(diagnostic.file)):\(diagnostic.position)"
    }

    /// Writes an earlier build's output (the files every build writes at its top) and gives its files by name.
    func writePreviousOutput() throws -> [String: Data] {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        var previous: [String: Data] = [:]
        for name in OutputPlace.builtFiles {
            previous[name] = Data("previous site\n".utf8)
            try previous[name]!.write(to: output.appendingPathComponent(name))
        }
        return previous
    }

    /// Diagnostics as the command line prints them, with paths relative to the site's root.
    func printed(_ result: BuildResult) -> String {
        let formatter = DiagnosticFormatter(sources: result.sources)
        return result.diagnostics.map { formatter.format($0) }.joined()
            .replacingOccurrences(of: root.path + "/", with: "")
    }

    /// The text of an output file, or nil when the build did not write it.
    func file(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every regular file below the site's root, outside `content/` and `templates/`, as relative paths.
    func filesOutsideInputs() -> [String] {
        Fixtures.tree(root).keys.filter { !$0.hasPrefix("content/") && !$0.hasPrefix("templates/") }.sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// An editor-written string and what each output context must make of it, byte for byte.
struct HostileText: Sendable, CustomTestStringConvertible {
    var label: String
    /// The value as written in front matter (a quoted YAML scalar).
    var yaml: String
    /// In HTML text and in a double-quoted attribute.
    var html: String
    /// Inside a JSON string in `<script type="application/ld+json">`.
    var json: String
    /// As an iCalendar TEXT value (RFC 5545 3.3.11), unfolded.
    var ics: String

    var testDescription: String { label }
}

/// Editor-written text is inert in every output context, and unsafe links never reach an `href`.
@Suite struct HostileInputTests {
    static let texts: [HostileText] = [
        HostileText(
            label: "script end tag",
            yaml: #""</script><script>alert(1)</script>""#,
            html: "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
            json: #"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e"#,
            ics: "</script><script>alert(1)</script>"),
        HostileText(
            label: "attribute breakout with double quote",
            yaml: #"'"><img src=x onerror=alert(1)>'"#,
            html: "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
            json: #"\"\u003e\u003cimg src=x onerror=alert(1)\u003e"#,
            ics: #""><img src=x onerror=alert(1)>"#),
        HostileText(
            label: "attribute breakout with single quote",
            yaml: #""' onmouseover='x""#,
            html: "&#39; onmouseover=&#39;x",
            json: "' onmouseover='x",
            ics: "' onmouseover='x"),
        HostileText(
            label: "entities and angle brackets",
            yaml: #""&amp; & <>""#,
            html: "&amp;amp; &amp; &lt;&gt;",
            json: #"\u0026amp; \u0026 \u003c\u003e"#,
            ics: #"&amp\; & <>"#),
        HostileText(
            label: "CDATA end and comment start",
            yaml: #""]]> <!-- <script>""#,
            html: "]]&gt; &lt;!-- &lt;script&gt;",
            json: #"]]\u003e \u003c!-- \u003cscript\u003e"#,
            ics: "]]> <!-- <script>"),
        HostileText(
            label: "line and paragraph separators",
            yaml: #""a\u2028b\u2029c""#,
            html: "a\u{2028}b\u{2029}c",
            json: #"a\u2028b\u2029c"#,
            ics: "a\u{2028}b\u{2029}c"),
        HostileText(
            label: "newline, semicolon, comma, backslash",
            yaml: #""Kurs; Teil 1, Raum A\\B\nzweite Zeile""#,
            html: "Kurs; Teil 1, Raum A\\B\nzweite Zeile",
            json: #"Kurs; Teil 1, Raum A\\B\nzweite Zeile"#,
            ics: #"Kurs\; Teil 1\, Raum A\\B\nzweite Zeile"#),
        HostileText(
            // Others are errors in front matter (`ControlEscapeTests`).
            label: "control characters pages allow",
            yaml: #""a\rb\u000Cc\td""#,
            html: "a\rb\u{0C}c\td",
            json: #"a\rb\u000cc\td"#,
            ics: "abc\td"),
        HostileText(
            label: "template syntax",
            yaml: #""{{ site.title }} {% include \"base.html\" %} {# x #} {{""#,
            html: "{{ site.title }} {% include &quot;base.html&quot; %} {# x #} {{",
            json: #"{{ site.title }} {% include \"base.html\" %} {# x #} {{"#,
            ics: #"{{ site.title }} {% include "base.html" %} {# x #} {{"#),
        HostileText(
            label: "a URL scheme as text",
            yaml: #""javascript:alert(1)""#,
            html: "javascript:alert(1)",
            json: "javascript:alert(1)",
            ics: "javascript:alert(1)"),
    ]

    /// The same string as an event's title and summary, in the page, the events list, an alias page, JSON-LD and
    /// the event's calendar file.
    @Test(arguments: texts)
    func eventTextIsInertInEveryContext(_ text: HostileText) throws {
        let site = HostileSite(content: [
            "de/events/x.md": """
            ---
            title: \(text.yaml)
            summary: \(text.yaml)
            start: 2025-11-13T18:00
            aliases: [alt]
            ---
            Text

            """
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        #expect(site.printed(result) == "")

        let json =
            #"{"@context":"https://schema.org","@type":"Event","name":"\#(text.json)","description":"\#(text.json)","startDate":"2025-11-13T18:00+01:00","eventStatus":"https://schema.org/EventScheduled","eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode","inLanguage":"de","url":"https://example.org/de/events/x/"}"#
        #expect(
            site.file("de/events/x/index.html") == """
                <title>\(text.html)</title>
                <h1>\(text.html)</h1>
                <a title="\(text.html)">summary</a>
                <a href="">online</a>
                <a href=""></a>
                <script type="application/ld+json">\(json)</script>
                <p>Text</p>

                """)
        #expect(
            site.file("de/events/index.html") == """
                <title>Termine</title>
                <a href="x/" title="\(text.html)">\(text.html)</a>

                """)
        #expect(
            site.file("de/alt/index.html") == """
                <!DOCTYPE html>
                <html lang="de" dir="ltr">
                <head>
                <meta charset="utf-8">
                <title>\(text.html)</title>
                <meta http-equiv="refresh" content="0; url=../events/x/">
                <link rel="canonical" href="https://example.org/de/events/x/">
                <meta name="robots" content="noindex">
                </head>
                <body>
                <p><a href="../events/x/">\(text.html)</a></p>
                </body>
                </html>

                """)

        let calendar = try #require(site.file("de/events/x/event.ics"))
        let physical = calendar.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(physical.last == "")
        #expect(physical.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") })
        let lines = calendar.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(lines.filter { $0.hasPrefix("SUMMARY") } == ["SUMMARY:" + text.ics])
        #expect(lines.filter { $0.hasPrefix("DESCRIPTION") } == ["DESCRIPTION:" + text.ics])
        #expect(lines.filter { $0.hasPrefix("UID") } == ["UID:events/x@example.org"])
        // The feed carries the same entry.
        let feed = try #require(site.file("de/events.ics"))
        #expect(feed.replacingOccurrences(of: "\r\n ", with: "").contains("\r\nSUMMARY:" + text.ics + "\r\n"))
    }

    /// The same string in a profile: name, contact and address end up in HTML and in JSON-LD.
    @Test(arguments: texts)
    func profileTextIsInertInJSONLD(_ text: HostileText) {
        let site = HostileSite(content: [
            "de/profiles/ki.md": """
            ---
            title: \(text.yaml)
            name: \(text.yaml)
            contact:
              street: \(text.yaml)
              email: \(text.yaml)
            ---

            """
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        #expect(site.printed(result) == "")
        let json =
            #"{"@context":"https://schema.org","@type":"GovernmentOffice","name":"\#(text.json)","url":"https://example.org/de/profiles/ki/","address":{"@type":"PostalAddress","streetAddress":"\#(text.json)","addressCountry":"DE"},"email":"\#(text.json)"}"#
        #expect(
            site.file("de/profiles/ki/index.html") == """
                <title>\(text.html)</title>
                <h1>\(text.html)</h1>
                <a title="">summary</a>
                <a href="">homepage</a>
                <a href="">concept</a>
                <a href="">\(text.html)</a>
                <script type="application/ld+json">\(json)</script>

                """)
    }

    /// A title that looks like template code is text: it is printed, never evaluated.
    @Test func titleWithTemplateSyntaxIsPrintedLiterally() {
        let site = HostileSite(content: [
            "de/pages/a.md": """
            ---
            title: "{{ site.base_url }}{% for x in page.translations %}X{% endfor %}{% raw %}"
            summary: "{{ page.title | raw }}"
            ---
            Im Text: {{ site.title }} und {% if true %}ja{% endif %}.

            """
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        #expect(site.printed(result) == "")
        #expect(
            site.file("de/pages/a/index.html") == """
                <title>{{ site.base_url }}{% for x in page.translations %}X{% endfor %}{% raw %}</title>
                <h1>{{ site.base_url }}{% for x in page.translations %}X{% endfor %}{% raw %}</h1>
                <a title="{{ page.title | raw }}">summary</a>
                <p>Im Text: {{ site.title }} und {% if true %}ja{% endif %}.</p>

                """)
    }

    /// An error in the template of the language chooser or the 404 page is reported at its place, as one in a
    /// page's template is, and nothing is written.
    @Test(arguments: ["chooser.html", "notfound.html"])
    func errorInTheTemplateOfASpecialPageIsReported(template: String) {
        var templates = HostileSite.templates
        templates[template] = "<title>{{ page.title }}</title>\n<p>{{ page.nope }}</p>\n"
        let site = HostileSite(content: ["de/pages/a.md": "---\ntitle: A\n---\nText.\n"], templates: templates)
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            site.printed(result) == """
                templates/\(template):2:7: error: unknown variable `page.nope`; did you mean `name`?
                 2 | <p>{{ page.nope }}</p>
                   |       ^

                """)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// Placeholders of UI strings are filled once: an argument that itself contains `{1}` keeps it as text.
    @Test func uiStringArgumentsAreNotExpandedAgain() {
        var templates = HostileSite.templates
        templates["page.html"] = #"<p>{{ "notice.pair" | t: page.title, page.summary }}</p>"# + "\n"
        templates["i18n/de.yml"] = "nav:\n  events: Termine\n  profiles: Zentren\nnotice:\n  pair: \"{0} / {1}\"\n"
        let site = HostileSite(
            content: [
                "de/pages/a.md": """
                ---
                title: "Titel {1} <b>"
                summary: "Zusammenfassung"
                ---

                """
            ], templates: templates)
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        #expect(site.file("de/pages/a/index.html") == "<p>Titel {1} &lt;b&gt; / Zusammenfassung</p>\n")
    }

    // MARK: URL fields

    /// A URL field and where its value starts in the file written by `page(_:)`.
    struct URLField: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        /// The page with `VALUE` standing for the URL.
        var template: String
        var line: Int
        var column: Int
        var testDescription: String { name }

        func page(_ value: String) -> String { template.replacingOccurrences(of: "VALUE", with: value) }
    }

    static let urlFields: [URLField] = [
        URLField(
            name: "contact.homepage", file: "de/profiles/ki.md",
            template: "---\ntitle: KI\ncontact:\n  homepage: VALUE\n---\n", line: 4, column: 13),
        URLField(
            name: "concept.url", file: "de/profiles/ki.md",
            template: "---\ntitle: KI\nconcept:\n  url: VALUE\n---\n", line: 4, column: 8),
        URLField(
            name: "location.online", file: "de/events/x.md",
            template: "---\ntitle: X\nstart: 2025-11-13\nlocation:\n  online: VALUE\n---\n", line: 5, column: 11),
    ]

    /// Values that must never become a link: other schemes, and addresses a browser reads as another host.
    static let unsafeURLs: [String] = [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        #"" javascript:alert(1)""#,
        #""data:text/html,<script>alert(1)</script>""#,
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/",
        // Browsers read a backslash as a slash, and drop tabs and line breaks from URLs: both are `//evil.example/`.
        #""/\\evil.example/""#,
        #""/\t/evil.example/""#,
        #""/\n/evil.example/""#,
    ]

    /// An unsafe URL in a URL field is an error at the value's line and column, and nothing is written.
    @Test(arguments: urlFields, unsafeURLs)
    func unsafeURLInFieldIsAnErrorAtItsPosition(_ field: URLField, _ value: String) {
        let site = HostileSite(content: [field.file: field.page(value)])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            result.diagnostics.map {
                "\(site.location($0))"
            }
                == ["content/\(field.file):\(field.line):\(field.column)"])
        #expect(
            result.diagnostics.map(\.message) == [
                "`\(field.name)` must start with https://, http://, mailto:, tel: or / — other kinds of links are not allowed"
            ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// `registration` is text or a URL; text that is a link with an unsafe scheme is an error too (DESIGN: "a
    /// `javascript:` or other unsafe URL in a field" fails the build), at the value's position.
    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", #""data:text/html,<script>alert(1)</script>""#,
        "vbscript:msgbox(1)",
    ])
    func unsafeRegistrationLinkIsAnError(_ value: String) {
        let site = HostileSite(content: [
            "de/events/x.md": "---\ntitle: X\nstart: 2025-11-13\nregistration: \(value)\n---\n"
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        let located = result.diagnostics.map {
            "\(site.location($0)): \($0.severity)"
        }
        #expect(located == ["content/de/events/x.md:4:15: error"])
        #expect(
            result.diagnostics.map(\.message) == [
                "`registration` looks like a link but must start with https://, http://, mailto: or tel:"
            ])
    }

    /// Text registrations stay text; allowed URLs are printed in `href` with HTML escaping.
    @Test func safeURLsAreEscapedInAttributes() {
        let site = HostileSite(content: [
            "de/events/x.md": """
            ---
            title: X
            start: 2025-11-13
            location:
              online: "https://meet.example.org/?a=1&b=\\"2\\"&c='3'<x>"
            registration: "HTTPS://example.org/anmeldung?x=\\"><script>"
            ---

            """,
            "de/events/y.md": """
            ---
            title: Y
            start: 2025-11-14
            registration: "Anmeldung: bis 1.11. per Telefon <0211>"
            ---

            """,
            "de/profiles/ki.md": """
            ---
            title: KI
            concept:
              url: /de/events/x/
            contact:
              homepage: "mailto:ki@example.org?subject=\\"><svg onload=alert(1)>"
              email: "ki@example.org\\"><b>"
            ---

            """,
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        #expect(site.printed(result) == "")
        let event = site.file("de/events/x/index.html") ?? ""
        #expect(
            event.split(separator: "\n").dropFirst(3).prefix(2) == [
                #"<a href="https://meet.example.org/?a=1&amp;b=&quot;2&quot;&amp;c=&#39;3&#39;&lt;x&gt;">online</a>"#,
                #"<a href="HTTPS://example.org/anmeldung?x=&quot;&gt;&lt;script&gt;">HTTPS://example.org/anmeldung?x=&quot;&gt;&lt;script&gt;</a>"#,
            ])
        let text = site.file("de/events/y/index.html") ?? ""
        #expect(
            text.split(separator: "\n").dropFirst(3).prefix(2) == [
                #"<a href="">online</a>"#,
                #"<a href="">Anmeldung: bis 1.11. per Telefon &lt;0211&gt;</a>"#,
            ])
        let profile = site.file("de/profiles/ki/index.html") ?? ""
        #expect(
            profile.split(separator: "\n").dropFirst(3).prefix(3) == [
                #"<a href="mailto:ki@example.org?subject=&quot;&gt;&lt;svg onload=alert(1)&gt;">homepage</a>"#,
                #"<a href="/de/events/x/">concept</a>"#,
                // Not one address: no `mailto:` link (see MailLinkTests); the text is still escaped.
                #"<a href="">ki@example.org&quot;&gt;&lt;b&gt;</a>"#,
            ])
    }

    // MARK: Markdown

    static let markdownBody = """
        <script>alert(1)</script>

        Text <b onclick="alert(1)">fett</b> und <img src=x onerror=alert(1)>.

        [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](<javascript:alert(1)>) [d](&#106;avascript:alert(1))

        [e](data:text/html,<script>alert(1)</script>) [f](vbscript:msgbox) [g](file:///etc/passwd) [h][ref] <javascript:alert(1)>

        ![Bild](javascript:alert(1)) ![Foto](data:image/png;base64,iVBORw0KGgo=) [i](https://example.org/?q="><x>)

        ## "><img src=x onerror=alert(1)> {#a"b}

        [ref]: javascript:alert(2)

        """

    /// cmark's safe defaults: raw HTML is dropped, unsafe link destinations become empty, text is escaped.
    @Test func markdownDropsRawHTMLAndUnsafeLinks() {
        let site = HostileSite(content: ["de/pages/a.md": "---\ntitle: A\n---\n" + Self.markdownBody])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        #expect(
            site.file("de/pages/a/index.html") == """
                <title>A</title>
                <h1>A</h1>
                <a title="">summary</a>
                <!-- raw HTML omitted -->
                <p>Text <!-- raw HTML omitted -->fett<!-- raw HTML omitted --> und <!-- raw HTML omitted -->.</p>
                <p><a href="">a</a> <a href="">b</a> <a href="">c</a> <a href="">d</a></p>
                <p><a href="">e</a> <a href="">f</a> <a href="">g</a> <a href="">h</a> <a href="">javascript:alert(1)</a></p>
                <p><img src="" alt="Bild" /> <img src="data:image/png;base64,iVBORw0KGgo=" alt="Foto" /> <a href="https://example.org/?q=%22%3E%3Cx%3E">i</a></p>
                <h2 id="ab">&quot;&gt;<!-- raw HTML omitted --> {#a&quot;b}</h2>

                """)
    }

    /// Each raw-HTML warning points at the dropped HTML, not at the start of its line (the caret shows which tag).
    @Test func droppedRawHTMLIsWarnedAtItsColumn() {
        let site = HostileSite(content: [
            "de/pages/a.md": """
            ---
            title: A
            ---
            Text <b onclick="alert(1)">fett</b>.

            <div>Block</div>

            """
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        let message = "raw HTML is not shown on the site (it could be unsafe); write it in Markdown instead"
        #expect(
            site.printed(result) == """
                content/de/pages/a.md:4:6: warning: \(message)
                 4 | Text <b onclick="alert(1)">fett</b>.
                   |      ^
                content/de/pages/a.md:6:1: warning: \(message)
                 6 | <div>Block</div>
                   | ^

                """)
    }

    /// DESIGN.md: cmark drops `javascript:` URLs "and `check` warns where that happened" — at the link.
    @Test func droppedUnsafeLinksAreWarnedAtTheLink() {
        let site = HostileSite(content: [
            "de/pages/a.md": """
            ---
            title: A
            ---
            Mehr [Beratung](javascript:alert(1)) und [Kontakt](data:text/html,x).

            """
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        #expect(
            site.file("de/pages/a/index.html")?.hasSuffix(
                "<p>Mehr <a href=\"\">Beratung</a> und <a href=\"\">Kontakt</a>.</p>\n") == true)
        let located = result.diagnostics.map {
            "\(site.location($0)): \($0.severity)"
        }
        #expect(located == ["content/de/pages/a.md:4:6: warning", "content/de/pages/a.md:4:42: warning"])
    }

    // MARK: sitemap.xml and robots.txt

    /// URLs in sitemap.xml are XML-escaped; hreflang values too.
    @Test func sitemapEscapesURLsAndLanguageTags() {
        let site = HostileSite(content: [
            "site.yml": """
            title: Teststadt
            base_url: https://example.org/a&b'c/
            default_language: de
            languages:
              - code: de
                name: Deutsch
              - code: en
                name: English
                hreflang: 'en"<&'

            """,
            "de/_index.md": "---\ntitle: Start\n---\n",
            "en/_index.md": "---\ntitle: Home\n---\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .success)
        let sitemap = site.file("sitemap.xml") ?? ""
        #expect(
            sitemap.hasPrefix(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
                  <url>
                    <loc>https://example.org/a&amp;b&#39;c/de/</loc>
                    <xhtml:link rel="alternate" hreflang="de" href="https://example.org/a&amp;b&#39;c/de/"/>
                    <xhtml:link rel="alternate" hreflang="en&quot;&lt;&amp;" href="https://example.org/a&amp;b&#39;c/en/"/>
                    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/a&amp;b&#39;c/de/"/>
                  </url>
                  <url>
                    <loc>https://example.org/a&amp;b&#39;c/en/</loc>
                    <xhtml:link rel="alternate" hreflang="de" href="https://example.org/a&amp;b&#39;c/de/"/>
                    <xhtml:link rel="alternate" hreflang="en&quot;&lt;&amp;" href="https://example.org/a&amp;b&#39;c/en/"/>
                    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/a&amp;b&#39;c/de/"/>
                  </url>

                """))
        #expect(!sitemap.contains("a&b"))
        #expect(
            site.file("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://example.org/a&b'c/sitemap.xml\n")
    }

    /// A base_url with a line break would add lines to robots.txt and sitemap.xml: it is an error at its position.
    @Test(arguments: [#""https://example.org/\nDisallow: /""#, #""https://example.org/ x""#])
    func baseURLWithWhitespaceIsAnError(_ value: String) {
        let site = HostileSite(content: [
            "site.yml": "title: Teststadt\nbase_url: \(value)\nlanguages:\n  - code: de\n    name: Deutsch\n"
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            result.diagnostics.map { "\($0.position): \($0.message)" } == [
                "2:11: `base_url` must be an absolute http(s) URL such as https://integration.example.org/"
            ])
        #expect(site.file("robots.txt") == nil)
    }
}
