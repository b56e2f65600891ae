import Markdown

/// One fuzz input: render it as a page body starting at line 5 with every link rewritten; each reported link and
/// heading must lie inside the body, and no rewritten destination may bring back raw markup.
func fuzzOne(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    let lineCount = text.split(
        omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    ).count
    var seen = 0
    let rendered = Markdown.render(text, firstLine: 5) { link in
        seen += 1
        precondition(link.line >= 5 && link.line < 5 + lineCount + 1, "link line out of range: \(link)")
        precondition(link.column >= 1, "link column out of range: \(link)")
        return "../rewritten/\"<x>/"
    }
    precondition(seen == rendered.links.count)
    for heading in rendered.headings {
        precondition(heading.line >= 5 && heading.line < 5 + lineCount + 1, "heading line out of range: \(heading)")
        precondition(!heading.id.isEmpty && !heading.id.contains("\""))
    }
    precondition(!rendered.html.contains("\"<x>"), "a rewritten destination was not escaped")
    precondition(!rendered.html.contains("<script"), "raw HTML got through")
}

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        fuzzOne(UnsafeBufferPointer(start: data, count: size))
        return 0
    }
#else
    import FuzzSupport

    /// Replays the files given as arguments (the seed corpus), for a quick regression run without libFuzzer.
    @main struct Replay {
        static func main() throws { try replayArguments(fuzzOne) }
    }
#endif
