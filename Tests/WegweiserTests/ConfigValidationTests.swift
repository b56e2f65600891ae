import Foundation
import Testing

@testable import Wegweiser

/// site.yml values that would build a silently wrong site are errors at their position, and nothing is built.
@Suite struct ConfigValidationTests {
    /// Each error of `result` as `file:line:column: message`, with paths relative to the site's root.
    static func errors(_ result: BuildResult, in site: HostileSite) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map {
            "\($0.file.replacingOccurrences(of: site.root.path + "/", with: "")):\($0.position): \($0.message)"
        }
    }

    /// The test site's settings with line 4 reading `timezone: <value>` (the value at column 11).
    static func settings(timezone value: String) -> String {
        HostileSite.siteYML.replacingOccurrences(of: "timezone: Europe/Berlin", with: "timezone: \(value)")
    }

    /// An unknown time zone would move every event by the difference to UTC; it is an error at the value, with the
    /// closest known name when one is close.
    @Test(arguments: [
        ("Europe/Berln", "unknown time zone `Europe/Berln`; did you mean `Europe/Berlin`?"),
        ("\" Europe/Berlin\"", "unknown time zone ` Europe/Berlin`; did you mean `Europe/Berlin`?"),
        ("Mars/Olympus", "unknown time zone `Mars/Olympus`; use an IANA name such as `Europe/Berlin`"),
        ("\"  \"", "unknown time zone `  `; use an IANA name such as `Europe/Berlin`"),
    ])
    func unknownTimeZoneIsAnError(value: String, message: String) {
        let site = HostileSite(content: [
            "site.yml": Self.settings(timezone: value), "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(Self.errors(result, in: site) == ["content/site.yml:4:11: \(message)"])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// Names the system knows stay valid, aliases and `UTC` included; without `timezone` the site is in Berlin.
    @Test(arguments: [("UTC", "GMT"), ("Asia/Kolkata", "Asia/Kolkata"), ("US/Eastern", "US/Eastern")])
    func knownTimeZonesAreAccepted(value: String, identifier: String) throws {
        let site = HostileSite(content: [
            "site.yml": Self.settings(timezone: value), "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        #expect(try site.loadedSite().timeZone.identifier == identifier)
    }

    @Test func absentTimeZoneIsBerlin() throws {
        let site = HostileSite(content: [
            "site.yml": HostileSite.siteYML.replacingOccurrences(of: "timezone: Europe/Berlin\n", with: ""),
            "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        #expect(try site.loadedSite().timeZone.identifier == "Europe/Berlin")
        #expect(site.build().status == .success)
    }

    /// `languages: []` is an error at the key (like `languages:` without a value, at the missing value), not a
    /// failed build without a word.
    @Test(arguments: [
        ("languages: []", "4:1: `languages` needs at least one language, e.g. `- code: de` with `name: Deutsch`"),
        ("languages:", "4:11: `languages` must be a list of languages (`- code: de`)"),
    ])
    func emptyLanguagesIsAnError(line: String, error: String) {
        let site = HostileSite(content: [
            "site.yml": "title: Teststadt\nbase_url: https://example.org/\ntimezone: Europe/Berlin\n\(line)\n"
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(Self.errors(result, in: site) == ["content/site.yml:\(error)"])
    }
}
