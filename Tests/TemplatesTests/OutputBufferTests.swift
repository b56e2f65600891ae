import Testing

@testable import Templates

@Suite struct OutputBufferTests {
    @Test func keepsEveryByteWhenItGrows() {
        let buffer = OutputBuffer(capacity: 0)
        var expected: [UInt8] = []
        for round in 0..<200 {
            let piece = Array("piece \(round) ".utf8)
            piece.withUnsafeBufferPointer { buffer.appendBytes($0) }
            buffer.appendByte(UInt8(ascii: "|"))
            expected += piece + [UInt8(ascii: "|")]
        }
        // An empty piece adds nothing.
        [UInt8]().withUnsafeBufferPointer { buffer.appendBytes($0) }
        #expect(buffer.count == expected.count)
        #expect(Array(buffer.bytes) == expected)
    }

    @Test func aPageLongerThanItsTemplateIsRenderedWhole() throws {
        let set = try TemplateSet(
            sources: ["page.html": "<main>{{ body }}</main>{% for x in items %}[{{ x }}]{% endfor %}"], hostFilters: [])
        let body = String(repeating: "Wörter & Sätze ", count: 2_000)
        let escapedBody = String(repeating: "Wörter &amp; Sätze ", count: 2_000)
        let items = (0..<500).map { TemplateValue.int($0) }
        var output = Array("before:".utf8)
        try set.render(
            "page.html", context: ["body": .string(body), "items": .list(items)], filters: [:], into: &output)
        let expected =
            "before:<main>" + escapedBody + "</main>"
            + (0..<500).map { "[\($0)]" }.joined()
        #expect(String(decoding: output, as: UTF8.self) == expected)
    }
}
