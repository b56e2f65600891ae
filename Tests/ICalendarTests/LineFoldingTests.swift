import Testing

@testable import ICalendar

/// Folding at 75 octets without splitting a UTF-8 sequence (RFC 5545 3.1).
@Suite struct LineFoldingTests {
    @Test func shortLineIsNotFolded() {
        #expect(LineFolding.fold("SUMMARY:Lesefest") == "SUMMARY:Lesefest\r\n")
        #expect(LineFolding.fold("") == "\r\n")
    }

    @Test func lineOfExactly75OctetsStaysWhole() {
        let line = String(repeating: "a", count: 75)
        #expect(LineFolding.fold(line) == line + "\r\n")
    }

    @Test func asciiFoldsAt75AndThen74PerContinuation() {
        let line = String(repeating: "a", count: 75) + String(repeating: "b", count: 74) + "c"
        #expect(
            LineFolding.fold(line)
                == String(repeating: "a", count: 75) + "\r\n " + String(repeating: "b", count: 74) + "\r\n c\r\n")
    }

    @Test func twoOctetLetterThatWouldCrossTheLimitMovesToTheNextLine() {
        // 74 octets of ASCII leave one octet, too few for "ع" (D8 B9).
        let line = String(repeating: "a", count: 74) + "عربي"
        #expect(LineFolding.fold(line) == String(repeating: "a", count: 74) + "\r\n عربي\r\n")
    }

    @Test func emojiAtTheBoundaryMovesWhole() {
        // 72 + 4 = 76 octets: the emoji (F0 9F 98 80) goes to the next line; at 71 it fits exactly.
        #expect(
            LineFolding.fold(String(repeating: "x", count: 72) + "😀")
                == String(repeating: "x", count: 72) + "\r\n 😀\r\n")
        #expect(
            LineFolding.fold(String(repeating: "x", count: 71) + "😀")
                == String(repeating: "x", count: 71) + "😀\r\n")
    }

    @Test func continuationLinesCountTheirLeadingSpace() {
        // First line: 75 "a"; then " " + 18 emoji = 73 octets; a 19th (77) starts a new line.
        let line = String(repeating: "a", count: 75) + String(repeating: "😀", count: 19)
        #expect(
            LineFolding.fold(line)
                == String(repeating: "a", count: 75) + "\r\n " + String(repeating: "😀", count: 18) + "\r\n 😀\r\n")
    }

    @Test func strayLineBreaksNeverReachTheOutput() {
        #expect(LineFolding.fold("A\r\nB\nC\rD") == "ABCD\r\n")
    }

    @Test(
        arguments: [
            "مرحباً بكم في مؤتمر الاندماج ٢٠٢٥ في دوسلدورف — يرجى التسجيل مسبقاً عبر الموقع الإلكتروني، شكراً لكم",
            "Інтеграційна конференція 2025: реєстрація обов’язкова; кількість місць обмежена, дякуємо!",
            String(repeating: "👨‍👩‍👧‍👦🇩🇪", count: 30),
            String(repeating: "e\u{301}\u{302}\u{303}", count: 60),
            String(repeating: "ä", count: 200),
            "x" + String(repeating: "😀", count: 50),
            "xx" + String(repeating: "😀", count: 50),
            "xxx" + String(repeating: "😀", count: 50),
        ])
    func foldedLinesStayWithinTheLimitAndUnfoldToTheOriginal(text: String) {
        var input = event(start: date(2025, 11, 13))
        input.summary = text
        input.description = text + "\n" + text
        let calendar = RenderedCalendar(berlinDocument([input]))

        #expect(calendar.text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(calendar.physicalLines.allSatisfy { $0.utf8.count <= 75 })
        #expect(calendar.physicalLines.allSatisfy { !$0.contains("\r") && !$0.contains("\n") })
        let escaped = TextValue.escaped(text)
        #expect(calendar.firstEvent.contains("SUMMARY:" + escaped))
        #expect(calendar.firstEvent.contains("DESCRIPTION:" + escaped + #"\n"# + escaped))
    }

    @Test func everyLineEndsInCRLF() {
        let text = RenderedCalendar(berlinDocument([event(start: date(2025, 11, 13))])).text
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D)
        }
        for (index, byte) in bytes.enumerated() where byte == 0x0D {
            #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A)
        }
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
    }
}
