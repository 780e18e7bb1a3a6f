import Foundation
import MetricsFetch
import PerfModel
import ProfileMateCore
import ProfileMateIO
import Testing

@testable import ProfileMateApp

/// The functions the commands call, called the same way.
@Suite struct ApplicationLibraryTests {
  static let configs = AppFixtures.real + "/configs"
  static let llama8B = configs + "/meta-llama--Meta-Llama-3.1-8B.config.json"
  static let qwen7B = configs + "/Qwen--Qwen2.5-7B.config.json"

  @Test(.enabled(if: AppFixtures.available, "needs ../shared/fixtures"))
  func runDirectoryIsReadWithItsParts() throws {
    let run = try RunInput.read(path: AppFixtures.cpuRun1, command: "analyze")
    #expect(run.logPath == AppFixtures.cpuRun1 + "/server.log")
    #expect(run.runDirectory?.sources.benchmark == "bench-result.json")
    #expect(run.runDirectory?.sources.metrics == "metrics/")
    // 200 prompts in run-params / the bench Namespace line (num_prompts=200).
    #expect(run.model.benchmark?.completed == 200)
  }

  @Test(.enabled(if: AppFixtures.available, "needs ../shared/fixtures"))
  func aScrapeIsNotALog() throws {
    let scrape = AppFixtures.cpuRun1 + "/metrics-after-load.prom"
    #expect(throws: InputDetectionError(path: scrape, found: .scrape, accepted: InputKind.logs, command: "kv --log")) {
      try RunInput.read(path: scrape, command: "kv --log")
    }
  }

  @Test func textThatIsNoVLLMLogIsRefused() throws {
    let dir = try AppFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try AppFixtures.write("hello\nworld\n", "notes.txt", in: dir)
    #expect(
      throws: AppError(
        "\(path): none of its 2 line(s) is a vLLM server log line (expected a log of `vllm serve`)")
    ) { try RunInput.read(path: path, command: "cudagraph") }
  }

  @Test(.enabled(if: AppFixtures.available, "needs ../shared/fixtures"))
  func jsonLogComparesLikeItsTextLog() throws {
    let dir = try AppFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let textPath = AppFixtures.cpuRun1 + "/server.log"
    let json = try AppFixtures.jsonForm(of: String(contentsOfFile: textPath, encoding: .utf8))
    let jsonPath = try AppFixtures.write(json, "server.json.log", in: dir)
    #expect(try InputDetector.detect(path: jsonPath) == .jsonLog)
    let settings = BootstrapSettings(resamples: 200, seed: 1, sampleLimit: 100)
    let a = try RunInput.summary(path: textPath, settings: settings, command: "compare")
    let b = try RunInput.summary(path: jsonPath, settings: settings, command: "compare")
    #expect(a.kinds == b.kinds)
    #expect(a.config == b.config)
    #expect(a.generationThroughput == b.generationThroughput)
    #expect(!a.kinds.isEmpty)
  }

  @Test(.enabled(if: AppFixtures.available, "needs ../shared/fixtures"))
  func layoutChecks() throws {
    // Qwen2.5-7B: 28 attention heads and 28 layers (its config.json).
    #expect(
      throws: AppError(
        "\(Self.qwen7B): num_attention_heads (28) must be divisible by the tensor-parallel size (3); vLLM refuses "
          + "this layout")
    ) { try ModelConfigInput.load(Self.qwen7B, tp: 3, pp: 1) }
    #expect(
      throws: AppError(
        "\(Self.qwen7B): the pipeline-parallel size (29) exceeds num_hidden_layers (28); every stage needs at least "
          + "one layer")
    ) { try ModelConfigInput.load(Self.qwen7B, tp: 4, pp: 29) }
    #expect(try ModelConfigInput.load(Self.qwen7B, tp: 7, pp: 28).numHiddenLayers == 28)
    #expect(throws: AppError("/nonexistent.json: cannot read the file")) {
      try ModelConfigInput.load("/nonexistent.json")
    }
  }

  @Test(.enabled(if: AppFixtures.available, "needs ../shared/fixtures"))
  func kvBudgetGiven() throws {
    // Llama 3.1 8B, bf16: 8 KV heads × 128 head size × (K+V) × 2 B = 4,096 B per token per layer; a block of 16
    // tokens over 32 layers is 2,097,152 B, so 20 GiB hold 21,474,836,480 / 2,097,152 = 10,240 blocks; a request
    // of 8,192 tokens needs 512 blocks, so 20 fit at once: 20 × 8,192 = 163,840 tokens.
    var r = KVPlanRequest(config: Self.llama8B)
    r.kvCacheMemoryBytes = 20 * 1_073_741_824
    r.maxModelLens = [8192]
    r.maxNumSeqs = 8
    let s = try KVBudget.plan(r)
    #expect(s.plan.bytesPerTokenPerLayer == 4096)
    #expect(s.budget == .givenBytes(21_474_836_480))
    #expect(s.blocks == 10_240)
    #expect(
      s.rows == [.init(maxModelLen: 8192, blocksPerRequest: 512, concurrency: 20, capacityTokens: 163_840, capped: 8)])
    #expect(!s.cannotHoldOneRequest)
    #expect(s.observed == nil)
  }

  @Test(.enabled(if: AppFixtures.available, "needs ../shared/fixtures"))
  func kvBudgetFromTheDatasheet() throws {
    var r = KVPlanRequest(config: Self.llama8B)
    r.gpu = "H100"
    r.maxModelLens = [131_072]
    let s = try KVBudget.plan(r)
    guard case .datasheet(_, let memory, let utilization, let requested, let overhead) = s.budget else {
      Issue.record("expected the datasheet budget, got \(s.budget)")
      return
    }
    // The memory the driver reports (79.11 GiB on an H100 SXM), not the datasheet's 80·10⁹ bytes.
    #expect(memory == 79.11 * 1_073_741_824)
    #expect(utilization == 0.9)
    #expect(requested == (memory * 0.9).rounded(.up))
    // memory × utilisation − weights − the modelled overhead, and whole blocks of 2,097,152 B in it.
    #expect(overhead > 0.1 && overhead < 4)
    let expected = Int(requested - s.weights.totalBytes - overhead * 1_073_741_824)
    #expect(abs(s.availableBytes - expected) <= 1)
    #expect(s.blocks == s.availableBytes / 2_097_152)
    // A given overhead replaces the model: the old 2 GiB rule.
    r.overheadGiB = 2
    let fixed = try KVBudget.plan(r)
    #expect(fixed.availableBytes == Int(requested - fixed.weights.totalBytes - 2 * 1_073_741_824))
  }

  @Test func kvWithoutGPUOrBudgetNamesTheLog() throws {
    let dir = try AppFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let log = try AppFixtures.write(
      "INFO 05-13 10:01:02 [loggers.py:257] Engine 000: Avg prompt throughput: 10.0 tokens/s, Avg generation "
        + "throughput: 20.0 tokens/s, Running: 8 reqs, Waiting: 5 reqs, GPU KV cache usage: 97.0%, Prefix cache hit "
        + "rate: 0.0%\n", "server.log", in: dir)
    guard AppFixtures.available else { return }
    var r = KVPlanRequest(config: Self.llama8B)
    r.log = log
    #expect(throws: AppError("\(log): no \"Available KV cache memory\" line; give --gpu or a budget")) {
      try KVBudget.plan(r)
    }
  }

  @Test(.enabled(if: AppFixtures.available, "needs ../shared/fixtures"))
  func rooflineTableShape() throws {
    var r = RooflineRequest(config: Self.llama8B, gpu: "H200")
    r.batch = 100
    r.context = "1024, 8192"
    let t = try RooflineBuilder.table(r)
    // Batches double from 1 and end at the largest: 1, 2, 4, …, 64, 100; every one at both contexts.
    #expect(t.rows.map(\.batch) == [1, 2, 4, 8, 16, 32, 64, 100, 1, 2, 4, 8, 16, 32, 64, 100])
    #expect(t.rows.map(\.context) == Array(repeating: 1024, count: 8) + Array(repeating: 8192, count: 8))
    #expect(t.crossovers.map(\.context) == [1024, 8192])
    // One decode token per request: bytes are dominated by the weights, so batch 1 is memory-bound.
    #expect(t.rows[0].point.bound == .memory)
    r.context = "0"
    #expect(
      throws: AppError("--context: expected integers of at least 1 (at most 10,000,000) separated by commas")
    ) { try RooflineBuilder.table(r) }
  }

  @Test(.enabled(if: AppFixtures.available, "needs ../shared/fixtures"))
  func windowLengthFromTheIndexBesideTheScrapes() throws {
    // awk -F'\t' '$1=="002"||$1=="010"{print $3}' metrics/index.tsv → 1795927940066, 1795927958366: 18.3 s apart.
    let m = AppFixtures.cpuRun1 + "/metrics/"
    let s = try MetricsInput.windowSeconds(
      from: m + "snap-002-20261129T045220.057Z.prom", to: m + "snap-010-20261129T045238.356Z.prom")
    #expect(s == 18.3)
  }

  @Test func windowLengthUnknown() throws {
    #expect(throws: AppError.self) { try MetricsInput.windowSeconds(from: "-", to: "-") }
  }

  @Test func histogramSizesAreChecked() throws {
    #expect(throws: AppError("--capture-sizes: 'x' is not a positive integer; expected e.g. 1,2,4,8")) {
      try CudaGraphInput.fromHistogram(
        path: "/nonexistent", captureSizes: "1,x", mode: nil, maxNumSeqs: nil, vllmVersion: nil, maxGraphs: nil)
    }
  }

  @Test func histogramEconomics() throws {
    let dir = try AppFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // Decode steps of 3 tokens (×4) and 5 tokens (×2) under sizes 1, 2, 4, 8: padded to 4 and 8, so
    // 4 × 4 + 2 × 8 = 32 tokens run, 4 × 3 + 2 × 5 = 22 of them real, 10 padding.
    let path = try AppFixtures.write(#"{"3": 4, "5": 2}"#, "h.json", in: dir)
    let r = try CudaGraphInput.fromHistogram(
      path: path, captureSizes: "1,2,4,8", mode: nil, maxNumSeqs: nil, vllmVersion: nil, maxGraphs: nil)
    #expect(r.economics.padding.paddedTokens == 32)
    #expect(r.economics.padding.unpaddedTokens == 22)
    #expect(r.economics.padding.paddingTokens == 10)
  }

  @Test func errorsCarryTheirExitCodes() {
    let errors: [any UserFacingError] = [
      AppError("x"), AppError("gate", exitCode: 1), InputError("f: gone"), ConfigError(source: "c", problem: "p"),
      FetchError(.refused, "refused"), InputDetectionError(path: "p", found: nil, accepted: []),
    ]
    #expect(errors.map(\.exitCode) == [2, 1, 2, 2, 2, 2])
    #expect(errors.map(\.message)[3] == "c: p")
  }
}

@Suite struct BundledExamplePathTests {
  /// The example found beside the binary is named without `..` parts (the report's first line shows it).
  @Test func pathsAreNormalized() {
    #expect(BundledExample.normalized("/a/b/c/../../../examples/x") == "/examples/x")
    #expect(BundledExample.normalized("/w/main/.build/x86/debug/../../../examples/e") == "/w/main/examples/e")
    #expect(BundledExample.normalized("examples/./e") == "examples/e")
    #expect(BundledExample.normalized("../shared/x") == "../shared/x")
  }
}
