import Testing

@testable import Wegweiser

/// Image sizes are read from the few header bytes that hold them, whatever the file's name says.
@Suite struct ImageHeaderTests {
    private func finding(_ bytes: [UInt8]) -> ImageHeader.Finding {
        ImageHeader.finding { offset, count in
            offset >= bytes.count ? [] : Array(bytes[offset..<min(offset + count, bytes.count)])
        }
    }

    private func size(_ width: Int, _ height: Int) -> ImageHeader.Finding {
        .size(PixelSize(width: width, height: height))
    }

    private func big16(_ value: Int) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    private func big32(_ value: Int) -> [UInt8] { big16(value >> 16) + big16(value & 0xFFFF) }
    private func little16(_ value: Int) -> [UInt8] { big16(value).reversed() }

    private let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    @Test func png() {
        let header = pngSignature + big32(13) + Array("IHDR".utf8) + big32(1_200) + big32(800) + [8, 2, 0, 0, 0]
        #expect(finding(header) == size(1_200, 800))
        // Cut before the height, or with a first chunk that is not IHDR, or a width of 0: no size.
        #expect(finding(Array(header.prefix(22))) == .sizeUnknown)
        #expect(finding(pngSignature + big32(13) + Array("IDAT".utf8) + big32(1) + big32(1)) == .sizeUnknown)
        #expect(finding(pngSignature + big32(13) + Array("IHDR".utf8) + big32(0) + big32(800)) == .sizeUnknown)
    }

    @Test func gif() {
        #expect(finding(Array("GIF89a".utf8) + little16(640) + little16(480) + [0, 0, 0]) == size(640, 480))
        #expect(finding(Array("GIF87a".utf8) + little16(3) + little16(2)) == size(3, 2))
    }

    /// A segment: its marker and its length (which counts the two length bytes) before its bytes.
    private func segment(_ marker: UInt8, _ body: [UInt8]) -> [UInt8] {
        [0xFF, marker] + big16(body.count + 2) + body
    }

    private func frame(_ marker: UInt8 = 0xC0, width: Int, height: Int) -> [UInt8] {
        segment(marker, [8] + big16(height) + big16(width) + [3, 1, 0x22, 0])
    }

    /// EXIF data with one directory entry: the orientation, in either byte order.
    private func exif(orientation: Int, littleEndian: Bool) -> [UInt8] {
        let short = littleEndian ? little16 : big16
        let long: (Int) -> [UInt8] = { littleEndian ? big32($0).reversed() : big32($0) }
        let order: [UInt8] = littleEndian ? [0x49, 0x49] : [0x4D, 0x4D]
        let entry = short(0x0112) + short(3) + long(1) + short(orientation) + [0, 0]
        return Array("Exif".utf8) + [0, 0] + order + short(42) + long(8) + short(1) + entry + long(0)
    }

    @Test func jpegSizeIsInItsFrameHeaderAfterOtherSegments() {
        let start: [UInt8] = [0xFF, 0xD8]
        let app0 = segment(0xE0, Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
        // Tables before the frame header: a quantization table (DB) and a Huffman table (C4, not a frame).
        let tables = segment(0xDB, [UInt8](repeating: 1, count: 65)) + segment(0xC4, [UInt8](repeating: 2, count: 30))
        #expect(finding(start + app0 + tables + frame(width: 1_024, height: 768)) == size(1_024, 768))
        // Progressive (SOF2), and fill bytes before a marker.
        #expect(finding(start + app0 + [0xFF, 0xFF] + frame(0xC2, width: 5, height: 7)) == size(5, 7))
        // A few fill bytes are read past; megabytes of them are not read one by one.
        #expect(finding(start + app0 + [0xFF, 0xFF, 0xFF] + frame(width: 5, height: 7)) == size(5, 7))
        #expect(
            finding(start + app0 + [UInt8](repeating: 0xFF, count: 100) + frame(width: 5, height: 7)) == .sizeUnknown)
        // The image data starts, or the file ends, before a frame header: no size.
        #expect(finding(start + app0 + segment(0xDA, [1, 2, 3])) == .sizeUnknown)
        #expect(finding(start + app0 + [0xFF, 0xC0, 0x00]) == .sizeUnknown)
        // A segment that claims to be shorter than its length bytes.
        #expect(finding(start + [0xFF, 0xE0, 0x00, 0x01]) == .sizeUnknown)
    }

    /// A phone's photo is stored as the sensor saw it, with an orientation that browsers apply: turned by a
    /// quarter (5–8), its width and height are swapped.
    @Test func jpegTurnedByItsOrientation() {
        let start: [UInt8] = [0xFF, 0xD8]
        let body = frame(width: 4_000, height: 3_000)
        for littleEndian in [true, false] {
            #expect(
                finding(start + segment(0xE1, exif(orientation: 6, littleEndian: littleEndian)) + body)
                    == size(3_000, 4_000))
            #expect(
                finding(start + segment(0xE1, exif(orientation: 8, littleEndian: littleEndian)) + body)
                    == size(3_000, 4_000))
            #expect(
                finding(start + segment(0xE1, exif(orientation: 3, littleEndian: littleEndian)) + body)
                    == size(4_000, 3_000))
        }
        // XMP after the EXIF data, as phones and cameras write it, says nothing of the orientation.
        let xmp = segment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>".utf8))
        #expect(
            finding(start + segment(0xE1, exif(orientation: 6, littleEndian: false)) + xmp + body) == size(3_000, 4_000)
        )
        // APP1 that is not EXIF (XMP), and EXIF cut short: as stored.
        #expect(
            finding(start + segment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0".utf8)) + body) == size(4_000, 3_000))
        #expect(
            finding(start + segment(0xE1, Array(exif(orientation: 6, littleEndian: true).prefix(20))) + body)
                == size(4_000, 3_000))
    }

    @Test func webP() {
        func riff(_ chunk: String, _ payload: [UInt8]) -> [UInt8] {
            Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8".utf8) + Array(chunk.utf8) + [0, 0, 0, 0] + payload
        }
        // Lossy: frame tag, start code, then 14-bit width and height (the top two bits scale, and are ignored).
        let lossy = riff(" ", [0, 0, 0, 0x9D, 0x01, 0x2A] + little16(0x4000 | 800) + little16(600))
        #expect(finding(lossy) == size(800, 600))
        // Lossless: the signature 0x2F, then width − 1 and height − 1 in 14 bits each.
        let bits = (300 - 1) | (200 - 1) << 14
        let lossless = riff(
            "L", [0x2F, UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24)])
        #expect(finding(lossless + [0, 0, 0, 0, 0]) == size(300, 200))
        // Extended: flags, three reserved bytes, then width − 1 and height − 1 in 24 bits each.
        let extended = riff("X", [0x10, 0, 0, 0, 0x7F, 0x07, 0x00, 0x37, 0x04, 0x00])
        #expect(finding(extended) == size(1_920, 1_080))
        #expect(finding(riff(" ", [0, 0, 0, 1, 2, 3, 0, 0, 0, 0])) == .sizeUnknown)
    }

    /// The kind comes from the bytes: a JPEG named `.png` has its size; a page saved as `.png` is not an image.
    @Test func otherFiles() {
        #expect(finding(Array("<!DOCTYPE html><html>".utf8)) == .notAnImage)
        #expect(finding([]) == .notAnImage)
        #expect(finding([UInt8](repeating: 0xFF, count: 64)) == .notAnImage)
        // AVIF: an image, whose size is not read.
        #expect(finding(big32(28) + Array("ftypavif".utf8) + [0, 0, 0, 0] + Array("mif1miaf".utf8)) == .sizeUnknown)
    }
}
