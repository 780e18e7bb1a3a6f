/// The FLOPs and bytes of one step, per component and in total, with vLLM's keys.
public struct PerfReport: Sendable {
  /// Three totals.
  public struct Totals: Sendable, Hashable {
    /// FLOPs.
    public var flops = 0
    /// Bytes read.
    public var readBytes = 0
    /// Bytes written.
    public var writeBytes = 0
  }

  /// One component's figures.
  public struct Row: Sendable {
    /// vLLM's component name (`attn`, `mla_attn`, `ffn`, `unembed`).
    public var component: String
    /// The terms.
    public var breakdown: ComponentBreakdown
    /// The parameters used, as perf.py's log line names them.
    public var fields: [(String, String)]
    /// Why vLLM skips this component (its figures are then ProfileMate's correction), or `nil`.
    public var vllmSkipReason: String?
    /// The correction applied, if any.
    public var correction: String?
  }

  /// Components in vLLM's order.
  public var rows: [Row]
  /// Components neither vLLM nor ProfileMate could build, with the reason.
  public var omitted: [(name: String, reason: String)]
  /// Whether the figures are one GPU's share.
  public var perGPU: Bool
  /// The step.
  public var context: ExecutionContext

  /// Σ over every component listed (corrected figures included).
  public var totals: Totals { sum(rows) }

  /// Σ over the components vLLM 0.33 bills: what its MFU line and Prometheus counters would show.
  public var vllmTotals: Totals { sum(rows.filter { $0.vllmSkipReason == nil }) }

  private func sum(_ rows: [Row]) -> Totals {
    var t = Totals()
    for r in rows {
      t.flops += r.breakdown.totalFlops
      t.readBytes += r.breakdown.totalReadBytes
      t.writeBytes += r.breakdown.totalWriteBytes
    }
    return t
  }

  /// The report as JSON (schema in docs/perf-model.md): exact integers, vLLM's term keys in vLLM's order.
  public func json() -> String {
    var out = "{\n  \"components\": {"
    for (i, r) in rows.enumerated() {
      out += (i == 0 ? "\n" : ",\n") + "    \(quoted(r.component)): {\n"
      out += "      \"flops\": \(object(r.breakdown.flops)),\n"
      out += "      \"read_bytes\": \(object(r.breakdown.readBytes)),\n"
      out += "      \"write_bytes\": \(object(r.breakdown.writeBytes))\n    }"
    }
    out += "\n  },\n"
    out += "  \"totals\": \(totalsObject(totals)),\n"
    out += "  \"vllm_totals\": \(totalsObject(vllmTotals)),\n"
    let skipped = rows.compactMap { r in r.vllmSkipReason.map { (r.component, $0) } } + omitted.map { ($0.0, $0.1) }
    out += "  \"vllm_skipped\": {" + skipped.map { "\(quoted($0.0)): \(quoted($0.1))" }.joined(separator: ", ") + "},\n"
    let corrections = rows.compactMap { r in r.correction.map { (r.component, $0) } }
    out += "  \"corrections\": {" + corrections.map { "\(quoted($0.0)): \(quoted($0.1))" }.joined(separator: ", ")
    out += "},\n  \"parameters\": {"
    for (i, r) in rows.enumerated() {
      out += (i == 0 ? "\n" : ",\n") + "    \(quoted(r.component)): {"
      out += r.fields.map { "\(quoted($0.0)): \(jsonScalar($0.1))" }.joined(separator: ", ") + "}"
    }
    out += "\n  },\n"
    out += "  \"per_gpu\": \(perGPU),\n"
    out += "  \"requests\": ["
    out += context.requests.map { "[\($0.numTokens), \($0.contextLength), \($0.isPrefill)]" }.joined(separator: ", ")
    out += "]\n}\n"
    return out
  }

  private func object(_ terms: [ComponentBreakdown.Term]) -> String {
    "{" + terms.map { "\(quoted($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
  }

  private func totalsObject(_ t: Totals) -> String {
    "{\"flops\": \(t.flops), \"read_bytes\": \(t.readBytes), \"write_bytes\": \(t.writeBytes)}"
  }

  /// A field value: a number or `None` (→ `null`) as is, anything else quoted.
  private func jsonScalar(_ s: String) -> String {
    if s == "None" { return "null" }
    if Double(s) != nil { return s }
    return quoted(s)
  }
}

/// A JSON string literal.
func quoted(_ s: String) -> String {
  var out = "\""
  for ch in s.unicodeScalars {
    switch ch {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\t": out += "\\t"
    default:
      if ch.value < 0x20 {
        out +=
          "\\u" + String(repeating: "0", count: 4 - String(ch.value, radix: 16).count) + String(ch.value, radix: 16)
      } else {
        out.unicodeScalars.append(ch)
      }
    }
  }
  return out + "\""
}
