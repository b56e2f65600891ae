import Glibc

/// An image's size in pixels, as a browser shows it (a photo turned by its EXIF orientation is given turned).
struct PixelSize: Sendable, Equatable {
    var width: Int
    var height: Int
}

/// Reads an image file's size from its header, so that pages can give `<img>` its `width` and `height`: a phone
/// then keeps the image's room free while it loads, and the text does not jump under the reader's finger.
///
/// The kind is told by the file's first bytes, not by its name (a JPEG saved as `.png` is shown by browsers all
/// the same). Only the few bytes that hold the size are read: a JPEG's segments are skipped by their lengths.
enum ImageHeader {
    enum Finding: Equatable {
        case size(PixelSize)
        /// An image whose size is not read here (AVIF), or whose header ends before its size.
        case sizeUnknown
        /// None of the image formats browsers show (an HTML page or a text saved as `.png`, an empty file).
        case notAnImage
    }

    /// What the file at `path` is; `.sizeUnknown` if it cannot be read.
    static func finding(forFileAt path: String) -> Finding {
        // Not blocking: a FIFO put where the file was listed would wait for a writer forever.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .sizeUnknown }
        defer { close(descriptor) }
        return finding { offset, count in
            [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
                filled = 0
                while filled < count {
                    let read = pread(descriptor, buffer.baseAddress! + filled, count - filled, off_t(offset + filled))
                    if read < 0, errno == EINTR { continue }
                    guard read > 0 else { break }
                    filled += read
                }
            }
        }
    }

    /// What the bytes `read(offset, count)` gives are (fewer than `count` at the end of the file).
    static func finding(_ read: (_ offset: Int, _ count: Int) -> [UInt8]) -> Finding {
        let head = read(0, 32)
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            // The first chunk is IHDR: its width and height, big-endian, right after its type.
            guard head.count >= 24, head[12..<16].elementsEqual("IHDR".utf8) else { return .sizeUnknown }
            return sized(bigEndian(head, 16, 4), bigEndian(head, 20, 4))
        }
        if head.starts(with: "GIF87a".utf8) || head.starts(with: "GIF89a".utf8) {
            guard head.count >= 10 else { return .sizeUnknown }
            return sized(littleEndian(head, 6, 2), littleEndian(head, 8, 2))
        }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            return jpeg(read)
        }
        if head.count >= 12, head.starts(with: "RIFF".utf8), head[8..<12].elementsEqual("WEBP".utf8) {
            return webP(head)
        }
        // AVIF (and HEIF) files start with a box of type `ftyp`; their size is in boxes nested further in.
        if head.count >= 12, head[4..<8].elementsEqual("ftyp".utf8),
            head[8..<12].elementsEqual("avif".utf8) || head[8..<12].elementsEqual("avis".utf8)
        {
            return .sizeUnknown
        }
        return .notAnImage
    }

    private static func sized(_ width: Int, _ height: Int) -> Finding {
        width > 0 && height > 0 ? .size(PixelSize(width: width, height: height)) : .sizeUnknown
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<(offset + count)].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<(offset + count)].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// A JPEG's size from its frame header (SOF), turned if its EXIF orientation (in APP1, before the frame
    /// header) turns it by a quarter. The segments between are skipped by their lengths.
    private static func jpeg(_ read: (Int, Int) -> [UInt8]) -> Finding {
        var offset = 2
        var turned = false
        var fillBytes = 0
        // A JPEG has a few dozen segments at most; a file that claims more is not looked through to its end.
        for _ in 0..<1_000 {
            var marker = read(offset, 2)
            // Fill bytes (0xFF) may stand before a marker: a few, not megabytes of them.
            while marker.count == 2, marker[0] == 0xFF, marker[1] == 0xFF {
                fillBytes += 1
                guard fillBytes <= 64 else { return .sizeUnknown }
                offset += 1
                marker = read(offset, 2)
            }
            guard marker.count == 2, marker[0] == 0xFF else { return .sizeUnknown }
            let type = marker[1]
            // Markers without a length: restart markers and TEM.
            if (0xD0...0xD7).contains(type) || type == 0x01 {
                offset += 2
                continue
            }
            // The start of the image data (SOS) or its end, before any frame header: no size.
            if type == 0xDA || type == 0xD9 { return .sizeUnknown }
            let lengthBytes = read(offset + 2, 2)
            guard lengthBytes.count == 2 else { return .sizeUnknown }
            let length = bigEndian(lengthBytes, 0, 2)
            guard length >= 2 else { return .sizeUnknown }
            // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
            if (0xC0...0xCF).contains(type), type != 0xC4, type != 0xC8, type != 0xCC {
                let frame = read(offset + 4, 5)
                guard frame.count == 5 else { return .sizeUnknown }
                let (height, width) = (bigEndian(frame, 1, 2), bigEndian(frame, 3, 2))
                return turned ? sized(height, width) : sized(width, height)
            }
            // APP1 holds EXIF, and in photos often XMP after it, which says nothing of the orientation.
            if type == 0xE1, length >= 16, let turn = exifTurnsAQuarter(read(offset + 4, min(length - 2, 16 * 1024))) {
                turned = turn
            }
            offset += 2 + length
        }
        return .sizeUnknown
    }

    /// Whether an APP1 segment's EXIF data has an orientation of 5–8 (turned by 90° or 270°, maybe mirrored);
    /// nil if the segment is not EXIF.
    static func exifTurnsAQuarter(_ segment: [UInt8]) -> Bool? {
        // "Exif\0\0", then a TIFF header: byte order, 42, the offset of the first directory.
        guard segment.count >= 14, segment.starts(with: [0x45, 0x78, 0x69, 0x66, 0, 0]) else { return nil }
        let tiff = Array(segment[6...])
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return false
        }
        func number(_ offset: Int, _ count: Int) -> Int? {
            guard offset >= 0, offset + count <= tiff.count else { return nil }
            return little ? littleEndian(tiff, offset, count) : bigEndian(tiff, offset, count)
        }
        guard number(2, 2) == 42, let directory = number(4, 4), let entries = number(directory, 2) else {
            return false
        }
        for entry in 0..<entries {
            let place = directory + 2 + entry * 12
            guard let tag = number(place, 2) else { return false }
            // Orientation: a SHORT whose value sits in the first two bytes of the value field.
            if tag == 0x0112 { return (5...8).contains(number(place + 8, 2) ?? 1) }
        }
        return false
    }

    /// A WebP file's size from its first chunk: lossy (`VP8 `), lossless (`VP8L`) or extended (`VP8X`).
    private static func webP(_ head: [UInt8]) -> Finding {
        guard head.count >= 30 else { return .sizeUnknown }
        switch String(decoding: head[12..<16], as: UTF8.self) {
        case "VP8 ":
            // After the frame tag (3 bytes) and its start code 9D 01 2A: 14 bits of width, then of height.
            guard head[23] == 0x9D, head[24] == 0x01, head[25] == 0x2A else { return .sizeUnknown }
            return sized(littleEndian(head, 26, 2) & 0x3FFF, littleEndian(head, 28, 2) & 0x3FFF)
        case "VP8L":
            // After the signature byte 0x2F: width − 1 and height − 1 in 14 bits each.
            guard head[20] == 0x2F else { return .sizeUnknown }
            let bits = littleEndian(head, 21, 4)
            return sized((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1)
        case "VP8X":
            // Width − 1 and height − 1 in 24 bits each, after the flags and three reserved bytes.
            return sized(littleEndian(head, 24, 3) + 1, littleEndian(head, 27, 3) + 1)
        default:
            return .sizeUnknown
        }
    }
}
