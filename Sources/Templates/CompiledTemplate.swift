/// One template after parsing: its tree, its blocks and the templates it names.
struct CompiledTemplate: Sendable {
    var name: String
    var nodes: [Node]
    /// `{% extends %}`, if the template has one.
    var parent: TemplateReference?
    /// Every `{% include %}`, in source order.
    var includes: [TemplateReference]
    /// Every block the template defines, at any depth.
    var blocks: [String: BlockDefinition]
    /// The length in UTF-8 bytes of the template's literal text, a hint for the output's capacity.
    var textLength: Int
}

/// The name of another template in `include` or `extends`, and where the tag is.
struct TemplateReference: Sendable {
    var name: String
    var position: TemplatePosition
}

/// `{% block name %}…{% endblock %}` as defined in one template.
struct BlockDefinition: Sendable {
    var body: [Node]
    var position: TemplatePosition
    /// Inside another block: a child template may define it without any parent having it.
    var isNested: Bool
}
