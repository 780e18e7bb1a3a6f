import ArgumentParser
import Foundation
import ProfileMateCore

/// The `profilemate` command: tells people who run vLLM where their GPU time goes.
@main
struct ProfileMate: AsyncParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "profilemate",
    abstract: "Tells you where a vLLM server's GPU time goes and what to change.",
    discussion: """
      Reads what vLLM prints (server logs of V0 0.4 to V1 0.3x, with or without colours, \
      process prefixes or several engines) and reports prefill/decode timing, scheduling, \
      KV-cache pressure, CUDA-graph padding and MFU, with findings that name the flag to change.

      Exit codes: 0 success; 1 a --fail-on rule fired; 2 unusable input or arguments.
      """,
    version: version,
    subcommands: [
      AnalyzeCommand.self, ReportCommand.self, CompareCommand.self, MetricsCommand.self, WatchCommand.self,
      CudaGraphCommand.self, PerfCommand.self, KVCommand.self, RooflineCommand.self, GPUsCommand.self,
      RulesCommand.self,
    ],
    defaultSubcommand: nil
  )

  /// Runs the command. Every failure meant for the user (``UserFacingError``: the modules' and the application
  /// library's errors) becomes one line on standard error and its exit code here, and only here.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let failure as UserFacingError {
      writeStandardError("profilemate: \(failure.message)\n")
      Foundation.exit(failure.exitCode)
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        writeStandardError(fullMessage(for: error) + "\n")
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
