import Templates

/// schema.org structured data for profiles (`GovernmentOffice`) and events (`Event`), written as JSON that is safe
/// inside `<script type="application/ld+json">`: `<`, `>` and `&` are escaped, so no editor text can close the element.
enum JSONLD {
    /// The structured data of `page` as the reader sees it, or nil for kinds that have none.
    static func of(_ page: TemplateValue, kind: PageKind, start: String?, end: String?) -> String? {
        guard case .map(let fields) = page else { return nil }
        func text(_ value: TemplateValue?) -> String? {
            if case .string(let text)? = value, !text.isEmpty { return text }
            return nil
        }
        func field(_ map: TemplateValue?, _ key: String) -> String? {
            if case .map(let inner)? = map { return text(inner[key]) }
            return nil
        }
        func address(_ map: TemplateValue?) -> JSONValue? {
            var parts: [(String, JSONValue)] = [("@type", .string("PostalAddress"))]
            if let street = field(map, "street") { parts.append(("streetAddress", .string(street))) }
            if let code = field(map, "postal_code") { parts.append(("postalCode", .string(code))) }
            if let city = field(map, "city") { parts.append(("addressLocality", .string(city))) }
            guard parts.count > 1 else { return nil }
            parts.append(("addressCountry", .string("DE")))
            return .object(parts)
        }
        var object: [(String, JSONValue)] = [("@context", .string("https://schema.org"))]
        switch kind {
        case .profile:
            object.append(("@type", .string("GovernmentOffice")))
            object.append(("name", .string(text(fields["name"]) ?? text(fields["title"]) ?? "")))
            if let summary = text(fields["summary"]) { object.append(("description", .string(summary))) }
            object.append(("url", .string(text(fields["permalink"]) ?? "")))
            let contact = fields["contact"]
            if let address = address(contact) { object.append(("address", address)) }
            if let phone = field(contact, "phone") { object.append(("telephone", .string(phone))) }
            if let email = field(contact, "email") { object.append(("email", .string(email))) }
            if let homepage = field(contact, "homepage") { object.append(("sameAs", .string(homepage))) }
        case .event:
            object.append(("@type", .string("Event")))
            object.append(("name", .string(text(fields["title"]) ?? "")))
            if let summary = text(fields["summary"]) { object.append(("description", .string(summary))) }
            if let start { object.append(("startDate", .string(start))) }
            if let end { object.append(("endDate", .string(end))) }
            object.append(("eventStatus", .string("https://schema.org/EventScheduled")))
            let location = fields["location"]
            if let online = field(location, "online") {
                object.append(("eventAttendanceMode", .string("https://schema.org/OnlineEventAttendanceMode")))
                object.append(("location", .object([("@type", .string("VirtualLocation")), ("url", .string(online))])))
            } else {
                object.append(("eventAttendanceMode", .string("https://schema.org/OfflineEventAttendanceMode")))
                var place: [(String, JSONValue)] = [("@type", .string("Place"))]
                if let name = field(location, "name") { place.append(("name", .string(name))) }
                if let address = address(location) { place.append(("address", address)) }
                if place.count > 1 { object.append(("location", .object(place))) }
            }
            if let organizer = text(fields["organizer"]) {
                object.append(
                    ("organizer", .object([("@type", .string("Organization")), ("name", .string(organizer))])))
            }
            if let language = text(fields["content_lang"]) { object.append(("inLanguage", .string(language))) }
            object.append(("url", .string(text(fields["permalink"]) ?? "")))
        default:
            return nil
        }
        return JSONValue.object(object).text
    }
}
