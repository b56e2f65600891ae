import Synchronization

/// The output of `{% include_cached "name" key, … %}`, kept from one render to the next.
///
/// A host that renders many pages with one template set makes one cache and passes it to each render: the first
/// render with given key values renders the included template, later ones copy its output. The theme promises that
/// the included template's output depends on nothing but the keys; the cache cannot check that.
/// Safe to share between threads (two that miss at once both render, and store the same bytes).
public final class IncludeCache: Sendable {
    struct Key: Hashable, Sendable {
        /// The template set's program, so that one cache given to two sets keeps their entries apart (the cache
        /// holds on to each program it keeps output of, so no later program can have its identifier).
        var program: ObjectIdentifier
        /// Which `include_cached` tag.
        var site: Int
        /// The keys' values as text, each marked with its kind.
        var values: [String]
    }

    private let entries = Mutex<(outputs: [Key: [UInt8]], programs: [Program])>(([:], []))

    public init() {}

    /// How many outputs are kept.
    public var count: Int { entries.withLock { $0.outputs.count } }

    func bytes(for key: Key) -> [UInt8]? {
        entries.withLock { $0.outputs[key] }
    }

    /// Keeps `bytes` for `key`, which names `program`.
    func store(_ bytes: [UInt8], for key: Key, of program: Program) {
        entries.withLock { entries in
            if !entries.programs.contains(where: { $0 === program }) { entries.programs.append(program) }
            entries.outputs[key] = bytes
        }
    }
}
