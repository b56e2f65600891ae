/// Links between output files, relative so the site works under any sub-path and from a plain file server.
enum URLPath {
    /// A link from the page at `from` (a site path ending in `/`, such as `/de/guides/`) to the site path `to`.
    static func relative(from: String, to: String) -> String {
        // Runs for every link of every page, so it works on bytes: find the longest common folder prefix, climb
        // out of the rest of `from`, then descend into the rest of `to`.
        let slash = UInt8(ascii: "/")
        var from = from
        var to = to
        return from.withUTF8 { a in
            to.withUTF8 { b in
                // The paths agree up to `index`, compared eight bytes at a time (they mostly share their
                // language and section); the common folders end at the last slash before it.
                let limit = min(a.count, b.count)
                var index = 0
                if let baseA = a.baseAddress, let baseB = b.baseAddress {
                    while index + 8 <= limit,
                        UnsafeRawPointer(baseA + index).loadUnaligned(as: UInt64.self)
                            == UnsafeRawPointer(baseB + index).loadUnaligned(as: UInt64.self)
                    {
                        index += 8
                    }
                }
                while index < limit, a[index] == b[index] { index += 1 }
                var common = index
                while common > 0, a[common - 1] != slash { common -= 1 }
                var ups = 0
                for position in common..<a.count where a[position] == slash { ups += 1 }
                if ups == 0, common == b.count { return "./" }
                return StringAssembly.make(capacity: ups * 3 + b.count - common) { result in
                    for _ in 0..<ups {
                        result.append(ascii: UInt8(ascii: "."))
                        result.append(ascii: UInt8(ascii: "."))
                        result.append(ascii: slash)
                    }
                    result.append(UnsafeBufferPointer(rebasing: b[common...]))
                }
            }
        }
    }

    /// `link` (a site path or a link made by ``relative(from:to:)``) with every UTF-8 byte a path may not hold as it
    /// is percent-encoded, so the browser asks for the file of exactly this name.
    ///
    /// Kept as they are: the unreserved `A-Z a-z 0-9 - . _ ~`, the slash, and `! $ & * + , ; = : @`, which a path
    /// may hold and no server reads differently. Encoded: everything else — space, controls, non-ASCII, `"` `<` `>`
    /// `\` `^` `` ` `` `{` `|` `}` `[` `]`, `%` itself (the name is the file's literal name, never already encoded),
    /// `#` and `?` (which would start a fragment or a query), and `'` `(` `)` (which end a CSS `url(…)` or a quoted
    /// string in a style attribute). A relative link whose first segment has a colon gets `./` before it, so it is
    /// not read as a scheme. Text that needs nothing (nearly all) is returned as it is.
    static func percentEncoded(_ link: String) -> String {
        var text = link
        let changed: String? = text.withUTF8 { bytes in
            let firstSlash = bytes.firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
            let looksLikeScheme = bytes[..<firstSlash].contains(UInt8(ascii: ":"))
            guard looksLikeScheme || !bytes.allSatisfy(isPathByte) else { return nil }
            var encoded: [UInt8] = []
            encoded.reserveCapacity(bytes.count + 16)
            if looksLikeScheme { encoded += [UInt8(ascii: "."), UInt8(ascii: "/")] }
            let hexDigits = Array("0123456789ABCDEF".utf8)
            for byte in bytes {
                if isPathByte(byte) {
                    encoded.append(byte)
                } else {
                    encoded += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
                }
            }
            return String(decoding: encoded, as: UTF8.self)
        }
        return changed ?? link
    }

    /// Whether `byte` stands for itself in a link's path (see ``percentEncoded(_:)``).
    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"),
            UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"):
            true
        default:
            false
        }
    }

    /// Calls `body` with the bounds of each non-empty part of `bytes` between slashes, in order: the one scan of a
    /// path's segments that links, page ids and the `site` value's cache key all use.
    static func forEachSegment(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start = 0
        for offset in 0...bytes.count where offset == bytes.count || bytes[offset] == UInt8(ascii: "/") {
            if start < offset { body(start..<offset) }
            start = offset + 1
        }
    }
}
