import Foundation
import FrontMatter
import Glibc

/// Reading content and theme folders the same way everywhere: sorted listings (builds are deterministic),
/// hidden files skipped, symbolic links reported as such rather than followed, and text checked to be UTF-8.
enum SourceFolder {
    struct Entry {
        var name: String
        var isDirectory: Bool
        var isRegularFile: Bool
        var isSymbolicLink: Bool
        var stamp: FileStamp
    }

    /// The entries of `folder`, sorted by name, without hidden ones.
    static func entries(of folder: String) throws(BuildFailure) -> [Entry] {
        guard let directory = opendir(folder) else {
            let reason = String(cString: strerror(errno))
            throw BuildFailure(
                reason: .io,
                diagnostics: [
                    Diagnostic(file: folder, line: 1, column: 1, message: "cannot read the folder: \(reason)")
                ])
        }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            // The name's bytes go to `fstatat` as they are (a name that is not UTF-8 is still found); its text is
            // for sorting and messages.
            let found = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> Entry? in
                let name = raw.bindMemory(to: CChar.self).baseAddress!
                guard name[0] != CChar(UInt8(ascii: ".")) else { return nil }
                var info = stat()
                guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
                let type = info.st_mode & S_IFMT
                return Entry(
                    name: String(cString: name), isDirectory: type == S_IFDIR, isRegularFile: type == S_IFREG,
                    isSymbolicLink: type == S_IFLNK, stamp: FileStamp(info))
            }
            if let found { entries.append(found) }
        }
        entries.sort { $0.name < $1.name }
        return entries
    }

    /// Identity, size and change times of a file: if all are as they were, the file is taken to be unchanged
    /// (as `make` and `ninja` do, with nanosecond times).
    struct FileStamp: Sendable, Equatable {
        var device: Int
        var inode: Int
        var size: Int
        var modified: timespec
        var changed: timespec

        init(_ info: stat) {
            (device, inode, size) = (Int(info.st_dev), Int(info.st_ino), Int(info.st_size))
            (modified, changed) = (info.st_mtim, info.st_ctim)
        }

        /// The stamp as seven numbers, as the build cache keeps it.
        var values: [Int] {
            [device, inode, size, modified.tv_sec, modified.tv_nsec, changed.tv_sec, changed.tv_nsec]
        }

        init?(values: [Int]) {
            guard values.count == 7 else { return nil }
            (device, inode, size) = (values[0], values[1], values[2])
            modified = timespec(tv_sec: values[3], tv_nsec: values[4])
            changed = timespec(tv_sec: values[5], tv_nsec: values[6])
        }

        static func == (lhs: Self, rhs: Self) -> Bool {
            (lhs.device, lhs.inode, lhs.size) == (rhs.device, rhs.inode, rhs.size)
                && (lhs.modified.tv_sec, lhs.modified.tv_nsec, lhs.changed.tv_sec, lhs.changed.tv_nsec)
                    == (rhs.modified.tv_sec, rhs.modified.tv_nsec, rhs.changed.tv_sec, rhs.changed.tv_nsec)
        }
    }

    /// What reading a text file gave.
    enum Text {
        case text(String)
        /// The file is not UTF-8: a diagnostic at the first bad byte.
        case invalid(Diagnostic)
        case unreadable
    }

    /// The contents of `path` as UTF-8 text.
    static func read(_ path: String) -> Text {
        switch readUTF8(path) {
        case .bytes(let bytes): .text(String(decoding: bytes, as: UTF8.self))
        case .invalid(let diagnostic): .invalid(diagnostic)
        case .unreadable: .unreadable
        }
    }

    /// What reading a file that must be UTF-8 gave, as bytes.
    enum Bytes {
        /// Checked to be UTF-8.
        case bytes([UInt8])
        /// The file is not UTF-8: a diagnostic at the first bad byte.
        case invalid(Diagnostic)
        case unreadable
    }

    /// The contents of `path`, checked to be UTF-8 but not made a string.
    static func readUTF8(_ path: String) -> Bytes {
        guard let bytes = readBytes(path) else { return .unreadable }
        if bytes.withUnsafeBufferPointer(UTF8Validation.isValid) { return .bytes(bytes) }
        return .invalid(
            Diagnostic(
                file: path, position: UTF8Validation.firstInvalidPosition(bytes),
                message: "the file is not valid UTF-8; save it with UTF-8 encoding"))
    }

    /// The bytes of the regular file at `path` (usually one `read` call); nil if it cannot be opened or read.
    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // One byte more than the size, so that the end is seen in the first call, read into memory that is not
        // zeroed first.
        var failed = false
        func fill(_ buffer: inout UnsafeMutableBufferPointer<UInt8>, _ filled: inout Int) {
            while filled < buffer.count {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0, errno == EINTR { continue }
                if count < 0 { failed = true }
                if count <= 0 { return }
                filled += count
            }
        }
        let size = max(Int(info.st_size), 0)
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1, initializingWith: fill)
        // A file that grew while it was read: the rest, a piece at a time.
        while !failed, bytes.count > size {
            let piece = [UInt8](unsafeUninitializedCapacity: 64 * 1024, initializingWith: fill)
            if piece.isEmpty { break }
            bytes += piece
        }
        return failed ? nil : bytes
    }
}

/// Checking that bytes are UTF-8 without making a string of them: a page's body is only hashed when it is loaded, and
/// this is several times faster than the standard library's check on text that is mostly ASCII.
enum UTF8Validation {
    /// Whether `bytes` are well-formed UTF-8 (Unicode's table 3-7: no overlong forms, no surrogates, nothing
    /// above U+10FFFF), exactly as `String(validating:as:)` decides.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstInvalidOffset(bytes) == nil
    }

    /// The offset of the first byte that does not start a well-formed sequence (for a broken sequence, its first
    /// byte); nil if all of `bytes` is UTF-8.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        while index < count {
            // Eight bytes at a time while they are ASCII and whole two-byte letters (Latin with marks, Cyrillic,
            // Greek, Arabic, Hebrew: most of what editors write); anything else is checked one character at a time.
            while index + 8 <= count {
                let advance = wholeASCIIOrTwoByte(
                    UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
                if advance == 0 { break }
                index += advance
            }
            guard index < count else { break }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // Two bytes (Latin letters with marks, Cyrillic, Greek, Arabic, Hebrew) are the common case.
            if lead >= 0xC2, lead <= 0xDF {
                guard index + 1 < count, base[index + 1] & 0xC0 == 0x80 else { return index }
                index += 2
                continue
            }
            // The allowed range of the second byte depends on the lead; later bytes are 80...BF.
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return index
            }
            guard index + length <= count, base[index + 1] >= low, base[index + 1] <= high,
                base[index + 2] & 0xC0 == 0x80, length == 3 || base[index + 3] & 0xC0 == 0x80
            else { return index }
            index += length
        }
        return nil
    }

    /// How many of eight bytes (the first in the lowest byte, as loaded on a little-endian machine), starting at
    /// the start of a character, are ASCII and complete two-byte sequences: 8, or 7 when the last byte starts a
    /// two-byte sequence, or 0 when any byte is something else. A two-byte lead is C2...DF and is followed by a
    /// byte 10xxxxxx; every 10xxxxxx follows such a lead.
    @inline(__always)
    static func wholeASCIIOrTwoByte(_ word: UInt64) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        let topBits = word & high
        if topBits == 0 { return 8 }
        // Per byte, in its bit 7: bit 7, bit 6 and bit 5 of the byte.
        let bit6 = (word << 1) & high
        let bit5 = (word << 2) & high
        let leads = topBits & bit6
        let continuations = topBits & ~bit6
        // A lead of three or four bytes (or F8...FF) needs the slow path.
        if leads & bit5 != 0 { return 0 }
        // C0 and C1 (overlong): bits 4...1 all zero. Adding 7E to those four bits sets bit 7 unless they are zero.
        let nonzeroLow = ((word & 0x1E1E_1E1E_1E1E_1E1E) &+ 0x7E7E_7E7E_7E7E_7E7E) & high
        if leads & ~nonzeroLow != 0 { return 0 }
        // Each lead is followed by a continuation and each continuation follows a lead (a lead in the last byte
        // is shifted out: its continuation is in the next word).
        guard continuations == leads << 8 else { return 0 }
        return leads & 0x8000_0000_0000_0000 == 0 ? 8 : 7
    }

    /// Line and column (in characters) of the first byte that is not part of a well-formed sequence, or of the end.
    /// A byte order mark is not a column; `\n`, `\r\n` and a lone `\r` each end a line, as in the front-matter parser.
    static func firstInvalidPosition(_ bytes: [UInt8]) -> TextPosition {
        let end = bytes.withUnsafeBufferPointer(firstInvalidOffset) ?? bytes.count
        var line = 1
        var column = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte == 0x0D {
                // The CR of a CRLF: the LF that follows ends the line.
            } else if byte & 0xC0 != 0x80 {
                // The first byte of a character (the bytes after it are 10xxxxxx).
                column += 1
            }
            index += 1
        }
        return TextPosition(line: line, column: column)
    }
}
