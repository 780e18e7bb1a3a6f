import LoadClient
import LoadGen
import MockEngine
import MockServer
import PromMetrics
import Testing

/// The load client against the mock server in this process, on an ephemeral loopback port. Bounded: the
/// mock's steps take 1 ms and the run gives up after 60 s.
@Suite(.serialized) struct LoadAgainstMockTests {
  func startMock(maxNumSeqs: Int = 256) async throws -> MockServer {
    var o = MockServerOptions()
    o.port = 0
    o.logPath = "/dev/null"
    o.engine = EngineConfig(maxNumSeqs: maxNumSeqs)
    o.timeModel = StepTimeModel(baseMs: 1, prefillTokenMs: 0, decodeTokenMs: 0)
    return try await MockServer.start(o)
  }

  @Test func everyRequestCompletesWithTheTokensAskedFor() async throws {
    let server = try await startMock()
    var job = LoadJob()
    job.port = server.port
    job.settings.model = "mock"
    job.settings.numPrompts = 40
    job.settings.maxConcurrency = 8
    job.inputLen = 32
    job.outputLen = 16
    job.ignoreEOS = true
    job.timeout = 60
    let report = try await job.run()
    let metrics = await server.metricsText()
    await server.stop()
    #expect(report.completed == 40)
    #expect(report.records.allSatisfy { $0.promptTokens == 32 && $0.completionTokens == 16 && $0.streamTokens == 16 })
    // 16 text chunks each → 15 per-chunk gaps per request.
    #expect(report.samples("itl").count == 40 * 15)
    #expect(report.selfCheck.usageChecked == 40 && report.selfCheck.usageAgreeing == 40)
    #expect(report.selfCheck.connectionErrors == 0)
    #expect(report.peaks.concurrent <= 8)
    // The server counted the same tokens.
    let snapshot = VLLMMetrics.snapshots(ExpositionParser.parse(metrics)).first
    #expect(snapshot?.total(.generationTokens) == 640)
    #expect(snapshot?.total(.promptTokens) == 1280)
  }

  @Test func chatRequestsStreamToo() async throws {
    let server = try await startMock()
    var job = LoadJob()
    job.port = server.port
    job.settings.model = "mock"
    job.settings.endpoint = "/v1/chat/completions"
    job.settings.numPrompts = 5
    job.inputLen = 10
    job.outputLen = 4
    job.timeout = 60
    let report = try await job.run()
    await server.stop()
    #expect(report.completed == 5)
    #expect(report.records.allSatisfy { $0.completionTokens == 4 && $0.chunkTimes.count == 4 })
  }

  @Test func aWrongModelIsAnErrorPerRequest() async throws {
    let server = try await startMock()
    var job = LoadJob()
    job.port = server.port
    job.settings.model = "other"
    job.settings.numPrompts = 2
    job.inputLen = 4
    job.outputLen = 2
    job.timeout = 60
    let report = try await job.run()
    await server.stop()
    #expect(report.completed == 0)
    #expect(report.records.allSatisfy { $0.error.hasPrefix("HTTP 404") })
  }

  @Test func noServerIsAConnectionError() async throws {
    let server = try await startMock()
    let port = server.port
    await server.stop()
    var job = LoadJob()
    job.port = port
    job.settings.model = "mock"
    job.settings.numPrompts = 2
    job.inputLen = 4
    job.outputLen = 2
    job.timeout = 30
    let report = try await job.run()
    #expect(report.completed == 0)
    #expect(report.selfCheck.connectionErrors == 2)
    #expect(report.selfCheck.verdict == "degraded")
  }

  @Test func aTraceIsSentInItsOrderWithItsLengths() async throws {
    let server = try await startMock()
    var job = LoadJob()
    job.port = server.port
    job.settings.model = "mock"
    job.timeout = 60
    job.trace = (
      [
        WorkloadRequest(tokenIDs: [5, 6, 7], text: nil, inputLen: 3, outputLen: 2),
        WorkloadRequest(tokenIDs: Array(10..<30), text: nil, inputLen: 20, outputLen: 4),
      ], [0, 0.1]
    )
    job.settings.numPrompts = 2
    let report = try await job.run()
    await server.stop()
    #expect(report.completed == 2)
    #expect(report.records.map(\.promptTokens) == [3, 20])
    #expect(report.records.map(\.completionTokens) == [2, 4])
    // Due 0.1 s apart: the second starts no earlier than its due time.
    #expect(report.records[1].start - report.records[0].due >= 0.1 - 1e-6)
  }
}
