import FrontMatter

/// The interface texts of the theme (`templates/i18n/<code>.yml`), per language.
struct UIStrings: Sendable {
    /// Flattened keys (`nav.home`) to text, per language code.
    var tables: [String: [String: String]]
    /// The file each language's strings belong in, for messages.
    var paths: [String: String] = [:]
    /// The languages whose file has a syntax error and so gave no strings: a string missing for them is not
    /// reported again at every template that asks for it.
    var unreadable: Set<String> = []

    /// The theme's language used when a string is in none of a reader's languages (a theme for a site in a
    /// language it was not written for still works, in English, until its strings are translated).
    static let lastResort = "en"

    /// For each language given to `resolve(for:)`, every key with the text `lookup` finds along its chain.
    private(set) var resolved: [String: [String: String]] = [:]

    /// The string for `key` in the first language of `chain` that has it, else in `lastResort`.
    func lookup(_ key: String, chain: [String]) -> String? {
        for code in chain {
            if let text = tables[code]?[key] { return text }
        }
        return tables[Self.lastResort]?[key]
    }

    /// `lookup(key, chain: language.chain)`, in one table when the language has been resolved (templates ask for
    /// UI strings a few dozen times per page).
    func lookup(_ key: String, in language: Language) -> String? {
        lookup(key, in: language, resolved: resolvedTable(for: language))
    }

    /// `lookup(_:in:)` with the language's table from `resolvedTable(for:)` already at hand (a filter that looks
    /// up many keys for one page finds the table once).
    func lookup(_ key: String, in language: Language, resolved table: [String: String]?) -> String? {
        if let table { return table[key] }
        return lookup(key, chain: language.chain)
    }

    /// The text of every key for `language` along its chain, if the language has been resolved.
    func resolvedTable(for language: Language) -> [String: String]? {
        resolved[language.code]
    }

    /// Works out, for each of `languages`, the text of every key along its fallback chain.
    mutating func resolve(for languages: [Language]) {
        for language in languages {
            var table = tables[Self.lastResort] ?? [:]
            for code in language.chain.reversed() {
                table.merge(tables[code] ?? [:]) { _, nearer in nearer }
            }
            resolved[language.code] = table
        }
    }

    /// Reads one language's file; nested maps become dotted keys. nil (with the error in `diagnostics`) when the
    /// file cannot be parsed.
    static func parse(text: String, file: String, diagnostics: inout [Diagnostic]) -> [String: String]? {
        let map: Mapping
        do {
            map = try FrontMatterParser.parse(text)
        } catch {
            diagnostics.append(Diagnostic(file: file, position: error.position, message: error.message))
            return nil
        }
        var table: [String: String] = [:]
        flatten(map, prefix: "", into: &table, file: file, diagnostics: &diagnostics)
        return table
    }

    private static func flatten(
        _ map: Mapping, prefix: String, into table: inout [String: String], file: String,
        diagnostics: inout [Diagnostic]
    ) {
        for entry in map.entries {
            let key = prefix + entry.key
            switch entry.value.value {
            case .map(let nested):
                flatten(nested, prefix: key + ".", into: &table, file: file, diagnostics: &diagnostics)
            case .list, .null:
                diagnostics.append(
                    Diagnostic(
                        file: file, position: entry.value.position,
                        message: "the UI string `\(key)` must be text"))
            default:
                if table[key] != nil {
                    diagnostics.append(
                        Diagnostic(
                            file: file, position: entry.keyPosition,
                            message: "the UI string `\(key)` is defined twice in this file; remove one"))
                }
                table[key] = entry.value.text ?? ""
            }
        }
    }
}
