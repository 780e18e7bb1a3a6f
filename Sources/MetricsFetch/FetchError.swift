import ProfileMateCore

/// Why a scrape failed, as one line for the user. Messages name the endpoint without user name, password or
/// query, and never contain a header value.
public struct FetchError: UserFacingError, Sendable {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    /// The SOURCE is not an http(s) URL or `host:port`.
    case invalidURL
    /// A `--header` is malformed.
    case invalidHeader
    /// Nothing listens on the port (yet): the server may be starting.
    case refused
    /// The host name does not resolve, or there is no route to it.
    case unreachable
    /// No answer within the time-out.
    case timedOut
    /// An HTTP status other than 2xx.
    case httpStatus(Int)
    /// A 2xx answer that is not Prometheus text (HTML, JSON, empty).
    case notMetrics
    /// Any other transport failure (TLS, connection reset, …).
    case transport
  }

  /// What went wrong.
  public let kind: Kind
  /// The one-line message.
  public let description: String

  /// Creates an error.
  public init(_ kind: Kind, _ description: String) {
    self.kind = kind
    self.description = description
  }

  /// Whether waiting may help: the server is starting (connection refused) or a proxy says it is not ready
  /// yet (502, 503, 504).
  public var isRetryable: Bool {
    switch kind {
    case .refused: return true
    case .httpStatus(let code): return code == 502 || code == 503 || code == 504
    default: return false
    }
  }

  /// The `http_code` column of a recording's index.tsv: the status for an HTTP answer, `000ERR` (curl's
  /// `%{http_code}` plus `ERR`, the fixtures' convention) when no answer came, `200ERR` for a 200 answer that
  /// was not metrics. Only `200` rows have a file.
  public var recordedStatus: String {
    switch kind {
    case .httpStatus(let code): return String(code)
    case .notMetrics: return "200ERR"
    default: return "000ERR"
    }
  }
}
