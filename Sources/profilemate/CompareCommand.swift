import ArgumentParser
import ProfileMateApp
import ProfileMateCore
import Render

/// `profilemate compare A B`: run B against run A, with bootstrap intervals and a CI gate.
struct CompareCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare two runs (logs, run directories or saved `analyze --json` reports): B against A.",
    discussion: """
      Configuration differences first, then throughput, step time per kind (p50/p99), KV peak, padding \
      overhead and preemptions; for run directories also the benchmark's request throughput, failures and \
      TTFT / TPOT / inter-token / end-to-end p50 and p99, and each side's cross-check status (a saved \
      report of a run directory keeps them). Step-time medians and 99th percentiles get percentile-bootstrap \
      95 % intervals of B − A (logs only: a saved report holds no single steps), as do TTFT and inter-token \
      medians and p99s with the benchmark's per-request data (--save-detailed; not in a saved report), so \
      each is called better, worse or no significant change. \
      Each side is read by its content: a text or JSON log, a run directory or a saved report. \
      Method and JSON: docs/compare.md.

      --fail-on RULE (repeatable) makes a CI gate: METRIC>VALUE or METRIC<VALUE, VALUE in the metric's \
      unit or with % relative to A, e.g. --fail-on 'decode.p99_ms>+5%' --fail-on 'throughput<-3%' \
      --fail-on 'ttft.p99_ms>+10%'. \
      Exit 1 when a rule fires (the reason on one line on standard error), 0 otherwise, 2 for bad input.
      """
  )

  @Argument(help: "Run A (the baseline): a log, a run directory or a saved `analyze --json` report.")
  var a: String

  @Argument(help: "Run B (the candidate): a log, a run directory or a saved `analyze --json` report.")
  var b: String

  @OptionGroup var format: FormatOptions

  @Option(
    name: .customLong("fail-on"),
    help: ArgumentHelp("Exit 1 when this rule fires, e.g. 'decode.p99_ms>+5%' (repeatable).", valueName: "rule"))
  var failOn: [String] = []

  @OptionGroup var output: OutputOptions

  @OptionGroup var comparison: ComparisonOptions

  @OptionGroup var color: ColorOptions

  @OptionGroup var read: ReadOptions

  func validate() throws {
    _ = try format.resolve(allowed: [.text, .json])
    for rule in failOn {
      do {
        _ = try GateRule(parsing: rule)
      } catch {
        throw ValidationError("--fail-on: \(error.description)")
      }
    }
  }

  func run() async throws {
    let result = try read.withProgress {
      try Comparing.compare(a, b, settings: comparison.settings, threads: read.threads, progress: $0)
    }
    var outcomes: [GateRule.Outcome] = []
    var gateError: String?  // reported after the comparison is written, so it is not lost
    do {
      for text in failOn { outcomes.append(try GateRule(parsing: text).evaluate(result)) }
    } catch {
      gateError = error.description
    }
    let report: String
    if try format.resolve(allowed: [.text, .json]) == .json {
      report = CompareReport.json(result, toolVersion: ProfileMate.version, gate: outcomes)
    } else {
      let terminal = output.output == nil && ColorOptions.standardOutputIsTerminal
      report = CompareReport.text(result, style: TextStyle(color: color.enabled(terminal: terminal)))
    }
    try OutputFiles.emit(report, to: output.output)
    if let gateError { throw AppError("--fail-on: \(gateError)") }
    let fired = outcomes.filter(\.fired)
    if !fired.isEmpty {
      throw AppError("--fail-on: " + fired.map(\.message).joined(separator: "; "), exitCode: 1)
    }
  }
}
