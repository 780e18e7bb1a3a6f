import Foundation
import Testing

@testable import MetricsFetch

/// The HTTP side against a server started by the test on 127.0.0.1: bodies, headers, every failure's message.
@Suite struct MetricsFetcherTests {
  static let token = "pm-test-token-5f0c1d"

  @Test func endpointFillsSchemeAndPathAndHidesCredentials() throws {
    #expect(try MetricsEndpoint("localhost:8000").url.absoluteString == "http://localhost:8000/metrics")
    #expect(try MetricsEndpoint("http://10.0.0.5:8000").url.absoluteString == "http://10.0.0.5:8000/metrics")
    #expect(try MetricsEndpoint("https://h.example/custom").url.absoluteString == "https://h.example/custom")
    let secret = try MetricsEndpoint("http://user:pw-\(Self.token)@h.example:9/metrics?key=\(Self.token)")
    #expect(secret.description == "http://h.example:9/metrics")
    #expect(MetricsEndpoint.isEndpoint("localhost:8000") && MetricsEndpoint.isEndpoint("[::1]:8000"))
    #expect(MetricsEndpoint.isEndpoint("https://x") && !MetricsEndpoint.isEndpoint("scrape.prom"))
    #expect(!MetricsEndpoint.isEndpoint("/tmp/a:b") && !MetricsEndpoint.isEndpoint("-"))
    #expect(throws: FetchError.self) { try MetricsEndpoint("ftp://h.example/metrics") }
  }

  @Test func headerErrorsNeverRepeatTheValue() {
    for bad in ["Authorization Bearer \(Self.token)", "Bad Name: \(Self.token)", "X: a\r\n\(Self.token)"] {
      do {
        _ = try RequestHeader(parsing: bad)
        Issue.record("accepted \(bad.count) bytes")
      } catch let error as FetchError {
        #expect(!error.description.contains(Self.token))
      } catch { Issue.record("unexpected \(error)") }
    }
    let h = try? RequestHeader(parsing: "Authorization:  Bearer \(Self.token) ")
    #expect(h?.value == "Bearer \(Self.token)" && h?.description == "Authorization: <hidden>")
  }

  @Test func fetchReturnsTheBodyAndSendsTheHeaders() async throws {
    let body = try Fixtures.run1Scrape("020")
    let server = try TestHTTPServer(responses: [.metrics(body)])
    defer { server.stop() }
    let fetcher = MetricsFetcher(
      endpoint: try MetricsEndpoint("127.0.0.1:\(server.port)"),
      headers: [try RequestHeader(parsing: "Authorization: Bearer \(Self.token)")], timeout: 30)
    let scrape = try await fetcher.fetch()
    #expect(scrape.body == body)
    #expect(scrape.contentType?.hasPrefix("text/plain") == true)
    let head = try #require(server.requests.first)
    #expect(head.hasPrefix("GET /metrics HTTP/1.1"))
    #expect(head.contains("Authorization: Bearer \(Self.token)"))
  }

  func failure(_ response: TestHTTPServer.Response, header: Bool = true) async throws -> FetchError {
    let server = try TestHTTPServer(responses: [response])
    defer { server.stop() }
    let headers = header ? [try RequestHeader(parsing: "Authorization: Bearer \(Self.token)")] : []
    let fetcher = MetricsFetcher(endpoint: try MetricsEndpoint(server.base), headers: headers, timeout: 30)
    do {
      _ = try await fetcher.fetch()
    } catch let error as FetchError {
      #expect(!error.description.contains(Self.token))
      #expect(!error.description.contains("\n"))
      return error
    }
    Issue.record("no error for status \(response.status)")
    return FetchError(.transport, "")
  }

  @Test func nonMetricsAnswersAreOneLineErrors() async throws {
    let html = try await failure(.init(status: 200, contentType: "text/html", body: Array("<html>hi</html>".utf8)))
    #expect(html.kind == .notMetrics && html.description.contains("HTML page"))
    let json = try await failure(.init(status: 200, contentType: "application/json", body: Array("{}".utf8)))
    #expect(json.kind == .notMetrics && json.description.contains("JSON"))
    let missing = try await failure(.init(status: 404, contentType: "text/plain", body: Array("nope".utf8)))
    #expect(missing.kind == .httpStatus(404) && missing.description.contains("404 Not Found"))
    #expect(missing.recordedStatus == "404")
    let refused = try await failure(.init(status: 401, contentType: "text/plain", body: []))
    #expect(refused.description.contains("401 Unauthorized") && refused.description.contains("refused"))
    let noKey = try await failure(.init(status: 401, contentType: "text/plain", body: []), header: false)
    #expect(noKey.description.contains("--header 'Authorization: Bearer <key>'"))
    let away = try await failure(
      .init(status: 302, contentType: "text/plain", body: [], headers: ["Location: http://127.0.0.2:1/metrics"]))
    #expect(away.description.contains("another origin") && away.description.contains("127.0.0.2"))
  }

  @Test func refusedAndUnresolvableHostsAreClearErrors() async throws {
    let port = try TestHTTPServer.freePort()
    let fetcher = MetricsFetcher(endpoint: try MetricsEndpoint("127.0.0.1:\(port)"), timeout: 30)
    do {
      _ = try await fetcher.fetch(waitingUpTo: 0)
      Issue.record("a closed port answered")
    } catch let error as FetchError {
      #expect(error.kind == .refused && error.isRetryable && error.recordedStatus == "000ERR")
      #expect(
        error.description
          == "http://127.0.0.1:\(port)/metrics: connection refused (is the server running, and on this port?)")
    }
    let nowhere = MetricsFetcher(endpoint: try MetricsEndpoint("pm-no-such-host.invalid:8000"), timeout: 30)
    do {
      _ = try await nowhere.fetch()
      Issue.record("an invalid host answered")
    } catch let error as FetchError {
      #expect(!error.isRetryable)
      #expect(error.description.hasPrefix("http://pm-no-such-host.invalid:8000/metrics: "))
    }
  }

  @Test func waitsWithBackOffForAServerThatIsStarting() async throws {
    let port = try TestHTTPServer.freePort()
    let body = try Fixtures.run1Scrape("001")
    let fetcher = MetricsFetcher(endpoint: try MetricsEndpoint("127.0.0.1:\(port)"), timeout: 30)
    let starter = Task {
      try await Task.sleep(nanoseconds: 600_000_000)
      return try TestHTTPServer(responses: [.metrics(body)], port: port)
    }
    var retries: [Double] = []
    let scrape = try await fetcher.fetch(waitingUpTo: 120) { error, delay in
      #expect(error.kind == .refused)
      retries.append(delay)
    }
    let server = try await starter.value
    server.stop()
    #expect(scrape.body == body)
    #expect(!retries.isEmpty)
    // Back-off: 0.25 s doubling, capped at 4 s.
    #expect(retries == Array([0.25, 0.5, 1, 2, 4, 4, 4].prefix(retries.count)))
  }
}

extension MetricsFetcherTests {
  @Test func transportMessagesAreScrubbedOfSecrets() throws {
    let fetcher = MetricsFetcher(
      endpoint: try MetricsEndpoint("http://bob:pw-secret@h.example:1/metrics?key=q-secret"),
      headers: [try RequestHeader(parsing: "Authorization: Bearer \(Self.token)")])
    let text = fetcher.scrubbed("curl: GET http://bob:pw-secret@h.example:1/metrics?key=q-secret\nBearer \(Self.token)")
    #expect(text == "curl: GET http://<hidden>:<hidden>@h.example:1/metrics?<hidden> <hidden>")
    #expect(fetcher.scrubbed("token \(Self.token) refused") == "token <hidden> refused")
  }
}
