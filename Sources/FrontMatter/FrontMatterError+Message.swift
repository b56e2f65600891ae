extension FrontMatterError {
    /// What is wrong and how to fix it, in one English sentence for editors.
    public var message: String {
        switch reason {
        case .tabInIndentation:
            return "tab used for indentation; indent with spaces only"
        case .typedCharacter(let scalar, let place):
            let name = UTF8Validation.namedCodePoint(scalar, unnamed: "a space")
            let looks = scalar == "\u{200B}" || scalar == "\u{FEFF}" ? "cannot be seen" : "looks like a space"
            switch place {
            case .indentation:
                return "this line is indented with \(name), which \(looks); word processors and web pages "
                    + "put it there when text is copied: indent with normal spaces"
            case .afterColon:
                return "the space after the colon is \(name), which \(looks); word processors and web "
                    + "pages put it there when text is copied: type a normal space"
            case .listMarker:
                return "a list item starts with '- ' (a hyphen and a space); this line starts with \(name) instead, "
                    + "as word processors write lists: type '- '"
            }
        case .duplicateKey(let key, let firstLine):
            return "duplicate key '\(Self.visible(key))' (first used on line \(firstLine)); remove one of them"
        case .unsupportedSyntax(let character):
            return Self.unsupportedMessage(character)
        case .unclosedQuote(let quote):
            return "this quoted text has no closing \(quote) on the same line; close it, "
                + "or for text over several lines write 'key: >' and indent the text below"
        case .textAfterQuote:
            return "unexpected text after the closing quote; put the whole value inside the quotes"
        case .hashInPlainValue(let rest):
            return
                "` #` starts a comment, so `\(Self.visible(rest))` would not be part of the value; put the whole value in quotes (\"…\"), or write `# ` with a space after it for a comment"
        case .invalidEscape(let escape):
            return "'\(Self.visible(escape))' is not a valid escape sequence in double quotes; "
                + "write '\\\\' for a backslash, or use single quotes"
        case .controlEscape(let escape, let scalar):
            return "'\(Self.visible(escape))' stands for the control character \(UTF8Validation.codePoint(scalar)), "
                + "which web pages may not contain; remove it"
        case .expectedKeyValue:
            return "expected 'key: value'; text belongs on the same line as its key "
                + "(or below 'key: >' for several lines)"
        case .valueOnOwnLine:
            return "a value must start on the same line as its key; "
                + "for text over several lines write 'key: >' and indent the text below"
        case .missingSpaceAfterColon(let key):
            return "missing space after the colon; write '\(Self.visible(key)): value'"
        case .emptyKey:
            return "missing key before the colon; write 'key: value'"
        case .invalidKey(let key, let character):
            let what = character == " " || character == "\t" ? "a space" : "'\(Self.visible(String(character)))'"
            return "the key '\(Self.visible(key))' contains \(what); keys may use only letters a-z, digits, "
                + "'-', '_' and '.' (if this line is text, put it in quotes)"
        case .topLevelNotMap:
            return "the file must consist of 'key: value' lines, but it starts with a list item; "
                + "put the list below a key"
        case .unexpectedListItem:
            return "a list item cannot appear here; a list goes below a 'key:' that has nothing after it"
        case .listOnKeyLine:
            return "a list cannot start on the same line as its key; put each '- item' on its own line below"
        case .unexpectedIndentation(let found, let expected):
            let verb = expected == 1 ? "is" : "are"
            return "this line is indented \(Self.spaces(found)) where \(expected) \(verb) expected; "
                + "indent the keys of one map and the items of one list exactly alike"
        case .indentedAfterValue(let valueLine):
            return "this line is indented as if it belonged to line \(valueLine), which already has "
                + "its value; for text over several lines write 'key: >' and indent the text below"
        case .unclosedFlowList:
            return "this list has no closing ']' on the same line; close it, or write one '- item' per line"
        case .nestedFlowCollection:
            return "brackets and braces cannot be used inside a '[...]' list; "
                + "put the item in quotes, or write one '- item' per line"
        case .emptyFlowItem:
            return "empty item in the list; remove the extra ',' (or write \"\" for empty text)"
        case .textAfterFlowList:
            return "unexpected text after ']'; only a comment may follow the list"
        case .invalidBlockStringHeader:
            return "only '-' or '+' may follow '|' or '>' on its line; put the text on the lines below, indented"
        case .invalidDate(let text):
            return "'\(text)' is not a valid date; write YYYY-MM-DD, or put it in quotes if it is text"
        case .invalidMonth(let text):
            return "'\(text)' is not a valid month; write YYYY-MM, or put it in quotes if it is text"
        case .invalidDateTime(let text):
            return "'\(text)' is not a valid date and time; write YYYY-MM-DDTHH:MM, optionally with "
                + ":SS and a UTC offset such as +01:00 or Z"
        case .fractionalSeconds(let text):
            return "fractions of a second are not supported in '\(text)'; write whole seconds"
        case .nestingTooDeep(let limit):
            return "nested more than \(limit) levels deep; simplify the structure"
        case .documentMarker:
            return "'---' and '...' lines (YAML document markers) are not supported here; remove the line"
        case .unclosedFrontMatter:
            return "the front matter that starts with '---' is not closed; add a line '---' after it"
        }
    }

    /// The text with control and invisible format characters written as `U+XXXX`,
    /// so that a message never prints them raw to a terminal.
    private static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator:
                result += UTF8Validation.codePoint(scalar)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func spaces(_ count: Int) -> String {
        count == 1 ? "1 space" : "\(count) spaces"
    }

    private static func unsupportedMessage(_ character: Character) -> String {
        let what: String
        switch character {
        case "&": what = "anchors ('&') are not supported"
        case "*": what = "aliases ('*') are not supported"
        case "!": what = "tags ('!') are not supported"
        case "%": what = "directives ('%') are not supported"
        case "{": what = "maps in braces ('{...}') are not supported"
        case "|", ">": what = "block strings ('\(character)') are only allowed after 'key:' or '- '"
        default: what = "a value cannot start with '\(character)'"
        }
        return what + "; if the character is part of the text, put the text in quotes"
    }
}
