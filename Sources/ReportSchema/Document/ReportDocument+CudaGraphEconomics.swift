import ProfileMateCore

extension ReportDocument {
  /// CUDA-graph padding under vLLM's dispatch rule, with the tables' figures, a cross-check, a time estimate,
  /// a fitted capture-size list and mode advice (`cudagraph_economics`; the body of `cudagraph --json`,
  /// docs/cudagraph.md). The padding members are written into this object, after `decode_query_len`.
  public struct CudaGraphEconomics: Codable, Sendable, Equatable {
    /// `basis`: `iteration_lines`, `cudagraph_tables` or `histogram`.
    public var basis: String?
    /// `mode`: the CUDA-graph mode the rule applies.
    public var mode: String?
    /// `capture_sizes`.
    public var captureSizes: [Int]?
    /// `max_num_seqs`.
    public var maxNumSeqs: Int?
    /// `decode_query_len`.
    public var decodeQueryLen: Int?
    /// `steps` … `top_eager_token_counts`: the padding, written into this object.
    public var padding = Padding()
    /// `assumptions`.
    public var assumptions: [String]?
    /// `from_tables`: the tables' own figures; null without tables.
    public var fromTables: TableFigures?
    /// `cross_check`.
    public var crossCheck: EconomicsCrossCheck?
    /// `time_estimate`.
    public var timeEstimate: TimeEstimate?
    /// `fitted`.
    public var fitted: Fitted?
    /// `mode_advice`.
    public var modeAdvice: ModeAdvice?

    enum CodingKeys: String, CodingKey {
      case basis
      case mode
      case captureSizes = "capture_sizes"
      case maxNumSeqs = "max_num_seqs"
      case decodeQueryLen = "decode_query_len"
      case assumptions
      case fromTables = "from_tables"
      case crossCheck = "cross_check"
      case timeEstimate = "time_estimate"
      case fitted
      case modeAdvice = "mode_advice"
    }

    /// The economics `e`, with the figures of the `tables` they were checked against.
    public init(_ e: ProfileMateCore.CudaGraphEconomics, tables: CudaGraphAnalysis?) {
      basis = e.basis.rawValue
      mode = e.rule.mode.rawValue
      captureSizes = e.rule.captureSizes
      maxNumSeqs = e.rule.maxNumSeqs
      decodeQueryLen = e.rule.decodeQueryLen
      padding = Padding(e.padding)
      assumptions = e.assumptions
      fromTables = tables.map(TableFigures.init)
      crossCheck = e.crossCheck.map(EconomicsCrossCheck.init)
      timeEstimate = e.time.map(TimeEstimate.init)
      fitted = e.fitted.map(Fitted.init)
      modeAdvice = ModeAdvice(e.advice)
    }

    /// Decodes the members and the padding from one object.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      basis = try c.decodeIfPresent(String.self, forKey: .basis)
      mode = try c.decodeIfPresent(String.self, forKey: .mode)
      captureSizes = try c.decodeIfPresent([Int].self, forKey: .captureSizes)
      maxNumSeqs = try c.decodeIfPresent(Int.self, forKey: .maxNumSeqs)
      decodeQueryLen = try c.decodeIfPresent(Int.self, forKey: .decodeQueryLen)
      padding = try Padding(from: decoder)
      assumptions = try c.decodeIfPresent([String].self, forKey: .assumptions)
      fromTables = try c.decodeIfPresent(TableFigures.self, forKey: .fromTables)
      crossCheck = try c.decodeIfPresent(EconomicsCrossCheck.self, forKey: .crossCheck)
      timeEstimate = try c.decodeIfPresent(TimeEstimate.self, forKey: .timeEstimate)
      fitted = try c.decodeIfPresent(Fitted.self, forKey: .fitted)
      modeAdvice = try c.decodeIfPresent(ModeAdvice.self, forKey: .modeAdvice)
    }

    /// Encodes the members in schema order, the padding's after `decode_query_len`.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(basis, forKey: .basis)
      try c.encodeIfPresent(mode, forKey: .mode)
      try c.encodeIfPresent(captureSizes, forKey: .captureSizes)
      try c.encodeIfPresent(maxNumSeqs, forKey: .maxNumSeqs)
      try c.encodeIfPresent(decodeQueryLen, forKey: .decodeQueryLen)
      try padding.encode(to: encoder)
      try c.encodeIfPresent(assumptions, forKey: .assumptions)
      try c.encodeIfPresent(fromTables, forKey: .fromTables)
      try c.encodeIfPresent(crossCheck, forKey: .crossCheck)
      try c.encodeIfPresent(timeEstimate, forKey: .timeEstimate)
      try c.encodeIfPresent(fitted, forKey: .fitted)
      try c.encodeIfPresent(modeAdvice, forKey: .modeAdvice)
    }
  }
}
