/// Where rendering and escaping append bytes: a byte array, or a render's `OutputBuffer`.
protocol ByteSink {
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>)
    mutating func appendByte(_ byte: UInt8)
}

extension Array: ByteSink where Element == UInt8 {
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
    mutating func appendByte(_ byte: UInt8) { append(byte) }
}

/// The bytes one render appends, in memory of its own.
///
/// A page appends several hundred pieces of text, most of them a few bytes long. Appending to an array checks
/// that its storage is not shared and goes through the generic copy each time; here an append is a bounds check
/// and a copy. The render hands the bytes to its caller's array once, at the end.
final class OutputBuffer: ByteSink {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The bytes appended so far; valid until the next append.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    @inline(__always)
    func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if capacity - count < bytes.count { grow(toHold: count + bytes.count) }
        (start + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    func appendByte(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        (start + count).initialize(to: byte)
        count += 1
    }

    private func grow(toHold needed: Int) {
        capacity = max(needed, capacity * 2)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.moveInitialize(from: start, count: count)
        start.deallocate()
        start = larger
    }
}
