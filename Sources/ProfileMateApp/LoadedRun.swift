import ProfileMateCore

/// A log read into the run model, and for a run directory the directory's other parts.
public struct LoadedRun: Sendable {
  /// The run model of the log (with a run directory's benchmark attached).
  public var model: RunModel
  /// The run directory's other parts, when the input was one.
  public var runDirectory: RunDirectoryInput?
  /// The log that was read (a run directory's `server.log`, or the input itself).
  public var logPath: String

  /// Creates a loaded run.
  public init(model: RunModel, runDirectory: RunDirectoryInput?, logPath: String) {
    self.model = model
    self.runDirectory = runDirectory
    self.logPath = logPath
  }
}
