import Foundation
import Testing

@testable import Wegweiser

/// Images, documents and recordings beside the pages are published as they are, and links to them by name are
/// rewritten to where they are: the reader's language's own file, else the one of a language along its fallbacks.
@Suite struct AttachmentTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    private func add(_ site: Workspace, _ path: String, _ bytes: [UInt8]) throws {
        let url = site.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    private func read(_ site: Workspace, _ path: String) throws -> String {
        try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
    }

    /// The bug: `![Plan](plan.png)` beside the page was "a link to a page that does not exist", and the image
    /// was not copied; there was no place in content/ for an image or a PDF at all.
    @Test func filesBesidePagesArePublishedAndLinked() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF]
        try add(site, "content/de/guides/arbeit/plan.png", png)
        try add(site, "content/de/formulare/antrag.pdf", Array("%PDF-1.4 de".utf8))
        try add(site, "content/en/formulare/antrag.pdf", Array("%PDF-1.4 en".utf8))
        try site.edit("content/de/guides/arbeit/sprachkurs.md") {
            $0 + "\n![Lageplan des Kurshauses](plan.png)\n\n[Antrag (PDF)](../../formulare/antrag.pdf#page=2)\n"
        }
        let result = site.build()
        #expect(result.status == .success)
        #expect(result.diagnostics.filter { $0.severity == .error } == [])
        #expect(Fixtures.tree(site.output)["de/guides/arbeit/plan.png"] == Data(png))
        #expect(Fixtures.tree(site.output)["en/formulare/antrag.pdf"] == Data("%PDF-1.4 en".utf8))
        // The German page, and its fallbacks for English and Arabic readers: the English reader gets the English
        // form; there is no English or Arabic plan, and no Arabic form.
        let german = try read(site, "de/guides/arbeit/sprachkurs/index.html")
        #expect(german.contains("<img src=\"../plan.png\" alt=\"Lageplan des Kurshauses\" />"))
        #expect(german.contains("<a href=\"../../../formulare/antrag.pdf#page=2\">Antrag (PDF)</a>"))
        let english = try read(site, "en/guides/arbeit/sprachkurs/index.html")
        #expect(english.contains("<img src=\"../../../../de/guides/arbeit/plan.png\""))
        #expect(english.contains("<a href=\"../../../formulare/antrag.pdf#page=2\">"))
        let arabic = try read(site, "ar/guides/arbeit/sprachkurs/index.html")
        #expect(arabic.contains("<a href=\"../../../../de/formulare/antrag.pdf#page=2\">"))
    }

    /// A file's name becomes its URL, as a page's does; SVG and kinds that are not published are named, and
    /// editors' notes (`_…`) and backups stay unread without a word.
    @Test func namesAndKindsAreChecked() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        for name in [
            "Foto Kurs.JPG", "logo.svg", "notizen.txt", "_notizen.txt", "sprachkurs.md~", "#sprachkurs.md#",
            "~$antrag.docx",
        ] {
            try add(site, "content/de/guides/arbeit/" + name, [0x78])
        }
        let result = site.build()
        let folder = site.content.path + "/de/guides/arbeit/"
        #expect(
            result.diagnostics.map { "\($0.file.dropFirst(folder.count)) \($0.severity): \($0.message)" } == [
                "Foto Kurs.JPG error: file names become URLs and may only hold lowercase letters a–z, digits, `-` and `_`; rename it to `foto-kurs.jpg`",
                "logo.svg warning: the file is not published: an SVG file can carry scripts that would run on the site; save it as PNG (or WebP) and link to that",
                "notizen.txt warning: the file is not published: beside pages, only images (PNG, JPEG, GIF, WebP, AVIF), documents (PDF, ODF, RTF, Word, Excel, PowerPoint) and recordings (MP3, M4A, Ogg, MP4, WebM) are; start its name with `_` to keep it here without this warning",
            ])
        #expect(result.status == .contentErrors)
        // A published kind of file is not read to show a line of it (it may be a video of gigabytes).
        #expect(result.sources[folder + "Foto Kurs.JPG"] == nil)
        #expect(result.sources[folder + "logo.svg"] == "x")
    }

    /// An image as a camera saves it is loaded whole on a phone: one over 500 KB is a warning with its size and
    /// what to do; a document of any size is downloaded only by those who ask for it.
    @Test func largeImagesAreWarnings() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        // Images by their first bytes (a JPEG's start, a PNG's signature), padded to their sizes.
        let jpegStart: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02]
        let pngStart: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        try add(site, "content/de/guides/arbeit/foto.jpg", jpegStart + [UInt8](repeating: 0, count: 3_300_000 - 6))
        try add(site, "content/de/guides/arbeit/klein.png", pngStart + [UInt8](repeating: 0x89, count: 500 * 1024 - 8))
        try add(site, "content/de/guides/arbeit/bericht.pdf", [UInt8](repeating: 0x25, count: 3_300_000))
        let result = site.build()
        #expect(result.status == .success)
        #expect(
            result.diagnostics.map { "\($0.file.split(separator: "/").last!) \($0.severity): \($0.message)" } == [
                "foto.jpg warning: the image is 3.1 MB: readers on phones load all of it over mobile data; save it smaller (at most 1,200 pixels wide, as JPEG or WebP) to make it 100–300 KB"
            ])
    }

    /// The bug: images had no `width` and `height`, so on a phone the text below an image jumped down when it had
    /// loaded, often under the reader's finger. An image beside the pages gets the size read from its header, in
    /// every language that shows it; a file that is no image whatever its name says is a warning.
    @Test func imagesBesidePagesHaveTheirSize() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let png: [UInt8] =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            + [0, 0, 0x04, 0xB0, 0, 0, 0x03, 0x20, 8, 2, 0, 0, 0]
        try add(site, "content/de/guides/arbeit/plan.png", png)
        try add(site, "content/de/guides/arbeit/karte.png", Array("<html><body>Karte</body></html>".utf8))
        try site.edit("content/de/guides/arbeit/sprachkurs.md") {
            $0 + "\n![Lageplan](plan.png) ![Karte](karte.png) ![Logo](https://example.org/logo.png)\n"
        }
        let result = site.build()
        #expect(result.status == .success)
        #expect(
            result.diagnostics.map { "\($0.file.split(separator: "/").last!):\($0.position.line) \($0.message)" } == [
                "karte.png:1 the file is not a PNG, JPEG, GIF, WebP or AVIF image, though its name says so: pages show a broken image in its place; save it again as an image"
            ])
        let images =
            "<img src=\"../plan.png\" width=\"1200\" height=\"800\" alt=\"Lageplan\" />"
            + " <img src=\"../karte.png\" alt=\"Karte\" /> <img src=\"https://example.org/logo.png\" alt=\"Logo\" />"
        #expect(try read(site, "de/guides/arbeit/sprachkurs/index.html").contains(images))
        // The English reader sees the German page, and the German image from there.
        #expect(
            try read(site, "en/guides/arbeit/sprachkurs/index.html").contains(
                "<img src=\"../../../../de/guides/arbeit/plan.png\" width=\"1200\" height=\"800\" alt=\"Lageplan\" />"))
    }

    /// A link to a document whose text does not say what kind of file it downloads is a warning with the kind and
    /// size, once, for the file's own language; a text that names it (PDF, Word, Excel) is enough.
    @Test func downloadsSayWhatTheyAre() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try add(site, "content/de/formulare/antrag.pdf", [UInt8](repeating: 0x25, count: 245_000))
        try add(site, "content/de/formulare/liste.xlsx", [UInt8](repeating: 0x50, count: 1_300_000))
        try site.edit("content/de/guides/arbeit/sprachkurs.md") {
            $0 + "\n[Antrag](../../formulare/antrag.pdf) und [Liste](../../formulare/liste.xlsx)\n\n"
                + "[Antrag als PDF](../../formulare/antrag.pdf), [Liste (Excel, 1,3 MB)](../../formulare/liste.xlsx)\n"
        }
        let result = site.build()
        #expect(result.status == .success)
        #expect(
            result.diagnostics.map { "\($0.position) \($0.severity): \($0.message)" } == [
                "10:1 warning: the link text does not say that the link downloads a file (PDF, 239 KB); say it, e.g. [Antrag (PDF, 239 KB)](../../formulare/antrag.pdf)",
                "10:42 warning: the link text does not say that the link downloads a file (XLSX, 1.2 MB); say it, e.g. [Liste (XLSX, 1.2 MB)](../../formulare/liste.xlsx)",
            ])
    }

    /// A link to a file that is not there names the path it looked for, relative to the page file's folder.
    @Test func missingFileIsReportedAtTheLink() throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.edit("content/de/guides/arbeit/sprachkurs.md") {
            $0 + "\n[Flyer](flyer.pdf) und [Karte](/de/karte.png)\n"
        }
        let result = site.build()
        #expect(
            result.diagnostics.filter { $0.severity == .error }.map {
                "\($0.position.line):\($0.position.column) \($0.message)"
            } == [
                "10:1 `flyer.pdf` links to a file that is not there: no language folder has guides/arbeit/flyer.pdf; put the file beside the page or check its name",
                "10:24 `/de/karte.png` links to /de/karte.png, but the content folder has no such file; link to it by its name beside the page, e.g. `plan.png`",
            ])
    }

    /// Which files exist decides where links go: adding, changing or removing one rebuilds as a clean build
    /// would, and a file deleted from the output is copied again.
    @Test(arguments: ["translation added", "changed", "translation removed", "deleted from the output"])
    func rebuildAfterAFileChangedEqualsCleanBuild(change: String) throws {
        let site = try Workspace()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.edit("content/de/guides/arbeit/sprachkurs.md") { $0 + "\n![Lageplan](plan.png)\n" }
        try add(site, "content/de/guides/arbeit/plan.png", [1, 2, 3])
        if change == "translation removed" { try add(site, "content/en/guides/arbeit/plan.png", [8]) }
        try site.expectRebuildEqualsCleanBuild {
            switch change {
            case "translation added": try add(site, "content/en/guides/arbeit/plan.png", [8])
            case "changed": try add(site, "content/de/guides/arbeit/plan.png", [4, 5, 6, 7])
            case "translation removed": try site.remove("content/en/guides/arbeit/plan.png")
            default: try site.remove("output/de/guides/arbeit/plan.png")
            }
        }
        let english = try read(site, "en/guides/arbeit/sprachkurs/index.html")
        let own = change == "translation added"
        #expect(
            english.contains(own ? "<img src=\"../plan.png\"" : "<img src=\"../../../../de/guides/arbeit/plan.png\""))
    }
}
