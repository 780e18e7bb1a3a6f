/// What a finding rule is: the id of the findings it emits, where it belongs, how bad it can say things are,
/// and which thresholds it reads. `profilemate rules` and docs/findings.md list these.
public struct RuleInfo: Sendable, Equatable {
  /// The part of the run a rule is about.
  public enum Area: String, Sendable, CaseIterable {
    /// Crashes, out-of-memory, dead engines, logged errors.
    case failures
    /// Queueing and preemptions.
    case scheduling
    /// KV-cache usage and capacity.
    case kvCache = "kv_cache"
    /// The prefill / decode split of step time or latency.
    case phases
    /// CUDA-graph padding, capture sizes and mode.
    case cudaGraphs = "cuda_graphs"
    /// How full the token budget of each step is.
    case batching
    /// Steps against the GPU's roofline.
    case roofline
    /// HTTP responses of the API server.
    case http
    /// What vLLM was asked to print.
    case observability
    /// Prefix-cache hits.
    case prefixCache = "prefix_cache"
    /// The benchmark client's own results.
    case benchmark
    /// Agreement between a run directory's sources.
    case crossCheck = "cross_check"
  }

  /// Where a rule reads its figures from.
  public enum Source: String, Sendable, CaseIterable {
    /// The server log (`analyze`, `report`).
    case log
    /// `/metrics` scrapes, windows and recordings (`metrics`, `watch`).
    case metrics
    /// A run directory's cross-checks and benchmark (`analyze DIR`).
    case crossCheck = "cross_check"
  }

  /// The finding id. A family of ids has one `{placeholder}` (`roofline_{kind}`), filled in per finding.
  public var id: String
  /// The part of the run it is about.
  public var area: Area
  /// The sources it reads (several for a rule shared between the log and `/metrics`).
  public var sources: [Source]
  /// The severities it can give, least severe first.
  public var severities: [Severity]
  /// One line saying when it fires.
  public var summary: String
  /// The names of the thresholds it reads (``Threshold/name``).
  public var thresholds: [String]
  /// The values the placeholder of a family id takes, when they are a fixed set (nil: any lower-case word or
  /// number).
  public var placeholderValues: [String]?

  /// Creates a rule description.
  public init(
    id: String, area: Area, sources: [Source], severities: [Severity], summary: String, thresholds: [String] = [],
    placeholderValues: [String]? = nil
  ) {
    self.id = id
    self.area = area
    self.sources = sources
    self.severities = severities
    self.summary = summary
    self.thresholds = thresholds
    self.placeholderValues = placeholderValues
  }

  /// Whether a finding with this id comes from this rule.
  public func matches(_ findingID: String) -> Bool {
    guard let open = id.firstIndex(of: "{"), let close = id.firstIndex(of: "}"), open < close else {
      return findingID == id
    }
    let prefix = id[..<open]
    let suffix = id[id.index(after: close)...]
    guard findingID.count > prefix.count + suffix.count, findingID.hasPrefix(prefix), findingID.hasSuffix(suffix)
    else { return false }
    let middle = findingID.dropFirst(prefix.count).dropLast(suffix.count)
    if let placeholderValues { return placeholderValues.contains(String(middle)) }
    return middle.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "." }
  }
}
