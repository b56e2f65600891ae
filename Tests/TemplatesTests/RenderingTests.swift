import Templates
import Testing

@Suite struct RenderingTests {
    @Test func printsEscapedText() {
        #expect(
            render("<p title=\"{{ t }}\">{{ t }}</p>", context: ["t": "Tom & Jerry's <b>\"Show\"</b>"])
                == "<p title=\"Tom &amp; Jerry&#39;s &lt;b&gt;&quot;Show&quot;&lt;/b&gt;\">Tom &amp; Jerry&#39;s &lt;b&gt;&quot;Show&quot;&lt;/b&gt;</p>"
        )
    }

    @Test func printsHTMLValuesAsIs() {
        #expect(
            render("<main>{{ page.content }}</main>", context: ["page": ["content": .html("<p>A &amp; B</p>")]])
                == "<main><p>A &amp; B</p></main>")
    }

    @Test func printsScalars() {
        let context: [String: TemplateValue] = [
            "n": 42, "m": -7, "yes": true, "no": false, "nothing": nil, "s": "Düsseldorf",
        ]
        #expect(
            render("{{ n }} {{ m }} {{ yes }} {{ no }} [{{ nothing }}] {{ s }}", context: context)
                == "42 -7 true false [] Düsseldorf")
    }

    @Test func printsLiterals() {
        #expect(
            render(#"{{ "a\"b" }} {{ 'c\'d' }} {{ 'x\\y' }} {{ 12 }} {{ true }} {{ null }}{{ nil }}"#)
                == "a&quot;b c&#39;d x\\y 12 true ")
    }

    @Test func textWithoutTagsIsUnchanged() {
        #expect(
            render("<p>Willkommen – مرحبا – Ласкаво просимо</p>\n") == "<p>Willkommen – مرحبا – Ласкаво просимо</p>\n")
        #expect(render("") == "")
    }

    @Test func nestedPaths() {
        let context: [String: TemplateValue] = ["page": ["contact": ["person": "Frau Yılmaz", "phone": nil]]]
        #expect(
            render("{{ page.contact.person }}|{{ page.contact.phone }}|{{ page.contact.phone.x }}", context: context)
                == "Frau Yılmaz||")
    }

    @Test func ifElsifElse() {
        let source = "{% if n == 1 %}one{% elsif n == 2 %}two{% elsif n == 3 %}three{% else %}many{% endif %}"
        #expect(render(source, context: ["n": 1]) == "one")
        #expect(render(source, context: ["n": 2]) == "two")
        #expect(render(source, context: ["n": 3]) == "three")
        #expect(render(source, context: ["n": 4]) == "many")
        #expect(render("{% if n %}yes{% endif %}", context: ["n": nil]) == "")
    }

    @Test func truthiness() {
        let source = "{% if v %}T{% else %}F{% endif %}"
        let falsy: [TemplateValue] = [nil, false, "", .html(""), [], .map([:])]
        let truthy: [TemplateValue] = [0, true, " ", .html("<br>"), [nil], ["k": nil]]
        #expect(falsy.map { render(source, context: ["v": $0]) } == ["F", "F", "F", "F", "F", "F"])
        #expect(truthy.map { render(source, context: ["v": $0]) } == ["T", "T", "T", "T", "T", "T"])
    }

    @Test func booleanOperatorsAndPrecedence() {
        let context: [String: TemplateValue] = ["t": true, "f": false]
        #expect(
            render("{{ t and f }} {{ t or f }} {{ not f }} {{ not t or t }} {{ not (t or t) }}", context: context)
                == "false true true true false")
        // `and` binds tighter than `or`.
        #expect(render("{{ t or t and f }} {{ (t or t) and f }}", context: context) == "true false")
        // `not` applies to the whole comparison.
        #expect(render("{{ not 1 == 2 }}") == "true")
        // `and` and `or` do not evaluate their right side when the left decides.
        #expect(render("{{ f and missing }} {{ t or missing }}", context: context) == "false true")
    }

    @Test func comparisons() {
        #expect(
            render("{{ 1 == 1 }} {{ 1 != 1 }} {{ 'a' == 'a' }} {{ 1 == '1' }} {{ null == nil }}")
                == "true false true false true")
        #expect(render("{{ 2 < 10 }} {{ 2 <= 2 }} {{ 3 > 2 }} {{ 3 >= 4 }}") == "true true true false")
        #expect(render("{{ 'apple' < 'banana' }} {{ 'b' >= 'a' }}") == "true true")
        #expect(render("{{ h == 'x' }}", context: ["h": .html("x")]) == "true")
        #expect(render("{{ l == m }}", context: ["l": [1, "a"], "m": [1, "a"]]) == "true")
    }

    @Test func filtersBindTighterThanComparisons() {
        let source = "{% if page.children | size > 0 %}has children{% else %}leaf{% endif %}"
        #expect(render(source, context: ["page": ["children": ["a"]]]) == "has children")
        #expect(render(source, context: ["page": ["children": []]]) == "leaf")
        #expect(render(source, context: ["page": ["children": nil]]) == "leaf")
    }

    @Test func forLoopWithLoopVariables() {
        let source = """
            {% for x in xs %}{{ loop.index }}/{{ loop.index0 }}/{{ loop.length }}:{{ x }}\
            {% if loop.first %} first{% endif %}{% if loop.last %} last{% endif %};{% endfor %}
            """
        #expect(render(source, context: ["xs": ["a", "b", "c"]]) == "1/0/3:a first;2/1/3:b;3/2/3:c last;")
    }

    @Test func forElseWhenEmptyOrNull() {
        let source = "{% for x in xs %}{{ x }}{% else %}none{% endfor %}"
        #expect(render(source, context: ["xs": []]) == "none")
        #expect(render(source, context: ["xs": nil]) == "none")
        #expect(render(source, context: ["xs": [1, 2]]) == "12")
    }

    @Test func nestedLoopsShadowLoop() {
        let source =
            "{% for a in outer %}{% for b in inner %}{{ loop.index }}{{ b }}{% endfor %}-{{ loop.index }}{{ a }} {% endfor %}"
        #expect(render(source, context: ["outer": ["x", "y"], "inner": ["p", "q"]]) == "1p2q-1x 1p2q-2y ")
    }

    @Test func loopVariableShadowsContextAndEndsWithTheLoop() {
        let source = "{% for page in pages %}{{ page.title }},{% endfor %}{{ page.title }}"
        let context: [String: TemplateValue] = ["page": ["title": "Home"], "pages": [["title": "A"], ["title": "B"]]]
        #expect(render(source, context: context) == "A,B,Home")
    }

    @Test func loopAsAValue() {
        #expect(render("{% for x in xs %}{{ loop | size }}{% endfor %}", context: ["xs": [1]]) == "5")
    }

    @Test func listProperties() {
        let context: [String: TemplateValue] = ["xs": ["a", "b", "c"], "empty": [], "s": "Grüße"]
        #expect(
            render("{{ xs.size }} {{ xs.first }} {{ xs.last }} [{{ empty.first }}] {{ s.size }}", context: context)
                == "3 a c [] 5")
    }

    @Test func setAssignsAndAssigningAgainReplaces() {
        let source = "{% set greeting = 'Hallo' | upcase %}{{ greeting }} {% set greeting = 'Hi' %}{{ greeting }}"
        #expect(render(source) == "HALLO Hi")
    }

    @Test func setInsideALoopEndsWithTheIteration() {
        let source = "{% set x = 'out' %}{% for i in is %}{{ x }}{% set x = i %}{{ x }} {% endfor %}{{ x }}"
        #expect(render(source, context: ["is": [1, 2]]) == "out1 out2 out")
    }

    @Test func includeSeesTheCurrentScope() {
        let sources = [
            "page.html": "<ul>{% for item in items %}{% include \"partials/item.html\" %}{% endfor %}</ul>",
            "partials/item.html": "<li>{{ loop.index }}. {{ item }} ({{ site.title }})</li>",
        ]
        let context: [String: TemplateValue] = ["items": ["A", "B"], "site": ["title": "KI"]]
        #expect(render("page.html", sources, context: context) == "<ul><li>1. A (KI)</li><li>2. B (KI)</li></ul>")
    }

    @Test func setInsideAnIncludeStaysThere() {
        let sources = [
            "page.html": "{% set x = 1 %}{% include \"p.html\" %}{{ x }}",
            "p.html": "{% set x = 2 %}{{ x }}",
        ]
        #expect(render("page.html", sources) == "21")
    }

    @Test func whitespaceControl() {
        let source = """
            <ul>
              {%- for x in xs %}
              <li>{{- x -}}</li>
              {%- endfor %}
            </ul>
            """
        #expect(render(source, context: ["xs": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>")
    }

    @Test func commentsPrintNothing() {
        #expect(render("a{# {{ page.title }}\n{% if %} #}b {#- trims -#} c") == "abc")
    }

    @Test func renderingIsRepeatable() throws {
        let set = try TemplateSet(sources: ["p.html": "{{ x }}"], hostFilters: [])
        #expect(try set.render("p.html", context: ["x": 1], filters: [:]) == "1")
        #expect(try set.render("p.html", context: ["x": 2], filters: [:]) == "2")
        #expect(set.contains("p.html"))
        #expect(!set.contains("q.html"))
        #expect(set.names == ["p.html"])
    }

    @Test func rendersFromManyTasksAtOnce() async throws {
        let set = try TemplateSet(sources: ["p.html": "{% for x in xs %}{{ x }}{% endfor %}"], hostFilters: [])
        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<50 {
                group.addTask { try set.render("p.html", context: ["xs": [.int(index), .int(index)]], filters: [:]) }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(outputs.count == 50)
        #expect(outputs.contains("4949"))
    }
}

@Suite struct RenderingAPITests {
    @Test func renderIntoAppendsUTF8() throws {
        let set = try TemplateSet(sources: ["p.html": "<p>{{ x }}</p>"], hostFilters: [])
        var buffer = Array("<!-- -->".utf8)
        try set.render("p.html", context: ["x": "Grüße & mehr"], filters: [:], into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "<!-- --><p>Grüße &amp; mehr</p>")
        buffer.removeAll(keepingCapacity: true)
        try set.render("p.html", context: ["x": 7], filters: [:], into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "<p>7</p>")
    }

    @Test func renderIntoKeepsWhatWasRenderedBeforeAnError() throws {
        let set = try TemplateSet(sources: ["p.html": "a{{ x }}b{{ missing }}c"], hostFilters: [])
        var buffer: [UInt8] = []
        #expect(throws: TemplateError.self) {
            try set.render("p.html", context: ["x": 1], filters: [:], into: &buffer)
        }
        #expect(String(decoding: buffer, as: UTF8.self) == "a1b")
    }

    @Test func extremeIntegers() {
        #expect(
            render("{{ a }} {{ b }} {{ 0 }}", context: ["a": .int(Int.max), "b": .int(Int.min)])
                == "9223372036854775807 -9223372036854775808 0")
    }

    @Test func suggestionsIncludeLoopVariables() {
        #expect(
            render("{% for item in items %}{{ iten }}{% endfor %}", context: ["items": [1]])
                == "render error: page.html:1:27: unknown variable `iten`; did you mean `item`?")
    }

    @Test func printingLoopIsAnError() {
        #expect(
            render("{% for x in xs %}{{ loop }}{% endfor %}", context: ["xs": [1]])
                == "render error: page.html:1:21: `loop` is a map and cannot be printed; loop over it with {% for %} or use a filter such as join"
        )
    }

    @Test func errorInAnElsifCondition() {
        #expect(
            render("{% if a %}{% elsif b.c.d %}{% endif %}", context: ["a": false, "b": ["c": 1]])
                == "render error: page.html:1:20: `b.c` is a number, not a map, so it has no `d`")
    }

    @Test func deepIncludeChain() {
        var sources: [String: String] = [:]
        for index in 0..<100 { sources["t\(index).html"] = "\(index){% include \"t\(index + 1).html\" %}" }
        sources["t100.html"] = "{{ end }}"
        #expect(render("t0.html", sources, context: ["end": "!"]) == (0..<100).map(String.init).joined() + "!")
    }
}

/// HTML given as bytes behaves as HTML given as text everywhere but in how it is stored.
@Suite struct HTMLBytesTests {
    let bytes = TemplateValue.htmlBytes(Array("<p>Grüße &amp; mehr</p>".utf8))
    let text = TemplateValue.html("<p>Grüße &amp; mehr</p>")

    @Test(arguments: [
        "{{ v }}", "{% if v %}yes{% endif %}", "{{ v | size }}", "{{ v.size }}", "{{ v | raw }}",
        "{{ v | default: 'x' }}", "{{ xs | join: ' <br> ' }}", "{% if v == s %}same{% endif %}",
        "{% if v != s %}different{% endif %}", "{% if v < 'z' %}less{% endif %}", "{{ v | upcase }}",
    ])
    func rendersAsHTMLText(source: String) {
        func context(_ value: TemplateValue) -> [String: TemplateValue] {
            ["v": value, "s": .string("<p>Grüße &amp; mehr</p>"), "xs": [value, "<b>"]]
        }
        #expect(render(source, context: context(bytes)) == render(source, context: context(text)))
    }

    @Test func printsItsBytes() {
        #expect(render("[{{ v }}]", context: ["v": bytes]) == "[<p>Grüße &amp; mehr</p>]")
        #expect(render("{% if v %}yes{% else %}no{% endif %}", context: ["v": .htmlBytes([])]) == "no")
        #expect(render("{{ v | size }}", context: ["v": bytes]) == "23")
    }
}
