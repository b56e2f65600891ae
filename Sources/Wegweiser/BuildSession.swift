import Foundation
import FrontMatter
import Templates

/// Builds one site again and again in one process (`serve`): the first build is a normal one; after that, a change
/// that touches only the Markdown bodies of known page files renders just the pages that show them, from the site
/// kept in memory, without listing the content folder or reading the build cache. Any other change is a normal
/// build, which is itself incremental through the build cache.
///
/// The output and the build cache are the same as after a `build`: a body-only change leaves the site's structure
/// (pages, fields, lists, calendars, sitemap) as it was, which is what a rebuild from the cache relies on too.
public final class BuildSession {
    /// How a changed path bears on the site.
    public enum Change: Equatable, Sendable {
        /// Nothing a build reads (hidden files, editors' backups, files beside the Markdown not published).
        case ignored
        /// A Markdown file in a language folder: maybe only its body changed.
        case pageFile
        /// site.yml, the theme, a folder, or a file published beside the pages: a normal build.
        case other
    }

    public private(set) var options: BuildOptions
    /// Gives "now" for each build; nil keeps `options.now` for the whole session (`--now`).
    private let clock: (@Sendable () -> Date)?
    /// Until when the kept site is what a build now would make (see `Site.unchangedUntil`): a change after it is
    /// a normal build at the new time.
    private var unchangedUntil = Date.distantFuture

    /// Whether the time has passed the end of the kept site's day or an event's end (never with a fixed time).
    public var isOutOfDate: Bool { clock.map { $0() >= unchangedUntil } ?? false }

    /// Milliseconds until `isOutOfDate` turns true, for a watcher's timeout; -1 when it never does.
    public var millisecondsUntilOutOfDate: Int32 {
        guard let clock, unchangedUntil != .distantFuture else { return -1 }
        let milliseconds = (unchangedUntil.timeIntervalSince(clock()) * 1000).rounded(.up) + 1
        return Int32(max(0, min(milliseconds, Double(Int32.max))))
    }
    /// The content folder as page files' paths start, without a trailing `/`.
    public let contentRoot: String
    private var state: BuildState?
    /// The current site's page files: path → page id, language, and place in the files the site was loaded from.
    private var files: [String: (id: String, code: String, index: Int)] = [:]
    /// Page files changed since the last build that succeeded: a failed build's changes are tried again with the
    /// next change, so that an error is reported until it is mended.
    private var pending: Set<String> = []
    /// Whether the last rebuild rendered changed bodies from the site kept in memory (rather than building).
    public private(set) var tookBodiesOnly = false
    /// Whether the output has changed since the build cache was last written.
    private var cacheToWrite = false

    /// A session for `options`; with a `clock`, each build takes its time from it (else `options.now` always).
    public init(options: BuildOptions, clock: (@Sendable () -> Date)? = nil) {
        var options = options
        options.exitsAfterBuild = false
        self.options = options
        self.clock = clock
        contentRoot = options.contentPath.hasSuffix("/") ? String(options.contentPath.dropLast()) : options.contentPath
    }

    /// A normal build (incremental through the build cache); what it leaves is kept for the next `rebuild`.
    public func build() -> BuildResult {
        writeCache()
        tookBodiesOnly = false
        if let clock { options.now = clock() }
        let result = SiteGenerator.build(options, keeping: &state)
        unchangedUntil = clock == nil ? .distantFuture : state?.loaded.site.unchangedUntil() ?? .distantFuture
        files = [:]
        for (index, file) in (state?.loaded.files ?? []).enumerated() {
            files[file.displayPath] = (file.pageID, file.language, index)
        }
        pending = []
        return result
    }

    /// How `path` (a path inside the content or templates folder, as the folder was given) bears on the site.
    public func change(at path: String) -> Change {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasPrefix(".") { return .ignored }
        guard path.hasPrefix(contentRoot + "/") else { return .other }
        let inside = path.dropFirst(contentRoot.count + 1)
        if inside == "site.yml" { return .other }
        // Only site.yml, the Markdown files of language folders and the files published beside them are read from
        // the content folder.
        guard inside.contains("/") else { return .ignored }
        if name.hasSuffix(".md") { return .pageFile }
        // What a build passes over without a word: notes (`_…`), editors' backups and lock files (`…~`, `#…#`,
        // `~$antrag.docx`), and the file vim writes and removes on every save to test the folder (`4913`).
        if name.hasPrefix("_") || name.hasPrefix("#") || name.hasPrefix("~") || name.hasSuffix("~")
            || name.allSatisfy({ $0 >= "0" && $0 <= "9" })
        {
            return .ignored
        }
        if Attachment.isPublishedKind(Substring(name)) { return .other }
        // Any other file or folder (`notizen.txt`, `plan.svg`, `kontakt.MD`, a symbolic link) is warned about by a
        // build, or holds pages: a normal build, so that its warnings come and go as in a build.
        return .other
    }

    /// Builds after the files at `paths` changed; `everything` when changes may have been missed.
    /// Whether only page bodies changed is decided by reading the page files again.
    public func rebuild(changed paths: Set<String>, everything: Bool = false) -> BuildResult {
        writeCache()
        var pageFiles: Set<String> = pending
        var onlyPageFiles = !everything
        for path in paths {
            switch change(at: path) {
            case .ignored: continue
            case .pageFile: pageFiles.insert(path)
            case .other: onlyPageFiles = false
            }
        }
        // Past a new day or the end of an event, the kept site is out of date: a normal build at the new time.
        guard onlyPageFiles, !isOutOfDate, var state, SiteGenerator.existingFolder(state.output) == state.output,
            let templates = state.loaded.templates,
            let site = changedBodies(pageFiles, in: state.loaded.site, updating: &state.loaded.files)
        else {
            return build()
        }
        tookBodiesOnly = true
        let changedIDs = Set(pageFiles.compactMap { files[$0]?.id })
        // The pages that show a changed file: the page in the file's language, and fallbacks to it.
        var jobs: [SiteRenderer.PageJob] = []
        var places: [Int] = []
        for (index, result) in state.results.enumerated() where changedIDs.contains(result.job.id) {
            let language = site.config.languages[result.job.languageIndex]
            guard let page = site.pages[result.job.id], let code = site.contentLanguage(of: page, for: language),
                let file = page.files[code], file.bodyHash != result.job.bodyHash
            else { continue }
            var job = result.job
            job.bodyHash = file.bodyHash
            jobs.append(job)
            places.append(index)
        }
        var renderer = makeRenderer(state, site: site, templates: templates)
        let rendered = renderer.renderPages(jobs, writer: nil, keepBytes: true, collecting: false)
        var results = state.results
        for (place, result) in zip(places, rendered) { results[place] = result }
        renderer.collect(results)
        var loaded = state.loaded
        loaded.site = site
        var result = SiteGenerator.finish(
            options, loaded: loaded, sources: state.sources,
            loaded.diagnostics + renderer.diagnostics + state.siteDiagnostics, results)
        // The results kept from earlier builds say whether they were rendered then.
        result.renderedCount = rendered.count { $0.outcome.written }
        guard result.status == .success else {
            pending = pageFiles
            return result
        }
        // As a rebuild does: no cache while the output is changed in place, so that an interrupted one is followed
        // by a full build.
        let cachePath = BuildCache.path(forOutput: options.outputPath)
        if let failure = BuildCache.remove(cachePath)
            ?? OutputWriter.replacePages(rendered, in: state.output, named: options.outputPath)
        {
            result.status = .ioError
            result.diagnostics = (result.diagnostics + [failure]).sorted()
            self.state = nil
            return result
        }
        for place in places { results[place].bytes = nil }
        state.loaded = loaded
        state.results = results
        self.state = state
        pending = []
        cacheToWrite = true
        return result
    }

    /// Writes again what was deleted from the output by hand since it was written, as a `build` would: the pages
    /// whose files are missing, rendered from the kept site; or, if a file made from all pages is missing (the
    /// sitemap, a calendar, a redirect, an asset), everything, by a normal build. nil if nothing is missing.
    /// `serve` calls it after reporting a build, so that looking up every file of the output (about a tenth of a
    /// second for 50,000 pages) does not delay the page just saved.
    public func restoreDeletedFiles() -> BuildResult? {
        guard let state, !isOutOfDate, let templates = state.loaded.templates,
            SiteGenerator.existingFolder(state.output) == state.output
        else { return nil }
        let folder = OutputFolder(state.output)
        guard folder.containsAll(state.siteFiles) else { return build() }
        let missing = folder.missing(state.results)
        let jobs = state.results.indices.filter { missing[$0] }.map { state.results[$0].job }
        guard !jobs.isEmpty else { return nil }
        var renderer = makeRenderer(state, site: state.loaded.site, templates: templates)
        // The kept site is what the deleted pages were made from: they come out as they were.
        let rendered = renderer.renderPages(jobs, writer: nil, keepBytes: true, collecting: false)
        var result = BuildResult(
            status: .success, diagnostics: [], sources: [:], pageCount: state.results.count { $0.outcome.written },
            languageCount: state.loaded.site.config.languages.count)
        var failures: [OutputWriter.WriteFailure] = []
        for page in rendered {
            guard let bytes = page.bytes else { continue }
            if let failure = OutputWriter.replace(page.job.path, in: state.output, with: bytes) {
                failures.append(failure)
            } else {
                result.renderedCount += 1
            }
        }
        if !failures.isEmpty {
            result.status = .ioError
            result.diagnostics = OutputWriter.diagnostics(
                for: failures, in: options.outputPath, consequence: "deleted files stay missing from the output")
        }
        return result
    }

    private func makeRenderer(_ state: BuildState, site: Site, templates: TemplateSet) -> SiteRenderer {
        SiteRenderer(
            site: site, templates: templates, templatesPath: options.templatesPath,
            assets: Set(state.loaded.assets.map(\.sitePath)), buildTime: state.buildTime)
    }

    /// Writes the build cache if a rebuild left it to be written (the CLI calls this after reporting the
    /// rebuild, so that the page is shown first); the next build or rebuild does it otherwise.
    public func writeCache() {
        guard cacheToWrite, let state else { return }
        cacheToWrite = false
        var cache = BuildCache(global: state.global, meta: state.meta)
        cache.siteFiles = state.siteFiles
        cache.output = BuildCache.folderIdentity(state.output)
        cache.quick = state.quick
        cache.record(state.results, site: state.loaded.site, files: state.loaded.files)
        cache.write(to: BuildCache.path(forOutput: options.outputPath))
    }

    /// `site` with the page files at `paths` read again, if each is a file of the site whose front matter (and
    /// so everything but its body) is unchanged; nil otherwise. `loaded`, the files the site was loaded from, gets
    /// the new files too.
    private func changedBodies(_ paths: Set<String>, in site: Site, updating loaded: inout [SourceFile]) -> Site? {
        var site = site
        var replaced: [(index: Int, file: SourceFile)] = []
        for path in paths {
            guard let (id, code, index) = files[path], let old = site.pages[id]?.files[code] else { return nil }
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                case .bytes(let bytes) = SourceFolder.readUTF8(path)
            else { return nil }
            var diagnostics: [Diagnostic] = []
            let relativePath = String(path.utf8.dropFirst(contentRoot.utf8.count + 1 + code.utf8.count + 1))!
            let file = bytes.withUnsafeBufferPointer { bytes in
                ContentLoader.parse(
                    bytes: bytes, path: path, language: old.language, relativePath: relativePath,
                    stamp: SourceFolder.FileStamp(info), diagnostics: &diagnostics)
            }
            // The front matter's hash covers its text and where it and the body start.
            guard let file, diagnostics.isEmpty, file.pageID == old.pageID,
                file.frontMatterHash == old.frontMatterHash, let page = site.pages[id]
            else { return nil }
            // A translation stamped with the source's hash (`source_hash`) is outdated, or no longer, when the
            // source's body changes: that warning comes from a normal build.
            if code == page.sourceLanguage, page.hasStampedTranslation { return nil }
            site.pages[id]?.files[code] = file
            replaced.append((index, file))
        }
        for (index, file) in replaced { loaded[index] = file }
        return site
    }
}
