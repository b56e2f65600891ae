import Templates
import Testing

@Suite struct RobustnessTests {
    @Test func deeplyNestedBlocksAreAnErrorNotACrash() {
        let source = String(repeating: "{% if x %}", count: 10_000) + String(repeating: "{% endif %}", count: 10_000)
        #expect(
            compileErrors(source) == ["page.html:1:2001: blocks are nested more than 200 deep; simplify the template"])
    }

    @Test func nestingUpToTheLimitIsFine() {
        let source = String(repeating: "{% if x %}", count: 200) + "deep" + String(repeating: "{% endif %}", count: 200)
        #expect(render(source, context: ["x": true]) == "deep")
    }

    @Test func deeplyNestedParenthesesAreAnError() {
        let source =
            "{{ " + String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000) + " }}"
        #expect(
            compileErrors(source) == [
                "page.html:1:204: expression has more than 200 parts or nested parentheses; split it with {% set %}"
            ])
    }

    /// The limit the message gives is the one applied: 200 nested parentheses compile, the 201st is the error.
    /// (Each parenthesis used to count as a part too, so 100 around one value were over the limit.)
    @Test func parenthesesUpToTheLimitAreFine() {
        func nested(_ depth: Int) -> String {
            "{{ " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + " }}"
        }
        #expect(render(nested(100)) == "1")
        #expect(render(nested(200)) == "1")
        #expect(
            compileErrors(nested(201)) == [
                "page.html:1:204: expression has more than 200 parts or nested parentheses; split it with {% set %}"
            ])
        // Parentheses around each of 200 parts do not add to the parts.
        let parts = "{{ " + Array(repeating: "(a)", count: 100).joined(separator: " or ") + " }}"
        #expect(render(parts, context: ["a": true]) == "true")
        let tooMany = "{{ " + Array(repeating: "(a)", count: 101).joined(separator: " or ") + " }}"
        #expect(
            compileErrors(tooMany) == [
                "page.html:1:705: expression has more than 200 parts or nested parentheses; split it with {% set %}"
            ])
    }

    @Test func longChainsAreAnError() {
        let ors = "{{ " + Array(repeating: "a", count: 10_000).joined(separator: " or ") + " }}"
        #expect(
            compileErrors(ors) == [
                "page.html:1:504: expression has more than 200 parts or nested parentheses; split it with {% set %}"
            ])
        let nots = "{{ " + String(repeating: "not ", count: 10_000) + "a }}"
        #expect(
            compileErrors(nots) == [
                "page.html:1:804: expression has more than 200 parts or nested parentheses; split it with {% set %}"
            ])
    }

    @Test func manySiblingBlocksAreFine() {
        let source = String(repeating: "{% if x %}y{% endif %}", count: 10_000)
        #expect(render(source, context: ["x": true]) == String(repeating: "y", count: 10_000))
    }

    /// Cuts valid templates at every position and splices pieces together: every result
    /// must compile or give errors whose positions lie inside the source.
    @Test func truncatedAndSplicedInputGivesErrorsInsideTheSource() {
        let pieces = [
            "{% extends \"base.html\" %}", "{% block main %}", "{% endblock %}", "{% if a and not (b == 'x\\'') %}",
            "{% elsif c | size > 2 %}", "{% else %}", "{% endif %}", "{% for x in xs %}", "{% endfor %}",
            "{{- x | default: \"é\" -}}", "{# c #}", "{% include \"base.html\" %}", "{% set v = 1 %}", "text\n",
            "{{ loop.index }}",
        ]
        var generator = SplitMix64(seed: 7)
        var checked = 0
        for _ in 0..<300 {
            var source = ""
            for _ in 0..<Int(generator.next() % 8) { source += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let scalars = Array(source.unicodeScalars)
            let cut = scalars.isEmpty ? 0 : Int(generator.next() % UInt64(scalars.count + 1))
            var truncated = String.UnicodeScalarView()
            truncated.append(contentsOf: scalars[..<cut])
            let text = String(truncated)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.unicodeScalars.count }
            do {
                _ = try TemplateSet(
                    sources: ["page.html": text, "base.html": "{% block main %}{% endblock %}"], hostFilters: [])
            } catch {
                for templateError in error.errors {
                    let line = templateError.position.line
                    #expect(line >= 1 && line <= lines.count, "\(templateError) in \(text.debugDescription)")
                    if line >= 1 && line <= lines.count {
                        #expect(
                            templateError.position.column >= 1 && templateError.position.column <= lines[line - 1] + 1,
                            "\(templateError) in \(text.debugDescription)")
                    }
                }
            }
            checked += 1
        }
        #expect(checked == 300)
    }
}

/// A small deterministic random number generator, so the test sees the same inputs every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
