/// Runs a ``Program`` for one page, appending UTF-8 to one output buffer.
///
/// Local variables (`for` variables, `set`) live on a small stack searched from the top by
/// name index, so looking up a name allocates nothing; the page's context is consulted last.
struct Renderer {
    let program: Program
    let context: [String: TemplateValue]
    /// The host's filters, in the order of `Program.hostFilterNames`.
    let hostFilters: [Filter?]
    var output: OutputBuffer
    /// Where `include_cached` keeps and finds output; without one it renders like `include`.
    var includeCache: IncludeCache?
    var locals: [Binding] = []
    /// Values of the context already looked up, by name index: a page uses a few names
    /// (`page`, `site`) many times, and comparing integers is cheaper than hashing strings.
    var contextCache: [(name: Int, value: TemplateValue)] = []
    /// For each running loop: its binding's index in `locals` and the scope to restore after it.
    private var loopFrames: [(binding: Int, savedScope: Int)] = []
    /// Where the current scope's bindings start: `set` replaces a binding above it.
    private var scopeStart = 0
    /// The index of the template the code being run is written in, for errors.
    var template: Int
    private var blocks: [Int: BlockEntry] = [:]
    /// How this render used `.htmlBytes` values (see ``HTMLBytesUse``).
    var htmlUse = HTMLBytesUse()
    /// How many `include_cached` templates are being rendered: what they print is kept for other pages.
    private var cachedIncludeDepth = 0

    /// A local variable: a `set` variable, or a running loop (its items and current index).
    struct Binding {
        var name: Int
        var value: TemplateValue
        var items: [TemplateValue]
        /// The loop's current index; -1 for a `set` variable.
        var index: Int

        var isLoop: Bool { index >= 0 }
    }

    init(
        program: Program, context: [String: TemplateValue], filters: [String: Filter], template: Int,
        output: OutputBuffer
    ) {
        self.program = program
        self.output = output
        self.context = context
        self.hostFilters = program.hostFilterNames.map { filters[program.names[$0]] }
        self.template = template
    }

    /// Renders a template with its own blocks, then restores the includer's.
    mutating func render(template index: Int) throws(TemplateError) {
        let info = program.templates[index]
        let (savedTemplate, savedBlocks) = (template, blocks)
        (template, blocks) = (info.root, info.blocks)
        try run(from: program.templates[info.root].start)
        (template, blocks) = (savedTemplate, savedBlocks)
    }

    private mutating func run(from start: Int) throws(TemplateError) {
        var counter = start
        while true {
            switch program.code[counter] {
            case .text(let textStart, let count):
                output.appendBytes(UnsafeBufferPointer(rebasing: program.text[textStart..<(textStart + count)]))
                counter += 1
            case .print(let operation):
                try print(operation)
                counter += 1
            case .branch(let condition, let ifFalse):
                counter = try isTruthy(condition) ? counter + 1 : ifFalse
            case .jump(let target):
                counter = target
            case .loopStart(let loop):
                counter = try startLoop(program.loops[loop])
            case .loopNext(let loop):
                counter = nextIteration(program.loops[loop])
            case .include(let index):
                try include(index)
                counter += 1
            case .cachedInclude(let site):
                try cachedInclude(site)
                counter += 1
            case .block(let name):
                if let entry = blocks[name] {
                    let savedTemplate = template
                    template = entry.template
                    try run(from: entry.start)
                    template = savedTemplate
                }
                counter += 1
            case .assign(let name, let operation):
                let value = try evaluate(operation)
                if let existing = locals[scopeStart...].lastIndex(where: { $0.name == name && !$0.isLoop }) {
                    locals[existing].value = value
                } else {
                    locals.append(Binding(name: name, value: value, items: [], index: -1))
                }
                counter += 1
            case .end:
                return
            }
        }
    }

    /// Renders an included template, which sees the current scope; its own `set`s end with it.
    private mutating func include(_ index: Int) throws(TemplateError) {
        let (mark, savedScope) = (locals.count, scopeStart)
        scopeStart = mark
        try render(template: index)
        locals.removeSubrange(mark...)
        scopeStart = savedScope
    }

    /// `include_cached`: the keys are evaluated first (so their errors show with or without a cache); output kept
    /// for the same values is copied, else the template is rendered and its output kept.
    private mutating func cachedInclude(_ site: Int) throws(TemplateError) {
        let info = program.cachedIncludes[site]
        var values: [String] = []
        values.reserveCapacity(info.keyCount)
        for operation in program.cacheKeys[info.keyStart..<(info.keyStart + info.keyCount)] {
            values.append(try keyText(of: operation))
        }
        guard let includeCache else { return try include(info.template) }
        let key = IncludeCache.Key(program: ObjectIdentifier(program), site: site, values: values)
        if let bytes = includeCache.bytes(for: key) {
            bytes.withUnsafeBufferPointer { output.appendBytes($0) }
            return
        }
        let start = output.count
        cachedIncludeDepth += 1
        try include(info.template)
        cachedIncludeDepth -= 1
        includeCache.store(Array(UnsafeBufferPointer(rebasing: output.bytes[start...])), for: key, of: program)
    }

    /// A key of `include_cached` as text marked with its kind (so that `1` and `"1"`, or text and the same HTML,
    /// are different keys).
    private mutating func keyText(of operation: Int) throws(TemplateError) -> String {
        let value = try evaluate(operation).withHTMLAsText
        switch value {
        case .null: return "n"
        case .bool(let flag): return flag ? "t" : "f"
        case .int(let number): return "i\(number)"
        case .string(let text): return "s" + text
        case .html(let html): return "h" + html
        case .htmlBytes, .list, .map:
            throw error(
                .notACacheKey(expression: program.sources[operation].sourceText, kind: value.kindDescription),
                at: program.positions[operation])
        }
    }

    private mutating func print(_ operation: Int) throws(TemplateError) {
        let value = try evaluate(operation)
        switch value {
        case .null: break
        case .bool(let flag): appendUTF8(flag ? "true" : "false", to: &output)
        case .int(let number): appendDecimal(number, into: &output)
        case .string(let text): appendEscapingHTML(text, into: &output)
        case .html(let html): appendUTF8(html, to: &output)
        case .htmlBytes(let bytes):
            if cachedIncludeDepth > 0 {
                htmlUse.opaque = true
            } else {
                if htmlUse.prints == 0 { htmlUse.firstPrint = output.count..<(output.count + bytes.count) }
                htmlUse.prints += 1
            }
            bytes.withUnsafeBufferPointer { output.appendBytes($0) }
        case .list, .map:
            throw error(
                .cannotPrint(expression: program.sources[operation].sourceText, kind: value.kindDescription),
                at: program.positions[operation])
        }
    }

    /// Starts a loop and returns where to go on: its body, or its empty part.
    private mutating func startLoop(_ loop: LoopInfo) throws(TemplateError) -> Int {
        let items: [TemplateValue]
        switch try evaluate(loop.sequence) {
        case .list(let list): items = list
        case .null: items = []
        case let other:
            throw error(
                .notAList(expression: program.sources[loop.sequence].sourceText, kind: other.kindDescription),
                at: program.positions[loop.sequence])
        }
        guard !items.isEmpty else { return loop.emptyStart ?? loop.end }
        loopFrames.append((locals.count, scopeStart))
        locals.append(Binding(name: loop.variable, value: .null, items: items, index: 0))
        scopeStart = locals.count
        return loop.bodyStart
    }

    /// Moves a loop to its next item and returns where to go on: its body again, or its end.
    private mutating func nextIteration(_ loop: LoopInfo) -> Int {
        let (binding, savedScope) = loopFrames[loopFrames.count - 1]
        if locals.count > binding + 1 { locals.removeSubrange((binding + 1)...) }
        locals[binding].index += 1
        if locals[binding].index < locals[binding].items.count { return loop.bodyStart }
        locals.removeLast()
        loopFrames.removeLast()
        scopeStart = savedScope
        return loop.end
    }

    func error(_ reason: TemplateError.Reason, at position: TemplatePosition) -> TemplateError {
        TemplateError(template: program.templates[template].name, position: position, reason: reason)
    }
}
