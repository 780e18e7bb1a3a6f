import ArgumentParser
import ProfileMateCore

/// `--threshold NAME=VALUE` (repeatable): changes one finding threshold (`profilemate rules` lists them).
struct ThresholdOptions: ParsableArguments {
  @Option(
    name: .customLong("threshold"),
    help: ArgumentHelp(
      "Change a finding threshold, e.g. kv_pressure_pct=95 (repeatable; `profilemate rules` lists them).",
      valueName: "name=value"))
  var assignments: [String] = []

  func validate() throws { _ = try thresholds() }

  /// The defaults with every assignment applied; a bad one is a usage error (exit 2) with its message.
  func thresholds() throws -> FindingThresholds {
    do { return try FindingThresholds.parse(assignments) } catch { throw ValidationError(error.description) }
  }
}
