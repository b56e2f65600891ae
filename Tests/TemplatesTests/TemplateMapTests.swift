import Testing

@testable import Templates

@Suite struct TemplateMapTests {
    /// A map with keys `k0`…`k(n-1)` and values 0…n-1.
    private func numbered(_ count: Int) -> TemplateMap {
        var map = TemplateMap()
        for index in 0..<count { map["k\(index)"] = .int(index) }
        return map
    }

    @Test func keysKeepTheOrderTheyWereAddedIn() {
        var map: TemplateMap = ["b": 1, "a": 2, "c": 3]
        map["a"] = 20
        map["d"] = 4
        #expect(map.keys == ["b", "a", "c", "d"])
        #expect(map.values == [1, 20, 3, 4])
        #expect(map.map(\.key) == ["b", "a", "c", "d"])
        #expect(map.count == 4)
    }

    @Test func aRepeatedLiteralKeyKeepsItsFirstPlaceAndLastValue() {
        let map: TemplateMap = ["x": 1, "y": 2, "x": 3]
        #expect(map.keys == ["x", "y"])
        #expect(map["x"] == 3)
    }

    @Test func settingNilRemovesTheKey() {
        var map: TemplateMap = ["a": 1, "b": 2, "c": 3]
        map["b"] = nil
        map["zzz"] = nil
        #expect(map.keys == ["a", "c"])
        #expect(map["b"] == nil)
        #expect(map["c"] == 3)
    }

    @Test func aDictionaryBecomesAMapInTheOrderOfItsKeys() {
        let map = TemplateMap(["zeta": 1, "alpha": 2, "mu": 3])
        #expect(map.keys == ["alpha", "mu", "zeta"])
    }

    @Test(arguments: [0, 1, 24, 25, 26, 200])
    func everyKeyIsFoundAtAnySize(count: Int) {
        var map = numbered(count)
        for index in 0..<count { #expect(map["k\(index)"] == .int(index)) }
        #expect(map["k\(count)"] == nil)
        #expect(map["k"] == nil)
        // Replacing and removing keep every other key where it was.
        if count > 1 {
            map["k0"] = nil
            map["k1"] = "one"
            #expect(map["k0"] == nil)
            #expect(map["k1"] == "one")
            for index in 2..<count { #expect(map["k\(index)"] == .int(index)) }
            #expect(map.keys.first == "k1")
        }
    }

    @Test func aCopyThatAddsKeysLeavesTheOriginalAlone() {
        for size in [3, 30] {
            let original = numbered(size)
            var copy = original
            copy["new"] = "added"
            copy["k0"] = "changed"
            copy["k2"] = nil
            #expect(original == numbered(size))
            #expect(original["new"] == nil)
            #expect(original["k2"] == 2)
            #expect(copy["new"] == "added")
            #expect(copy["k0"] == "changed")
            #expect(copy["k2"] == nil)
            #expect(copy.count == size)
        }
    }

    @Test func aMapWithTheKeysOfAnother() {
        for size in [3, 30] {
            let original = numbered(size)
            var fresh = TemplateMap(keysOf: original, allSetTo: .null)
            #expect(fresh.keys == original.keys)
            #expect(fresh.values == Array(repeating: .null, count: size))
            fresh["k1"] = "one"
            fresh["added"] = true
            #expect(fresh["k1"] == "one")
            #expect(fresh["added"] == true)
            #expect(original == numbered(size))
            #expect(original["added"] == nil)
        }
    }

    /// A map made from its keys at once is the map made by adding them one by one, at every size (the larger ones
    /// with an index), and grows like one.
    @Test(arguments: [0, 1, 24, 25, 200])
    func aMapFromItsKeys(count: Int) {
        let keys = (0..<count).map { "k\($0)" }
        var map = TemplateMap(keys: keys, allSetTo: .null)
        var added = TemplateMap()
        for key in keys { added[key] = .null }
        #expect(map.keys == keys)
        #expect(map == added)
        for (position, key) in keys.enumerated() { #expect(map.position(of: key) == position) }
        #expect(map["k\(count)"] == nil)
        map["new"] = 1
        #expect(map.keys == keys + ["new"])
        #expect(map.position(of: "new") == count)
    }

    /// A map with the keys of another and values given in their order finds each value by its key, at every size.
    @Test func aMapWithTheKeysOfAnotherAndItsOwnValues() {
        for size in [3, 30] {
            let shape = TemplateMap(keys: (0..<size).map { "k\($0)" }, allSetTo: .null)
            var map = TemplateMap(keysOf: shape, values: (0..<size).map { .int($0 * 10) })
            var expected = TemplateMap()
            for index in 0..<size { expected["k\(index)"] = .int(index * 10) }
            #expect(map == expected)
            #expect(map.keys == expected.keys)
            map["k1"] = "one"
            map["added"] = true
            #expect(map["k1"] == "one")
            #expect(map["added"] == true)
            #expect(shape.keys == (0..<size).map { "k\($0)" })
            #expect(shape.values == Array(repeating: .null, count: size))
        }
    }

    @Test func mapsWithTheSameEntriesAreEqualInAnyOrder() {
        let ab: TemplateMap = ["a": 1, "b": 2]
        #expect(ab == ["b": 2, "a": 1])
        #expect(ab != ["a": 1, "b": 3])
        #expect(ab != ["a": 1, "c": 2])
        #expect(ab != ["a": 1])
        #expect(ab != ["a": 1, "b": 2, "c": 3])
        #expect(TemplateValue.map(ab) == ["b": 2, "a": 1])
    }

    /// Lookups remember where a key was found; maps of other shapes at the same place in a template still give
    /// their own values.
    @Test func lookupsInMapsOfDifferentShapes() {
        let items: TemplateValue = [
            ["name": "a", "url": "/a/"],
            ["url": "/b/", "name": "b"],
            ["x": 1, "y": 2, "z": 3, "name": "c", "url": "/c/"],
            .map(numbered(40).merging(["name": "d", "url": "/d/"])),
            ["name": "e", "url": "/e/"],
        ]
        let source = "{% for item in items %}{{ item.name }}={{ item.url }};{% endfor %}"
        let expected = "a=/a/;b=/b/;c=/c/;d=/d/;e=/e/;"
        #expect(render(source, context: ["items": items]) == expected)
        // A second render of the same set starts from the positions the first one left.
        let set = try! TemplateSet(sources: ["page.html": source], hostFilters: [])
        for _ in 0..<2 { #expect(try! set.render("page.html", context: ["items": items], filters: [:]) == expected) }
        let missing = render(
            "{% for item in items %}{{ item.url }}{% endfor %}", context: ["items": [["url": "/a/"], ["name": "b"]]])
        #expect(missing.hasPrefix("render error: page.html:1:"))
        #expect(missing.contains("item.url"))
    }
}

extension TemplateMap {
    /// This map with `other`'s entries set on it.
    fileprivate func merging(_ other: TemplateMap) -> TemplateMap {
        var result = self
        for (key, value) in other { result[key] = value }
        return result
    }
}

/// The index of a large map finds every key by its bytes, whatever they are.
@Suite struct KeyIndexTests {
    @Test func keysOfEveryKindAreFoundAndOthersAreNot() {
        let names =
            ["", "a", "b", "ab", "ba", "title", "titlE", "title ", "ü", "u\u{308}", "عنوان", "назва", "😀"]
            + (0..<1_000).map { "key-\($0)-" + String(repeating: "x", count: $0 % 40) }
        var index = KeyIndex([])
        for (position, name) in names.enumerated() {
            index.append(name)
            #expect(index.position(of: name, in: Array(names[...position])) == position)
        }
        for (position, name) in names.enumerated() {
            #expect(index.position(of: name, in: names) == position, "\(name)")
        }
        for absent in ["c", "Title", "key-1000-", "key-5-xxxx", "ü ", "😀😀"] {
            #expect(index.position(of: absent, in: names) == nil, "\(absent)")
        }
        #expect(KeyIndex(names).position(of: "назва", in: names) == 11)
    }
}
