import ArgumentParser
import ProfileMateCore
import ProfileMateIO
import RunJoin

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

/// Reading the inputs of `analyze`, `report` and `compare`: logs and run directories (analysed) and
/// saved `analyze --json` reports.
enum RunInput {
  /// Reads the log of `path` (a log file, `-`, or a run directory's `server.log`) and, for a run
  /// directory, its other parts; input problems become a one-line failure with exit code 2.
  static func read(path: String, threads: Int?, quiet: Bool) throws -> (RunModel, RunDirectoryInput?) {
    var runDirectory: RunDirectoryInput?
    var logPath = path
    do {
      if path != "-" && RunDirectory.isDirectory(path) {
        let directory = try RunDirectory(path: path)
        logPath = directory.log
        runDirectory = try RunDirectoryInput(directory)
      }
      let progress = ProgressLine(enabled: !quiet && isatty(2) == 1)
      defer { progress.clear() }
      var model = try LogFileReader.read(path: logPath, threads: threads ?? LogFileReader.processorCount) {
        done, total in progress.update(done: done, total: total)
      }
      model.benchmark = runDirectory?.benchmark
      // Lines, and not one a vLLM server writes: the wrong file (an empty one still gives a report).
      if model.coverage.lines > 0 && model.coverage.recognized == 0 {
        throw CommandFailure(
          "\(logPath): none of its \(model.coverage.lines) line(s) is a vLLM server log line "
            + "(expected a log of `vllm serve`)", exitCode: 2)
      }
      return (model, runDirectory)
    } catch let error as InputError {
      throw CommandFailure(error.description, exitCode: error.exitCode)
    }
  }

  /// Analyses a model read by ``read(path:threads:quiet:)``, joining a run directory's other parts.
  static func analyze(_ model: RunModel, _ runDirectory: RunDirectoryInput?, options: AnalysisOptions) -> RunAnalysis {
    var analysis = RunAnalysis.analyze(model, options: options)
    if let runDirectory {
      RunJoin.join(&analysis, sources: runDirectory.sources, metrics: runDirectory.metrics)
    }
    return analysis
  }

  /// Reads and analyses a log or a run directory.
  static func analyze(path: String, gpu: GPUSpec?, threads: Int?, quiet: Bool) throws -> RunAnalysis {
    let (model, runDirectory) = try read(path: path, threads: threads, quiet: quiet)
    return analyze(model, runDirectory, options: AnalysisOptions(gpu: gpu))
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
