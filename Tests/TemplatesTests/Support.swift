import Templates

/// Compiles `sources` and renders `name`; any error becomes its description, so tests can
/// compare one string.
func render(
    _ name: String = "page.html",
    _ sources: [String: String],
    context: [String: TemplateValue] = [:],
    hostFilters: Set<String> = [],
    filters: [String: Filter] = [:]
) -> String {
    do {
        let set = try TemplateSet(sources: sources, hostFilters: hostFilters)
        return try set.render(name, context: context, filters: filters)
    } catch let errors as TemplateErrors {
        return "compile error: " + errors.description
    } catch {
        return "render error: \(error)"
    }
}

/// Renders a one-template set.
func render(
    _ source: String,
    context: [String: TemplateValue] = [:],
    hostFilters: Set<String> = [],
    filters: [String: Filter] = [:]
) -> String {
    render("page.html", ["page.html": source], context: context, hostFilters: hostFilters, filters: filters)
}

/// The compile errors of `sources` as `name:line:column: message`, or [] when it compiles.
func compileErrors(_ sources: [String: String], hostFilters: Set<String> = []) -> [String] {
    do {
        _ = try TemplateSet(sources: sources, hostFilters: hostFilters)
        return []
    } catch {
        return error.errors.map(\.description)
    }
}

/// The compile errors of a one-template set named `page.html`.
func compileErrors(_ source: String, hostFilters: Set<String> = []) -> [String] {
    compileErrors(["page.html": source], hostFilters: hostFilters)
}

/// The render error of `sources`, as a `TemplateError`; nil if it renders or fails to compile.
func renderError(
    _ name: String = "page.html",
    _ sources: [String: String],
    context: [String: TemplateValue] = [:],
    hostFilters: Set<String> = [],
    filters: [String: Filter] = [:]
) -> TemplateError? {
    guard let set = try? TemplateSet(sources: sources, hostFilters: hostFilters) else { return nil }
    do {
        _ = try set.render(name, context: context, filters: filters)
        return nil
    } catch {
        return error
    }
}
