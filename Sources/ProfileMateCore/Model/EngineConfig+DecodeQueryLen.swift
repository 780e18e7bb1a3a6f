extension EngineConfig {
  /// Tokens one decoding request is scheduled per step: `1 + num_speculative_tokens` from the printed
  /// speculative config (`num_spec_tokens=3`, `'num_speculative_tokens': 3`), else 1.
  public var decodeQueryLen: Int { Self.decodeQueryLen(speculativeConfig?.value) }

  /// `1 + num_speculative_tokens` from a printed speculative config, else 1.
  static func decodeQueryLen(_ speculative: String?) -> Int {
    guard let s = speculative else { return 1 }
    for key in ["num_speculative_tokens", "num_spec_tokens"] {
      guard let r = s.firstRange(of: key) else { continue }
      let rest = s[r.upperBound...].drop { $0 == "=" || $0 == ":" || $0 == " " || $0 == "'" || $0 == "\"" }
      if let n = Int(rest.prefix { $0.isNumber }), n >= 0, n < 1 << 20 { return 1 + n }
    }
    return 1
  }
}
