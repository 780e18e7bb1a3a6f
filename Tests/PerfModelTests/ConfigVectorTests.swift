import Foundation
import Testing

@testable import PerfModel

/// Every real config × deployment of `Fixtures/vllm-0.33-config-vectors.json`, made by running vLLM 0.33's own
/// ModelConfig and perf.py on the config files (`Fixtures/make_config_vectors.py` says how): ProfileMate must
/// read the same component fields from the config, skip what vLLM skips, and bill every term identically.
@Suite struct ConfigVectorTests {
  struct Vector: Sendable, CustomStringConvertible {
    let config: String
    let deployment: Deployment
    /// Component name → its fields and per-step figures, or the reason vLLM skipped it.
    let components: [String: Component]
    var description: String {
      "\(config) tp \(deployment.tensorParallelSize) pp \(deployment.pipelineParallelSize) "
        + "dp \(deployment.dataParallelSize) ep \(deployment.enableExpertParallel) kv \(deployment.kvCacheDtype)"
    }
  }

  struct Component: Sendable {
    let skipped: String?
    /// Fields printed as perf.py's log line prints them (`None`, `2`, `0.5`).
    let fields: [String: String]
    /// One `[kind: [term: value]]` per step of the file.
    let steps: [[String: [String: Int]]]
  }

  static let path = SharedFiles.root + "/Tests/PerfModelTests/Fixtures/vllm-0.33-config-vectors.json"

  static func steps() throws -> [ExecutionContext] {
    let root = try SharedFiles.jsonObject(path)
    return try #require(root["steps"] as? [[[Any]]]).map { step in
      ExecutionContext(
        step.map {
          ExecutionContext.Request(
            numTokens: $0[0] as? Int ?? -1, contextLength: $0[1] as? Int ?? -1, isPrefill: $0[2] as? Bool ?? false)
        })
    }
  }

  static func field(_ value: Any) -> String {
    if value is NSNull { return "None" }
    switch PerfVectorTests.pyNumber(value) {
    case .some(let n): return n.description
    case .none: return "\(value)"
    }
  }

  static func load() throws -> [Vector] {
    let root = try SharedFiles.jsonObject(path)
    return try #require(root["vectors"] as? [[String: Any]]).map { v in
      var components: [String: Component] = [:]
      for (name, value) in try #require(v["components"] as? [String: [String: Any]]) {
        let steps = (value["steps"] as? [[String: [String: Int]]]) ?? []
        components[name] = Component(
          skipped: value["skipped"] as? String,
          fields: (value["fields"] as? [String: Any] ?? [:]).mapValues(field), steps: steps)
      }
      return Vector(
        config: v["config"] as? String ?? "",
        deployment: Deployment(
          tensorParallelSize: v["tp"] as? Int ?? 0, pipelineParallelSize: v["pp"] as? Int ?? 0,
          dataParallelSize: v["dp"] as? Int ?? 0, enableExpertParallel: v["enable_expert_parallel"] as? Bool ?? false,
          kvCacheDtype: v["kv_cache_dtype"] as? String ?? ""),
        components: components)
    }
  }

  @Test func theFileCoversEveryRealConfig() throws {
    // 9 real configs × 4 deployments (make_config_vectors.py's CONFIGS and DEPLOYMENTS).
    let vectors = try Self.load()
    #expect(vectors.count == 36)
    #expect(Set(vectors.map(\.config)) == Set(SharedFiles.allConfigs))
  }

  @Test(arguments: try ConfigVectorTests.load())
  func configReproducesVLLM(_ v: Vector) throws {
    let config = try ModelConfigTests.load(SharedFiles.config(v.config))
    let metrics = try ModelMetrics(config: config, deployment: v.deployment)
    let steps = try Self.steps()
    let built = Dictionary(uniqueKeysWithValues: metrics.components.map { ($0.model.name, $0) })
    for (name, expected) in v.components {
      if expected.skipped != nil {
        // vLLM skipped it: ProfileMate either does not build it (the other attention kind) or marks it.
        if let c = built[name] { #expect(c.vllmSkipReason != nil, "\(v) \(name)") }
        continue
      }
      let c = try #require(built[name], "\(v) \(name) missing")
      #expect(c.vllmSkipReason == nil, "\(v) \(name)")
      #expect(Dictionary(uniqueKeysWithValues: c.model.fields) == expected.fields, "\(v) \(name)")
      #expect(expected.steps.count == steps.count)
      for (ctx, figures) in zip(steps, expected.steps) {
        let b = try c.model.breakdown(ctx, perGPU: true)
        #expect(PerfVectorTests.dictionary(b.flops) == figures["flops"], "\(v) \(name) flops")
        #expect(PerfVectorTests.dictionary(b.readBytes) == figures["read_bytes"], "\(v) \(name) read")
        #expect(PerfVectorTests.dictionary(b.writeBytes) == figures["write_bytes"], "\(v) \(name) write")
      }
    }
  }
}
