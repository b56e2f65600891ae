import Foundation
import Testing

@testable import Wegweiser

/// Golden-file fixtures: `Fixtures/<case>/` holds `content/`, `templates/` and either `expected/` (the output tree)
/// or `expected.txt` (the exact diagnostics of a failing build). `WEGWEISER_RECORD=1` rewrites the expectations.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let isRecording = ProcessInfo.processInfo.environment["WEGWEISER_RECORD"] == "1"
    /// The fixed "now" of every fixture build.
    static let now = Date(timeIntervalSince1970: 1_762_000_000)  // 2025-11-01T12:26:40Z

    static func cases(withExpectedFolder: Bool) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0 != "theme" }
        return names.sorted().filter { name in
            let folder = root.appendingPathComponent(name)
            let hasFolder = FileManager.default.fileExists(atPath: folder.appendingPathComponent("expected").path)
            let hasText = FileManager.default.fileExists(atPath: folder.appendingPathComponent("expected.txt").path)
            return withExpectedFolder ? hasFolder : (hasText && !hasFolder)
        }
    }

    /// Options that build fixture `name` into `output`, with paths relative to the fixture folder (as an editor would type them).
    static func options(_ name: String, output: String) -> BuildOptions {
        var options = BuildOptions(now: now)
        let folder = root.appendingPathComponent(name).path
        options.contentPath = folder + "/content"
        // Most fixtures share one small theme; a fixture with its own templates/ (to test template errors) uses those.
        let own = folder + "/templates"
        options.templatesPath =
            FileManager.default.fileExists(atPath: own) ? own : root.appendingPathComponent("theme").path
        options.outputPath = output
        return options
    }

    /// Diagnostics as the command line prints them, with the fixture's folder removed from paths.
    static func printed(_ result: BuildResult, fixture name: String) -> String {
        let formatter = DiagnosticFormatter(sources: result.sources)
        let prefix = root.appendingPathComponent(name).path + "/"
        return result.diagnostics.map { formatter.format($0) }.joined().replacingOccurrences(of: prefix, with: "")
            .replacingOccurrences(of: root.path + "/", with: "")
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wegweiser-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file below `folder`, relative path → bytes.
    static func tree(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            return result
        }
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path.replacingOccurrences(of: base, with: "")
            result[path] = try? Data(contentsOf: url)
        }
        return result
    }

    /// Entries of `folder`'s parent whose names start with `prefix` (to find leftover temporary folders).
    static func siblings(of folder: URL, prefix: String) -> [String] {
        let parent = folder.deletingLastPathComponent().path
        return ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter { $0.hasPrefix(prefix) }
            .sorted()
    }
}
