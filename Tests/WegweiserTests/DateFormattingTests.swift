import Testing

@testable import Wegweiser

/// Dates in the reader's locale, always Gregorian.
@Suite struct DateFormattingTests {
    @Test(arguments: [
        ("de", "2025-11-13", "long", "13. November 2025"),
        ("tr", "2025-11-13", "long", "13 Kasım 2025"),
        ("ar", "2025-11-13", "long", "13 نوفمبر، 2025"),
        ("en-GB", "2025-11-13", "long", "13 November 2025"),
        ("de", "2025-11-13", "short", "13.11.2025"),
        ("de", "2025-09", "long", "September 2025"),
        ("en-GB", "2025-09", "short", "September 2025"),
        ("de", "2025-11-13T18:00", "time", "18:00"),
        ("de", "2025-11-13T18:00", "datetime", "13. November 2025 um 18:00"),
        ("de", "2025-11-13", "datetime", "13. November 2025"),
        ("uk", "2025-11-13", "long", "13 листопада 2025\u{202F}р."),
    ])
    func formats(locale: String, iso: String, style: String, expected: String) {
        let formatting = DateFormatting(localeIdentifier: locale)
        #expect(formatting.format(iso, style: DateFormatting.Style(rawValue: style)!) == expected)
    }

    @Test func farsiAndArabicStayGregorian() {
        let farsi = DateFormatting(localeIdentifier: "fa").format("2025-11-13", style: .long)
        #expect(farsi == "۱۳ نوامبر ۲۰۲۵")
        let arabic = DateFormatting(localeIdentifier: "ar").format("2025-11-13", style: .month)
        #expect(arabic?.contains("نوفمبر") == true)
    }

    @Test func rejectsWhatIsNotADate() {
        #expect(DateFormatting(localeIdentifier: "de").format("bald", style: .long) == nil)
        #expect(DateFormatting(localeIdentifier: "de").format("2025-1", style: .long) == nil)
    }

    /// Answers are kept by what was asked, before anything is parsed: asking again gives the same answer, a
    /// rejection included, and a day asked for its time is still an empty text, not a rejection.
    @Test func askingAgainGivesTheSameAnswer() {
        let formatting = DateFormatting(localeIdentifier: "de")
        for _ in 0..<2 {
            #expect(formatting.format("bald", style: .long) == nil)
            #expect(formatting.format("2025-11-13", style: .long) == "13. November 2025")
            #expect(formatting.format("2025-11-13", style: .short) == "13.11.2025")
            #expect(formatting.format("2025-11-13", style: .time) == "")
        }
    }

    @Test(arguments: [
        ("de", "12.500"), ("en-GB", "12,500"), ("tr", "12.500"), ("uk", "12\u{A0}500"), ("fa", "۱۲٬۵۰۰"),
    ])
    func numbersInTheLocalesDigitsAndGrouping(locale: String, expected: String) {
        #expect(DateFormatting(localeIdentifier: locale).number(12_500) == expected)
    }
}
