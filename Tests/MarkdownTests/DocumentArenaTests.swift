import CCmark
import Foundation
import Testing

@testable import Markdown

/// libcmark's memory comes from a per-thread arena (`DocumentArena`); these check that documents rendered that way are the ones libcmark's own allocator gives, and that the arena does not keep what a document used.
@Suite struct DocumentArenaTests {
    /// A body of `paragraphs` paragraphs with emphasis, code, links, lists and a quote, no headings (so no ids are added).
    private func body(paragraphs: Int) -> String {
        var text = ""
        for index in 0..<paragraphs {
            text += "Absatz \(index) mit *Betonung*, `Code` und [einem Link](https://example.org/\(index)).\n\n"
            if index % 7 == 0 { text += "- eins\n- zwei **fett**\n  - drei\n\n> Ein Zitat\n> über zwei Zeilen.\n\n" }
        }
        return text + "[ref]: https://example.org/ref\n\nSiehe [ref].\n"
    }

    /// HTML from libcmark's own allocator, for comparison.
    private func referenceHTML(_ source: String) -> String {
        var source = source
        return source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { text in
                let html = cmark_markdown_to_html(text.baseAddress, text.count, CMARK_OPT_DEFAULT)!
                defer { free(html) }
                return String(cString: html)
            }
        }
    }

    private func html(_ source: String) -> String {
        String(decoding: Markdown.render(source) { _ in nil }.htmlBytes, as: UTF8.self)
    }

    @Test func smallAndGrowingDocumentsRenderAsWithLibcmarksAllocator() {
        // 3 paragraphs fit the first block; 4,000 make the arena grow several times, and past what it keeps.
        for paragraphs in [0, 3, 400, 4_000] {
            let source = body(paragraphs: paragraphs)
            #expect(html(source) == referenceHTML(source), "\(paragraphs) paragraphs")
        }
    }

    @Test func theArenaGivesBackWhatALargeDocumentUsed() {
        // About 1 MB of Markdown needs more than `keptBytes` while it is parsed and rendered.
        let large = body(paragraphs: 12_000)
        #expect(large.utf8.count > 1_000_000)
        _ = html(large)
        #expect(DocumentArena.heldBytes == DocumentArena.initialBytes)
        for _ in 0..<50 { _ = html(body(paragraphs: 20)) }
        #expect(DocumentArena.heldBytes == DocumentArena.initialBytes)
        // A middle-sized document leaves one larger block, which later documents reuse instead of growing.
        _ = html(body(paragraphs: 1_000))
        let kept = DocumentArena.heldBytes
        #expect(kept > DocumentArena.initialBytes && kept <= DocumentArena.keptBytes)
        for _ in 0..<50 { _ = html(body(paragraphs: 1_000)) }
        #expect(DocumentArena.heldBytes == kept)
    }

    @Test func aDocumentRenderedWhileAnotherIsOpenLeavesTheOuterOneIntact() {
        let outer = body(paragraphs: 30)
        let inner = body(paragraphs: 500)
        var innerHTML: [String] = []
        let rendered = Markdown.render(outer) { link in
            if link.destination.hasSuffix("/5") { innerHTML.append(html(inner)) }
            return nil
        }
        #expect(String(decoding: rendered.htmlBytes, as: UTF8.self) == referenceHTML(outer))
        #expect(innerHTML == [referenceHTML(inner)])
        #expect(rendered.links.count == 31)
    }

    @Test func threadsRenderWithTheirOwnArenas() {
        let sources = (0..<16).map { body(paragraphs: 10 + 40 * $0) }
        let expected = sources.map(referenceHTML)
        let runs = sources.count * 4
        let results = UnsafeMutableBufferPointer<String>.allocate(capacity: runs)
        results.initialize(repeating: "")
        defer { results.deallocate() }
        // Each iteration writes only its own slot.
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            slots[run] = html(sources[run % sources.count])
        }
        for run in 0..<runs {
            #expect(results[run] == expected[run % sources.count], "document \(run % sources.count)")
        }
    }
}
