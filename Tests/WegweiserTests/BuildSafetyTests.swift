import Foundation
import Testing

@testable import Wegweiser

/// A failed build keeps the previous site; two builds of the same input are identical.
@Suite struct BuildSafetyTests {
    /// Any fixture that builds, and one that fails.
    static let good = "three-languages"
    static let bad = "broken-links"

    /// The files every build writes at the top of its output: a folder with them is one a build may replace.
    static func markAsBuilt(_ output: URL) throws {
        for name in OutputPlace.builtFiles {
            try Data("previous".utf8).write(to: output.appendingPathComponent(name))
        }
    }

    @Test func failedBuildLeavesPreviousOutputUntouched() throws {
        let temp = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("output")
        try FileManager.default.createDirectory(
            at: output.appendingPathComponent("de"), withIntermediateDirectories: true)
        try Data("previous site".utf8).write(to: output.appendingPathComponent("de/index.html"))
        try Data("keep me".utf8).write(to: output.appendingPathComponent("extra.txt"))
        try Self.markAsBuilt(output)
        let before = Fixtures.tree(output)

        let result = SiteGenerator.build(Fixtures.options(Self.bad, output: output.path))

        #expect(result.status == .contentErrors)
        #expect(Fixtures.tree(output) == before)
        #expect(Fixtures.siblings(of: output, prefix: ".output") == [])
    }

    @Test func successfulBuildReplacesOutputWithoutLeftovers() throws {
        let temp = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: output.appendingPathComponent("stale.html"))
        try Self.markAsBuilt(output)

        let result = SiteGenerator.build(Fixtures.options(Self.good, output: output.path))

        #expect(result.status == .success)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stale.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("de/index.html").path))
        // Only the build cache stays beside the output: no staging or old folder.
        #expect(Fixtures.siblings(of: output, prefix: ".output") == [".output.wegweiser-cache"])
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let temp = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let first = temp.appendingPathComponent("first")
        let second = temp.appendingPathComponent("second")
        #expect(SiteGenerator.build(Fixtures.options(Self.good, output: first.path)).status == .success)
        #expect(SiteGenerator.build(Fixtures.options(Self.good, output: second.path)).status == .success)
        let a = Fixtures.tree(first)
        #expect(!a.isEmpty)
        #expect(a == Fixtures.tree(second))
    }
}
