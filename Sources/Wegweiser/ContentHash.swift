/// A fast 64-bit hash of bytes, 32 at a time, for telling whether an input changed between builds.
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
    ///
    /// Whole blocks of 32 bytes go into four lanes, a word each, which the processor mixes side by side (one lane
    /// waits for each multiplication before the next); the lanes, the bytes after the last block and the length
    /// are then mixed into the hash.
    struct Stream {
        private var hash: ContentHash
        private var lanes: (UInt64, UInt64, UInt64, UInt64) = (
            0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89, 0x4528_21E6_38D0_1377
        )
        /// Bytes not yet mixed (fewer than a block), first byte first.
        private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        private var pendingCount = 0
        private var total = 0

        /// A stream whose bytes are added, as one piece, to `hash`.
        init(continuing hash: ContentHash = ContentHash()) {
            self.hash = hash
        }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            guard !bytes.isEmpty else { return }
            var index = 0
            // Complete a pending block first; then whole blocks straight from the bytes.
            if pendingCount > 0 {
                let taken = min(32 - pendingCount, bytes.count)
                withUnsafeMutableBytes(of: &pending) { buffer in
                    buffer.baseAddress!.advanced(by: pendingCount).copyMemory(
                        from: bytes.baseAddress!, byteCount: taken)
                }
                pendingCount += taken
                index = taken
                if pendingCount == 32 {
                    mix(pending)
                    (pending, pendingCount) = ((0, 0, 0, 0), 0)
                }
            }
            // The lanes in locals while the blocks go by, and neighbouring lanes take their words in by different
            // operations (`^`, `&+`): otherwise the compiler pairs them in vector registers and moves each value
            // between those and the multiplier in every round.
            var (a, b, c, d) = lanes
            while index + 32 <= bytes.count {
                a = Self.folded(a ^ UInt64(littleEndian: word(bytes, index)))
                b = Self.folded(b &+ UInt64(littleEndian: word(bytes, index + 8)))
                c = Self.folded(c ^ UInt64(littleEndian: word(bytes, index + 16)))
                d = Self.folded(d &+ UInt64(littleEndian: word(bytes, index + 24)))
                index += 32
            }
            lanes = (a, b, c, d)
            if index < bytes.count {
                let rest = bytes.count - index
                withUnsafeMutableBytes(of: &pending) { buffer in
                    buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + index, byteCount: rest)
                }
                pendingCount = rest
            }
            total += bytes.count
        }

        /// Eight bytes as they lie in memory, as `pending` holds them (`mix` reads them as little-endian).
        @inline(__always)
        private func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
            bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        }

        @inline(__always)
        private mutating func mix(_ block: (UInt64, UInt64, UInt64, UInt64)) {
            lanes.0 = Self.folded(lanes.0 ^ UInt64(littleEndian: block.0))
            lanes.1 = Self.folded(lanes.1 &+ UInt64(littleEndian: block.1))
            lanes.2 = Self.folded(lanes.2 ^ UInt64(littleEndian: block.2))
            lanes.3 = Self.folded(lanes.3 &+ UInt64(littleEndian: block.3))
        }

        /// The whole 128-bit product of `value` and an odd constant, its halves folded together: one `mul`
        /// instruction. (A 64-bit product as in `ContentHash.mix` let the compiler put two lanes in each vector
        /// register, where x86-64's baseline instructions multiply 64-bit numbers in three 32-bit steps.)
        @inline(__always)
        private static func folded(_ value: UInt64) -> UInt64 {
            let product = value.multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
            return product.high ^ product.low
        }

        /// The hash with everything added.
        var finished: ContentHash {
            var final = hash
            final.mix(lanes.0)
            final.mix(lanes.1)
            final.mix(lanes.2)
            final.mix(lanes.3)
            // The pending bytes, a word at a time; the zeros after them are told apart by the length.
            let words = (pendingCount + 7) / 8
            withUnsafeBytes(of: pending) { buffer in
                for index in 0..<words {
                    final.mix(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)))
                }
            }
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
