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

        init() throws {
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
            server = try PreviewServer(root: root.path, port: 0)
            let server = server
            Thread.detachNewThread { server.run() }
        }

        /// The whole answer to `request`, as text.
        func ask(_ request: String) throws -> String {
            let connection = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(connection) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = server.port.bigEndian
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(connection, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            #expect(connected == 0)
            _ = Array(request.utf8).withUnsafeBytes { send(connection, $0.baseAddress, $0.count, 0) }
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
