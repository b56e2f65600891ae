import Foundation
import Glibc
import Synchronization

/// Writes a build into a temporary folder beside the output folder and swaps it in only when the build succeeded,
/// so a failed build leaves the previous site exactly as it was.
struct OutputWriter: Sendable {
    /// The final output folder.
    let output: URL
    /// Where this build writes until it is committed.
    let staging: URL
    /// `staging` as a file path, worked out once.
    private let stagingPath: String
    /// The staging folder, open, so that files are created relative to it without walking its path each time.
    private let folder: OpenFolder
    /// Its descriptor (-1 if it could not be opened: then paths are used).
    private var stagingFolder: Int32 { folder.descriptor }

    /// A folder's descriptor, closed once by whichever of `commit` and `discard` comes first.
    private final class OpenFolder: Sendable {
        private let opened: Int32
        private let closed = Atomic<Bool>(false)

        init(_ path: String) { opened = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }

        var descriptor: Int32 { closed.load(ordering: .acquiring) ? -1 : opened }

        func close() {
            guard opened >= 0, !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
            _ = Glibc.close(opened)
        }
    }

    init(output path: String) throws(BuildFailure) {
        let output = URL(fileURLWithPath: path).standardizedFileURL
        self.output = output
        let parent = output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(
            ".\(output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        stagingPath = staging.path
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure(
                reason: .io, diagnostics: [Self.ioDiagnostic(staging.path, "cannot create the build folder", error)])
        }
        folder = OpenFolder(stagingPath)
    }

    /// Writes `bytes` to `relativePath` inside the staging folder, creating folders as needed; a diagnostic on
    /// failure. Safe to call from several threads at once.
    func write(_ bytes: [UInt8], to relativePath: String) -> Diagnostic? {
        guard stagingFolder >= 0 else { return write(bytes, toPath: stagingPath + "/" + relativePath) }
        // The staging folder starts empty, so the file's folder usually does not exist yet: making it first saves
        // a failed open per page (where it exists, `mkdir` fails as cheaply).
        if let slash = relativePath.lastIndex(of: "/") {
            Self.makeFolder(String(relativePath[..<slash]), in: stagingFolder)
        }
        let descriptor = openat(stagingFolder, relativePath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor >= 0 {
            defer { close(descriptor) }
            if bytes.withUnsafeBufferPointer({ Self.write($0, to: descriptor) }) { return nil }
        }
        return Diagnostic(
            file: stagingPath + "/" + relativePath, line: 1, column: 1,
            message: "cannot write the file: \(String(cString: strerror(errno)))")
    }

    /// `write(_:to:)` by full path.
    private func write(_ bytes: [UInt8], toPath path: String) -> Diagnostic? {
        if let slash = path.lastIndex(of: "/") { Self.makeFolder(String(path[..<slash])) }
        let written = bytes.withUnsafeBufferPointer { Self.writeFile(path, $0) }
        guard !written else { return nil }
        return Diagnostic(
            file: path, line: 1, column: 1, message: "cannot write the file: \(String(cString: strerror(errno)))")
    }

    /// Writes `buffer` to `path`, replacing it; false on failure (errno says why).
    static func writeFile(_ path: String, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return write(buffer, to: descriptor)
    }

    /// Writes `parts` one after the other into the file at `path`.
    static func writeFile(_ path: String, parts: [[UInt8]]) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return parts.allSatisfy { part in part.withUnsafeBufferPointer { write($0, to: descriptor) } }
    }

    private static func write(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let result = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if result < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += result
        }
        return true
    }

    /// Replaces the file at `path` (outside any staging folder) through a temporary file and a rename, so that a
    /// reader of the site never sees half a page; a diagnostic on failure.
    static func replace(_ path: String, with bytes: [UInt8]) -> Diagnostic? {
        let temporary = path + ".wegweiser-\(ProcessInfo.processInfo.processIdentifier).tmp"
        var written = bytes.withUnsafeBufferPointer { writeFile(temporary, $0) }
        if !written, errno == ENOENT {
            makeFolder(String(path[..<path.lastIndex(of: "/")!]))
            written = bytes.withUnsafeBufferPointer { writeFile(temporary, $0) }
        }
        if written, rename(temporary, path) == 0 { return nil }
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        return Diagnostic(file: path, line: 1, column: 1, message: "cannot write the file: \(reason)")
    }

    /// Creates `folder` and any missing parents with plain `mkdir` calls (one for a folder whose parent exists);
    /// failures show when the file inside is written.
    static func makeFolder(_ folder: String) {
        makeFolder(folder, in: AT_FDCWD)
    }

    /// `makeFolder(_:)` for a path relative to the open folder `base` (or `AT_FDCWD`).
    static func makeFolder(_ folder: String, in base: Int32) {
        if mkdirat(base, folder, 0o755) == 0 || errno != ENOENT { return }
        guard let slash = folder.lastIndex(of: "/"), slash > folder.startIndex else { return }
        makeFolder(String(folder[..<slash]), in: base)
        _ = mkdirat(base, folder, 0o755)
    }

    /// Copies a file into the staging folder.
    func copy(from source: String, to relativePath: String) throws(BuildFailure) {
        let url = staging.appendingPathComponent(relativePath)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: source, toPath: url.path)
        } catch {
            throw BuildFailure(reason: .io, diagnostics: [Self.ioDiagnostic(source, "cannot copy the file", error)])
        }
    }

    /// Replaces the output folder with the staging folder.
    func commit() throws(BuildFailure) {
        folder.close()
        let manager = FileManager.default
        let old = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            if manager.fileExists(atPath: output.path) {
                try? manager.removeItem(at: old)
                try manager.moveItem(at: output, to: old)
                do {
                    try manager.moveItem(at: staging, to: output)
                } catch {
                    // Put the previous site back before reporting.
                    try? manager.moveItem(at: old, to: output)
                    throw error
                }
                try? manager.removeItem(at: old)
            } else {
                try manager.moveItem(at: staging, to: output)
            }
        } catch {
            // The folder was closed above; only the files go.
            try? manager.removeItem(at: staging)
            throw BuildFailure(
                reason: .io, diagnostics: [Self.ioDiagnostic(output.path, "cannot replace the output folder", error)])
        }
    }

    /// Removes the staging folder after a failed build.
    func discard() {
        folder.close()
        try? FileManager.default.removeItem(at: staging)
    }

    static func ioDiagnostic(_ path: String, _ what: String, _ error: any Error) -> Diagnostic {
        Diagnostic(file: path, line: 1, column: 1, message: "\(what): \(error.localizedDescription)")
    }
}

/// An output folder held open, so that its files are looked up by their paths inside it without its own path
/// being walked again for each.
final class OutputFolder: Sendable {
    private let descriptor: Int32

    init(_ path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether there is a file at `path` inside the folder; false when the folder could not be opened.
    func contains(_ path: String) -> Bool {
        descriptor >= 0 && faccessat(descriptor, path, F_OK, 0) == 0
    }

    /// Whether there is a file at each of `paths` inside the folder.
    func containsAll(_ paths: [String]) -> Bool {
        paths.allSatisfy(contains)
    }

    /// For each page of a build, whether it was written and its file is gone since (deleted by hand).
    func missing(_ results: [SiteRenderer.PageResult]) -> [Bool] {
        Parallel.map(results, chunkSize: 1024) { $0.outcome.written && !self.contains($0.job.path) }
    }
}
