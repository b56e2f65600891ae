/// Links between output files, relative so the site works under any sub-path and from a plain file server.
enum URLPath {
    /// A link from the page at `from` (a site path ending in `/`, such as `/de/guides/`) to the site path `to`.
    static func relative(from: String, to: String) -> String {
        let fromSegments = from.split(separator: "/", omittingEmptySubsequences: true)
        var toSegments = to.split(separator: "/", omittingEmptySubsequences: true)
        let toIsFolder = to.hasSuffix("/")
        var common = 0
        let limit = toIsFolder ? toSegments.count : toSegments.count - 1
        while common < fromSegments.count, common < limit, fromSegments[common] == toSegments[common] {
            common += 1
        }
        var result = String(repeating: "../", count: fromSegments.count - common)
        toSegments.removeFirst(common)
        result += toSegments.joined(separator: "/")
        if toIsFolder, !toSegments.isEmpty { result += "/" }
        return result.isEmpty ? "./" : result
    }
}
