/// Keys: recognising `key:` at the start of a map entry, and the errors for
/// lines that almost are one.
extension BlockParser {
    /// A key found at the start of a map entry.
    struct Key {
        /// The key, unquoted.
        var key: String
        /// Index of the key's first character (or opening quote).
        var start: Int
        /// Index just past the colon.
        var valueStart: Int
    }

    /// Plain keys are ASCII letters, digits, `-`, `_` and `.` (dots allow flat
    /// UI-string keys such as `events.upcoming`).
    static func isKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": true
        default: false
        }
    }

    /// The key at `index` if the line there is `key:` followed by a blank or the
    /// line's end (blanks before the colon are allowed); nil otherwise. Never throws:
    /// `- http://x` and `- "a"` are not keys.
    func matchKey(_ l: Int, _ index: Int) -> Key? {
        let current = line(l)
        var keyText: String
        var afterKey: Int
        let first = source[index]
        if first == "\"" || first == "'" {
            guard let quoted = try? scanQuoted(l, index) else { return nil }
            keyText = quoted.text
            afterKey = quoted.end
        } else {
            afterKey = index
            while afterKey < current.end, Self.isKeyCharacter(source[afterKey]) { afterKey += 1 }
            guard afterKey > index else { return nil }
            keyText = source.text(index..<afterKey)
        }
        let colon = source.skipBlanks(from: afterKey, in: current)
        guard colon < current.end, source[colon] == ":",
            colon + 1 == current.end || source.isBlank(at: colon + 1)
        else { return nil }
        return Key(key: keyText, start: index, valueStart: colon + 1)
    }

    /// Whether a map entry starts at `index`.
    func startsMapEntry(_ l: Int, _ index: Int) -> Bool {
        matchKey(l, index) != nil
    }

    /// Whether the line at `index` was meant as a map entry though its key is
    /// malformed: plain key characters followed by a colon (`key:value`, but not
    /// `https://…`), or an unquoted `…: ` before any comment.
    func looksLikeMapEntry(_ l: Int, _ index: Int) -> Bool {
        let current = line(l)
        let first = source[index]
        if first == "\"" || first == "'" || first == "[" { return false }
        var end = index
        while end < current.end, Self.isKeyCharacter(source[end]) { end += 1 }
        if end < current.end, source[end] == ":", !(end + 1 < current.end && source[end + 1] == "/") {
            return true
        }
        return mappingColon(l, from: index) != nil
    }

    /// Whether the value at `index` is a plain scalar (not quoted, a flow list,
    /// a block string or an indicator outside the subset).
    func startsPlainScalar(_ l: Int, _ index: Int) -> Bool {
        let first = source[index]
        return BlockParser.canStartPlainScalar(first) && first != "\"" && first != "'" && first != "["
    }

    /// False for the characters that cannot start a plain scalar in the subset:
    /// YAML indicators outside it (`& * ! % @ \` { } ]`) and block-string headers (`| >`).
    static func canStartPlainScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "*", "!", "%", "@", "`", "{", "}", "]", "|", ">": false
        default: true
        }
    }

    /// The first colon followed by a blank or the line's end, before any comment.
    func mappingColon(_ l: Int, from index: Int) -> Int? {
        let current = line(l)
        let limit = source.commentStart(from: index, in: current)
        var colon = index
        while colon < limit {
            if source[colon] == ":", colon + 1 == current.end || source.isBlank(at: colon + 1) { return colon }
            colon += 1
        }
        return nil
    }

    /// Parses the key of a map entry at `index`, or throws the error that best
    /// says why the line is not `key: value`.
    func parseKey(_ l: Int, _ index: Int) throws(FrontMatterError) -> Key {
        if let key = matchKey(l, index) {
            guard !key.key.isEmpty else { throw error(.emptyKey, l, index) }
            return key
        }
        let current = line(l)
        let first = source[index]
        if first == "\"" || first == "'" {
            let quoted = try scanQuoted(l, index)
            let colon = source.skipBlanks(from: quoted.end, in: current)
            if colon < current.end, source[colon] == ":" {
                throw error(.missingSpaceAfterColon(key: quoted.text), l, colon)
            }
            throw error(.expectedKeyValue, l, index)
        }
        let content = source.text(index..<source.trimmedEnd(index, current.end))
        if content == "---" || content == "..." { throw error(.documentMarker, l, index) }

        var keyEnd = index
        while keyEnd < current.end, Self.isKeyCharacter(source[keyEnd]) { keyEnd += 1 }
        if keyEnd < current.end, source[keyEnd] == ":" {
            if keyEnd == index { throw error(.emptyKey, l, index) }
            // The colon is followed by something other than a blank (else matchKey would match).
            if !(keyEnd + 1 < current.end && source[keyEnd + 1] == "/") {
                throw error(.missingSpaceAfterColon(key: source.text(index..<keyEnd)), l, keyEnd)
            }
        }
        if keyEnd == index, !BlockParser.canStartPlainScalar(first), first != "[" {
            throw error(.unsupportedSyntax(Character(first)), l, index)
        }
        if let colon = mappingColon(l, from: index), colon > index {
            let end = source.trimmedEnd(index, colon)
            let bad = (index..<end).first { !Self.isKeyCharacter(source[$0]) } ?? index
            throw error(.invalidKey(source.text(index..<end), character: source.character(at: bad)), l, bad)
        }
        throw error(.expectedKeyValue, l, index)
    }
}
