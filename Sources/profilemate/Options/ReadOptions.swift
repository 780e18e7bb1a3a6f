import ArgumentParser
import ProfileMateApp

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--threads N` and `-q/--quiet`: how a large log is read and whether progress is shown.
struct ReadOptions: ParsableArguments {
  @Flag(name: .shortAndLong, help: "Do not show progress on standard error.")
  var quiet = false

  @Option(
    help: ArgumentHelp(
      "Threads for reading a large log file (default: one per processor; the report does not depend on it).",
      valueName: "n"))
  var threads: Int?

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
  }

  /// A progress line on standard error, unless quiet or standard error is not a terminal.
  func progressLine() -> ProgressLine { ProgressLine(enabled: !quiet && isatty(2) == 1) }

  /// Runs `body` with a progress callback, clearing the line afterwards.
  func withProgress<T>(_ body: (@escaping RunInput.Progress) throws -> T) rethrows -> T {
    let line = progressLine()
    defer { line.clear() }
    return try body { done, total in line.update(done: done, total: total) }
  }
}
