import Testing

@testable import Wegweiser

@Suite struct URLPathTests {
    @Test(arguments: [
        ("/de/guides/arbeit/", "/de/guides/arbeit/", "./"),
        ("/de/guides/arbeit/", "/de/guides/", "../"),
        ("/de/guides/arbeit/", "/de/guides/sprache/", "../sprache/"),
        ("/de/guides/arbeit/", "/en/guides/arbeit/", "../../../en/guides/arbeit/"),
        ("/de/", "/assets/style.css", "../assets/style.css"),
        ("/", "/de/", "de/"),
        ("/", "/assets/style.css", "assets/style.css"),
        ("/de/events/", "/de/events/fest/", "fest/"),
        // Paths in other scripts are copied byte for byte, and split only at slashes.
        ("/fa/guides/کار/", "/fa/guides/زبان-آلمانی/", "../زبان-آلمانی/"),
        ("/uk/guides/робота/", "/uk/guides/робота/курси/", "курси/"),
        ("/ar/a/b/c/d/e/", "/de/", "../../../../../../de/"),
    ])
    func relativeLinks(from: String, to: String, expected: String) {
        #expect(URLPath.relative(from: from, to: to) == expected)
    }

    /// The byte-wise search for the common folders (eight bytes at a time) agrees with a plain one on whole
    /// segments, for paths that share long prefixes and part anywhere: within a word of eight bytes or after it,
    /// in a segment's middle or at its end, inside a letter of two bytes.
    @Test func relativeLinksAgreeWithSegments() {
        func model(_ from: String, _ to: String) -> String {
            let fromFolders = from.split(separator: "/").map { Array($0.utf8) }
            let toParts = to.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
            let toFolders = toParts.dropLast().map { Array($0.utf8) }
            var common = 0
            while common < fromFolders.count, common < toFolders.count, fromFolders[common] == toFolders[common] {
                common += 1
            }
            let ups = fromFolders.count - common
            let rest = toParts[common...].joined(separator: "/")
            return ups == 0 && rest.isEmpty ? "./" : String(repeating: "../", count: ups) + rest
        }
        let segments = [
            "de", "guides", "topic-138", "topic-13", "page-3278", "abcdefghij", "abcdefghik", "زبانی", "زبانا",
        ]
        var folders = [""]
        for first in segments {
            folders.append("/" + first)
            for second in segments { folders.append("/" + first + "/" + second) }
        }
        let targets = folders.map { $0 + "/" } + folders.dropFirst().map { $0 + "/style.css" }
        var compared = 0
        for from in folders.map({ $0 + "/" }) {
            for to in targets {
                #expect(URLPath.relative(from: from, to: to) == model(from, to), "\(from) → \(to)")
                compared += 1
            }
        }
        #expect(compared == 91 * 181)
    }

    @Test func pageIDsFromPaths() {
        #expect(PageID.of(relativePath: "_index.md") == ("", true))
        #expect(PageID.of(relativePath: "guides/arbeit/_index.md") == ("guides/arbeit", true))
        #expect(PageID.of(relativePath: "events/fest.md") == ("events/fest", false))
        // Only a whole `_index` name stands for its folder; `.md` is dropped only at the end.
        #expect(PageID.of(relativePath: "guides/x_index.md") == ("guides/x_index", false))
        #expect(PageID.of(relativePath: "guides/_index_2.md") == ("guides/_index_2", false))
        #expect(PageID.of(relativePath: "md.md") == ("md", false))
        #expect(PageID.of(relativePath: "a/_index") == ("a", true))
        #expect(PageID.of(relativePath: "a.md/b.md") == ("a.md/b", false))
        #expect(PageID.of(relativePath: ".md") == ("", false))
        #expect(PageID.outputPath("", language: "ar") == "ar/index.html")
        #expect(PageID.outputPath("guides/ربط", language: "de-x-ls") == "de-x-ls/guides/ربط/index.html")
        #expect(PageID.urlPath("", language: "ar") == "/ar/")
        #expect(PageID.urlPath("guides/arbeit", language: "de-x-ls") == "/de-x-ls/guides/arbeit/")
        #expect(PageID.urlPath("guides/ربط-طويل-جدًا-بالعربية", language: "ar") == "/ar/guides/ربط-طويل-جدًا-بالعربية/")
        #expect(PageID.parentPath(of: "guides/arbeit/x") == "guides/arbeit")
        #expect(PageID.parentPath(of: "guides") == "")
        #expect(PageID.parentPath(of: "") == nil)
    }

    @Test(arguments: [
        ("", true, PageKind.home), ("profiles", true, .list), ("profiles", false, .profile),
        ("profiles/ki-duesseldorf", false, .profile), ("events", true, .list), ("events", false, .event),
        ("events/sprachcafe", true, .event), ("guides", true, .guide), ("guides/arbeit/sprachkurs", false, .guide),
        ("kontakt", false, .page), ("profilesx/y", false, .page), ("impressum/events", false, .page),
    ])
    func pageKindsFromIDs(id: String, isIndex: Bool, kind: PageKind) {
        #expect(PageKind.of(id: id, isIndex: isIndex) == kind)
    }

    @Test func linkTargets() {
        #expect(LinkResolver.hasScheme("https://example.org"))
        #expect(LinkResolver.hasScheme("mailto:a@b.de"))
        #expect(LinkResolver.hasScheme("javascript:alert(1)"))
        #expect(!LinkResolver.hasScheme("../arbeit.md"))
        #expect(!LinkResolver.hasScheme("arbeit.md#a:b"))
        #expect(!LinkResolver.hasScheme(":x"))
        #expect(
            LinkResolver.normalize(folder: "guides/arbeit", relative: "../sprache/_index.md")
                == "guides/sprache/_index.md")
        #expect(LinkResolver.normalize(folder: "guides", relative: "./a/../b.md") == "guides/b.md")
        #expect(LinkResolver.normalize(folder: "guides", relative: "../../x.md") == nil)
    }

    /// `joined` gives what a list of parts would: the parts split on the byte `/` only (empty ones, from `//` or a
    /// leading or trailing slash, dropped), `.` dropped, `..` taking away the part before it.
    @Test func joinedPathsAreThoseOfAListOfParts() {
        func reference(_ base: String, _ relative: Substring, leadingSlash: Bool) -> String? {
            var parts = pathParts(base)
            for part in pathParts(String(relative)) {
                switch part {
                case ".": continue
                case "..":
                    guard !parts.isEmpty else { return nil }
                    parts.removeLast()
                default: parts.append(part)
                }
            }
            return (leadingSlash ? "/" : "") + parts.joined(separator: "/")
        }
        let bases = ["", "/", "///", "/de/guides/arbeit/", "guides//x", "fa/راهنما/کار", "a/\u{301}b", "/uk/довідник/"]
        let relatives = [
            "", ".", "..", "./", "../..", "../../..", "./a/../b.md", "x//y/", "../../topic-2/page-1872/", "...",
            ".a", "a..", "a/./../../", "/abs/../x", "../راهنما/./کار/", "\u{301}/../b", "..\u{301}",
        ]
        for base in bases {
            for relative in relatives {
                for leadingSlash in [false, true] {
                    #expect(
                        LinkResolver.joined(base, Substring(relative), leadingSlash: leadingSlash)
                            == reference(base, Substring(relative), leadingSlash: leadingSlash),
                        "\(base) + \(relative)")
                }
            }
        }
        // A substring that starts inside its string.
        let inside = "ar/دليل/عمل/x".dropFirst(3)
        #expect(LinkResolver.joined("ar", inside, leadingSlash: true) == "/ar/دليل/عمل/x")
        #expect(LinkResolver.joined("", "ar/../..".dropFirst(3), leadingSlash: false) == nil)
    }
}

/// The non-empty parts of `path` between the bytes `/`.
func pathParts(_ path: String) -> [String] {
    path.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
}

@Suite struct NamingTests {
    @Test(arguments: [
        ("Übersicht", "uebersicht"),
        ("Mein Termin", "mein-termin"),
        ("café", "cafe"),
        ("straße_2", "strasse_2"),
        ("???", "page"),
    ])
    func suggestedNames(name: String, expected: String) {
        #expect(ContentName.suggestion(for: Substring(name)) == expected)
    }

    @Test func validNames() {
        #expect(ContentName.isValid("ki-duesseldorf_2"))
        #expect(!ContentName.isValid("KI"))
        #expect(!ContentName.isValid("a b"))
        #expect(!ContentName.isValid(""))
    }

    @Test func spellingSuggestions() {
        #expect(Spelling.closest(to: "lcation", among: ["location", "languages", "title"]) == "location")
        #expect(Spelling.closest(to: "sumary", among: ["summary", "title"]) == "summary")
        #expect(Spelling.closest(to: "colour", among: ["title", "start"]) == nil)
    }
}
