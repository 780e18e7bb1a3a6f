/// What kind of file a kernel input is, as recognised from its content (never from its name).
public enum KernelSourceKind: String, Sendable, CaseIterable, Equatable {
  /// Nsight Compute CSV, one row per (launch, metric): `ncu --csv --metrics …` or `--page details`.
  case ncuMetricRows = "ncu_csv_metric_rows"
  /// Nsight Compute CSV, one row per launch with a units row: `ncu --csv --page raw`.
  case ncuRawPage = "ncu_csv_raw_page"
  /// `nsys stats --report cuda_gpu_kern_sum --format csv`.
  case nsysKernelSummaryCSV = "nsys_cuda_gpu_kern_sum_csv"
  /// The `cuda_gpu_kern_sum` table as `nsys stats` prints it (aligned text columns).
  case nsysKernelSummaryText = "nsys_cuda_gpu_kern_sum_text"
  /// `nsys stats --report cuda_gpu_trace --format csv`: one row per GPU activity.
  case nsysGPUTraceCSV = "nsys_cuda_gpu_trace_csv"
  /// The `cuda_gpu_trace` table as `nsys stats` prints it.
  case nsysGPUTraceText = "nsys_cuda_gpu_trace_text"
  /// `nsys stats` CSV with NVTX ranges or CUDA API calls but no kernel table (`nvtx_sum`, `cuda_api_sum`).
  case nsysStatsCSV = "nsys_stats_csv"
  /// A torch-profiler (Kineto) Chrome trace: JSON with `traceEvents`, plain or gzip.
  case torchTrace = "torch_chrome_trace"

  /// What the kind is, for messages and reports.
  public var description: String {
    switch self {
    case .ncuMetricRows: return "Nsight Compute CSV, one row per metric (ncu --csv --metrics … or --page details)"
    case .ncuRawPage: return "Nsight Compute CSV, one row per launch with a units row (ncu --csv --page raw)"
    case .nsysKernelSummaryCSV: return "Nsight Systems kernel summary CSV (nsys stats -r cuda_gpu_kern_sum -f csv)"
    case .nsysKernelSummaryText: return "Nsight Systems kernel summary table (nsys stats -r cuda_gpu_kern_sum)"
    case .nsysGPUTraceCSV: return "Nsight Systems GPU trace CSV (nsys stats -r cuda_gpu_trace -f csv)"
    case .nsysGPUTraceText: return "Nsight Systems GPU trace table (nsys stats -r cuda_gpu_trace)"
    case .nsysStatsCSV: return "Nsight Systems NVTX / CUDA API summary CSV (nsys stats -r nvtx_sum,cuda_api_sum -f csv)"
    case .torchTrace: return "torch-profiler Chrome trace JSON (traceEvents; .json or .json.gz)"
    }
  }

  /// Which tool wrote it: `ncu`, `nsys` or `torch`.
  public var tool: String {
    switch self {
    case .ncuMetricRows, .ncuRawPage: return "ncu"
    case .nsysKernelSummaryCSV, .nsysKernelSummaryText, .nsysGPUTraceCSV, .nsysGPUTraceText, .nsysStatsCSV:
      return "nsys"
    case .torchTrace: return "torch"
    }
  }
}

/// Names what a file is from its first bytes.
public enum KernelFileDetector {
  /// The kind of the file whose first bytes (a few KiB are enough) are `head`.
  /// - Throws: ``KernelInputError`` listing every kind it can read when the file is none of them.
  public static func detect(_ head: [UInt8]) throws -> KernelSourceKind {
    var i = 0
    if head.count >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF { i = 3 }
    while i < head.count,
      head[i] == UInt8(ascii: " ") || head[i] == UInt8(ascii: "\n")
        || head[i] == UInt8(ascii: "\r") || head[i] == UInt8(ascii: "\t")
    {
      i += 1
    }
    if i < head.count, head[i] == UInt8(ascii: "{") || head[i] == UInt8(ascii: "[") {
      let text = String(decoding: head.prefix(1 << 16), as: UTF8.self)
      if text.contains("\"traceEvents\"") || text.contains("\"ph\"") { return .torchTrace }
      throw unrecognised("JSON without \"traceEvents\" (not a Chrome trace)")
    }
    let bytes = Array(head.prefix(1 << 16))
    if TextLines.firstLine(in: bytes, where: NCUReader.isHeader) != nil {
      if let h = TextLines.firstLine(in: bytes, where: NCUReader.isHeader),
        let line = TextLines.lines(bytes, from: h.offset, firstLine: h.line).first,
        line.text.contains("\"Metric Name\"")
      {
        return .ncuMetricRows
      }
      return .ncuRawPage
    }
    if TextLines.firstLine(in: bytes, where: NsysKernelReader.isKernelSummaryCSVHeader) != nil {
      return .nsysKernelSummaryCSV
    }
    if TextLines.firstLine(in: bytes, where: NsysKernelReader.isTraceCSVHeader) != nil { return .nsysGPUTraceCSV }
    if TextLines.firstLine(in: bytes, where: NsysKernelReader.isKernelSummaryTextHeader) != nil {
      return .nsysKernelSummaryText
    }
    if TextLines.firstLine(in: bytes, where: NsysKernelReader.isTraceTextHeader) != nil { return .nsysGPUTraceText }
    if TextLines.firstLine(in: bytes, where: { NsysExtras.isRangeCSVHeader($0) || NsysExtras.isAPICSVHeader($0) })
      != nil
    {
      return .nsysStatsCSV
    }
    let first =
      TextLines.firstLine(in: bytes, limit: 50) { !$0.trimmingSpaces.isEmpty }
      .flatMap { TextLines.lines(bytes, from: $0.offset, firstLine: $0.line).first?.text } ?? ""
    return try { throw unrecognised(first.isEmpty ? "the file is empty" : "it starts '\(first.prefix(80))'") }()
  }

  private static func unrecognised(_ what: String) -> KernelInputError {
    KernelInputError(
      "not a kernel file ProfileMate reads: \(what); expected one of: "
        + KernelSourceKind.allCases.map(\.description).joined(separator: "; "))
  }
}
