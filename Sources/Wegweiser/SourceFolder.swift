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

        init?(values: UnsafeBufferPointer<Int>) {
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
        guard let (offset, problem) = bytes.withUnsafeBufferPointer(UTF8Validation.firstProblem) else {
            return .bytes(bytes)
        }
        return .invalid(
            Diagnostic(
                file: path, position: UTF8Validation.position(ofOffset: offset, in: bytes),
                message: message(for: problem)))
    }

    /// What a page, template or settings file that is not text for a web page is told.
    static func message(for problem: UTF8Validation.Problem) -> String {
        switch problem {
        case .invalid:
            return "the file is not valid UTF-8; save it with UTF-8 encoding"
        case .control(let scalar) where scalar.value == 0:
            // UTF-16 puts a zero byte beside every ASCII letter, and a zero byte is valid UTF-8.
            return
                "the file holds a NUL character (U+0000), which web pages may not contain; delete it. A file with many of them is saved as UTF-16: save it with UTF-8 encoding"
        case .control(let scalar):
            return
                "the file holds the invisible control character \(UTF8Validation.codePoint(scalar)), which web pages may not contain; delete it (copying from a word processor or a PDF can bring such characters in)"
        }
    }

    /// The bytes of the regular file at `path` (usually one `read` call); nil if it cannot be opened or read.
    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // One byte more than the size, so that a file that grew since `fstat` is seen in the first call, read into
        // memory that is not zeroed first. A call that gives fewer bytes than asked for and ends at the size is at
        // the end: no second call to hear so.
        var failed = false
        let size = max(Int(info.st_size), 0)
        func fill(_ buffer: inout UnsafeMutableBufferPointer<UInt8>, _ filled: inout Int, endingAt end: Int?) {
            while filled < buffer.count {
                let asked = buffer.count - filled
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, asked)
                if count < 0, errno == EINTR { continue }
                if count < 0 { failed = true }
                if count <= 0 { return }
                filled += count
                if count < asked, filled == end { return }
            }
        }
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { fill(&$0, &$1, endingAt: size) }
        // A file that grew while it was read: the rest, a piece at a time.
        while !failed, bytes.count > size {
            let piece = [UInt8](unsafeUninitializedCapacity: 64 * 1024) { fill(&$0, &$1, endingAt: nil) }
            if piece.isEmpty { break }
            bytes += piece
        }
        return failed ? nil : bytes
    }
}
