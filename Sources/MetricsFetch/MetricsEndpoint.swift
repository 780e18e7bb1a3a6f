import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a `/metrics` page is scraped from: an `http(s)` URL. `host:port` alone means
/// `http://host:port/metrics`, and a URL without a path gets `/metrics`.
public struct MetricsEndpoint: Sendable, Equatable, CustomStringConvertible {
  /// The URL requested.
  public let url: URL
  /// `scheme://host:port/path` for messages: no user name, password or query (they may hold secrets).
  public let description: String

  /// Reads a SOURCE argument as an endpoint.
  /// - Throws: ``FetchError`` (kind `.invalidURL`) when it is not a usable http(s) URL.
  public init(_ source: String) throws {
    var text = source
    if !Self.hasScheme(source) {
      guard !source.contains("://") else {
        throw FetchError(.invalidURL, "\(Self.redacted(source)): not an http(s) URL or host:port")
      }
      text = "http://" + source
    }
    guard var parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(),
      scheme == "http" || scheme == "https", let host = parts.host, !host.isEmpty
    else {
      throw FetchError(.invalidURL, "\(Self.redacted(source)): not an http(s) URL or host:port")
    }
    if parts.path.isEmpty || parts.path == "/" { parts.path = "/metrics" }
    guard let url = parts.url else {
      throw FetchError(.invalidURL, "\(Self.redacted(source)): not an http(s) URL or host:port")
    }
    self.url = url
    let port = parts.port.map { ":\($0)" } ?? ""
    let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    description = "\(scheme)://\(shownHost)\(port)\(parts.path)"
  }

  /// Whether SOURCE names an endpoint rather than a file: an `http://` or `https://` URL, or `host:port`
  /// (`localhost:8000`, `10.0.0.5:8000`, `[::1]:8000`) when no file of that name exists.
  public static func isEndpoint(_ source: String) -> Bool {
    if hasScheme(source) { return true }
    var st = stat()
    if stat(source, &st) == 0 { return false }
    guard let colon = source.lastIndex(of: ":") else { return false }
    let host = source[..<colon]
    let port = source[source.index(after: colon)...]
    guard !host.isEmpty, !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }), Int(port) ?? 0 < 65536
    else { return false }
    if host.hasPrefix("[") { return host.hasSuffix("]") }
    return host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
  }

  static func hasScheme(_ source: String) -> Bool {
    let lower = source.prefix(8).lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://")
  }

  /// The source without `user:password@` and without a query, for messages about an unparsable URL.
  static func redacted(_ source: String) -> String {
    var s = source
    if let q = s.firstIndex(where: { $0 == "?" || $0 == "#" }) { s = String(s[..<q]) }
    if let at = s.lastIndex(of: "@") {
      let start = s.range(of: "://").map(\.upperBound) ?? s.startIndex
      if start <= at { s.replaceSubrange(start...at, with: "") }
    }
    return s
  }
}
