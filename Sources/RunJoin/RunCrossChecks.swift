import ProfileMateCore
import PromMetrics

/// The cross-checks of a run directory: what the log, the server's `/metrics` and the benchmark say about the
/// same run, made comparable through vLLM's semantics, each judged against a stated tolerance.
public enum RunCrossChecks {
  /// Relative tolerance of the token checks (1% of the counter, at least one token).
  public static let tokenTolerance = 0.01
  /// A client gap shorter than this (0.1 ms) is a gap inside a burst of tokens delivered together.
  public static let burstGapSeconds = 0.0001
  /// How far outside the server's histogram bucket a benchmark percentile may lie (10% of each edge).
  public static let bucketEdgeAllowance = 0.10
  /// Seconds the benchmark may exceed the bucket by: the client's clock also runs through HTTP, tokenization and
  /// streaming, which vLLM's histograms (started at the engine's arrival time) exclude.
  public static let clientPathAllowance = 0.05
  /// The percentiles compared when the benchmark has per-request data.
  public static let percentiles: [Double] = [50, 90, 99]

  /// All checks, in report order: tokens, requests, TTFT and inter-token percentiles, request rate.
  public static func evaluate(model: RunModel, metrics: MetricsSpan?, benchmark: BenchmarkResult?) -> [CrossCheck] {
    let log = LogTokens(model)
    // Increases need a window: two scrapes some time apart (one scrape gives only the token checks).
    let window = metrics.flatMap { $0.seconds > 0 ? $0 : nil }
    var checks = [
      generationTokens(log, metrics), promptTokens(log, metrics), requests(benchmark, window),
    ]
    checks += latency(
      "ttft", "TTFT", benchmark?.ttfts, benchmark?.latency("ttft"), benchmark,
      window?.window.histograms[.timeToFirstToken],
      metrics?.last.names[.timeToFirstToken] ?? "vllm:time_to_first_token_seconds")
    checks += latency(
      "itl", "Inter-token latency", benchmark?.itls, benchmark?.latency("itl"), benchmark,
      window?.window.histograms[.interTokenLatency],
      metrics?.last.names[.interTokenLatency] ?? "vllm:inter_token_latency_seconds")
    checks.append(requestRate(benchmark))
    return checks
  }

  /// `50`, `0.5`, `2.5`, `inf`: a figure without trailing zeros.
  static func num(_ x: Double) -> String {
    guard x.isFinite else { return Format.fixed(x) }
    if x == x.rounded() && abs(x) < 1e15 { return Format.count(x) }
    var s = Format.auto(x)
    guard s.contains(".") && !s.contains(",") else { return s }
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
  }

  /// Token sums over the iteration lines of every engine (data-parallel dummy steps excluded).
  struct LogTokens {
    var lines = 0
    var context = 0
    var generation = 0
    /// Generation tokens beyond one per generation request: a preempted request recomputing its prompt and
    /// output (vLLM V1 schedules them as the resumed request's generation tokens). Not counted as output.
    var recomputed = 0
    var specDecode = false

    init(_ model: RunModel) {
      for e in model.engines {
        specDecode = specDecode || e.specDecodeLines > 0
        e.steps.forEachChunk { steps in
          for s in steps where !s.isDummy {
            lines += 1
            context += s.contextTokens
            generation += s.generationTokens
            recomputed += max(0, s.generationTokens - s.generationRequests)
          }
        }
      }
    }
  }

  static func unchecked(
    _ id: String, _ title: String, _ unit: String, _ e: CrossCheck.Side, _ o: CrossCheck.Side,
    _ tolerance: String, _ why: String
  ) -> CrossCheck {
    CrossCheck(
      id: id, title: title, status: .unchecked, unit: unit, expected: e, observed: o, tolerance: tolerance, note: why)
  }

  /// Why the log and the counters cannot be compared, if they cannot.
  static func spanProblem(_ log: LogTokens, _ m: MetricsSpan, counter: Double) -> String? {
    if log.lines == 0 && counter > 0 {
      return "the log has no iteration lines (vLLM prints them with --enable-logging-iteration-details, v0.10.2+)"
    }
    if let busy = m.busyAtEnd, busy > 0 {
      return "\(Format.count(busy)) requests were running or waiting at the last scrape, so the log goes on "
        + "past the recording; compare after the load has drained"
    }
    return nil
  }

  static func withinTokens(_ expected: Double, _ observed: Double) -> Bool {
    abs(observed - expected) <= max(1, tokenTolerance * observed)
  }

  static func generationTokens(_ log: LogTokens, _ m: MetricsSpan?) -> CrossCheck {
    let id = "generation_tokens"
    let title = "Generated tokens: iteration lines vs vllm:generation_tokens_total"
    let tolerance = "±1% of the counter (at least 1 token)"
    let finished = m?.last.total(.requestSuccess) ?? 0
    // Each decoding request emits one token per step; tokens beyond that recompute a preempted request (without
    // speculative decoding, where they are draft tokens being verified).
    let recomputed = log.specDecode ? 0 : log.recomputed
    let emitted = log.generation - recomputed
    let scheduled =
      recomputed > 0
      ? "\(Format.grouped(emitted)) decode tokens emitted (\(Format.grouped(log.generation)) scheduled, "
        + "\(Format.grouped(recomputed)) of them recomputing preempted requests)"
      : "\(Format.grouped(log.generation)) decode tokens"
    let expected = CrossCheck.Side(
      "server.log: \(scheduled) in \(Format.grouped(log.lines)) iteration lines"
        + " + \(Format.count(finished)) first tokens (one per finished request)",
      Double(emitted) + finished)
    guard let m, let counter = m.last.total(.generationTokens) else {
      return unchecked(
        id, title, "tokens", expected, .init("vllm:generation_tokens_total", nil), tolerance,
        "no metrics scrape with vllm:generation_tokens_total in the run directory")
    }
    let observed = CrossCheck.Side("vllm:generation_tokens_total at the last scrape (since start-up)", counter)
    if let why = spanProblem(log, m, counter: counter) {
      return unchecked(id, title, "tokens", expected, observed, tolerance, why)
    }
    var note =
      "Iteration lines count the decode tokens scheduled in each step; the counter also counts every request's "
      + "first token, which is sampled in its prefill step, so the log side adds one per finished request "
      + "(vllm:request_success_total). Both cover the server's life up to the last scrape."
    if log.specDecode {
      note += " With speculative decoding the iteration lines count verified draft tokens, accepted or not."
    } else if recomputed > 0 {
      note +=
        " A step's generation tokens beyond one per generation request recompute a preempted request's prompt "
        + "and output (no new token): they are left out."
    }
    return CrossCheck(
      id: id, title: title, status: withinTokens(expected.value ?? 0, counter) ? .agree : .disagree, unit: "tokens",
      expected: expected, observed: observed, tolerance: tolerance, note: note)
  }

  static func promptTokens(_ log: LogTokens, _ m: MetricsSpan?) -> CrossCheck {
    let id = "prompt_tokens"
    let title = "Prompt tokens: iteration lines vs vllm:prompt_tokens_total"
    let tolerance = "±1% of the counter (at least 1 token)"
    let cachedName = m?.last.names[.promptTokensCached] ?? m?.last.names[.prefixCacheHits] ?? "prefix-cache hits"
    let cached = m.flatMap { $0.last.total(.promptTokensCached) ?? $0.last.total(.prefixCacheHits) } ?? 0
    let expected = CrossCheck.Side(
      "server.log: \(Format.grouped(log.context)) context tokens in \(Format.grouped(log.lines)) iteration lines"
        + " + \(Format.count(cached)) cached (\(cachedName))",
      Double(log.context) + cached)
    guard let m, let counter = m.last.total(.promptTokens) else {
      return unchecked(
        id, title, "tokens", expected, .init("vllm:prompt_tokens_total", nil), tolerance,
        "no metrics scrape with vllm:prompt_tokens_total in the run directory")
    }
    let observed = CrossCheck.Side("vllm:prompt_tokens_total at the last scrape (since start-up)", counter)
    if let why = spanProblem(log, m, counter: counter) {
      return unchecked(id, title, "tokens", expected, observed, tolerance, why)
    }
    if let p = m.last.total(.preemptions), p > 0 {
      return unchecked(
        id, title, "tokens", expected, observed, tolerance,
        "\(Format.count(p)) preemptions: a preempted request's prefill is computed again and appears again in "
          + "the iteration lines, but its prompt is counted once")
    }
    var note =
      "Iteration lines count the prompt tokens computed in each step; a prefix-cache hit is not computed, while "
      + "vllm:prompt_tokens_total counts every prompt token, cached or not, so the log side adds the cached ones."
    if let local = m.last.byLabel[.promptTokensBySource]?["local_compute"] {
      note +=
        " vLLM v0.16+ also splits the counter by source: local_compute = \(Format.count(local.value)), "
        + "the computed part alone."
    }
    return CrossCheck(
      id: id, title: title, status: withinTokens(expected.value ?? 0, counter) ? .agree : .disagree, unit: "tokens",
      expected: expected, observed: observed, tolerance: tolerance, note: note)
  }

  static func requests(_ b: BenchmarkResult?, _ m: MetricsSpan?) -> CrossCheck {
    let id = "requests"
    let title = "Requests: benchmark completed vs vllm:request_success_total"
    let tolerance = "the server may count 0 or 1 more (the benchmark's initial test request)"
    let expected = CrossCheck.Side("benchmark: completed requests", b.map { Double($0.completed) })
    let observedName = "vllm:request_success_total, increase over the recording"
    guard let b else {
      return unchecked(
        id, title, "requests", expected, .init(observedName, m?.window.total(.requestSuccess)), tolerance,
        "no benchmark result in the run directory")
    }
    guard let m, let served = m.window.total(.requestSuccess) else {
      return unchecked(
        id, title, "requests", expected, .init(observedName, nil), tolerance,
        "no two scrapes with vllm:request_success_total in the run directory (an increase needs a window)")
    }
    let extra = served - Double(b.completed)
    let note: String
    if extra < 0 {
      note =
        "the server finished fewer requests than the benchmark completed: the metrics come from another server or "
        + "engine, or the recording does not cover the whole benchmark"
    } else if extra > 1 {
      note =
        "\(Format.count(extra)) requests beyond the benchmark's finished on the server during the recording: "
        + "other clients shared it, and their requests are in the server's histograms too"
    } else {
      note = "vllm bench serve sends one test request before the measured run; it is not among the completed"
    }
    return CrossCheck(
      id: id, title: title, status: extra >= 0 && extra <= 1 ? .agree : .disagree, unit: "requests",
      expected: expected, observed: .init(observedName, served), tolerance: tolerance, note: note)
  }

  static func latency(
    _ key: String, _ label: String, _ values: [Double]?, _ summary: BenchmarkResult.Latency?, _ b: BenchmarkResult?,
    _ h: Histogram?, _ metric: String
  ) -> [CrossCheck] {
    var wanted: [(p: Double, seconds: Double?, from: String)] = []
    if b.map({ $0.completed == 0 }) ?? false {
      for p in percentiles { wanted.append((p, nil, "benchmark: \(key) percentiles")) }
    } else if let values, !values.isEmpty {
      let what = key == "ttft" ? "requests" : "gaps"
      wanted = percentiles.map {
        ($0, Percentiles.linear(values, $0), "benchmark: p\(num($0)) of \(Format.grouped(values.count)) \(what)")
      }
    } else if let summary {
      if let median = summary.median { wanted.append((50, median / 1000, "benchmark: median_\(key)_ms")) }
      for (p, ms) in summary.percentiles where p != 50 {
        wanted.append((p, ms / 1000, "benchmark: p\(num(p))_\(key)_ms"))
      }
    } else {
      for p in percentiles { wanted.append((p, nil, "benchmark: \(key) percentiles")) }
    }
    let sampleCount = values.map(\.count) ?? (key == "ttft" ? b?.completed : nil)
    return wanted.map { w in
      let id = "\(key)_p\(num(w.p))"
      let title = "\(label) p\(num(w.p)): benchmark vs \(metric)"
      let expected = CrossCheck.Side(w.from, w.seconds)
      let name = "\(metric), histogram_quantile(\(num(w.p / 100)), increase over the recording)"
      let noEdge = "the server's histogram bucket, −10% / +10% + 50 ms"
      guard b != nil, let seconds = w.seconds else {
        return unchecked(
          id, title, "s", expected, .init(name, h?.quantile(w.p / 100)), noEdge,
          b == nil
            ? "no benchmark result in the run directory"
            : b?.completed == 0 ? "no request completed" : "the benchmark file has no \(key) figures")
      }
      guard w.p > 0 && w.p < 100 else {
        return unchecked(
          id, title, "s", expected, .init(name, nil), noEdge, "p\(num(w.p)) is an extreme, not a percentile to compare")
      }
      // p99 of 24 requests is the slowest one: a percentile is compared only with at least 1 / (1 − p) samples.
      let needed = Int((1 / (1 - w.p / 100)).rounded())
      if let n = sampleCount, n < needed {
        return unchecked(
          id, title, "s", expected, .init(name, h?.quantile(w.p / 100)), noEdge,
          "\(n) samples: p\(num(w.p)) needs at least \(needed), or it is just the slowest one")
      }
      guard let h, let q = h.quantile(w.p / 100), let bucket = bucket(h, w.p / 100) else {
        return unchecked(
          id, title, "s", expected, .init(name, nil), noEdge,
          h == nil
            ? "no two scrapes with \(metric) in the run directory (an increase needs a window)"
            : "\(metric) has no observations in the window")
      }
      let lo = bucket.lower * (1 - bucketEdgeAllowance)
      let hi = bucket.upper * (1 + bucketEdgeAllowance) + clientPathAllowance
      let range = "[\(num(bucket.lower)), \(num(bucket.upper))] s"
      let tolerance = "within the server's bucket \(range), −10% below it, +10% + 50 ms above it"
      // Bursty streaming: a chunk carries several tokens, so most client gaps are near zero and its percentile
      // is a gap inside a burst, not a token gap: the two sides measure different things.
      if key == "itl", let values, !values.isEmpty, seconds < burstGapSeconds {
        let share = Double(values.filter { $0 < burstGapSeconds }.count) / Double(values.count) * 100
        return unchecked(
          id, title, "s", expected, .init(name, q), tolerance,
          "not comparable: \(Format.pct(share)) of the client's gaps are under 0.1 ms (tokens arrive in bursts "
            + "of several per chunk), so its p\(num(w.p)) is a gap inside a burst, not the time between tokens")
      }
      let inside = seconds >= lo && seconds <= hi
      // A wide bucket (and the client's 50 ms) holds figures far apart: "agree" is never said of two figures 3×
      // apart.
      if inside, q > 0, seconds > 0, max(seconds, q) / min(seconds, q) > 3 {
        return unchecked(
          id, title, "s", expected, .init(name, q), tolerance,
          "not comparable: the tolerance around the server's bucket \(range) (+50 ms for the client's path) "
            + "is too wide to tell "
            + "\(Format.ms(seconds * 1000)) from \(Format.ms(q * 1000)) (\(Format.fixed(max(seconds, q) / min(seconds, q), 1))× apart)"
        )
      }
      return CrossCheck(
        id: id, title: title, status: inside ? .agree : .disagree, unit: "s",
        expected: expected, observed: .init(name, q), tolerance: tolerance,
        note: "a histogram places a quantile only within its bucket (PromQL interpolates linearly inside it); "
          + "vLLM's clock starts when the request reaches the engine (after HTTP parsing and tokenization) and stops "
          + "when the frontend has the token, while the benchmark's also covers HTTP, tokenization and streaming: "
          + "up to 50 ms more on the client is that path, not a disagreement")
    }
  }

  /// The bucket `histogram_quantile` interpolates in for `q`: the first whose cumulative count reaches the rank.
  static func bucket(_ h: Histogram, _ q: Double) -> (lower: Double, upper: Double)? {
    let n = h.observations
    guard n > 0 else { return nil }
    var cumulative = 0.0
    for b in h.perBucket {
      cumulative += b.count
      if cumulative >= q * n && b.count > 0 { return (b.lower, b.upper) }
    }
    return nil
  }

  static func requestRate(_ b: BenchmarkResult?) -> CrossCheck {
    let id = "request_rate"
    let title = "Request rate: achieved vs requested"
    let unit = "requests/s"
    let requested = CrossCheck.Side("benchmark: request_rate (requested)", b?.requestRate)
    let achievedName = "benchmark: (n − 1) / (last − first send time), from start_times"
    guard let b else {
      return unchecked(
        id, title, unit, requested, .init(achievedName, nil), "", "no benchmark result in the run directory")
    }
    guard let rate = b.requestRate else {
      let cap = b.maxConcurrency.map { ", capped at \($0) in flight" } ?? ""
      return unchecked(
        id, title, unit, requested, .init(achievedName, b.achievedSendRate), "",
        "the benchmark sent as fast as it could (request_rate inf\(cap)): there was no rate to keep up with")
    }
    guard let achieved = b.achievedSendRate, let n = b.startTimes?.count else {
      return unchecked(
        id, title, unit, requested, .init(achievedName, nil), "",
        "the file has no per-request start_times (vllm bench serve v0.16+ with --save-detailed); its "
          + "request_throughput (\(b.requestThroughput.map { num($0) } ?? "?") requests/s) also counts the "
          + "time to drain, so it cannot tell")
    }
    // n send times of a gamma process (Poisson at burstiness 1) spread by 1/√(burstiness·(n−1)) relative.
    let spread = 1 / (max(b.burstiness ?? 1, 1e-9) * Double(n - 1)).squareRoot()
    let relative = max(0.10, 3 * spread)
    let ok = abs(achieved - rate) <= relative * rate
    return CrossCheck(
      id: id, title: title, status: ok ? .agree : .disagree, unit: unit, expected: requested,
      observed: .init(achievedName, achieved),
      tolerance: "±\(num((relative * 100).rounded()))% (3 standard deviations of \(n) random arrivals, at least 10%)",
      note: ok
        ? "the load generator kept to the requested rate"
        : "a load generator that falls behind (or bursts ahead) makes every latency figure describe another load")
  }
}
