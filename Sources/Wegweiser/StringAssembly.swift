/// Builds a short string from parts straight into its own storage.
///
/// Paths and links are made several hundred times per page; string interpolation or an
/// intermediate byte array costs several times more than copying the bytes once.
struct StringAssembly {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    private init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// A string of at most `capacity` UTF-8 bytes, written by `build` (which must write valid UTF-8: whole
    /// strings and ASCII bytes).
    static func make(capacity: Int, _ build: (inout StringAssembly) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var assembly = StringAssembly(buffer)
            build(&assembly)
            return assembly.count
        }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func append(_ text: Substring) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(count + bytes.count <= buffer.count, "StringAssembly capacity exceeded")
        _ = UnsafeMutableBufferPointer(rebasing: buffer[count...]).initialize(from: bytes)
        count += bytes.count
    }

    mutating func append(ascii byte: UInt8) {
        precondition(count < buffer.count, "StringAssembly capacity exceeded")
        buffer[count] = byte
        count += 1
    }

    /// `value` in decimal, with leading zeros up to `width` digits (`7`, 2 → `07`); a minus sign goes first.
    mutating func append(padded value: Int, width: Int) {
        if value < 0 { append(ascii: UInt8(ascii: "-")) }
        var digitCount = 1
        var rest = value.magnitude / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        for _ in digitCount..<max(width, digitCount) { append(ascii: UInt8(ascii: "0")) }
        precondition(count + digitCount <= buffer.count, "StringAssembly capacity exceeded")
        var magnitude = value.magnitude
        for offset in (0..<digitCount).reversed() {
            buffer[count + offset] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        count += digitCount
    }
}
