import Foundation
import Synchronization

/// ICU formatters are expensive to create and a build formats thousands of dates, so each language keeps its
/// formatters, one per pattern template, behind a lock (Foundation's formatters are not `Sendable`).
final class FormatterCache: Sendable {
    private let dateFormatters = Mutex<[String: DateFormatter]>([:])
    private let intervalFormatters = Mutex<[String: DateIntervalFormatter]>([:])
    /// Texts already formatted, by what was asked: every page's footer shows the same date, every list the same events.
    /// nil where what was asked cannot be formatted.
    private let texts = Mutex<[String: String?]>([:])

    /// The text for `key`, made by `make` the first time it is asked for.
    func text(_ key: String, make: () -> String?) -> String? {
        if let known = texts.withLock({ $0[key] }) { return known }
        let made = make()
        texts.withLock { $0[key] = made }
        return made
    }

    /// `date` formatted by the formatter for `template`, made by `make` the first time.
    func string(_ date: Date, template: String, make: () -> DateFormatter) -> String {
        dateFormatters.withLock { cache in
            if let formatter = cache[template] { return formatter.string(from: date) }
            let formatter = make()
            cache[template] = formatter
            return formatter.string(from: date)
        }
    }

    /// The range `from`–`to` formatted by the interval formatter for `template`, made by `make` the first time.
    func string(from: Date, to: Date, template: String, make: () -> DateIntervalFormatter) -> String {
        intervalFormatters.withLock { cache in
            if let formatter = cache[template] { return formatter.string(from: from, to: to) }
            let formatter = make()
            cache[template] = formatter
            return formatter.string(from: from, to: to)
        }
    }
}
