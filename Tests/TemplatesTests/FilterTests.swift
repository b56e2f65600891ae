import Synchronization
import Templates
import Testing

@Suite struct FilterTests {
    @Test func defaultWhenFalsy() {
        let source = "{{ v | default: 'none' }}"
        #expect(render(source, context: ["v": nil]) == "none")
        #expect(render(source, context: ["v": ""]) == "none")
        #expect(render(source, context: ["v": false]) == "none")
        #expect(render(source, context: ["v": []]) == "none")
        #expect(render(source, context: ["v": 0]) == "0")
        #expect(render(source, context: ["v": "x"]) == "x")
        #expect(render("{{ a | default: b }}", context: ["a": nil, "b": "<b>"]) == "&lt;b&gt;")
    }

    @Test func join() {
        #expect(render("{{ xs | join }}", context: ["xs": ["de", "en", "ar"]]) == "de, en, ar")
        #expect(render("{{ xs | join: ' · ' }}", context: ["xs": ["a", 1, true, nil]]) == "a · 1 · true · ")
        #expect(render("{{ xs | join: '/' }}", context: ["xs": []]) == "")
        #expect(render("{{ xs | join }}", context: ["xs": nil]) == "")
        // Text is escaped once, when printed.
        #expect(render("{{ xs | join: ' & ' }}", context: ["xs": ["<a>", "b"]]) == "&lt;a&gt; &amp; b")
        // With an HTML item the result is HTML; the text items and separator are escaped in the join.
        #expect(
            render("{{ xs | join: ' & ' }}", context: ["xs": [.html("<em>a</em>"), "<b>"]])
                == "<em>a</em> &amp; &lt;b&gt;")
    }

    @Test func size() {
        let context: [String: TemplateValue] = [
            "l": [1, 2, 3], "m": ["a": 1], "s": "Straße", "n": nil, "h": .html("<br>"),
        ]
        #expect(
            render("{{ l | size }} {{ m | size }} {{ s | size }} {{ n | size }} {{ h | size }}", context: context)
                == "3 1 6 0 4")
    }

    @Test func upcaseAndDowncase() {
        #expect(
            render("{{ s | upcase }} {{ s | downcase }}", context: ["s": "Grüße İstanbul"])
                == "GRÜSSE İSTANBUL grüße i̇stanbul")
        #expect(render("[{{ n | upcase }}]", context: ["n": nil]) == "[]")
    }

    @Test func escapeURI() {
        #expect(
            render("{{ q | escape_uri }}", context: ["q": "Sprachkurs & Beratung/ä?=~._-"])
                == "Sprachkurs%20%26%20Beratung%2F%C3%A4%3F%3D~._-")
        #expect(render("{{ n | escape_uri }}|{{ i | escape_uri }}", context: ["n": nil, "i": 42]) == "|42")
    }

    @Test func rawSkipsEscaping() {
        #expect(render("{{ s | raw }} {{ s }}", context: ["s": "<b>fett</b>"]) == "<b>fett</b> &lt;b&gt;fett&lt;/b&gt;")
        #expect(render("{{ h | raw }}{{ n | raw }}", context: ["h": .html("<i>x</i>"), "n": nil]) == "<i>x</i>")
    }

    @Test func firstAndLast() {
        let context: [String: TemplateValue] = ["xs": ["a", "b"], "empty": [], "n": nil]
        #expect(
            render("{{ xs | first }}{{ xs | last }}[{{ empty | first }}{{ n | last }}]", context: context) == "ab[]")
    }

    @Test func chains() {
        #expect(render("{{ xs | first | upcase | default: 'none' }}", context: ["xs": ["ki"]]) == "KI")
        #expect(render("{{ xs | first | default: 'none' | upcase }}", context: ["xs": []]) == "NONE")
        #expect(render("{{ (xs | size) == 2 }}", context: ["xs": [1, 2]]) == "true")
    }

    @Test func builtinFilterFailures() {
        #expect(
            renderError("page.html", ["page.html": "{{ n | upcase }}"], context: ["n": 3])?.description
                == "page.html:1:8: filter `upcase` needs a string, not a number")
        #expect(
            renderError("page.html", ["page.html": "{{ s | join }}"], context: ["s": "x"])?.description
                == "page.html:1:8: filter `join` needs a list, not a string")
        #expect(
            renderError("page.html", ["page.html": "{{ xs | join }}"], context: ["xs": ["a", ["b"]]])?.description
                == "page.html:1:9: filter `join` needs a list of strings or numbers, but item 2 is a list")
        #expect(
            renderError("page.html", ["page.html": "{{ xs | join: xs }}"], context: ["xs": ["a"]])?.description
                == "page.html:1:9: the separator of `join` must be a string, not a list")
        #expect(
            renderError("page.html", ["page.html": "{{ n | size }}"], context: ["n": 3])?.description
                == "page.html:1:8: filter `size` needs a list, map or string, not a number")
        #expect(
            renderError("page.html", ["page.html": "{{ s | first }}"], context: ["s": "abc"])?.description
                == "page.html:1:8: filter `first` needs a list, not a string")
        #expect(
            renderError("page.html", ["page.html": "{{ h | upcase }}"], context: ["h": .html("<b>")])?.description
                == "page.html:1:8: filter `upcase` needs a string, not HTML")
    }

    @Test func hostFilterIsCalledWithInputAndArguments() {
        let calls = Mutex<[String]>([])
        let t = Filter { (input, arguments) throws(FilterFailure) in
            calls.withLock { $0.append("t(\(input), \(arguments))") }
            guard case .string(let key) = input else { throw FilterFailure("`t` needs a key") }
            return .string("[\(key)]")
        }
        let date = Filter { input, arguments in
            calls.withLock { $0.append("date(\(input), \(arguments))") }
            return .string("13. November 2025")
        }
        let output = render(
            "{{ 'events.upcoming' | t }} – {{ event.start | date: 'long', lang }}",
            context: ["event": ["start": "2025-11-13"], "lang": "de"],
            hostFilters: ["t", "date"],
            filters: ["t": t, "date": date])
        #expect(output == "[events.upcoming] – 13. November 2025")
        #expect(
            calls.withLock { $0 } == [
                #"t(string("events.upcoming"), [])"#,
                #"date(string("2025-11-13"), [Templates.TemplateValue.string("long"), Templates.TemplateValue.string("de")])"#,
            ])
    }

    @Test func hostFilterResultThatIsHTMLIsNotEscaped() {
        let url = Filter { input, _ in .html("/de/\(input.scalarDescription)/") }
        #expect(
            render("<a href=\"{{ 'guides' | url }}\">", hostFilters: ["url"], filters: ["url": url])
                == "<a href=\"/de/guides/\">")
    }

    @Test func hostFilterFailureBecomesATemplateError() {
        let t = Filter { (_, _) throws(FilterFailure) in
            throw FilterFailure("no UI string `events.upcomin`; add it to templates/i18n/de.yml")
        }
        let error = renderError(
            "page.html", ["page.html": "<h2>\n  {{ 'events.upcomin' | t }}</h2>"], hostFilters: ["t"], filters: ["t": t]
        )
        #expect(error?.template == "page.html")
        #expect(error?.position == TemplatePosition(line: 2, column: 25))
        #expect(
            error?.reason
                == .filterFailed(filter: "t", message: "no UI string `events.upcomin`; add it to templates/i18n/de.yml")
        )
        #expect(error?.message == "no UI string `events.upcomin`; add it to templates/i18n/de.yml")
    }

    @Test func declaredHostFilterMissingAtRenderTime() {
        #expect(
            renderError("page.html", ["page.html": "{{ 'x' | t }}"], hostFilters: ["t"])?.description
                == "page.html:1:10: filter `t` was declared by the host but not supplied when rendering")
    }

    @Test func hostFilterReplacesABuiltInOne() {
        let size = Filter { _, arguments in .int(arguments.count) }
        #expect(render("{{ 'abc' | size: 1, 2 }}", hostFilters: ["size"], filters: ["size": size]) == "2")
    }
}

extension TemplateValue {
    /// The text of a string value, for the fake filters above.
    fileprivate var scalarDescription: String {
        if case .string(let text) = self { text } else { "\(self)" }
    }
}
