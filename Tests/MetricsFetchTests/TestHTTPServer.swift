import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests: answers each connection with the next canned response
/// (`Connection: close`), records the requests, and after the last response goes away (closes its listening
/// socket before answering, so any later connection is refused) or keeps repeating the last one.
final class TestHTTPServer: @unchecked Sendable {
  struct Response {
    var status: Int
    var contentType: String
    var body: [UInt8]
    var headers: [String] = []

    static func metrics(_ body: [UInt8]) -> Response {
      Response(status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8", body: body)
    }
  }

  struct SetupError: Error, CustomStringConvertible { var description: String }

  let port: UInt16
  private var listenFD: Int32
  private let responses: [Response]
  private let goAwayAfterLast: Bool
  private let lock = NSLock()
  private var served = 0
  private var requestTexts: [String] = []
  private var thread: Thread?

  /// Starts listening on `port` (0: any free port) and serving.
  init(responses: [Response], goAwayAfterLast: Bool = false, port: UInt16 = 0) throws {
    precondition(!responses.isEmpty)
    self.responses = responses
    self.goAwayAfterLast = goAwayAfterLast
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw SetupError(description: "socket: \(errno)") }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, listen(fd, 16) == 0 else {
      close(fd)
      throw SetupError(description: "bind/listen on port \(port): errno \(errno)")
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    self.port = UInt16(bigEndian: address.sin_port)
    listenFD = fd
    let thread = Thread { [self] in self.serve() }
    self.thread = thread
    thread.start()
  }

  deinit { stop() }

  /// `http://127.0.0.1:PORT`.
  var base: String { "http://127.0.0.1:\(port)" }

  /// The raw request heads received so far.
  var requests: [String] {
    lock.lock()
    defer { lock.unlock() }
    return requestTexts
  }

  /// Stops listening: later connections are refused.
  func stop() {
    lock.lock()
    let fd = listenFD
    listenFD = -1
    lock.unlock()
    if fd >= 0 {
      shutdown(fd, Int32(SHUT_RDWR))
      close(fd)
    }
  }

  /// A port that was free a moment ago (for a server started later).
  static func freePort() throws -> UInt16 {
    let probe = try TestHTTPServer(responses: [Response(status: 204, contentType: "text/plain", body: [])])
    let port = probe.port
    probe.stop()
    return port
  }

  private func serve() {
    while true {
      lock.lock()
      let fd = listenFD
      lock.unlock()
      guard fd >= 0 else { return }
      let client = accept(fd, nil, nil)
      if client < 0 {
        if errno == EINTR { continue }
        return
      }
      let head = readHead(client)
      lock.lock()
      requestTexts.append(head)
      let index = min(served, responses.count - 1)
      served += 1
      let last = served >= responses.count
      lock.unlock()
      if last && goAwayAfterLast { stop() }
      send(responses[index], to: client)
      close(client)
    }
  }

  private func readHead(_ fd: Int32) -> String {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while bytes.count < 65536 {
      let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if n <= 0 { break }
      bytes.append(contentsOf: buffer[0..<n])
      if bytes.count >= 4, Array(bytes.suffix(4)) == Array("\r\n\r\n".utf8) { break }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private func send(_ r: Response, to fd: Int32) {
    var head = "HTTP/1.1 \(r.status) Test\r\nContent-Type: \(r.contentType)\r\nContent-Length: \(r.body.count)\r\n"
    for h in r.headers { head += h + "\r\n" }
    head += "Connection: close\r\n\r\n"
    let bytes = Array(head.utf8) + r.body
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
      if n <= 0 { return }
      offset += n
    }
  }
}
