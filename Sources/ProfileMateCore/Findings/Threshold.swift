/// One named, documented threshold of ``FindingThresholds``: what `--threshold NAME=VALUE` sets.
public struct Threshold: Sendable {
  /// What a threshold's value counts; it fixes the values it may take.
  public enum Unit: String, Sendable {
    /// A percentage, 0 to 100.
    case percent = "%"
    /// A difference of percentages, 0 to 100.
    case percentagePoints = "percentage points"
    /// A ratio of two like figures, greater than 1.
    case ratio = "×"
    /// Requests, 0 or more.
    case requests
    /// Tokens, 0 or more.
    case tokens
    /// Stats samples or steps, 0 or more.
    case count

    /// The smallest value allowed, and whether it is allowed itself.
    var lower: (value: Double, inclusive: Bool) {
      switch self {
      case .percent, .percentagePoints, .requests, .tokens, .count: return (0, true)
      case .ratio: return (1, false)
      }
    }

    /// The largest value allowed.
    var upper: Double {
      switch self {
      case .percent, .percentagePoints: return 100
      case .ratio, .requests, .tokens, .count: return 1e12
      }
    }

    /// The allowed values in words (`a percentage from 0 to 100`).
    public var range: String {
      switch self {
      case .percent: return "a percentage from 0 to 100"
      case .percentagePoints: return "percentage points from 0 to 100"
      case .ratio: return "a ratio greater than 1"
      case .requests: return "a number of requests, 0 or more"
      case .tokens: return "a number of tokens, 0 or more"
      case .count: return "a count, 0 or more"
      }
    }

    /// Whether `x` is allowed.
    func allows(_ x: Double) -> Bool {
      x.isFinite && (lower.inclusive ? x >= lower.value : x > lower.value) && x <= upper
    }
  }

  /// The stable snake_case name (`kv_pressure_pct`).
  public let name: String
  /// What the value counts.
  public let unit: Unit
  /// One line saying what it decides.
  public let meaning: String
  /// The field it sets.
  public let keyPath: WritableKeyPath<FindingThresholds, Double> & Sendable

  /// Creates a table entry.
  init(
    _ name: String, _ unit: Unit, _ keyPath: WritableKeyPath<FindingThresholds, Double> & Sendable, _ meaning: String
  ) {
    self.name = name
    self.unit = unit
    self.keyPath = keyPath
    self.meaning = meaning
  }

  /// The default value.
  public var defaultValue: Double { FindingThresholds()[keyPath: keyPath] }
}
