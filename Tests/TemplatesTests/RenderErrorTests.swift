import Templates
import Testing

@Suite struct RenderErrorTests {
    private func error(_ source: String, context: [String: TemplateValue] = [:]) -> String? {
        renderError("page.html", ["page.html": source], context: context)?.description
    }

    @Test func unknownVariable() {
        #expect(
            error("a\n  {{ titel }}", context: ["title": "x"])
                == "page.html:2:6: unknown variable `titel`; did you mean `title`?")
        #expect(error("{{ nothing }}") == "page.html:1:4: unknown variable `nothing`")
    }

    @Test func unknownKeyOfAMap() {
        let context: [String: TemplateValue] = ["page": ["title": "T", "summary": nil]]
        #expect(error("{{ page.foo }}", context: context) == "page.html:1:4: unknown variable `page.foo`")
        #expect(
            error("{% if page.sumary %}{% endif %}", context: context)
                == "page.html:1:7: unknown variable `page.sumary`; did you mean `summary`?")
    }

    @Test func keyOfAScalar() {
        let context: [String: TemplateValue] = ["page": ["title": "T", "weight": 3, "draft": false]]
        #expect(
            error("{{ page.title.x }}", context: context)
                == "page.html:1:4: `page.title` is a string, not a map, so it has no `x`")
        #expect(
            error("{{ page.weight.x }}", context: context)
                == "page.html:1:4: `page.weight` is a number, not a map, so it has no `x`")
        #expect(
            error("{{ page.draft.x }}", context: context)
                == "page.html:1:4: `page.draft` is a boolean, not a map, so it has no `x`")
    }

    @Test func unknownPropertyOfAList() {
        #expect(
            error("{{ xs.length }}", context: ["xs": []])
                == "page.html:1:4: `xs` is a list, which has size, first and last, not `length`")
    }

    @Test func unknownLoopProperty() {
        #expect(
            error("{% for x in xs %}{{ loop.indx }}{% endfor %}", context: ["xs": [1]])
                == "page.html:1:21: unknown variable `loop.indx`; did you mean `index`?")
    }

    @Test func comparingWhatHasNoOrder() {
        let context: [String: TemplateValue] = ["page": ["title": "T", "weight": 3, "draft": false]]
        #expect(
            error("a\n{% if page.title < page.weight %}x{% endif %}", context: context)
                == "page.html:2:18: cannot compare a string with a number using `<`; both must be numbers or both strings"
        )
        #expect(
            error("{% if page.draft >= 1 %}x{% endif %}", context: context)
                == "page.html:1:18: cannot compare a boolean with a number using `>=`; both must be numbers or both strings"
        )
        // Equality compares anything; ordering orders numbers and text.
        #expect(
            error("{% if page.draft == 1 %}{% endif %}{% if page.title > \"S\" %}{% endif %}", context: context) == nil)
    }

    @Test func printingAListOrMap() {
        #expect(
            error("{{ page.children }}", context: ["page": ["children": []]])
                == "page.html:1:4: `page.children` is a list and cannot be printed; loop over it with {% for %} or use a filter such as join"
        )
        #expect(
            error("{{ page | default: 1 }}", context: ["page": ["a": 1]])
                == "page.html:1:4: `page | default: 1` is a map and cannot be printed; loop over it with {% for %} or use a filter such as join"
        )
    }

    @Test func forOverSomethingElse() {
        #expect(
            error("{% for x in page.title %}{% endfor %}", context: ["page": ["title": "T"]])
                == "page.html:1:13: `page.title` is a string, not a list; {% for %} needs a list")
        #expect(
            error("{% for x in page %}{% endfor %}", context: ["page": ["title": "T"]])
                == "page.html:1:13: `page` is a map, not a list; {% for %} needs a list")
    }

    @Test func orderingDifferentKinds() {
        #expect(
            error("{% if n < 'a' %}{% endif %}", context: ["n": 1])
                == "page.html:1:9: cannot compare a number with a string using `<`; both must be numbers or both strings"
        )
        #expect(
            error("{{ xs >= 1 }}", context: ["xs": []])
                == "page.html:1:7: cannot compare a list with a number using `>=`; both must be numbers or both strings"
        )
    }

    @Test func errorInsideAnIncludeNamesTheIncludedTemplate() {
        let sources = [
            "page.html": "{% for item in items %}\n{% include \"partials/item.html\" %}{% endfor %}",
            "partials/item.html": "<li>\n  {{ item.titel }}</li>",
        ]
        let error = renderError("page.html", sources, context: ["items": [["title": "A"]]])
        #expect(error?.description == "partials/item.html:2:6: unknown variable `item.titel`; did you mean `title`?")
        #expect(error?.template == "partials/item.html")
        #expect(error?.position == TemplatePosition(line: 2, column: 6))
    }

    @Test func noSuchTemplate() throws {
        let set = try TemplateSet(sources: [:], hostFilters: [])
        #expect(
            throws: TemplateError(
                template: "x.html", position: TemplatePosition(line: 1, column: 1), reason: .noSuchTemplate("x.html"))
        ) {
            try set.render("x.html", context: [:], filters: [:])
        }
        #expect(renderError("x.html", [:])?.message == "no template `x.html`")
    }

    @Test func errorAfterOutputStopsRendering() {
        // The error is thrown; nothing half-rendered is returned.
        #expect(render("before {{ missing }} after") == "render error: page.html:1:11: unknown variable `missing`")
    }
}
