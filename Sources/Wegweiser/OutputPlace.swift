import Foundation
import Glibc

/// Where a build may put its output. A build replaces the whole output folder (see `OutputWriter`), so the folder
/// must hold nothing of value: not the content or the theme, not the folder the command runs in, not a file, and
/// not a folder of someone else's files (`--output ""` or a mistyped path must not delete a project).
public enum OutputPlace {
    /// Why `output` cannot take a build of `content` with `templates`; nil if it can. The files every build writes
    /// at the top of its output, and the build cache beside it, mark a folder a build wrote before.
    static func problem(output: String, content: String, templates: String, cachePath: String) -> String? {
        guard !output.isEmpty else {
            return "the output path is empty, which names the folder wegweiser runs in, and a build replaces all of "
                + "the output folder; choose a folder of its own, such as `output`"
        }
        let place = resolvedKeepingLink(output)
        let named = "`\(output)`"
        for (folder, role) in [(content, "content"), (templates, "templates")] {
            let other = resolved(folder)
            if place == other {
                return "the output folder \(named) is the \(role) folder, and a build replaces all of the output "
                    + "folder; choose a folder of its own, such as `output`"
            }
            if contains(place, other) {
                return "the output folder \(named) holds the \(role) folder `\(folder)`, and a build replaces all "
                    + "of it; choose a folder of its own, such as `output`"
            }
            if contains(other, place) {
                return "the output folder \(named) is inside the \(role) folder `\(folder)`; choose a folder "
                    + "outside it, such as `output`"
            }
        }
        let workingFolder = resolved(FileManager.default.currentDirectoryPath)
        if place == workingFolder || contains(place, workingFolder) {
            return "the output folder \(named) holds the folder wegweiser runs in, and a build replaces all of it; "
                + "choose a folder of its own, such as `output`"
        }
        var info = stat()
        guard lstat(place, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            break
        case S_IFLNK:
            // The link is replaced, not what it points to.
            return nil
        default:
            return "the output \(named) is a file, not a folder; a build would replace it with a folder"
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: place), !entries.isEmpty,
            !FileManager.default.fileExists(atPath: cachePath),
            !builtFiles.allSatisfy(Set(entries).contains)
        else { return nil }
        return "the output folder \(named) holds files wegweiser did not write, and a build replaces all of it; "
            + "empty it or choose a new folder"
    }

    /// Why a report (`status --html`) cannot be written to `path`; nil if it can. It must not overwrite a file of
    /// the content or the theme.
    public static func reportProblem(path: String, content: String, templates: String) -> String? {
        let place = resolved(path)
        for (folder, role) in [(content, "content"), (templates, "templates")] {
            let other = resolved(folder)
            if place == other || contains(other, place) {
                return "the report would overwrite `\(path)` in the \(role) folder; write it outside, such as to "
                    + "`status.html`"
            }
        }
        return nil
    }

    /// Files at the top of every build's output.
    static let builtFiles = ["index.html", "404.html", "robots.txt", "sitemap.xml"]

    /// The absolute path with `.`, `..` and symbolic links resolved (as far as the path exists).
    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// `resolved(_:)` for the folders of `path` only: a symbolic link at its end stays, since a build replaces the
    /// link, not what it points to.
    private static func resolvedKeepingLink(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard url.pathComponents.count > 1 else { return url.path }
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent)
            .path
    }

    /// Whether `inner` lies inside `outer` (and is not `outer` itself).
    private static func contains(_ outer: String, _ inner: String) -> Bool {
        inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }
}
