import FrontMatter
import Testing

/// Type resolution of plain scalars, each written as `value: <scalar>`.
@Suite struct PlainScalarTests {
    @Test(arguments: [
        ("Hallo Welt", #"string "Hallo Welt" @1:8"#),
        ("true", #"boolean true "true" @1:8"#),
        ("false", #"boolean false "false" @1:8"#),
        ("True", #"string "True" @1:8"#),
        ("yes", #"string "yes" @1:8"#),
        ("no", #"string "no" @1:8"#),
        ("on", #"string "on" @1:8"#),
        ("off", #"string "off" @1:8"#),
        ("null", #"null "null" @1:8"#),
        ("~", #"null "~" @1:8"#),
        ("Null", #"string "Null" @1:8"#),
        ("42", #"integer 42 "42" @1:8"#),
        ("-7", #"integer -7 "-7" @1:8"#),
        ("-0", #"integer 0 "-0" @1:8"#),
        ("01067", #"integer 1067 "01067" @1:8"#),
        ("+5", #"string "+5" @1:8"#),
        ("-", #"error 1:8: a list cannot start on the same line as its key; put each '- item' on its own line below"#),
        ("--x", #"string "--x" @1:8"#),
        ("1.10", #"string "1.10" @1:8"#),
        ("1e3", #"string "1e3" @1:8"#),
        ("0x1F", #"string "0x1F" @1:8"#),
        ("9223372036854775807", #"integer 9223372036854775807 "9223372036854775807" @1:8"#),
        ("9223372036854775808", #"string "9223372036854775808" @1:8"#),
        ("0211 8921234", #"string "0211 8921234" @1:8"#),
    ])
    func typesOfPlainScalars(scalar: String, expected: String) {
        #expect(scalarOutcome(scalar) == expected)
    }

    @Test(arguments: [
        ("2025-11-13", #"date 2025-11-13 "2025-11-13" @1:8"#),
        ("2024-02-29", #"date 2024-02-29 "2024-02-29" @1:8"#),
        ("2000-02-29", #"date 2000-02-29 "2000-02-29" @1:8"#),
        ("2025-09", #"month 2025-09 "2025-09" @1:8"#),
        ("2025-11-13T18:00", #"dateTime 2025-11-13T18:00:00 "2025-11-13T18:00" @1:8"#),
        ("2025-11-13 18:00", #"dateTime 2025-11-13T18:00:00 "2025-11-13 18:00" @1:8"#),
        ("2025-11-13t18:00:30", #"dateTime 2025-11-13T18:00:30 "2025-11-13t18:00:30" @1:8"#),
        ("2025-11-13T18:00:00+01:00", #"dateTime 2025-11-13T18:00:00+01:00 "2025-11-13T18:00:00+01:00" @1:8"#),
        ("2025-11-13T18:00-05:30", #"dateTime 2025-11-13T18:00:00-05:30 "2025-11-13T18:00-05:30" @1:8"#),
        ("2025-11-13T17:00Z", #"dateTime 2025-11-13T17:00:00Z "2025-11-13T17:00Z" @1:8"#),
        ("2025-11-13T17:00:00z", #"dateTime 2025-11-13T17:00:00Z "2025-11-13T17:00:00z" @1:8"#),
        ("2025-11-13 Konferenz", #"string "2025-11-13 Konferenz" @1:8"#),
        ("2025-11-13 18:00 Uhr", #"string "2025-11-13 18:00 Uhr" @1:8"#),
        ("2025-11-13x", #"string "2025-11-13x" @1:8"#),
        ("2025-11x", #"string "2025-11x" @1:8"#),
        ("2025-1", #"string "2025-1" @1:8"#),
        ("12025-11-13", #"string "12025-11-13" @1:8"#),
        ("2025-11-13/2025-11-14", #"string "2025-11-13/2025-11-14" @1:8"#),
    ])
    func datesAndTimes(scalar: String, expected: String) {
        #expect(scalarOutcome(scalar) == expected)
    }

    @Test(arguments: [
        (
            "2025-02-30",
            "error 1:8: '2025-02-30' is not a valid date; write YYYY-MM-DD, or put it in quotes if it is text"
        ),
        (
            "2025-02-29",
            "error 1:8: '2025-02-29' is not a valid date; write YYYY-MM-DD, or put it in quotes if it is text"
        ),
        (
            "1900-02-29",
            "error 1:8: '1900-02-29' is not a valid date; write YYYY-MM-DD, or put it in quotes if it is text"
        ),
        (
            "2025-13-01",
            "error 1:8: '2025-13-01' is not a valid date; write YYYY-MM-DD, or put it in quotes if it is text"
        ),
        (
            "2025-04-31",
            "error 1:8: '2025-04-31' is not a valid date; write YYYY-MM-DD, or put it in quotes if it is text"
        ),
        (
            "0000-01-01",
            "error 1:8: '0000-01-01' is not a valid date; write YYYY-MM-DD, or put it in quotes if it is text"
        ),
        ("2025-13", "error 1:8: '2025-13' is not a valid month; write YYYY-MM, or put it in quotes if it is text"),
        ("2025-00", "error 1:8: '2025-00' is not a valid month; write YYYY-MM, or put it in quotes if it is text"),
        (
            "2025-11-13T25:00",
            "error 1:8: '2025-11-13T25:00' is not a valid date and time; write YYYY-MM-DDTHH:MM, optionally with :SS and a UTC offset such as +01:00 or Z"
        ),
        (
            "2025-11-13 18:60",
            "error 1:8: '2025-11-13 18:60' is not a valid date and time; write YYYY-MM-DDTHH:MM, optionally with :SS and a UTC offset such as +01:00 or Z"
        ),
        (
            "2025-11-13T18:00:60",
            "error 1:8: '2025-11-13T18:00:60' is not a valid date and time; write YYYY-MM-DDTHH:MM, optionally with :SS and a UTC offset such as +01:00 or Z"
        ),
        (
            "2025-02-30T18:00",
            "error 1:8: '2025-02-30T18:00' is not a valid date and time; write YYYY-MM-DDTHH:MM, optionally with :SS and a UTC offset such as +01:00 or Z"
        ),
        (
            "2025-11-13T18:00+0100",
            "error 1:8: '2025-11-13T18:00+0100' is not a valid date and time; write YYYY-MM-DDTHH:MM, optionally with :SS and a UTC offset such as +01:00 or Z"
        ),
        (
            "2025-11-13T18:00+24:00",
            "error 1:8: '2025-11-13T18:00+24:00' is not a valid date and time; write YYYY-MM-DDTHH:MM, optionally with :SS and a UTC offset such as +01:00 or Z"
        ),
        (
            "2025-11-13T18",
            "error 1:8: '2025-11-13T18' is not a valid date and time; write YYYY-MM-DDTHH:MM, optionally with :SS and a UTC offset such as +01:00 or Z"
        ),
        (
            "2025-11-13T18:00 Uhr",
            "error 1:8: '2025-11-13T18:00 Uhr' is not a valid date and time; write YYYY-MM-DDTHH:MM, optionally with :SS and a UTC offset such as +01:00 or Z"
        ),
        (
            "2025-11-13T18:00:00.5",
            "error 1:8: fractions of a second are not supported in '2025-11-13T18:00:00.5'; write whole seconds"
        ),
        (
            "2025-11-13 18:00:00.250Z",
            "error 1:8: fractions of a second are not supported in '2025-11-13 18:00:00.250Z'; write whole seconds"
        ),
    ])
    func invalidDatesAreErrors(scalar: String, expected: String) {
        #expect(scalarOutcome(scalar) == expected)
    }

    @Test(arguments: [
        ("a # comment", #"string "a" @1:8"#),
        ("a   ", #"string "a" @1:8"#),
        ("a\t# comment", #"string "a" @1:8"#),
        ("C# und F#", #"string "C# und F#" @1:8"#),
        ("https://example.org/a#teil", #"string "https://example.org/a#teil" @1:8"#),
        ("Note: read this", #"string "Note: read this" @1:8"#),
        ("a:b", #"string "a:b" @1:8"#),
        ("it's", #"string "it's" @1:8"#),
        ("say \"hi\"", #"string "say \"hi\"" @1:8"#),
        ("a  b", #"string "a  b" @1:8"#),
        ("a\tb", #"string "a\tb" @1:8"#),
        ("?x", #"string "?x" @1:8"#),
        (",x", #"string ",x" @1:8"#),
        ("-5 Grad", #"string "-5 Grad" @1:8"#),
        ("#comment only", "null @1:7"),
        ("42 # the answer", #"integer 42 "42" @1:8"#),
    ])
    func plainScalarText(scalar: String, expected: String) {
        #expect(scalarOutcome(scalar) == expected)
    }

    @Test(arguments: [
        (
            "&anchor value",
            "error 1:8: anchors ('&') are not supported; if the character is part of the text, put the text in quotes"
        ),
        (
            "*alias",
            "error 1:8: aliases ('*') are not supported; if the character is part of the text, put the text in quotes"
        ),
        (
            "!tag value",
            "error 1:8: tags ('!') are not supported; if the character is part of the text, put the text in quotes"
        ),
        (
            "%directive",
            "error 1:8: directives ('%') are not supported; if the character is part of the text, put the text in quotes"
        ),
        (
            "@stadt",
            "error 1:8: a value cannot start with '@'; if the character is part of the text, put the text in quotes"
        ),
        (
            "`code`",
            "error 1:8: a value cannot start with '`'; if the character is part of the text, put the text in quotes"
        ),
        (
            "{a: 1}",
            "error 1:8: maps in braces ('{...}') are not supported; if the character is part of the text, put the text in quotes"
        ),
        ("}", "error 1:8: a value cannot start with '}'; if the character is part of the text, put the text in quotes"),
        ("]", "error 1:8: a value cannot start with ']'; if the character is part of the text, put the text in quotes"),
        ("- a", "error 1:8: a list cannot start on the same line as its key; put each '- item' on its own line below"),
    ])
    func indicatorsOutsideTheSubsetAreErrors(scalar: String, expected: String) {
        #expect(scalarOutcome(scalar) == expected)
    }
}
