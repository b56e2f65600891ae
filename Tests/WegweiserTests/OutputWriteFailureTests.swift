import Foundation
import Testing

@testable import Wegweiser

/// A file of the output that cannot be written (a full disk) is an I/O error of the build, reported once on the
/// output folder with how many more files failed, never as a content error of each page. The disk is made full
/// for one file by putting a symbolic link to `/dev/full` where it is written.
@Suite struct OutputWriteFailureTests {
    static let pages = [
        "de/_index.md": "---\ntitle: Start\n---\n",
        "de/pages/a.md": "---\ntitle: A\n---\nText.\n",
    ]

    /// Makes writing `path` (relative to `folder`) fail with ENOSPC.
    static func fill(_ path: String, in folder: URL) {
        let url = folder.appendingPathComponent(path)
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "/dev/full")
    }

    /// The temporary file `OutputWriter.replace` writes a page of `folder` through.
    static func temporary(of page: String) -> String {
        page + ".wegweiser-\(ProcessInfo.processInfo.processIdentifier).tmp"
    }

    /// Builds `site` over an earlier output, making the files at `full` fail once every page is written to the
    /// staging folder; expects the earlier output as it was and no folder left beside it.
    func buildOntoFullDisk(
        _ site: HostileSite, full: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> BuildResult {
        let previous = try site.writePreviousOutput()
        var options = site.options()
        let root = site.root
        // The last progress call comes after the last page is written and before the files made from all pages.
        options.progress = { done, total in
            guard done == total else { return }
            for staging in Fixtures.siblings(of: root.appendingPathComponent("output"), prefix: ".output.building") {
                for path in full { Self.fill(path, in: root.appendingPathComponent(staging)) }
            }
        }
        let result = SiteGenerator.build(options)
        #expect(Fixtures.tree(site.output) == previous, sourceLocation: sourceLocation)
        #expect(Fixtures.siblings(of: site.output, prefix: ".") == [], sourceLocation: sourceLocation)
        return result
    }

    @Test func fullDiskIsOneIOErrorOnTheOutputFolder() throws {
        let site = HostileSite(content: Self.pages)
        defer { site.remove() }
        let result = try buildOntoFullDisk(site, full: ["robots.txt", "sitemap.xml", "404.html"])
        #expect(result.status == .ioError)
        #expect(
            result.diagnostics == [
                Diagnostic(
                    file: site.output.path, line: 1, column: 1,
                    message:
                        "cannot write 404.html: No space left on device; 2 more files could not be written; the output folder was left as it was"
                )
            ])
        // No line of an output file is shown.
        #expect(
            site.printed(result)
                == "output:1:1: error: cannot write 404.html: No space left on device; 2 more files could not be written; the output folder was left as it was\n"
        )
    }

    /// A theme file that cannot be copied into the staging folder (here because a file is in its place) is
    /// reported the same way; one that cannot be read stays an error on it (`RobustnessTests`).
    @Test func themeFileThatCannotBeCopiedIsAFailedWrite() throws {
        var templates = HostileSite.templates
        templates["assets/style.css"] = "body { color: black; }\n"
        let site = HostileSite(content: Self.pages, templates: templates)
        defer { site.remove() }
        let result = try buildOntoFullDisk(site, full: ["assets/style.css"])
        #expect(result.status == .ioError)
        #expect(
            site.printed(result)
                == "output:1:1: error: cannot write assets/style.css: File exists; the output folder was left as it was\n"
        )
    }

    /// Content errors found in the same build are reported with it; the status is still the I/O error.
    @Test func fullDiskWithContentErrorsIsStillAnIOError() throws {
        var pages = Self.pages
        pages["de/pages/a.md"] = "---\ntitle: A\n---\n[B](b.md)\n"
        let site = HostileSite(content: pages)
        defer { site.remove() }
        let result = try buildOntoFullDisk(site, full: ["robots.txt"])
        #expect(result.status == .ioError)
        #expect(
            site.located(result) == [
                "content/de/pages/a.md: `b.md` links to a page that does not exist: no language folder has pages/b.md; check the file name",
                "output: cannot write robots.txt: No space left on device; the output folder was left as it was",
            ])
    }

    /// A rebuild writes changed pages in place: the first that fails stops it, an I/O error; the page's file is
    /// as it was, and the next build writes every page again.
    @Test func rebuildInPlaceStopsAtTheFirstFailedPage() throws {
        let site = HostileSite(content: Self.pages)
        defer { site.remove() }
        #expect(site.build().status == .success)
        let before = site.file("de/pages/a/index.html")
        site.write("content/de/pages/a.md", Data("---\ntitle: A\n---\nOther text.\n".utf8))
        Self.fill(Self.temporary(of: "de/pages/a/index.html"), in: site.output)
        let rebuild = site.build()
        #expect(rebuild.status == .ioError)
        #expect(
            rebuild.diagnostics == [
                Diagnostic(
                    file: site.output.path, line: 1, column: 1,
                    message:
                        "cannot write de/pages/a/index.html: No space left on device; the next build writes every page again"
                )
            ])
        #expect(site.file("de/pages/a/index.html") == before)
        // The temporary file is gone.
        #expect(
            Fixtures.siblings(of: site.output.appendingPathComponent("de/pages/a/index.html"), prefix: "index") == [
                "index.html"
            ])
        let next = site.build()
        #expect(next.status == .success)
        #expect(next.renderedCount == next.pageCount)
        #expect(site.file("de/pages/a/index.html")?.contains("Other text.") == true)
    }

    /// `serve`: a body-only rebuild and writing again what was deleted from the output report a failed write the
    /// same way.
    @Test func sessionReportsFailedWritesOnce() throws {
        let site = HostileSite(content: Self.pages)
        defer { site.remove() }
        let session = BuildSession(options: site.options())
        #expect(session.build().status == .success)
        let page = "de/pages/a/index.html"
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("de/index.html"))
        Self.fill(Self.temporary(of: "de/index.html"), in: site.output)
        let restored = session.restoreDeletedFiles()
        #expect(restored?.status == .ioError)
        #expect(
            restored?.diagnostics == [
                Diagnostic(
                    file: site.output.path, line: 1, column: 1,
                    message:
                        "cannot write de/index.html: No space left on device; deleted files stay missing from the output"
                )
            ])
        #expect(site.file("de/index.html") == nil)

        let path = site.root.appendingPathComponent("content/de/pages/a.md").path
        site.write("content/de/pages/a.md", Data("---\ntitle: A\n---\nOther text.\n".utf8))
        Self.fill(Self.temporary(of: page), in: site.output)
        let rebuild = session.rebuild(changed: [path])
        #expect(session.tookBodiesOnly)
        #expect(rebuild.status == .ioError)
        #expect(
            rebuild.diagnostics == [
                Diagnostic(
                    file: site.output.path, line: 1, column: 1,
                    message:
                        "cannot write de/pages/a/index.html: No space left on device; the next build writes every page again"
                )
            ])
        #expect(site.file(page)?.contains("Other text.") == false)
    }

    /// One diagnostic per reason, each naming the first file by path and counting the others.
    @Test func failuresAreGroupedByReason() {
        let failures = [
            OutputWriter.WriteFailure(path: "b.html", reason: "No space left on device"),
            OutputWriter.WriteFailure(path: "x/index.html", reason: "Not a directory"),
            OutputWriter.WriteFailure(path: "a.html", reason: "No space left on device"),
            OutputWriter.WriteFailure(path: "c.html", reason: "No space left on device"),
        ]
        #expect(
            OutputWriter.diagnostics(for: failures, in: "public", consequence: "it was left as it was").map(\.message)
                == [
                    "cannot write a.html: No space left on device; 2 more files could not be written; it was left as it was",
                    "cannot write x/index.html: Not a directory; it was left as it was",
                ])
    }
}
