/// All templates of a theme, compiled once and rendered for every page.
///
/// ```swift
/// let templates = try TemplateSet(sources: ["page.html": "<h1>{{ page.title }}</h1>"], hostFilters: ["t": 0...9])
/// let html = try templates.render("page.html", context: ["page": ["title": "Willkommen"]], filters: [:])
/// ```
///
/// A `TemplateSet` is an immutable value; render pages from many tasks at once.
///
/// ## The language
///
/// - `{{ expression }}` prints a value: text HTML-escaped (`& < > " '`), `.html` values and
///   `| raw` as they are, numbers in decimal, booleans as `true`/`false`, null as nothing.
///   Printing a list or a map is an error.
/// - Expressions: variable paths (`page.title`), strings in `"…"` or `'…'` (escapes `\"`
///   `\'` `\\` `\n` `\t`), integers, `true`, `false`, `null` (or `nil`); `==` and `!=`
///   on any values, `<` `<=` `>` `>=` on two numbers or two strings; `and`, `or`, `not`,
///   parentheses; filters `x | name` and `x | name: a, b`, which bind tighter than
///   comparisons (`page.children | size > 0`).
/// - Lookup: a path's first name is a local variable (`for`, `set`, `loop`) or a key of
///   the context; a missing name or map key is an error, a key whose value is null is
///   null, and any key of null is null. Lists have `size`, `first` and `last`; strings have
///   `size`. Null, false, "", empty lists and empty maps are false; everything else is true.
/// - `{% if %}…{% elsif %}…{% else %}…{% endif %}`.
/// - `{% for x in list %}…{% else %}…{% endfor %}`: the else part when the list is empty
///   or null; `loop.index` (from 1), `loop.index0`, `loop.first`, `loop.last`,
///   `loop.length` of the innermost loop.
/// - `{% set name = expression %}`: until the end of the enclosing loop iteration or
///   included template; setting it again in the same scope replaces it.
/// - `{% include "name" %}`: renders another template with the current variables.
/// - `{% include_cached "name" key, … %}`: the same, but given an ``IncludeCache``, output rendered once for the
///   same key values (text, numbers, booleans or null) is copied instead of rendered again. For parts of a page that
///   depend only on the keys, such as the `hreflang` links of a page in every language, keyed by the page's id.
/// - `{% extends "name" %}` as the first tag, then `{% block name %}…{% endblock %}` (or
///   `{% endblock name %}`): the child's blocks replace the parent's, over any number of
///   levels. In a child, anything outside blocks but whitespace and comments is an error,
///   as is a block no parent has.
/// - `{# comment #}`, which may span lines.
/// - `{%-`, `-%}`, `{{-`, `-}}`, `{#-`, `-#}` remove the whitespace, newlines included,
///   before or after the tag.
/// - Built-in filters: `default: x` (x when the input is false), `join` / `join: sep`
///   (", " by default), `size`, `upcase`, `downcase`, `escape_uri` (percent-encodes all but
///   `A-Z a-z 0-9 - . _ ~`), `raw`, `first`, `last`. Other filters come from the host; a
///   host filter with a built-in name replaces the built-in one, argument count included.
public struct TemplateSet: Sendable {
    /// Every template lowered to code, with inheritance already resolved.
    let program: Program

    /// Compiles every source (name → text, names like "base.html", "partials/header.html").
    ///
    /// `hostFilters` are the filters the host will supply at render time, each with the
    /// number of arguments it takes (e.g. `["t": 0...Int.max, "date": 0...1, "url": 0...0]`);
    /// a host filter with the name of a built-in one replaces it. A call with another number
    /// of arguments is an error at the filter's name, as for the built-in filters; `Int.max`
    /// as the upper bound means "any number". Any other filter name that is not built in is
    /// an unknown-filter error at compile time.
    /// Checks at compile time: syntax, unknown tags, unclosed and mismatched blocks, unknown
    /// filters, argument counts of built-in and host filters, include/extends of a template
    /// not in `sources` (error at the tag), include and extends cycles, blocks a child defines
    /// that no parent has. Throws all errors of all templates, sorted by template name,
    /// line and column.
    public init(sources: [String: String], hostFilters: [String: ClosedRange<Int>]) throws(TemplateErrors) {
        var templates: [String: CompiledTemplate] = [:]
        var errors: [TemplateError] = []
        for name in sources.keys.sorted() {
            let lexed = Lexer.lex(sources[name]!, template: name)
            let (compiled, templateErrors) = Parser.parse(lexed, template: name, hostFilters: hostFilters)
            templates[name] = compiled
            errors += templateErrors
        }
        errors += Linker.check(templates)
        guard errors.isEmpty else {
            throw TemplateErrors(
                errors: errors.sorted {
                    ($0.template, $0.position.line, $0.position.column, $0.message)
                        < ($1.template, $1.position.line, $1.position.column, $1.message)
                })
        }
        program = ProgramBuilder.program(for: templates)
    }

    /// Compiles every source like the initializer that takes argument counts, for host filters that take any
    /// number of arguments: calls to them are not counted at compile time.
    public init(sources: [String: String], hostFilters: Set<String>) throws(TemplateErrors) {
        try self.init(
            sources: sources,
            hostFilters: Dictionary(uniqueKeysWithValues: hostFilters.map { ($0, 0...Int.max) }))
    }

    /// Whether a template of this name is in the set.
    public func contains(_ name: String) -> Bool {
        program.templateIndexes[name] != nil
    }

    /// The names of all templates, sorted.
    public var names: [String] {
        program.templates.map(\.name)
    }

    /// Renders `name` with top-level variables `context` and the host's filter implementations.
    ///
    /// Errors at render time (an unknown variable, a filter failure, printing a list or map,
    /// `for` over something that is not a list) carry the template and position where they
    /// happened: inside an include, the included template's name and position; inside a
    /// block inherited from a parent or replaced by a child, the name of the template that
    /// defines the block.
    public func render(
        _ name: String, context: [String: TemplateValue], filters: [String: Filter]
    ) throws(TemplateError) -> String {
        var output: [UInt8] = []
        try render(name, context: context, filters: filters, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Renders `name` like ``render(_:context:filters:)``, appending UTF-8 to `output`.
    ///
    /// For hosts that write bytes to files: reusing one buffer for many pages saves an
    /// allocation and a copy per page. On an error, `output` holds what was rendered before it.
    /// `includeCache` keeps the output of `include_cached` for the next render; without one, `include_cached`
    /// renders like `include`.
    public func render(
        _ name: String, context: [String: TemplateValue], filters: [String: Filter], into output: inout [UInt8],
        includeCache: IncludeCache? = nil
    ) throws(TemplateError) {
        var use = HTMLBytesUse()
        try render(name, context: context, filters: filters, into: &output, includeCache: includeCache, htmlUse: &use)
    }

    /// Renders like ``render(_:context:filters:into:includeCache:)`` and tells in `htmlUse` how the context's
    /// `.htmlBytes` values were used, with offsets in `output`.
    public func render(
        _ name: String, context: [String: TemplateValue], filters: [String: Filter], into output: inout [UInt8],
        includeCache: IncludeCache? = nil, htmlUse: inout HTMLBytesUse
    ) throws(TemplateError) {
        guard let index = program.templateIndexes[name] else {
            throw TemplateError(
                template: name, position: TemplatePosition(line: 1, column: 1), reason: .noSuchTemplate(name))
        }
        let rendered = OutputBuffer(capacity: program.templates[index].capacity)
        let base = output.count
        var renderer = Renderer(
            program: program, context: context, filters: filters, template: index, output: rendered)
        // On an error too, the caller gets what was rendered before it.
        defer {
            output.append(contentsOf: rendered.bytes)
            htmlUse = renderer.htmlUse
            htmlUse.firstPrint = htmlUse.firstPrint.map { ($0.lowerBound + base)..<($0.upperBound + base) }
        }
        renderer.includeCache = includeCache
        try renderer.render(template: index)
    }
}
