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
    }
    public var status: Status
    public var diagnostics: [Diagnostic]
    /// The text of every file read, for showing source lines with diagnostics.
    public var sources: [String: String]
    public var pageCount = 0
    public var languageCount = 0
}

/// Builds a site: content and templates in, HTML out.
public enum SiteGenerator {
    /// Loads, checks and renders the site; writes it (unless `options.writeOutput` is false) only when there are no errors.
    public static func build(_ options: BuildOptions) -> BuildResult {
        var loader = ContentLoader(root: options.contentPath)
        var sources: [String: String] = [:]
        do {
            return try buildOrThrow(options, loader: &loader)
        } catch {
            let diagnostics = (loader.diagnostics + error.diagnostics).sorted()
            sources = SourceTexts.forDiagnostics(diagnostics, known: loader.sources)
            return BuildResult(
                status: error.reason == .io ? .ioError : .contentErrors, diagnostics: diagnostics, sources: sources)
        }
    }

    private static func buildOrThrow(_ options: BuildOptions, loader: inout ContentLoader) throws(BuildFailure)
        -> BuildResult
    {
        let loaded = try load(options, loader: &loader)
        var diagnostics = loaded.diagnostics
        guard let templates = loaded.templates else {
            let sorted = Array(Set(diagnostics)).sorted()
            return BuildResult(
                status: .contentErrors, diagnostics: sorted,
                sources: SourceTexts.forDiagnostics(sorted, known: loader.sources))
        }
        // Even with content errors, render everything: link and template errors are reported in the same run.
        // Pages are written into a staging folder while they are rendered; it replaces the output only at the end.
        let writer = options.writeOutput ? try OutputWriter(output: options.outputPath) : nil
        var renderer = SiteRenderer(
            site: loaded.site, templates: templates, templatesPath: options.templatesPath,
            assets: Set(loaded.assets.map(\.sitePath)), buildTime: ISO8601DateFormatter().string(from: options.now))
        let pageCount = renderer.renderAll(writer: writer, progress: options.progress)
        diagnostics += renderer.diagnostics
        diagnostics = Diagnostic.limited(Array(Set(diagnostics)).sorted())

        var result = BuildResult(
            status: .success, diagnostics: diagnostics,
            sources: SourceTexts.forDiagnostics(diagnostics, known: loader.sources),
            pageCount: pageCount, languageCount: loaded.site.config.languages.count)
        if diagnostics.contains(where: { $0.severity == .error || options.strict }) {
            writer?.discard()
            result.status = .contentErrors
            return result
        }
        guard let writer else { return result }
        do {
            for asset in loaded.assets {
                try writer.copy(from: asset.filePath, to: String(asset.sitePath.dropFirst()))
            }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
        return result
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
            config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        let files = try loader.loadFiles(config: config)
        var diagnostics = loader.diagnostics

        var theme = ThemeLoader(root: options.templatesPath)
        let (templates, strings, assets) = try theme.load(config: config)
        diagnostics += theme.diagnostics
        for (path, text) in theme.sources { loader.sources[path] = text }

        var builder = SiteBuilder(config: config, includeDrafts: options.includeDrafts)
        let site = builder.build(files: files, strings: strings, now: options.now)
        diagnostics += builder.diagnostics
        return LoadedSite(site: site, templates: templates, assets: assets, diagnostics: diagnostics)
    }
}

/// A site read and checked, ready to render or to report on.
struct LoadedSite {
    var site: Site
    /// nil when the templates have errors.
    var templates: TemplateSet?
    var assets: [Asset]
    var diagnostics: [Diagnostic]
}
