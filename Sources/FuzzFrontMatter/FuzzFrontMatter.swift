import FrontMatter

/// One fuzz input: split it as a page and parse it as a document; any error must point inside the text. What parses
/// must come back whole from its binary form (the build cache's), and the input read as that binary form must be
/// refused or read without a crash.
func fuzzOne(_ bytes: UnsafeBufferPointer<UInt8>) {
    _ = Mapping(binary: bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    // Lines end at "\n", "\r\n" or a lone "\r", as in the parsers.
    let lineCount = text.split(
        omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    )
    .count
    func check(_ error: FrontMatterError) {
        precondition(error.position.line >= 1 && error.position.line <= lineCount + 1, "line out of range: \(error)")
        precondition(error.position.column >= 1, "column out of range: \(error)")
        precondition(!error.message.isEmpty)
    }
    do {
        let split = try Document.split(text)
        if let frontMatter = split.frontMatter {
            _ = try FrontMatterParser.parse(frontMatter, lineOffset: split.frontMatterLine - 1)
        }
    } catch {
        check(error)
    }
    do {
        let mapping = try FrontMatterParser.parse(text)
        var binary: [UInt8] = []
        mapping.appendBinary(to: &binary)
        precondition(binary.withUnsafeBufferPointer(Mapping.init(binary:)) == mapping, "binary form differs")
    } catch {
        check(error)
    }
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
