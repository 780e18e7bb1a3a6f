import ProfileMateCore

/// The JSON of ``CudaGraphEconomics``: the `cudagraph_economics` member of the report and the body of
/// `profilemate cudagraph --json` (docs/cudagraph.md).
public enum CudaGraphJSON {
  /// The `profilemate cudagraph --json` document.
  public static func render(
    _ e: CudaGraphEconomics, tables: CudaGraphAnalysis?, source: String, toolVersion: String
  ) -> String {
    var w = JSONWriter(pretty: true)
    w.beginReport(schemaVersion: JSONReport.schemaVersion, toolVersion: toolVersion)
    w.string("source", source)
    members(&w, e, tables: tables)
    w.endObject()
    return w.text + "\n"
  }

  /// Writes `key` as the economics object, or `null`.
  public static func write(_ w: inout JSONWriter, _ key: String, _ e: CudaGraphEconomics?, tables: CudaGraphAnalysis?) {
    guard let e else {
      w.string(key, nil)
      return
    }
    w.beginObject(key)
    members(&w, e, tables: tables)
    w.endObject()
  }

  private static func members(_ w: inout JSONWriter, _ e: CudaGraphEconomics, tables: CudaGraphAnalysis?) {
    w.string("basis", e.basis.rawValue)
    w.string("mode", e.rule.mode.rawValue)
    w.ints("capture_sizes", e.rule.captureSizes)
    w.int("max_num_seqs", e.rule.maxNumSeqs)
    w.int("decode_query_len", e.rule.decodeQueryLen)
    padding(&w, e.padding)
    w.beginArray("assumptions")
    for a in e.assumptions { w.string(nil, a) }
    w.endArray()
    if let t = tables {
      w.beginObject("from_tables")
      w.int("steps", t.steps)
      w.int("unpadded_tokens", t.unpaddedTokens)
      w.int("padded_tokens", t.paddedTokens)
      w.int("padding_tokens", t.paddingTokens)
      w.rounded("padding_overhead_pct", t.paddingOverheadPct, 4)
      w.int("eager_steps", t.eagerSteps)
      w.endObject()
    } else {
      w.string("from_tables", nil)
    }
    crossCheck(&w, e.crossCheck)
    time(&w, e.time)
    fitted(&w, e.fitted)
    advice(&w, e.advice)
  }

  private static func padding(_ w: inout JSONWriter, _ p: CudaGraphPadding) {
    w.int("steps", p.steps)
    w.int("unpadded_tokens", p.unpaddedTokens)
    w.int("padded_tokens", p.paddedTokens)
    w.int("padding_tokens", p.paddingTokens)
    w.rounded("padding_overhead_pct", p.paddingOverheadPct, 4)
    w.int("eager_steps", p.eagerSteps)
    w.int("eager_tokens", p.eagerTokens)
    w.int("eager_steps_above_largest", p.eagerStepsAboveLargest)
    w.int("eager_min_tokens", p.eagerTokenRange?.lowerBound)
    w.int("eager_max_tokens", p.eagerTokenRange?.upperBound)
    w.int("graph_count", p.graphCount)
    w.beginObject("by_runtime_mode")
    for mode in CudaGraphRuntimeMode.allCases.sorted(by: >) {
      guard let s = p.byRuntimeMode[mode] else { continue }
      slice(&w, mode.rawValue, s)
    }
    w.endObject()
    w.beginObject("by_step_class")
    for c in CudaGraphStepClass.allCases.sorted() {
      guard let s = p.byClass[c] else { continue }
      slice(&w, c.rawValue, s)
    }
    w.endObject()
    w.beginArray("top_padded_sizes")
    for s in p.topPaddedSizes {
      w.beginObject()
      w.int("size", s.size)
      w.int("steps", s.slice.steps)
      w.int("padding_tokens", s.slice.paddingTokens)
      w.endObject()
    }
    w.endArray()
    w.beginArray("top_eager_token_counts")
    for t in p.topEagerTokenCounts {
      w.beginObject()
      w.int("tokens", t.tokens)
      w.int("steps", t.steps)
      w.endObject()
    }
    w.endArray()
  }

  private static func slice(_ w: inout JSONWriter, _ key: String, _ s: CudaGraphPadding.Slice) {
    w.beginObject(key)
    w.int("steps", s.steps)
    w.int("unpadded_tokens", s.unpaddedTokens)
    w.int("padded_tokens", s.paddedTokens)
    w.int("padding_tokens", s.paddingTokens)
    w.endObject()
  }

  private static func crossCheck(_ w: inout JSONWriter, _ c: CudaGraphEconomics.CrossCheck?) {
    guard let c else {
      w.string("cross_check", nil)
      return
    }
    w.beginObject("cross_check")
    w.bool("agree", c.agree)
    w.int("table_steps", c.tableSteps)
    w.int("iteration_steps", c.iterationSteps)
    w.rounded("table_padding_overhead_pct", c.tableOverheadPct, 4)
    w.rounded("iteration_padding_overhead_pct", c.iterationOverheadPct, 4)
    w.rounded("difference_pct_points", c.differencePctPoints, 4)
    w.int("table_eager_steps", c.tableEagerSteps)
    w.int("iteration_eager_steps", c.iterationEagerSteps)
    w.endObject()
  }

  private static func time(_ w: inout JSONWriter, _ t: CudaGraphEconomics.TimeEstimate?) {
    guard let t else {
      w.string("time_estimate", nil)
      return
    }
    w.beginObject("time_estimate")
    w.bool("estimate", true)
    w.string("model", "elapsed_ms = intercept_ms + ms_per_token * tokens, least squares per step kind")
    w.int("steps", t.steps)
    w.rounded("padding_ms_per_1000_steps", t.paddingMsPer1000Steps, 3)
    w.rounded("eager_ms_per_1000_steps", t.eagerMsPer1000Steps, 3)
    w.rounded("padding_ms", t.paddingMs, 3)
    w.rounded("eager_ms", t.eagerMs, 3)
    w.beginObject("fits")
    for kind in [StepKind.prefill, .decode, .mixed] {
      guard let f = t.fits[kind] else {
        w.string(kind.rawValue, nil)
        continue
      }
      w.beginObject(kind.rawValue)
      w.int("steps", f.steps)
      w.rounded("intercept_ms", f.interceptMs, 4)
      w.rounded("ms_per_token", f.msPerToken, 6)
      w.rounded("r_squared", f.rSquared, 4)
      w.rounded("rmse_ms", f.rmseMs, 4)
      w.endObject()
    }
    w.endObject()
    w.endObject()
  }

  private static func fitted(_ w: inout JSONWriter, _ f: CudaGraphEconomics.Fitted?) {
    guard let f else {
      w.string("fitted", nil)
      return
    }
    w.beginObject("fitted")
    w.int("max_sizes", f.maxSizes)
    w.ints("capture_sizes", f.captureSizes)
    padding(&w, f.padding)
    w.rounded("capture_seconds_change", f.captureSecondsChange, 3)
    w.rounded("capture_gib_change", f.captureGiBChange, 4)
    w.string("flag", f.flag)
    w.endObject()
  }

  private static func advice(_ w: inout JSONWriter, _ a: CudaGraphModeAdvice) {
    w.beginObject("mode_advice")
    w.string("current", a.current?.rawValue)
    w.string("recommended", a.recommended.rawValue)
    w.bool("change_advised", a.changeAdvised)
    w.string("flag", a.flag)
    w.beginArray("path")
    for p in a.path { w.string(nil, p) }
    w.endArray()
    w.beginArray("evidence")
    for o in a.overrides { w.string(nil, o) }
    w.endArray()
    w.endObject()
  }
}
