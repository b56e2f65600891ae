/// `sitemap.xml`: every real page in every language, with hreflang alternates of its real translations.
struct Sitemap {
    var site: Site

    func xml() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        let base = site.config.baseURL
        for id in site.order {
            guard let page = site.pages[id] else { continue }
            // Generated pages exist in every language; content pages where a file is (fallbacks are not advertised).
            let real = site.config.languages.filter { page.files.isEmpty || page.files[$0.code] != nil }
            let alternates = real.filter { $0.hreflang != nil }
            for language in real {
                out +=
                    "  <url>\n    <loc>\(Self.escape(base + PageID.urlPath(id, language: language.code).dropFirst()))</loc>\n"
                if language.hreflang != nil, alternates.count > 1 {
                    for other in alternates {
                        out +=
                            "    <xhtml:link rel=\"alternate\" hreflang=\"\(Self.escape(other.hreflang!))\" href=\"\(Self.escape(base + PageID.urlPath(id, language: other.code).dropFirst()))\"/>\n"
                    }
                    if let fallback = alternates.first(where: { $0.code == site.config.defaultLanguage }) {
                        out +=
                            "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(Self.escape(base + PageID.urlPath(id, language: fallback.code).dropFirst()))\"/>\n"
                    }
                }
                out += "  </url>\n"
            }
        }
        out += "</urlset>\n"
        return out
    }

    /// Escapes text for XML character data and attribute values (the HTML escapes are valid XML).
    static func escape(_ text: String) -> String {
        HTMLText.escape(text)
    }
}
