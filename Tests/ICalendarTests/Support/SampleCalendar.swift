@testable import ICalendar

/// The small document behind `Golden/events.ics`: every value form, recurrence with
/// exceptions, escaping and folding of German, Arabic and Ukrainian text.
let sampleCalendar = CalendarDocument(
    productID: "-//Wegweiser//Wegweiser 0.1//DE",
    name: "Veranstaltungen – Integration in Düsseldorf",
    timeZone: "Europe/Berlin",
    stamp: utc(2025, 10, 1, 6, 0),
    events: [
        CalendarEvent(
            uid: "events/integrationskonferenz-2025@integration.example.org",
            summary: "Integrationskonferenz 2025: Vielfalt, Teilhabe; Zusammenhalt",
            description: """
                Die Konferenz bringt Verwaltung, Migrantenorganisationen und Ehrenamt zusammen.
                Anmeldung bis 31.10.2025 – Plätze sind begrenzt.
                Pfad: C:\\Konferenz
                """,
            location: "Rathaus, Marktplatz 2, 40213 Düsseldorf",
            url: "https://integration.example.org/de/events/integrationskonferenz-2025/",
            start: local(2025, 11, 13, 18, 0),
            end: local(2025, 11, 13, 21, 0),
            lastModified: utc(2025, 9, 15, 8, 30)),
        CalendarEvent(
            uid: "events/interkulturelle-woche-2025@integration.example.org",
            summary: "أسبوع الثقافات المتعددة ٢٠٢٥",
            description: "مرحباً بكم في أسبوع الثقافات المتعددة في دوسلدورف، مع فعاليات يومية للعائلات والأطفال.",
            location: "دوسلدورف",
            url: "https://integration.example.org/ar/events/interkulturelle-woche-2025/",
            start: date(2025, 9, 21),
            end: date(2025, 9, 28)),
        CalendarEvent(
            uid: "events/workshop-foerdermittelrecherche@integration.example.org",
            summary: "Воркшоп: пошук фінансування 👩🏽‍💻",
            location: "Online",
            url: "https://integration.example.org/uk/events/workshop-foerdermittelrecherche/",
            start: local(2025, 10, 16, 17, 0),
            end: local(2025, 10, 16, 19, 0),
            recurrence: Recurrence(frequency: .weekly, interval: 2, until: date(2025, 12, 11)),
            exceptions: [date(2025, 10, 30), date(2025, 11, 27)]),
        CalendarEvent(
            uid: "events/sprechstunde@integration.example.org",
            summary: "Offene Sprechstunde",
            start: date(2025, 1, 6),
            end: date(2025, 1, 7),
            recurrence: Recurrence(frequency: .monthly, until: date(2025, 6, 30)),
            exceptions: [date(2025, 4, 6)]),
        CalendarEvent(
            uid: "events/webinar-anerkennung@integration.example.org",
            summary: "Webinar: Anerkennung ausländischer Abschlüsse",
            start: utc(2025, 12, 3, 16, 0),
            end: utc(2025, 12, 3, 17, 30)),
    ])
