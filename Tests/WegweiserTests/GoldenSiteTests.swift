import Foundation
import Testing

@testable import Wegweiser

/// Whole-pipeline tests: each fixture site is built and compared with its reviewed golden output: `expected/`
/// (the output tree, plus `expected.txt` with the warnings if there are any) or `expected.txt` alone (the exact
/// diagnostics of a build that fails).
@Suite struct GoldenSiteTests {
    @Test(arguments: Fixtures.cases(withExpectedFolder: true))
    func buildsExpectedSite(_ name: String) throws {
        let temp = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("output")
        let result = SiteGenerator.build(Fixtures.options(name, output: output.path))
        #expect(result.status == .success, "\(Fixtures.printed(result, fixture: name))")
        // A site that builds may still have warnings: then they are in expected.txt beside expected/.
        let warningsFile = Fixtures.root.appendingPathComponent(name).appendingPathComponent("expected.txt")
        let printed = Fixtures.printed(result, fixture: name)
        if Fixtures.isRecording, !printed.isEmpty || FileManager.default.fileExists(atPath: warningsFile.path) {
            try printed.write(to: warningsFile, atomically: true, encoding: .utf8)
        }
        let expectedWarnings = (try? String(contentsOf: warningsFile, encoding: .utf8)) ?? ""
        #expect(printed == expectedWarnings)

        let expectedFolder = Fixtures.root.appendingPathComponent(name).appendingPathComponent("expected")
        if Fixtures.isRecording {
            try? FileManager.default.removeItem(at: expectedFolder)
            try FileManager.default.copyItem(at: output, to: expectedFolder)
            return
        }
        let actual = Fixtures.tree(output)
        let expected = Fixtures.tree(expectedFolder)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for path in expected.keys.sorted() {
            guard let actualData = actual[path], let expectedData = expected[path] else { continue }
            #expect(
                String(decoding: actualData, as: UTF8.self) == String(decoding: expectedData, as: UTF8.self), "\(path)")
        }
    }

    @Test(arguments: Fixtures.cases(withExpectedFolder: false))
    func reportsExpectedDiagnostics(_ name: String) throws {
        let temp = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("output")
        let result = SiteGenerator.build(Fixtures.options(name, output: output.path))
        let printed = Fixtures.printed(result, fixture: name)
        let expectedFile = Fixtures.root.appendingPathComponent(name).appendingPathComponent("expected.txt")
        if Fixtures.isRecording {
            try printed.write(to: expectedFile, atomically: true, encoding: .utf8)
            return
        }
        #expect(result.status == .contentErrors)
        #expect(printed == (try String(contentsOf: expectedFile, encoding: .utf8)))
        #expect(!FileManager.default.fileExists(atPath: output.path), "a failed build must not write output")
        #expect(Fixtures.siblings(of: output, prefix: ".output") == [], "no temporary folder may be left behind")
    }
}
