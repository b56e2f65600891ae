extension Markdown {
    /// The anchor id for a heading text (exposed for tests and for the site's link checks).
    ///
    /// Lowercases (Unicode-aware), keeps letters, combining marks and digits
    /// of every script, turns runs of whitespace and `-` into one `-`, drops
    /// other punctuation and symbols, and trims `-` at both ends. An empty
    /// result becomes `section`. "Gebühren und Kosten" → `gebühren-und-kosten`.
    public static func slug(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar == "-" || scalar.properties.isWhitespace {
                pendingDash = !slug.isEmpty
            } else if isKeptInSlug(scalar) {
                if pendingDash {
                    slug.append("-")
                    pendingDash = false
                }
                slug.append(scalar)
            }
        }
        return slug.isEmpty ? "section" : String(slug)
    }

    private static func isKeptInSlug(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            // Persian writes some words with a zero-width non-joiner inside
            // (می‌خواهم); dropping it would merge two word parts.
            return scalar == "\u{200C}"
        }
    }
}

/// Hands out heading ids that are unique within one document: the first
/// "kosten" stays `kosten`, the next ones become `kosten-1`, `kosten-2`….
struct HeadingIDRegistry {
    private var used: Set<String> = []

    /// Returns `id`, or `id-N` with the smallest N that is still free, and
    /// marks the result as used.
    mutating func claim(_ id: String) -> String {
        var candidate = id
        var number = 0
        while used.contains(candidate) {
            number += 1
            candidate = "\(id)-\(number)"
        }
        used.insert(candidate)
        return candidate
    }
}
