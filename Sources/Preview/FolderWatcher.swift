import Glibc

/// Tells which files changed inside some folders and their subfolders (Linux inotify).
///
/// Paths are the watched folder as given, `/`, and the path inside it. Hidden folders (`.git`) are not watched;
/// symbolic links are not followed. Folders created later are watched from then on.
public final class FolderWatcher {
    /// What changed since the last `next`.
    public struct Changes: Equatable, Sendable {
        /// Files created, written, moved or deleted.
        public var paths: Set<String> = []
        /// A folder was created, moved or deleted, or the kernel dropped events: any file may have changed.
        public var everything = false

        public init(paths: Set<String> = [], everything: Bool = false) {
            self.paths = paths
            self.everything = everything
        }
    }

    private let descriptor: Int32
    /// The folder each watch is on.
    private var folders: [Int32: String] = [:]

    private static let fileEvents = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE)
    private static let folderEvents = UInt32(IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Starts watching `roots` (which must be folders) and everything in them.
    public init(roots: [String]) throws(PreviewFailure) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else {
            throw PreviewFailure(message: "cannot watch files: \(String(cString: strerror(errno)))")
        }
        for root in roots {
            let root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
            guard watch(tree: root) else {
                close(descriptor)
                throw PreviewFailure(message: "\(root): cannot watch the folder: \(String(cString: strerror(errno)))")
            }
        }
    }

    deinit {
        close(descriptor)
    }

    /// Waits for a change, then until `quiet` milliseconds pass without another (an editor's save is several
    /// events), at most `longest` milliseconds; gives what changed. `timeout` (milliseconds, -1 for none) ends
    /// the wait for the first change with no changes.
    public func next(quiet: Int32 = 100, longest: Int = 2000, timeout: Int32 = -1) -> Changes {
        var changes = Changes()
        guard wait(timeout) else { return changes }
        var waited = 0
        repeat {
            read(into: &changes)
            waited += Int(quiet)
        } while waited < longest && wait(quiet)
        return changes
    }

    /// Whether events arrived within `milliseconds`.
    private func wait(_ milliseconds: Int32) -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&poller, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            return ready > 0
        }
    }

    /// Reads the events waiting, into `changes`.
    private func read(into changes: inout Changes) {
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = Glibc.read(descriptor, buffer, capacity)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            var offset = 0
            // struct inotify_event: wd, mask, cookie, len, then len bytes of name, padded with NULs.
            while offset + 16 <= count {
                let watched = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = UnsafeRawBufferPointer(
                    start: buffer + offset + 16, count: min(length, count - offset - 16))
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += 16 + length
                handle(watch: watched, mask: mask, name: name, into: &changes)
            }
        }
    }

    private func handle(watch watched: Int32, mask: UInt32, name: String, into changes: inout Changes) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            changes.everything = true
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[watched] = nil
            return
        }
        guard let folder = folders[watched] else { return }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            changes.everything = true
            return
        }
        let path = folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            guard !name.hasPrefix(".") else { return }
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { _ = watch(tree: path) }
            changes.everything = true
            return
        }
        changes.paths.insert(path)
    }

    /// Watches `folder` and its subfolders; false if `folder` itself cannot be watched.
    private func watch(tree folder: String) -> Bool {
        let mask = Self.fileEvents | Self.folderEvents | UInt32(IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK)
        let added = inotify_add_watch(descriptor, folder, mask)
        guard added >= 0 else { return false }
        folders[added] = folder
        guard let directory = opendir(folder) else { return true }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            _ = watch(tree: path)
        }
        return true
    }
}
