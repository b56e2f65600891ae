/// `sitemap.xml`: every real page in every language, with hreflang alternates of its real translations.
///
/// The sitemap protocol allows 50,000 URLs and 50 MB per file. A bigger site gets `sitemap.xml` as a sitemap index
/// that lists `sitemap-1.xml`, `sitemap-2.xml`, … each within both limits.
struct Sitemap {
    var site: Site

    /// URLs per file (the protocol's limit).
    var maxURLs = 50_000
    /// Bytes per file: below the protocol's 50 MB, with room to spare.
    var maxBytes = 45 * 1024 * 1024

    /// The sitemap files: `sitemap.xml` alone, or an index and its parts.
    func files() -> [RenderedFile] {
        let header = Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """.utf8)
        let footer = Array("</urlset>\n".utf8)
        var parts: [[UInt8]] = []
        var current = header
        var count = 0
        var entry: [UInt8] = []
        // The alternates of one page: the same lines in the entry of each of its languages, so made once.
        var links: [UInt8] = []
        let base = site.config.baseURL
        // Each language's hreflang tag, escaped once, by its place in the site's languages.
        let languages = site.config.languages
        let hreflangs = languages.map { $0.hreflang.map(Self.escaped) }
        let xDefaultTag = Array("x-default".utf8)
        // Room for a whole part at once: a big site's part grows to tens of megabytes, which growing by doubling
        // copies again and again (the memory is taken from the system only as it is written).
        current.reserveCapacity(maxBytes)
        // Ends a part: its bytes are moved, not copied.
        func finishPart() {
            current += footer
            parts.append(current)
            current = header
            current.reserveCapacity(maxBytes)
            count = 0
        }
        for id in site.order {
            guard let page = site.pages[id] else { continue }
            // Generated pages exist in every language; content pages where a file is (fallbacks are not advertised).
            let real = languages.indices.filter { page.files.isEmpty || page.files[languages[$0].code] != nil }
            let locations = real.map {
                Self.escaped(base + PageID.urlPath(id, language: languages[$0].code).dropFirst())
            }
            let alternates = real.indices.filter { hreflangs[real[$0]] != nil }
            links.removeAll(keepingCapacity: true)
            if alternates.count > 1 {
                for other in alternates {
                    link(hreflang: hreflangs[real[other]]!, href: locations[other], into: &links)
                }
                if let xDefault = alternates.first(where: { languages[real[$0]].code == site.config.defaultLanguage }) {
                    link(hreflang: xDefaultTag, href: locations[xDefault], into: &links)
                }
            }
            for (index, language) in real.enumerated() {
                entry.removeAll(keepingCapacity: true)
                entry += Self.urlStart
                entry += locations[index]
                entry += Self.locEnd
                // A language without a hreflang tag is not an alternate, and its entry lists none.
                if hreflangs[language] != nil { entry += links }
                entry += Self.urlEnd
                if count == maxURLs || current.count + entry.count + footer.count > maxBytes, count > 0 {
                    finishPart()
                }
                current += entry
                count += 1
            }
        }
        finishPart()
        if parts.count == 1 { return [RenderedFile(path: "sitemap.xml", bytes: parts[0])] }
        var index = Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """.utf8)
        var files: [RenderedFile] = []
        for (number, part) in parts.enumerated() {
            let name = "sitemap-\(number + 1).xml"
            index += "  <sitemap><loc>".utf8
            index += Self.escaped(base + name)
            index += "</loc></sitemap>\n".utf8
            files.append(RenderedFile(path: name, bytes: part))
        }
        index += "</sitemapindex>\n".utf8
        return [RenderedFile(path: "sitemap.xml", bytes: index)] + files
    }

    // The fixed pieces of an entry, as bytes made once (appending an array copies its bytes at once).
    private static let urlStart = Array("  <url>\n    <loc>".utf8)
    private static let locEnd = Array("</loc>\n".utf8)
    private static let urlEnd = Array("  </url>\n".utf8)
    private static let linkStart = Array("    <xhtml:link rel=\"alternate\" hreflang=\"".utf8)
    private static let linkMiddle = Array("\" href=\"".utf8)
    private static let linkEnd = Array("\"/>\n".utf8)

    private func link(hreflang: [UInt8], href: [UInt8], into entry: inout [UInt8]) {
        entry += Self.linkStart
        entry += hreflang
        entry += Self.linkMiddle
        entry += href
        entry += Self.linkEnd
    }

    /// Text escaped for XML character data and attribute values (the HTML escapes are valid XML), as UTF-8.
    static func escaped(_ text: String) -> [UInt8] {
        HTMLText.escapedBytes(text)
    }
}
