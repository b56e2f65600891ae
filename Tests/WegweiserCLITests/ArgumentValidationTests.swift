import Foundation
import Testing

/// Command-line values that would build a silently wrong site are usage errors (exit 2) naming the option.
@Suite struct ArgumentValidationTests {
    let cli = CommandLineTests()
    let site = CommandLineTests.fixtures.appendingPathComponent("three-languages")

    /// `--base-url` replaces site.yml's `base_url`, so it follows the same rule (no query or fragment, ASCII);
    /// nothing is built.
    @Test(arguments: [
        ("javascript:alert(1)//", "must be an absolute http(s) URL such as https://integration.example.org/"),
        ("example.org", "must be an absolute http(s) URL such as https://integration.example.org/"),
        ("https://exa mple.org/", "must be an absolute http(s) URL such as https://integration.example.org/"),
        (
            "https://example.org/?q=1",
            "cannot have a query (`?q=1`): pages' addresses are made by adding their path to its end, which would put it inside the query; write `https://example.org/`"
        ),
        (
            "https://example.org/#x",
            "cannot have a fragment (`#x`): pages' addresses are made by adding their path to its end, which would put it inside the fragment; write `https://example.org/`"
        ),
        (
            "https://exämple.org/",
            "must be ASCII, as sitemap.xml and robots.txt take it as written: write the host `exämple.org` in its ASCII form (punycode, `xn--…`)"
        ),
        (
            "https://example.org/ü/",
            "must be ASCII, as sitemap.xml and robots.txt take it as written: write the path percent-encoded (`/%C3%BC/`)"
        ),
    ])
    func badBaseURLIsAUsageError(url: String, problem: String) throws {
        let output = cli.temporaryOutput()
        defer {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: cli.cache(of: output))
        }
        let result = try cli.run(["build", "--base-url", url, "--output", output], in: site)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("wegweiser: --base-url `\(url)` \(problem)\n"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// A day that does not exist is not rolled over into the next month.
    @Test(arguments: ["2026-02-30", "2025-02-29", "2025-04-31", "2026-02-30T10:00:00Z"])
    func impossibleNowIsAUsageError(now: String) throws {
        let result = try cli.run(["check", "--now", now], in: site)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("wegweiser: --now needs a date that exists in the calendar, not `\(now)`\n"))
    }

    /// Every valid form accepted before stays accepted, and so do valid base URLs.
    @Test(arguments: [
        ["--now", "2024-02-29"], ["--now", "2025-11-13T10:00:00Z"], ["--now", "2025-11-13T10:00:00+01:00"],
        ["--now", "2025-11-13T10:00:00"], ["--base-url", "https://staging.example.org/sub"],
    ])
    func validValuesAreAccepted(option: [String]) throws {
        let result = try cli.run(["check"] + option, in: site)
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("Checked 39 pages in 3 languages in "))
    }
}
