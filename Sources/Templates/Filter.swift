/// A filter the host provides: input, arguments → output.
///
/// `{{ "events.upcoming" | t }}` calls the `t` filter with input `.string("events.upcoming")`
/// and no arguments; `{{ event.start | date: "long" }}` calls `date` with one argument.
/// A thrown ``FilterFailure`` becomes a ``TemplateError`` at the filter's position, with
/// the failure's message. A closure that throws must say so with its type:
///
/// ```swift
/// let t = Filter { (input, arguments) throws(FilterFailure) in
///     guard case .string(let key) = input else { throw FilterFailure("`t` needs a key") }
///     return .string(strings[key] ?? key)
/// }
/// ```
public struct Filter: Sendable {
    /// The filter's implementation.
    public let apply: @Sendable (TemplateValue, [TemplateValue]) throws(FilterFailure) -> TemplateValue

    /// Creates a filter from its implementation.
    public init(_ apply: @escaping @Sendable (TemplateValue, [TemplateValue]) throws(FilterFailure) -> TemplateValue) {
        self.apply = apply
    }
}

/// Why a filter could not produce a value; the message is shown to the template's author as is.
public struct FilterFailure: Error, Sendable, Equatable {
    /// What is wrong and how to fix it, in one short English sentence.
    public var message: String

    /// Creates a failure with the message shown to the template's author.
    public init(_ message: String) {
        self.message = message
    }
}
