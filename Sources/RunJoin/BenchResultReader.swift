import ProfileMateCore
import StrictJSON

/// Reads `vllm bench serve --save-result` JSON and the older `benchmark_serving.py` JSON (spec §10.2) into a
/// ``BenchmarkResult``. Python writes `NaN` and `Infinity` for non-finite floats: they are read as absent.
/// Per-request TTFTs and ITLs keep the successful requests only (those with an empty `errors` entry).
public enum BenchResultReader {
  /// The latency metrics read, in report order.
  public static let metrics = ["ttft", "tpot", "itl", "e2el"]

  /// Parses a result file's bytes; `source` names the file in messages.
  /// - Throws: ``BenchResultError`` when the bytes are not one JSON object with `completed`.
  public static func parse(_ bytes: [UInt8], source: String) throws(BenchResultError) -> BenchmarkResult {
    // Strict JSON, with Python's bare NaN / Infinity read as null.
    let root: JSONValue
    do {
      root = try JSONValue.parse(bytes, options: .init(pythonNonFinite: true))
    } catch {
      throw BenchResultError("\(source): not JSON, \(error) (expected a vllm bench serve --save-result file)")
    }
    guard case .object(let o) = root else {
      throw BenchResultError("\(source): expected a JSON object (a vllm bench serve --save-result file)")
    }
    guard let completed = o["completed"]?.intValue else {
      throw BenchResultError("\(source): no integer \"completed\" (expected a vllm bench serve --save-result file)")
    }
    let newer = o["endpoint_type"] != nil || o["failed"] != nil || o["start_times"] != nil
    var r = BenchmarkResult(
      source: source, generator: newer ? "vllm bench serve" : "benchmark_serving.py", completed: completed)
    r.date = o["date"]?.stringValue
    r.backend = o["backend"]?.stringValue
    r.model = o["model_id"]?.stringValue
    r.numPrompts = o["num_prompts"]?.intValue
    r.requestRate = o["request_rate"]?.doubleValue.flatMap { $0.isFinite ? $0 : nil }
    r.maxConcurrency = o["max_concurrency"]?.intValue
    r.burstiness = o["burstiness"]?.doubleValue
    r.duration = o["duration"]?.doubleValue
    r.totalInputTokens = o["total_input_tokens"]?.intValue
    r.totalOutputTokens = o["total_output_tokens"]?.intValue
    r.requestThroughput = (o["request_throughput"] ?? o["request_inthroughput"])?.doubleValue
    r.outputThroughput = o["output_throughput"]?.doubleValue
    r.totalTokenThroughput = o["total_token_throughput"]?.doubleValue
    r.maxConcurrentRequests = o["max_concurrent_requests"]?.intValue
    r.latencies = metrics.compactMap { latency($0, o) }
    let errors = o["errors"]?.arrayValue?.map { $0.stringValue ?? "" }
    if let failed = o["failed"]?.intValue {
      r.failed = failed
    } else if let n = r.numPrompts {
      r.failed = max(0, n - completed)
    } else if let errors {
      r.failed = errors.filter { !$0.isEmpty }.count
    }
    if let errors { r.errors = distinct(errors) }
    // Per-request arrays hold every request; TTFTs and ITLs count for successful ones (errors == "").
    func ok(_ i: Int) -> Bool { errors.map { i < $0.count && $0[i].isEmpty } ?? (i < completed) }
    if let t = o["ttfts"]?.arrayValue {
      r.ttfts = t.indices.compactMap { ok($0) ? finite(t[$0]) : nil }
    }
    if let t = o["itls"]?.arrayValue {
      r.itls = t.indices.flatMap { ok($0) ? (t[$0].arrayValue ?? []).compactMap(finite) : [] }
    }
    if let t = o["start_times"]?.arrayValue { r.startTimes = t.compactMap(finite) }
    return r
  }

  /// A finite number, or nil.
  static func finite(_ v: JSONValue) -> Double? {
    v.doubleValue.flatMap { $0.isFinite ? $0 : nil }
  }

  static func latency(_ m: String, _ o: [String: JSONValue]) -> BenchmarkResult.Latency? {
    let suffix = "_\(m)_ms"
    var percentiles: [(percentile: Double, ms: Double)] = []
    for (key, value) in o where key.hasPrefix("p") && key.hasSuffix(suffix) {
      let p = key.dropFirst().dropLast(suffix.count)
      if let p = Double(p), p.isFinite, let ms = finite(value) { percentiles.append((p, ms)) }
    }
    let mean = o["mean" + suffix].flatMap(finite)
    let median = o["median" + suffix].flatMap(finite)
    guard mean != nil || median != nil || !percentiles.isEmpty else { return nil }
    return .init(
      metric: m, mean: mean, median: median, std: o["std" + suffix]?.doubleValue,
      percentiles: percentiles.sorted { $0.percentile < $1.percentile })
  }

  static func distinct(_ errors: [String]) -> [(message: String, count: Int)] {
    var counts: [String: Int] = [:]
    var order: [String] = []
    for e in errors where !e.isEmpty {
      let line = e.split(whereSeparator: \.isNewline).last.map(String.init) ?? e
      if counts[line] == nil { order.append(line) }
      counts[line, default: 0] += 1
    }
    let ranked = order.enumerated().map { (offset: $0.offset, message: $0.element, count: counts[$0.element] ?? 0) }
      .sorted { a, b in a.count != b.count ? a.count > b.count : a.offset < b.offset }
    return ranked.prefix(5).map { ($0.message, $0.count) }
  }
}
