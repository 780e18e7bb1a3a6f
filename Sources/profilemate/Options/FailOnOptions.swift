import ArgumentParser
import ProfileMateApp
import ProfileMateCore

/// `--fail-on SEVERITY`: exit 1 when a finding of that severity or worse exists.
struct FailOnOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Exit with code 1 when a finding of this severity or worse exists (info, warning, critical).",
      valueName: "severity"))
  var failOn: Severity?

  /// Throws the gate's failure (exit 1) when it fires on `findings`.
  func check(_ findings: [Finding]) throws {
    guard let failOn, let worst = findings.map(\.severity).max(), worst >= failOn else { return }
    throw AppError(
      "--fail-on \(failOn.rawValue): \(findings.filter { $0.severity >= failOn }.count) finding(s) at or above it",
      exitCode: 1)
  }
}

extension Severity: ExpressibleByArgument {}
