import PromMetrics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Paths of the shared fixtures (`../shared` beside the package root) and a small reader (tests only).
enum Fixtures {
  static let root: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/PromMetricsTests/Fixtures.swift
    return parts.joined(separator: "/")
  }()

  static func shared(_ relative: String) -> String { root + "/../shared/fixtures/" + relative }

  static let v0CacheConfig = shared("real/metrics/v0-fork-0.6.3-cache_config_info-llama2-13b-bsc.prom")
  static let run1 = shared("vllm-cpu/run1-info-2048")
  static let run3 = shared("vllm-cpu/run3-debug-color-2048")

  struct ReadError: Error { var path: String }

  static func bytes(_ path: String) throws -> [UInt8] {
    guard let f = fopen(path, "rb") else { throw ReadError(path: path) }
    defer { fclose(f) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&chunk, 1, chunk.count, f)
      if n <= 0 { break }
      out.append(contentsOf: chunk[0..<n])
    }
    return out
  }

  static func parse(_ path: String) throws -> Exposition { ExpositionParser.parse(try bytes(path)) }

  /// `metrics/index.tsv` of a run: seq → (epoch ms, file).
  static func index(_ run: String) throws -> [String: (epochMs: Int, file: String)] {
    let text = String(decoding: try bytes(run + "/metrics/index.tsv"), as: UTF8.self)
    var out: [String: (epochMs: Int, file: String)] = [:]
    for line in text.split(separator: "\n").dropFirst() {
      let f = line.split(separator: "\t").map(String.init)
      guard f.count == 5, f[4] == "200", let ms = Int(f[2]) else { continue }
      out[f[0]] = (ms, f[3])
    }
    return out
  }

  /// The window between two scrapes of a run, timed by index.tsv.
  static func window(_ run: String, _ from: String, _ to: String) throws -> WindowAnalysis {
    let idx = try index(run)
    guard let a = idx[from], let b = idx[to] else { throw ReadError(path: run + " seq " + from + "/" + to) }
    return WindowAnalysis(
      before: try parse(run + "/metrics/" + a.file), after: try parse(run + "/metrics/" + b.file),
      seconds: Double(b.epochMs - a.epochMs) / 1000)
  }
}

/// |a − b| ≤ 1e-9 relative (or absolute near zero).
func close(_ a: Double?, _ b: Double) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= 1e-9 * max(1, abs(b))
}
