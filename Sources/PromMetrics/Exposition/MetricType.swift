/// The type a `# TYPE` line declares (text format 0.0.4 and OpenMetrics 1.0).
public enum MetricType: String, Sendable, CaseIterable {
  /// A monotonically increasing count (`_total`, `_created`).
  case counter
  /// A value that goes up and down.
  case gauge
  /// Cumulative buckets (`_bucket{le=…}`), `_count`, `_sum`, `_created`.
  case histogram
  /// OpenMetrics gauge histogram (`_bucket`, `_gcount`, `_gsum`).
  case gaugeHistogram = "gaugehistogram"
  /// Pre-computed quantiles (`{quantile=…}`), `_count`, `_sum`, `_created`.
  case summary
  /// OpenMetrics info (`_info`, value 1).
  case info
  /// OpenMetrics state set (one sample per state, 0 or 1).
  case stateSet = "stateset"
  /// No `# TYPE` line, or `untyped` / `unknown`.
  case untyped

  /// Reads a `# TYPE` word; `unknown` (OpenMetrics) is `untyped`.
  init?(word: String) {
    if word == "unknown" {
      self = .untyped
      return
    }
    self.init(rawValue: word)
  }

  /// The name suffixes a sample of this type may carry after the family name.
  func role(ofSuffix suffix: String) -> SampleRole? {
    switch (self, suffix) {
    case (.counter, ""), (.counter, "_total"): return .total
    case (.counter, "_created"), (.histogram, "_created"), (.summary, "_created"): return .created
    case (.histogram, "_bucket"), (.gaugeHistogram, "_bucket"): return .bucket
    case (.histogram, "_count"), (.summary, "_count"), (.gaugeHistogram, "_gcount"): return .count
    case (.histogram, "_sum"), (.summary, "_sum"), (.gaugeHistogram, "_gsum"): return .sum
    case (.summary, ""): return .quantile
    case (.info, "_info"), (.info, ""): return .info
    case (.gauge, ""), (.untyped, ""), (.stateSet, ""): return .value
    default: return nil
    }
  }
}

/// What a sample is within its family.
public enum SampleRole: String, Sendable {
  /// The value of a gauge, state set or untyped metric.
  case value
  /// A counter's value (`x_total`, or `x` when the family name already ends in `_total`).
  case total
  /// The Unix time a counter, histogram or summary series was created (`_created`).
  case created
  /// A cumulative histogram bucket (`_bucket{le=…}`).
  case bucket
  /// Number of observations (`_count`, `_gcount`).
  case count
  /// Sum of observations (`_sum`, `_gsum`).
  case sum
  /// A summary quantile (`{quantile=…}`).
  case quantile
  /// An info metric's sample.
  case info
}
