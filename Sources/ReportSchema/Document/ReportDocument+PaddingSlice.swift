import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// The padding of one runtime mode or step class.
  public struct PaddingSlice: Codable, Sendable, Equatable {
    /// `steps`.
    public var steps: Int?
    /// `unpadded_tokens`.
    public var unpaddedTokens: Int?
    /// `padded_tokens`.
    public var paddedTokens: Int?
    /// `padding_tokens`.
    public var paddingTokens: Int?

    enum CodingKeys: String, CodingKey {
      case steps
      case unpaddedTokens = "unpadded_tokens"
      case paddedTokens = "padded_tokens"
      case paddingTokens = "padding_tokens"
    }
  }
  // END GENERATED
}

extension ReportDocument.PaddingSlice {
  /// The figures of `s`.
  init(_ s: CudaGraphPadding.Slice) {
    self.init(
      steps: s.steps, unpaddedTokens: s.unpaddedTokens, paddedTokens: s.paddedTokens, paddingTokens: s.paddingTokens)
  }
}
