import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Scrapes one `/metrics` endpoint over HTTP(S) with URLSession: a time-out per request, extra headers
/// (an API key), no redirect to another origin (the headers would follow), and a one-line ``FetchError`` for
/// every way it can fail. Reuses its connection between scrapes.
public final class MetricsFetcher: Sendable {
  /// The endpoint scraped.
  public let endpoint: MetricsEndpoint
  /// Seconds allowed for one request, connection included.
  public let timeout: Double
  private let headers: [RequestHeader]
  private let session: URLSession

  /// Creates a fetcher; `timeout` bounds each request (connect, answer and body).
  public init(endpoint: MetricsEndpoint, headers: [RequestHeader] = [], timeout: Double = 10) {
    self.endpoint = endpoint
    self.headers = headers
    self.timeout = timeout
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    configuration.httpMaximumConnectionsPerHost = 1
    session = URLSession(configuration: configuration, delegate: SameOriginRedirects(), delegateQueue: nil)
  }

  deinit { session.finishTasksAndInvalidate() }

  /// Scrapes once.
  /// - Throws: ``FetchError``.
  public func fetch() async throws -> Scrape {
    var request = URLRequest(url: endpoint.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
    request.setValue(
      "text/plain;version=0.0.4;q=1, application/openmetrics-text;q=0.5, */*;q=0.1",
      forHTTPHeaderField: "Accept")
    for h in headers { request.setValue(h.value, forHTTPHeaderField: h.name) }
    let started = Self.epochMs()
    let clock = Self.monotonic()
    let data: Data
    let response: URLResponse
    do {
      (data, response) = try await session.data(for: request)
    } catch let error as URLError {
      throw transportError(error)
    } catch is CancellationError {
      throw FetchError(.transport, "\(endpoint): cancelled")
    } catch {
      throw FetchError(.transport, "\(endpoint): \(scrubbed(error.localizedDescription))")
    }
    let seconds = Self.monotonic() - clock
    guard let http = response as? HTTPURLResponse else {
      throw FetchError(.transport, "\(endpoint): the answer is not HTTP")
    }
    let contentType = http.value(forHTTPHeaderField: "Content-Type")
    try check(
      status: http.statusCode, contentType: contentType, location: http.value(forHTTPHeaderField: "Location"),
      body: data)
    return Scrape(body: [UInt8](data), epochMs: started, seconds: seconds, contentType: contentType)
  }

  /// Scrapes, retrying with back-off (0.25 s doubling to 4 s) while the error is retryable — the server is
  /// starting — for at most `wait` seconds in all; `onRetry` is told each failure and the delay before the
  /// next try.
  /// - Throws: the last ``FetchError`` once `wait` is spent, or at once for an error waiting cannot fix.
  public func fetch(
    waitingUpTo wait: Double, onRetry: (FetchError, Double) -> Void = { _, _ in }
  ) async throws
    -> Scrape
  {
    let deadline = Self.monotonic() + max(0, wait)
    var delay = 0.25
    while true {
      do {
        return try await fetch()
      } catch let error as FetchError {
        let left = deadline - Self.monotonic()
        guard error.isRetryable, left > 0, !Task.isCancelled else { throw error }
        let pause = min(delay, left)
        onRetry(error, pause)
        try? await Task.sleep(nanoseconds: UInt64(pause * 1e9))
        delay = min(delay * 2, 4)
      }
    }
  }

  // MARK: - Classifying answers

  func check(status: Int, contentType: String?, location: String?, body: Data) throws {
    let hasAuthorization = headers.contains { $0.isAuthorization }
    switch status {
    case 200..<300: break
    case 300..<400:
      let target = location.map { " (" + MetricsEndpoint.redacted($0) + ")" } ?? ""
      throw FetchError(
        .httpStatus(status),
        "\(endpoint) answered \(status) \(Self.reason(status)): a redirect to another origin\(target), not followed "
          + "(headers such as Authorization would go with it); give the final URL")
    case 401, 403:
      let hint =
        hasAuthorization
        ? "the Authorization header sent was refused (check the key)"
        : "the server wants credentials: pass --header 'Authorization: Bearer <key>'"
      throw FetchError(.httpStatus(status), "\(endpoint) answered \(status) \(Self.reason(status)): \(hint)")
    case 404:
      throw FetchError(
        .httpStatus(status),
        "\(endpoint) answered 404 Not Found: no metrics at that path (vLLM serves them at /metrics)")
    default:
      throw FetchError(.httpStatus(status), "\(endpoint) answered \(status) \(Self.reason(status))")
    }
    let type = (contentType ?? "").lowercased()
    let first = body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    if type.contains("html") || first == UInt8(ascii: "<") {
      throw FetchError(
        .notMetrics,
        "\(endpoint) answered an HTML page, not Prometheus metrics (is this the vLLM server's /metrics?)")
    }
    if type.contains("json") || first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
      throw FetchError(.notMetrics, "\(endpoint) answered JSON, not Prometheus metrics (is the path /metrics?)")
    }
    if body.isEmpty {
      throw FetchError(.notMetrics, "\(endpoint) answered an empty page, not Prometheus metrics")
    }
  }

  func transportError(_ error: URLError) -> FetchError {
    let host = endpoint.url.host ?? "the host"
    switch error.code {
    case .cannotConnectToHost:
      return FetchError(.refused, "\(endpoint): connection refused (is the server running, and on this port?)")
    case .cannotFindHost, .dnsLookupFailed:
      return FetchError(.unreachable, "\(endpoint): cannot resolve host \(host)")
    case .notConnectedToInternet, .networkConnectionLost, .internationalRoamingOff:
      return FetchError(.unreachable, "\(endpoint): \(host) is unreachable (no route to it)")
    case .timedOut:
      return FetchError(.timedOut, "\(endpoint): no answer within \(Self.secondsText(timeout))")
    case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
      .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
      return FetchError(.transport, "\(endpoint): TLS failed (\(scrubbed(error.localizedDescription)))")
    case .cancelled:
      return FetchError(.transport, "\(endpoint): cancelled")
    default:
      return FetchError(.transport, "\(endpoint): \(scrubbed(error.localizedDescription))")
    }
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 301: return "Moved Permanently"
    case 302: return "Found"
    case 303: return "See Other"
    case 307: return "Temporary Redirect"
    case 308: return "Permanent Redirect"
    case 400: return "Bad Request"
    case 401: return "Unauthorized"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 500: return "Internal Server Error"
    case 502: return "Bad Gateway"
    case 503: return "Service Unavailable"
    case 504: return "Gateway Timeout"
    default: return "(HTTP status)"
    }
  }

  static func oneLine(_ text: String) -> String {
    String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
  }

  /// A transport library's message on one line, without anything secret it might quote: header values, the
  /// URL's user name, password and query.
  func scrubbed(_ text: String) -> String {
    var out = Self.oneLine(text)
    // Whole header values first, then their long words (the key of `Bearer KEY` quoted alone).
    let words = headers.flatMap { $0.value.split(separator: " ").map(String.init).filter { $0.count >= 8 } }
    let secrets =
      headers.map(\.value) + words
      + [endpoint.url.user, endpoint.url.password, endpoint.url.query].compactMap { $0 }
    for secret in secrets where secret.count >= 3 {
      out = out.replacingOccurrences(of: secret, with: "<hidden>")
    }
    return out
  }

  static func secondsText(_ s: Double) -> String {
    s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
  }

  /// Unix time in milliseconds.
  public static func epochMs() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
  }

  /// Monotonic seconds.
  public static func monotonic() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}

/// Follows a redirect only within the same scheme, host and port; otherwise the 3xx answer is returned
/// (and reported), so extra headers never reach another origin.
private final class SameOriginRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    let from = task.originalRequest?.url
    let to = request.url
    let same =
      from?.scheme?.lowercased() == to?.scheme?.lowercased() && from?.host?.lowercased() == to?.host?.lowercased()
      && from?.port == to?.port
    completionHandler(same ? request : nil)
  }
}
