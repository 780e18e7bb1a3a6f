import Foundation
import PerfModel
import ProfileMateCore

/// The text of `profilemate kv`: the KV layout, memory per GPU, capacity per context length and, with a log,
/// what the run used against what would have sufficed.
public enum KVPlanText {
  /// Renders `s`.
  public static func render(_ s: KVPlanSummary) -> String {
    let gib = 1_073_741_824.0
    let plan = s.plan
    let weights = s.weights
    var out = "\(s.config) — per GPU, tp \(s.tp), pp \(s.pp), block \(plan.blockSize)\n\n"
    out += "KV cache layout\n"
    out +=
      "  \(Format.grouped(plan.bytesPerTokenPerLayer)) B per token per layer; page \(Format.grouped(plan.pageBytes)) B\n"
    let kinds = plan.kinds.map { "\($0.layers) \(name($0.kind))" }.joined(separator: " + ")
    out += "  \(plan.layers.count) layers on this GPU: \(kinds); \(plan.numGroups) group(s) of \(plan.groupSize)\n"
    out += "  \(Format.grouped(plan.fullBytesPerToken)) B per token of context in full-attention layers"
    if plan.fullBytesPerToken != plan.bytesPerTokenAllLayers {
      out +=
        " (sliding layers keep at most their window; \(Format.grouped(plan.bytesPerTokenAllLayers)) B if all were full)"
    }
    out += "\n\nMemory per GPU\n"
    out += "  weights (estimate): \(Format.fixed(weights.totalBytes / gib, 2)) GiB "
    out +=
      "(attention \(Format.fixed(weights.attentionBytes / gib, 2)), ffn \(Format.fixed(weights.ffnBytes / gib, 2)), "
    out += "embedding/LM head \(Format.fixed(weights.vocabularyBytes / gib, 2)))\n"
    switch s.budget {
    case .givenBytes(let bytes):
      out += "  KV budget: \(Format.grouped(bytes)) B (given)\n"
    case .givenGiB(let g):
      out += "  KV budget: \(g) GiB (given; a logged figure is rounded to 0.01 GiB)\n"
    case .logged(let g, let line):
      out += "  KV budget: \(g) GiB (the log's \"Available KV cache memory\", line \(line); rounded to 0.01 GiB)\n"
    case .datasheet(let gpu, let memory, let utilization, let requested, let overheadGiB):
      out += "  \(gpu): \(Format.fixed(memory / 1e9, 0)) GB (datasheet) × \(utilization)"
      out += " = \(Format.fixed(requested / gib, 2)) GiB requested\n"
      out += "  − weights \(Format.fixed(weights.totalBytes / gib, 2)) GiB − overhead \(overheadGiB) GiB (assumed: "
      out += "profile-run activations, CUDA context, NCCL; set --overhead-gib)\n"
      out += "  = KV budget \(Format.fixed(Double(s.availableBytes) / gib, 2)) GiB\n"
    }
    let blocks = s.blocks
    out += "\nCapacity: \(Format.grouped(blocks)) blocks of \(plan.blockSize) tokens "
    out += "(\(Format.grouped(blocks / max(1, plan.numGroups) * plan.blockSize)) tokens of full context)\n\n"
    out += "max_model_len   blocks/request   max concurrency   KV cache size (tokens)"
    out += s.hasMaxNumSeqs ? "   with max_num_seqs\n" : "\n"
    for r in s.rows {
      var row = pad(Format.grouped(r.maxModelLen), 13) + "   " + pad(Format.grouped(r.blocksPerRequest), 14)
      row += "   " + pad(String(format: "%.2fx", r.concurrency), 15) + "   "
      row += pad(Format.grouped(r.capacityTokens), 22)
      if let capped = r.cappedConcurrency { row += "   " + String(format: "%.2f", capped) }
      out += row + "\n"
    }
    if s.cannotHoldOneRequest {
      out +=
        "\nwarning: the KV cache cannot hold one request of the longest max_model_len; vLLM would refuse to start\n"
    }
    if let o = s.observed { out += observed(o, blocks: blocks, available: s.availableBytes) }
    return out
  }

  /// "Observed traffic closes the loop": the run's peak KV use against the pool, and what would have sufficed.
  static func observed(_ o: KVPlanSummary.Observed, blocks: Int, available: Int) -> String {
    var out = "\nObserved in \(o.source)\n"
    if let tokens = o.vllmTokens {
      out += "  vLLM: KV cache size \(Format.grouped(tokens.value)) tokens (line \(tokens.line))"
      if let x = o.vllmConcurrency {
        out += ", \(String(format: "%.2f", x.value))x at \(Format.grouped(x.tokens)) tokens"
      }
      out += "\n"
    }
    guard let fit = o.fit else {
      return out + "  no KV-cache usage in the log (stats lines or v0.26+ iteration lines): nothing to compare\n"
    }
    let peak = fit.peakUsagePct
    let running = fit.peakRunning
    let gib = 1_073_741_824.0
    out += "  peak KV usage \(Format.pct(peak)) = \(Format.grouped(fit.peakBlocks)) of \(Format.grouped(blocks)) blocks"
    out += ", with at most \(running) requests running\n"
    if let tokens = fit.peakTokens {
      let resident = Int(saturating: tokens)
      out += "  ≈ \(Format.grouped(resident)) tokens resident at the peak "
      out += "(≈ \(Format.grouped(resident / max(1, running))) per running request; estimate from the KV layout)\n"
    }
    if let t = o.vllmTokens {
      out += "  (vLLM's unit: \(Format.pct(peak)) × \(Format.grouped(t.value)) = "
      out += "\(Format.count((Double(t.value) * peak / 100).rounded(.towardZero))) tokens)\n"
    }
    out += "  with \(Format.fixed(fit.headroom * 100, 0))% headroom: \(Format.grouped(fit.neededBlocks)) blocks = "
    out += "\(Format.fixed(Double(fit.neededBytes) / gib, 2)) GiB of KV cache per GPU "
    out += "(the run had \(Format.fixed(Double(available) / gib, 2)) GiB)\n"
    if let u = o.utilization {
      out += "  gpu_memory_utilization \(String(format: "%.2f", u.value)) would have sufficed on \(u.gpu) "
      out += "(the run: \(u.run)\(u.assumed ? ", assumed" : ""); non-KV memory kept as logged)\n"
    } else {
      out += "  give --gpu NAME for the gpu_memory_utilization that would have sufficed\n"
    }
    let cap = o.maxPositionEmbeddings ?? Int.max
    let capNote = fit.maxModelLenOneRequest > cap ? " (capped by max_position_embeddings)" : ""
    out += "  max_model_len with that pool: up to \(Format.grouped(min(cap, fit.maxModelLenOneRequest)))\(capNote) "
    out += "for vLLM to start (one request must fit); up to "
    out += "\(Format.grouped(min(cap, fit.maxModelLenAtPeakConcurrency))) to keep \(running) requests of full length "
    out += "resident at once\n"
    if let len = o.runMaxModelLen {
      out += "  (the run: max_model_len \(Format.grouped(len)); V1 pages the cache, so max_model_len only bounds one "
      out += "request and is worth lowering only if no request needs it)\n"
    }
    return out
  }

  static func name(_ kind: KVCachePlan.LayerKind) -> String {
    switch kind {
    case .full: return "full-attention"
    case .slidingWindow(let w): return "sliding-window (\(w))"
    case .mla: return "MLA"
    }
  }

  static func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
}
