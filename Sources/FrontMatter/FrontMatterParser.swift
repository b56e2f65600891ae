/// Parses the YAML subset used for front matter, `site.yml` and UI-string files.
///
/// The subset: `key: value` maps nested by space indentation; `- item` lists
/// (of scalars, maps or lists); `[a, "b", 3]` flow lists of scalars on one line;
/// plain, 'single' and "double" quoted scalars on one line; `|` and `>` block
/// strings with `-`/`+` chomping; `#` comments. Where it departs from YAML:
///
/// - Plain scalars are typed only as booleans (`true`/`false`), null
///   (`null`/`~`), integers, dates, months and date-times; `yes`, `1.10` and
///   the like stay text (see `Node.Value`).
/// - A plain value after `key: ` may contain `: ` (`title: Note: read` is the
///   text "Note: read"), because a map can never start on its key's line.
///   After `- ` YAML's rule holds: `- name: x` is a map, so `- a b: c` is a key
///   error that suggests quotes.
/// - Plain keys are `[A-Za-z0-9_.-]+`; other keys must be quoted.
/// - Multi-line plain and quoted scalars, anchors, aliases, tags, directives,
///   `{…}` maps, nested flow lists, `?` keys and several documents are errors.
/// - Fractions of a second in a date-time are an error.
/// - In an unquoted value, ` #` followed by text (`title: Termin #1`) is an error: YAML would end the value there
///   and drop the rest as a comment. A comment after a value starts with `# `.
/// - In a block string, a line holding only spaces counts as an empty line.
public enum FrontMatterParser {
    /// The deepest nesting of maps and lists accepted; deeper input is an error.
    public static let maximumDepth = 100

    /// Parses a whole YAML-subset document (e.g. `site.yml` or the text between
    /// the `---` lines of a page) and returns its top-level map; an empty
    /// document gives an empty map.
    ///
    /// - Parameters:
    ///   - text: The document. A leading byte order mark and CRLF line endings are accepted.
    ///   - lineOffset: Added to every line number reported, so that front matter
    ///     starting on file line 2 reports file lines: pass
    ///     `SplitDocument.frontMatterLine - 1`.
    /// - Throws: The first syntax error in the document.
    public static func parse(_ text: String, lineOffset: Int = 0) throws(FrontMatterError) -> Mapping {
        var parser = BlockParser(source: SourceLines(text), lineOffset: lineOffset)
        do {
            return try parser.parseDocument()
        } catch {
            throw error.namingTypedCharacters(in: text, lineOffset: lineOffset)
        }
    }
}
