/// Why watching or serving cannot start: a message for the command line.
public struct PreviewFailure: Error, Equatable {
    public var message: String

    public init(message: String) {
        self.message = message
    }
}
