/// The rule set that turns a ``RunAnalysis`` into ``Finding``s.
public enum FindingRules {
  /// Evaluates every rule and returns the findings, most severe first (ties keep rule order).
  public static func evaluate(_ a: RunAnalysis, thresholds t: FindingThresholds) -> [Finding] {
    let rules: [(RunAnalysis, FindingThresholds) -> [Finding]] = [
      engineFailures, queueing, preemptions, kvPressure, kvOverprovisioned, phaseDominance, mixedSteps,
      padding, captureSizesFitted, eagerSteps, cudagraphMode, batchUtilization, roofline, httpErrors,
      observabilityGaps,
    ]
    let all = rules.flatMap { $0(a, t) }
    return all.enumerated().sorted { x, y in
      x.element.severity != y.element.severity ? x.element.severity > y.element.severity : x.offset < y.offset
    }.map(\.element)
  }

  // MARK: - Failures

  static func engineFailures(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    var out: [Finding] = []
    let model = a.model
    func lines(_ kind: LogEvent.Kind) -> [LineNumber] { model.events.filter { $0.kind == kind }.map(\.line) }
    if let n = model.eventCounts[.mfuDebugCrash], n > 0 {
      out.append(
        Finding(
          id: "mfu_debug_crash", severity: .critical,
          title: "The engine crashed because VLLM_DEBUG_MFU_METRICS=1 is set (a vLLM v0.30+ bug)",
          evidence: [
            Evidence(
              "\(n) line(s) show the known signature: perf_stats.debug_stats fails to serialise "
                + "(`Expected int, got array … context_breakdown`) or `unsupported operand type(s) for +: 'int' and 'list'`",
              lines: lines(.mfuDebugCrash))
          ],
          recommendation:
            "Unset VLLM_DEBUG_MFU_METRICS (keep --enable-mfu-metrics for the per-interval MFU line). From v0.30 "
            + "ExecutionContext carries a `requests` list that DebugPerfStats cannot sum or serialise, so the "
            + "first request kills the server (serve) or the first step (offline)."))
    }
    if let n = model.eventCounts[.outOfMemory], n > 0 {
      out.append(
        Finding(
          id: "out_of_memory", severity: .critical, title: "The engine ran out of device memory",
          evidence: [Evidence("\(n) out-of-memory line(s)", lines: lines(.outOfMemory))],
          recommendation:
            "Lower --gpu-memory-utilization (leave room for activations and CUDA graphs), or lower "
            + "--max-num-batched-tokens / --max-num-seqs; raise --tensor-parallel-size for large models."))
    }
    if let n = model.eventCounts[.engineDead], n > 0 {
      let duringShutdown =
        model.events.first { $0.kind == .shutdown }.map { s in
          lines(.engineDead).allSatisfy { $0 > s.line }
        } ?? false
      out.append(
        Finding(
          id: "engine_dead", severity: duringShutdown ? .info : .critical,
          title: duringShutdown
            ? "EngineDeadError logged during shutdown (a by-product of stopping the server)"
            : "The engine process died",
          evidence: [Evidence("\(n) engine-death line(s)", lines: lines(.engineDead))],
          recommendation: duringShutdown
            ? "Nothing to change: the error came after the shutdown began."
            : "Read the first traceback before the death; fix its cause (memory, a model/kernel error), then restart."))
    }
    let errors = model.eventCounts[.error] ?? 0
    if errors > 0, out.isEmpty {
      out.append(
        Finding(
          id: "errors_logged", severity: .warning, title: "\(errors) error record(s) in the log",
          evidence: [
            Evidence(
              "first error: \(model.events.first { $0.kind == .error }?.message ?? "")",
              lines: Array(lines(.error).prefix(10)))
          ],
          recommendation: "Check each error; retries while loading (e.g. safetensors index look-ups) are harmless."))
    }
    return out
  }

  // MARK: - Scheduling

  static func queueing(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let s = a.scheduler, let share = s.waitingSharePct, share >= t.queueingSharePct,
      let waiting = s.maxWaiting, waiting.value > 0, let running = s.maxRunning
    else { return [] }
    let cap = a.model.config.maxNumSeqs?.value
    let capped = cap.map { running.value >= $0 } ?? false
    let kvFull = (s.maxKVUsagePct?.value ?? 0) >= t.kvPressurePct
    var evidence = [
      Evidence("requests waited in \(Format.pct(share)) of \(s.samples) stats samples", lines: []),
      Evidence("max waiting = \(waiting.value) requests", line: waiting.line),
      Evidence("max running = \(running.value) requests", line: running.line),
    ]
    if let cap { evidence.append(Evidence("max_num_seqs = \(cap)", line: a.model.config.maxNumSeqs?.line)) }
    let recommendation: String
    if capped && !kvFull {
      recommendation =
        "Running requests hit --max-num-seqs (\(cap ?? 0)) while KV cache was left: raise --max-num-seqs "
        + "(KV usage peaked at \(s.maxKVUsagePct.map { Format.pct($0.value) } ?? "?"))."
    } else if kvFull {
      recommendation =
        "The KV cache is full: add KV capacity (--gpu-memory-utilization, --kv-cache-dtype fp8, a larger "
        + "--tensor-parallel-size) or add replicas; the offered load exceeds what one engine holds."
    } else {
      recommendation =
        "The engine is saturated by the offered load: add replicas (or --data-parallel-size), or raise "
        + "--max-num-batched-tokens if steps are small; compare with the client's request rate."
    }
    return [
      Finding(
        id: "queueing", severity: share >= 50 ? .warning : .info,
        title: "Requests queued: up to \(waiting.value) waiting while \(running.value) ran", evidence: evidence,
        recommendation: recommendation)
    ]
  }

  static func preemptions(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let n = a.scheduler?.preemptions, n > 0 else { return [] }
    var evidence = [Evidence("\(n) preemption(s)", line: a.scheduler?.firstPreemptionLine)]
    if let v0 = a.model.v0CumulativePreemptions {
      let warnings = a.model.events.filter { $0.kind == .preemption }.map(\.line)
      evidence.append(Evidence("V0 warnings report total_num_cumulative_preemption up to \(v0)", lines: warnings))
    }
    if let kv = a.scheduler?.maxKVUsagePct {
      evidence.append(Evidence("peak KV usage \(Format.pct(kv.value))", line: kv.line))
    }
    return [
      Finding(
        id: "preemptions", severity: .warning,
        title: "\(n) request preemption(s): the KV cache ran out and requests were recomputed",
        evidence: evidence,
        recommendation:
          "Give the KV cache more room: raise --gpu-memory-utilization, use --kv-cache-dtype fp8, or raise "
          + "--tensor-parallel-size; or admit less at once: lower --max-num-seqs / --max-num-batched-tokens.")
    ]
  }

  static func kvPressure(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let peak = a.capacity?.peakKVUsagePct, peak.value > t.kvPressurePct else { return [] }
    var evidence = [Evidence("peak KV-cache usage \(Format.pct(peak.value))", line: peak.line)]
    if let mean = a.scheduler?.meanKVUsagePct { evidence.append(Evidence("mean KV-cache usage \(Format.pct(mean))")) }
    if let tokens = a.capacity?.kvCacheTokens {
      evidence.append(Evidence("KV capacity \(Format.grouped(tokens.value)) tokens", line: tokens.line))
    }
    let preempted = (a.scheduler?.preemptions ?? 0) > 0
    return [
      Finding(
        id: "kv_pressure", severity: preempted || peak.value >= 99 ? .warning : .info,
        title: "KV cache nearly full (peak \(Format.pct(peak.value)))", evidence: evidence,
        recommendation:
          "More KV capacity lets more requests run at once: --gpu-memory-utilization (e.g. 0.95), "
          + "--kv-cache-dtype fp8 (halves KV bytes), a larger --tensor-parallel-size, or enable prefix caching "
          + "if prompts share prefixes.")
    ]
  }

  static func kvOverprovisioned(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let cap = a.capacity, let peak = cap.peakKVUsagePct, peak.value < t.kvOverprovisionedPct,
      let tokens = cap.kvCacheTokens, let s = a.scheduler, s.samples >= 3, (s.maxRunning?.value ?? 0) > 0
    else { return [] }
    var evidence = [
      Evidence("peak KV-cache usage \(Format.pct(peak.value))", line: peak.line),
      Evidence("KV capacity \(Format.grouped(tokens.value)) tokens", line: tokens.line),
    ]
    if let used = cap.peakKVTokens { evidence.append(Evidence("≈ \(Format.grouped(used)) tokens used at the peak")) }
    if let len = cap.maxModelLen, let c = cap.maxConcurrency {
      evidence.append(
        Evidence(
          "max_model_len \(Format.grouped(len.value)): concurrency \(Format.fixed(c, 2))x"
            + (cap.maxConcurrencyLogged ? " (logged)" : " (capacity ÷ max_model_len)"), line: len.line))
    }
    let cappedBySeqs = a.model.config.maxNumSeqs.map { (s.maxRunning?.value ?? 0) >= $0.value } ?? false
    return [
      Finding(
        id: "kv_overprovisioned", severity: .info,
        title: "KV cache far larger than this traffic needed (peak \(Format.pct(peak.value)))",
        evidence: evidence,
        recommendation: cappedBySeqs
          ? "Running requests were capped by --max-num-seqs while KV stayed mostly free: raise --max-num-seqs."
          : "This load used a small part of the cache. If the traffic is representative, lower "
            + "--gpu-memory-utilization to free memory for other work; max_model_len does not reserve KV in V1 "
            + "(blocks are paged), it only bounds one request's length.")
    ]
  }

  // MARK: - Prefill / decode

  static func phaseDominance(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let steps = a.steps, steps.count >= 20 else { return [] }
    let decode = steps.byKind[.decode]?.sharePct ?? 0
    let prefillish = (steps.byKind[.prefill]?.sharePct ?? 0) + (steps.byKind[.mixed]?.sharePct ?? 0)
    let lines = [steps.firstLine, steps.lastLine].compactMap { $0 }
    if decode >= t.dominantPhaseSharePct {
      let batch = steps.decodeBatchSize.map { "median decode batch \(Format.auto($0.p50)) requests" } ?? ""
      return [
        Finding(
          id: "decode_dominated", severity: .info,
          title: "Decode dominates step time (\(Format.pct(decode)) of it)",
          evidence: [Evidence("decode-only steps take \(Format.pct(decode)) of step time; \(batch)", lines: lines)],
          recommendation:
            "Decode is memory-bandwidth bound: larger decode batches (--max-num-seqs), CUDA graphs covering the "
            + "decode batch sizes, --kv-cache-dtype fp8 / weight quantization, or speculative decoding "
            + "(--speculative-config) raise tokens/s.")
      ]
    }
    if prefillish >= t.dominantPhaseSharePct {
      return [
        Finding(
          id: "prefill_dominated", severity: .info,
          title: "Prefill dominates step time (\(Format.pct(prefillish)) in prefill or mixed steps)",
          evidence: [Evidence("prefill and mixed steps take \(Format.pct(prefillish)) of step time", lines: lines)],
          recommendation:
            "Prompt processing is the bottleneck: enable prefix caching (--enable-prefix-caching) if prompts "
            + "repeat, tune --max-num-batched-tokens, or split prefill and decode (disaggregated serving).")
      ]
    }
    return []
  }

  static func mixedSteps(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let steps = a.steps, let ratio = steps.mixedToDecodeMedianRatio, ratio >= t.mixedSlowdownRatio,
      let mixed = steps.byKind[.mixed], let decode = steps.byKind[.decode]?.time, let mixedTime = mixed.time,
      Double(mixed.count) / Double(steps.count) * 100 >= t.mixedStepSharePct
    else { return [] }
    let budget = a.model.config.maxNumBatchedTokens
    var evidence = [
      Evidence(
        "median mixed step \(Format.ms(mixedTime.p50)) vs median decode step \(Format.ms(decode.p50)) "
          + "(\(Format.fixed(ratio, 1))×)", lines: [steps.slowestLine].compactMap { $0 }),
      Evidence(
        "\(mixed.count) of \(steps.count) steps are mixed (\(Format.pct(Double(mixed.count) / Double(steps.count) * 100)))"
      ),
    ]
    if let budget { evidence.append(Evidence("max_num_batched_tokens = \(budget.value)", line: budget.line)) }
    return [
      Finding(
        id: "mixed_steps_slow_decode", severity: .warning,
        title: "Decodes that share a step with prefill chunks wait \(Format.fixed(ratio, 1))× longer",
        evidence: evidence,
        recommendation:
          "Every decode in a mixed step waits for the prefill chunk: lower --max-num-batched-tokens "
          + "(smaller chunks, steadier inter-token latency) if latency matters, raise it for throughput; "
          + "for strict ITL targets split prefill and decode (disaggregated serving).")
    ]
  }

  // MARK: - CUDA graphs

  static func padding(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    let e = a.cudagraphEconomics
    var evidence: [Evidence] = []
    let pct: Double
    if let g = a.cudagraph, let p = g.paddingOverheadPct {
      pct = p
      let top = g.topPaddedSizes.prefix(3).map { "size \($0.key): \(Format.grouped($0.paddingTokens)) padding tokens" }
      evidence = [
        Evidence(
          "\(Format.grouped(g.paddingTokens)) padding of \(Format.grouped(g.paddedTokens)) padded tokens "
            + "over \(Format.grouped(g.steps)) steps", line: g.firstLine),
        Evidence("most padded: " + top.joined(separator: "; ")),
      ]
    } else if let e, e.basis == .iterationLines, let p = e.padding.paddingOverheadPct {
      pct = p
      let top = e.padding.topPaddedSizes.prefix(3).map {
        "size \($0.size): \(Format.grouped($0.slice.paddingTokens)) padding tokens"
      }
      evidence = [
        Evidence(
          "\(Format.grouped(e.padding.paddingTokens)) padding of \(Format.grouped(e.padding.paddedTokens)) padded "
            + "tokens over \(Format.grouped(e.padding.steps)) steps (rebuilt from iteration lines and the capture "
            + "sizes)", lines: [a.steps?.firstLine].compactMap { $0 }),
        Evidence("most padded: " + top.joined(separator: "; ")),
      ]
    } else {
      return []
    }
    guard pct > t.paddingOverheadPct else { return [] }
    if let time = e?.time {
      evidence.append(
        Evidence("estimated \(Format.ms(time.paddingMsPer1000Steps)) of padding per 1,000 steps (fitted step times)"))
    }
    var recommendation =
      "Add capture sizes where steps cluster, e.g. --compilation-config "
      + "'{\"cudagraph_capture_sizes\": [...]}' with sizes just above the most common batch sizes."
    if let f = e?.fitted, let after = f.padding.paddingOverheadPct {
      evidence.append(
        Evidence(
          "a fitted list of \(f.captureSizes.count) sizes pads \(Format.pct(after)) (profilemate cudagraph LOG)"))
      recommendation = "Capture the sizes this traffic uses: " + f.flag + "."
    }
    return [
      Finding(
        id: "cudagraph_padding", severity: .warning,
        title: "CUDA-graph padding wastes \(Format.pct(pct)) of graph tokens", evidence: evidence,
        recommendation: recommendation)
    ]
  }

  static func captureSizesFitted(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let e = a.cudagraphEconomics, let f = e.fitted, let before = e.padding.paddingOverheadPct,
      let after = f.padding.paddingOverheadPct, before - after >= t.fittedListGainPctPoints,
      padding(a, t).isEmpty
    else { return [] }
    return [
      Finding(
        id: "cudagraph_capture_sizes", severity: .info,
        title: "A capture-size list fitted to this traffic pads \(Format.pct(after)) instead of \(Format.pct(before))",
        evidence: [
          Evidence(
            "\(Format.grouped(e.padding.paddingTokens)) → \(Format.grouped(f.padding.paddingTokens)) padding tokens "
              + "over \(Format.grouped(e.padding.steps)) steps (\(e.basis.rawValue)), \(e.rule.captureSizes.count) → "
              + "\(f.captureSizes.count) sizes, eager steps \(e.padding.eagerSteps) → \(f.padding.eagerSteps)")
        ],
        recommendation: "Capture the sizes this traffic uses: " + f.flag + ".")
    ]
  }

  static func cudagraphMode(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let advice = a.cudagraphEconomics?.advice, advice.changeAdvised, let current = advice.current else {
      return []
    }
    let config = a.model.config
    return [
      Finding(
        id: "cudagraph_mode", severity: .info,
        title: "CUDA-graph mode \(advice.recommended.rawValue) suits this run better than \(current.rawValue)",
        evidence: advice.path.map { Evidence($0) } + advice.overrides.map { Evidence("evidence: " + $0) }
          + [Evidence("configured mode \(current.rawValue)", line: config.cudagraphMode?.line)],
        recommendation: "Set the mode: " + advice.flag + ".")
    ]
  }

  static func eagerSteps(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    let config = a.model.config
    guard config.cudagraphMode?.value != "NONE", config.enforceEager?.value != true else { return [] }
    // From the start-up lines, else from the sizes the tables print (a log without its start).
    let largest =
      config.maxCudagraphCaptureSize?.value ?? config.cudagraphCaptureSizes?.value.max()
      ?? a.cudagraph?.captureSizes?.max()
    var eager = 0
    var total = 0
    var source = ""
    var lines: [LineNumber] = []
    if let g = a.cudagraph, g.steps > 0, g.mode != "NONE" {
      eager = g.eagerStepsAboveLargest
      total = g.steps
      source = "CUDA-graph tables"
      lines = [g.firstLine].compactMap { $0 }
    } else if let largest, let steps = a.steps {
      total = steps.count
      eager = steps.tokenHistogram.filter { $0.tokens > largest }.reduce(0) { $0 + $1.steps }
      source = "iteration lines (steps with more tokens than the largest capture size)"
      lines = [steps.firstLine, steps.lastLine].compactMap { $0 }
    }
    guard let largest, total > 0, eager > 0, Double(eager) / Double(total) * 100 >= t.eagerStepSharePct else {
      return []
    }
    var timeEvidence: [Evidence] = []
    if let time = a.cudagraphEconomics?.time, time.eagerMs > 0 {
      timeEvidence.append(
        Evidence("eager steps took \(Format.ms(time.eagerMsPer1000Steps)) per 1,000 steps (measured step times)"))
    }
    return [
      Finding(
        id: "eager_steps", severity: .warning,
        title:
          "\(Format.pct(Double(eager) / Double(total) * 100)) of steps ran eagerly (above the largest capture size \(largest))",
        evidence: [
          Evidence(
            "\(Format.grouped(eager)) of \(Format.grouped(total)) steps had more than \(largest) tokens (\(source))",
            lines: lines),
          Evidence(
            "largest capture size \(largest)",
            line: config.maxCudagraphCaptureSize?.line ?? config.cudagraphCaptureSizes?.line),
        ] + timeEvidence,
        recommendation:
          "Raise the largest capture size (--compilation-config '{\"max_cudagraph_capture_size\": N}' on v0.11.1+, "
          + "--cuda-graph-sizes on 0.9–0.11) to cover these steps, or lower --max-num-batched-tokens; large "
          + "prefill-heavy steps gain little from graphs, so weigh capture memory against the gain.")
    ]
  }

  // MARK: - Batching

  static func batchUtilization(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let steps = a.steps, let util = steps.batchUtilizationPct, util < t.lowBatchUtilizationPct,
      let s = a.scheduler, let share = s.waitingSharePct, share >= t.queueingSharePct,
      let budget = a.model.config.maxNumBatchedTokens
    else { return [] }
    return [
      Finding(
        id: "low_batch_utilization", severity: .warning,
        title: "Steps used \(Format.pct(util)) of the token budget while requests waited",
        evidence: [
          Evidence(
            "mean tokens per step ÷ max_num_batched_tokens (\(budget.value)) = \(Format.pct(util))",
            line: budget.line),
          Evidence("requests waited in \(Format.pct(share)) of stats samples"),
        ],
        recommendation:
          "Batches are limited by something other than the token budget: raise --max-num-seqs if running "
          + "requests hit it, or add KV capacity if the cache is full.")
    ]
  }

  static func httpErrors(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    let server = a.model.requests.httpByStatusClass["5xx"] ?? 0
    guard server > 0 else { return [] }
    return [
      Finding(
        id: "http_5xx", severity: .warning, title: "\(server) request(s) failed with a server error (HTTP 5xx)",
        evidence: [
          Evidence("access log: \(server) 5xx responses of \(a.model.requests.httpByStatusClass.values.reduce(0, +))")
        ],
        recommendation: "See the error findings and the engine's tracebacks for the cause.")
    ]
  }

  // MARK: - Observability

  static func observabilityGaps(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    let model = a.model
    let version = model.config.vllmVersion.flatMap { VLLMVersion($0.value) }
    let isV0 = model.config.engineGeneration?.value == "V0"
    func available(_ since: VLLMVersion) -> Bool { !isV0 && (version.map { $0 >= since } ?? true) }
    var missing: [(flag: String, why: String, since: VLLMVersion)] = []
    if model.engines.allSatisfy({ $0.steps.isEmpty }) {
      missing.append(("--enable-logging-iteration-details", "per-step prefill/decode timing", VLLMVersion(0, 14)))
    }
    if model.engines.allSatisfy({ $0.cudagraphTables.isEmpty }) {
      missing.append(("--cudagraph-metrics", "CUDA-graph padding and eager fall-backs", VLLMVersion(0, 13)))
    }
    if model.engines.allSatisfy({ $0.mfu.isEmpty }) {
      missing.append(("--enable-mfu-metrics", "achieved TFLOP/s and GB/s per GPU", VLLMVersion(0, 14)))
    }
    if model.engines.allSatisfy({ $0.stats.isEmpty }) && model.aggregatedStats.isEmpty {
      missing.append(
        (
          "stats logging (drop --disable-log-stats)", "queueing, KV usage and throughput every 10 s",
          VLLMVersion(0, 0)
        ))
    }
    guard !missing.isEmpty else { return [] }
    let now = missing.filter { available($0.since) }
    let later = missing.filter { !available($0.since) }
    var recommendation = ""
    if !now.isEmpty {
      recommendation = "Start the server with " + now.map(\.flag).joined(separator: " ") + "."
    }
    if !later.isEmpty {
      recommendation +=
        (recommendation.isEmpty ? "" : " ")
        + "Upgrading vLLM adds " + later.map { "\($0.flag) (v\($0.since)+)" }.joined(separator: ", ") + "."
    }
    return [
      Finding(
        id: "observability_missing", severity: .info,
        title: "Turn on more of vLLM's output for a fuller analysis",
        evidence: missing.map { Evidence("no \($0.why) in this log (\($0.flag))") },
        recommendation: recommendation)
    ]
  }
}
