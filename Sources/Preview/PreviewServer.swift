import Glibc
import Synchronization

/// A small HTTP server for looking at a built site on this machine: it answers GET and HEAD from the files of one
/// folder, on 127.0.0.1 only. Not for publishing a site: it knows no TLS, no ranges and no compression.
public final class PreviewServer: Sendable {
    /// The folder served.
    public let root: String
    /// The port listened on (the one the system chose when 0 was asked for).
    public let port: UInt16
    /// How long a connection has, from its accept on, to send its request head; then it is closed.
    public let headTimeout: Duration
    /// The most connections answered at once; one more is answered 503 and closed.
    public let maximumConnections: Int
    private let listener: Int32
    /// The connections accepted and not yet closed.
    private let connections = Atomic<Int>(0)

    /// Listens on 127.0.0.1:`port` (0: any free port).
    public init(
        root: String, port: UInt16, headTimeout: Duration = .seconds(10), maximumConnections: Int = 256
    ) throws(PreviewFailure) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.headTimeout = headTimeout
        self.maximumConnections = maximumConnections
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else {
            throw PreviewFailure(message: "cannot open a socket: \(String(cString: strerror(errno)))")
        }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        // A long queue: a page's many parallel requests wait in it rather than being refused and tried again.
        guard bound == 0, listen(listener, SOMAXCONN) == 0 else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw PreviewFailure(message: "cannot listen on 127.0.0.1:\(port): \(reason)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.port = UInt16(bigEndian: address.sin_port)
        self.listener = listener
    }

    deinit {
        close(listener)
    }

    /// Answers connections until the process ends.
    ///
    /// Each connection gets a thread of its own (detached, with a small stack), not a Dispatch work item: Dispatch
    /// runs only a few items at a time, so a few idle connections (browsers keep sockets open in advance) held
    /// every other request back for seconds. A thread waiting on a silent client costs little and delays no one.
    /// Two limits keep idle and slow clients from piling up: the request head must arrive within `headTimeout` of
    /// the accept, however it trickles in, and beyond `maximumConnections` a new connection is answered 503 at once.
    /// An event loop would carry more idle connections, but a preview has a few browsers, not thousands of clients,
    /// and a thread that reads, then answers, is easier to follow.
    public func run() -> Never {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                // Out of descriptors (EMFILE) fails again at once: a pause keeps the loop from spinning.
                if errno != EINTR, errno != ECONNABORTED { usleep(10_000) }
                continue
            }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            let deadline = ContinuousClock.now + headTimeout
            let active = connections.add(1, ordering: .relaxed).newValue
            let started =
                active <= maximumConnections
                && Self.detach { [self] in
                    answer(connection, deadline: deadline)
                    close(connection)
                    connections.subtract(1, ordering: .relaxed)
                }
            guard !started else { continue }
            // A fresh socket's buffer takes the short answer whole; without blocking, the accepting never waits.
            _ = fcntl(connection, F_SETFL, O_NONBLOCK)
            send(connection, status: "503 Service Unavailable", text: "Too many connections.\n", headOnly: false)
            close(connection)
            connections.subtract(1, ordering: .relaxed)
        }
    }

    /// A closure for `pthread_create`, which passes one pointer.
    private final class Work: Sendable {
        let run: @Sendable () -> Void

        init(_ run: @escaping @Sendable () -> Void) {
            self.run = run
        }
    }

    /// Runs `work` on a new detached thread with a small stack; false if the system gives no thread.
    private static func detach(_ work: @escaping @Sendable () -> Void) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        pthread_attr_setstacksize(&attributes, 256 * 1024)
        let context = Unmanaged.passRetained(Work(work))
        var thread = pthread_t()
        let created = pthread_create(
            &thread, &attributes,
            { context in
                Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            }, context.toOpaque())
        guard created == 0 else {
            context.release()
            return false
        }
        return true
    }

    // MARK: One request

    /// What a request asks for, decided from its method and target alone (no file is touched).
    public enum Route: Equatable, Sendable {
        /// The file at this path inside the root; a path that ends in `/` (or is empty) names a folder, which is
        /// answered with its index.html.
        case file(String)
        case badRequest
        case methodNotAllowed
        case notFound
    }

    /// Routes `target` (the request line's second word). Paths leave the root never: `.` and `..` segments,
    /// hidden names, NUL bytes and bad escapes are refused.
    public static func route(method: String, target: String) -> Route {
        guard method == "GET" || method == "HEAD" else { return .methodNotAllowed }
        let path = target.prefix { $0 != "?" && $0 != "#" }
        guard path.hasPrefix("/"), let decoded = percentDecoded(path) else { return .badRequest }
        var segments: [String] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            guard !segment.hasPrefix("."), !segment.contains("\\") else { return .notFound }
            segments.append(String(segment))
        }
        let inside = segments.joined(separator: "/")
        return decoded.hasSuffix("/") && !inside.isEmpty ? .file(inside + "/") : .file(inside)
    }

    /// `%XX` escapes decoded; nil for a bad escape, a NUL byte or bytes that are not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        func hex(_ byte: UInt8?) -> UInt8? {
            switch byte {
            case let byte? where (0x30...0x39).contains(byte): byte - 0x30
            case let byte? where (0x41...0x46).contains(byte): byte - 0x37
            case let byte? where (0x61...0x66).contains(byte): byte - 0x57
            default: nil
            }
        }
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = hex(iterator.next()), let low = hex(iterator.next()) else { return nil }
            bytes.append(high << 4 | low)
        }
        guard !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// `path` with every byte but unreserved ones and `/` written as `%XX`.
    static func percentEncoded(_ path: String) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 15)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The media type for a file name's extension.
    public static func contentType(of name: String) -> String {
        let dot = name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() } ?? ""
        switch dot {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "ics": return "text/calendar; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "xml": return "application/xml"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "avif": return "image/avif"
        case "pdf": return "application/pdf"
        case "mp3": return "audio/mpeg"
        case "m4a": return "audio/mp4"
        case "ogg": return "audio/ogg"
        case "mp4": return "video/mp4"
        case "webm": return "video/webm"
        default: return "application/octet-stream"
        }
    }

    /// Reads one request from `connection` and answers it; gives up on a head not complete by `deadline`.
    private func answer(_ connection: Int32, deadline: ContinuousClock.Instant) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // The request head, up to 16 KB: the request line is all that is used.
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while head.count < 16 * 1024, !contains(head, end) {
            // One deadline for the whole head, not a timeout for each read: a byte now and then does not extend it.
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return }
            var poller = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
            let ready = poll(&poller, 1, Int32(clamping: milliseconds + 1))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return }
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            head += chunk[..<count]
        }
        let line = head.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }
        let words = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard words.count == 3, let method = String(validating: words[0], as: UTF8.self),
            let target = String(validating: words[1], as: UTF8.self)
        else { return send(connection, status: "400 Bad Request", text: "Bad request.\n", headOnly: false) }
        let headOnly = method == "HEAD"
        switch Self.route(method: method, target: target) {
        case .badRequest:
            send(connection, status: "400 Bad Request", text: "Bad request.\n", headOnly: headOnly)
        case .methodNotAllowed:
            send(
                connection, status: "405 Method Not Allowed", text: "Only GET and HEAD.\n", headOnly: headOnly,
                extra: "Allow: GET, HEAD\r\n")
        case .notFound:
            sendNotFound(connection, headOnly: headOnly)
        case .file(let inside):
            var path = root
            var info = stat()
            guard stat(root, &info) == 0 else { return sendNotFound(connection, headOnly: headOnly) }
            // Every step is looked at, not only the last: a symbolic link to a folder on the way leads out of the root.
            for segment in inside.split(separator: "/") {
                path += "/" + segment
                guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else {
                    return sendNotFound(connection, headOnly: headOnly)
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR where inside.isEmpty || inside.hasSuffix("/"):
                sendFile(connection, path: path + "/index.html", headOnly: headOnly)
            case S_IFDIR:
                // A folder named without its trailing slash: redirected, so that relative links resolve.
                let location = Self.percentEncoded("/" + inside + "/")
                send(
                    connection, status: "301 Moved Permanently", text: "", headOnly: headOnly,
                    extra: "Location: \(location)\r\n")
            case S_IFREG where !inside.hasSuffix("/"):
                sendFile(connection, path: path, headOnly: headOnly)
            default:
                sendNotFound(connection, headOnly: headOnly)
            }
        }
    }

    private func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    private func sendFile(_ connection: Int32, path: String, headOnly: Bool) {
        guard let bytes = Self.regularFileBytes(path) else { return sendNotFound(connection, headOnly: headOnly) }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        send(connection, status: "200 OK", contentType: Self.contentType(of: name), body: bytes, headOnly: headOnly)
    }

    /// The site's own 404 page when it has one.
    private func sendNotFound(_ connection: Int32, headOnly: Bool) {
        if let page = Self.regularFileBytes(root + "/404.html") {
            send(
                connection, status: "404 Not Found", contentType: "text/html; charset=utf-8", body: page,
                headOnly: headOnly)
        } else {
            send(connection, status: "404 Not Found", text: "Not found.\n", headOnly: headOnly)
        }
    }

    private func send(_ connection: Int32, status: String, text: String, headOnly: Bool, extra: String = "") {
        send(
            connection, status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8),
            headOnly: headOnly, extra: extra)
    }

    private func send(
        _ connection: Int32, status: String, contentType: String, body: [UInt8], headOnly: Bool, extra: String = ""
    ) {
        let head =
            "HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
            + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\(extra)\r\n"
        var bytes = Array(head.utf8)
        if !headOnly { bytes += body }
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// The bytes of a regular file (not a symbolic link); nil otherwise.
    static func regularFileBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }
}
