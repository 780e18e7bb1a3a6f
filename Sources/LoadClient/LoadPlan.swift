import LoadGen

/// What to send, where, and when.
public struct LoadPlan: Sendable {
  /// Server host (loopback only: `127.0.0.1`, `::1` or `localhost`).
  public var host: String
  /// Server port.
  public var port: Int
  /// Path, `/v1/completions` or `/v1/chat/completions`.
  public var endpoint: String
  /// `model` field.
  public var model: String
  /// The requests, in order.
  public var requests: [WorkloadRequest]
  /// Due times in seconds from the start, one per request.
  public var offsets: [Double]
  /// `--max-concurrency`.
  public var maxConcurrency: Int?
  /// `ignore_eos` in each request.
  public var ignoreEOS: Bool
  /// Extra request headers (`--header KEY=VALUE`).
  public var headers: [(name: String, value: String)]
  /// Give up on whatever is still running after this many seconds.
  public var timeout: Double

  /// Creates a plan.
  public init(
    host: String, port: Int, endpoint: String, model: String, requests: [WorkloadRequest], offsets: [Double],
    maxConcurrency: Int?, ignoreEOS: Bool, headers: [(name: String, value: String)] = [], timeout: Double = 3600
  ) {
    self.host = host
    self.port = port
    self.endpoint = endpoint
    self.model = model
    self.requests = requests
    self.offsets = offsets
    self.maxConcurrency = maxConcurrency
    self.ignoreEOS = ignoreEOS
    self.headers = headers
    self.timeout = timeout
  }

  /// Whether the endpoint is the chat API.
  public var chat: Bool { endpoint.hasSuffix("/chat/completions") }

  /// The JSON body of request `i`, as `vllm bench serve` sends it, plus per-chunk usage
  /// (`continuous_usage_stats`) so tokens per chunk are known without a tokenizer.
  func body(_ i: Int) -> [UInt8] {
    let r = requests[i]
    var s = "{\"model\":\(Self.quoted(model)),"
    if chat {
      s += "\"messages\":[{\"role\":\"user\",\"content\":\(Self.quoted(r.text ?? ""))}],"
      s += "\"max_completion_tokens\":\(r.outputLen),"
    } else {
      if let ids = r.tokenIDs {
        s += "\"prompt\":[" + ids.map(String.init).joined(separator: ",") + "],"
      } else {
        s += "\"prompt\":\(Self.quoted(r.text ?? "")),"
      }
      s += "\"max_tokens\":\(r.outputLen),"
    }
    s += "\"temperature\":0.0,\"stream\":true,"
    s += "\"stream_options\":{\"include_usage\":true,\"continuous_usage_stats\":true}"
    if ignoreEOS { s += ",\"ignore_eos\":true" }
    return Array((s + "}").utf8)
  }

  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case let c where c.value < 0x20: out += "\\u00" + (c.value < 16 ? "0" : "") + String(c.value, radix: 16)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
