/// What `profilemate roofline` is asked: a config on a GPU, a layout, and the steps to bound.
public struct RooflineRequest: Sendable, Equatable {
  public var config: String
  public var gpu: String
  public var tp = 1
  public var pp = 1
  public var dtype = "auto"
  public var kvCacheDtype = "auto"
  public var quantization: String?
  /// The largest batch; the table doubles from 1 up to it.
  public var batch = 256
  /// Contexts (decode) or cached lengths (prefill), comma-separated as `--context` takes them; nil: 8192 for
  /// decode, 0 for prefill.
  public var context: String?
  /// New tokens per request of prefill steps; nil for decode.
  public var prefill: Int?

  /// A request for `config` on `gpu` with the defaults.
  public init(config: String, gpu: String) {
    self.config = config
    self.gpu = gpu
  }
}
