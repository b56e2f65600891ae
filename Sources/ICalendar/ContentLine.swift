/// One property of a component: `NAME;PARAM=value:value`, before folding (RFC 5545 3.1).
struct ContentLine: Sendable, Hashable {
    /// A property parameter such as `TZID=Europe/Berlin`.
    struct Parameter: Sendable, Hashable {
        /// The parameter name, e.g. `TZID`.
        var name: String
        /// The value, already quoted where needed (see `TextValue.parameter`).
        var value: String
    }

    /// The property name, e.g. `DTSTART`.
    var name: String
    /// The parameters in the order written.
    var parameters: [Parameter] = []
    /// The value, already escaped for its value type.
    var value: String

    /// The unfolded line without its CRLF.
    var text: String {
        var text = name
        for parameter in parameters {
            text += ";\(parameter.name)=\(parameter.value)"
        }
        return text + ":" + value
    }

    /// A TEXT property: the value is escaped.
    static func text(_ name: String, _ value: String) -> ContentLine {
        ContentLine(name: name, value: TextValue.escaped(value))
    }

    /// A property whose value is written as given (keywords, numbers, recurrence rules).
    static func raw(_ name: String, _ value: String) -> ContentLine {
        ContentLine(name: name, value: value)
    }
}
