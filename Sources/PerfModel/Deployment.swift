/// How a model is served: vLLM's parallelism and dtype flags.
public struct Deployment: Sendable, Hashable {
  /// `--tensor-parallel-size`.
  public var tensorParallelSize: Int
  /// `--pipeline-parallel-size`.
  public var pipelineParallelSize: Int
  /// `--data-parallel-size`.
  public var dataParallelSize: Int
  /// `--enable-expert-parallel`.
  public var enableExpertParallel: Bool
  /// `--dtype` (`auto` follows the config).
  public var dtype: String
  /// `--kv-cache-dtype` (`auto` follows the model dtype).
  public var kvCacheDtype: String
  /// `--quantization`, overriding the config's method.
  public var quantization: String?
  /// `--disable-sliding-window`.
  public var disableSlidingWindow: Bool

  /// Creates a deployment; every argument defaults to vLLM's default.
  public init(
    tensorParallelSize: Int = 1, pipelineParallelSize: Int = 1, dataParallelSize: Int = 1,
    enableExpertParallel: Bool = false, dtype: String = "auto", kvCacheDtype: String = "auto",
    quantization: String? = nil, disableSlidingWindow: Bool = false
  ) {
    self.tensorParallelSize = tensorParallelSize
    self.pipelineParallelSize = pipelineParallelSize
    self.dataParallelSize = dataParallelSize
    self.enableExpertParallel = enableExpertParallel
    self.dtype = dtype
    self.kvCacheDtype = kvCacheDtype
    self.quantization = quantization
    self.disableSlidingWindow = disableSlidingWindow
  }
}
