import Testing

@testable import Templates

/// `HTMLBytesUse` tells where a page's body was printed, and whether that print was its only use.
@Suite struct HTMLBytesUseTests {
    static let body: [UInt8] = Array("<p>Text</p>".utf8)

    /// The use of the body in one render of `source` (with `page.content` and `page.title`), after `prefix`
    /// already in the output.
    func use(_ source: String, prefix: String = "", includes: [String: String] = [:]) throws -> HTMLBytesUse {
        let set = try TemplateSet(sources: ["page.html": source].merging(includes) { $1 }, hostFilters: [])
        var output = Array(prefix.utf8)
        var use = HTMLBytesUse()
        let page: TemplateValue = .map(["title": "Titel", "content": .htmlBytes(Self.body)])
        try set.render(
            "page.html", context: ["page": page], filters: [:], into: &output, includeCache: IncludeCache(),
            htmlUse: &use)
        if let range = use.firstPrint { #expect(Array(output[range]) == Self.body) }
        return use
    }

    @Test func onePrintIsTheOnlyUse() throws {
        #expect(try use("<h1>{{ page.title }}</h1>\n{{ page.content }}\n", prefix: "abc").onlyPrint == 18..<29)
    }

    @Test func askingWhetherItIsEmptyIsATestNotAUse() throws {
        let found = try use("{% if page.content and not page.title == '' %}<div>{{ page.content }}</div>{% endif %}")
        #expect(found.onlyPrint == 5..<16)
        #expect(found.tests == 1)
    }

    /// A later page gets the kept output of `include_cached`, with the first page's body in it: no place.
    @Test func keptIncludeOutputTellsNoPlace() throws {
        let set = try TemplateSet(
            sources: ["page.html": "{% include_cached 'c.html' 1 %}", "c.html": "{{ page.content }}"],
            hostFilters: [])
        let cache = IncludeCache()
        for _ in 0..<2 {
            var output: [UInt8] = []
            var use = HTMLBytesUse()
            let page: TemplateValue = .map(["content": .htmlBytes(Self.body)])
            try set.render(
                "page.html", context: ["page": page], filters: [:], into: &output, includeCache: cache, htmlUse: &use)
            #expect(output == Self.body)
            #expect(use.onlyPrint == nil)
        }
    }

    @Test(arguments: [
        "{% set p = page %}{{ page.content }}",
        "{{ page.content }}{{ page.content }}",
        "{{ page.content }}{{ page.content.size }}",
        "{{ page.content }}{{ page.content | size }}",
        "{{ page.content }}{% if page.content == page.title %}x{% endif %}",
        "{% set c = page.content %}{{ c }}",
        "{% set p = page %}{{ p.content }}",
        "{{ page.content | raw }}",
        "{% include_cached 'c.html' page.title %}",
    ])
    func anyOtherUseTellsNoPlace(source: String) throws {
        #expect(try use(source, includes: ["c.html": "{{ page.content }}"]).onlyPrint == nil)
    }
}
