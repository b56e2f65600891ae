/// HTML (and XML) escaping for text and quoted attribute values written by the generator itself.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                // Control characters are errors in HTML and XML; an editor never means them.
                if character.unicodeScalars.contains(where: {
                    ($0.value < 0x20 && !"\t\n\r\u{C}".unicodeScalars.contains($0)) || $0.value == 0x7F
                }) {
                    result += "\u{FFFD}"
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }
}
