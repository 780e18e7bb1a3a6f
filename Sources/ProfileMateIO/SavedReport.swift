import Foundation
import ProfileMateCore

/// Reads a saved `analyze --json` report back into a ``RunSummary`` (figures only: a saved report holds
/// no single steps and no per-request benchmark values, so comparisons against it have no bootstrap
/// intervals).
public enum SavedReport {
  /// The report schema version this build reads back.
  public static let supportedVersion = 1

  /// Whether the file at `path` starts (after white space) with `{`: a JSON report, not a log.
  public static func looksLikeJSON(path: String) -> Bool {
    guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    guard let head = try? handle.read(upToCount: 256) else { return false }
    for byte in head {
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D: continue
      case UInt8(ascii: "{"): return true
      default: return false
      }
    }
    return false
  }

  /// Reads the report at `path`.
  /// - Throws: ``InputError`` naming the path when it cannot be read, is not JSON, or is not a
  ///   ProfileMate report of schema version 1.
  public static func read(path: String) throws -> RunSummary {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw InputError("\(path): cannot read: \(error.localizedDescription)")
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw InputError("\(path): not a JSON object (expected a saved `profilemate analyze --json` report)")
    }
    guard let raw = object["schema_version"] else {
      throw InputError("\(path): no schema_version (expected a saved `profilemate analyze --json` report)")
    }
    guard let version = integer(raw) else {
      throw InputError(
        "\(path): schema_version is not an integer (expected a saved `profilemate analyze --json` report)")
    }
    guard version == supportedVersion else {
      throw InputError("\(path): report schema_version \(version) is not supported (this build reads 1)")
    }
    return summary(object, source: path)
  }

  /// The summary of a parsed report object.
  static func summary(_ o: [String: Any], source: String) -> RunSummary {
    var s = RunSummary(source: source)
    if let engine = o["engine"] as? [String: Any] {
      for (key, value) in engine {
        if key == "non_default_args", let args = value as? [String: Any] {
          for (name, v) in args { if let text = text(v) { s.config["args." + name] = text } }
        } else if RunSummary.configKeys.contains(key), let text = text(value) {
          s.config[key] = text
        }
      }
    }
    if let steps = o["steps"] as? [String: Any] {
      s.stepTokensPerSecond = double(steps["tokens_per_second"])
      let byKind = steps["by_kind"] as? [String: Any] ?? [:]
      for kind in StepKind.allCases {
        guard let k = byKind[kind.rawValue] as? [String: Any], let count = k["count"].flatMap(integer), count > 0 else {
          continue
        }
        s.kinds[kind] = RunSummary.KindFigures(
          steps: count, p50Ms: double(k["p50_ms"]), p99Ms: double(k["p99_ms"]), meanMs: double(k["mean_ms"]))
      }
    }
    if let sched = o["scheduler"] as? [String: Any] {
      s.promptThroughput = double(sched["mean_prompt_throughput"])
      s.generationThroughput = double(sched["mean_generation_throughput"])
      s.preemptions = sched["preemptions"].flatMap(integer)
      s.maxWaiting = sched["max_waiting"].flatMap(integer)
      s.kvPeakPct = double(sched["max_kv_usage_pct"])
    }
    if let capacity = o["capacity"] as? [String: Any], let peak = double(capacity["peak_kv_usage_pct"]) {
      s.kvPeakPct = peak
    }
    if let graphs = o["cudagraph"] as? [String: Any] {
      s.paddingOverheadPct = double(graphs["padding_overhead_pct"])
    }
    if let bench = o["benchmark"] as? [String: Any] {
      s.benchmark = benchmark(bench)
    }
    if let checks = o["cross_checks"] as? [Any] {
      s.crossChecks = checks.compactMap { ($0 as? [String: Any]).flatMap(crossCheck) }
    }
    return s
  }

  /// The benchmark's point figures as `analyze --json` wrote them (`request_throughput`, `completed`, `failed`,
  /// `latency_ms.M.median` else `percentiles.p50`, and `percentiles.p99`); no per-request samples.
  static func benchmark(_ b: [String: Any]) -> BenchmarkFigures {
    var f = BenchmarkFigures()
    f.requestThroughput = double(b["request_throughput"])
    f.completed = b["completed"].flatMap(integer)
    f.failed = b["failed"].flatMap(integer)
    let latency = b["latency_ms"] as? [String: Any] ?? [:]
    for m in BenchmarkFigures.metrics {
      guard let l = latency[m] as? [String: Any] else { continue }
      let percentiles = l["percentiles"] as? [String: Any] ?? [:]
      let p50 = double(l["median"]) ?? double(percentiles["p50"])
      let p99 = double(percentiles["p99"])
      guard p50 != nil || p99 != nil else { continue }
      f.latencies[m] = BenchmarkFigures.Percentiles(p50Ms: p50, p99Ms: p99)
    }
    return f
  }

  /// One `cross_checks[]` entry; nil without an `id`, a `title` or a known `status`.
  static func crossCheck(_ c: [String: Any]) -> CrossCheck? {
    guard let id = c["id"] as? String, let title = c["title"] as? String,
      let status = (c["status"] as? String).flatMap(CrossCheck.Status.init(rawValue:))
    else { return nil }
    func side(_ key: String) -> CrossCheck.Side {
      let s = c[key] as? [String: Any] ?? [:]
      return CrossCheck.Side(s["source"] as? String ?? "", double(s["value"]))
    }
    return CrossCheck(
      id: id, title: title, status: status, unit: c["unit"] as? String ?? "", expected: side("expected"),
      observed: side("observed"), tolerance: c["tolerance"] as? String ?? "", note: c["note"] as? String ?? "")
  }

  /// A JSON integer: a number without a fraction that is not `true`/`false` (Foundation reads both as
  /// `NSNumber`, and `true as? Int` is 1).
  private static func integer(_ v: Any) -> Int? {
    guard let n = v as? NSNumber, !isBoolean(n) else { return nil }
    let x = n.doubleValue
    guard x == x.rounded(), abs(x) < 9e15 else { return nil }
    return n.intValue
  }

  private static func double(_ v: Any?) -> Double? {
    guard let n = v as? NSNumber, !isBoolean(n) else { return nil }
    return n.doubleValue
  }

  /// Whether a parsed number is JSON `true`/`false` (Foundation gives both as `NSNumber`; booleans have
  /// the Objective-C type code `c`).
  private static func isBoolean(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

  /// A scalar or a list of scalars as ``RunSummary/configEntries(_:)`` spells it; nil for null or objects.
  private static func text(_ v: Any) -> String? {
    switch v {
    case let s as String: return s
    case let n as NSNumber:
      if isBoolean(n) { return n.boolValue ? "true" : "false" }
      return RunSummary.number(n.doubleValue)
    case let xs as [Any]:
      let parts = xs.compactMap { text($0) }
      return "[" + parts.joined(separator: ", ") + "]"
    default: return nil
    }
  }
}
