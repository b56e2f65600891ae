import Synchronization

/// A template set lowered for rendering.
///
/// The syntax tree is convenient to build and to check; rendering tens of thousands of
/// pages wants data that costs nothing to walk. Instructions and operations here hold only
/// integers — indexes into the tables below — so walking them takes no reference counting,
/// and all literal text lives in one byte array that output is copied from. It is an
/// immutable class so that each render holds one reference instead of copying every table.
final class Program: Sendable {
    let code: [Instruction]
    /// The literal text of every template, as UTF-8, in memory of its own that lives as long as the program: the
    /// renderer copies from it without counting references to an array for every piece of text.
    nonisolated(unsafe) let text: UnsafeBufferPointer<UInt8>
    /// Every name used: variables, keys, filters, blocks. See ``Program/Name``.
    let names: [String]
    let literals: [TemplateValue]
    let operations: [Operation]
    /// Where each operation starts in its template.
    let positions: [TemplatePosition]
    /// The syntax tree each operation was lowered from; read only to write error messages.
    let sources: [Expression]
    let paths: [Path]
    /// The segments of all paths, as name indexes.
    let pathNames: [Int]
    let filterCalls: [FilterCallInfo]
    /// The argument operations of all filter calls.
    let arguments: [Int]
    /// Every `include_cached`, and the key operations of all of them.
    let cachedIncludes: [CachedIncludeInfo]
    let cacheKeys: [Int]
    let loops: [LoopInfo]
    let templates: [TemplateInfo]
    let templateIndexes: [String: Int]
    /// The host filters the templates use, as name indexes; rendering looks each up once.
    let hostFilterNames: [Int]
    /// For each path segment (as in `pathNames`), where in a map its key was found last.
    let hints: HintTable

    init(_ builder: ProgramBuilder) {
        code = builder.code
        let text = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: builder.text.count)
        _ = text.initialize(from: builder.text)
        self.text = UnsafeBufferPointer(text)
        names = builder.names
        literals = builder.literals
        operations = builder.operations
        positions = builder.positions
        sources = builder.sources
        paths = builder.paths
        pathNames = builder.pathNames
        filterCalls = builder.filterCalls
        arguments = builder.arguments
        cachedIncludes = builder.cachedIncludes
        cacheKeys = builder.cacheKeys
        loops = builder.loops
        templates = builder.templates
        templateIndexes = builder.templateIndexes
        hostFilterNames = builder.hostFilterNames
        hints = HintTable(count: builder.pathNames.count)
    }

    deinit {
        text.deallocate()
    }

    /// Names every program has, at fixed indexes, so the renderer compares integers.
    enum Name {
        static let loop = 0
        static let index = 1
        static let index0 = 2
        static let first = 3
        static let last = 4
        static let length = 5
        static let size = 6
        static let fixed = ["loop", "index", "index0", "first", "last", "length", "size"]
    }
}

/// Positions at which keys were found in maps, shared by all renders of a program, on any thread.
///
/// Maps made by the same code have their keys in the same order (see ``TemplateMap``), so
/// where `tr.url` was found in one entry of a list is where it is in the next, and on the next
/// page. A hint is only a first guess that a lookup checks, so renders running at once may
/// overwrite each other's; each slot is an atomic integer, read and written without ordering.
final class HintTable: @unchecked Sendable {
    // Sendable: the slots are atomics, allocated once and freed with the table.
    private let slots: UnsafeMutablePointer<Atomic<Int>>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        for index in 0..<count { (slots + index).initialize(to: Atomic(0)) }
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    subscript(index: Int) -> Int {
        get {
            precondition(index >= 0 && index < count)
            return slots[index].load(ordering: .relaxed)
        }
        set {
            precondition(index >= 0 && index < count)
            slots[index].store(newValue, ordering: .relaxed)
        }
    }
}

/// One step of rendering.
enum Instruction: Sendable {
    /// Copy `count` bytes of `Program.text` from `start`.
    case text(start: Int, count: Int)
    /// Print an operation's value.
    case print(Int)
    /// Evaluate an operation; go on if it is truthy, else jump to `ifFalse`.
    case branch(condition: Int, ifFalse: Int)
    case jump(Int)
    /// Start the loop `Program.loops[n]`: jump to its empty part if there is nothing to loop over.
    case loopStart(Int)
    /// Go to the loop's next item, or past its end.
    case loopNext(Int)
    /// Render the template of this index in the current scope.
    case include(Int)
    /// `include_cached`: `Program.cachedIncludes[n]`.
    case cachedInclude(Int)
    /// Render the block of this name index as the current plan resolves it.
    case block(Int)
    /// `{% set %}`: bind a name index to an operation's value.
    case assign(name: Int, value: Int)
    /// The end of a template's or a block's code.
    case end
}

/// An expression step; operands are operation indexes.
enum Operation: Sendable {
    case literal(Int)
    case variable(Int)
    case not(Int)
    case and(Int, Int)
    case or(Int, Int)
    case comparison(ComparisonOperator, Int, Int, TemplatePosition)
    case filter(Int)
}

/// A variable path: `count` name indexes in `Program.pathNames` from `start`.
struct Path: Sendable {
    var start: Int
    var count: Int
    var position: TemplatePosition
}

/// `input | name: arguments`, with the arguments in `Program.arguments`.
struct FilterCallInfo: Sendable {
    var input: Int
    var name: Int
    var builtin: BuiltinFilter?
    /// For a host filter, its index in `Program.hostFilterNames`.
    var hostSlot: Int
    var argumentStart: Int
    var argumentCount: Int
    var position: TemplatePosition
}

/// `{% include_cached %}`: the template, and its key operations in `Program.cacheKeys`.
struct CachedIncludeInfo: Sendable {
    var template: Int
    var keyStart: Int
    var keyCount: Int
    var position: TemplatePosition
}

/// `{% for %}`: the variable's name index, the sequence's operation and where its parts are.
struct LoopInfo: Sendable {
    var variable: Int
    var sequence: Int
    var bodyStart: Int
    var emptyStart: Int?
    var end: Int
}

/// A template: where its code starts and how rendering it resolves blocks.
struct TemplateInfo: Sendable {
    var name: String
    /// Where this template's own code starts.
    var start: Int
    /// The root of its `extends` chain, whose code is what rendering this template runs.
    var root: Int
    /// For each block name index, the most derived definition along the chain.
    var blocks: [Int: BlockEntry]
    /// A guess at the output's length, to reserve it once.
    var capacity: Int
}

/// Where a block's code starts and which template it is written in.
struct BlockEntry: Sendable {
    var template: Int
    var start: Int
}
