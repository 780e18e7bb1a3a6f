/// What `profilemate perf` is asked: a config, a deployment and the requests of one step.
public struct PerfRequest: Sendable, Equatable {
  /// One request of the step.
  public struct Step: Sendable, Equatable {
    /// New tokens in this step.
    public var tokens: Int
    /// Context length after the step.
    public var context: Int
    /// Prefill (else decode).
    public var isPrefill: Bool

    /// Creates a step request.
    public init(tokens: Int, context: Int, isPrefill: Bool) {
      self.tokens = tokens
      self.context = context
      self.isPrefill = isPrefill
    }
  }

  public var config: String
  public var tensorParallelSize = 1
  public var pipelineParallelSize = 1
  public var dataParallelSize = 1
  public var enableExpertParallel = false
  public var dtype = "auto"
  public var kvCacheDtype = "auto"
  public var quantization: String?
  public var disableSlidingWindow = false
  /// The requests of the step.
  public var requests: [Step] = []
  /// Whole-model figures instead of one GPU's share.
  public var wholeModel = false

  /// A request for `config` with the defaults.
  public init(config: String) { self.config = config }
}
