import Foundation
import Glibc
import Synchronization

/// Writes a build into a temporary folder beside the output folder and swaps it in only when the build succeeded,
/// so a failed build leaves the previous site exactly as it was.
struct OutputWriter: Sendable {
    /// The final output folder.
    let output: URL
    /// The output folder as the user named it, for diagnostics.
    let outputPath: String
    /// Where this build writes until it is committed.
    let staging: URL
    /// `staging` as a file path, worked out once.
    private let stagingPath: String
    /// The staging folder, open, so that files are created relative to it without walking its path each time.
    private let folder: OpenFolder
    /// Its descriptor (-1 if it could not be opened: then paths are used).
    private var stagingFolder: Int32 { folder.descriptor }
    /// The files that could not be written, from all threads.
    private let failures = Failures()

    /// A file of the site that could not be written: its path inside the output folder, and why.
    struct WriteFailure: Sendable, Hashable, Comparable {
        var path: String
        var reason: String

        static func < (lhs: WriteFailure, rhs: WriteFailure) -> Bool {
            (lhs.reason, lhs.path) < (rhs.reason, rhs.path)
        }
    }

    /// The failed writes of one build, collected from the threads that write.
    private final class Failures: Sendable {
        let list = Mutex<[WriteFailure]>([])
    }

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
        outputPath = path
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

    /// Writes `bytes` to `relativePath` inside the staging folder, creating folders as needed; false on failure,
    /// which is kept for `failureDiagnostics`. Safe to call from several threads at once.
    @discardableResult
    func write(_ bytes: [UInt8], to relativePath: String) -> Bool {
        guard stagingFolder >= 0 else {
            let written = write(bytes, toPath: stagingPath + "/" + relativePath)
            if !written { failed(relativePath, String(cString: strerror(errno))) }
            return written
        }
        // The staging folder starts empty, so the file's folder usually does not exist yet: making it first saves
        // a failed open per page (where it exists, `mkdir` fails as cheaply).
        if let slash = relativePath.lastIndex(of: "/") {
            Self.makeFolder(String(relativePath[..<slash]), in: stagingFolder)
        }
        let descriptor = openat(stagingFolder, relativePath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor >= 0,
            Self.closing(descriptor, afterWriting: bytes.withUnsafeBufferPointer { Self.write($0, to: descriptor) })
        {
            return true
        }
        failed(relativePath, String(cString: strerror(errno)))
        return false
    }

    /// `write(_:to:)` by full path; false on failure (errno says why).
    private func write(_ bytes: [UInt8], toPath path: String) -> Bool {
        if let slash = path.lastIndex(of: "/") { Self.makeFolder(String(path[..<slash])) }
        return bytes.withUnsafeBufferPointer { Self.writeFile(path, $0) }
    }

    private func failed(_ relativePath: String, _ reason: String) {
        failures.list.withLock { $0.append(WriteFailure(path: relativePath, reason: reason)) }
    }

    /// Whether a file could not be written so far.
    var hasFailures: Bool { failures.list.withLock { !$0.isEmpty } }

    /// The files that could not be written so far, as diagnostics on the output folder (see `diagnostics(for:…)`):
    /// a full disk fails every file after some point, which is one problem, not one per page.
    var failureDiagnostics: [Diagnostic] {
        Self.diagnostics(
            for: failures.list.withLock { $0 }, in: outputPath, consequence: "the output folder was left as it was")
    }

    /// One diagnostic per reason for `failures` (paths inside the output folder `folder`, as the user named it):
    /// the first file by path and how many more failed for that reason, then what became of the output. They are
    /// on the folder, not on the files, which are the build's (or the previous build's): no line of them is shown.
    static func diagnostics(for failures: [WriteFailure], in folder: String, consequence: String) -> [Diagnostic] {
        let sorted = Set(failures).sorted()
        var diagnostics: [Diagnostic] = []
        var index = 0
        while index < sorted.count {
            let first = sorted[index]
            var end = index + 1
            while end < sorted.count, sorted[end].reason == first.reason { end += 1 }
            let more = end - index - 1
            var message = "cannot write \(first.path): \(first.reason)"
            if more > 0 { message += "; \(more) more file\(more == 1 ? "" : "s") could not be written" }
            message += "; " + consequence
            diagnostics.append(Diagnostic(file: folder, line: 1, column: 1, message: message))
            index = end
        }
        return diagnostics
    }

    /// Writes `buffer` to `path`, replacing it; false on failure (errno says why).
    static func writeFile(_ path: String, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        return closing(descriptor, afterWriting: write(buffer, to: descriptor))
    }

    /// Writes `parts` one after the other into the file at `path`.
    static func writeFile(_ path: String, parts: [[UInt8]]) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        return closing(
            descriptor,
            afterWriting: parts.allSatisfy { part in part.withUnsafeBufferPointer { write($0, to: descriptor) } })
    }

    /// Closes `descriptor`; whether the file was written, which a failed `close` also undoes (a file system may
    /// find a full disk only then). errno is the first failure's.
    private static func closing(_ descriptor: Int32, afterWriting written: Bool) -> Bool {
        let writeError = errno
        let closed = close(descriptor) == 0
        if !written { errno = writeError }
        return written && closed
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

    /// Writes the pages of `results` that have bytes over their files in the output folder `output` (a rebuild
    /// writes in place), stopping at the first that cannot be written: then the diagnostic for it, on the output
    /// folder as the user `named` it. The pages before it are new, and with the build cache removed first, the next
    /// build writes the whole site again.
    static func replacePages(_ results: [SiteRenderer.PageResult], in output: String, named: String) -> Diagnostic? {
        for page in results {
            guard let bytes = page.bytes else { continue }
            if let failure = replace(page.job.path, in: output, with: bytes) {
                return diagnostics(for: [failure], in: named, consequence: "the next build writes every page again")[0]
            }
        }
        return nil
    }

    /// Replaces the file at `relativePath` in the folder `output` (not a staging folder) through a temporary file
    /// and a rename, so that a reader of the site never sees half a page; what failed, if it did.
    static func replace(_ relativePath: String, in output: String, with bytes: [UInt8]) -> WriteFailure? {
        let path = output + "/" + relativePath
        let temporary = path + ".wegweiser-\(ProcessInfo.processInfo.processIdentifier).tmp"
        var written = bytes.withUnsafeBufferPointer { writeFile(temporary, $0) }
        if !written, errno == ENOENT {
            makeFolder(String(path[..<path.lastIndex(of: "/")!]))
            written = bytes.withUnsafeBufferPointer { writeFile(temporary, $0) }
        }
        if written, rename(temporary, path) == 0 { return nil }
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        return WriteFailure(path: relativePath, reason: reason)
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

    /// Copies a file into the staging folder. A file that cannot be read is an error on it; one that cannot be
    /// written is kept for `failureDiagnostics`, with the pages that could not be written.
    func copy(from source: String, to relativePath: String) throws(BuildFailure) {
        let url = staging.appendingPathComponent(relativePath)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: source, toPath: url.path)
        } catch {
            let error = error as NSError
            // Foundation's codes for failed writes (out of space, read-only volume, no permission).
            guard error.domain == NSCocoaErrorDomain, (512...767).contains(error.code) else {
                throw BuildFailure(reason: .io, diagnostics: [Self.ioDiagnostic(source, "cannot copy the file", error)])
            }
            var reason = error.localizedDescription
            if let cause = error.userInfo[NSUnderlyingErrorKey] as? POSIXError {
                reason = String(cString: strerror(cause.code.rawValue))
            }
            failed(relativePath, reason)
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
