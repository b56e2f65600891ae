import FrontMatter
import Testing

/// Byte-wise comparisons of strings: the same UTF-8 bytes, not the same characters.
@Suite struct UTF8BytesTests {
    @Test func equalMeansTheSameBytes() {
        #expect(UTF8Bytes.equal("", ""))
        #expect(UTF8Bytes.equal("01067", "01067"))
        #expect(UTF8Bytes.equal("Düsseldorf – حلب", "Düsseldorf – حلب"))
        #expect(!UTF8Bytes.equal("01067", "1067"))
        #expect(!UTF8Bytes.equal("abc", "abd"))
        // Canonically equivalent (so `==`), but different bytes.
        #expect("é" == "e\u{301}")
        #expect(!UTF8Bytes.equal("é", "e\u{301}"))
        let long = String(repeating: "Sprachkurs ", count: 20)
        #expect(UTF8Bytes.equal(long, String(repeating: "Sprachkurs ", count: 20)))
        #expect(!UTF8Bytes.equal(long, long.dropLast() + "!"))
    }

    @Test func containsFindsAByteAnywhere() {
        #expect(UTF8Bytes.contains(UInt8(ascii: "{"), in: "Hallo {0}!"))
        #expect(UTF8Bytes.contains(UInt8(ascii: "{"), in: "{"))
        #expect(!UTF8Bytes.contains(UInt8(ascii: "{"), in: "Hallo"))
        #expect(!UTF8Bytes.contains(UInt8(ascii: "{"), in: ""))
        #expect(UTF8Bytes.contains(0xD8, in: "مرحبا"))
    }

    @Test func containsTwiceNeedsTwoInARow() {
        let slash = UInt8(ascii: "/")
        #expect(UTF8Bytes.containsTwice(slash, in: "pages//impressum"))
        #expect(UTF8Bytes.containsTwice(slash, in: "//"))
        #expect(!UTF8Bytes.containsTwice(slash, in: "pages/impressum/"))
        #expect(!UTF8Bytes.containsTwice(slash, in: "/"))
        #expect(!UTF8Bytes.containsTwice(slash, in: ""))
    }
}
