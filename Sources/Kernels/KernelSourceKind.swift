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
  case nsysStats = "nsys_stats"
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
    case .nsysStats:
      return "Nsight Systems NVTX / CUDA API summaries, CSV or text (nsys stats -r nvtx_sum,cuda_api_sum)"
    case .torchTrace: return "torch-profiler Chrome trace JSON (traceEvents; .json or .json.gz)"
    }
  }

  /// Which tool wrote it: `ncu`, `nsys` or `torch`.
  public var tool: String {
    switch self {
    case .ncuMetricRows, .ncuRawPage: return "ncu"
    case .nsysKernelSummaryCSV, .nsysKernelSummaryText, .nsysGPUTraceCSV, .nsysGPUTraceText, .nsysStats:
      return "nsys"
    case .torchTrace: return "torch"
    }
  }
}
