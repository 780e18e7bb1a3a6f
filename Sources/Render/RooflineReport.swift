import ProfileMateCore

/// The text and JSON (docs/perf-model.md) of `profilemate roofline`.
public enum RooflineReport {
  /// The readable table with the crossover lines.
  public static func text(_ t: RooflineTable) -> String {
    let g = t.gpu
    var out = "\(t.config) on \(g.name), tp \(t.tp), pp \(t.pp) — per GPU, "
    out += t.prefill.map { "prefill of \(Format.grouped($0)) tokens per request" } ?? "decode, one token per request"
    out +=
      "\n  \(Format.auto(t.peakFLOPS / 1e12)) TFLOP/s (\(t.computeDtype)), \(Format.auto(g.memoryBandwidth / 1e9)) GB/s"
    out += " → ridge point \(Format.fixed(t.peakFLOPS / g.memoryBandwidth, 1)) FLOP/byte\n\n"
    let header = [
      "batch", t.prefill == nil ? "context" : "cached", "GFLOP", "GB", "FLOP/byte", "compute ms", "memory ms", "bound",
      "step ms", "tokens/s",
    ]
    var table = [header]
    for r in t.rows {
      let q = r.point
      table.append([
        Format.grouped(r.batch), Format.grouped(r.context), Format.fixed(q.flops / 1e9, 1),
        Format.fixed(q.bytes / 1e9, 3), Format.fixed(q.arithmeticIntensity, 1), Format.fixed(q.computeSeconds * 1e3, 3),
        Format.fixed(q.memorySeconds * 1e3, 3), q.bound.rawValue, Format.fixed(q.attainableSeconds * 1e3, 3),
        Format.grouped(Int(saturating: q.tokensPerSecond ?? 0)),
      ])
    }
    let widths = (0..<header.count).map { i in table.map { $0[i].count }.max() ?? 0 }
    for line in table {
      out += "  " + line.enumerated().map { pad($0.element, widths[$0.offset]) }.joined(separator: "  ") + "\n"
    }
    out += "\n"
    if t.prefill == nil {
      for c in t.crossovers {
        let best = t.bestTokensPerSecond(context: c.context) ?? 0
        out += "context \(Format.grouped(c.context)): decode "
        out +=
          c.batch.map { "turns compute-bound at batch \(Format.grouped($0))" }
          ?? "stays memory-bound up to batch 65,536 (KV reads grow with the batch)"
        out +=
          "; decode ≤ \(Format.grouped(Int(saturating: best))) tokens/s up to batch \(Format.grouped(t.maxBatch))\n"
      }
    } else {
      out += "A step of this shape takes at least the step time above: a lower bound on time to first token.\n"
    }
    out += "Bounds from datasheet peaks; communication, sampling and CPU time are not counted.\n"
    return out
  }

  /// The JSON document.
  public static func json(_ t: RooflineTable) -> String {
    var w = JSONWriter()
    w.beginObject()
    w.string("config", t.config)
    w.beginObject("gpu")
    w.string("name", t.gpu.name)
    w.double("peak_flops", t.peakFLOPS)
    w.string("compute_dtype", t.computeDtype)
    w.double("bandwidth_bytes_per_s", t.gpu.memoryBandwidth)
    w.double("ridge_flop_per_byte", t.peakFLOPS / t.gpu.memoryBandwidth)
    w.endObject()
    w.int("tensor_parallel_size", t.tp)
    w.int("pipeline_parallel_size", t.pp)
    w.string("mode", t.prefill == nil ? "decode" : "prefill")
    w.int("prefill_tokens", t.prefill)
    w.beginArray("rows")
    for r in t.rows {
      let q = r.point
      w.beginObject()
      w.int("batch", r.batch)
      w.int(t.prefill == nil ? "context" : "cached", r.context)
      w.int("tokens", q.tokens)
      w.double("flops", q.flops)
      w.double("bytes", q.bytes)
      w.double("arithmetic_intensity", q.arithmeticIntensity)
      w.double("compute_s", q.computeSeconds)
      w.double("memory_s", q.memorySeconds)
      w.string("bound", q.bound.rawValue)
      w.double("attainable_s", q.attainableSeconds)
      w.double("tokens_per_s", q.tokensPerSecond)
      w.endObject()
    }
    w.endArray()
    if t.prefill == nil {
      w.beginArray("crossover")
      for c in t.crossovers {
        w.beginObject()
        w.int("context", c.context)
        w.int("batch", c.batch)
        w.double("max_decode_tokens_per_s", t.bestTokensPerSecond(context: c.context))
        w.endObject()
      }
      w.endArray()
    }
    w.endObject()
    return w.text + "\n"
  }

  static func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
}
