import ProfileMateCore
import ProfileMateIO

extension MockCommand {
  /// The iteration lines of the first engine in the log at `path`, as (context tokens, generation tokens, ms).
  static func iterationSamples(_ path: String) throws -> [(contextTokens: Int, generationTokens: Int, ms: Double)] {
    let model = try LogFileReader.read(path: path)
    guard let engine = model.engines.first(where: { !$0.steps.isEmpty }) else { return [] }
    return engine.steps.filter { !$0.isDummy }.map { ($0.contextTokens, $0.generationTokens, $0.elapsedMs) }
  }
}
