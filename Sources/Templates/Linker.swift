/// Checks what templates say about each other: include and extends targets, cycles, and
/// the blocks of child templates.
enum Linker {
    /// Errors in references between templates.
    static func check(_ templates: [String: CompiledTemplate]) -> [TemplateError] {
        var errors: [TemplateError] = []
        let names = templates.keys.sorted()
        for name in names {
            let template = templates[name]!
            for reference in references(of: template) where templates[reference.name] == nil {
                let suggested = suggestion(for: reference.name, among: names)
                errors.append(
                    TemplateError(
                        template: name, position: reference.position,
                        reason: .missingTemplate(reference.name, suggestion: suggested)))
            }
        }
        let cycles = cycleErrors(templates, names: names)
        errors += cycles
        guard cycles.isEmpty else { return errors }
        for name in names {
            errors += unknownBlocks(in: templates[name]!, templates)
        }
        return errors
    }

    /// The templates `template` names: its parent first, then its includes in source order.
    private static func references(of template: CompiledTemplate) -> [TemplateReference] {
        (template.parent.map { [$0] } ?? []) + template.includes
    }

    /// Finds every cycle of includes and extends by depth-first search, reporting each
    /// at the tag that closes it.
    private static func cycleErrors(_ templates: [String: CompiledTemplate], names: [String]) -> [TemplateError] {
        enum State { case visiting, done }
        var states: [String: State] = [:]
        var path: [String] = []
        var errors: [TemplateError] = []

        func visit(_ name: String) {
            guard let template = templates[name] else { return }
            states[name] = .visiting
            path.append(name)
            for reference in references(of: template) {
                switch states[reference.name] {
                case .visiting:
                    let start = path.firstIndex(of: reference.name)!
                    let circle = Array(path[start...]) + [reference.name]
                    let isExtends =
                        template.parent?.position == reference.position
                        && template.parent?.name == reference.name
                    errors.append(
                        TemplateError(
                            template: name, position: reference.position,
                            reason: isExtends ? .extendsCycle(circle) : .includeCycle(circle)))
                case .done:
                    continue
                case nil:
                    visit(reference.name)
                }
            }
            path.removeLast()
            states[name] = .done
        }

        for name in names where states[name] == nil {
            visit(name)
        }
        return errors
    }

    /// The templates a template extends, nearest first; empty for a template without `extends`.
    private static func ancestors(
        of template: CompiledTemplate, _ templates: [String: CompiledTemplate]
    ) -> [CompiledTemplate] {
        var chain: [CompiledTemplate] = []
        var next = template.parent.flatMap { templates[$0.name] }
        while let current = next, chain.count <= templates.count {
            chain.append(current)
            next = current.parent.flatMap { templates[$0.name] }
        }
        return chain
    }

    private static func unknownBlocks(
        in template: CompiledTemplate, _ templates: [String: CompiledTemplate]
    ) -> [TemplateError] {
        guard let parent = template.parent, templates[parent.name] != nil else { return [] }
        let inherited = Set(ancestors(of: template, templates).flatMap(\.blocks.keys))
        return template.blocks.filter { !$0.value.isNested && !inherited.contains($0.key) }
            .map { name, block in
                TemplateError(
                    template: template.name, position: block.position,
                    reason: .unknownBlock(name, parent: parent.name))
            }
    }
}
