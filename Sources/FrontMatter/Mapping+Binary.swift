/// A compact binary form of a parsed mapping, for the build cache: reading it back is several times cheaper than
/// parsing the front matter again, and gives the same mapping (values, positions and texts).
///
/// Every node is a kind byte, its position (line and column), for scalars a text marker, and then its payload.
/// Numbers are LEB128 varints, signed ones zigzag-encoded; strings are a length and their UTF-8 bytes. The form is
/// private to one version of Wegweiser (the cache records the version that wrote it).
extension Mapping {
    /// Appends the binary form of this mapping to `bytes`.
    public func appendBinary(to bytes: inout [UInt8]) {
        var writer = BinaryWriter(bytes: [])
        swap(&writer.bytes, &bytes)
        writer.mapping(self)
        swap(&writer.bytes, &bytes)
    }

    /// The mapping `appendBinary` wrote; nil for anything else (bytes cut short or changed, text that is not UTF-8,
    /// nesting deeper than the parser allows, bytes left over).
    public init?(binary bytes: UnsafeBufferPointer<UInt8>) {
        var reader = BinaryReader(bytes: bytes)
        guard let mapping = reader.mapping(depth: 1), reader.offset == bytes.count else { return nil }
        self = mapping
    }
}

private enum Kind: UInt8 {
    case null, string, integer, isTrue, isFalse, date, dateTime, month, list, map
}

/// Whether a scalar's `text` is absent, the same as its string value, or a text of its own (a plain `01067`).
private enum TextMarker: UInt8 {
    case none, sameAsValue, own
}

private struct BinaryWriter {
    var bytes: [UInt8]

    mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func signed(_ value: Int) {
        unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1)))))
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func position(_ position: TextPosition) {
        signed(position.line)
        signed(position.column)
    }

    mutating func date(_ date: LocalDate) {
        signed(date.year)
        signed(date.month)
        signed(date.day)
    }

    mutating func mapping(_ mapping: Mapping) {
        unsigned(UInt64(mapping.entries.count))
        for index in mapping.entries.indices {
            string(mapping.entries[index].key)
            position(mapping.entries[index].keyPosition)
            node(mapping.entries[index].value)
        }
    }

    mutating func node(_ node: Node) {
        let kind: Kind
        switch node.value {
        case .null: kind = .null
        case .string: kind = .string
        case .integer: kind = .integer
        case .boolean(let value): kind = value ? .isTrue : .isFalse
        case .date: kind = .date
        case .dateTime: kind = .dateTime
        case .month: kind = .month
        case .list: kind = .list
        case .map: kind = .map
        }
        bytes.append(kind.rawValue)
        position(node.position)
        switch (node.text, node.value) {
        case (nil, _):
            bytes.append(TextMarker.none.rawValue)
        case (let text?, .string(let value)) where UTF8Bytes.equal(text, value):
            bytes.append(TextMarker.sameAsValue.rawValue)
        case (let text?, _):
            bytes.append(TextMarker.own.rawValue)
            string(text)
        }
        switch node.value {
        case .null, .boolean: break
        case .string(let value): string(value)
        case .integer(let value): signed(value)
        case .date(let value): date(value)
        case .dateTime(let value):
            date(value.date)
            signed(value.time.hour)
            signed(value.time.minute)
            signed(value.time.second)
            if let offset = value.utcOffsetSeconds {
                bytes.append(1)
                signed(offset)
            } else {
                bytes.append(0)
            }
        case .month(let value):
            signed(value.year)
            signed(value.month)
        case .list(let items):
            unsigned(UInt64(items.count))
            for item in items { self.node(item) }
        case .map(let mapping):
            self.mapping(mapping)
        }
    }
}

private struct BinaryReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0
    /// Maps and lists inside each other: the parser allows `FrontMatterParser.maximumDepth` blocks and a flow list
    /// (which holds no other list) inside the deepest; more can only be damage, and would only use up the stack of
    /// the thread reading it.
    static let maximumDepth = FrontMatterParser.maximumDepth + 1

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let byte = byte() {
            guard shift < 64 else { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    mutating func signed() -> Int? {
        guard let raw = unsigned() else { return nil }
        return Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    /// A count of items that each take at least one byte: never more than the bytes left.
    mutating func count() -> Int? {
        guard let value = unsigned(), value <= UInt64(bytes.count - offset) else { return nil }
        return Int(value)
    }

    mutating func string() -> String? {
        guard let length = count() else { return nil }
        defer { offset += length }
        return UTF8Validation.string(UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]))
    }

    mutating func position() -> TextPosition? {
        guard let line = signed(), let column = signed() else { return nil }
        return TextPosition(line: line, column: column)
    }

    mutating func date() -> LocalDate? {
        guard let year = signed(), let month = signed(), let day = signed() else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    mutating func mapping(depth: Int) -> Mapping? {
        guard depth <= Self.maximumDepth, let count = count() else { return nil }
        var entries: [Mapping.Entry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = string(), let keyPosition = position(), let value = node(depth: depth) else {
                return nil
            }
            entries.append(Mapping.Entry(key: key, keyPosition: keyPosition, value: value))
        }
        return Mapping(entries: entries)
    }

    /// A node inside `depth` maps and lists.
    mutating func node(depth: Int) -> Node? {
        guard depth <= Self.maximumDepth, let kind = byte().flatMap(Kind.init(rawValue:)),
            let position = position(), let marker = byte().flatMap(TextMarker.init(rawValue:))
        else { return nil }
        var ownText: String?
        if marker == .own {
            guard let text = string() else { return nil }
            ownText = text
        }
        let value: Node.Value
        switch kind {
        case .null: value = .null
        case .isTrue: value = .boolean(true)
        case .isFalse: value = .boolean(false)
        case .string:
            guard let text = string() else { return nil }
            value = .string(text)
            if marker == .sameAsValue { ownText = text }
        case .integer:
            guard let number = signed() else { return nil }
            value = .integer(number)
        case .date:
            guard let date = date() else { return nil }
            value = .date(date)
        case .dateTime:
            guard let date = date(), let hour = signed(), let minute = signed(), let second = signed(),
                let time = LocalTime(hour: hour, minute: minute, second: second), let hasOffset = byte(),
                hasOffset <= 1
            else { return nil }
            var offset: Int?
            if hasOffset == 1 {
                guard let seconds = signed() else { return nil }
                offset = seconds
            }
            value = .dateTime(DateTimeValue(date: date, time: time, utcOffsetSeconds: offset))
        case .month:
            guard let year = signed(), let month = signed(), let yearMonth = YearMonth(year: year, month: month)
            else { return nil }
            value = .month(yearMonth)
        case .list:
            guard let count = count() else { return nil }
            var items: [Node] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                guard let item = node(depth: depth + 1) else { return nil }
                items.append(item)
            }
            value = .list(items)
        case .map:
            guard let mapping = mapping(depth: depth + 1) else { return nil }
            value = .map(mapping)
        }
        // A text marker that does not fit the kind is not what the writer makes.
        if marker == .sameAsValue, kind != .string { return nil }
        return Node(value: value, position: position, text: ownText)
    }
}
