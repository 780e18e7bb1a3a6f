/// One successful scrape: the raw body and when it was taken.
public struct Scrape: Sendable {
  /// The response body, unchanged.
  public var body: [UInt8]
  /// When the request was sent (Unix milliseconds), as Prometheus timestamps a scrape.
  public var epochMs: Int64
  /// Seconds from sending the request to having the whole body.
  public var seconds: Double
  /// The `Content-Type` answered, if any.
  public var contentType: String?

  /// Creates a scrape.
  public init(body: [UInt8], epochMs: Int64, seconds: Double, contentType: String? = nil) {
    self.body = body
    self.epochMs = epochMs
    self.seconds = seconds
    self.contentType = contentType
  }
}
