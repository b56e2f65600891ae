/// The candidate closest to `name` by edit distance (a swap of two neighbours counts as
/// one edit), if it is close enough to be a likely typo; ties go to the alphabetically first.
func suggestion<S: Sequence<String>>(for name: String, among candidates: S) -> String? {
    let typed = Array(name.unicodeScalars)
    let limit = min(2, max(0, typed.count - 2))
    var best: (distance: Int, candidate: String)?
    for candidate in candidates.sorted() where candidate != name {
        let distance = editDistance(typed, Array(candidate.unicodeScalars))
        guard distance <= limit else { continue }
        if best == nil || distance < best!.distance { best = (distance, candidate) }
    }
    return best?.candidate
}

/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
/// neighbouring characters each cost one.
private func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], beforePrevious[j - 2] + 1)
            }
        }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
}
