import ProfileMateCore

/// Reads one whole kernel file (any CSV or text kind) into a report.
public enum KernelInput {
  /// The report of a file whose bytes are `bytes`, detected by content.
  /// - Parameter gpu: the device whose datasheet bandwidth the shares use (`--gpu`), if any.
  /// - Throws: ``KernelInputError`` naming what the file is not, or the line that cannot be read.
  public static func report(
    _ bytes: [UInt8], gpu: GPUSpec? = nil, costModel: StepCostModel? = nil
  ) throws
    -> KernelReport
  {
    let kind = try KernelFileDetector.detect(Array(bytes.prefix(1 << 16)))
    return try report(bytes, kind: kind, gpu: gpu, costModel: costModel)
  }

  /// The report of a file of a known kind.
  /// - Throws: ``KernelInputError``; a torch trace must be read with ``ChromeTraceReader`` (it streams).
  public static func report(
    _ bytes: [UInt8], kind: KernelSourceKind, gpu: GPUSpec?, costModel: StepCostModel? = nil
  ) throws -> KernelReport {
    switch kind {
    case .ncuMetricRows, .ncuRawPage:
      let ncu = try NCUReader.read(bytes)
      let measurements = try ncu.launches.map { try $0.measurement() }
      let ccs = Set(ncu.launches.compactMap(\.computeCapability).filter { !$0.isEmpty })
      return KernelAnalysis.analyze(
        kind: kind, measurements: measurements, computeCapability: ccs.count == 1 ? ccs.first : nil, gpu: gpu)
    case .nsysKernelSummaryCSV, .nsysKernelSummaryText:
      let table =
        kind == .nsysKernelSummaryCSV
        ? try NsysTable.csv(bytes, isHeader: NsysKernelReader.isKernelSummaryCSVHeader)
        : try NsysTable.text(bytes, isHeader: NsysKernelReader.isKernelSummaryTextHeader)
      guard let table, !table.rows.isEmpty else { throw KernelInputError("the kernel summary has no rows") }
      return KernelAnalysis.analyze(
        kind: kind, measurements: try NsysKernelReader.kernelSummary(table), gpu: gpu, nsys: try extras(bytes))
    case .nsysGPUTraceCSV, .nsysGPUTraceText:
      let table =
        kind == .nsysGPUTraceCSV
        ? try NsysTable.csv(bytes, isHeader: NsysKernelReader.isTraceCSVHeader)
        : try NsysTable.text(bytes, isHeader: NsysKernelReader.isTraceTextHeader)
      guard let table, !table.rows.isEmpty else { throw KernelInputError("the GPU trace has no rows") }
      let (kernels, intervals) = try NsysKernelReader.gpuTrace(table)
      return KernelAnalysis.analyze(
        kind: kind, measurements: kernels, gpu: gpu, intervals: intervals, nsys: try extras(bytes))
    case .nsysStats:
      let extras = try NsysExtras.read(bytes)
      guard !extras.isEmpty else { throw KernelInputError("the nvtx_sum / cuda_api_sum tables have no rows") }
      return KernelAnalysis.analyze(kind: kind, measurements: [], gpu: gpu, nsys: extras)
    case .torchTrace:
      return try trace(BytesSource(bytes), gpu: gpu, costModel: costModel)
    }
  }

  /// The NVTX and API reports of an `nsys stats` bundle, nil when it has none.
  static func extras(_ bytes: [UInt8]) throws -> NsysExtras? {
    let e = try NsysExtras.read(bytes)
    return e.isEmpty ? nil : e
  }

  /// The report of a torch-profiler trace read as a stream from `source`.
  /// - Throws: ``KernelInputError`` naming the byte offset of malformed JSON.
  /// - Parameter costModel: the analytic step model (`--model`): each step whose vLLM label gives its batch
  ///   shape gets the model's FLOPs and bytes beside its measured time.
  public static func trace(
    _ source: TraceByteSource, gpu: GPUSpec?, costModel: StepCostModel? = nil
  ) throws
    -> KernelReport
  {
    var (kernels, intervals, summary) = try ChromeTraceReader.read(source)
    if let costModel {
      for k in summary.steps.indices {
        summary.steps[k].model = summary.steps[k].shape?.stepShape.flatMap(costModel.cost(of:))
      }
    }
    return KernelAnalysis.analyze(
      kind: .torchTrace, measurements: kernels, gpu: gpu, intervals: intervals, trace: summary)
  }
}
