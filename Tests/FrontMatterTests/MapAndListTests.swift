import FrontMatter
import Testing

/// Nested maps and block lists, with the position of every key and value.
@Suite struct MapAndListTests {
    @Test func emptyDocumentsGiveAnEmptyMap() {
        #expect(outcome("") == "")
        #expect(outcome("\n\n  \n") == "")
        #expect(outcome("# only a comment\n   # and another\n") == "")
    }

    @Test func flatMapKeepsOrderAndPositions() {
        let text = """
            title: Willkommen
            weight: 3
            draft: false
            """
        #expect(
            outcome(text) == """
                title@1:1: string "Willkommen" @1:8
                weight@2:1: integer 3 "3" @2:9
                draft@3:1: boolean false "false" @3:8
                """)
    }

    @Test func emptyValueIsNullAfterTheColon() {
        let text = "summary:\nnext:   # comment\ntitle: x\n"
        #expect(
            outcome(text) == """
                summary@1:1: null @1:9
                next@2:1: null @2:6
                title@3:1: string "x" @3:8
                """)
    }

    @Test func nestedMapsByIndentation() {
        let text = """
            title:
              de: Integration in Düsseldorf
              en: Integration in Düsseldorf
            contact:
                person: Frau Beispiel
                address:
                  street: Willi-Becker-Allee 7
                  postal_code: 40227
                phone: 0211 8991
            base_url: https://integration.example.org/
            """
        #expect(
            outcome(text) == """
                title@1:1: map @2:3
                  de@2:3: string "Integration in Düsseldorf" @2:7
                  en@3:3: string "Integration in Düsseldorf" @3:7
                contact@4:1: map @5:5
                  person@5:5: string "Frau Beispiel" @5:13
                  address@6:5: map @7:7
                    street@7:7: string "Willi-Becker-Allee 7" @7:15
                    postal_code@8:7: integer 40227 "40227" @8:20
                  phone@9:5: string "0211 8991" @9:12
                base_url@10:1: string "https://integration.example.org/" @10:11
                """)
    }

    @Test func listsIndentedOrAtTheKeysIndentation() {
        let text = """
            tasks:
              - Beraten
              - Vermitteln
            languages:
            - de
            - ar
            after: 1
            """
        #expect(
            outcome(text) == """
                tasks@1:1: list @2:3
                  - string "Beraten" @2:5
                  - string "Vermitteln" @3:5
                languages@4:1: list @5:1
                  - string "de" @5:3
                  - string "ar" @6:3
                after@7:1: integer 1 "1" @7:8
                """)
    }

    @Test func listOfMaps() {
        let text = """
            languages:
              - code: de
                name: Deutsch
              -   code: ar
                  dir: rtl
              - code: de-x-ls
                fallback: [de]
                hreflang: none
            """
        #expect(
            outcome(text) == """
                languages@1:1: list @2:3
                  - map @2:5
                    code@2:5: string "de" @2:11
                    name@3:5: string "Deutsch" @3:11
                  - map @4:7
                    code@4:7: string "ar" @4:13
                    dir@5:7: string "rtl" @5:12
                  - map @6:5
                    code@6:5: string "de-x-ls" @6:11
                    fallback@7:5: list @7:15
                      - string "de" @7:16
                    hreflang@8:5: string "none" @8:15
                """)
    }

    @Test func listItemMapWithNestedBlocks() {
        let text = """
            focus:
            - title: Bildung
              tags:
              - Schule
              - Kita
              contact:
                phone: 123
            - title: Arbeit
            """
        #expect(
            outcome(text) == """
                focus@1:1: list @2:1
                  - map @2:3
                    title@2:3: string "Bildung" @2:10
                    tags@3:3: list @4:3
                      - string "Schule" @4:5
                      - string "Kita" @5:5
                    contact@6:3: map @7:5
                      phone@7:5: integer 123 "123" @7:12
                  - map @8:3
                    title@8:3: string "Arbeit" @8:10
                """)
    }

    @Test func nestedListsCompactAndOnTheirOwnLines() {
        let text = """
            grid:
              - - a
                - b
              - 
                - c
              -
              - - - deep
            """
        #expect(
            outcome(text) == """
                grid@1:1: list @2:3
                  - list @2:5
                    - string "a" @2:7
                    - string "b" @3:7
                  - list @5:5
                    - string "c" @5:7
                  - null @6:4
                  - list @7:5
                    - list @7:7
                      - string "deep" @7:9
                """)
    }

    @Test func commentsAnywhereOutsideValues() {
        let text = """
            # heading comment
            concept:   # the council paper
              title: Konzept # trailing
                # indented comment, deeper than its neighbours
              # comment at the map's indentation
            # comment at the top level between nested keys
              url: https://example.org/#top
            tasks:
              # before the first item
              - a  # after an item
            \t# a comment indented with a tab
              - b
            """
        #expect(
            outcome(text) == """
                concept@2:1: map @3:3
                  title@3:3: string "Konzept" @3:10
                  url@7:3: string "https://example.org/#top" @7:8
                tasks@8:1: list @10:3
                  - string "a" @10:5
                  - string "b" @12:5
                """)
    }

    @Test func quotedAndUnusualKeys() {
        let text = """
            "quoted key": 1
            'it''s': 2
            events.upcoming: Kommende Termine
            de-x-ls: Leichte Sprache
            snake_case: x
            2025: Jahr
            true: wahr
            spaced   : value
            "": never
            """
        #expect(outcome(text) == "error 9:1: missing key before the colon; write 'key: value'")
        let valid = text.split(separator: "\n").dropLast().joined(separator: "\n")
        #expect(
            outcome(valid) == """
                quoted key@1:1: integer 1 "1" @1:15
                it's@2:1: integer 2 "2" @2:10
                events.upcoming@3:1: string "Kommende Termine" @3:18
                de-x-ls@4:1: string "Leichte Sprache" @4:10
                snake_case@5:1: string "x" @5:13
                2025@6:1: string "Jahr" @6:7
                true@7:1: string "wahr" @7:7
                spaced@8:1: string "value" @8:12
                """)
    }

    @Test func listItemWithColonSpaceIsAMap() {
        #expect(
            outcome("tasks:\n  - Beratung: Montag\n  - \"Zeit: 10 Uhr\"\n  - http://x.org\n") == """
                tasks@1:1: list @2:3
                  - map @2:5
                    Beratung@2:5: string "Montag" @2:15
                  - string "Zeit: 10 Uhr" @3:5
                  - string "http://x.org" @4:5
                """)
    }

    @Test func mappingLookup() throws {
        let mapping = try FrontMatterParser.parse("a: 1\nb:\n  c: x\n")
        #expect(mapping.keys == ["a", "b"])
        #expect(mapping["a"]?.value == .integer(1))
        #expect(mapping["b"]?.mapValue?["c"]?.stringValue == "x")
        #expect(mapping["missing"] == nil)
        #expect(mapping.entry(for: "b")?.keyPosition == TextPosition(line: 2, column: 1))
    }
}
