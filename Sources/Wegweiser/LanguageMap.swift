/// A value for each of a page's languages, by language code: what a `[String: Value]` would hold, kept as a short
/// list sorted by code. A site has a handful of languages, and a language code is a short string, compared by its
/// stored bits, so finding one by walking the list costs less than hashing it (which every page did several times
/// per language). Iteration is in the order of the codes.
struct LanguageMap<Value> {
    private(set) var entries: [(key: String, value: Value)] = []

    init() {}

    /// The position of `code` in `entries`, or where it would be inserted (the first entry with a greater code).
    private func position(of code: String) -> (index: Int, found: Bool) {
        for index in entries.indices {
            let key = entries[index].key
            if key == code { return (index, true) }
            if code < key { return (index, false) }
        }
        return (entries.count, false)
    }

    /// The value for `code`; setting nil removes it.
    subscript(code: String) -> Value? {
        get {
            // Only equality, not `position(of:)`: comparing two short codes for equality compares their stored bits,
            // ordering them does not, and reading is what every page does.
            for entry in entries where entry.key == code { return entry.value }
            return nil
        }
        set {
            let (index, found) = position(of: code)
            switch (newValue, found) {
            case (let value?, true): entries[index].value = value
            case (let value?, false): entries.insert((code, value), at: index)
            case (nil, true): entries.remove(at: index)
            case (nil, false): break
            }
        }
    }

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }
    /// The codes, in order.
    var keys: [String] { entries.map(\.key) }
    /// The values, in the order of their codes.
    var values: [Value] { entries.map(\.value) }
}

extension LanguageMap: Sequence {
    func makeIterator() -> IndexingIterator<[(key: String, value: Value)]> {
        entries.makeIterator()
    }

    var underestimatedCount: Int { entries.count }
}

extension LanguageMap: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, Value)...) {
        for (code, value) in elements { self[code] = value }
    }
}

extension LanguageMap: Sendable where Value: Sendable {}
