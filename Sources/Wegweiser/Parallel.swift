import Dispatch
import Foundation
import Synchronization

/// Work spread over the cores with results kept in input order, so that builds stay deterministic.
enum Parallel {
    /// How many threads work at once; 0 means one per core (`--jobs`).
    static let workerLimit = Atomic<Int>(0)

    static var workers: Int {
        let limit = workerLimit.load(ordering: .relaxed)
        return limit > 0 ? limit : max(1, System.coreCount)
    }

    /// `transform` applied to every element of `items` in chunks of `chunkSize`, on `workers` threads; results in
    /// the order of `items`. `chunkDone` is called after each chunk with the number of items done so far.
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], chunkSize: Int = 16, chunkDone: (@Sendable (Int) -> Void)? = nil,
        _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        let noState: @Sendable () -> Void = {}
        return map(items, chunkSize: chunkSize, chunkDone: chunkDone, state: noState) { _, item in transform(item) }
    }

    /// `map` where each thread has a `State` of its own, made by `makeState` when the thread starts and handed to
    /// every call of `transform` on that thread (a buffer to reuse, say).
    static func map<Item: Sendable, Result: Sendable, State>(
        _ items: [Item], chunkSize: Int = 16, chunkDone: (@Sendable (Int) -> Void)? = nil,
        state makeState: @Sendable () -> State, _ transform: @Sendable (inout State, Item) -> Result
    ) -> [Result] {
        let workers = min(workers, (items.count + chunkSize - 1) / chunkSize)
        guard workers > 1 else {
            var state = makeState()
            var results: [Result] = []
            results.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                results.append(transform(&state, item))
                if (index + 1) % chunkSize == 0 || index + 1 == items.count { chunkDone?(index + 1) }
            }
            return results
        }
        let chunkCount = (items.count + chunkSize - 1) / chunkSize
        let next = Atomic<Int>(0)
        let results = Mutex<(chunks: [[Result]], done: Int)>((Array(repeating: [], count: chunkCount), 0))
        // Each worker takes the next chunk until none is left.
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var state = makeState()
            while true {
                let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard chunk < chunkCount else { return }
                let range = (chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize)
                let chunkResults = items[range].map { transform(&state, $0) }
                let done = results.withLock { results -> Int in
                    results.chunks[chunk] = chunkResults
                    results.done += range.count
                    return results.done
                }
                chunkDone?(done)
            }
        }
        return Array(results.withLock { $0.chunks }.joined())
    }
}

/// A value worked out on another thread while this one goes on; `value` waits for it.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            let value = work()
            self.result.withLock { $0 = value }
            self.done.signal()
        }
    }

    /// A value that is there already.
    init(_ value: Value) {
        result.withLock { $0 = value }
        done.signal()
    }

    var value: Value {
        done.wait()
        // Signal again, so that every later read also goes through.
        defer { done.signal() }
        return result.withLock { $0! }
    }
}

/// Facts about the machine.
enum System {
    /// Cores this process may use.
    static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// With `WEGWEISER_TIMINGS=1`, prints how long each phase of a build took, to stderr (for profiling).
enum PhaseTimer {
    static let enabled = ProcessInfo.processInfo.environment["WEGWEISER_TIMINGS"] == "1"
    /// Wall clock and CPU time (user and system, all threads) at the last mark.
    private static let last = Mutex<(wall: Date, cpu: Double)>((Date(), cpuSeconds()))

    /// Prints the wall and CPU time since the last mark: a phase whose CPU time is not about twice its wall time
    /// on two cores runs on one of them.
    static func mark(_ phase: String) {
        guard enabled else { return }
        let now = (wall: Date(), cpu: cpuSeconds())
        let (wall, cpu) = last.withLock { last in
            defer { last = now }
            // The first mark also starts the clock (`last` is made when first used): nothing has passed yet.
            return (max(0, now.wall.timeIntervalSince(last.wall)), max(0, now.cpu - last.cpu))
        }
        let line =
            "\(phase): \(String(format: "%.2f", wall)) s (CPU \(String(format: "%.2f", cpu)) s, \(residentMegabytes()) MB)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// The memory the process holds now (resident set), from /proc; 0 where there is none.
    private static func residentMegabytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
