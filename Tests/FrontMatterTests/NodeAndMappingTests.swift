import FrontMatter
import Testing

/// The value types' conveniences.
@Suite struct NodeAndMappingTests {
    private let at = TextPosition(line: 1, column: 1)

    @Test func accessors() {
        let string = Node(value: .string("x"), position: at, text: "x")
        let list = Node(value: .list([string]), position: at)
        let map = Node(value: .map(Mapping(entries: [.init(key: "k", keyPosition: at, value: string)])), position: at)
        #expect(string.stringValue == "x")
        #expect(string.listValue == nil)
        #expect(list.listValue == [string])
        #expect(map.mapValue?["k"] == string)
        #expect(Node(value: .null, position: at).isNull)
        #expect(!string.isNull)
    }

    @Test(arguments: [
        (Node.Value.null, "an empty value"), (.string("x"), "text"), (.integer(1), "a whole number"),
        (.boolean(true), "true or false"), (.list([]), "a list"), (.map(Mapping()), "a map"),
    ])
    func kindDescriptions(value: Node.Value, expected: String) {
        #expect(value.kindDescription == expected)
    }

    @Test func mappingLookupFollowsEditsOfEntries() {
        let one = Node(value: .integer(1), position: at, text: "1")
        let two = Node(value: .integer(2), position: at, text: "2")
        var mapping = Mapping(entries: [.init(key: "a", keyPosition: at, value: one)])
        #expect(mapping["b"] == nil)
        mapping.entries.append(.init(key: "b", keyPosition: at, value: two))
        #expect(mapping["b"] == two)
        mapping.entries[0].key = "c"
        #expect(mapping["a"] == nil)
        #expect(mapping["c"] == one)
        #expect(mapping.keys == ["c", "b"])
        #expect(mapping == Mapping(entries: mapping.entries))
        #expect(mapping != Mapping(entries: Array(mapping.entries.reversed())))
    }
}
