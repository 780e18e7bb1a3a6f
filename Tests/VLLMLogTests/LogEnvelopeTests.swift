import ProfileMateCore
import Testing
import VLLMLog

/// Envelopes of every version (spec §0.1), read through the public `LogReader.read`.
@Suite struct LogEnvelopeTests {
  @Test func v0EnvelopeWithoutBrackets() throws {
    let m = Snippet.read([Snippet.v0 + Snippet.stats(running: 7)])
    let s = try #require(Snippet.allStats(m).first)
    #expect(s.running == 7)
    #expect(s.line == 1)
    #expect(m.coverage.lines == 1 && m.coverage.recognized == 1 && m.coverage.unrecognized == 0)
  }

  @Test func v1EnvelopeWithBracketsAndDebugPath() throws {
    let m = Snippet.read([
      Snippet.v1 + "Engine 000: " + Snippet.stats(running: 2),
      "DEBUG 05-13 10:01:12 [v1/metrics/loggers.py:257] Engine 000: " + Snippet.stats(running: 0),
    ])
    let stats = Snippet.allStats(m)
    #expect(stats.map(\.running) == [2, 0])
    #expect(stats.map(\.isDebug) == [false, true])
    #expect(stats.map(\.time) == [0, 10])
  }

  @Test(arguments: [
    ("(EngineCore_DP1 pid=123) ", 1), ("(EngineCore_1 pid=9) ", 1), ("(EngineCore pid=9) ", 0),
    ("(EngineCore_DP3 pid=9, ip=10.0.0.7) ", 3), ("(APIServer pid=1) (EngineCore_DP0 pid=2) ", 0),
    ("", 0),
  ])
  func processPrefixSelectsTheEngine(prefix: String, engine: Int) throws {
    let line =
      prefix + "INFO 05-13 10:01:02 [core.py:900] "
      + Snippet.iteration(7, ctxReqs: 1, ctxTokens: 2224, genReqs: 0, genTokens: 0, ms: "119.54")
    let m = Snippet.read([line])
    #expect(m.engines.map(\.index) == [engine])
    let step = try #require(m.engines.first?.steps.first)
    #expect(step.contextTokens == 2224 && step.elapsedCentiMs == 11_954)
    #expect(m.coverage.recognized == 1)
  }

  @Test func nestedPrefixesBeforeAStatsLine() {
    let m = Snippet.read(["(APIServer pid=1) (EngineCore_DP0 pid=2) " + Snippet.v1 + "Engine 000: " + Snippet.stats()])
    #expect(Snippet.allStats(m).count == 1)
    #expect(m.coverage.recognized == 1)
  }

  @Test func ansiColoursAnywhereAreIgnored() throws {
    let esc = "\u{1B}"
    let line =
      "\(esc)[36m(EngineCore_DP1 pid=7)\(esc)[0m \(esc)[32mINFO\(esc)[0m \(esc)[90m05-13 10:01:02\(esc)[0m "
      + "\(esc)[90m[core.py:900]\(esc)[0m Iteration(3): 0 context requests, 0 context tokens, "
      + "\(esc)[1m4\(esc)[0m generation requests, 4 generation tokens, iteration elapsed time: 9.57 ms"
    let alt =
      "\(esc)[0;36m(APIServer pid=8)\(esc)[0;0m \(esc)[32mINFO\(esc)[0m 05-13 10:01:12 [loggers.py:257] "
      + "Engine 000: \(esc)[1m" + Snippet.stats(running: 5) + "\(esc)[0m"
    let m = Snippet.read([line, alt])
    let step = try #require(m.engine(1)?.steps.first)
    #expect(step.generationRequests == 4 && step.kind(decodeQueryLen: 1) == .decode && step.elapsedMs == 9.57)
    let s = try #require(m.engine(0)?.stats.first)
    #expect(s.running == 5 && s.kvUsagePct == 5.0)
    #expect(s.time == 10)
    #expect(m.coverage.unrecognized == 0)
  }

  @Test func uvicornAccessLines() {
    let m = Snippet.read([
      "INFO:     127.0.0.1:5000 - \"POST /v1/chat/completions HTTP/1.1\" 200 OK",
      "(APIServer pid=1) INFO:     127.0.0.1:5001 - \"POST /v1/completions HTTP/1.1\" 500 Internal Server Error",
      "INFO:     127.0.0.1:5002 - \"GET /metrics HTTP/1.1\" 200 OK",
      "INFO:     Started server process [4711]",
    ])
    #expect(m.requests.httpByStatusClass == ["2xx": 2, "5xx": 1])
    #expect(m.requests.httpGenerationRequests == 2)
    #expect(m.coverage.byKind["http_access"] == 3)
    #expect(m.coverage.byKind["uvicorn"] == 1)
  }

  @Test func levelWithoutTimestampIsNotARecord() {
    let m = Snippet.read(["INFO Engine 000: " + Snippet.stats()])
    #expect(Snippet.allStats(m).isEmpty)
    #expect(m.coverage.unrecognized == 1)
  }

  @Test func errorRecordsBecomeEvents() {
    let m = Snippet.read([
      "ERROR 05-13 10:01:02 [core.py:700] EngineCore encountered a fatal error.",
      "ERROR 05-13 10:01:02 [core.py:700] torch.OutOfMemoryError: CUDA out of memory.",
    ])
    #expect(m.eventCounts[.engineDead] == 1)
    #expect(m.eventCounts[.outOfMemory] == 1)
    // The two lines share pid, second and location: one multi-line error record.
    #expect(m.eventCounts[.error] == 1)
  }
}
