extension FrontMatterError {
    /// The error for the same line, naming what a word processor or web page put into it, where that is what made
    /// the line unreadable: a no-break space or another space that is not the space key's (indenting the line, or
    /// after a key's colon), or a list item started with a dash or bullet that is not `-`. The message the parser
    /// gave would describe a space or dash the editor cannot tell from the one they meant. `text` is the document,
    /// `lineOffset` what the parser added to its line numbers.
    func namingTypedCharacters(in text: String, lineOffset: Int) -> FrontMatterError {
        switch reason {
        case .invalidKey, .missingSpaceAfterColon, .valueOnOwnLine, .expectedKeyValue, .unexpectedIndentation,
            .indentedAfterValue, .unexpectedListItem, .topLevelNotMap, .emptyKey:
            break
        default:
            return self
        }
        guard let scalars = Self.scalars(ofLine: position.line - lineOffset, in: text) else { return self }
        var column = 0
        while column < scalars.count, scalars[column] == " " || Self.isTypedSpace(scalars[column]) {
            if scalars[column] != " " {
                return FrontMatterError(
                    position: TextPosition(line: position.line, column: column + 1),
                    reason: .typedCharacter(scalars[column], where: .indentation))
            }
            column += 1
        }
        if column + 1 < scalars.count, Self.listMarkers.contains(scalars[column]), scalars[column + 1] == " " {
            return FrontMatterError(
                position: TextPosition(line: position.line, column: column + 1),
                reason: .typedCharacter(scalars[column], where: .listMarker))
        }
        // `key:` and then a space that is not one.
        while column < scalars.count, scalars[column] != ":" { column += 1 }
        if column + 1 < scalars.count, Self.isTypedSpace(scalars[column + 1]) {
            return FrontMatterError(
                position: TextPosition(line: position.line, column: column + 2),
                reason: .typedCharacter(scalars[column + 1], where: .afterColon))
        }
        return self
    }

    /// The Unicode scalars of 1-based `line` of `text`, whose lines end as the parser's do (`\n`, `\r\n` or a lone
    /// `\r`), without a byte-order mark at the start of the text.
    private static func scalars(ofLine line: Int, in text: String) -> [Unicode.Scalar]? {
        guard line >= 1 else { return nil }
        var current = 1
        var scalars: [Unicode.Scalar] = []
        var afterCR = false
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if offset == 0, scalar == "\u{FEFF}" { continue }
            if afterCR {
                afterCR = false
                if scalar == "\n" { continue }
            }
            if scalar == "\n" || scalar == "\r" {
                if current == line { return scalars }
                current += 1
                afterCR = scalar == "\r"
                continue
            }
            if current == line { scalars.append(scalar) }
        }
        return current == line ? scalars : nil
    }

    /// Spaces that look like the space key's but are not: no-break, fixed-width and ideographic spaces, and the
    /// invisible zero-width space and byte-order mark.
    static func isTypedSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00A0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// Characters that word processors turn a typed `- ` into, or start a pasted list with: en and em dash, minus
    /// sign, bullets and middle dot.
    static let listMarkers: Set<Unicode.Scalar> = [
        "\u{2013}", "\u{2014}", "\u{2212}", "\u{2022}", "\u{2023}", "\u{25E6}", "\u{00B7}",
    ]
}
