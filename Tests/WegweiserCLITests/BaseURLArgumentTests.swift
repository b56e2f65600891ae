import Foundation
import Testing

/// `--base-url` follows `base_url`'s rule: a query, a fragment or characters outside ASCII are usage errors.
@Suite struct BaseURLArgumentTests {
    let cli = CommandLineTests()
    let site = CommandLineTests.fixtures.appendingPathComponent("three-languages")

    @Test(arguments: [
        "https://example.org/?q=1", "https://example.org/#x", "https://exämple.org/", "https://example.org/ü/",
    ])
    func baseURLThatBreaksAddressesIsAUsageError(url: String) throws {
        let output = cli.temporaryOutput()
        defer {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: cli.cache(of: output))
        }
        let result = try cli.run(["build", "--base-url", url, "--output", output], in: site)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("wegweiser: --base-url `\(url)` "))
        #expect(!FileManager.default.fileExists(atPath: output))
        if url.hasSuffix("?q=1") {
            #expect(
                result.stderr.hasPrefix(
                    "wegweiser: --base-url `https://example.org/?q=1` cannot have a query (`?q=1`): pages' addresses are made by adding their path to its end, which would put it inside the query; write `https://example.org/`\n"
                ))
        }
    }
}
