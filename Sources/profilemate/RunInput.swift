import ArgumentParser
import ProfileMateCore
import ProfileMateIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Options shared by `compare` and `report --baseline`: the bootstrap's settings.
struct ComparisonOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Bootstrap resamples per interval.", valueName: "n"))
  var resamples = BootstrapSettings().resamples

  @Option(help: ArgumentHelp("Seed of the bootstrap's random generator (same seed, same intervals).", valueName: "n"))
  var seed = BootstrapSettings().seed

  @Option(
    help: ArgumentHelp(
      "Most steps of one kind taken from each run for the bootstrap (a uniform random sample beyond).",
      valueName: "n"))
  var sampleLimit = BootstrapSettings().sampleLimit

  func validate() throws {
    if resamples < 100 { throw ValidationError("--resamples must be at least 100.") }
    if sampleLimit < 10 { throw ValidationError("--sample-limit must be at least 10.") }
  }

  var settings: BootstrapSettings {
    BootstrapSettings(resamples: resamples, seed: seed, sampleLimit: sampleLimit)
  }
}

/// Reading the inputs of `report` and `compare`: logs (analysed) and saved `analyze --json` reports.
enum RunInput {
  /// Reads and analyses a log; input problems become a one-line failure with exit code 2.
  static func analyze(path: String, gpu: GPUSpec?, threads: Int?, quiet: Bool) throws -> RunAnalysis {
    let progress = ProgressLine(enabled: !quiet && isatty(2) == 1)
    defer { progress.clear() }
    do {
      let model = try LogFileReader.read(path: path, threads: threads ?? LogFileReader.processorCount) { done, total in
        progress.update(done: done, total: total)
      }
      return RunAnalysis.analyze(model, options: AnalysisOptions(gpu: gpu))
    } catch let error as InputError {
      throw CommandFailure(error.description, exitCode: error.exitCode)
    }
  }

  /// The comparison figures of a log or a saved report.
  static func summary(path: String, settings: BootstrapSettings, threads: Int?, quiet: Bool) throws -> RunSummary {
    if SavedReport.looksLikeJSON(path: path) {
      do {
        return try SavedReport.read(path: path)
      } catch let error as InputError {
        throw CommandFailure(error.description, exitCode: error.exitCode)
      }
    }
    let analysis = try analyze(path: path, gpu: nil, threads: threads, quiet: quiet)
    return RunSummary(analysis, sampleLimit: settings.sampleLimit, seed: settings.seed)
  }

  /// Writes `text` to `output` atomically, or to standard output.
  static func emit(_ text: String, to output: String?) throws {
    do {
      if let output {
        try AtomicFile.write(text, to: output)
      } else {
        print(text, terminator: "")
      }
    } catch let error as InputError {
      throw CommandFailure(error.description, exitCode: error.exitCode)
    }
  }
}
