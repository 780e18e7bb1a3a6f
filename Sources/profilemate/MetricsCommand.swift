import ArgumentParser
import ProfileMateApp
import Render

/// `profilemate metrics SCRAPE [--since EARLIER]` / `metrics --recording DIR`: what vLLM `/metrics` scrapes say.
struct MetricsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metrics",
    abstract: "Analyse a vLLM /metrics scrape, the window between two, or a recording of many.",
    discussion: """
      One scrape: totals since each engine started, gauges at the scrape, latency quantiles as \
      histogram_quantile computes them. With --since EARLIER: increases and per-second rates between the \
      two scrapes (counter resets handled) and latency quantiles of that window, as Grafana's \
      histogram_quantile(φ, rate(…)) would show them. The window length comes from --seconds, else from \
      an index.tsv beside the files (columns seq, utc, epoch_ms, file, http_code), else from the files' \
      modification times.

      SCRAPE may be a live server: an http(s) URL, or host:port for http://host:port/metrics. With \
      --seconds S and no --since, the server is scraped twice, S seconds apart, and the window reported.

      --recording DIR reads a folder of scrapes with its index.tsv (written by `profilemate watch --record`, \
      or curl in a loop) as a timeline: gauges at every scrape, rates and latency quantiles per interval and \
      for the whole recording. JSON schema: docs/metrics-schema.md.
      """
  )

  @Argument(
    help:
      "The (later) scrape: a path, a .gz file, - for standard input, an http(s) URL / host:port, or a run directory.")
  var input: String?

  @Option(
    help: ArgumentHelp("An earlier scrape of the same server: report the window between them.", valueName: "file"))
  var since: String?

  @Option(
    help: ArgumentHelp(
      "A recording folder (index.tsv plus .prom files): report its timeline.", valueName: "dir"))
  var recording: String?

  @Option(help: ArgumentHelp("Seconds between the two scrapes (overrides index.tsv and file times).", valueName: "s"))
  var seconds: Double?

  @OptionGroup var format: FormatOptions

  @OptionGroup var output: OutputOptions

  @Option(help: ArgumentHelp("Prefill ÷ decode time ratio for the bottleneck finding (default 10).", valueName: "x"))
  var phaseRatio: Double?

  @OptionGroup var failOn: FailOnOptions

  @OptionGroup var color: ColorOptions

  @OptionGroup var http: HTTPOptions

  @OptionGroup var thresholdOptions: ThresholdOptions

  func validate() throws {
    _ = try format.resolve(allowed: [.text, .json])
    if let seconds, !(seconds > 0 && seconds <= 1e6) {
      throw ValidationError("--seconds must be a positive number (at most 1000000).")
    }
    if (input == nil) == (recording == nil) {
      throw ValidationError("give one scrape (a file, - or a URL), or --recording DIR.")
    }
    if recording != nil && since != nil { throw ValidationError("--since does not go with --recording.") }
    if recording != nil && seconds != nil { throw ValidationError("--seconds does not go with --recording.") }
    if seconds != nil && since == nil && !MetricsInput.isLive(input) {
      throw ValidationError("--seconds needs --since (or a URL to scrape twice).")
    }
    if since == "-" && input == "-" { throw ValidationError("only one of the scrapes can be standard input.") }
    if let phaseRatio, !(phaseRatio > 1) { throw ValidationError("--phase-ratio must be greater than 1.") }
    try http.validate()
  }

  func run() async throws {
    var request = MetricsRequest()
    request.input = input
    request.since = since
    request.recording = recording
    request.seconds = seconds
    request.thresholds = try thresholdOptions.thresholds()
    if let phaseRatio { request.thresholds.phaseRatio = phaseRatio }
    request.http = http.settings
    let data = try await MetricsInput.load(request) { writeStandardError("profilemate: \($0)\n") }
    let report =
      try format.resolve(allowed: [.text, .json]) == .json
      ? PromJSONReport.render(data, toolVersion: ProfileMate.version)
      : PromTextReport.render(
        data,
        style: TextStyle(
          color: color.enabled(terminal: output.output == nil && ColorOptions.standardOutputIsTerminal)))
    try OutputFiles.emit(report, to: output.output)
    try failOn.check(data.findings)
  }
}
