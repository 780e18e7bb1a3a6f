import ProfileMateCore
import Testing
import VLLMLog

/// `--cudagraph-metrics` tables (spec §3): one multi-line message whose every physical line carries
/// the full prefix and ends with `\r\n`.
@Suite struct LogReaderCudaGraphTests {
  static func table(
    prefix: String = "INFO 05-13 10:01:12 [cuda_graph.py:123] ", mode: String = "FULL_AND_PIECEWISE",
    sizes: String = "[1, 2, 4, 8]", rows: [String]
  ) -> [String] {
    [
      "**CUDAGraph Config Settings:**", "", "- Mode: \(mode)", "- Capture sizes: \(sizes)", "",
      "**CUDAGraph Stats:**", "",
      "| Unpadded Tokens | Padded Tokens | Num Paddings | Runtime Mode | Count |",
      "|-----------------|---------------|--------------|--------------|-------|",
    ].map { prefix + $0 } + rows.map { prefix + $0 } + [prefix]
  }

  static let rows = [
    "| 1               | 1             | 0            | FULL         | 4702  |",
    "| 3               | 4             | 1            | FULL         | 311   |",
    "| 2224            | 2224          | 0            | NONE         | 1     |",
  ]

  static func read(_ lines: [String]) -> RunModel {
    LogReader.read(Array(lines.map { $0 + "\r\n" }.joined().utf8))
  }

  @Test func tableAfterAStatsLine() throws {
    let lines =
      [Snippet.v1 + "Engine 000: " + Snippet.stats()] + Self.table(rows: Self.rows)
      + ["INFO 05-13 10:01:12 [perf.py:1] Engine 000: MFU: 312.4 TF/s/GPU 1875.2 GB/s/GPU"]
    let m = Self.read(lines)
    let t = try #require(m.engine(0)?.cudagraphTables.first)
    #expect(m.engine(0)?.cudagraphTables.count == 1)
    #expect(t.line == 2)
    #expect(t.mode == "FULL_AND_PIECEWISE")
    #expect(t.captureSizes == [1, 2, 4, 8])
    #expect(t.rows.map(\.unpaddedTokens) == [1, 3, 2224])
    #expect(t.rows.map(\.paddedTokens) == [1, 4, 2224])
    #expect(t.rows.map(\.paddings) == [0, 1, 0])
    #expect(t.rows.map(\.runtimeMode) == ["FULL", "FULL", "NONE"])
    #expect(t.rows.map(\.count) == [4702, 311, 1])
    // The MFU line after the table is still read, and every line is recognised.
    #expect(m.engine(0)?.mfu.count == 1)
    #expect(m.coverage.byKind["cudagraph_table"] == 13)
    #expect(m.coverage.unrecognized == 0)
    #expect(m.coverage.lines == 15)

    // steps 4702 + 311 + 1 = 5014; unpadded 4702 + 3·311 + 2224 = 7859; padded 4702 + 4·311 + 2224 = 8170;
    // overhead 311 / 8170 = 3.8066 %; the NONE step (2224 tokens > largest size 8) ran eagerly.
    let g = try #require(RunAnalysis.analyze(m).cudagraph)
    #expect(g.tables == 1 && g.steps == 5014)
    #expect(g.unpaddedTokens == 7859 && g.paddedTokens == 8170 && g.paddingTokens == 311)
    #expect(abs((g.paddingOverheadPct ?? 0) - 3.806_609_547) < 1e-6)
    #expect(g.byMode.map(\.key) == ["FULL", "NONE"])
    #expect(g.byMode.map(\.steps) == [5013, 1])
    #expect(g.eagerSteps == 1 && g.eagerStepsAboveLargest == 1)
    #expect(g.topPaddedSizes.map(\.key) == ["4"])
    #expect(g.topPaddedSizes.first?.paddingTokens == 311)
  }

  @Test func tablesFollowTheEngineOfTheLastStatsLine() {
    let lines =
      [Snippet.v1 + "Engine 000: " + Snippet.stats()] + Self.table(rows: [Self.rows[0]])
      + [Snippet.v1 + "Engine 001: " + Snippet.stats()] + Self.table(rows: [Self.rows[1], Self.rows[2]])
    let m = Self.read(lines)
    #expect(m.engines.map(\.index) == [0, 1])
    #expect(m.engine(0)?.cudagraphTables.map(\.rows.count) == [1])
    #expect(m.engine(1)?.cudagraphTables.map(\.rows.count) == [2])
  }

  @Test func tableAtEndOfInputWithoutClosingLine() throws {
    var lines = Self.table(rows: Self.rows)
    lines.removeLast()
    let m = LogReader.read(Array(lines.map { $0 + "\r\n" }.joined().dropLast(1).utf8))
    #expect(m.engines.first?.cudagraphTables.first?.rows.count == 3)
  }

  @Test func interleavedLineFromAnotherProcessDoesNotCutTheTable() {
    let p = "(APIServer pid=5) INFO 05-13 10:01:12 [cuda_graph.py:123] "
    var lines = Self.table(prefix: p, rows: Self.rows)
    lines.insert("(EngineCore_DP0 pid=6) INFO 05-13 10:01:12 [core.py:1] some unrelated message", at: 10)
    let m = Self.read(lines)
    #expect(m.engines.flatMap(\.cudagraphTables).map(\.rows.count) == [3])
  }

  @Test func cpuRunWithModeNoneHasNoEagerSteps() throws {
    let m = Self.read(
      Self.table(
        mode: "NONE", sizes: "[]",
        rows: ["| 7               | 7             | 0            | NONE         | 92    |"]))
    let t = try #require(m.engines.first?.cudagraphTables.first)
    #expect(t.mode == "NONE" && t.captureSizes == [])
    let g = try #require(RunAnalysis.analyze(m).cudagraph)
    #expect(g.steps == 92 && g.eagerSteps == 0 && g.paddingOverheadPct == 0)
  }
}
