import ProfileMateCore
import ProfileMateIO
import RunJoin

/// Reading what `analyze`, `report`, `compare`, `cudagraph` and `kv --log` are given: logs (text or JSON, plain
/// or gzip, standard input), run directories and saved `analyze --json` reports — one path for every command.
public enum RunInput {
  /// Progress of a long read: bytes read so far and the file's size.
  public typealias Progress = (Int, Int?) -> Void

  /// Reads the log of `path` (a log file, `-`, or a run directory's `server.log`) and, for a run directory, its
  /// other parts. The content decides what `path` is (``InputDetector``); a run directory's log is read the same
  /// way as a log given directly.
  /// - Parameters:
  ///   - command: the command, for the message when `path` is of a kind it does not read.
  ///   - threads: threads for reading a large file (default: one per processor).
  /// - Throws: ``InputError``, ``BenchResultError``, ``InputDetectionError`` or ``AppError`` (all exit 2): the
  ///   input cannot be read, is of another kind, or holds no vLLM server log line.
  public static func read(
    path: String, command: String, threads: Int? = nil, progress: Progress? = nil
  ) throws -> LoadedRun {
    var runDirectory: RunDirectoryInput?
    var logPath = path
    if try InputDetector.detect(path: path, accepting: InputKind.logs, command: command) == .runDirectory {
      let directory = try RunDirectory(path: path)
      logPath = directory.log
      runDirectory = try RunDirectoryInput(directory)
    }
    var model = try LogFileReader.read(path: logPath, threads: threads ?? LogFileReader.processorCount) {
      done, total in progress?(done, total)
    }
    model.benchmark = runDirectory?.benchmark
    // Lines, and not one a vLLM server writes: the wrong file (an empty one still gives a report).
    if model.coverage.lines > 0 && model.coverage.recognized == 0 {
      throw AppError(
        "\(logPath): none of its \(model.coverage.lines) line(s) is a vLLM server log line "
          + "(expected a log of `vllm serve`)")
    }
    return LoadedRun(model: model, runDirectory: runDirectory, logPath: logPath)
  }

  /// Analyses a loaded run, joining a run directory's other parts.
  public static func analyze(_ run: LoadedRun, options: AnalysisOptions) -> RunAnalysis {
    var analysis = RunAnalysis.analyze(run.model, options: options)
    if let runDirectory = run.runDirectory {
      RunJoin.join(&analysis, sources: runDirectory.sources, metrics: runDirectory.metrics)
    }
    return analysis
  }

  /// The comparison figures of a log, a run directory or a saved `analyze --json` report (decided by content:
  /// a JSON log is read as a log).
  public static func summary(
    path: String, settings: BootstrapSettings, command: String, threads: Int? = nil, progress: Progress? = nil
  ) throws -> RunSummary {
    if try InputDetector.detect(path: path, accepting: InputKind.comparable, command: command) == .savedReport {
      return try SavedReport.read(path: path)
    }
    let run = try read(path: path, command: command, threads: threads, progress: progress)
    let analysis = analyze(run, options: AnalysisOptions())
    return RunSummary(analysis, sampleLimit: settings.sampleLimit, seed: settings.seed)
  }
}
