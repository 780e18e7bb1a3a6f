/// One engine step from an iteration line, packed into 16 bytes.
///
/// Layout: elapsed time in hundredths of a millisecond (the precision vLLM prints,
/// `%.2f ms`), request counts as 16-bit values, and one 64-bit word holding the
/// context tokens (24 bits), generation tokens (24 bits), the KV-cache usage in
/// tenths of a percent (11 bits, `2047` when the line had none) and the dummy flag.
/// Token counts above 16,777,215 and request counts above 65,535 saturate; the
/// log reader counts such lines.
public struct StepRecord: Sendable, Hashable {
  @usableFromInline var packed: UInt64
  /// Elapsed time in hundredths of a millisecond.
  public let elapsedCentiMs: UInt32
  @usableFromInline let contextRequests16: UInt16
  @usableFromInline let generationRequests16: UInt16

  /// The largest token count a record holds exactly.
  public static let maxTokens = (1 << 24) - 1
  /// The largest request count a record holds exactly.
  public static let maxRequests = Int(UInt16.max)
  @usableFromInline static let noKV: UInt64 = 2047

  /// Creates a record; values out of range saturate.
  /// - Parameters:
  ///   - kvUsagePermille: KV-cache usage in tenths of a percent (0…1000), or nil.
  public init(
    contextRequests: Int, contextTokens: Int, generationRequests: Int, generationTokens: Int,
    elapsedCentiMs: UInt32, kvUsagePermille: Int?, isDummy: Bool
  ) {
    func clampTokens(_ v: Int) -> UInt64 { UInt64(max(0, min(v, StepRecord.maxTokens))) }
    func clampRequests(_ v: Int) -> UInt16 { UInt16(max(0, min(v, StepRecord.maxRequests))) }
    let kv: UInt64 = kvUsagePermille.map { UInt64(max(0, min($0, 2000))) } ?? StepRecord.noKV
    packed =
      clampTokens(contextTokens) | (clampTokens(generationTokens) << 24) | (kv << 48)
      | ((isDummy ? 1 : 0) << 59)
    self.elapsedCentiMs = elapsedCentiMs
    contextRequests16 = clampRequests(contextRequests)
    generationRequests16 = clampRequests(generationRequests)
  }

  /// Requests in (chunked) prefill.
  @inlinable public var contextRequests: Int { Int(contextRequests16) }
  /// Requests decoding.
  @inlinable public var generationRequests: Int { Int(generationRequests16) }
  /// Prefill tokens scheduled in the step.
  @inlinable public var contextTokens: Int { Int(packed & 0xFF_FFFF) }
  /// Decode tokens scheduled in the step (includes speculative verification tokens).
  @inlinable public var generationTokens: Int { Int((packed >> 24) & 0xFF_FFFF) }
  /// All tokens scheduled in the step.
  @inlinable public var tokens: Int { contextTokens + generationTokens }
  /// Step time in milliseconds.
  @inlinable public var elapsedMs: Double { Double(elapsedCentiMs) / 100 }
  /// KV-cache usage after the step, in percent, when the line carried it (v0.26+).
  @inlinable public var kvUsagePct: Double? {
    let v = (packed >> 48) & 0x7FF
    return v == StepRecord.noKV ? nil : Double(v) / 10
  }
  /// Whether this was a data-parallel dummy step.
  @inlinable public var isDummy: Bool { (packed >> 59) & 1 == 1 }
  /// The step's kind when a decoding request is scheduled `decodeQueryLen` tokens per step (1, or
  /// `1 + num_speculative_tokens`; ``EngineConfig/decodeQueryLen``): recompute steps are told apart from decodes.
  @inlinable public func kind(decodeQueryLen: Int) -> StepKind {
    StepKind.classify(
      contextRequests: contextRequests, generationRequests: generationRequests, generationTokens: generationTokens,
      decodeQueryLen: decodeQueryLen)
  }
}
