/// A CUDA-graph mode recommendation from the run's facts, following the flowchart in `docs/cudagraph.md`.
public struct CudaGraphModeAdvice: Sendable, Equatable {
  /// How far an attention backend supports full CUDA graphs (vLLM's `AttentionCGSupport`).
  public enum BackendSupport: String, Sendable {
    /// Full graphs for every batch (FlashAttention 3, Triton attention).
    case always
    /// Full graphs for uniform batches, speculative decode included (FlashAttention 2, FlashMLA, …).
    case uniformBatch = "uniform_batch"
    /// Full graphs only for single-token decode batches (FlashInfer, CUTLASS MLA, AITER MLA, Mamba).
    case uniformSingleTokenDecode = "uniform_single_token_decode"
    /// No full graphs.
    case never
    /// The backend is not known.
    case unknown

    /// The support level of a backend name as vLLM logs it (`FLASH_ATTN`, `FLASHINFER`, …).
    public init(backend: String) {
      let b = backend.uppercased()
      switch b {
      case "TRITON_ATTN", "TRITON_ATTN_VLLM_V1": self = .always
      case "FLASH_ATTN", "FLASH_ATTN_VLLM_V1", "FLASHMLA", "FLASHINFER_MLA", "ROCM_AITER_FA", "FLASH_ATTN_MLA":
        self = .uniformBatch
      case "FLASHINFER", "FLASHINFER_VLLM_V1", "CUTLASS_MLA", "ROCM_AITER_MLA", "MAMBA", "MAMBA2":
        self = .uniformSingleTokenDecode
      case "FLEX_ATTENTION", "TORCH_SDPA", "XFORMERS", "TREE_ATTN", "PALLAS": self = .never
      default: self = .unknown
      }
    }
  }

  /// What the flowchart looks at.
  public struct Facts: Sendable, Equatable {
    /// The configured mode, when known.
    public var mode: CudaGraphMode?
    /// `--enforce-eager`.
    public var enforceEager = false
    /// The attention backend name, when logged.
    public var attentionBackend: String?
    /// The device type (`cuda`, `cpu`, `xpu`, …), when logged.
    public var device: String?
    /// Tokens per request in a uniform decode batch (1 + speculative tokens).
    public var decodeQueryLen = 1
    /// The KV-transfer role (`kv_consumer`, `kv_producer`, `kv_both`), when a KV-transfer config is set.
    public var kvRole: String?
    /// Steps analysed, and of them the prefill/mixed ones that ran in a graph and that ran eagerly.
    public var steps = 0
    /// Prefill and mixed steps that ran in a graph (piecewise or full).
    public var graphedMixedSteps = 0
    /// Prefill and mixed steps that ran eagerly.
    public var eagerMixedSteps = 0
    /// Peak KV-cache usage, in percent.
    public var peakKVUsagePct: Double?
    /// Preemptions seen.
    public var preemptions = 0
    /// Median decode-step time, in milliseconds.
    public var medianDecodeMs: Double?
    /// Capture memory from the capture line, GiB.
    public var captureGiB: Double?

    /// Creates facts with nothing known.
    public init() {}
  }

  /// The mode in use (nil when unknown).
  public var current: CudaGraphMode?
  /// The recommended mode.
  public var recommended: CudaGraphMode
  /// The flowchart's answers, in order (`"attention backend FLASH_ATTN: full graphs for uniform batches"`).
  public var path: [String]
  /// Evidence from the run that moved the answer away from the flowchart's, or qualifies it.
  public var overrides: [String]
  /// Whether the recommendation differs from the mode in use.
  public var changeAdvised: Bool { current.map { $0 != recommended } ?? false }
  /// The flag that sets the recommended mode.
  public var flag: String {
    recommended == .none
      ? "--enforce-eager" : "--compilation-config '{\"cudagraph_mode\": \"\(recommended.rawValue)\"}'"
  }

  /// Share of steps below which graphs for mixed batches are said to serve little (percent).
  public static let fewMixedStepsPct = 5.0
  /// Peak KV usage at or above which memory is called short (percent).
  public static let tightKVPct = 90.0
  /// Median decode step above which graphs are said to save little (milliseconds).
  public static let slowDecodeMs = 50.0

  /// Runs the flowchart on `facts`.
  public init(_ facts: Facts) {
    current = facts.enforceEager ? CudaGraphMode.none : facts.mode
    var path: [String] = []
    var overrides: [String] = []
    // 0. CUDA graphs exist only on CUDA (and ROCm, which vLLM also runs as `cuda`) devices.
    if let device = facts.device?.lowercased(), !device.isEmpty, device != "cuda", device != "rocm" {
      recommended = current ?? .none
      self.path = ["device \(device): vLLM captures no CUDA graphs on this platform, so the mode does not apply"]
      self.overrides = []
      return
    }
    let support = facts.attentionBackend.map(BackendSupport.init(backend:)) ?? .unknown
    let backendText = facts.attentionBackend ?? "not logged"
    // 1. Role of the instance in a prefill/decode split.
    var choice: CudaGraphMode
    switch facts.kvRole {
    case "kv_consumer":
      path.append("decode instance of a prefill/decode split (kv_role kv_consumer): FULL_DECODE_ONLY")
      choice = .fullDecodeOnly
    case "kv_producer":
      path.append("prefill instance of a prefill/decode split (kv_role kv_producer): PIECEWISE")
      choice = .piecewise
    default:
      path.append("not a prefill/decode split instance: graphs for both decode and mixed batches")
      choice = .fullAndPiecewise
    }
    // 2. What the attention backend supports.
    switch support {
    case .never:
      path.append("attention backend \(backendText) has no full CUDA graphs: PIECEWISE")
      choice = .piecewise
    case .uniformSingleTokenDecode where facts.decodeQueryLen > 1:
      path.append(
        "attention backend \(backendText) captures full graphs only for single-token decode, and speculative "
          + "decoding makes decode batches \(facts.decodeQueryLen) tokens per request: PIECEWISE")
      choice = .piecewise
    case .unknown:
      path.append("attention backend \(backendText): support for full graphs unknown, keeping \(choice.rawValue)")
    default:
      path.append("attention backend \(backendText) supports full graphs for decode batches (\(support.rawValue))")
    }
    // 3. Memory headroom: piecewise graphs cost memory that a full KV cache could use.
    let mixedTotal = facts.graphedMixedSteps + facts.eagerMixedSteps
    let graphedMixedPct = facts.steps > 0 ? Double(facts.graphedMixedSteps) / Double(facts.steps) * 100 : nil
    let tight = (facts.peakKVUsagePct ?? 0) >= Self.tightKVPct || facts.preemptions > 0
    if choice == .fullAndPiecewise, tight, let share = graphedMixedPct, share < Self.fewMixedStepsPct {
      path.append(
        "KV cache short of memory (peak \(Format.pct(facts.peakKVUsagePct ?? 0)), \(facts.preemptions) "
          + "preemption(s)) and only \(Format.pct(share)) of steps used piecewise graphs: FULL_DECODE_ONLY")
      choice = .fullDecodeOnly
    } else {
      path.append(
        tight ? "memory is short, but mixed steps use their graphs" : "memory headroom: no reason to drop graphs")
    }
    // Evidence that qualifies the answer.
    if mixedTotal > 0, facts.eagerMixedSteps * 2 > mixedTotal {
      overrides.append(
        "\(facts.eagerMixedSteps) of \(mixedTotal) prefill/mixed steps ran eagerly (above the largest capture size), "
          + "so piecewise graphs served only \(facts.graphedMixedSteps) of them")
    }
    if let d = facts.medianDecodeMs, d >= Self.slowDecodeMs {
      overrides.append(
        "median decode step \(Format.ms(d)): kernel time dominates, so any graph mode saves little launch time")
    }
    if facts.enforceEager || facts.mode == CudaGraphMode.none {
      overrides.append("graphs are off (--enforce-eager or mode NONE); the flowchart assumes they may be turned on")
    }
    // A decode instance already on FULL_DECODE_ONLY whose prefill/mixed steps are few has nothing to gain from
    // piecewise graphs for them: keep it (adding them costs capture time and memory).
    if current == .fullDecodeOnly, choice == .fullAndPiecewise,
      facts.steps > 0, Double(mixedTotal) / Double(facts.steps) * 100 < Self.fewMixedStepsPct
    {
      path.append(
        "\(mixedTotal) of \(facts.steps) steps are prefill/mixed (under \(Format.pct(Self.fewMixedStepsPct))): "
          + "FULL_DECODE_ONLY, as configured, already covers the decode batches")
      choice = .fullDecodeOnly
    }
    if let current = facts.enforceEager ? CudaGraphMode.none : facts.mode, current == .full,
      choice == .fullAndPiecewise,
      support == .always
    {
      path.append("backend has one routine for all batches: FULL, as configured, is as good")
      choice = .full
    }
    recommended = choice
    self.path = path
    self.overrides = overrides
  }
}
