import ProfileMateCore

extension ReportDocument {
  /// The exactly optimal capture-size list of at most `max_sizes` sizes, its padding (written into this
  /// object, after `capture_sizes`) and the flag that sets it (`cudagraph_economics.fitted`).
  public struct Fitted: Codable, Sendable, Equatable {
    /// `max_sizes`.
    public var maxSizes: Int?
    /// `capture_sizes`.
    public var captureSizes: [Int]?
    /// The padding under the fitted list, written into this object.
    public var padding = Padding()
    /// `capture_seconds_change`.
    public var captureSecondsChange: Double?
    /// `capture_gib_change`.
    public var captureGiBChange: Double?
    /// `flag`.
    public var flag: String?

    enum CodingKeys: String, CodingKey {
      case maxSizes = "max_sizes"
      case captureSizes = "capture_sizes"
      case captureSecondsChange = "capture_seconds_change"
      case captureGiBChange = "capture_gib_change"
      case flag
    }

    /// The fitted list `f`.
    init(_ f: ProfileMateCore.CudaGraphEconomics.Fitted) {
      maxSizes = f.maxSizes
      captureSizes = f.captureSizes
      padding = Padding(f.padding)
      captureSecondsChange = f.captureSecondsChange
      captureGiBChange = f.captureGiBChange
      flag = f.flag
    }

    /// Decodes the members and the padding from one object.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      maxSizes = try c.decodeIfPresent(Int.self, forKey: .maxSizes)
      captureSizes = try c.decodeIfPresent([Int].self, forKey: .captureSizes)
      padding = try Padding(from: decoder)
      captureSecondsChange = try c.decodeIfPresent(Double.self, forKey: .captureSecondsChange)
      captureGiBChange = try c.decodeIfPresent(Double.self, forKey: .captureGiBChange)
      flag = try c.decodeIfPresent(String.self, forKey: .flag)
    }

    /// Encodes the members in schema order, the padding's after `capture_sizes`.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(maxSizes, forKey: .maxSizes)
      try c.encodeIfPresent(captureSizes, forKey: .captureSizes)
      try padding.encode(to: encoder)
      try c.encodeIfPresent(captureSecondsChange, forKey: .captureSecondsChange)
      try c.encodeIfPresent(captureGiBChange, forKey: .captureGiBChange)
      try c.encodeIfPresent(flag, forKey: .flag)
    }
  }
}
