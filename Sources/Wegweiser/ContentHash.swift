/// A fast 64-bit hash of bytes, eight at a time, for telling whether an input changed between builds.
/// Not cryptographic and not stable across versions of Wegweiser: the build cache records which version wrote it.
struct ContentHash {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    init() {}

    /// Adds one piece: its words, then the bytes left over and its length (which separates "ab" + "c" from
    /// "a" + "bc" when several pieces are added).
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var piece = Stream(continuing: self)
        piece.add(bytes)
        self = piece.finished
    }

    mutating func add(_ text: Substring) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ text: String) {
        add(Substring(text))
    }

    mutating func add(_ number: UInt64) {
        mix(number)
    }

    fileprivate mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 31
    }

    /// `ContentHash.of` the bytes given piece by piece, without joining them first: the same value as for all of
    /// them at once, wherever they are cut.
    struct Stream {
        private var hash: ContentHash
        /// Bytes not yet mixed (fewer than eight), in the low bits, first byte lowest.
        private var pending: UInt64 = 0
        private var pendingCount = 0
        private var total = 0

        /// A stream whose bytes are added, as one piece, to `hash`.
        init(continuing hash: ContentHash = ContentHash()) {
            self.hash = hash
        }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            var index = 0
            // Complete a pending word first; then whole words straight from the bytes.
            while pendingCount > 0, index < bytes.count {
                take(bytes[index])
                index += 1
            }
            while index + 8 <= bytes.count {
                hash.mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                index += 8
            }
            while index < bytes.count {
                take(bytes[index])
                index += 1
            }
            total += bytes.count
        }

        private mutating func take(_ byte: UInt8) {
            pending |= UInt64(byte) << UInt64(8 * pendingCount)
            pendingCount += 1
            if pendingCount == 8 {
                hash.mix(pending)
                (pending, pendingCount) = (0, 0)
            }
        }

        /// The hash with everything added.
        var finished: ContentHash {
            var final = hash
            final.mix(pending)
            final.mix(UInt64(total))
            return final
        }

        /// The value of the hash with everything added.
        var value: UInt64 { finished.value }
    }

    static func of(_ text: Substring) -> UInt64 {
        var hash = ContentHash()
        hash.add(text)
        return hash.value
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.value
    }

    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = ContentHash()
        bytes.withUnsafeBytes { hash.add($0) }
        return hash.value
    }
}
