/// How the CUDA-graph dispatcher sees a step: uniform decode batches may use FULL decode graphs,
/// every other batch uses the mixed routine (spec §6.3).
public enum CudaGraphStepClass: String, Sendable, CaseIterable, Comparable {
  /// Every request decodes exactly `decode_query_len` tokens (1 + speculative tokens).
  case uniformDecode = "uniform_decode"
  /// Decode-only, but not uniform (speculative decoding with differing draft lengths).
  case decode
  /// Prefill chunks and decodes together.
  case mixed
  /// Prefill chunks only.
  case prefill

  /// The iteration-line kind whose step-time fit applies to this class.
  public var stepKind: StepKind {
    switch self {
    case .uniformDecode, .decode: return .decode
    case .mixed: return .mixed
    case .prefill: return .prefill
    }
  }

  /// Whether the dispatcher treats the batch as a uniform decode batch.
  public var isUniformDecode: Bool { self == .uniformDecode }

  private var rank: Int {
    switch self {
    case .uniformDecode: return 0
    case .decode: return 1
    case .mixed: return 2
    case .prefill: return 3
    }
  }

  public static func < (a: CudaGraphStepClass, b: CudaGraphStepClass) -> Bool { a.rank < b.rank }
}

/// Steps grouped by (class, unpadded token count), with their summed step time when known.
///
/// It is what the padding rule, the capture-size fitter and the time estimate need from a run: built
/// from iteration lines (``init(traces:decodeQueryLen:)``), from `--cudagraph-metrics` tables
/// (``init(tables:mode:)``) or from a what-if histogram.
public struct CudaGraphWorkload: Sendable, Equatable {
  /// Steps and step time for one (class, tokens) cell.
  public struct Cell: Sendable, Equatable {
    /// Steps.
    public var steps: Int
    /// Summed step time in hundredths of a millisecond (0 when the source has no times).
    public var centiMs: UInt64
    /// Summed squared step time, in (hundredths of a millisecond)².
    public var centiMsSquares: Double

    /// Creates a cell.
    public init(steps: Int, centiMs: UInt64 = 0, centiMsSquares: Double = 0) {
      self.steps = steps
      self.centiMs = centiMs
      self.centiMsSquares = centiMsSquares
    }
  }

  /// Cells by class, then by unpadded token count.
  public private(set) var cells: [CudaGraphStepClass: [Int: Cell]] = [:]
  /// Whether the cells carry step times (iteration lines do; tables and histograms do not).
  public var hasTimes = false

  /// Creates an empty workload.
  public init() {}

  /// Adds `steps` steps of `tokens` tokens (tokens ≥ 1) in `stepClass`.
  public mutating func add(
    _ stepClass: CudaGraphStepClass, tokens: Int, steps: Int, centiMs: UInt64 = 0, centiMsSquares: Double = 0
  ) {
    guard tokens > 0, steps > 0 else { return }
    var cell = cells[stepClass, default: [:]][tokens] ?? Cell(steps: 0)
    cell.steps = cell.steps.saturatingAdd(steps)
    cell.centiMs = cell.centiMs.addingReportingOverflow(centiMs).overflow ? .max : cell.centiMs + centiMs
    cell.centiMsSquares += centiMsSquares
    cells[stepClass, default: [:]][tokens] = cell
  }

  /// The workload of iteration lines: every step with tokens, idle and dummy steps left out.
  /// - Parameter decodeQueryLen: tokens per request in a uniform decode batch (1 + speculative tokens).
  public init(traces: [EngineTrace], decodeQueryLen: Int) {
    // Flat tables for the usual token counts keep the per-step work to an index and two adds.
    let flat = 1 << 14
    var steps = [[Int]](repeating: [Int](repeating: 0, count: flat), count: CudaGraphStepClass.allCases.count)
    var times = [[UInt64]](
      repeating: [UInt64](repeating: 0, count: flat), count: CudaGraphStepClass.allCases.count)
    var squares = [[Double]](
      repeating: [Double](repeating: 0, count: flat), count: CudaGraphStepClass.allCases.count)
    var large = CudaGraphWorkload()
    let classes = CudaGraphStepClass.allCases.sorted()
    for trace in traces {
      trace.steps.forEachChunk { chunk in
        for step in chunk {
          let tokens = step.tokens
          guard tokens > 0, !step.isDummy else { continue }
          let c = Self.classify(step, decodeQueryLen: decodeQueryLen)
          let t = step.elapsedCentiMs
          if tokens < flat {
            let i = classes.firstIndex(of: c) ?? 0
            steps[i][tokens] += 1
            times[i][tokens] += UInt64(t)
            squares[i][tokens] += Double(t) * Double(t)
          } else {
            large.add(c, tokens: tokens, steps: 1, centiMs: UInt64(t), centiMsSquares: Double(t) * Double(t))
          }
        }
      }
    }
    self = large
    for (i, c) in classes.enumerated() {
      for tokens in 1..<flat where steps[i][tokens] > 0 {
        add(c, tokens: tokens, steps: steps[i][tokens], centiMs: times[i][tokens], centiMsSquares: squares[i][tokens])
      }
    }
    hasTimes = true
  }

  /// The class of one iteration-line step (spec §2.3: generation tokens include verification tokens).
  public static func classify(_ step: StepRecord, decodeQueryLen: Int) -> CudaGraphStepClass {
    switch step.kind(decodeQueryLen: decodeQueryLen) {
    case .decode, .idle:
      return step.generationTokens == step.generationRequests * decodeQueryLen ? .uniformDecode : .decode
    // A recompute step is a non-uniform batch (vLLM dispatches it as a mixed one) whose time is prefill work.
    case .mixed, .recompute: return .mixed
    case .prefill: return .prefill
    }
  }

  /// The workload of `--cudagraph-metrics` tables: FULL rows of a composite mode are uniform decode
  /// batches, every other row is counted as mixed (the tables do not say more).
  public init(tables: [CudaGraphTable], mode: CudaGraphMode?) {
    for table in tables {
      for row in table.rows {
        let uniform = row.runtimeMode == "FULL" && (mode?.separateRoutine ?? true)
        add(uniform ? .uniformDecode : .mixed, tokens: row.unpaddedTokens, steps: row.count)
      }
    }
  }

  /// Total steps.
  public var steps: Int { cells.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.steps } } }

  /// Calls `body` for every cell, in class order then ascending tokens.
  public func forEachCell(_ body: (CudaGraphStepClass, Int, Cell) -> Void) {
    for c in cells.keys.sorted() {
      guard let byTokens = cells[c] else { continue }
      for tokens in byTokens.keys.sorted() {
        if let cell = byTokens[tokens] { body(c, tokens, cell) }
      }
    }
  }
}
