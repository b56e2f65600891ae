import Foundation
import Testing

@testable import Wegweiser

/// `Language` and `Site` keep their fields in a shared copy-on-write box; they must still behave as values.
@Suite struct ValueSemanticsTests {
    @Test func aChangedCopyOfALanguageLeavesTheOriginal() {
        let original = Language(code: "de-x-ls", name: "Leichte Sprache", fallbacks: ["de"], hreflang: nil)
        var copy = original
        copy.code = "fa"
        copy.name = "فارسی"
        copy.direction = .rtl
        copy.locale = "fa-IR"
        copy.fallbacks = ["en", "de"]
        copy.hreflang = "fa"
        #expect(original.code == "de-x-ls")
        #expect(original.name == "Leichte Sprache")
        #expect(original.direction == .ltr)
        #expect(original.locale == "de-x-ls")
        #expect(original.chain == ["de-x-ls", "de"])
        #expect(original.hreflang == nil)
        // The chain follows the code and the fallbacks of the copy.
        #expect(copy.chain == ["fa", "en", "de"])
        #expect(copy != original)
        #expect(
            copy
                == Language(
                    code: "fa", name: "فارسی", direction: .rtl, locale: "fa-IR", fallbacks: ["en", "de"], hreflang: "fa"
                ))
        #expect(Set([copy, original, original]).count == 2)
    }

    @Test func aChangedCopyOfASiteLeavesTheOriginal() {
        let original = EventDateTests.site(now: "2025-11-13T10:00:00Z")
        var copy = original
        copy.drafts.insert("guides/entwurf")
        copy.order.append("guides")
        copy.config.languages.append(Language(code: "en", name: "English"))
        #expect(original.drafts.isEmpty)
        #expect(original.order.isEmpty)
        #expect(original.config.languages.map(\.code) == ["de"])
        #expect(copy.drafts == ["guides/entwurf"])
        #expect(copy.order == ["guides"])
        #expect(copy.config.languages.map(\.code) == ["de", "en"])
    }
}
