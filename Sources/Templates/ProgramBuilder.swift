/// Lowers the syntax trees of a checked template set to a ``Program``.
struct ProgramBuilder {
    var code: [Instruction] = []
    var text: [UInt8] = []
    var names: [String] = Program.Name.fixed
    private var nameIndexes = Dictionary(uniqueKeysWithValues: Program.Name.fixed.enumerated().map { ($1, $0) })
    var literals: [TemplateValue] = []
    var operations: [Operation] = []
    var positions: [TemplatePosition] = []
    var sources: [Expression] = []
    var paths: [Path] = []
    var pathNames: [Int] = []
    var filterCalls: [FilterCallInfo] = []
    var arguments: [Int] = []
    var cachedIncludes: [CachedIncludeInfo] = []
    var cacheKeys: [Int] = []
    var loops: [LoopInfo] = []
    var templates: [TemplateInfo] = []
    var templateIndexes: [String: Int] = [:]
    var hostFilterNames: [Int] = []

    /// Lowers every template; `templates` is free of errors (targets exist, no cycles).
    static func program(for templates: [String: CompiledTemplate]) -> Program {
        var builder = ProgramBuilder()
        let sorted = templates.keys.sorted()
        for (index, name) in sorted.enumerated() { builder.templateIndexes[name] = index }
        var ownBlocks: [[Int: BlockEntry]] = []
        for (index, name) in sorted.enumerated() {
            let template = templates[name]!
            let start = builder.code.count
            builder.emit(template.nodes)
            builder.code.append(.end)
            var blocks: [Int: BlockEntry] = [:]
            for blockName in template.blocks.keys.sorted() {
                let blockStart = builder.code.count
                builder.emit(template.blocks[blockName]!.body)
                builder.code.append(.end)
                blocks[builder.name(blockName)] = BlockEntry(template: index, start: blockStart)
            }
            ownBlocks.append(blocks)
            builder.templates.append(TemplateInfo(name: name, start: start, root: index, blocks: [:], capacity: 0))
        }
        builder.resolveInheritance(templates, sorted: sorted, ownBlocks: ownBlocks)
        return Program(builder)
    }

    /// Fills in each template's root and the blocks along its chain, the most derived winning.
    private mutating func resolveInheritance(
        _ compiled: [String: CompiledTemplate], sorted: [String], ownBlocks: [[Int: BlockEntry]]
    ) {
        for (index, name) in sorted.enumerated() {
            var chain = [index]
            var parent = compiled[name]!.parent
            while let reference = parent, let parentIndex = templateIndexes[reference.name] {
                chain.append(parentIndex)
                parent = compiled[reference.name]!.parent
            }
            var blocks: [Int: BlockEntry] = [:]
            var textLength = 0
            for member in chain.reversed() {
                blocks.merge(ownBlocks[member]) { _, derived in derived }
                textLength += compiled[sorted[member]]!.textLength
            }
            templates[index].root = chain.last!
            templates[index].blocks = blocks
            templates[index].capacity = textLength + 4096
        }
    }

    /// The index of a name, adding it if it is new.
    private mutating func name(_ name: String) -> Int {
        if let index = nameIndexes[name] { return index }
        names.append(name)
        nameIndexes[name] = names.count - 1
        return names.count - 1
    }

    private mutating func emit(_ nodes: [Node]) {
        for node in nodes {
            switch node {
            case .text(let literal):
                let start = text.count
                text.append(contentsOf: literal.utf8)
                code.append(.text(start: start, count: text.count - start))
            case .output(let expression):
                code.append(.print(lower(expression)))
            case .conditional(let branches, let otherwise):
                var jumpsToEnd: [Int] = []
                for branch in branches {
                    let condition = lower(branch.condition)
                    let branchAt = code.count
                    code.append(.branch(condition: condition, ifFalse: -1))
                    emit(branch.body)
                    jumpsToEnd.append(code.count)
                    code.append(.jump(-1))
                    code[branchAt] = .branch(condition: condition, ifFalse: code.count)
                }
                emit(otherwise)
                for jump in jumpsToEnd { code[jump] = .jump(code.count) }
            case .loop(let loop):
                let index = loops.count
                let sequence = lower(loop.sequence)
                loops.append(
                    LoopInfo(variable: name(loop.variable), sequence: sequence, bodyStart: 0, emptyStart: nil, end: 0))
                code.append(.loopStart(index))
                loops[index].bodyStart = code.count
                emit(loop.body)
                code.append(.loopNext(index))
                if !loop.empty.isEmpty {
                    loops[index].emptyStart = code.count
                    emit(loop.empty)
                }
                loops[index].end = code.count
            case .include(let target, _, let keys) where keys.isEmpty:
                code.append(.include(templateIndexes[target]!))
            case .include(let target, let position, let keys):
                let lowered = keys.map { lower($0) }
                cachedIncludes.append(
                    CachedIncludeInfo(
                        template: templateIndexes[target]!, keyStart: cacheKeys.count, keyCount: lowered.count,
                        position: position))
                cacheKeys += lowered
                code.append(.cachedInclude(cachedIncludes.count - 1))
            case .block(let blockName):
                code.append(.block(name(blockName)))
            case .assign(let variable, let value):
                code.append(.assign(name: name(variable), value: lower(value)))
            }
        }
    }

    /// Lowers an expression and returns its operation's index.
    private mutating func lower(_ expression: Expression) -> Int {
        let operation: Operation
        switch expression {
        case .literal(let value, _):
            literals.append(value)
            operation = .literal(literals.count - 1)
        case .variable(let path):
            let start = pathNames.count
            for segment in path.segments { pathNames.append(name(segment)) }
            paths.append(Path(start: start, count: path.segments.count, position: path.position))
            operation = .variable(paths.count - 1)
        case .not(let operand, _):
            operation = .not(lower(operand))
        case .and(let left, let right):
            operation = .and(lower(left), lower(right))
        case .or(let left, let right):
            operation = .or(lower(left), lower(right))
        case .comparison(let symbol, let left, let right, let position):
            operation = .comparison(symbol, lower(left), lower(right), position)
        case .filter(let call):
            let input = lower(call.input)
            let lowered = call.arguments.map { lower($0) }
            let filterName = name(call.name)
            var hostSlot = -1
            if call.builtin == nil {
                if !hostFilterNames.contains(filterName) { hostFilterNames.append(filterName) }
                hostSlot = hostFilterNames.firstIndex(of: filterName)!
            }
            filterCalls.append(
                FilterCallInfo(
                    input: input, name: filterName, builtin: call.builtin, hostSlot: hostSlot,
                    argumentStart: arguments.count,
                    argumentCount: lowered.count, position: call.position))
            arguments += lowered
            operation = .filter(filterCalls.count - 1)
        }
        operations.append(operation)
        positions.append(expression.position)
        sources.append(expression)
        return operations.count - 1
    }
}
