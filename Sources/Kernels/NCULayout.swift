/// The layout an Nsight Compute CSV was written in.
public enum NCULayout: String, Sendable, Equatable {
  /// One row per (launch, metric): `ncu --csv` with `--metrics` or `--page details` (sections).
  case metricRows = "metric_rows"
  /// One row per launch, one column per metric, a units row under the header: `ncu --csv --page raw`.
  case rawPage = "raw_page"
}
