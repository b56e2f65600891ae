import FrontMatter
import Testing

@testable import Wegweiser

/// The check that a page file is UTF-8 must decide exactly as the standard library does: a body it let through would
/// reach libcmark and the output unchecked.
@Suite struct UTF8ValidationTests {
    static func agrees(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(UTF8Validation.isValid) == (String(validating: bytes, as: UTF8.self) != nil)
    }

    /// Bytes at the edges of the ranges that matter to UTF-8.
    static let edges: [UInt8] = [
        0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4,
        0xF5, 0xFF,
    ]

    @Test func everyLeadWithEdgeBytesAfterIt() {
        for lead in UInt8.min...UInt8.max {
            #expect(Self.agrees([lead]), "\(lead)")
            for second in UInt8.min...UInt8.max {
                #expect(Self.agrees([lead, second]), "\([lead, second])")
            }
            for second in Self.edges {
                for third in Self.edges {
                    #expect(Self.agrees([lead, second, third]), "\([lead, second, third])")
                    guard lead >= 0xE0 else { continue }
                    for fourth in Self.edges {
                        #expect(Self.agrees([lead, second, third, fourth]), "\([lead, second, third, fourth])")
                    }
                }
            }
        }
    }

    /// Pieces placed at every distance from an eight-byte boundary, where the ASCII fast path starts and stops.
    @Test func piecesAtEveryAlignment() {
        let pieces: [[UInt8]] = [
            Array("ä".utf8), Array("ب".utf8), Array("€".utf8), Array("😀".utf8), [0xC3], [0xE2, 0x82],
            [0xF0, 0x9F, 0x98],
            [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80], [0xFF],
        ]
        for piece in pieces {
            for before in 0...17 {
                for after in 0...9 {
                    let bytes =
                        Array(repeating: UInt8(ascii: "a"), count: before) + piece
                        + Array(repeating: UInt8(ascii: "b"), count: after)
                    #expect(Self.agrees(bytes), "\(piece) after \(before), before \(after)")
                }
            }
        }
    }

    @Test func randomMixtures() {
        var generator = SystemRandomNumberGenerator()
        let pool: [[UInt8]] =
            [Array("Düsseldorf ".utf8), Array("مرحبا ".utf8), Array("Україна ".utf8), Array("\n\r\t".utf8)]
            + Self.edges.map { [$0] }
        for _ in 0..<3000 {
            let count = Int.random(in: 0...12, using: &generator)
            let bytes = (0..<count).flatMap { _ in pool.randomElement(using: &generator)! }
            #expect(Self.agrees(bytes), "\(bytes)")
        }
        #expect([UInt8]().withUnsafeBufferPointer(UTF8Validation.isValid))
    }

    /// Where the standard library's decoder first finds an error: the sum of the widths of the scalars before it.
    static func referenceFirstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Text of two-byte letters (where eight bytes are checked at once) with a broken, overlong or longer sequence
    /// at every position and alignment: the first bad byte is the one the standard library's decoder stops at.
    @Test func firstBadByteInTwoByteText() {
        let text = Array("Привіт світ, مرحبا بكم، Grüße aus Köln ".utf8)
        let intruders: [[UInt8]] = [
            [0x80], [0xC3], [0xC0, 0xAF], [0xC1, 0x80], [0xDF], [0xE2, 0x82, 0xAC], [0xE2, 0x82],
            [0xF0, 0x9F, 0x98, 0x80],
            [0xED, 0xA0, 0x80], [0xFF], [0xD0, 0x41],
        ]
        for intruder in intruders {
            for position in 0...text.count {
                var bytes = text
                bytes.insert(contentsOf: intruder, at: position)
                bytes += text
                let found = bytes.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset)
                #expect(found == Self.referenceFirstInvalidOffset(bytes), "\(intruder) at \(position)")
            }
        }
        #expect(text.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset) == nil)
    }

    /// The reference for `firstProblem`: the standard library's decoder, scalar by scalar; a scalar is a problem
    /// when it is in Unicode's category Cc (control) but tab, line feed, form feed and carriage return.
    static func referenceFirstProblem(_ bytes: [UInt8]) -> (Int, UTF8Validation.Problem)? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.properties.generalCategory == .control, !["\t", "\n", "\u{0C}", "\r"].contains(scalar) {
                    return (offset, .control(scalar))
                }
                offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return (offset, .invalid)
            }
        }
    }

    static func agreesOnProblem(_ bytes: [UInt8]) -> Bool {
        let found = bytes.withUnsafeBufferPointer(UTF8Validation.firstProblem)
        let expected = referenceFirstProblem(bytes)
        return found?.offset == expected?.0 && found?.problem == expected?.1
    }

    /// Every one- and two-byte input, and every control character (and its neighbours) at every position and
    /// alignment in ASCII and in two-byte text, where eight bytes are checked at once.
    @Test func firstProblemFindsControlCharactersAsTheReferenceDoes() {
        for lead in UInt8.min...UInt8.max {
            #expect(Self.agreesOnProblem([lead]), "\([lead])")
            for second in UInt8.min...UInt8.max {
                #expect(Self.agreesOnProblem([lead, second]), "\([lead, second])")
            }
        }
        let intruders: [[UInt8]] =
            (0x00...0x20).map { [UInt8($0)] } + [
                [0x7E], [0x7F], [0xC2, 0x7F], [0xC2, 0x80], [0xC2, 0x85], [0xC2, 0x9F],
                [0xC2, 0xA0], [0xC3, 0x80], [0xC3, 0x9F], [0xFF],
            ]
        let texts = [
            Array("Привіт світ, مرحبا بكم، Grüße aus Köln ".utf8),
            Array("Hello world, this is plain text. ".utf8),
        ]
        for text in texts {
            #expect(Self.agreesOnProblem(text + Array("\n\r\t\u{0C}".utf8) + text))
            for intruder in intruders {
                for position in 0...text.count {
                    var bytes = text
                    bytes.insert(contentsOf: intruder, at: position)
                    bytes += text
                    #expect(Self.agreesOnProblem(bytes), "\(intruder) at \(position)")
                }
            }
        }
    }

    @Test func randomMixturesWithControls() {
        var generator = SystemRandomNumberGenerator()
        let pool: [[UInt8]] =
            [Array("Düsseldorf ".utf8), Array("مرحبا ".utf8), Array("Україна ".utf8), Array("\n\r\t\u{0C}".utf8)]
            + Self.edges.map { [$0] } + [[0x01], [0x0B], [0x1F], [0xC2, 0x85], [0xC2, 0xA0]]
        for _ in 0..<3000 {
            let count = Int.random(in: 0...16, using: &generator)
            let bytes = (0..<count).flatMap { _ in pool.randomElement(using: &generator)! }
            #expect(Self.agreesOnProblem(bytes), "\(bytes)")
        }
    }

    /// The diagnostic points at the first bad byte: columns count characters, a byte order mark is no column, and
    /// `\n`, `\r\n` and a lone `\r` each end one line.
    @Test(arguments: [
        ([0xEF, 0xBB, 0xBF] + Array("ab".utf8) + [0xFF], 1, 3),
        (Array("ä€😀".utf8) + [0x80], 1, 4),
        (Array("x\r\ny\rz\n".utf8) + [0xC3], 4, 1),
        (Array("ab".utf8) + [0xE2, 0x82, 0x41], 1, 3),
        ([0xEF, 0xBB, 0x00], 1, 1),
        (Array("fine\n".utf8), 2, 1),
    ])
    func positionOfTheFirstBadByte(bytes: [UInt8], line: Int, column: Int) {
        #expect(UTF8Validation.firstInvalidPosition(bytes) == TextPosition(line: line, column: column))
    }
}
