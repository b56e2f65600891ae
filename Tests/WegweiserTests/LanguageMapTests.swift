import Testing

@testable import Wegweiser

@Suite struct LanguageMapTests {
    /// Random insertions, replacements and removals leave the map holding what a dictionary holds, in code order.
    @Test func holdsWhatADictionaryHolds() {
        let codes = ["de", "de-x-ls", "en", "ar", "fa", "uk", "tr", "ru", "ckb", "zz-long-private-use-code", "a", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var map = LanguageMap<Int>()
            var dictionary: [String: Int] = [:]
            for step in 0..<40 {
                let code = codes.randomElement(using: &generator)!
                let value: Int? = Bool.random(using: &generator) || step % 7 == 0 ? nil : step
                map[code] = value
                dictionary[code] = value
                #expect(map.keys == dictionary.keys.sorted())
                #expect(map.values == dictionary.sorted { $0.key < $1.key }.map(\.value))
                #expect(map.count == dictionary.count)
                #expect(map.isEmpty == dictionary.isEmpty)
                for probe in codes { #expect(map[probe] == dictionary[probe]) }
            }
        }
    }

    @Test func iteratesInCodeOrder() {
        let map: LanguageMap<String> = ["uk": "Україна", "ar": "عربي", "de": "Deutsch"]
        #expect(map.map(\.key) == ["ar", "de", "uk"])
        #expect(map.map(\.value) == ["عربي", "Deutsch", "Україна"])
    }
}
