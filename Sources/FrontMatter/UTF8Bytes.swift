#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-wise questions about strings, answered on their contiguous UTF-8 at once; the generic algorithms on
/// `String.UTF8View` step through it one index at a time.
public enum UTF8Bytes {
    /// Whether `left` and `right` have the same UTF-8 bytes (no Unicode equivalence, unlike `==`).
    public static func equal(_ left: String, _ right: String) -> Bool {
        guard left.utf8.count == right.utf8.count else { return false }
        let same = left.utf8.withContiguousStorageIfAvailable { leftBytes in
            right.utf8.withContiguousStorageIfAvailable { rightBytes in
                leftBytes.count == 0 || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0
            }
        }
        return (same ?? nil) ?? left.utf8.elementsEqual(right.utf8)
    }

    /// Whether `text` contains the byte `byte`.
    public static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count > 0 && memchr(bytes.baseAddress!, Int32(byte), bytes.count) != nil
        } ?? text.utf8.contains(byte)
    }

    /// Whether `text` has `byte` twice in a row.
    public static func containsTwice(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count > 1 && (1..<bytes.count).contains { bytes[$0] == byte && bytes[$0 - 1] == byte }
        } ?? zip(text.utf8, text.utf8.dropFirst()).contains { $0 == byte && $1 == byte }
    }
}
