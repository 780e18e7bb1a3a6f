/// `roofline_{kind}`: one finding per step kind (prefill, decode, mixed) that takes a noticeable share of
/// step time: how close its steps came to the GPU's bound, which bound, and (for decode) at which batch size
/// most time went. Needs `--model` and `--gpu`.
package struct RooflineRule: LogFindingRule {
  package let info = RuleInfo(
    id: "roofline_{kind}", area: .roofline, sources: [.log], severities: [.info, .warning],
    summary:
      "with --model and --gpu: each step kind with ≥ roofline_kind_share_pct of step time (a warning when "
      + "overhead-bound, ≥ roofline_overhead_factor × its bound)",
    thresholds: ["roofline_kind_share_pct", "roofline_overhead_factor"],
    placeholderValues: StepKind.allCases.map(\.rawValue))

  package init() {}

  /// One finding per step kind that takes a noticeable share of step time: how close its steps came to the
  /// GPU's bound, which bound, and (for decode) at which batch size most time went.
  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let r = a.roofline else { return [] }
    let totalSeconds = r.byKind.reduce(0) { $0 + $1.totals.measuredSeconds }
    guard totalSeconds > 0 else { return [] }
    let estimate = Self.contextNote(r)
    var out: [Finding] = []
    for f in r.byKind {
      let k = f.totals
      let share = k.measuredSeconds / totalSeconds * 100
      guard share >= t.rooflineKindSharePct, let eff = k.efficiencyPct else { continue }
      let boundName = k.bound == .compute ? "compute bound" : "memory-bandwidth bound"
      var title =
        f.kind.rawValue.prefix(1).uppercased() + f.kind.rawValue.dropFirst()
        + " steps reach \(Format.pct(eff)) of the \(boundName)"
      var evidence: [Evidence] = []
      if f.kind == .decode,
        let top = r.decodeByBatch.max(by: { $0.totals.measuredSeconds < $1.totals.measuredSeconds }
        )
      {
        title += " at batch \(Self.batchRange(top))"
        for b in r.decodeByBatch.sorted(by: { $0.totals.measuredSeconds > $1.totals.measuredSeconds }).prefix(3) {
          evidence.append(
            Evidence(
              "batch \(Self.batchRange(b)): \(Format.grouped(b.totals.steps)) steps, "
                + "\(Format.pct(b.totals.efficiencyPct ?? 0)) of the "
                + "\(b.totals.bound == .compute ? "compute" : "memory") bound, \(b.classification.rawValue)"
                + (b.totals.meanDecodeContext.map { ", ≈ \(Format.grouped(Int($0))) tokens of context each" } ?? "")))
        }
      }
      title += " (\(f.classification.rawValue))"
      evidence.insert(
        Evidence(
          "\(Format.grouped(k.steps)) steps, \(Format.fixed(share, 1))% of step time: measured "
            + "\(Format.fixed(k.measuredSeconds, 2)) s against a bound of \(Format.fixed(k.attainableSeconds, 2)) s "
            + "(compute \(Format.fixed(k.computeSeconds, 2)) s, memory \(Format.fixed(k.memorySeconds, 2)) s) "
            + "on \(r.gpu)"
        ),
        at: 0)
      if let flops = k.achievedFLOPS, let bw = k.achievedBandwidth {
        evidence.insert(
          Evidence(
            "achieved \(Format.auto(flops / 1e12)) TFLOP/s (\(Format.pct(flops / r.peakFLOPS * 100)) of peak) and "
              + "\(Format.auto(bw / 1e9)) GB/s (\(Format.pct(bw / r.bandwidth * 100)) of HBM) per GPU; "
              + "\(Format.grouped(k.steps(.overheadBound))) steps overhead-bound, "
              + "\(Format.grouped(k.steps(.memoryBound))) memory-bound, "
              + "\(Format.grouped(k.steps(.computeBound))) compute-bound"
          ), at: 1)
      }
      if let above = r.aboveCaptureSize, let within = r.withinCaptureSize, let largest = r.largestCaptureSize,
        above.steps > 0, f.kind != .decode
      {
        evidence.append(
          Evidence(
            "steps above the largest capture size (\(largest) tokens, run eagerly): "
              + "\(Format.grouped(above.steps)) at \(Format.pct(above.efficiencyPct ?? 0)) of their bound; "
              + "within it: \(Format.grouped(within.steps)) at \(Format.pct(within.efficiencyPct ?? 0))"))
      }
      evidence.append(Evidence(estimate))
      out.append(
        Finding(
          id: "roofline_\(f.kind.rawValue)", severity: f.classification == .overheadBound ? .warning : .info,
          title: title, evidence: evidence, recommendation: Self.recommendation(f)))
    }
    return out
  }

  private static func batchRange(_ b: RooflineAnalysis.BatchBucket) -> String {
    b.minRequests == b.maxRequests ? "\(b.minRequests)" : "\(b.minRequests)–\(b.maxRequests)"
  }

  private static func contextNote(_ r: RooflineAnalysis) -> String {
    let line = r.steps(from: .stepLine)
    let interpolated = r.steps(from: .interpolated)
    let unknown = r.steps(from: .unknown)
    var parts: [String] = []
    if line > 0 { parts.append("\(Format.grouped(line)) from the step line's KV usage") }
    if interpolated > 0 { parts.append("\(Format.grouped(interpolated)) interpolated from stats lines") }
    if unknown > 0 { parts.append("\(Format.grouped(unknown)) unknown (new tokens only: a lower bound)") }
    return "attended context is an estimate (KV usage × KV capacity; iteration lines carry no per-request context): "
      + parts.joined(separator: ", ")
      + "; the bound counts no communication, sampling or CPU work"
  }

  private static func recommendation(_ f: RooflineAnalysis.KindFigures) -> String {
    switch f.classification {
    case .overheadBound:
      return "These steps take \(Format.fixed(f.totals.measuredSeconds / max(f.totals.attainableSeconds, 1e-12), 1))× "
        + "their hardware bound: the time goes to what the model does not count (CPU and launch gaps, communication, "
        + "kernels far below peak such as dequantising MoE kernels). Check that CUDA graphs cover "
        + "these batch sizes (max_cudagraph_capture_size, no --enforce-eager), that async scheduling is on "
        + "(--async-scheduling), that the API server and detokenisation are not starved of CPU, and for TP > 1 "
        + "the all-reduce time; one step under the torch profiler (docs/perf-model.md) shows where the gap is."
    case .memoryBound:
      return "These steps are limited by HBM bandwidth: larger batches (--max-num-seqs, more concurrent requests) "
        + "read the weights once for more tokens; --kv-cache-dtype fp8 halves KV reads; quantized weights or a "
        + "higher --tensor-parallel-size cut the bytes per GPU."
    case .computeBound:
      return "These steps are limited by tensor-core throughput: FP8 weights and activations double the peak on "
        + "Hopper and later; less CUDA-graph padding and fewer recomputed tokens (prefix caching) cut the work."
    }
  }
}
