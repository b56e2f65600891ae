import Foundation

/// Where each translation of each page stands, per language: the answer to "what needs translating?".
public struct TranslationReport: Sendable, Codable, Equatable {
    /// The state of one page in one language.
    public enum State: String, Sendable, Codable, Comparable {
        /// Translated from the current version of the source.
        case upToDate = "up_to_date"
        /// Translated, but the source changed since (or the translation was never stamped).
        case outdated
        /// Not translated; readers see the text of a fallback language.
        case fallback
        /// Not translated and not shown in this language at all.
        case missing

        var rank: Int {
            switch self {
            case .upToDate: 0
            case .outdated: 1
            case .fallback: 2
            case .missing: 3
            }
        }

        public static func < (lhs: State, rhs: State) -> Bool { lhs.rank < rhs.rank }
    }

    public struct Page: Sendable, Codable, Equatable {
        /// The page's path inside a language folder, without `.md` (`guides/arbeit`; `` for the home page).
        public var page: String
        public var state: State
        /// The translation's file, when there is one.
        public var file: String?
        /// The source file it is translated from.
        public var source: String
        /// The hash of the source's current translatable text.
        public var sourceHash: String
        /// The `source_hash` the translation records (nil when never stamped or not translated).
        public var recordedHash: String?
        /// For fallback pages: the language readers see instead.
        public var shownIn: String?
    }

    public struct Counts: Sendable, Codable, Equatable {
        public var upToDate = 0
        public var outdated = 0
        public var fallback = 0
        public var missing = 0
    }

    public struct LanguageStatus: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var counts: Counts
        /// Every page whose source is in another language, in site order.
        public var pages: [Page]
        /// UI string keys other languages have and this one lacks (it shows them from its fallback chain).
        public var missingStrings: [String]
    }

    public var defaultLanguage: String
    public var languages: [LanguageStatus]

    /// The worst state found, over all reported languages.
    public var worst: State {
        languages.flatMap(\.pages).map(\.state).max() ?? .upToDate
    }
}

extension TranslationReport {
    /// The status of every translation in `site`; `only` limits it to one language.
    init(site: Site, only: String? = nil) {
        defaultLanguage = site.config.defaultLanguage
        let allKeys = Set(site.config.languages.flatMap { site.strings.tables[$0.code]?.keys.map { $0 } ?? [] })
        var statuses: [LanguageStatus] = []
        for language in site.config.languages where only == nil || language.code == only {
            var pages: [Page] = []
            var counts = Counts()
            for id in site.order {
                guard let page = site.pages[id], !page.files.isEmpty, page.sourceLanguage != language.code,
                    let source = page.files[page.sourceLanguage]
                else { continue }
                let hash = SourceHash.of(source)
                var entry = Page(
                    page: id, state: .missing, file: nil, source: source.displayPath, sourceHash: hash,
                    recordedHash: nil, shownIn: nil)
                if let file = page.files[language.code] {
                    entry.file = file.displayPath
                    entry.recordedHash = file.frontMatter["source_hash"]?.text
                    entry.state = entry.recordedHash == hash ? .upToDate : .outdated
                } else if let shown = site.contentLanguage(of: page, for: language) {
                    entry.state = .fallback
                    entry.shownIn = shown
                }
                switch entry.state {
                case .upToDate: counts.upToDate += 1
                case .outdated: counts.outdated += 1
                case .fallback: counts.fallback += 1
                case .missing: counts.missing += 1
                }
                pages.append(entry)
            }
            let own = Set(site.strings.tables[language.code]?.keys.map { $0 } ?? [])
            statuses.append(
                LanguageStatus(
                    code: language.code, name: language.name, counts: counts, pages: pages,
                    missingStrings: allKeys.subtracting(own).sorted()))
        }
        languages = statuses
    }
}

extension SiteGenerator {
    /// Loads the site (writing nothing) and reports its translation status; nil with diagnostics when it cannot
    /// be loaded. Content errors that do not stop loading are returned as diagnostics beside the report.
    public static func translationReport(_ options: BuildOptions, language: String? = nil) -> (
        report: TranslationReport?, diagnostics: [Diagnostic], sources: [String: String], directions: [String: String]
    ) {
        var loader = ContentLoader(root: options.contentPath)
        do {
            let loaded = try load(options, loader: &loader)
            if let language, loaded.site.config.language(language) == nil {
                let message = "`\(language)` is not a language of this site"
                return (
                    nil, [Diagnostic(file: options.contentPath + "/site.yml", line: 1, column: 1, message: message)],
                    loader.sources, [:]
                )
            }
            let directions = Dictionary(
                uniqueKeysWithValues: loaded.site.config.languages.map { ($0.code, $0.direction.rawValue) })
            return (
                TranslationReport(site: loaded.site, only: language), Array(Set(loaded.diagnostics)).sorted(),
                SourceTexts.forDiagnostics(loaded.diagnostics, known: loader.sources), directions
            )
        } catch {
            let diagnostics = (loader.diagnostics + error.diagnostics).sorted()
            return (nil, diagnostics, SourceTexts.forDiagnostics(diagnostics, known: loader.sources), [:])
        }
    }
}
