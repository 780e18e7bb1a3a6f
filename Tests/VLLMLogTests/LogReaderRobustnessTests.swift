import ProfileMateCore
import Testing
import VLLMLog

/// Inputs that are not clean text: progress bars, line endings, truncation, binary junk, size.
@Suite struct LogReaderRobustnessTests {
  private static let statsLine = Snippet.v1 + "Engine 000: " + Snippet.stats()

  /// A small log with one of every main form.
  static let richLines: [String] =
    [
      "INFO 05-13 10:00:00 [kv_cache_utils.py:1] GPU KV cache size: 98,304 tokens, "
        + "Maximum concurrency for 4,096 tokens per request: 24.00x",
      Snippet.v1 + "Engine 000: "
        + Snippet.iteration(0, ctxReqs: 1, ctxTokens: 100, genReqs: 0, genTokens: 0, ms: "10.00")
        + ", GPU KV cache usage: 1.0%",
      Snippet.v1 + "Engine 000: " + Snippet.stats(running: 2, waiting: 1),
    ] + LogReaderCudaGraphTests.table(rows: LogReaderCudaGraphTests.rows) + [
      Snippet.v1 + "Engine 000: MFU: 1.0 TF/s/GPU 2.0 GB/s/GPU"
    ]

  private static func invariant(_ m: RunModel) -> Bool {
    m.coverage.recognized + m.coverage.unrecognized == m.coverage.lines
  }

  @Test func crlfEndingsReadLikeLF() {
    let lf = Snippet.read(Self.richLines)
    let crlf = Snippet.read(Self.richLines, ending: "\r\n")
    #expect(crlf.engines == lf.engines)
    #expect(crlf.config == lf.config)
    #expect(crlf.coverage.lines == lf.coverage.lines)
    #expect(crlf.coverage.byKind == lf.coverage.byKind)
    #expect(crlf.coverage.bytes == lf.coverage.bytes + Self.richLines.count)
    #expect(lf.engines.first?.cudagraphTables.count == 1)
    #expect(lf.engines.first?.mfu.count == 1)
  }

  @Test func progressBarsGluedWithCarriageReturns() {
    let bar =
      "\rCapturing CUDA graphs (mixed prefill-decode, PIECEWISE):  50%|█████     | 1/2 [00:00<00:00,  3.1it/s]"
      + "\rCapturing CUDA graphs (mixed prefill-decode, PIECEWISE): 100%|██████████| 2/2 [00:00<00:00,  3.1it/s]"
    let prefixed =
      "(EngineCore_DP0 pid=5) \rLoading safetensors checkpoint shards:   0% Completed | 0/2 [00:00<?, ?it/s]"
      + "\r(EngineCore_DP0 pid=5) Loading safetensors checkpoint shards: 100% Completed | 2/2 [00:01<00:00,  1.5it/s]"
    let m = Snippet.read([
      bar,
      bar + "\r" + Self.statsLine,
      prefixed + "\r(EngineCore_DP0 pid=5) " + Self.statsLine,
      "Loading safetensors checkpoint shards: 100% Completed | 2/2 [00:01<00:00,  1.5it/s]",
    ])
    #expect(Snippet.allStats(m).map(\.line) == [2, 3])
    #expect(m.coverage.byKind["progress_bar"] == 2)
    #expect(m.coverage.unrecognized == 0)
    #expect(Self.invariant(m))
  }

  @Test func lastLineWithoutNewlineIsRead() {
    let text = Self.statsLine + "\n" + Self.statsLine
    let m = LogReader.read(Array(text.utf8))
    #expect(m.coverage.lines == 2)
    #expect(Snippet.allStats(m).count == 2)
    // A final newline does not add an empty line.
    #expect(LogReader.read(Array((text + "\n").utf8)).coverage.lines == 2)
  }

  @Test func truncatedLastLineCountsButIsNotASample() {
    let text = Self.statsLine + "\n" + String(Self.statsLine.prefix(60))
    let m = LogReader.read(Array(text.utf8))
    #expect(m.coverage.lines == 2)
    #expect(Snippet.allStats(m).count == 1)
    #expect(m.coverage.unrecognized == 1)
  }

  @Test func binaryJunkAndInvalidUTF8() {
    var bytes = Array((Self.statsLine + "\n").utf8)
    bytes += [0, 0, 0, 0, 0x0A]
    bytes += [0xFF, 0xFE, 0xC3, 0x28, 0x80, 0x0A]
    bytes += Array("INFO 05-13 10:01:02 [core.py:1] Initializing a V1 LLM engine (v0.15.0) with config: model='".utf8)
    bytes += [0xFF, 0xC0, 0x41]
    bytes += Array("', dtype=torch.bfloat16, max_seq_len=4096\n".utf8)
    bytes += Array((Self.statsLine + "\n").utf8)
    let m = LogReader.read(bytes)
    #expect(m.coverage.lines == 5)
    #expect(Snippet.allStats(m).count == 2)
    #expect(m.config.maxModelLen?.value == 4096)
    #expect(m.config.model?.value.hasSuffix("A") == true)
    #expect(Self.invariant(m))
  }

  @Test func nulBytesAreCountedAsBinaryLines() {
    var bytes = Array((Self.statsLine + "\n").utf8)
    bytes += [0, 0, 0x41, 0, 0x0A]
    bytes += Array((Self.statsLine + "\n").utf8)
    let m = LogReader.read(bytes)
    #expect(Snippet.allStats(m).count == 2)
    // Coverage documents `binaryLines`: "lines that held bytes that are not valid text (NUL …)".
    #expect(m.coverage.binaryLines == 1)
  }

  @Test func emptyInput() {
    let m = LogReader.read([])
    #expect(m.coverage.lines == 0 && m.coverage.bytes == 0)
    #expect(m.coverage.recognized == 0 && m.coverage.unrecognized == 0)
    #expect(m.engines.isEmpty && m.aggregatedStats.isEmpty && m.events.isEmpty)
    #expect(m.timeSpanSeconds == nil)
    #expect(m.config == EngineConfig())
    let a = RunAnalysis.analyze(m)
    #expect(a.steps == nil && a.scheduler == nil && a.cudagraph == nil && a.mfu == nil && a.capacity == nil)
    #expect(a.findings.isEmpty)  // nothing served, nothing to say about missing output
  }

  @Test func streamingAPIMatchesReadForEveryChunkSplit() {
    let text = Self.richLines.map { $0 + "\r\n" }.joined()
    let bytes = Array(text.utf8)
    let whole = LogReader.read(bytes)
    // Feed the bytes in pieces of several sizes, keeping the unconsumed tail as the API asks.
    for piece in [1, 7, 64, 500] {
      let reader = LogReader(source: "-")
      var pending: [UInt8] = []
      var offset = 0
      while offset < bytes.count {
        let end = min(bytes.count, offset + piece)
        pending += bytes[offset..<end]
        offset = end
        let used = pending.withUnsafeBytes { reader.feed($0) }
        pending.removeFirst(used)
      }
      let m = pending.withUnsafeBytes { reader.finish(trailing: $0) }
      #expect(m.engines == whole.engines, "piece \(piece)")
      #expect(m.coverage == whole.coverage, "piece \(piece)")
      #expect(m.config == whole.config, "piece \(piece)")
    }
  }

  @Test func lineOfExactlyTheLimitIsKept() {
    let limit = 1 << 20
    let long = [UInt8](repeating: 0x78, count: limit)
    let m = LogReader.read(long + [0x0A] + Array((Self.statsLine + "\n").utf8))
    #expect(m.coverage.overlongLines == 0)
    #expect(m.coverage.lines == 2)
    #expect(Snippet.allStats(m).count == 1)
    #expect(m.coverage.bytes == limit + 1 + Self.statsLine.utf8.count + 1)
  }

  @Test func lineOverTheLimitIsCutAndCounted() {
    let limit = 1 << 20
    // A stats line padded past 1 MiB: cut, counted, and its beginning still read.
    let padded = Array(Self.statsLine.utf8) + [UInt8](repeating: 0x20, count: limit)
    let m = LogReader.read(padded + [0x0A] + Array((Self.statsLine + "\n").utf8))
    #expect(m.coverage.overlongLines == 1)
    #expect(m.coverage.lines == 2)
    #expect(Snippet.allStats(m).count == 2)
  }
}
