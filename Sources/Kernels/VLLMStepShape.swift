import ProfileMateCore

/// The batch shape vLLM writes into its per-step annotation, in either form:
/// `execute_context_<reqs>(<tokens>)_generation_<reqs>(<tokens>)`, or with `detailed_trace_annotation`
/// `execute_<tokens>_context_<reqs>(sq<tokens>sk<Σ seq len>sqsq<…>sqsk<…>)_generation_<reqs>(sq…sk…sqsq…sqsk…)`,
/// where `sk` is the phase's sum of sequence lengths (computed plus scheduled tokens).
public struct VLLMStepShape: Sendable, Equatable {
  /// Requests in prefill (context) phase.
  public var contextRequests: Int
  /// Their tokens.
  public var contextTokens: Int
  /// Requests in decode (generation) phase.
  public var generationRequests: Int
  /// Their tokens.
  public var generationTokens: Int
  /// Σ sequence length of the prefill requests (the detailed form only).
  public var contextSequenceSum: Int?
  /// Σ sequence length of the decode requests (the detailed form only).
  public var generationSequenceSum: Int?

  /// Parses a label; nil when it has another form.
  public init?(label: String) {
    let parts = label.split(separator: "_")
    if parts.count == 5, parts[0] == "execute", parts[1] == "context", parts[3] == "generation",
      let (a, b) = Self.pair(parts[2]), let (c, d) = Self.pair(parts[4])
    {
      // execute, context, A(B), generation, C(D)
      (contextRequests, contextTokens, generationRequests, generationTokens) = (a, b, c, d)
      return
    }
    // execute, T, context, A(sq…sk…sqsq…sqsk…), generation, C(sq…sk…sqsq…sqsk…)
    guard parts.count == 6, parts[0] == "execute", Int(parts[1]) != nil, parts[2] == "context",
      parts[4] == "generation", let (a, ctx) = Self.detailed(parts[3]), let (c, gen) = Self.detailed(parts[5])
    else { return nil }
    (contextRequests, contextTokens, contextSequenceSum) = (a, ctx.0, ctx.1)
    (generationRequests, generationTokens, generationSequenceSum) = (c, gen.0, gen.1)
  }

  /// The step as the roofline's ``StepShape``, when the label gave the sequence sums (the detailed form).
  public var stepShape: StepShape? {
    guard let contextSequenceSum, let generationSequenceSum else { return nil }
    return StepShape(
      prefillRequests: contextRequests, prefillTokens: contextTokens, prefillContext: contextSequenceSum,
      decodeRequests: generationRequests, decodeTokens: generationTokens, decodeContext: generationSequenceSum)
  }

  /// `A(B)` → (A, B).
  private static func pair(_ s: Substring) -> (Int, Int)? {
    guard let open = s.firstIndex(of: "("), s.last == ")", let a = Int(s[..<open]),
      let b = Int(s[s.index(after: open)..<s.index(before: s.endIndex)])
    else { return nil }
    return (a, b)
  }

  /// `A(sqXskYsqsqZsqskW)` → (A, (X, Y)).
  private static func detailed(_ s: Substring) -> (Int, (Int, Int))? {
    guard let open = s.firstIndex(of: "("), s.last == ")", let requests = Int(s[..<open]) else { return nil }
    var rest = s[s.index(after: open)..<s.index(before: s.endIndex)]
    var values: [Int] = []
    for tag in ["sqsk", "sqsq", "sk", "sq"].reversed() {
      // In order: sq, sk, sqsq, sqsk; each tag then its digits.
      guard rest.hasPrefix(tag) else { return nil }
      rest = rest.dropFirst(tag.count)
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      guard let v = Int(digits) else { return nil }
      values.append(v)
      rest = rest.dropFirst(digits.count)
    }
    guard rest.isEmpty else { return nil }
    return (requests, (values[0], values[1]))
  }
}
