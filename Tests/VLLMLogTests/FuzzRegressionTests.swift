import ProfileMateCore
import Testing

@testable import VLLMLog

/// Inputs the fuzzer (scripts/fuzz) found to crash, reduced to what mattered.
@Suite struct FuzzRegressionTests {
  /// `KV cache usage: inf6.4%` made the peak KV tokens infinite, which trapped in an Int conversion.
  /// Numbers are now read only when finite, and a stats line with one that is not is no sample.
  @Test func nonFiniteStatsFiguresAreNotSamples() {
    let prefix = "INFO 05-13 10:01:02 [loggers.py:257] Engine 000: "
    let lines = [
      "INFO 05-13 10:00:00 [kv_cache_utils.py:1] GPU KV cache size: 1,048,576 tokens",
      prefix + "Avg prompt throughput: 1.0 tokens/s, Avg generation throughput: 2.0 tokens/s, "
        + "Running: 1 reqs, Waiting: 0 reqs, GPU KV cache usage: inf6.4%, Prefix cache hit rate: 0.0%",
      prefix + "Avg prompt throughput: nan tokens/s, Avg generation throughput: 2.0 tokens/s, "
        + "Running: 1 reqs, Waiting: 0 reqs, GPU KV cache usage: 6.4%, Prefix cache hit rate: 0.0%",
      prefix + "Avg prompt throughput: 1.0 tokens/s, Avg generation throughput: 2.0 tokens/s, "
        + "Running: 1 reqs, Waiting: 0 reqs, GPU KV cache usage: 3.2%, Prefix cache hit rate: 0.0%",
    ]
    let model = LogReader.read(Array(lines.joined(separator: "\n").utf8))
    #expect(model.config.kvCacheTokens?.value == 1_048_576)
    // The damaged KV part is skipped (that sample has no KV figure); the line with a `nan` throughput
    // stops being read before its queue figures, so it is no sample.
    #expect(model.engines.flatMap(\.stats).map(\.kvUsagePct) == [nil, 3.2])
    let analysis = RunAnalysis.analyze(model)
    // 3.2 % of 1,048,576 tokens = 33,554.4 → 33,554.
    #expect(analysis.capacity?.peakKVTokens == 33_554)
  }

  @Test func hugeValuesFormatWithoutTrapping() {
    #expect(Format.auto(1e300) == "1e+300")
    #expect(Format.auto(12_345.6) == "12,346")
  }
}
