/// An ordered mapping from keys to nodes; the parser guarantees unique keys.
public struct Mapping: Sendable, Equatable {
    /// One `key: value` pair with the key's position.
    public struct Entry: Sendable, Equatable {
        /// The key, unquoted.
        public var key: String
        /// Where the key starts (its first character, or its opening quote).
        public var keyPosition: TextPosition
        /// The value.
        public var value: Node

        /// Creates an entry.
        public init(key: String, keyPosition: TextPosition, value: Node) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }
    }

    /// The entries in source order.
    public var entries: [Entry] {
        didSet { indexByKey = Mapping.index(entries) }
    }

    // Derived from `entries` (first occurrence wins) for large maps such as
    // UI-string tables, so lookups stay O(1); small maps are searched, as
    // building a hash table for every small map costs more than it saves.
    private var indexByKey: [String: Int]?

    /// Creates a mapping from entries in order.
    public init(entries: [Entry] = []) {
        self.entries = entries
        self.indexByKey = Mapping.index(entries)
    }

    /// A mapping whose key index the parser has built already (nil for a small map).
    init(entries: [Entry], indexByKey: [String: Int]?) {
        self.entries = entries
        self.indexByKey = indexByKey
    }

    /// The value for a key, or nil if the key is absent.
    public subscript(key: String) -> Node? {
        entry(for: key)?.value
    }

    /// The entry for a key (with its position), or nil if the key is absent.
    public func entry(for key: String) -> Entry? {
        if let indexByKey { return indexByKey[key].map { entries[$0] } }
        return entries.first { $0.key == key }
    }

    /// The keys in source order.
    public var keys: [String] { entries.map(\.key) }

    /// Whether the mapping has no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// Two mappings are equal when their entries are equal, in order.
    public static func == (lhs: Mapping, rhs: Mapping) -> Bool {
        lhs.entries == rhs.entries
    }

    static let indexThreshold = 16

    private static func index(_ entries: [Entry]) -> [String: Int]? {
        guard entries.count >= indexThreshold else { return nil }
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count)
        for (offset, entry) in entries.enumerated() where index[entry.key] == nil {
            index[entry.key] = offset
        }
        return index
    }
}
