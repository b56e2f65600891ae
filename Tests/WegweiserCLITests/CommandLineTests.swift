import Foundation
import Testing

/// Runs the real `wegweiser` binary, as an editor or CI would, and checks exit codes and printed diagnostics.
@Suite struct CommandLineTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("WegweiserTests/Fixtures")

    /// The binary sits beside the test bundle in the build folder.
    static var binary: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("wegweiser")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "wegweiser")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["GITHUB_ACTIONS"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    func temporaryOutput() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wegweiser-cli-\(UUID().uuidString)").path
    }

    @Test func successfulBuildExitsZeroAndSummarises() throws {
        let output = temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        defer { try? FileManager.default.removeItem(atPath: cache(of: output)) }
        let result = try run(
            ["build", "--now", "2025-11-01", "--output", output],
            in: Self.fixtures.appendingPathComponent("three-languages"))
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("Built 39 pages in 3 languages in "))
        #expect(FileManager.default.fileExists(atPath: output + "/ar/index.html"))
    }

    /// The cache `build` keeps beside an output folder.
    func cache(of output: String) -> String {
        let url = URL(fileURLWithPath: output)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).wegweiser-cache").path
    }

    @Test func rebuildSaysHowManyPagesWereRendered() throws {
        let output = temporaryOutput()
        defer {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: cache(of: output))
        }
        let folder = Self.fixtures.appendingPathComponent("three-languages")
        let arguments = ["build", "--now", "2025-11-01", "--output", output]
        #expect(try run(arguments, in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: cache(of: output)))
        let again = try run(arguments, in: folder)
        #expect(again.status == 0)
        #expect(again.stderr.hasPrefix("Built 39 pages in 3 languages in "))
        #expect(again.stderr.hasSuffix(" s (0 rendered, 39 unchanged)\n"))
    }

    @Test func oneJobBuildsTheSameSite() throws {
        let parallel = temporaryOutput()
        let serial = temporaryOutput()
        defer {
            for output in [parallel, serial] {
                try? FileManager.default.removeItem(atPath: output)
                try? FileManager.default.removeItem(atPath: cache(of: output))
            }
        }
        let folder = Self.fixtures.appendingPathComponent("three-languages")
        #expect(try run(["build", "--now", "2025-11-01", "--output", parallel], in: folder).status == 0)
        #expect(try run(["build", "--now", "2025-11-01", "--jobs", "1", "--output", serial], in: folder).status == 0)
        let files = try FileManager.default.subpathsOfDirectory(atPath: parallel).sorted()
        #expect(!files.isEmpty)
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: serial)).sorted())
        for file in files {
            #expect(
                FileManager.default.contents(atPath: parallel + "/" + file)
                    == FileManager.default.contents(atPath: serial + "/" + file))
        }
    }

    @Test(arguments: ["0", "-1", "many"]) func badJobCountIsAUsageError(jobs: String) throws {
        let result = try run(["build", "--jobs", jobs], in: Self.fixtures.appendingPathComponent("three-languages"))
        #expect(result.status == 2)
        #expect(result.stderr.contains("--jobs needs a number of threads from 1 to 1024, not `\(jobs)`"))
    }

    @Test func contentErrorsExitOneWithTheGoldenDiagnostics() throws {
        let output = temporaryOutput()
        let folder = Self.fixtures.appendingPathComponent("broken-links")
        let result = try run(
            ["build", "--now", "2025-11-01", "--output", output, "--templates", "../theme"], in: folder)
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        #expect(result.status == 1)
        #expect(result.stderr == expected + "9 errors, 0 warnings in 3 files; nothing was written\n")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func githubAnnotationsGoToStandardOutput() throws {
        let result = try run(
            ["check", "--now", "2025-11-01"], in: Self.fixtures.appendingPathComponent("template-render-error"),
            environment: ["GITHUB_ACTIONS": "true"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("::error file=templates/home.html,line=3,col=23::the UI string `nav.missing`"))
    }

    @Test(arguments: [["build", "--frobnicate"], ["publish"], ["build", "--now", "tomorrow"], ["build", "--output"]])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let result = try run(arguments, in: Self.fixtures)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("wegweiser: "))
    }

    @Test func missingContentFolderExitsThree() throws {
        let result = try run(["build", "--content", "no-such-folder"], in: Self.fixtures)
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("no-such-folder:1:1: error: the content folder does not exist"))
    }

    @Test func checkWritesNothing() throws {
        let output = temporaryOutput()
        let result = try run(
            ["check", "--now", "2025-11-01", "--output", output],
            in: Self.fixtures.appendingPathComponent("three-languages"))
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func failedCheckWritesNothing() throws {
        let output = temporaryOutput()
        let result = try run(
            ["check", "--now", "2025-11-01", "--output", output, "--templates", "../theme"],
            in: Self.fixtures.appendingPathComponent("broken-links"))
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
        let parent = URL(fileURLWithPath: output).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: output).lastPathComponent
        let strays = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix(".\(name).") }
        #expect(strays == [])
    }

    @Test func helpAndVersion() throws {
        #expect(try run(["--help"], in: Self.fixtures).stdout.hasPrefix("usage: wegweiser build"))
        #expect(try run(["--version"], in: Self.fixtures).stdout == "wegweiser 0.1.0\n")
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        // A site whose only problem is a link text that says nothing: a warning.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wegweiser-strict-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("content/de"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent("theme"),
            to: folder.appendingPathComponent("templates"))
        try "title: T\nbase_url: https://example.org/\nlanguages:\n  - code: de\n    name: Deutsch\n"
            .write(to: folder.appendingPathComponent("content/site.yml"), atomically: true, encoding: .utf8)
        try "---\ntitle: Start\n---\nMehr [hier](https://example.org/).\n"
            .write(to: folder.appendingPathComponent("content/de/_index.md"), atomically: true, encoding: .utf8)

        let lenient = try run(["check", "--now", "2025-11-01"], in: folder)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.hasSuffix("(1 warning)\n"))
        let strict = try run(["check", "--strict", "--now", "2025-11-01"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.stderr.hasSuffix("0 errors, 1 warning in 1 file; nothing was written\n"))
    }

    @Test func diagnosticsAsJSONOnStandardOutput() throws {
        let result = try run(
            ["check", "--format", "json", "--now", "2025-11-01"],
            in: Self.fixtures.appendingPathComponent("template-render-error"))
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                [
                  {"file":"templates/home.html","line":3,"column":23,"severity":"error","message":"the UI string `nav.missing` is in no templates/i18n file; add it to templates/i18n/de.yml and translate it"},
                  {"file":"templates/page.html","line":3,"column":7,"severity":"error","message":"unknown variable `page.colour`"}
                ]

                """)
    }
}
