import Foundation
import Testing

@testable import Wegweiser

/// A build replaces its whole output folder, so it refuses an output that would take the content, the theme, the
/// working folder, a file or someone else's files with it, and changes nothing then.
@Suite struct OutputPlaceTests {
    /// A copy of a fixture's content and theme in a temporary folder, where `output` may point anywhere.
    struct Project {
        let root = Fixtures.temporaryFolder()
        var content: URL { root.appendingPathComponent("content") }
        var templates: URL { root.appendingPathComponent("templates") }

        init() throws {
            let fixture = Fixtures.options(BuildSafetyTests.good, output: "")
            try FileManager.default.copyItem(atPath: fixture.contentPath, toPath: content.path)
            try FileManager.default.copyItem(atPath: fixture.templatesPath, toPath: templates.path)
        }

        func build(into output: String) -> BuildResult {
            var options = BuildOptions(now: Fixtures.now)
            options.contentPath = content.path
            options.templatesPath = templates.path
            options.outputPath = output
            return SiteGenerator.build(options)
        }
    }

    /// Each kind of output that must not be replaced, its path inside the project folder ("" for the project
    /// folder itself), and words of the message.
    static let refused: [(name: String, path: String, message: String)] = [
        ("the content folder", "content", "is the content folder"),
        ("the theme", "templates", "is the templates folder"),
        ("a folder holding the content", "", "holds the content folder"),
        ("a file of the content", "content/site.yml", "inside the content folder"),
        ("a folder inside the theme", "templates/out", "inside the templates"),
        ("a plain file", "notes.txt", "is a file, not a folder"),
        ("a folder of other files", "documents", "did not write"),
    ]

    @Test(arguments: refused.indices)
    func outputThatWouldTakeOtherFilesIsRefused(_ index: Int) throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        try Data("keep me".utf8).write(to: project.root.appendingPathComponent("notes.txt"))
        let documents = project.root.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try Data("letter".utf8).write(to: documents.appendingPathComponent("letter.txt"))
        let before = Fixtures.tree(project.root)

        let path = Self.refused[index].path
        let result = project.build(
            into: path.isEmpty ? project.root.path : project.root.appendingPathComponent(path).path)

        #expect(result.status == .unusableOutput, "\(Self.refused[index].name)")
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message.contains(Self.refused[index].message) == true)
        #expect(Fixtures.tree(project.root) == before, "nothing is changed")
        #expect(Fixtures.siblings(of: project.content, prefix: ".") == [], "no staging folder is left")
    }

    @Test func emptyPathAndFoldersAroundTheWorkingFolderAreRefused() {
        let working = FileManager.default.currentDirectoryPath
        let parent = URL(fileURLWithPath: working).deletingLastPathComponent().path
        for output in ["", ".", working, parent, "/"] {
            let problem = OutputPlace.problem(
                output: output, content: "/nonexistent/content", templates: "/nonexistent/templates",
                cachePath: "/nonexistent/.cache")
            #expect(problem != nil, "`\(output)`")
        }
    }

    @Test func newEmptyAndEarlierOutputsAreReplaced() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let fresh = project.root.appendingPathComponent("site/output").path
        let empty = project.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)

        #expect(project.build(into: fresh).status == .success)
        // A second build replaces the first one's output (known by its files and by the cache beside it).
        #expect(project.build(into: fresh).status == .success)
        try FileManager.default.removeItem(atPath: BuildCache.path(forOutput: fresh))
        try Data("left over".utf8).write(to: URL(fileURLWithPath: fresh).appendingPathComponent("old.html"))
        #expect(project.build(into: fresh).status == .success)
        #expect(!FileManager.default.fileExists(atPath: fresh + "/old.html"))
        #expect(project.build(into: empty.path).status == .success)
    }

    /// A symbolic link as the output is replaced by the build; what it points to is left alone.
    @Test func linkAsOutputIsReplacedNotItsTarget() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let documents = project.root.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try Data("letter".utf8).write(to: documents.appendingPathComponent("letter.txt"))
        let link = project.root.appendingPathComponent("output").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: documents.path)

        #expect(project.build(into: link).status == .success)
        #expect(Fixtures.tree(documents) == ["letter.txt": Data("letter".utf8)])
        #expect(FileManager.default.fileExists(atPath: link + "/index.html"))
    }

    @Test func reportIsNotWrittenOverTheContentOrTheTheme() {
        let content = "/site/content"
        let templates = "/site/templates"
        #expect(
            OutputPlace.reportProblem(path: "/site/content/site.yml", content: content, templates: templates) != nil)
        #expect(OutputPlace.reportProblem(path: "/site/templates", content: content, templates: templates) != nil)
        #expect(OutputPlace.reportProblem(path: "/site/status.html", content: content, templates: templates) == nil)
        #expect(
            OutputPlace.reportProblem(path: "/site/content-report.html", content: content, templates: templates) == nil)
    }
}
