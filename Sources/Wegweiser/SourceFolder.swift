import Foundation

/// Reading content and theme folders the same way everywhere: sorted listings (builds are deterministic),
/// hidden files skipped, symbolic links reported as such rather than followed, and text checked to be UTF-8.
enum SourceFolder {
    struct Entry {
        var name: String
        var isDirectory: Bool
        var isRegularFile: Bool
        var isSymbolicLink: Bool
    }

    /// The entries of `folder`, sorted by name, without hidden ones.
    static func entries(of folder: String) throws(BuildFailure) -> [Entry] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw BuildFailure(
                reason: .io, diagnostics: [OutputWriter.ioDiagnostic(folder, "cannot read the folder", error)])
        }
        var entries: [Entry] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            var info = stat()
            guard lstat(folder + "/" + name, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            entries.append(
                Entry(
                    name: name, isDirectory: type == S_IFDIR, isRegularFile: type == S_IFREG,
                    isSymbolicLink: type == S_IFLNK))
        }
        return entries
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
        guard let data = FileManager.default.contents(atPath: path) else { return .unreadable }
        let bytes = [UInt8](data)
        if let text = String(validating: bytes, as: UTF8.self) { return .text(text) }
        return .invalid(
            Diagnostic(
                file: path, position: UTF8Check.firstInvalidByte(bytes),
                message: "the file is not valid UTF-8; save it with UTF-8 encoding"))
    }
}
