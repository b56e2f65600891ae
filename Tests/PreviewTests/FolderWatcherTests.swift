import Foundation
import Testing

@testable import Preview

@Suite struct FolderWatcherTests {
    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/de/guides", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: path + "/.git", withIntermediateDirectories: true)
        return path
    }

    @Test func reportsFilesWrittenInSubfolders() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = try FolderWatcher(roots: [root + "/"])
        try "a".write(toFile: root + "/de/guides/arbeit.md", atomically: false, encoding: .utf8)
        try "b".write(toFile: root + "/site.yml", atomically: true, encoding: .utf8)
        let changes = watcher.next(quiet: 50, timeout: 5000)
        #expect(!changes.everything)
        #expect(changes.paths.contains(root + "/de/guides/arbeit.md"))
        #expect(changes.paths.contains(root + "/site.yml"))
    }

    @Test func newFoldersAreWatchedAndMeanEverything() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = try FolderWatcher(roots: [root])
        try FileManager.default.createDirectory(atPath: root + "/de/events", withIntermediateDirectories: true)
        #expect(watcher.next(quiet: 50, timeout: 5000).everything)
        try "c".write(toFile: root + "/de/events/fest.md", atomically: false, encoding: .utf8)
        let changes = watcher.next(quiet: 50, timeout: 5000)
        #expect(changes == FolderWatcher.Changes(paths: [root + "/de/events/fest.md"]))
    }

    @Test func hiddenFoldersAreNotWatched() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = try FolderWatcher(roots: [root])
        try "d".write(toFile: root + "/.git/index", atomically: false, encoding: .utf8)
        #expect(watcher.next(quiet: 50, timeout: 300) == FolderWatcher.Changes())
    }

    @Test func deletedFilesAreReported() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "a".write(toFile: root + "/de/guides/alt.md", atomically: false, encoding: .utf8)
        let watcher = try FolderWatcher(roots: [root])
        try FileManager.default.removeItem(atPath: root + "/de/guides/alt.md")
        #expect(watcher.next(quiet: 50, timeout: 5000).paths == [root + "/de/guides/alt.md"])
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: PreviewFailure.self) { try FolderWatcher(roots: ["/nonexistent/wegweiser"]) }
    }
}
