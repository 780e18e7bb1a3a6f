import ProfileMateCore

/// `compare A B` and `report --baseline B`: each side read by content (a log, a JSON log, a run directory, a saved
/// report) into comparison figures, then compared.
public enum Comparing {
  /// B against A.
  public static func compare(
    _ a: String, _ b: String, settings: BootstrapSettings, threads: Int? = nil, progress: RunInput.Progress? = nil
  ) throws -> RunComparison {
    let summaryA = try RunInput.summary(
      path: a, settings: settings, command: "compare", threads: threads, progress: progress)
    let summaryB = try RunInput.summary(
      path: b, settings: settings, command: "compare", threads: threads, progress: progress)
    return RunComparison.compare(summaryA, summaryB, settings: settings)
  }

  /// An analysed run against the baseline at `path`.
  public static func against(
    baseline path: String, _ run: RunAnalysis, settings: BootstrapSettings, threads: Int? = nil,
    progress: RunInput.Progress? = nil
  ) throws -> RunComparison {
    let a = try RunInput.summary(
      path: path, settings: settings, command: "report --baseline", threads: threads, progress: progress)
    let b = RunSummary(run, sampleLimit: settings.sampleLimit, seed: settings.seed)
    return RunComparison.compare(a, b, settings: settings)
  }
}
