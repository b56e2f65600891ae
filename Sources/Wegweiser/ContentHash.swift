/// A fast 64-bit hash of bytes, eight at a time, for telling whether an input changed between builds.
/// Not cryptographic and not stable across versions of Wegweiser: the build cache records which version wrote it.
struct ContentHash {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    init() {}

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        while index + 8 <= bytes.count {
            mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        // The length separates "ab" + "c" from "a" + "bc" when several pieces are added.
        mix(tail)
        mix(UInt64(bytes.count))
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

    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 31
    }

    static func of(_ text: Substring) -> UInt64 {
        var hash = ContentHash()
        hash.add(text)
        return hash.value
    }

    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = ContentHash()
        bytes.withUnsafeBytes { hash.add($0) }
        return hash.value
    }
}
