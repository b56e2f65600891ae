import Templates
import Testing

@testable import Wegweiser

@Suite struct JSONLDTests {
    @Test func editorTextCannotLeaveTheScriptElement() {
        var out = ""
        out = JSONValue.string("</script><script>alert(\"x\")</script> & \\ \n\u{2028}\u{1}").text
        #expect(
            out
                == #""\u003c/script\u003e\u003cscript\u003ealert(\"x\")\u003c/script\u003e \u0026 \\ \n\u2028\u0001""#)
    }

    @Test func otherTextIsCopiedAsItIs() {
        #expect(
            JSONValue.string("مرکز ادغام – Київ 👋\u{2029}\u{1F}\r\t\u{7F}").text
                == #""مرکز ادغام – Київ 👋\u2029\u001f\r\t\#u{7F}""#)
        #expect(JSONValue.string("\u{2027}\u{202A}").text == "\"\u{2027}\u{202A}\"")
        #expect(JSONValue.array([.number(-3), .object([("a", .string(""))])]).text == #"[-3,{"a":""}]"#)
    }

    @Test func eventWithOnlineLocationAndOrganizer() {
        let page: TemplateValue = .map([
            "title": .string("Workshop <1>"), "summary": .null,
            "permalink": .string("https://example.org/de/events/w/"),
            "location": .map(["name": .null, "online": .string("https://meet.example.org/w")]),
            "organizer": .string("KI & Partner"), "content_lang": .string("de"),
        ])
        #expect(
            JSONLD.of(page, kind: .event, start: "2025-11-13T18:00+01:00", end: nil)
                == #"{"@context":"https://schema.org","@type":"Event","name":"Workshop \u003c1\u003e","startDate":"2025-11-13T18:00+01:00","eventStatus":"https://schema.org/EventScheduled","eventAttendanceMode":"https://schema.org/OnlineEventAttendanceMode","location":{"@type":"VirtualLocation","url":"https://meet.example.org/w"},"organizer":{"@type":"Organization","name":"KI \u0026 Partner"},"inLanguage":"de","url":"https://example.org/de/events/w/"}"#
        )
    }

    @Test func guidesHaveNoStructuredData() {
        #expect(JSONLD.of(.map(["title": .string("x")]), kind: .guide, start: nil, end: nil) == nil)
    }
}
