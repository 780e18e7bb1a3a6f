import ProfileMateCore
import ProfileMateIO
import RunJoin
import Testing

@Suite struct BenchResultReaderTests {
  @Test func olderBenchmarkServingFields() throws {
    let path = RunDirectoryFixture.shared("real/bench/benchmark_serving-result-v0-llama2-13b-bsc.json")
    let b = try BenchResultReader.parse(try ByteSource.readAll(path), source: "old.json")
    #expect(b.generator == "benchmark_serving.py")
    #expect(b.completed == 2000 && b.failed == 0)  // no "failed": num_prompts − completed
    #expect(b.requestRate == nil)  // "inf"
    #expect(b.totalOutputTokens == 462_000)
    let ttft = try #require(b.latency("ttft"))
    #expect(ttft.median == 104174.18710840866)
    #expect(ttft.percentiles.map(\.percentile) == [99])
    #expect(b.ttfts == nil && b.startTimes == nil && b.achievedSendRate == nil)
  }

  @Test func pythonNaNAndOldestThroughputName() throws {
    let text = #"{"completed": 3, "num_prompts": 4, "request_inthroughput": 1.5, "mean_ttft_ms": NaN}"#
    let b = try BenchResultReader.parse(Array(text.utf8), source: "x.json")
    #expect(b.requestThroughput == 1.5 && b.failed == 1)
    // Python's NaN (the mean of no values) is an absent figure: no TTFT summary at all here.
    #expect(b.latency("ttft") == nil)
  }

  @Test func nonFiniteValuesAreDroppedAndStringsKept() throws {
    let text =
      #"{"completed": 3, "model_id": "NaN-Infinity \"NaN\"", "ttfts": [0.1, NaN, 0.3], "itls": [[Infinity, 0.02]], "#
      + #""p99_ttft_ms": -Infinity, "median_ttft_ms": 12.5}"#
    let b = try BenchResultReader.parse(Array(text.utf8), source: "x.json")
    #expect(b.model == "NaN-Infinity \"NaN\"")
    #expect(b.ttfts == [0.1, 0.3])
    #expect(b.itls == [0.02])
    #expect(b.latency("ttft")?.median == 12.5)
    #expect(b.latency("ttft")?.percentiles.isEmpty == true)
  }

  @Test func perRequestArraysKeepSuccessfulRequestsOnly() throws {
    let text = #"""
      {"completed": 2, "failed": 1, "ttfts": [0.1, 0.0, 0.3], "itls": [[0.01, 0.02], [], [0.03]],
       "errors": ["", "boom\nValueError: bad", ""], "start_times": [10.0, 10.5, 11.0], "request_rate": 2.0}
      """#
    let b = try BenchResultReader.parse(Array(text.utf8), source: "x.json")
    #expect(b.ttfts == [0.1, 0.3])
    #expect(b.itls == [0.01, 0.02, 0.03])
    #expect(b.errors.map(\.message) == ["ValueError: bad"])
    #expect(b.achievedSendRate == 2.0)
  }

  @Test func notABenchmarkNamesTheFile() {
    #expect(
      throws: BenchResultError(
        "b.json: not JSON, line 1, column 1: unexpected 'n': expected a JSON value (expected a vllm bench serve "
          + "--save-result file)")
    ) {
      try BenchResultReader.parse(Array("nope".utf8), source: "b.json")
    }
    #expect(
      throws: BenchResultError("b.json: no integer \"completed\" (expected a vllm bench serve --save-result file)")
    ) {
      try BenchResultReader.parse(Array("{}".utf8), source: "b.json")
    }
  }

  @Test func linearPercentilesMatchNumpy() {
    // numpy.percentile([1, 2, 3, 4], [50, 90, 99]) = 2.5, 3.7, 3.97
    #expect(Percentiles.linear([4, 1, 3, 2], 50) == 2.5)
    #expect(abs((Percentiles.linear([1, 2, 3, 4], 90) ?? 0) - 3.7) < 1e-12)
    #expect(abs((Percentiles.linear([1, 2, 3, 4], 99) ?? 0) - 3.97) < 1e-12)
    #expect(Percentiles.linear([], 50) == nil)
  }
}
