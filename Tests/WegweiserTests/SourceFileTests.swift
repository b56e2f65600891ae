import Foundation
import FrontMatter
import Testing

@testable import Wegweiser

/// Bodies are read again when their page is rendered; what is read must be the body that was loaded.
@Suite struct SourceFileTests {
    static func load(_ site: HostileSite, _ path: String) throws -> SourceFile {
        let file = try site.loadedSite().pages.values.flatMap { $0.files.values }.first {
            $0.displayPath.hasSuffix(path)
        }
        return try #require(file)
    }

    static func text(_ bytes: ArraySlice<UInt8>?) -> String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func bodyIsReadAgainAsLoaded() throws {
        let site = HostileSite(content: [
            "de/_index.md": "---\ntitle: Start\n---\n",
            "de/pages/a.md": "---\r\ntitle: Ä\r\n---\r\nText mit ü\r\n",
            "de/pages/b.md": "\u{FEFF}---\ntitle: B\n---\nMit Byte-Order-Mark\n",
        ])
        defer { try? FileManager.default.removeItem(at: site.root) }
        let a = try Self.load(site, "de/pages/a.md")
        #expect(Self.text(a.readBodyBytes()) == "Text mit ü\r\n")
        #expect(a.readBody() == "Text mit ü\r\n")
        let b = try Self.load(site, "de/pages/b.md")
        #expect(Self.text(b.readBodyBytes()) == "Mit Byte-Order-Mark\n")
    }

    @Test func changedOrMissingBodyIsNotUsed() throws {
        let site = HostileSite(content: [
            "de/_index.md": "---\ntitle: Start\n---\n",
            "de/pages/a.md": "---\ntitle: A\n---\nErster Text\n",
        ])
        defer { try? FileManager.default.removeItem(at: site.root) }
        let file = try Self.load(site, "de/pages/a.md")
        // Only the front matter changed: the body is still the one loaded.
        site.write("content/de/pages/a.md", Data("---\ntitle: Anders\nsummary: Neu\n---\nErster Text\n".utf8))
        #expect(Self.text(file.readBodyBytes()) == "Erster Text\n")
        // The body changed (same length, different bytes), or the front matter is no longer closed.
        site.write("content/de/pages/a.md", Data("---\ntitle: A\n---\nErster Test\n".utf8))
        #expect(file.readBodyBytes() == nil)
        site.write("content/de/pages/a.md", Data("---\ntitle: A\nErster Text\n".utf8))
        #expect(file.readBodyBytes() == nil)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/de/pages/a.md"))
        #expect(file.readBodyBytes() == nil)
        #expect(file.readBody() == nil)
    }

    /// The body starts after the closing `---` line, or after a byte order mark when there is no front matter;
    /// an unclosed front matter has no body.
    @Test func bodyOffsets() {
        func offset(_ text: String) -> Int? { Array(text.utf8).withUnsafeBufferPointer(Document.bodyOffset) }
        #expect(offset("---\na: 1\n---\nBody") == 13)
        #expect(offset("Body only") == 0)
        #expect(offset("\u{FEFF}Body") == 3)
        #expect(offset("---\na: 1\n") == nil)
    }

    /// Files are read whole, whatever their size; what is not a regular file, or cannot be opened, gives nil.
    @Test func filesAreReadWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 4095, 4096, 200_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let file = folder.appendingPathComponent("f\(size)")
            try Data(bytes).write(to: file)
            #expect(SourceFolder.readBytes(file.path) == bytes)
        }
        #expect(SourceFolder.readBytes(folder.path) == nil)
        #expect(SourceFolder.readBytes(folder.appendingPathComponent("missing").path) == nil)
        // A file whose size says 0 but that has more (like a file that grows while it is read) is read to its end.
        let status = try #require(SourceFolder.readBytes("/proc/self/status"))
        #expect(status.count > 100)
        #expect(String(decoding: status, as: UTF8.self).contains("Name:"))
    }
}
