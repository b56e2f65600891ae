/// How one render used the `.htmlBytes` values of its context (a page's rendered Markdown).
///
/// A host that knows the only such value of a render is a page's body can tell from this whether the page's output
/// depends on the body only through one verbatim copy of it: then a changed body can be put in place of the old
/// one in the page's file without rendering the page again.
///
/// Every use of a value starts with looking it up by name (`page.content`, or a `set` or loop variable holding
/// it), so the lookups count every use: printing it, measuring it (`.size`), filtering it, comparing it. Those
/// whose value only decides an `if` (or `and`, `or`, `not`) are counted apart: they tell only whether the HTML is
/// empty. A lookup that gives a whole map holding such a value (`{% set p = page %}`, `page | filter`) could use
/// it in any way, and so could a print inside `include_cached`, whose output other pages get.
public struct HTMLBytesUse: Sendable, Equatable {
    /// Lookups that gave an `.htmlBytes` value, but for those in `tests`.
    public internal(set) var lookups = 0
    /// Lookups that gave an `.htmlBytes` value only to be tested for being empty.
    public internal(set) var tests = 0
    /// How many times `.htmlBytes` values were printed as they are, and where the first was, as offsets in the
    /// render's output.
    public internal(set) var prints = 0
    public internal(set) var firstPrint: Range<Int>?
    /// A lookup gave a map holding an `.htmlBytes` value, or one was printed inside `include_cached`.
    public internal(set) var opaque = false

    public init() {}

    /// Where the render printed its one `.htmlBytes` value, when that print was its only use but for tests of
    /// whether it is empty; nil otherwise. (Another value in its place gives the same output around it if it is
    /// empty when this one is, and only then.)
    public var onlyPrint: Range<Int>? {
        lookups == 1 && prints == 1 && !opaque ? firstPrint : nil
    }
}

extension TemplateMap {
    /// Whether one of the map's own values (not those of maps or lists inside it) is `.htmlBytes`.
    var holdsHTMLBytes: Bool {
        values.contains { if case .htmlBytes = $0 { true } else { false } }
    }
}
