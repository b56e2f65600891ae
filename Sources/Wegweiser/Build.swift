import Foundation
import FrontMatter
import Templates

/// What a build reads and where it writes.
public struct BuildOptions: Sendable {
    public var contentPath = "content"
    public var templatesPath = "templates"
    public var outputPath = "output"
    public var includeDrafts = false
    /// "Now" for upcoming and past events; also the sitemap's and templates' build time.
    public var now: Date
    /// Overrides `base_url` of site.yml (e.g. for a preview deployment).
    public var baseURL: String?
    /// false for `check`: everything is checked, nothing written.
    public var writeOutput = true
    /// Warnings count as errors (`--strict`).
    public var strict = false
    /// Threads that read and render at once (`--jobs`); 0 means one per core.
    public var jobs = 0
    /// The process ends right after the build (the command line): the site's memory is left to the system at exit
    /// rather than freed object by object, which takes a tenth of a rebuild's time.
    public var exitsAfterBuild = false
    /// Called now and then while pages are rendered, with the pages done and the total (for a progress line).
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(now: Date) {
        self.now = now
    }
}

/// The outcome of a build: diagnostics (sorted) and what was written.
public struct BuildResult: Sendable {
    public enum Status: Sendable, Equatable {
        case success
        /// Content or template errors: nothing was written.
        case contentErrors
        /// Reading or writing failed.
        case ioError
        /// The output path cannot take a build (it holds the content, the theme or files a build did not write):
        /// nothing was read or written.
        case unusableOutput
    }
    public var status: Status
    public var diagnostics: [Diagnostic]
    /// The text of every file read, for showing source lines with diagnostics.
    public var sources: [String: String]
    public var pageCount = 0
    /// Pages rendered in this build; fewer than `pageCount` when a rebuild took the others over unchanged.
    public var renderedCount = 0
    public var languageCount = 0
    /// Whether only changed bodies were put in place, without loading the site (`QuickRebuild`).
    public var putInPlace = false
}

/// Builds a site: content and templates in, HTML out.
public enum SiteGenerator {
    /// Loads, checks and renders the site; writes it (unless `options.writeOutput` is false) only when there are no errors.
    public static func build(_ options: BuildOptions) -> BuildResult {
        var state: BuildState?
        return build(options, keeping: &state, quick: true)
    }

    /// `build(_:)`, and on success what the next build in the same process can start from (`BuildSession`).
    /// With `quick`, a change of nothing but bodies is put in place without loading the site (`QuickRebuild`),
    /// which leaves nothing in `state`.
    static func build(_ options: BuildOptions, keeping state: inout BuildState?, quick: Bool = false) -> BuildResult {
        state = nil
        Parallel.workerLimit.store(options.jobs, ordering: .relaxed)
        PhaseTimer.mark("start")
        let cachePath = BuildCache.path(forOutput: options.outputPath)
        if options.writeOutput,
            let problem = OutputPlace.problem(
                output: options.outputPath, content: options.contentPath, templates: options.templatesPath,
                cachePath: cachePath)
        {
            let diagnostic = Diagnostic(
                file: options.outputPath.isEmpty ? "." : options.outputPath, line: 1, column: 1, message: problem)
            return BuildResult(status: .unusableOutput, diagnostics: [diagnostic], sources: [:])
        }
        // Only bodies changed since the last build: they are put in place without loading the site.
        if quick, let result = QuickRebuild.attempt(options) {
            PhaseTimer.mark("quick")
            return result
        }
        // Taken before site.yml and the theme are read: a change made while the build reads them shows next time.
        let inputs =
            options.writeOutput
            ? QuickInputs(
                config: QuickFacts.stamp(
                    of: ContentLoader(root: options.contentPath).root + "/site.yml", following: true),
                theme: QuickFacts.theme(at: ThemeLoader(root: options.templatesPath).root)) : QuickInputs()
        var loader = ContentLoader(root: options.contentPath)
        // The last build's cache, read while the content folder is listed: page files it read are not read again
        // if unchanged (see BuildCache). Without an output folder, the build is a clean one and reads everything.
        let pending = Pending {
            options.writeOutput && existingFolder(options.outputPath) != nil ? BuildCache.read(cachePath) : nil
        }
        loader.known = Pending { pending.value?.sources ?? [:] }
        defer { if options.exitsAfterBuild { ProcessMemory.keep(pending, loader) } }
        var sources: [String: String] = [:]
        do {
            return try buildOrThrow(options, loader: &loader, previous: pending, inputs: inputs, keeping: &state)
        } catch {
            let diagnostics = (loader.diagnostics + error.diagnostics).sorted()
            sources = SourceTexts.forDiagnostics(diagnostics, known: loader.sources)
            return BuildResult(
                status: error.reason == .io ? .ioError : .contentErrors, diagnostics: diagnostics, sources: sources)
        }
    }

    private static func buildOrThrow(
        _ options: BuildOptions, loader: inout ContentLoader, previous pending: Pending<BuildCache?>,
        inputs: QuickInputs, keeping state: inout BuildState?
    ) throws(BuildFailure)
        -> BuildResult
    {
        let loaded = try load(options, loader: &loader)
        PhaseTimer.mark("load")
        let diagnostics = loaded.diagnostics
        guard let templates = loaded.templates else {
            let sorted = Array(Set(diagnostics)).sorted()
            return BuildResult(
                status: .contentErrors, diagnostics: sorted,
                sources: SourceTexts.forDiagnostics(sorted, known: loader.sources))
        }
        let buildTime = buildDate(options.now, in: loaded.site.timeZone)
        var renderer = SiteRenderer(
            site: loaded.site, templates: templates, templatesPath: options.templatesPath,
            assets: Set(loaded.assets.map(\.sitePath)), buildTime: buildTime)
        guard options.writeOutput else {
            renderer.recordsShownBodies = false
            let results = renderer.renderAll(writer: nil, progress: options.progress)
            return finish(options, loaded: loaded, sources: loader.sources, diagnostics + renderer.diagnostics, results)
        }

        let cachePath = BuildCache.path(forOutput: options.outputPath)
        let cache = BuildCache(
            global: BuildCache.global(
                sources: loader.sources, assets: loaded.assets, options: options, buildTime: buildTime),
            meta: BuildCache.meta(of: loaded.site))
        let facts = inputs.facts(
            options: options, loaded: loaded, walk: loader.walkSignature, buildTime: buildTime)
        PhaseTimer.mark("fingerprints")
        // A file made from all pages that is missing from the output (deleted by hand) is made again only by a
        // clean build.
        if let previous = pending.value, previous.global == cache.global, previous.meta == cache.meta,
            let output = existingFolder(options.outputPath), previous.output == BuildCache.folderIdentity(output),
            OutputFolder(output).containsAll(previous.siteFiles)
        {
            return try rebuild(
                options, into: output, loaded: loaded, sources: loader.sources, diagnostics: diagnostics,
                renderer: &renderer, previous: previous, cache: cache, cachePath: cachePath, facts: facts,
                keeping: &state)
        }

        // Even with content errors, render everything: link and template errors are reported in the same run.
        // Pages are written into a staging folder while they are rendered; it replaces the output only at the end.
        let writer = try OutputWriter(output: options.outputPath)
        let results = renderer.renderPages(renderer.pageJobs(), writer: writer, progress: options.progress)
        PhaseTimer.mark("pages")
        // The cache's lines for the pages and their files are made while the files made from all pages are.
        let recorded = Pending { [cache, site = loaded.site, files = loaded.files] in
            var cache = cache
            cache.record(results, site: site, files: files)
            return (cache: cache, lines: cache.encodedLines())
        }
        let siteDiagnostics = renderer.renderSiteFiles(writer: writer)
        PhaseTimer.mark("site files")
        var result = finish(
            options, loaded: loaded, sources: loader.sources, diagnostics + renderer.diagnostics, results)
        // The theme's files and those beside the pages are copied only into a build that can still succeed.
        if result.status == .success, !writer.hasFailures {
            do {
                for asset in loaded.assets {
                    try writer.copy(from: asset.filePath, to: String(asset.sitePath.dropFirst()))
                }
                for attachment in loaded.site.attachments.all {
                    try writer.copy(from: attachment.path, to: String(attachment.sitePath.dropFirst()))
                }
            } catch {
                writer.discard()
                throw error
            }
        }
        // A file that could not be written (a full disk) fails the build as an I/O error, whatever else was found.
        let failures = writer.failureDiagnostics
        if !failures.isEmpty {
            result.status = .ioError
            result.diagnostics = (result.diagnostics + failures).sorted()
        }
        guard result.status == .success else {
            writer.discard()
            return result
        }
        if let failure = BuildCache.remove(cachePath) {
            writer.discard()
            result.status = .ioError
            result.diagnostics = (result.diagnostics + [failure]).sorted()
            return result
        }
        do {
            try writer.commit()
            PhaseTimer.mark("commit")
        } catch {
            writer.discard()
            throw error
        }
        var (written, lines) = recorded.value
        written.siteFiles =
            renderer.siteFilePaths + loaded.assets.map { String($0.sitePath.dropFirst()) }
            + loaded.site.attachments.all.map { String($0.sitePath.dropFirst()) }
        written.output = BuildCache.folderIdentity(existingFolder(options.outputPath) ?? options.outputPath)
        written.quick = facts.value(adding: siteDiagnostics)
        written.write(to: cachePath, lines: lines)
        PhaseTimer.mark("cache")
        if options.exitsAfterBuild {
            ProcessMemory.keep(loaded, results, written, renderer)
        } else {
            state = BuildState(
                loaded: loaded, sources: loader.sources, buildTime: buildTime,
                output: existingFolder(options.outputPath) ?? options.outputPath, global: written.global,
                meta: written.meta, results: results, siteDiagnostics: siteDiagnostics, siteFiles: written.siteFiles,
                quick: written.quick)
        }
        return result
    }

    /// A rebuild into an existing output whose pages and fields are unchanged: only pages whose Markdown changed
    /// (or whose file is missing) are rendered, and written in place once no errors are found.
    static func rebuild(
        _ options: BuildOptions, into output: String, loaded: LoadedSite, sources: [String: String],
        diagnostics: [Diagnostic], renderer: inout SiteRenderer, previous: BuildCache, cache: BuildCache,
        cachePath: String, facts: Pending<QuickFacts?>, keeping state: inout BuildState?
    ) throws(BuildFailure) -> BuildResult {
        let outputFolder = OutputFolder(output)
        let results = renderer.renderPages(
            renderer.pageJobs(), writer: nil, progress: options.progress, keepBytes: true
        ) { job in
            guard let cached = previous.pages[job.path], cached.bodyHash == job.bodyHash, cached.outcome.written,
                outputFolder.contains(job.path)
            else { return nil }
            return cached.outcome
        }
        let siteDiagnostics = renderer.renderSiteFiles(writer: nil, onlyCheck: true)
        PhaseTimer.mark("pages")
        var result = finish(options, loaded: loaded, sources: sources, diagnostics + renderer.diagnostics, results)
        guard result.status == .success else { return result }
        // Nothing rendered and every file as the cache knows it (taken from it, and as many): the cache stays as it is.
        let sourcesUnchanged = loaded.files.allSatisfy(\.sourceFromCache)
        if sourcesUnchanged, loaded.files.count == previous.sources.count, !results.contains(where: \.rendered) {
            if options.exitsAfterBuild {
                ProcessMemory.keep(loaded, results, previous, renderer)
            } else {
                state = BuildState(
                    loaded: loaded, sources: sources, buildTime: renderer.buildTime, output: output,
                    global: cache.global, meta: cache.meta, results: results, siteDiagnostics: siteDiagnostics,
                    siteFiles: previous.siteFiles, quick: facts.value(adding: siteDiagnostics))
            }
            return result
        }
        if let failure = BuildCache.remove(cachePath)
            ?? OutputWriter.replacePages(results, in: output, named: options.outputPath)
        {
            result.status = .ioError
            result.diagnostics = (result.diagnostics + [failure]).sorted()
            return result
        }
        PhaseTimer.mark("write")
        var cache = cache
        cache.siteFiles = previous.siteFiles
        cache.output = previous.output
        cache.quick = facts.value(adding: siteDiagnostics)
        cache.record(results, site: loaded.site, files: loaded.files)
        cache.write(to: cachePath)
        PhaseTimer.mark("cache")
        if options.exitsAfterBuild {
            ProcessMemory.keep(loaded, results, cache, previous, renderer)
        } else {
            state = BuildState(
                loaded: loaded, sources: sources, buildTime: renderer.buildTime, output: output, global: cache.global,
                meta: cache.meta, results: results.map(\.withoutBytes), siteDiagnostics: siteDiagnostics,
                siteFiles: cache.siteFiles, quick: cache.quick)
        }
        return result
    }

    /// The result of a build from its diagnostics: an error (or, with `--strict`, a warning) means nothing is written.
    static func finish(
        _ options: BuildOptions, loaded: LoadedSite, sources: [String: String], _ diagnostics: [Diagnostic],
        _ results: [SiteRenderer.PageResult]
    ) -> BuildResult {
        let diagnostics = Diagnostic.limited(Array(Set(diagnostics)).sorted())
        var result = BuildResult(
            status: .success, diagnostics: diagnostics,
            sources: SourceTexts.forDiagnostics(diagnostics, known: sources),
            pageCount: results.count { $0.outcome.written }, languageCount: loaded.site.config.languages.count)
        result.renderedCount = results.count { $0.rendered && $0.outcome.written }
        if diagnostics.contains(where: { $0.severity == .error || options.strict }) {
            result.status = .contentErrors
        }
        return result
    }

    /// The build's date in the site's time zone (`2025-11-13`): what pages show as "as of", and the same all day,
    /// so that a rebuild changes no page whose content did not change.
    static func buildDate(_ now: Date, in timeZone: TimeZone) -> String {
        Site.day(of: now, in: timeZone)?.description ?? "1970-01-01"
    }

    /// The standardized path of `path` if it is a folder (not a symbolic link to one).
    static func existingFolder(_ path: String) -> String? {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        var info = stat()
        guard lstat(standardized, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return standardized
    }

    /// Reads and checks content and templates into a `Site`; problems are in `diagnostics`.
    static func load(_ options: BuildOptions, loader: inout ContentLoader) throws(BuildFailure) -> LoadedSite {
        guard FileManager.default.fileExists(atPath: options.contentPath) else {
            throw BuildFailure(
                reason: .io,
                diagnostics: [
                    Diagnostic(
                        file: options.contentPath, line: 1, column: 1,
                        message:
                            "the content folder does not exist; run wegweiser in the site's folder or pass --content DIR"
                    )
                ])
        }
        guard var config = try loader.loadConfig() else {
            throw BuildFailure(reason: .content, diagnostics: [])
        }
        if let baseURL = options.baseURL {
            config.replacedBaseURL = config.baseURL
            config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        } else if config.baseURL == "/" {
            // Without it, the sitemap's addresses, canonical and hreflang links and calendars' links are not
            // addresses on the web (a sitemap with them is invalid).
            loader.diagnostics.append(
                Diagnostic(
                    file: options.contentPath + "/site.yml", line: 1, column: 1, severity: .warning,
                    message:
                        "site.yml has no `base_url`; the sitemap, canonical links and calendars need the site's address, e.g. `base_url: https://integration.example.org/`"
                ))
        }
        let files = try loader.loadFiles(config: config)
        PhaseTimer.mark("content files")
        var diagnostics = loader.diagnostics

        var theme = ThemeLoader(root: options.templatesPath)
        let (templates, strings, assets) = try theme.load(config: config)
        diagnostics += theme.diagnostics
        for (path, text) in theme.sources { loader.sources[path] = text }

        var builder = SiteBuilder(config: config, includeDrafts: options.includeDrafts)
        PhaseTimer.mark("theme")
        var site = builder.build(files: files, strings: strings, now: options.now)
        site.attachments = Attachments(loader.attachments)
        diagnostics += builder.diagnostics
        return LoadedSite(site: site, templates: templates, assets: assets, diagnostics: diagnostics, files: files)
    }
}

/// Memory a process that is about to exit does not free.
enum ProcessMemory {
    private final class Box {
        let values: [Any]
        init(_ values: [Any]) { self.values = values }
    }

    static func keep(_ values: Any...) {
        _ = Unmanaged.passRetained(Box(values))
    }
}

/// What a successful build leaves for the next build in the same process: the site as loaded, and what every
/// page job gave.
struct BuildState {
    var loaded: LoadedSite
    /// The texts of site.yml and the theme, for diagnostics.
    var sources: [String: String]
    var buildTime: String
    /// The output folder's standardized path.
    var output: String
    /// The build cache's fingerprints.
    var global: UInt64
    var meta: UInt64
    /// Every page job's result, in the order of `SiteRenderer.pageJobs()`, without bytes.
    var results: [SiteRenderer.PageResult]
    /// The diagnostics of the files made from all pages (aliases).
    var siteDiagnostics: [Diagnostic]
    /// The paths of the files made from all pages and the theme (`BuildCache.siteFiles`).
    var siteFiles: [String]
    /// What the build cache keeps for `QuickRebuild`.
    var quick: QuickFacts?
}

/// What a build takes of site.yml and the theme before reading them, for `QuickFacts`.
struct QuickInputs {
    var config: SourceFolder.FileStamp?
    var theme: UInt64?

    /// The facts of a build that loaded `loaded` (without the diagnostics of the files made from all pages),
    /// made on another thread while pages are rendered (the next end of every event is looked up); nil if
    /// site.yml or the theme could not be stamped.
    func facts(options: BuildOptions, loaded: LoadedSite, walk: UInt64, buildTime: String) -> Pending<QuickFacts?> {
        guard let config, let theme else { return Pending(nil) }
        let (site, diagnostics) = (loaded.site, loaded.diagnostics)
        return Pending {
            var stamped: [String] = []
            for page in site.pages.values {
                guard page.hasStampedTranslation, let source = page.files[page.sourceLanguage] else { continue }
                stamped.append(source.displayPath)
            }
            return QuickFacts(
                program: BuildCache.programIdentity, options: QuickFacts.options(options), buildTime: buildTime,
                timeZone: site.timeZone.identifier, builtAt: options.now.timeIntervalSince1970,
                unchangedUntil: site.unchangedUntil().timeIntervalSince1970,
                config: config, theme: theme, walk: walk, languages: site.config.languages.map(\.code),
                ownHosts: site.config.ownHosts.sorted(), stamped: stamped.sorted(), notes: diagnostics)
        }
    }
}

extension Pending<QuickFacts?> {
    /// The facts, with the diagnostics of the files made from all pages.
    func value(adding siteDiagnostics: [Diagnostic]) -> QuickFacts? {
        value.map { facts in
            var facts = facts
            facts.notes += siteDiagnostics
            return facts
        }
    }
}

/// A site read and checked, ready to render or to report on.
struct LoadedSite {
    var site: Site
    /// nil when the templates have errors.
    var templates: TemplateSet?
    var assets: [Asset]
    var diagnostics: [Diagnostic]
    /// Every page file read, drafts too, in the order of the content folder's walk.
    var files: [SourceFile] = []
}
