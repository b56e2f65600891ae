import Testing

@testable import Templates

@Suite struct IncludeCacheTests {
    private let sources = [
        "page.html": "<{% include_cached \"part.html\" page.id, page.kind %}|{{ page.lang }}>",
        "part.html": "{% set n = page.id %}[{{ n }} {{ page.lang }}{% for x in page.items %}{{ x }}{% endfor %}]",
    ]

    private func page(_ id: TemplateValue, lang: String, kind: TemplateValue = "guide") -> [String: TemplateValue] {
        ["page": ["id": id, "kind": kind, "lang": .string(lang), "items": [1, 2]]]
    }

    private func render(
        _ context: [String: TemplateValue], cache: IncludeCache?, set: TemplateSet
    ) throws -> String {
        var output: [UInt8] = []
        try set.render("page.html", context: context, filters: [:], into: &output, includeCache: cache)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func withoutACacheItIsAnInclude() throws {
        let set = try TemplateSet(sources: sources, hostFilters: [])
        #expect(try render(page("a", lang: "de"), cache: nil, set: set) == "<[a de12]|de>")
        #expect(try render(page("a", lang: "ar"), cache: nil, set: set) == "<[a ar12]|ar>")
    }

    /// The second render with the same keys copies the first's output (here visibly: the included part names the
    /// language it was first rendered for), while the rest of the page is rendered anew.
    @Test func theSameKeysCopyTheFirstOutput() throws {
        let set = try TemplateSet(sources: sources, hostFilters: [])
        let cache = IncludeCache()
        #expect(try render(page("a", lang: "de"), cache: cache, set: set) == "<[a de12]|de>")
        #expect(try render(page("a", lang: "ar"), cache: cache, set: set) == "<[a de12]|ar>")
        #expect(cache.count == 1)
        // Another value of any key, or the same text as another kind of value, is another entry.
        #expect(try render(page("b", lang: "ar"), cache: cache, set: set) == "<[b ar12]|ar>")
        #expect(try render(page("a", lang: "uk", kind: "event"), cache: cache, set: set) == "<[a uk12]|uk>")
        #expect(try render(page(1, lang: "tr"), cache: cache, set: set) == "<[1 tr12]|tr>")
        #expect(try render(page("1", lang: "fa"), cache: cache, set: set) == "<[1 fa12]|fa>")
        #expect(try render(page(nil, lang: "en"), cache: cache, set: set) == "<[ en12]|en>")
        #expect(cache.count == 6)
    }

    /// Two template sets given one cache keep their entries apart, and so do two tags including the same template.
    @Test func entriesBelongToTheirSetAndTag() throws {
        let first = try TemplateSet(sources: sources, hostFilters: [])
        let second = try TemplateSet(
            sources: [
                "page.html": "{% include_cached \"part.html\" page.id %}{% include_cached \"part.html\" page.id %}",
                "part.html": "({{ page.lang }})",
            ], hostFilters: [])
        let cache = IncludeCache()
        #expect(try render(page("a", lang: "de"), cache: cache, set: first) == "<[a de12]|de>")
        #expect(try render(page("a", lang: "ar"), cache: cache, set: second) == "(ar)(ar)")
        #expect(try render(page("a", lang: "uk"), cache: cache, set: second) == "(ar)(ar)")
        #expect(cache.count == 3)
    }

    /// A set made after another was freed never gets the freed one's output, even where it takes its place in memory.
    @Test func aNewSetNeverSeesAFreedSetsOutput() throws {
        let cache = IncludeCache()
        for round in 0..<20 {
            let set = try TemplateSet(
                sources: ["page.html": "{% include_cached \"part.html\" page.id %}", "part.html": "(\(round))"],
                hostFilters: [])
            #expect(try render(page("a", lang: "de"), cache: cache, set: set) == "(\(round))")
        }
    }

    /// An error in the included template is reported as in an include, and nothing is kept.
    @Test func aFailedRenderKeepsNothing() throws {
        let set = try TemplateSet(
            sources: ["page.html": "{% include_cached \"part.html\" page.id %}", "part.html": "{{ page.missing }}"],
            hostFilters: [])
        let cache = IncludeCache()
        #expect(throws: TemplateError.self) { try render(page("a", lang: "de"), cache: cache, set: set) }
        #expect(cache.count == 0)
    }

    @Test func keysMustBeSingleValues() {
        let sources = ["page.html": "\n  {% include_cached \"part.html\" page.id, page.items %}", "part.html": "x"]
        #expect(
            renderError("page.html", sources, context: page("a", lang: "de"))?.description
                == "page.html:2:42: `page.items` is a list and cannot be a key of include_cached; use text, a number or a boolean, such as page.id"
        )
        // Checked without a cache too, so that a theme fails the same way everywhere.
        #expect(
            renderError("page.html", ["page.html": "{% include_cached \"part.html\" nothing %}", "part.html": "x"])?
                .description
                .hasPrefix("page.html:1:31: unknown variable `nothing`") == true)
    }

    /// A missing key, a key missing after a comma, a template that does not exist and an include of itself are
    /// reported when the set is compiled, where they are written.
    @Test func missingKeysAndTargetsAreCompileErrors() {
        #expect(
            compileErrors(["page.html": "{% include_cached \"part.html\" %}", "part.html": "x"])
                == ["page.html:1:31: expected a value such as a variable, a string or a number, found `%}`"])
        #expect(
            compileErrors(["page.html": "{% include_cached \"part.html\" page.id, %}", "part.html": "x"])
                == ["page.html:1:40: expected a value such as a variable, a string or a number, found `%}`"])
        #expect(
            compileErrors(["page.html": "{% include_cached \"missing.html\" page.id %}"])
                == ["page.html:1:1: no template `missing.html`"])
        // An include of itself is a cycle, as with include.
        #expect(
            compileErrors(["page.html": "{% include_cached \"page.html\" page.id %}"])
                == ["page.html:1:1: include cycle page.html → page.html; a template cannot include itself"])
    }
}
