import Foundation
import ProfileMateCore
import Testing
import VLLMLog

@testable import Render

@Suite struct JSONReportTests {
  private func parse(_ m: RunModel, gpu: GPUSpec? = nil) throws -> [String: Any] {
    let text = JSONReport.render(RunAnalysis.analyze(m, options: AnalysisOptions(gpu: gpu)), toolVersion: "9.9.9")
    #expect(text.hasSuffix("}\n"))
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
  }

  private func object(_ o: [String: Any], _ path: String) -> [String: Any]? {
    var current: Any = o
    for key in path.split(separator: ".") {
      guard let dict = current as? [String: Any], let next = dict[String(key)] else { return nil }
      current = next
    }
    return current as? [String: Any]
  }

  private func missingKeys(_ o: [String: Any]?, _ keys: [String]) -> [String] {
    guard let o else { return keys }
    return keys.filter { o[$0] == nil }
  }

  @Test func richReportHasEveryRequiredKey() throws {
    let j = try parse(ReportFixtures.rich)
    #expect(
      missingKeys(
        j,
        [
          "schema_version", "engine", "steps", "scheduler", "cudagraph", "mfu", "findings",
          "coverage", "engines",
        ]) == [])
    #expect(j["schema_version"] as? Int == 1)
    #expect(
      missingKeys(
        object(j, "engine"),
        [
          "vllm_version", "model", "tensor_parallel_size", "max_model_len", "max_num_batched_tokens",
          "cudagraph_mode", "cudagraph_capture_sizes", "kv_cache_tokens", "max_concurrency",
        ]) == [])
    #expect(missingKeys(object(j, "steps"), ["count", "context_tokens", "generation_tokens", "by_kind"]) == [])
    for kind in ["prefill", "decode", "mixed", "idle"] {
      #expect(
        missingKeys(
          object(j, "steps.by_kind.\(kind)"), ["count", "total_ms", "mean_ms", "p50_ms", "p90_ms", "p99_ms", "max_ms"])
          == [], "\(kind)")
    }
    #expect(
      missingKeys(
        object(j, "scheduler"),
        [
          "samples", "max_running", "max_waiting", "max_kv_usage_pct", "mean_prompt_throughput",
          "mean_generation_throughput", "preemptions",
        ]) == [])
    #expect(
      missingKeys(
        object(j, "cudagraph"),
        ["steps", "unpadded_tokens", "padded_tokens", "padding_tokens", "padding_overhead_pct", "steps_by_mode"])
        == [])
    #expect(missingKeys(object(j, "mfu"), ["samples", "mean_tflops_per_gpu", "mean_gbps_per_gpu"]) == [])
    #expect(missingKeys(object(j, "coverage"), ["lines", "recognized", "unrecognized"]) == [])
    let findings = try #require(j["findings"] as? [[String: Any]])
    #expect(!findings.isEmpty)
    for f in findings {
      #expect(missingKeys(f, ["id", "severity", "title", "evidence", "recommendation"]) == [])
    }
    #expect((j["engines"] as? [Any])?.count == 1)
  }

  @Test func richReportValues() throws {
    let j = try parse(ReportFixtures.rich)
    let engine = try #require(object(j, "engine"))
    #expect(engine["vllm_version"] as? String == "0.15.0")
    #expect(engine["model"] as? String == "meta-llama/Llama-3.1-8B")
    #expect(engine["tensor_parallel_size"] as? Int == 2)
    #expect(engine["max_model_len"] as? Int == 8192)
    #expect(engine["max_num_batched_tokens"] as? Int == 2048)
    #expect(engine["cudagraph_mode"] as? String == "FULL_AND_PIECEWISE")
    #expect(engine["cudagraph_capture_sizes"] as? [Int] == [1, 2, 4, 8])
    #expect(engine["kv_cache_tokens"] as? Int == 98_304)
    #expect(engine["max_concurrency"] as? Double == 12)
    // steps: prefill 10 ms; decode 5 and 7 ms → mean 6, p50 6, p90 5 + 0.9·2 = 6.8, max 7.
    let steps = try #require(object(j, "steps"))
    #expect(steps["count"] as? Int == 3)
    #expect(steps["context_tokens"] as? Int == 100)
    #expect(steps["generation_tokens"] as? Int == 6)
    let decode = try #require(object(j, "steps.by_kind.decode"))
    #expect(decode["count"] as? Int == 2)
    #expect(decode["total_ms"] as? Double == 12)
    #expect(decode["mean_ms"] as? Double == 6)
    #expect(decode["p50_ms"] as? Double == 6)
    #expect(decode["p90_ms"] as? Double == 6.8)
    #expect(decode["max_ms"] as? Double == 7)
    let idle = try #require(object(j, "steps.by_kind.idle"))
    #expect(idle["count"] as? Int == 0)
    #expect(idle["mean_ms"] is NSNull && idle["p50_ms"] is NSNull && idle["max_ms"] is NSNull)
    let sched = try #require(object(j, "scheduler"))
    #expect(sched["samples"] as? Int == 2)
    #expect(sched["max_waiting"] as? Int == 6)
    #expect(sched["max_kv_usage_pct"] as? Double == 95)
    #expect(sched["mean_prompt_throughput"] as? Double == 100)
    #expect(sched["preemptions"] as? Int == 0)
    // cudagraph: 20 steps; unpadded 3·10 + 5·10 = 80; padded 4·10 + 8·10 = 120; 40 / 120 = 33.3333 %.
    let g = try #require(object(j, "cudagraph"))
    #expect(g["steps"] as? Int == 20)
    #expect(g["unpadded_tokens"] as? Int == 80)
    #expect(g["padded_tokens"] as? Int == 120)
    #expect(g["padding_tokens"] as? Int == 40)
    // Full precision (not rounded): 40 / 120 × 100.
    #expect(abs((g["padding_overhead_pct"] as? Double ?? 0) - 100.0 / 3) < 1e-12)
    #expect(object(j, "cudagraph.steps_by_mode")?["FULL"] as? Int == 20)
    let mfu = try #require(object(j, "mfu"))
    #expect(mfu["samples"] as? Int == 1)
    #expect(mfu["mean_tflops_per_gpu"] as? Double == 10.5)
    #expect(mfu["mean_gbps_per_gpu"] as? Double == 200)
    let ids = (j["findings"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
    #expect(ids.contains("kv_pressure") && ids.contains("queueing") && ids.contains("cudagraph_padding"))
    let cov = try #require(object(j, "coverage"))
    #expect(cov["lines"] as? Int == ReportFixtures.richLines.count)
  }

  @Test func emptyLogHasNullsNotZeros() throws {
    let j = try parse(LogReader.read([], source: "empty.log"))
    for key in ["steps", "scheduler", "cudagraph", "mfu", "capacity", "gpu"] {
      #expect(j[key] is NSNull, "\(key)")
    }
    let engine = try #require(object(j, "engine"))
    for key in [
      "vllm_version", "model", "tensor_parallel_size", "max_model_len", "max_num_batched_tokens",
      "cudagraph_mode", "cudagraph_capture_sizes", "kv_cache_tokens", "max_concurrency",
    ] {
      #expect(engine[key] is NSNull, "engine.\(key)")
    }
    #expect((j["engines"] as? [Any])?.isEmpty == true)
    #expect(object(j, "coverage")?["lines"] as? Int == 0)
    let findings = try #require(j["findings"] as? [[String: Any]])
    #expect(findings.isEmpty)  // an empty log served nothing: no advice about missing output
  }

  @Test func statsOnlyLogHasNullStepsGraphsAndMFU() throws {
    // v0.7.0-style stats without a KV part: no KV figures either.
    let m = ReportFixtures.read([
      "INFO 05-13 10:01:02 metrics.py:1] Running: 2 reqs, Waiting: 0 reqs ",
      "INFO 05-13 10:01:07 metrics.py:1] Running: 3 reqs, Waiting: 1 reqs ",
    ])
    let j = try parse(m)
    #expect(j["steps"] is NSNull && j["cudagraph"] is NSNull && j["mfu"] is NSNull && j["capacity"] is NSNull)
    let sched = try #require(object(j, "scheduler"))
    #expect(sched["samples"] as? Int == 2)
    #expect(sched["max_running"] as? Int == 3)
    #expect(sched["max_kv_usage_pct"] is NSNull)
    #expect(sched["mean_kv_usage_pct"] is NSNull)
    #expect(object(j, "engine")?["kv_cache_tokens"] is NSNull)
    #expect((j["engines"] as? [[String: Any]])?.first?["steps"] is NSNull)
  }

  @Test func nonFiniteNumbersStayValidJSON() throws {
    // The reader reads no nan/inf (see FuzzRegressionTests), so build the model by hand: a non-finite
    // figure must still come out as null, never as a bare `nan` that breaks JSON.
    var m = RunModel(source: "hand-made")
    var engine = EngineTrace(index: 0)
    engine.mfu = [
      MFUSample(line: 1, time: nil, tflopsPerGPU: .nan, gbpsPerGPU: .infinity),
      MFUSample(line: 2, time: nil, tflopsPerGPU: 1, gbpsPerGPU: 2),
    ]
    m.engines = [engine]
    let j = try parse(m)
    #expect(object(j, "mfu")?["mean_tflops_per_gpu"] is NSNull)
    #expect(object(j, "mfu")?["mean_gbps_per_gpu"] is NSNull)
    #expect(object(j, "mfu")?["samples"] as? Int == 2)
  }

  @Test func awkwardTextIsEscaped() throws {
    var m = RunModel(source: "we\"ird\\path\nwith\tcontrol\u{1}chars and ✓")
    m.events = [LogEvent(kind: .error, line: 3, time: nil, message: "a \"b\" \u{1B}[31mred\u{1B}[0m")]
    m.eventCounts[.error] = 1
    let j = try parse(m)
    #expect(j["source"] as? String == m.source)
    let findings = try #require(j["findings"] as? [[String: Any]])
    let errors = try #require(findings.first { $0["id"] as? String == "errors_logged" })
    let evidence = try #require((errors["evidence"] as? [[String: Any]])?.first)
    #expect((evidence["text"] as? String)?.hasSuffix(m.events[0].message) == true)
    #expect(evidence["lines"] as? [Int] == [3])
  }

  @Test func gpuSectionWhenAGPUIsNamed() throws {
    let h100 = try #require(GPUCatalog.lookup("H100"))
    let j = try parse(ReportFixtures.rich, gpu: h100)
    #expect(object(j, "gpu")?["name"] as? String == "H100-SXM")
    // 10.5 / 989.4 = 1.061249… %, written unrounded.
    #expect(abs((object(j, "mfu")?["mean_mfu_pct"] as? Double ?? 0) - 10.5 / 989.4 * 100) < 1e-12)
  }

  @Test func compactRenderingIsOneLine() throws {
    let text = JSONReport.render(RunAnalysis.analyze(ReportFixtures.rich), toolVersion: "1", pretty: false)
    #expect(text.filter { $0 == "\n" }.count == 1)
    _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
  }
}
