/// vLLM's server-log lines, as vLLM 0.32 prints them (spec §1–§2): the envelope
/// `(APIServer pid=N) LEVEL MM-DD HH:MM:SS [file.py:line] message`, the composable stats line and the
/// iteration-details line. Pure: the time is passed in as seconds since the Unix epoch (UTC).
public enum VLLMLogFormat {
  /// One log line (with its newline).
  public static func line(
    process: String = "APIServer", pid: Int32, level: String = "INFO", epoch: Double, source: String,
    _ message: String
  ) -> String {
    "(\(process) pid=\(pid)) \(level) \(timestamp(epoch)) [\(source)] \(message)\n"
  }

  /// `MM-DD HH:MM:SS` of `epoch` in UTC.
  public static func timestamp(_ epoch: Double) -> String {
    let seconds = Int64(epoch.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    // Days to a civil date (proleptic Gregorian), after Howard Hinnant's `civil_from_days`.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return "\(two(month))-\(two(day)) \(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
  }

  /// The stats line's message (v0.32 composable form, no prefix cache, device `GPU`).
  public static func stats(
    promptThroughput: Double, generationThroughput: Double, running: Int, waiting: Int, preemptions: Int,
    kvUsage: Double
  ) -> String {
    var parts = [
      "Avg prompt throughput: \(fixed(promptThroughput, 1)) tokens/s",
      "Avg generation throughput: \(fixed(generationThroughput, 1)) tokens/s",
      "Running: \(running) reqs", "Waiting: \(waiting) reqs",
    ]
    if preemptions > 0 { parts.append("Preemptions: \(preemptions)") }
    parts.append("GPU KV cache usage: \(fixed(kvUsage * 100, 1))%")
    return "Engine 000: " + parts.joined(separator: ", ")
  }

  /// The iteration-details line's message (v0.30 → form).
  public static func iteration(_ index: Int, _ step: ScheduledStep, elapsedMs: Double, kvUsage: Double) -> String {
    "Engine 000: Iteration(\(index)): \(step.contextRequests) context requests, \(step.contextTokens) context tokens, "
      + "\(step.generationRequests) generation requests, \(step.generationTokens) generation tokens, "
      + "iteration elapsed time: \(fixed(elapsedMs, 2)) ms, GPU KV cache usage: \(fixed(kvUsage * 100, 1))%"
  }

  /// `v` with `decimals` places, as `%.Nf` prints it (ties away from zero).
  public static func fixed(_ v: Double, _ decimals: Int) -> String {
    guard v.isFinite else { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
    var scale: Int64 = 1
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(v) * Double(scale)).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e18 else { return "\(v)" }
    let n = Int64(scaled)
    let sign = v < 0 && n != 0 ? "-" : ""
    guard decimals > 0 else { return sign + "\(n)" }
    let fraction = String(n % scale)
    return sign + "\(n / scale)." + String(repeating: "0", count: decimals - fraction.count) + fraction
  }

  static func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
