import Foundation

extension Markdown {
    /// The anchor id for a heading text (exposed for tests and for the site's link checks).
    ///
    /// Lowercases (Unicode-aware), keeps letters, combining marks and digits
    /// of every script, turns runs of whitespace and `-` into one `-`, drops
    /// other punctuation and symbols, and trims `-` at both ends. An empty
    /// result becomes `section`. "Gebühren und Kosten" → `gebühren-und-kosten`.
    public static func slug(_ text: String) -> String {
        // Runs for every heading of every page: ASCII, the common case, is
        // handled byte by byte; other scalars take one look at the Unicode
        // tables (their general category).
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                var byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    break
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    byte += 32
                case UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
                    0x0B, 0x0C:
                    pendingDash = !slug.isEmpty
                    continue
                default:
                    continue
                }
                if pendingDash {
                    slug.append(UInt8(ascii: "-"))
                    pendingDash = false
                }
                slug.append(byte)
                continue
            }
            let slugClass = SlugClass(scalar)
            switch slugClass {
            case .dash:
                pendingDash = !slug.isEmpty
            case .dropped:
                break
            case .kept, .uppercase:
                if pendingDash {
                    slug.append(UInt8(ascii: "-"))
                    pendingDash = false
                }
                if slugClass == .uppercase {
                    for lowercased in scalar.properties.lowercaseMapping.unicodeScalars
                    where SlugClass(lowercased) != .dropped {
                        UTF8.encode(lowercased) { slug.append($0) }
                    }
                } else {
                    UTF8.encode(scalar) { slug.append($0) }
                }
            }
        }
        guard !slug.isEmpty else { return "section" }
        // Composed, so that the id has the bytes a link's fragment gets (see `composed`): a heading saved
        // decomposed (as macOS may save "ệ") would otherwise differ from a link typed composed.
        return composed(String(decoding: slug, as: UTF8.self))
    }

    /// `text` composed (Unicode NFC): what heading ids and the fragments of links to them are made into, so that
    /// the two have the same bytes whichever form each was typed in (a browser compares them byte for byte).
    public static func composed(_ text: String) -> String {
        mayChangeInNFC(text) ? text.precomposedStringWithCanonicalMapping : text
    }

    /// Whether composing `text` (NFC) may change it: only text with a combining mark, Hangul jamo, or a character
    /// NFC replaces (Greek with oxia, CJK compatibility ideographs, the nukta letters of Devanagari and Hebrew
    /// presentation forms, which it decomposes) can change. Slugs of most headings in every script have none, and
    /// are spared a trip through Foundation (2 % of a build).
    static func mayChangeInNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where !scalar.isASCII {
            switch scalar.value {
            case 0x0340...0x0344, 0x0374, 0x1100...0x11FF, 0x1F70...0x1FFF, 0x3099...0x309A, 0xF900...0xFAFF,
                0x2F800...0x2FA1F:
                return true
            // Blocks of letters only, which stay as they are (Latin, Greek, Cyrillic, Hebrew and Arabic letters):
            // the letters of most headings are not looked up in the Unicode tables.
            case 0x0080...0x02FF, 0x0370...0x0482, 0x048A...0x052F, 0x05D0...0x05EA, 0x0620...0x064A, 0x0671...0x06D3:
                continue
            default:
                if scalar.properties.isFullCompositionExclusion { return true }
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: return true
                default: continue
                }
            }
        }
        return false
    }
}

/// What a non-ASCII scalar becomes in a slug.
private enum SlugClass: UInt8 {
    /// Letters, marks and digits of any script.
    case kept
    /// A letter or number that lowercases to something else (Ü, Д, Ⅻ).
    case uppercase
    /// Whitespace, which separates words like `-`.
    case dash
    /// Punctuation, symbols, controls.
    case dropped

    /// The classes of U+0080…U+2FFF (Latin, Greek, Cyrillic, Arabic,
    /// Ethiopic, Indic scripts, general punctuation), worked out once: the
    /// standard library's general-category lookup is slow, and a heading in
    /// Arabic or Ukrainian is made of such scalars.
    private static let table: [SlugClass] = (0x80..<0x3000).map { SlugClass(looking: Unicode.Scalar($0)!) }

    init(_ scalar: Unicode.Scalar) {
        self = scalar.value < 0x3000 ? Self.table[Int(scalar.value) - 0x80] : SlugClass(looking: scalar)
    }

    private init(looking scalar: Unicode.Scalar) {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter:
            self = .uppercase
        case .letterNumber:
            self = scalar.properties.changesWhenLowercased ? .uppercase : .kept
        case .lowercaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .otherNumber:
            self = .kept
        case .spaceSeparator, .lineSeparator, .paragraphSeparator:
            self = .dash
        default:
            // U+0085 NEXT LINE is whitespace. Persian writes some words with
            // a zero-width non-joiner inside (می‌خواهم); dropping it would
            // merge two word parts.
            self = scalar == "\u{85}" ? .dash : scalar == "\u{200C}" ? .kept : .dropped
        }
    }
}

/// Hands out heading ids that are unique within one document: the first
/// "kosten" stays `kosten`, the next ones become `kosten-1`, `kosten-2`….
struct HeadingIDRegistry {
    /// The ids handed out or reserved while there are few: a document has
    /// few headings, and a list compared byte for byte, as HTML compares ids,
    /// beats hashing.
    private var used: [String]
    /// Once there are more than `listLimit`, the same by their bytes, and
    /// for each id asked for again, the number to try first next time (all
    /// below it are taken for good): a document with thousands of headings
    /// of the same text took cubic time with the list.
    private var usedBytes: Set<[UInt8]>?
    private var nextNumber: [[UInt8]: Int] = [:]
    private static let listLimit = 32

    /// A registry in which `reserved` are taken from the start: the explicit
    /// `{#id}`s of a document, which keep their ids wherever they are, so a
    /// heading before them with the same text is the one that gets a number.
    init(reserving reserved: [String] = []) {
        used = reserved
    }

    /// Returns `id`, or `id-N` with the smallest N that is still free, and
    /// marks the result as used.
    mutating func claim(_ id: String) -> String {
        if usedBytes == nil, used.count >= Self.listLimit {
            usedBytes = Set(used.map { Array($0.utf8) })
            used = []
        }
        guard usedBytes != nil else {
            var candidate = id
            var number = 0
            while isUsed(candidate) {
                number += 1
                candidate = "\(id)-\(number)"
            }
            used.append(candidate)
            return candidate
        }
        let base = Array(id.utf8)
        if usedBytes!.insert(base).inserted { return id }
        var number = nextNumber[base, default: 1]
        while true {
            let candidate = "\(id)-\(number)"
            number += 1
            if usedBytes!.insert(Array(candidate.utf8)).inserted {
                nextNumber[base] = number
                return candidate
            }
        }
    }

    private func isUsed(_ id: String) -> Bool {
        let count = id.utf8.count
        return used.contains { $0.utf8.count == count && $0.utf8.elementsEqual(id.utf8) }
    }
}
