import Foundation

/// Runs `body` on the contents of each file named on the command line: how the fuzz targets replay their seed
/// corpus (and any crash input) when they are built without libFuzzer.
public func replayArguments(_ body: (UnsafeBufferPointer<UInt8>) -> Void) throws {
    for path in CommandLine.arguments.dropFirst() {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        data.withUnsafeBytes { body($0.bindMemory(to: UInt8.self)) }
    }
}
