import Foundation
import Testing

@testable import Wegweiser

/// A control character written as an escape in double quotes is an error at its backslash in the file it is in, as
/// it is typed: it would become U+FFFD on the page (C0) or be written raw into it (C1).
@Suite struct EscapedControlTests {
    @Test func escapedControlInAPageIsAnError() {
        let site = HostileSite(content: [
            "de/_index.md": "---\ntitle: Start\n---\n",
            "de/guides/c.md": "---\ntitle: \"A\\u0007B\\u009bC\"\n---\nText\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            result.diagnostics.map {
                "\(site.location($0)): "
                    + "\($0.severity.rawValue): \($0.message)"
            } == [
                "content/de/guides/c.md:2:10: error: '\\u0007' stands for the control character U+0007, which web pages may not contain; remove it"
            ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func escapedControlInSettingsIsAnError() {
        let site = HostileSite(content: [
            "site.yml": HostileSite.siteYML.replacingOccurrences(
                of: "title: Teststadt", with: #"title: "Teststadt\u0085""#),
            "de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            site.printed(result).hasPrefix(
                "content/site.yml:1:18: error: '\\u0085' stands for the control character U+0085, which web pages may not contain; remove it\n"
            ))
    }
}
