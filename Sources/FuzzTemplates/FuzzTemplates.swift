import Templates

/// One fuzz input: compile it as a template (beside one that includes and one that extends it) and render it;
/// errors must name a template of the set and point inside its text.
func fuzzOne(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    let sources = [
        "page.html": text,
        "child.html": "{% extends \"page.html\" %}{% block main %}{{ page.title }}{% endblock %}",
        "wrapper.html": "<p>{% include \"page.html\" %}</p>",
    ]
    // Lines end at "\n", "\r\n" or a lone "\r", as in the parsers.
    let lineCount = text.split(
        omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    )
    .count
    func check(_ error: TemplateError) {
        precondition(sources[error.template] != nil, "unknown template in \(error)")
        if error.template == "page.html" {
            precondition(
                error.position.line >= 1 && error.position.line <= lineCount + 1, "line out of range: \(error)")
        }
        precondition(error.position.column >= 1 && !error.message.isEmpty)
    }
    let templates: TemplateSet
    do {
        templates = try TemplateSet(sources: sources, hostFilters: ["t"])
    } catch {
        error.errors.forEach(check)
        return
    }
    let context: [String: TemplateValue] = [
        "page": .map([
            "title": .string("<b>Titel</b> & \"Zitat\""), "children": .list([.map(["title": .string("A")])]),
            "content": .html("<p>x</p>"), "empty": .null,
        ]),
        "site": .map(["title": .string("Site")]),
    ]
    let filters: [String: Filter] = ["t": Filter { input, _ in input }]
    for name in ["page.html", "child.html", "wrapper.html"] {
        do {
            let output = try templates.render(name, context: context, filters: filters)
            // Editor text is escaped wherever it is printed with {{ }}.
            precondition(
                !output.contains("<b>Titel</b>") || text.contains("raw") || text.contains("<b>Titel</b>"),
                "unescaped output")
        } catch {
            check(error)
        }
    }
}

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        fuzzOne(UnsafeBufferPointer(start: data, count: size))
        return 0
    }
#else
    import FuzzSupport

    /// Replays the files given as arguments (the seed corpus), for a quick regression run without libFuzzer.
    @main struct Replay {
        static func main() throws { try replayArguments(fuzzOne) }
    }
#endif
