import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// Request-level log lines and HTTP access lines (`requests`).
  public struct Requests: Codable, Sendable, Equatable {
    /// `received`.
    public var received: Int?
    /// `added`.
    public var added: Int?
    /// `finished`.
    public var finished: Int?
    /// `aborted`.
    public var aborted: Int?
    /// `http_generation_requests`.
    public var httpGenerationRequests: Int?
    /// `http_by_status`.
    public var httpByStatus: OrderedMap<Int, KeyOrder.Lexical>?

    enum CodingKeys: String, CodingKey {
      case received
      case added
      case finished
      case aborted
      case httpGenerationRequests = "http_generation_requests"
      case httpByStatus = "http_by_status"
    }
  }
  // END GENERATED
}

extension ReportDocument.Requests {
  /// The request counters of `r`.
  init(_ r: RequestCounters) {
    self.init(
      received: r.received, added: r.added, finished: r.finished, aborted: r.aborted,
      httpGenerationRequests: r.httpGenerationRequests,
      httpByStatus: OrderedMap(r.httpByStatusClass.map { ($0.key, $0.value) }))
  }
}
