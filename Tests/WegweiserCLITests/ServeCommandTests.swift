import Foundation
import FoundationNetworking
import Testing

/// `wegweiser serve` as an editor uses it: build, show the site, build again after a save.
@Suite struct ServeCommandTests {
    /// Lines a running process writes to stderr, read as they come.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        private let handle: FileHandle

        init(_ pipe: Pipe) {
            handle = pipe.fileHandleForReading
            handle.readabilityHandler = { [self] handle in
                let data = handle.availableData
                lock.withLock { text += String(decoding: data, as: UTF8.self) }
            }
        }

        /// Stops reading. A handle freed with its handler still set can have its descriptor closed twice, the
        /// second time when the number already belongs to a file another test opened (EBADF there).
        func stop() {
            handle.readabilityHandler = nil
        }

        var all: String { lock.withLock { text } }

        /// Waits up to `seconds` until the text holds `count` lines starting with `prefix`; gives those lines.
        func waitFor(_ prefix: String, count: Int = 1, seconds: Double = 60) -> [String] {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                let found = all.split(separator: "\n").filter { $0.hasPrefix(prefix) }.map(String.init)
                if found.count >= count { return found }
                usleep(20_000)
            }
            return []
        }
    }

    /// The body of `path` from 127.0.0.1:`port`; empty if it cannot be had.
    func get(_ path: String, port: UInt16) -> String {
        let url = URL(string: "http://127.0.0.1:\(port)\(path)")!
        return (try? String(decoding: Data(contentsOf: url), as: UTF8.self)) ?? ""
    }

    @Test func buildsServesAndRebuildsAfterASave() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wegweiser-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = CommandLineTests.fixtures.appendingPathComponent("three-languages")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["content", "templates"] {
            try FileManager.default.copyItem(
                at: fixture.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["serve", "--port", "0", "--now", "2025-11-01"]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let lines = Lines(errors)
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
            lines.stop()
            #expect(process.terminationReason == .uncaughtSignal)
        }
        #expect(lines.waitFor("Built 39 pages in 3 languages in ").count == 1, "\(lines.all)")
        let serving = lines.waitFor("Serving output at http://127.0.0.1:")
        let port = serving.first.flatMap { line in
            UInt16(line.split(separator: ":").last?.split(separator: "/").first ?? "")
        }
        guard let port, port > 0 else {
            Issue.record("no port in \(lines.all)")
            return
        }
        let before = get("/en/guides/arbeit/anerkennung/", port: port)
        #expect(before.contains("<h1>Recognition</h1>"))
        #expect(!before.contains("Bring your certificates"))

        let page = folder.appendingPathComponent("content/en/guides/arbeit/anerkennung.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try (text + "\nBring your certificates.\n").write(to: page, atomically: false, encoding: .utf8)
        let rebuilt = lines.waitFor("Rebuilt ")
        #expect(rebuilt.first?.hasSuffix("(1 rendered, 38 unchanged)") == true, "\(lines.all)")
        #expect(get("/en/guides/arbeit/anerkennung/", port: port).contains("<p>Bring your certificates.</p>"))

        // A broken link is reported, and the page served stays as it was.
        try (text + "\n[Gone](missing.md)\n").write(to: page, atomically: false, encoding: .utf8)
        #expect(lines.waitFor("1 error", seconds: 60).count == 1, "\(lines.all)")
        #expect(lines.all.contains("anerkennung.md:"))
        #expect(get("/en/guides/arbeit/anerkennung/", port: port).contains("<p>Bring your certificates.</p>"))
        #expect(process.isRunning)
    }

    @Test func outputInsideTheContentFolderIsRefused() throws {
        let result = try CommandLineTests().run(
            ["serve", "--output", "content/site"],
            in: CommandLineTests.fixtures.appendingPathComponent("three-languages"))
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("wegweiser: serve needs the output folder outside content"))
    }

    @Test(arguments: ["65536", "-1", "http", ""])
    func portMustBeANumber(port: String) throws {
        let result = try CommandLineTests().run(["serve", "--port", port], in: CommandLineTests.fixtures)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("wegweiser: --port needs a port number from 0 to 65535"))
    }
}
