/// The keys and values of a `.map`, in the order they were added.
///
/// Templates look up the same few keys in many maps of the same shape — `tr.url` in each
/// entry of a language switcher, `page.title` on every page — so a map keeps its keys in a
/// plain array and the renderer remembers, for each key in a template, at which position it
/// found it last: the next map of that shape answers after one comparison, without hashing.
/// A small map is searched from the front; a large one also keeps an index from key to
/// position, so that reading or replacing a key by name costs one hash as in a dictionary.
///
/// Two maps are equal when they have the same keys with equal values, in any order.
public struct TemplateMap: Sendable {
    /// The keys, shared by copies of a map until one of them adds or removes a key.
    private var shared: Keys
    public private(set) var values: [TemplateValue]

    /// Above this many keys, a search from the front costs more than a hash (most keys differ in length, which
    /// is compared first).
    static let indexThreshold = 24

    /// Keys in order, and for a large map the position of each. One reference, so that a
    /// `TemplateValue` holding a map is no larger than one holding a string.
    private final class Keys: @unchecked Sendable {
        // Mutated only while uniquely referenced (see `uniqueKeys`), like the storage of an array.
        @exclusivity(unchecked) var names: [String]
        @exclusivity(unchecked) var positions: KeyIndex?

        init(_ names: [String], positions: KeyIndex?) {
            self.names = names
            self.positions = positions
        }

        static let empty = Keys([], positions: nil)
    }

    /// An empty map.
    public init() {
        shared = Keys.empty
        values = []
    }

    /// An empty map with room for `capacity` keys.
    public init(minimumCapacity capacity: Int) {
        shared = Keys([], positions: nil)
        shared.names.reserveCapacity(capacity)
        values = []
        values.reserveCapacity(capacity)
    }

    /// A map with the keys of `other`, in its order and shared with it, each with the value `value`.
    ///
    /// For maps made many times with the same keys: starting from one costs one allocation, where copying a
    /// map and then setting its values copies every value first.
    public init(keysOf other: TemplateMap, allSetTo value: TemplateValue) {
        shared = other.shared
        values = Array(repeating: value, count: other.count)
    }

    /// A map with `keys` (which must differ from each other), in their order, each with the value `value`: one
    /// allocation for the keys and one for the values, where adding them one by one grows both again and again.
    public init(keys: [String], allSetTo value: TemplateValue) {
        shared = Keys(keys, positions: keys.count > Self.indexThreshold ? KeyIndex(keys) : nil)
        values = Array(repeating: value, count: keys.count)
    }

    /// A map with the keys of `other`, in its order and shared with it, and `values` in that order: for maps made
    /// many times with the same keys, one allocation (the values) per map.
    public init(keysOf other: TemplateMap, values: [TemplateValue]) {
        precondition(values.count == other.count, "a value for each key")
        shared = other.shared
        self.values = values
    }

    /// The entries of a dictionary, in the order of their keys (a dictionary has no order of its own).
    public init(_ dictionary: [String: TemplateValue]) {
        self.init(minimumCapacity: dictionary.count)
        for key in dictionary.keys.sorted() { append(key, dictionary[key]!) }
    }

    public var keys: [String] { shared.names }

    public mutating func reserveCapacity(_ capacity: Int) {
        uniqueKeys()
        shared.names.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }
    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    /// The position of `key`, or nil.
    public func position(of key: String) -> Int? {
        if let positions = shared.positions { return positions.position(of: key, in: shared.names) }
        let length = key.utf8.count
        // Comparing lengths first spares most calls into the string comparison.
        return shared.names.firstIndex { $0.utf8.count == length && $0 == key }
    }

    /// The value of `key`; nil if the map has no such key. Setting nil removes the key;
    /// setting a new key adds it at the end.
    public subscript(key: String) -> TemplateValue? {
        get { position(of: key).map { values[$0] } }
        set {
            switch (position(of: key), newValue) {
            case (let position?, let value?): values[position] = value
            case (nil, let value?): append(key, value)
            case (let position?, nil): remove(at: position)
            case (nil, nil): break
            }
        }
    }

    /// The value at `position` (below `count`), as `position(of:)` gave it: reading or replacing a value by position
    /// spares looking its key up.
    public subscript(at position: Int) -> TemplateValue {
        get { values[position] }
        set { values[position] = newValue }
    }

    /// The value of `key`, looked for first at position `hint`; `hint` is set to where it was found.
    func value(of key: String, hint: inout Int) -> TemplateValue? {
        if hint < shared.names.count, shared.names[hint] == key { return values[hint] }
        guard let found = position(of: key) else { return nil }
        hint = found
        return values[found]
    }

    /// Adds a key the map does not have yet.
    private mutating func append(_ key: String, _ value: TemplateValue) {
        uniqueKeys()
        shared.names.append(key)
        values.append(value)
        if shared.positions != nil {
            shared.positions!.append(key)
        } else if values.count > Self.indexThreshold {
            buildIndex()
        }
    }

    private mutating func remove(at position: Int) {
        uniqueKeys()
        shared.names.remove(at: position)
        values.remove(at: position)
        shared.positions = nil
        if values.count > Self.indexThreshold { buildIndex() }
    }

    private mutating func uniqueKeys() {
        if !isKnownUniquelyReferenced(&shared) { shared = Keys(shared.names, positions: shared.positions) }
    }

    private mutating func buildIndex() {
        shared.positions = KeyIndex(shared.names)
    }
}

extension TemplateMap: Equatable {
    public static func == (left: TemplateMap, right: TemplateMap) -> Bool {
        guard left.count == right.count else { return false }
        if left.keys == right.keys { return left.values == right.values }
        for (position, key) in left.keys.enumerated() where right[key] != left.values[position] { return false }
        return true
    }
}

extension TemplateMap: ExpressibleByDictionaryLiteral {
    /// The entries in the order written; a repeated key keeps its first position and its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(minimumCapacity: elements.count)
        for (key, value) in elements { self[key] = value }
    }
}

extension TemplateMap: Sequence {
    /// Each key with its value, in the map's order.
    public func makeIterator() -> some IteratorProtocol<(key: String, value: TemplateValue)> {
        zip(keys, values).lazy.map { (key: $0, value: $1) }.makeIterator()
    }
}
