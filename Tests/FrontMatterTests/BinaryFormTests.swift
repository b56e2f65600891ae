import FrontMatter
import Testing

/// The binary form of parsed front matter kept in the build cache: it must give back exactly what the parser gave
/// (values, positions, texts), and anything else must be refused without a crash.
@Suite struct BinaryFormTests {
    /// Front matter with every kind of value, nested maps and lists, texts of other scripts and an offset.
    static let frontMatter = """
        title: "Beratung: \\"Arbeit\\" & Ausbildung"
        plain: Düsseldorf, Erkrather Straße 151
        arabic: مركز الاندماج
        postal_code: 01067
        negative: -42
        big: 9223372036854775807
        yes: true
        no: false
        empty:
        tilde: ~
        null_text: null
        day: 2025-11-13
        start: 2025-11-13T18:00
        zoned: 2025-11-13T18:00:30+01:00
        utc: 2025-11-13 18:00Z
        west: 2025-11-13T18:00-09:30
        month: 2025-09
        location:
          name: Zentrum 1
          city: Düsseldorf
          inner:
            deep: [1, two, ""]
        contacts:
          - name: Frau Ünal
            phone: "+49 211 1234"
          - name: فاطمه
        flow: [a, "b, c", 2025-01-02]
        block: |
          Zwei Zeilen,
          mit	Tab und \\ Rückstrich.
        folded: >
          gefaltet
          hier
        """

    static func parsed(_ text: String = frontMatter, lineOffset: Int = 3) throws -> Mapping {
        try FrontMatterParser.parse(text, lineOffset: lineOffset)
    }

    static func binary(_ mapping: Mapping) -> [UInt8] {
        var bytes: [UInt8] = [0xAA]  // appending keeps what was there
        mapping.appendBinary(to: &bytes)
        #expect(bytes.first == 0xAA)
        return Array(bytes.dropFirst())
    }

    static func decoded(_ bytes: [UInt8]) -> Mapping? {
        bytes.withUnsafeBufferPointer(Mapping.init(binary:))
    }

    @Test func givesBackWhatTheParserGave() throws {
        let mapping = try Self.parsed()
        let back = try #require(Self.decoded(Self.binary(mapping)))
        #expect(back == mapping)
        // Equality of mappings covers values, positions and texts; spot-check what it stands for.
        #expect(back["postal_code"]?.text == "01067")
        #expect(back["postal_code"]?.value == .integer(1067))
        #expect(back["null_text"]?.text == "null")
        #expect(back["empty"]?.text == nil)
        #expect(back["arabic"]?.position == mapping["arabic"]?.position)
        #expect(back.entry(for: "location")?.keyPosition == TextPosition(line: 21, column: 1))
        #expect(back.keys == mapping.keys)
    }

    @Test func largeMapsKeepTheirLookUp() throws {
        let text = (0..<200).map { "key\($0): value \($0)" }.joined(separator: "\n")
        let mapping = try Self.parsed(text, lineOffset: 0)
        let back = try #require(Self.decoded(Self.binary(mapping)))
        #expect(back == mapping)
        #expect(back["key150"]?.stringValue == "value 150")
    }

    @Test func emptyFrontMatter() throws {
        let mapping = try Self.parsed("", lineOffset: 0)
        #expect(Self.decoded(Self.binary(mapping)) == mapping)
    }

    @Test func deepestNestingTheParserAllowsRoundTrips() throws {
        let depth = FrontMatterParser.maximumDepth
        // The deepest block holds a flow list, one level deeper still.
        let text =
            (0..<depth).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " [x, y]"
        let mapping = try Self.parsed(text, lineOffset: 0)
        #expect(Self.decoded(Self.binary(mapping)) == mapping)
    }

    @Test func cutShortOrLengthenedIsRefused() throws {
        let bytes = Self.binary(try Self.parsed())
        for count in 0..<bytes.count {
            #expect(Self.decoded(Array(bytes.prefix(count))) == nil, "cut to \(count) bytes")
        }
        #expect(Self.decoded(bytes + [0]) == nil)
    }

    @Test func changedBytesNeverCrash() throws {
        let bytes = Self.binary(try Self.parsed())
        var refused = 0
        for index in bytes.indices {
            for value: UInt8 in [0x00, 0x7F, 0x80, 0xC3, 0xFF] where bytes[index] != value {
                var changed = bytes
                changed[index] = value
                if Self.decoded(changed) == nil { refused += 1 }
            }
        }
        // Most changes break the structure; a changed letter in a text is still a mapping.
        #expect(refused > bytes.count)
    }

    @Test func textThatIsNotUTF8IsRefused() throws {
        var bytes = Self.binary(try Self.parsed("city: Düsseldorf", lineOffset: 0))
        let lead = try #require(bytes.firstIndex(of: 0xC3))
        bytes[lead + 1] = UInt8(ascii: "x")
        #expect(Self.decoded(bytes) == nil)
    }

    /// Lists in lists far deeper than any front matter: refused, not a stack overflow.
    @Test func absurdNestingIsRefused() {
        // One entry `k` whose value is a list holding a list holding a list …
        let levels = 100_000
        var bytes: [UInt8] = [1, 1, UInt8(ascii: "k"), 2, 2]  // one entry, key "k", key position (1, 1)
        for _ in 0..<levels { bytes += [8, 2, 2, 0, 1] }  // a list at (1, 1), no text, one item
        bytes += [0, 2, 2, 0]  // the innermost item: null
        #expect(Self.decoded(bytes) == nil)
    }
}
