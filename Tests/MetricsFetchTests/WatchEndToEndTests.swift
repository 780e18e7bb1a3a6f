import Foundation
import MetricsFetch
import Testing

/// `profilemate watch` run as a program against a server started by the test, which serves three recorded
/// run1 scrapes (010, 020, 030) and then goes away. Expected figures, computed independently with the Python
/// of RecordingTimelineTests from the files' bucket lines:
///
/// - gauges: snap-020 running 35, waiting 0; snap-030 running 125, waiting 59;
/// - prompt tokens 010 → 020: +4484; 020 → 030: +13575 (sum 18059);
/// - 010 → 030 (the 30 s latency window at the third scrape, all scrapes being under a second apart):
///   TTFT count 141, p50 3.087121212121212, p99 18.825000000000003; ITL p50 0.375, p99 2.349119318181819.
///
/// Timing matters only as generous time-outs: rates depend on the live clock and are not checked.
@Suite(.serialized) struct WatchEndToEndTests {
  static let token = "pm-e2e-token-9a3e71c4"

  func assertNoToken(_ texts: [String], in dir: String? = nil) throws {
    for t in texts { #expect(!t.contains(Self.token)) }
    guard let dir else { return }
    for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
      #expect(!String(decoding: bytes, as: UTF8.self).contains(Self.token), "token in \(name)")
    }
  }

  @Test func watchRecordsEveryAttemptAndTheRecordingRoundTrips() throws {
    let served = try ["010", "020", "030"].map(Fixtures.run1Scrape)
    let server = try TestHTTPServer(responses: served.map { .metrics($0) }, goAwayAfterLast: true)
    defer { server.stop() }
    let dir = try Fixtures.scratch("watch") + "/rec"
    defer { try? FileManager.default.removeItem(atPath: dir + "/..") }
    let watch = try ProcessRun.run(
      Fixtures.profilemate,
      [
        "watch", "127.0.0.1:\(server.port)", "--interval", "200ms", "--count", "5", "--record", dir, "--header",
        "Authorization: Bearer \(Self.token)", "--timeout", "30",
      ])
    #expect(!watch.timedOut)
    #expect(watch.status == 0, "stderr: \(watch.stderr)")
    let lines = watch.stdout.split(separator: "\n").map(String.init)
    let engineLines = lines.filter { $0.contains(" tiny-llama/0 ") }
    #expect(engineLines.count == 3)
    if engineLines.count == 3 {
      #expect(engineLines[1].contains("running=35 waiting=0 "))
      #expect(engineLines[2].contains("running=125 waiting=59 "))
      #expect(engineLines[2].contains("ttft_p50=3.09s ttft_p99=18.83s itl_p50=375.0ms itl_p99=2.35s"))
    }
    let failures = lines.filter { $0.contains(" scrape failed: ") }
    #expect(failures.count == 2)
    #expect(
      failures.allSatisfy { $0.hasSuffix("/metrics: connection refused (is the server running, and on this port?)") })
    #expect(watch.stdout.contains("watch: 5 scrape(s), 3 ok, 2 failed"))
    #expect(watch.stdout.contains("recorded 5 attempt(s) to \(dir)"))
    // The key went to the server, and nowhere else.
    #expect(server.requests.count == 3)
    #expect(server.requests.allSatisfy { $0.contains("Authorization: Bearer \(Self.token)\r\n") })
    try assertNoToken([watch.stdout, watch.stderr], in: dir)

    // The recording: every attempt, bodies byte for byte.
    let recording = try RecordingReader(path: dir)
    #expect(recording.rows.map(\.status) == ["200", "200", "200", "000ERR", "000ERR"])
    #expect(try recording.rows.prefix(3).map { try recording.body(of: $0) } == served)
    #expect(recording.rows.map(\.seq) == ["001", "002", "003", "004", "005"])

    // …read back as a timeline.
    let report = try ProcessRun.run(Fixtures.profilemate, ["metrics", "--recording", dir, "--json"])
    #expect(report.status == 0, "stderr: \(report.stderr)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
    #expect(root["mode"] as? String == "timeline")
    let scrapes = try #require(root["scrapes"] as? [String: Any])
    #expect(scrapes["ok"] as? Int == 3 && scrapes["failed"] as? Int == 2)
    let engine = try #require((root["engines"] as? [[String: Any]])?.first)
    #expect((engine["tokens"] as? [String: Any])?["prompt"] as? Int == 18059)
    let ttft = try #require((engine["latency_seconds"] as? [String: Any])?["ttft"] as? [String: Any])
    #expect(ttft["count"] as? Int == 141)
    #expect(approx(ttft["p50"] as? Double, 3.087121212121212) && approx(ttft["p99"] as? Double, 18.825))
    let points = try #require((root["timeline"] as? [[String: Any]])?.first?["points"] as? [[String: Any]])
    #expect(points.map { $0["running"] as? Int } == [0, 35, 125])
    let prompts = points.map { ($0["interval"] as? [String: Any])?["prompt_tokens"] as? Int }
    #expect(prompts == [nil, 4484, 13575])
    try assertNoToken([report.stdout, report.stderr])
  }

  @Test func ctrlCEndsTheWatchWithASummary() throws {
    let server = try TestHTTPServer(responses: [.metrics(try Fixtures.run1Scrape("030"))])
    defer { server.stop() }
    let watch = try ProcessRun.run(
      Fixtures.profilemate, ["watch", server.base + "/metrics", "--interval", "200ms"], interruptWhen: "running=")
    #expect(!watch.timedOut)
    #expect(watch.status == 0, "stderr: \(watch.stderr)")
    #expect(watch.stdout.contains("running=125 waiting=59"))
    #expect(watch.stdout.contains(" ok, 0 failed, over "))
    #expect(watch.stdout.contains("tiny-llama / engine 0: prompt "))
  }

  @Test func watchWaitsForAServerThatIsStarting() throws {
    let port = try TestHTTPServer.freePort()
    let body = try Fixtures.run1Scrape("030")
    final class Box: @unchecked Sendable { var server: TestHTTPServer? }
    let box = Box()
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.8) {
      box.server = try? TestHTTPServer(responses: [.metrics(body)], port: port)
    }
    let watch = try ProcessRun.run(
      Fixtures.profilemate, ["watch", "127.0.0.1:\(port)", "--count", "2", "--interval", "100ms", "--wait", "60"])
    box.server?.stop()
    #expect(!watch.timedOut)
    #expect(watch.status == 0, "stderr: \(watch.stderr)")
    #expect(watch.stderr.contains("connection refused") && watch.stderr.contains("waiting up to 60 s for the server"))
    #expect(watch.stdout.contains("watch: 2 scrape(s), 2 ok, 0 failed"))
  }

  @Test func firstScrapeErrorsEndTheWatchWithOneLine() throws {
    let server = try TestHTTPServer(
      responses: [.init(status: 401, contentType: "text/plain", body: Array("no".utf8))])
    defer { server.stop() }
    let denied = try ProcessRun.run(
      Fixtures.profilemate,
      ["watch", server.base, "--count", "3", "--header", "Authorization: Bearer \(Self.token)"])
    #expect(denied.status == 2)
    #expect(
      denied.stderr == "profilemate: \(server.base)/metrics answered 401 Unauthorized: the Authorization header "
        + "sent was refused (check the key)\n")
    try assertNoToken([denied.stdout, denied.stderr])

    let port = try TestHTTPServer.freePort()
    let nobody = try ProcessRun.run(
      Fixtures.profilemate, ["metrics", "127.0.0.1:\(port)", "--wait", "0", "--header", "X-Key: \(Self.token)"])
    #expect(nobody.status == 2)
    #expect(
      nobody.stderr == "profilemate: http://127.0.0.1:\(port)/metrics: connection refused (is the server "
        + "running, and on this port?)\n")
    let badHeader = try ProcessRun.run(
      Fixtures.profilemate, ["watch", "127.0.0.1:\(port)", "--header", "Authorization Bearer \(Self.token)"])
    #expect(badHeader.status == 2)
    try assertNoToken([nobody.stdout, nobody.stderr, badHeader.stdout, badHeader.stderr])
  }
}
