/// The position of each key of a large `TemplateMap`, found by a hash of the key's UTF-8 bytes.
///
/// A `[String: Int]` hashes a key with SipHash through `Hasher`, which cost more than the rest of setting a value
/// in the page map (about forty keys, set one by one for every page). This table hashes the bytes with FNV-1a from a
/// per-process random start (so the order of colliding keys cannot be planned by whoever writes the keys) and
/// probes linearly; the table is at most half full.
struct KeyIndex: Sendable {
    /// Position + 1 of the key in each slot; 0 for an empty slot. The count is a power of two.
    private var slots: [Int32]
    /// The hash of the key at each position.
    private var hashes: [UInt64]

    private static let seed = UInt64.random(in: .min ... .max)

    /// An index of `names`, which are all different.
    init(_ names: [String]) {
        var capacity = 64
        while capacity < names.count * 2 { capacity *= 2 }
        slots = Array(repeating: 0, count: capacity)
        hashes = []
        hashes.reserveCapacity(capacity / 2)
        for name in names { append(name) }
    }

    /// Adds the key at the next position (the map's new last key, which it did not have).
    mutating func append(_ name: String) {
        let hash = Self.hash(name)
        hashes.append(hash)
        if hashes.count * 2 > slots.count {
            slots = Array(repeating: 0, count: slots.count * 2)
            for position in hashes.indices { place(position) }
        } else {
            place(hashes.count - 1)
        }
    }

    private mutating func place(_ position: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[position]) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(position + 1)
    }

    /// The position of `key` among `names` (the keys this index was built from, in order), or nil.
    func position(of key: String, in names: [String]) -> Int? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if hashes[entry - 1] == hash, names[entry - 1] == key { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    static func hash(_ key: String) -> UInt64 {
        let start = seed ^ 0xCBF2_9CE4_8422_2325
        let hash =
            key.utf8.withContiguousStorageIfAvailable { bytes in fnv1a(bytes, from: start) }
            ?? fnv1a(key.utf8, from: start)
        // Spread the high bits into the low ones, which choose the slot.
        return hash ^ (hash >> 29)
    }

    @inline(__always)
    private static func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes, from start: UInt64) -> UInt64 {
        var hash = start
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
