import Templates
import Testing

@Suite struct InheritanceTests {
    private let base = """
        <html><title>{% block title %}Wegweiser{% endblock %}</title>
        <main>{% block main %}default{% endblock main %}</main>
        <footer>{% block footer %}© {{ site.year }}{% endblock %}</footer></html>
        """

    @Test func childOverridesBlocksAndKeepsDefaults() {
        let sources = [
            "base.html": base,
            "page.html": """
            {% extends "base.html" %}
            {# only blocks count in a child #}
            {% block title %}{{ page.title }} – {{ site.name }}{% endblock %}
            {% block main %}<h1>{{ page.title }}</h1>{% endblock %}
            """,
        ]
        let context: [String: TemplateValue] = ["page": ["title": "Arbeit"], "site": ["name": "KI", "year": 2025]]
        #expect(
            render("page.html", sources, context: context) == """
                <html><title>Arbeit – KI</title>
                <main><h1>Arbeit</h1></main>
                <footer>© 2025</footer></html>
                """)
        // The parent itself renders its defaults.
        #expect(
            render("base.html", sources, context: context) == """
                <html><title>Wegweiser</title>
                <main>default</main>
                <footer>© 2025</footer></html>
                """)
    }

    @Test func multiLevelInheritance() {
        let sources = [
            "base.html": "[{% block main %}base{% endblock %}|{% block aside %}base-aside{% endblock %}]",
            "layout.html": """
            {% extends "base.html" %}{% block main %}<div>{% block content %}layout{% endblock %}</div>{% endblock %}
            """,
            "page.html": "{% extends \"layout.html\" %}{% block content %}page{% endblock %}",
            "other.html": "{% extends \"layout.html\" %}{% block aside %}other-aside{% endblock %}",
        ]
        #expect(render("page.html", sources) == "[<div>page</div>|base-aside]")
        #expect(render("other.html", sources) == "[<div>layout</div>|other-aside]")
        #expect(render("layout.html", sources) == "[<div>layout</div>|base-aside]")
    }

    @Test func blocksSeeLoopVariablesOfTheParent() {
        let sources = [
            "base.html": "{% for x in xs %}{% block item %}{{ x }}{% endblock %}{% endfor %}",
            "page.html": "{% extends \"base.html\" %}{% block item %}<{{ x }}:{{ loop.index }}>{% endblock %}",
        ]
        #expect(render("page.html", sources, context: ["xs": ["a", "b"]]) == "<a:1><b:2>")
    }

    @Test func includeInsideABlockAndChildOfAChildIncludes() {
        let sources = [
            "base.html": "<body>{% block main %}{% endblock %}{% include \"partials/footer.html\" %}</body>",
            "page.html": "{% extends \"base.html\" %}{% block main %}{% include \"partials/nav.html\" %}{% endblock %}",
            "partials/nav.html": "<nav>{{ lang }}</nav>",
            "partials/footer.html": "<footer>{{ lang }}</footer>",
        ]
        #expect(
            render("page.html", sources, context: ["lang": "ar"]) == "<body><nav>ar</nav><footer>ar</footer></body>")
    }

    @Test func errorInAChildBlockNamesTheChild() {
        let sources = [
            "base.html": "<title>{% block title %}{% endblock %}</title>\n{{ site.nme }}",
            "page.html": "{% extends \"base.html\" %}\n{% block title %}\n  {{ page.titel }}{% endblock %}",
        ]
        let context: [String: TemplateValue] = ["page": ["title": "T"], "site": ["name": "S"]]
        #expect(
            renderError("page.html", sources, context: context)?.description
                == "page.html:3:6: unknown variable `page.titel`; did you mean `title`?")
        let fixed = sources.merging(["page.html": "{% extends \"base.html\" %}{% block title %}ok{% endblock %}"]) {
            $1
        }
        #expect(
            renderError("page.html", fixed, context: context)?.description
                == "base.html:2:4: unknown variable `site.nme`; did you mean `name`?")
    }

    @Test func contentOutsideBlocksInAChildIsAnError() {
        let sources = [
            "base.html": "{% block main %}{% endblock %}",
            "page.html": "{% extends \"base.html\" %}\n\n  <p>lost</p>{{ also_lost }}\n{% block main %}{% endblock %}",
        ]
        #expect(
            compileErrors(sources) == [
                "page.html:3:3: content outside blocks is never shown in a template that extends `base.html`; move it into a {% block %}"
            ])
    }

    @Test func tagOutsideBlocksInAChildIsAnError() {
        let sources = [
            "base.html": "{% block main %}{% endblock %}",
            "page.html": "{% extends \"base.html\" %}{% if x %}{% block main %}{% endblock %}{% endif %}",
        ]
        #expect(
            compileErrors(sources) == [
                "page.html:1:26: {% if %} outside blocks has no effect in a template that extends `base.html`; move it into a {% block %}"
            ])
    }

    @Test func childBlockTheParentDoesNotHave() {
        let sources = [
            "base.html": "{% block main %}{% endblock %}",
            "layout.html": "{% extends \"base.html\" %}{% block main %}{% block inner %}{% endblock %}{% endblock %}",
            "page.html": "{% extends \"layout.html\" %}{% block inner %}{% endblock %}\n{% block mian %}{% endblock %}",
        ]
        #expect(
            compileErrors(sources) == [
                "page.html:2:1: block `mian` is not in `layout.html` or the templates it extends, so it is never shown; check its name"
            ])
    }

    @Test func extendsCycle() {
        let sources = [
            "a.html": "{% extends \"b.html\" %}",
            "b.html": "\n{% extends \"c.html\" %}",
            "c.html": "{% extends \"a.html\" %}",
        ]
        #expect(
            compileErrors(sources) == [
                "c.html:1:1: extends cycle a.html → b.html → c.html → a.html; a template cannot extend itself"
            ])
        #expect(
            compileErrors(["self.html": "{% extends \"self.html\" %}"]) == [
                "self.html:1:1: extends cycle self.html → self.html; a template cannot extend itself"
            ])
    }

    @Test func includeCycle() {
        let sources = [
            "a.html": "x{% include \"b.html\" %}",
            "b.html": "{% if deep %}{% include \"a.html\" %}{% endif %}",
            "c.html": "{% include \"c.html\" %}",
        ]
        #expect(
            compileErrors(sources) == [
                "b.html:1:14: include cycle a.html → b.html → a.html; a template cannot include itself",
                "c.html:1:1: include cycle c.html → c.html; a template cannot include itself",
            ])
    }

    @Test func parentIncludingItsChildIsACycle() {
        let sources = [
            "base.html": "{% block main %}{% endblock %}{% include \"page.html\" %}",
            "page.html": "{% extends \"base.html\" %}{% block main %}{% endblock %}",
        ]
        #expect(
            compileErrors(sources) == [
                "page.html:1:1: extends cycle base.html → page.html → base.html; a template cannot extend itself"
            ])
    }
}
