import Templates
import Testing

/// Host filters declared with the number of arguments they take are checked like the built-in ones.
@Suite struct HostFilterArityTests {
    /// The host filters of a site generator, with their argument counts.
    static let declared: [String: ClosedRange<Int>] = [
        "t": 0...Int.max, "translate": 1...Int.max, "date": 0...1, "url": 0...0, "number": 0...0,
        "language_name": 0...0,
    ]

    private func errors(_ source: String, hostFilters: [String: ClosedRange<Int>] = declared) -> [String] {
        do {
            _ = try TemplateSet(sources: ["page.html": source], hostFilters: hostFilters)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// Too many arguments to a host filter are an error at the filter's name when the set is compiled, worded as
    /// for the built-in filters.
    @Test func tooManyArgumentsAreCompileErrors() {
        let source =
            #"{{ "2025-11-13" | date: "long", 3 }}{{ "/assets/style.css" | url: "zz" }}"#
            + #"{{ 12500 | number: 9 }}{{ "de" | language_name: "en" }}"#
        #expect(
            errors(source) == [
                "page.html:1:19: filter `date` takes at most 1 argument, not 2",
                "page.html:1:62: filter `url` takes no arguments, not 1",
                "page.html:1:85: filter `number` takes no arguments, not 1",
                "page.html:1:107: filter `language_name` takes no arguments, not 1",
            ])
    }

    /// A filter that takes a first argument and any number after it says "at least".
    @Test func tooFewArgumentsAreCompileErrors() {
        #expect(
            errors("<p>\n  {{ 'notfound.title' | translate }}</p>") == [
                "page.html:2:25: filter `translate` takes at least 1 argument, not 0"
            ])
    }

    /// Calls within the declared counts compile, however many arguments an open range allows.
    @Test func callsWithinTheCountsCompile() {
        let source =
            "{{ 'k' | t }}{{ 'k' | t: 1, 2, 3, 4, 5 }}{{ 'k' | translate: 'ar' }}{{ 'k' | translate: 'ar', 1, 2 }}"
            + "{{ d | date }}{{ d | date: 'short' }}{{ '/' | url }}{{ 5 | number }}{{ 'de' | language_name }}"
        #expect(errors(source) == [])
        #expect(errors("{{ 1 | number: 1, 2 | date }}", hostFilters: ["number": 2...3, "date": 0...1]) == [])
        #expect(
            errors("{{ 1 | number: 1 }}", hostFilters: ["number": 2...3]) == [
                "page.html:1:8: filter `number` takes 2 to 3 arguments, not 1"
            ])
    }

    /// A host filter with a built-in name brings its own argument count; declared by name alone, it takes any.
    @Test func replacedBuiltInFilterHasTheHostsCount() {
        #expect(errors("{{ a | size: 2 }}", hostFilters: ["size": 0...2]) == [])
        #expect(errors("{{ a | default }}", hostFilters: ["default": 0...1]) == [])
        #expect(
            errors("{{ a | size: 2, 3, 4 }}", hostFilters: ["size": 0...2]) == [
                "page.html:1:8: filter `size` takes at most 2 arguments, not 3"
            ])
        #expect(compileErrors("{{ a | number: 1, 2, 3, 4, 5, 6, 7, 8, 9 }}", hostFilters: ["number"]) == [])
    }

    /// Each wrong call is reported, however often the filter is used, and an unknown filter is still suggested
    /// from the declared names.
    @Test func everyWrongCallIsReported() {
        #expect(
            errors("{{ 1 | number: 1 }}\n{{ 2 | number }}\n{{ 3 | number: 3 }}\n{{ 'x' | urll }}") == [
                "page.html:1:8: filter `number` takes no arguments, not 1",
                "page.html:3:8: filter `number` takes no arguments, not 1",
                "page.html:4:10: unknown filter `urll`; did you mean `url`?",
            ])
    }

    /// Checked calls render as before, with the arguments given.
    @Test func checkedCallsRender() throws {
        let set = try TemplateSet(sources: ["page.html": "{{ 'k' | t: 'a', 'b' }}"], hostFilters: Self.declared)
        let t = Filter { input, arguments throws(FilterFailure) in
            guard case .string(let key) = input else { throw FilterFailure("no key") }
            return .string("\(key)|\(arguments.count)")
        }
        #expect(try set.render("page.html", context: [:], filters: ["t": t]) == "k|2")
    }
}
