import Templates
import Testing

@Suite struct ParserErrorTests {
    @Test func unknownTagWithAndWithoutSuggestion() {
        #expect(compileErrors("a\n  {% frobnicate %}") == ["page.html:2:3: unknown tag `frobnicate`"])
        #expect(
            compileErrors("{% if a %}x{% elif b %}y{% endif %}") == [
                "page.html:1:12: unknown tag `elif`; did you mean `elsif`?"
            ])
    }

    /// `loop` names the running loop: a loop variable of that name would hide `loop.index` without a word.
    @Test func loopVariableCannotBeNamedLoop() {
        #expect(
            compileErrors("{% for loop in site.languages %}{{ loop.index }}{% endfor %}") == [
                "page.html:1:8: expected a loop variable name other than `loop`, which names the loop itself, found `loop`"
            ])
        #expect(compileErrors("{% for item in site.languages %}{{ loop.index }}{% endfor %}") == [])
    }

    @Test func unclosedBlocksAreReportedAtTheirOpeningTag() {
        #expect(
            compileErrors("<ul>\n\n    {% if page.children %}\n<li>") == [
                "page.html:3:5: `if` at 3:5 is never closed; add {% endif %}"
            ])
        #expect(
            compileErrors("{% for x in xs %}{% else %}none") == [
                "page.html:1:1: `for` at 1:1 is never closed; add {% endfor %}"
            ])
        #expect(
            compileErrors("{% block main %}") == ["page.html:1:1: `block` at 1:1 is never closed; add {% endblock %}"])
        #expect(
            compileErrors("{% if a %}{% elsif b %}{% else %}") == [
                "page.html:1:1: `if` at 1:1 is never closed; add {% endif %}"
            ])
    }

    @Test func endTagThatClosesTheWrongBlock() {
        #expect(
            compileErrors("{% for x in xs %}\n  {% if x %}\n{% endfor %}") == [
                "page.html:3:1: {% endfor %} cannot close `if` at 2:3; add {% endif %} before it"
            ])
    }

    @Test func endTagWithNothingToClose() {
        #expect(compileErrors("a {% endif %}") == ["page.html:1:3: {% endif %} has no open `if` to close; remove it"])
        #expect(
            compileErrors("{% if a %}{% endfor %}{% endif %}") == [
                "page.html:1:11: {% endfor %} has no open `for` to close; remove it"
            ])
    }

    @Test func misplacedBranches() {
        #expect(compileErrors("{% else %}") == ["page.html:1:1: {% else %} must be inside an if or for block"])
        #expect(
            compileErrors("{% for x in xs %}{% elsif x %}{% endfor %}") == [
                "page.html:1:18: {% elsif %} must be inside an if block"
            ])
        #expect(
            compileErrors("{% if a %}{% else %}{% elsif b %}{% endif %}") == [
                "page.html:1:21: {% elsif %} after {% else %} at 1:11; move it before the else"
            ])
        #expect(
            compileErrors("{% for x in xs %}{% else %}{% else %}{% endfor %}") == [
                "page.html:1:28: {% else %} after {% else %} at 1:18; move it before the else"
            ])
    }

    @Test func unclosedDelimitersAndStrings() {
        #expect(compileErrors("<p>{{ page.title </p>") == ["page.html:1:4: `{{` at 1:4 is never closed; add }}"])
        #expect(compileErrors("{% if a }}b{% endif %}") == ["page.html:1:1: `{%` at 1:1 is never closed; add %}"])
        #expect(
            compileErrors("{{ \"abc }}") == [
                "page.html:1:4: string is never closed; add the closing quote before the end of the line"
            ])
    }

    @Test func unexpectedTokens() {
        #expect(compileErrors("{{ page.title page.url }}") == ["page.html:1:15: expected `}}`, found `page`"])
        #expect(
            compileErrors("{% if a = b %}{% endif %}") == [
                "page.html:1:9: expected `==` to compare, or `%}`, found `=`"
            ])
        #expect(
            compileErrors("{{ a and }}") == [
                "page.html:1:10: expected a value such as a variable, a string or a number, found `}}`"
            ])
        #expect(compileErrors("{{ (a }}") == ["page.html:1:7: expected `)`, found `}}`"])
        #expect(compileErrors("{{ a. }}") == ["page.html:1:7: expected a name after `.`, found `}}`"])
        #expect(compileErrors("{{ a | 3 }}") == ["page.html:1:8: expected a filter name after `|`, found `3`"])
        #expect(compileErrors("{{ a == b == c }}") == ["page.html:1:11: expected `}}`, found `==`"])
        #expect(
            compileErrors("{% endif extra %}") == ["page.html:1:1: {% endif %} has no open `if` to close; remove it"])
    }

    @Test func malformedTags() {
        #expect(compileErrors("{%  %}") == ["page.html:1:1: empty tag; write a tag such as {% if … %} or remove it"])
        #expect(
            compileErrors("{{ }}") == [
                "page.html:1:1: nothing to print; write a variable such as {{ page.title }} or remove the braces"
            ])
        #expect(
            compileErrors("{% \"if\" %}") == [
                "page.html:1:4: expected a tag name such as if or for, found string \"if\""
            ])
        #expect(
            compileErrors("{% for in xs %}{% endfor %}") == [
                "page.html:1:8: expected a loop variable name after for, found `in`"
            ])
        #expect(compileErrors("{% for x of xs %}{% endfor %}") == ["page.html:1:10: expected `in`, found `of`"])
        #expect(compileErrors("{% set x 3 %}") == ["page.html:1:10: expected `=`, found `3`"])
        #expect(
            compileErrors("{% include partial %}") == [
                "page.html:1:12: expected a template name in quotes, such as \"partials/header.html\", found `partial`"
            ])
        #expect(
            compileErrors("{% block %}{% endblock %}") == [
                "page.html:1:10: expected a block name after block, found `%}`"
            ])
    }

    @Test func unknownFiltersAndArgumentCounts() {
        #expect(
            compileErrors("{{ page.title | upcse }}") == [
                "page.html:1:17: unknown filter `upcse`; did you mean `upcase`?"
            ])
        #expect(compileErrors("{{ a | frobnicate }}") == ["page.html:1:8: unknown filter `frobnicate`"])
        #expect(
            compileErrors("{{ \"k\" | tt }}", hostFilters: ["t"]) == ["page.html:1:10: unknown filter `tt`"])
        #expect(
            compileErrors("{{ a | dat: \"long\" }}", hostFilters: ["date"]) == [
                "page.html:1:8: unknown filter `dat`; did you mean `date`?"
            ])
        #expect(compileErrors("{{ a | default }}") == ["page.html:1:8: filter `default` takes 1 argument, not 0"])
        #expect(
            compileErrors("{{ a | join: \",\", \";\" }}") == [
                "page.html:1:8: filter `join` takes at most 1 argument, not 2"
            ])
        #expect(compileErrors("{{ a | size: 2 }}") == ["page.html:1:8: filter `size` takes no arguments, not 1"])
        // Two bad filters in one tag are both reported.
        #expect(
            compileErrors("{{ a | foo | upcase: 1 }}") == [
                "page.html:1:8: unknown filter `foo`",
                "page.html:1:14: filter `upcase` takes no arguments, not 1",
            ])
    }

    @Test func hostFilterMayReplaceABuiltInOne() {
        // With `size` declared by the host, its argument count is the host's business.
        #expect(compileErrors("{{ a | size: 2 }}", hostFilters: ["size"]) == [])
    }

    @Test func missingIncludeAndExtendsTargets() {
        #expect(
            compileErrors([
                "page.html": "a\n {% include \"partials/heder.html\" %}",
                "partials/header.html": "h",
            ]) == ["page.html:2:2: no template `partials/heder.html`; did you mean `partials/header.html`?"])
        #expect(
            compileErrors(["page.html": "{% extends \"layout.html\" %}"]) == [
                "page.html:1:1: no template `layout.html`"
            ])
    }

    @Test func extendsMustBeFirst() {
        let sources = [
            "base.html": "{% block a %}{% endblock %}",
            "page.html": "x\n{% extends \"base.html\" %}",
            "second.html": "  {% extends \"base.html\" %}{% extends \"base.html\" %}",
        ]
        #expect(
            compileErrors(sources) == [
                "page.html:2:1: {% extends %} must be the first tag of a template, and only one is allowed",
                "second.html:1:28: {% extends %} must be the first tag of a template, and only one is allowed",
            ])
    }

    @Test func duplicateBlock() {
        #expect(
            compileErrors("{% block a %}{% endblock %}\n{% block a %}{% endblock %}") == [
                "page.html:2:1: block `a` is already defined at 1:1; rename one of them"
            ])
    }

    @Test func endblockWithTheWrongName() {
        #expect(
            compileErrors("{% block main %}x{% endblock aside %}") == [
                "page.html:1:30: {% endblock aside %} closes block `main`; write {% endblock main %} or {% endblock %}"
            ])
    }

    @Test func errorsAreCollectedAcrossTemplatesInOrder() {
        let sources = [
            "b.html": "{{ x | nope }}\n{% bogus %}",
            "a.html": "\n{% if %}",
        ]
        #expect(
            compileErrors(sources) == [
                "a.html:2:1: `if` at 2:1 is never closed; add {% endif %}",
                "a.html:2:7: expected a value such as a variable, a string or a number, found `%}`",
                "b.html:1:8: unknown filter `nope`",
                "b.html:2:1: unknown tag `bogus`",
            ])
    }

    @Test func oneTypoGivesOneError() {
        // The broken `if` tag still opens a block, so its `endif` is not reported as stray.
        #expect(
            compileErrors("{% if a ; b %}x{% endif %}") == ["page.html:1:9: unexpected character `;` in tag"])
        #expect(
            compileErrors("{% if a b %}x{% endif %}{{ c d }}") == [
                "page.html:1:9: expected `%}`, found `b`",
                "page.html:1:30: expected `}}`, found `d`",
            ])
    }

    @Test func errorsHaveTheTemplateNameAndPositionAsValues() throws {
        do {
            _ = try TemplateSet(sources: ["x.html": "\n\n  {% nope %}"], hostFilters: [])
            Issue.record("expected an error")
        } catch {
            #expect(
                error.errors == [
                    TemplateError(
                        template: "x.html", position: TemplatePosition(line: 3, column: 3),
                        reason: .unknownTag("nope", suggestion: nil))
                ])
        }
    }
}
