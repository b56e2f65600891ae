import Foundation
import Glibc
import Testing

@testable import Preview

@Suite struct PreviewServerTests {
    @Test(arguments: [
        ("/", PreviewServer.Route.file("")),
        ("/de/guides/arbeit/", .file("de/guides/arbeit/")),
        ("/de/guides/arbeit", .file("de/guides/arbeit")),
        ("/assets/style.css?v=2#top", .file("assets/style.css")),
        ("/de//events/", .file("de/events/")),
        ("/fa/%D8%B1%D8%A7%D9%87%D9%86%D9%85%D8%A7/", .file("fa/راهنما/")),
        ("/../etc/passwd", .notFound),
        ("/de/%2e%2e/%2e%2e/etc/passwd", .notFound),
        ("/de/./x", .notFound),
        ("/.wegweiser-cache", .notFound),
        ("/de/..%5c..%5cx", .notFound),
        ("/de/%00.html", .badRequest),
        ("/de/%zz", .badRequest),
        ("/de/%4", .badRequest),
        ("/de/%C3%28", .badRequest),
        ("de/", .badRequest),
        ("http://example.org/", .badRequest),
    ])
    func routes(target: String, route: PreviewServer.Route) {
        #expect(PreviewServer.route(method: "GET", target: target) == route)
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "OPTIONS", "get"])
    func onlyGetAndHead(method: String) {
        #expect(PreviewServer.route(method: method, target: "/") == .methodNotAllowed)
        #expect(PreviewServer.route(method: "HEAD", target: "/") == .file(""))
    }

    @Test func encodingForLocationKeepsUnreservedBytes() {
        #expect(PreviewServer.percentEncoded("/de/a-b_c.d~/") == "/de/a-b_c.d~/")
        #expect(PreviewServer.percentEncoded("/fa/راه/") == "/fa/%D8%B1%D8%A7%D9%87/")
        #expect(PreviewServer.percentEncoded("/a b\r\n") == "/a%20b%0D%0A")
    }

    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("events.ics", "text/calendar; charset=utf-8"),
        ("sitemap.xml", "application/xml"), ("STYLE.CSS", "text/css; charset=utf-8"), ("icon.svg", "image/svg+xml"),
        ("hide-ended.js", "text/javascript; charset=utf-8"), ("README", "application/octet-stream"),
        ("antrag.pdf", "application/pdf"), ("karte.avif", "image/avif"), ("ansage.mp3", "audio/mpeg"),
        ("film.webm", "video/webm"), ("formular.docx", "application/octet-stream"),
    ])
    func contentTypes(name: String, type: String) {
        #expect(PreviewServer.contentType(of: name) == type)
    }

    /// A site folder with a page, a folder page, an asset and a 404 page, served on a free port.
    struct Served {
        let root: URL
        let server: PreviewServer

        init(headTimeout: Duration = .seconds(10), maximumConnections: Int = 256) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)")
            let files = [
                "index.html": "<p>chooser</p>", "de/index.html": "<p>Start</p>", "404.html": "<p>fehlt</p>",
                "assets/style.css": "body{}", "de/events.ics": "BEGIN:VCALENDAR",
            ]
            for (path, text) in files {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: false, encoding: .utf8)
            }
            server = try PreviewServer(
                root: root.path, port: 0, headTimeout: headTimeout, maximumConnections: maximumConnections)
            let server = server
            Thread.detachNewThread { server.run() }
        }

        /// A new connection to the server, which the caller closes.
        func connected(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int32 {
            let connection = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = server.port.bigEndian
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(connection, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            #expect(result == 0, sourceLocation: sourceLocation)
            return connection
        }

        /// The whole answer to `request`, as text.
        func ask(_ request: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
            let connection = connected(sourceLocation: sourceLocation)
            defer { close(connection) }
            sendAll(request, on: connection)
            return Self.answer(on: connection)
        }

        func sendAll(_ text: String, on connection: Int32) {
            _ = Array(text.utf8).withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }

        /// Everything read from `connection` until the server closes it, as text.
        static func answer(on connection: Int32) -> String {
            var answer: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { break }
                answer += chunk[..<count]
            }
            return String(decoding: answer, as: UTF8.self)
        }
    }

    @Test func answersFromTheFolder() throws {
        let site = try Served()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let home = try site.ask("GET /de/ HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(home.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(home.contains("Content-Type: text/html; charset=utf-8\r\n"))
        #expect(home.contains("Content-Length: 12\r\n"))
        #expect(home.hasSuffix("\r\n\r\n<p>Start</p>"))
        #expect(try site.ask("GET / HTTP/1.1\r\n\r\n").hasSuffix("<p>chooser</p>"))
        let calendar = try site.ask("GET /de/events.ics HTTP/1.1\r\n\r\n")
        #expect(calendar.contains("Content-Type: text/calendar; charset=utf-8\r\n"))

        let head = try site.ask("HEAD /assets/style.css HTTP/1.1\r\n\r\n")
        #expect(head.contains("Content-Length: 6\r\n"))
        #expect(head.hasSuffix("\r\n\r\n"))

        let folder = try site.ask("GET /de HTTP/1.1\r\n\r\n")
        #expect(folder.hasPrefix("HTTP/1.1 301 Moved Permanently\r\n"))
        #expect(folder.contains("Location: /de/\r\n"))

        for target in ["/en/", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/de/index.html/"] {
            let missing = try site.ask("GET \(target) HTTP/1.1\r\n\r\n")
            #expect(missing.hasPrefix("HTTP/1.1 404 Not Found\r\n"), "\(target)")
            #expect(missing.hasSuffix("<p>fehlt</p>"), "\(target)")
        }
        #expect(try site.ask("POST / HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
        #expect(try site.ask("GET /%00 HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        #expect(try site.ask("nonsense\r\n\r\n").hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
    }

    @Test func symbolicLinksAreNotFollowed() throws {
        let site = try Served()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("passwd").path, withDestinationPath: "/etc/passwd")
        #expect(try site.ask("GET /passwd HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 404 Not Found\r\n"))
    }

    @Test func symbolicLinksToFoldersOnTheWayAreNotFollowed() throws {
        let site = try Served()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: site.root)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createDirectory(
            at: outside.appendingPathComponent("inner"), withIntermediateDirectories: true)
        for name in ["secret.txt", "index.html", "inner/index.html"] {
            try "secret".write(to: outside.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("de/elsewhere").path, withDestinationPath: outside.path)
        for target in ["/de/elsewhere/secret.txt", "/de/elsewhere/", "/de/elsewhere/inner/", "/de/elsewhere"] {
            let answer = try site.ask("GET \(target) HTTP/1.1\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 404 Not Found\r\n"), "\(target)")
            #expect(!answer.contains("secret"), "\(target)")
        }
        #expect(try site.ask("GET /de/ HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 200 OK\r\n"))
    }

    @Test func idleConnectionsHoldNoOneBack() throws {
        let site = try Served()
        defer { try? FileManager.default.removeItem(at: site.root) }
        // Connections that send nothing, as a browser's opened in advance; and one that sends a byte now and then.
        let idle = (0..<24).map { _ in site.connected() }
        defer { for connection in idle { close(connection) } }
        site.sendAll("GET /de/ HTTP/1.1\r\n", on: idle[0])
        let started = ContinuousClock.now
        for _ in 0..<5 {
            site.sendAll("X", on: idle[0])
            #expect(try site.ask("GET /de/ HTTP/1.1\r\n\r\n").hasSuffix("<p>Start</p>"))
        }
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func aHeadNotCompleteInTimeIsCutOff() throws {
        let site = try Served(headTimeout: .milliseconds(300))
        defer { try? FileManager.default.removeItem(at: site.root) }
        let silent = site.connected()
        defer { close(silent) }
        let trickling = site.connected()
        defer { close(trickling) }
        let started = ContinuousClock.now
        site.sendAll("GET /de/ HTTP/1.1\r\n", on: trickling)
        // A byte every 50 ms would have kept a timeout for each read from ever running out.
        var closed = false
        while !closed, ContinuousClock.now - started < .seconds(3) {
            usleep(50_000)
            site.sendAll("X", on: trickling)
            var poller = pollfd(fd: trickling, events: Int16(POLLIN), revents: 0)
            closed = poll(&poller, 1, 0) == 1
        }
        #expect(closed)
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(PreviewServerTests.Served.answer(on: trickling) == "")
        #expect(PreviewServerTests.Served.answer(on: silent) == "")
    }

    @Test func manyParallelRequestsAreAllAnswered() throws {
        let site = try Served()
        defer { try? FileManager.default.removeItem(at: site.root) }
        // All connected, then all asking, then all read: each is answered while the others are open.
        let connections = (0..<200).map { _ in site.connected() }
        defer { for connection in connections { close(connection) } }
        for connection in connections { site.sendAll("GET /assets/style.css HTTP/1.1\r\n\r\n", on: connection) }
        let answers = connections.map { PreviewServerTests.Served.answer(on: $0) }
        #expect(answers.filter { $0.hasPrefix("HTTP/1.1 200 OK\r\n") && $0.hasSuffix("body{}") }.count == 200)
    }

    @Test func connectionsBeyondTheMostAreTurnedAway() throws {
        let site = try Served(maximumConnections: 4)
        defer { try? FileManager.default.removeItem(at: site.root) }
        var idle = (0..<4).map { _ in site.connected() }
        let refused = try site.ask("GET /de/ HTTP/1.1\r\n\r\n")
        #expect(refused.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
        close(idle.removeLast())
        // The server sees the close at once, but on a thread of its own: the next request may come first.
        var answer = ""
        for _ in 0..<100 where !answer.hasPrefix("HTTP/1.1 200 OK\r\n") {
            answer = try site.ask("GET /de/ HTTP/1.1\r\n\r\n")
            usleep(10_000)
        }
        #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
        for connection in idle { close(connection) }
    }

    @Test func listensOnlyOnThisMachine() throws {
        let site = try Served()
        defer { try? FileManager.default.removeItem(at: site.root) }
        #expect(site.server.port > 0)
        // The kernel's table of TCP sockets: the one listening (state 0A) on this port is bound to 127.0.0.1
        // (0100007F, in the byte order of the table), not to every address.
        let port = String(site.server.port, radix: 16, uppercase: true)
        let suffix = ":" + String(repeating: "0", count: 4 - port.count) + port
        let table = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
        var listening: [String] = []
        for line in table.split(separator: "\n") {
            let columns = line.split(separator: " ")
            guard columns.count > 3, columns[1].hasSuffix(suffix), columns[3] == "0A" else { continue }
            listening.append(String(columns[1]))
        }
        #expect(listening == ["0100007F" + suffix])
        #expect(throws: PreviewFailure.self) { try PreviewServer(root: site.root.path, port: site.server.port) }
    }
}
