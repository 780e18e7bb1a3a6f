import Foundation
import Testing

/// `kv`, `perf` and `roofline` on odd option values and damaged configs: exit 2 with a message, never a trap.
@Suite struct AnalyticModelCLITests {
  static let llama2 = packageRoot + "/../shared/fixtures/real/configs/meta-llama--Llama-2-7b-hf.config.json"

  /// Runs `kv` on Llama-2-7B with a known budget and the extra arguments.
  private func kv(_ extra: [String]) throws -> Run {
    try run(["kv", Self.llama2, "--max-model-len", "4096"] + extra)
  }

  @Test(arguments: [
    ["--available-kv-gib", "nan"], ["--available-kv-gib", "1e300"], ["--available-kv-gib", "-2"],
    ["--available-kv-gib", "inf"], ["--kv-cache-memory-bytes", "-1073741824"],
  ])
  func kvRejectsBadBudgets(_ budget: [String]) throws {
    let r = try kv(budget)
    #expect(r.status == 2, "\(budget): \(r.stderr)")
    #expect(r.stderr.contains(budget[0]), "\(r.stderr)")
    #expect(!r.stdout.contains("-"), "\(r.stdout)")
  }

  @Test(arguments: ["nan", "inf", "-1e300", "-1"])
  func kvRejectsBadOverheads(_ overhead: String) throws {
    let r = try kv(["--gpu", "H100-SXM", "--overhead-gib", overhead])
    #expect(r.status == 2, "\(overhead): \(r.stderr)")
    #expect(r.stderr.contains("--overhead-gib"), "\(r.stderr)")
  }

  @Test(arguments: [
    ["--max-model-len", "9223372036854775807"], ["--max-model-len", "0"], ["--block-size", "4611686018427387904"],
    ["--max-num-batched-tokens", "9223372036854775807"], ["--max-num-seqs", "-3"],
  ])
  func kvRejectsOutOfRangeSizes(_ option: [String]) throws {
    let r = try run(["kv", Self.llama2, "--available-kv-gib", "10"] + option)
    #expect(r.status == 2, "\(option): \(r.stderr)")
    #expect(r.stderr.contains(option[0]), "\(r.stderr)")
  }

  @Test func kvStillAcceptsSaneExtremes() throws {
    let r = try kv(["--available-kv-gib", "0", "--block-size", "65536", "--overhead-gib", "0"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("vLLM would refuse to start"))
    let big = try run(["kv", Self.llama2, "--available-kv-gib", "1000000", "--max-model-len", "1073741824"])
    #expect(big.status == 0, "\(big.stderr)")
  }

  /// Llama-2-7B's config with `key` set to the JSON `value`, in a temporary directory.
  private func damagedConfig(_ key: String, _ value: String) throws -> String {
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.llama2))) as? [String: Any])
    object[key] = try JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed)
    let path = try temporaryDirectory() + "/config.json"
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test(arguments: [
    ("num_attention_heads", "0"), ("num_hidden_layers", "4.6e18"), ("hidden_size", "4611686018427387904"),
  ])
  func damagedConfigsAreConfigErrorsInEveryCommand(_ key: String, _ value: String) throws {
    let path = try damagedConfig(key, value)
    defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    for arguments in [
      ["kv", path, "--available-kv-gib", "10"], ["perf", path, "--request", "1:100:decode"],
      ["roofline", path, "--gpu", "H100-SXM", "--batch", "4"],
    ] {
      let r = try run(arguments)
      #expect(r.status == 2, "\(arguments[0]) \(key): \(r.stderr)")
      #expect(r.stderr.contains(path) && r.stderr.contains("'\(key)'"), "\(arguments[0]): \(r.stderr)")
    }
  }

  @Test(arguments: [
    ["kv", llama2, "--available-kv-gib", "10", "--tp", "3"], ["kv", llama2, "--available-kv-gib", "10", "--pp", "64"],
    ["roofline", llama2, "--gpu", "H100-SXM", "--tp", "64"], ["roofline", llama2, "--gpu", "H100-SXM", "--pp", "64"],
    ["perf", llama2, "--request", "1:100:decode", "--tensor-parallel-size", "3"],
    ["perf", llama2, "--request", "1:100:decode", "--pipeline-parallel-size", "33"],
  ])
  func impossibleParallelLayoutsAreRefused(_ arguments: [String]) throws {
    let r = try run(arguments)
    #expect(r.status == 2, "\(arguments): \(r.stdout)")
    #expect(r.stderr.contains("num_attention_heads (32)") || r.stderr.contains("num_hidden_layers (32)"), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  @Test func hugeParallelSizesAreOptionErrors() throws {
    let r = try run(
      [
        "perf", Self.llama2, "--request", "1:100:decode", "--tensor-parallel-size", "4294967296",
        "--data-parallel-size", "4294967296",
      ])
    #expect(r.status == 2 && r.stderr.contains("--tensor-parallel-size"), "\(r.stderr)")
    let ok = try run(["kv", Self.llama2, "--available-kv-gib", "10", "--tp", "32", "--pp", "32"])
    #expect(ok.status == 0, "\(ok.stderr)")
  }
}
