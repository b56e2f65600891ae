/// Expressions: values, comparisons, filters and variable lookup.
extension Renderer {
    mutating func evaluate(_ operation: Int) throws(TemplateError) -> TemplateValue {
        switch program.operations[operation] {
        case .literal(let index):
            return program.literals[index]
        case .variable(let path):
            return try lookUp(program.paths[path])
        case .not(let operand):
            return .bool(!(try isTruthy(operand)))
        case .and(let left, let right):
            guard try isTruthy(left) else { return .bool(false) }
            return .bool(try isTruthy(right))
        case .or(let left, let right):
            if try isTruthy(left) { return .bool(true) }
            return .bool(try isTruthy(right))
        case .comparison(let symbol, let left, let right, let position):
            let (left, right) = (try evaluate(left).withHTMLAsText, try evaluate(right).withHTMLAsText)
            guard let result = Self.compare(symbol, left, right) else {
                throw error(
                    .cannotCompare(operator: symbol.rawValue, left: left.kindDescription, right: right.kindDescription),
                    at: position)
            }
            return .bool(result)
        case .filter(let call):
            return try apply(program.filterCalls[call])
        }
    }

    mutating func isTruthy(_ operation: Int) throws(TemplateError) -> Bool {
        let lookups = htmlUse.lookups
        let value = try evaluate(operation)
        // `{% if page.content %}` only asks whether the HTML is empty.
        if case .htmlBytes = value, htmlUse.lookups == lookups + 1 {
            htmlUse.lookups = lookups
            htmlUse.tests += 1
        }
        return value.isTruthy
    }

    private mutating func apply(_ call: FilterCallInfo) throws(TemplateError) -> TemplateValue {
        // Filters see HTML as text, whichever way it is stored.
        let input = try evaluate(call.input).withHTMLAsText
        var arguments: [TemplateValue] = []
        if call.argumentCount > 0 {
            arguments.reserveCapacity(call.argumentCount)
            for offset in 0..<call.argumentCount {
                arguments.append(try evaluate(program.arguments[call.argumentStart + offset]).withHTMLAsText)
            }
        }
        if let builtin = call.builtin {
            do { return try builtin.apply(input, arguments) } catch { throw failure(error, of: call) }
        }
        guard let filter = hostFilters[call.hostSlot] else {
            throw self.error(.filterNotSupplied(program.names[call.name]), at: call.position)
        }
        do { return try filter.apply(input, arguments) } catch { throw failure(error, of: call) }
    }

    private func failure(_ failure: FilterFailure, of call: FilterCallInfo) -> TemplateError {
        error(.filterFailed(filter: program.names[call.name], message: failure.message), at: call.position)
    }

    /// `left symbol right`; nil when the two cannot be ordered. Static, as the helpers below: a method of the
    /// renderer, called while it evaluates, would work on a copy of it.
    private static func compare(
        _ symbol: ComparisonOperator, _ left: TemplateValue, _ right: TemplateValue
    ) -> Bool? {
        switch symbol {
        case .equal: return isEqual(left, right)
        case .notEqual: return !isEqual(left, right)
        default: break
        }
        switch (left, right) {
        case (.int(let a), .int(let b)):
            return ordered(a, b, by: symbol)
        case (.string(let a), .string(let b)), (.string(let a), .html(let b)), (.html(let a), .string(let b)),
            (.html(let a), .html(let b)):
            return ordered(a, b, by: symbol)
        default:
            return nil
        }
    }

    private static func ordered<T: Comparable>(_ a: T, _ b: T, by symbol: ComparisonOperator) -> Bool {
        switch symbol {
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        default: a >= b
        }
    }

    /// Equality where text and HTML with the same characters are equal.
    private static func isEqual(_ left: TemplateValue, _ right: TemplateValue) -> Bool {
        switch (left, right) {
        case (.string(let a), .html(let b)), (.html(let a), .string(let b)): a == b
        default: left == right
        }
    }

    // MARK: Variables

    /// Looks up `a.b.c`: `a` among locals, then the context; then each key in turn.
    private mutating func lookUp(_ path: Path) throws(TemplateError) -> TemplateValue {
        let first = program.pathNames[path.start]
        var value = TemplateValue.null
        var next = 1
        var index = locals.count - 1
        while index >= 0 {
            if locals[index].name == first {
                value = locals[index].isLoop ? locals[index].items[locals[index].index] : locals[index].value
                break
            }
            if first == Program.Name.loop, locals[index].isLoop {
                if path.count > 1, let property = loopProperty(program.pathNames[path.start + 1], of: locals[index]) {
                    value = property
                    next = 2
                } else {
                    value = loopMap(locals[index])
                }
                break
            }
            index -= 1
        }
        // Searched by position, so that only the value found is copied, not each entry looked at.
        var slot = 0
        if index < 0 {
            while slot < contextCache.count, contextCache[slot].name != first { slot += 1 }
        }
        if index < 0, slot < contextCache.count {
            value = contextCache[slot].value
        } else if index < 0 {
            guard let found = context[program.names[first]] else {
                let candidates =
                    Array(context.keys) + locals.map { program.names[$0.name] }
                    + (locals.contains(where: \.isLoop) ? ["loop"] : [])
                throw error(
                    .unknownVariable(
                        program.names[first], suggestion: suggestion(for: program.names[first], among: candidates)),
                    at: path.position)
            }
            value = found
            if contextCache.count < 16 { contextCache.append((first, found)) }
        }
        while next < path.count {
            // `page.content.size` uses the HTML too.
            if case .htmlBytes = value { htmlUse.lookups += 1 }
            value = try member(program.pathNames[path.start + next], of: value, path: path, index: next)
            next += 1
        }
        switch value {
        case .htmlBytes: htmlUse.lookups += 1
        case .map(let entries) where entries.holdsHTMLBytes: htmlUse.opaque = true
        default: break
        }
        return value
    }

    /// `loop.index` (from 1), `index0`, `first`, `last`, `length`; nil for other names.
    private func loopProperty(_ name: Int, of loop: Binding) -> TemplateValue? {
        switch name {
        case Program.Name.index: .int(loop.index + 1)
        case Program.Name.index0: .int(loop.index)
        case Program.Name.first: .bool(loop.index == 0)
        case Program.Name.last: .bool(loop.index == loop.items.count - 1)
        case Program.Name.length: .int(loop.items.count)
        default: nil
        }
    }

    private func loopMap(_ loop: Binding) -> TemplateValue {
        var entries = TemplateMap()
        for name in [
            Program.Name.index, Program.Name.index0, Program.Name.first, Program.Name.last, Program.Name.length,
        ] {
            entries[program.names[name]] = loopProperty(name, of: loop)
        }
        return .map(entries)
    }

    /// `value.key`, where `value` is what the path's segments before `index` gave.
    private func member(
        _ key: Int, of value: TemplateValue, path: Path, index: Int
    ) throws(TemplateError) -> TemplateValue {
        switch value {
        case .map(let entries):
            let segment = path.start + index
            let known = program.hints[segment]
            var hint = known
            if let member = entries.value(of: program.names[key], hint: &hint) {
                // Written only when it changed: a write on every lookup would take the hint's cache line from the
                // other core each time, while both render pages with the same program.
                if hint != known { program.hints[segment] = hint }
                return member
            }
            throw error(
                .unknownVariable(
                    pathText(path, through: index), suggestion: suggestion(for: program.names[key], among: entries.keys)
                ),
                at: path.position)
        case .null:
            return .null
        case .list(let items):
            switch key {
            case Program.Name.size: return .int(items.count)
            case Program.Name.first: return items.first ?? .null
            case Program.Name.last: return items.last ?? .null
            default:
                throw error(
                    .unknownListProperty(path: pathText(path, through: index - 1), key: program.names[key]),
                    at: path.position)
            }
        case .string(let text) where key == Program.Name.size, .html(let text) where key == Program.Name.size:
            return .int(text.count)
        case .htmlBytes where key == Program.Name.size:
            return try member(key, of: value.withHTMLAsText, path: path, index: index)
        case .bool, .int, .string, .html, .htmlBytes:
            throw error(
                .notAMap(
                    path: pathText(path, through: index - 1), kind: value.kindDescription, key: program.names[key]),
                at: path.position)
        }
    }

    /// The path's segments up to and including `last`, joined with dots, for messages.
    private func pathText(_ path: Path, through last: Int) -> String {
        (0...last).map { program.names[program.pathNames[path.start + $0]] }.joined(separator: ".")
    }
}
