import Testing

@testable import Wegweiser

@Suite struct PageValueTests {
    /// A page's fields live in a shared box; changing a copy must not change the page it was copied from.
    @Test func aChangedCopyLeavesTheOriginalAlone() {
        var original = Page(id: "guides/arbeit", kind: .guide, files: [:], data: [:], sourceLanguage: "de")
        original.children = ["guides/arbeit/a"]
        var copy = original
        copy.children.append("guides/arbeit/b")
        copy.parent = "guides"
        copy.weight = 3
        copy.id = "guides/sprache"
        #expect(original.children == ["guides/arbeit/a"])
        #expect(original.parent == nil)
        #expect(original.weight == nil)
        #expect(original.id == "guides/arbeit")
        #expect(copy.children == ["guides/arbeit/a", "guides/arbeit/b"])
        #expect(copy.parent == "guides")
        #expect(copy.id == "guides/sprache")
        // In a dictionary, a page is changed in place.
        var pages = ["guides/arbeit": original]
        pages["guides/arbeit"]!.parts.append("x")
        #expect(pages["guides/arbeit"]!.parts == ["x"])
        #expect(original.parts == [])
    }
}
