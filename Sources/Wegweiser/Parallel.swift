import Dispatch
import Synchronization

/// Work spread over all cores with results kept in input order, so that builds stay deterministic.
enum Parallel {
    /// `transform` applied to every element of `items`, on all cores, in chunks of `chunkSize`; results in the order
    /// of `items`. `chunkDone` is called after each chunk with the number of items done so far.
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], chunkSize: Int = 16, chunkDone: (@Sendable (Int) -> Void)? = nil,
        _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        guard items.count > chunkSize else { return items.map(transform) }
        let chunkCount = (items.count + chunkSize - 1) / chunkSize
        let results = Mutex<(chunks: [[Result]], done: Int)>((Array(repeating: [], count: chunkCount), 0))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize)
            let chunkResults = items[range].map(transform)
            let done = results.withLock { results -> Int in
                results.chunks[chunk] = chunkResults
                results.done += range.count
                return results.done
            }
            chunkDone?(done)
        }
        return Array(results.withLock { $0.chunks }.joined())
    }
}
