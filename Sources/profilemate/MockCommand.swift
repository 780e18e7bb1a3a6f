import ArgumentParser
import Dispatch
import Foundation
import MockEngine
import MockServer
import ProfileMateApp

/// `profilemate mock`: a GPU-free stand-in for `vllm serve`.
struct MockCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mock",
    abstract: "Serve a GPU-free stand-in for vLLM (OpenAI API, /metrics, vLLM-format log) on loopback.",
    discussion: """
      The engine is a model of vLLM V1's scheduler (token budget, chunked prefill, sequence cap, KV blocks, \
      recompute preemption) whose steps take base + prefill×context tokens + decode×generation tokens ms. \
      Every request generates max_tokens tokens (as with ignore_eos). Text prompts count one token per \
      started 4 bytes. The log goes to standard output unless --log-file is given. See docs/mock.md.
      """
  )

  @Option(help: "Address to listen on (loopback only).") var host = "127.0.0.1"
  @Option(help: "Port (0: any free port; the log's 'Starting vLLM server on' line names it).") var port = 8000
  @Option(name: .customLong("served-model-name"), help: "Model name served.") var model = "mock"
  @Option(help: "Most requests in the running batch.") var maxNumSeqs = 256
  @Option(help: "Token budget of one step.") var maxNumBatchedTokens = 2048
  @Flag(inversion: .prefixedEnableDisable, help: "Split long prompts over steps.") var chunkedPrefill = true
  @Option(help: "Tokens per KV block.") var blockSize = 16
  @Option(name: .customLong("num-gpu-blocks-override"), help: "KV blocks in the pool.") var numBlocks = 4096
  @Option(help: "Longest prompt + output of a request.") var maxModelLen = 4096
  @Option(help: "Fixed cost of a step (ms).") var stepBaseMs = 5.0
  @Option(help: "Cost of one prefill token (ms).") var stepPrefillMs = 0.02
  @Option(help: "Cost of one decode token (ms).") var stepDecodeMs = 0.05
  @Option(help: "Fit the step-time model to this vLLM log's iteration lines (replaces the --step-* values).")
  var fitLog: String?
  @Option(help: "Write the server log here (appended) instead of standard output.") var logFile: String?
  @Flag(help: "Write an iteration line per engine step.") var enableLoggingIterationDetails = false
  @Option(help: "Seconds between stats lines.") var logStatsInterval = 10.0
  @Option(help: "Stop after this many seconds (default: run until interrupted).") var exitAfter: Double?

  func run() async throws {
    var o = MockServerOptions()
    o.host = host
    o.port = port
    o.model = model
    o.engine = EngineConfig(
      maxNumSeqs: maxNumSeqs, maxNumBatchedTokens: maxNumBatchedTokens, chunkedPrefill: chunkedPrefill,
      blockSize: blockSize, numBlocks: numBlocks, maxModelLen: maxModelLen)
    o.timeModel = StepTimeModel(baseMs: stepBaseMs, prefillTokenMs: stepPrefillMs, decodeTokenMs: stepDecodeMs)
    if let fitLog {
      let samples: [StepTimeModel.Sample]
      do { samples = try Self.iterationSamples(fitLog) } catch { throw AppError("\(error)", exitCode: 2) }
      guard let fitted = StepTimeModel.fit(samples) else {
        throw AppError(
          "\(fitLog): \(samples.count) iteration lines, not enough to fit a step-time model (start vLLM with "
            + "--enable-logging-iteration-details, and load it with prefill and decode)", exitCode: 2)
      }
      o.timeModel = fitted
      writeStandardError(
        "profilemate mock: step time fitted to \(samples.count) iteration lines of \(fitLog): "
          + "\(VLLMLogFormat.fixed(fitted.baseMs, 3)) ms + \(VLLMLogFormat.fixed(fitted.prefillTokenMs, 5)) ms × context "
          + "tokens + \(VLLMLogFormat.fixed(fitted.decodeTokenMs, 5)) ms × generation tokens\n")
    }
    o.logPath = logFile
    o.iterationLines = enableLoggingIterationDetails
    o.statsInterval = logStatsInterval
    if let exitAfter, !(exitAfter.isFinite && exitAfter > 0 && exitAfter <= 1e7) {
      throw AppError("--exit-after must be a positive number of seconds", exitCode: 2)
    }
    let server: MockServer
    do {
      server = try await MockServer.start(o)
    } catch {
      throw AppError(error.description, exitCode: 2)
    }
    await Self.waitForSignalOrTimeout(exitAfter ?? 1e7)
    await server.stop()
  }

  /// Returns after `seconds`, or at SIGINT / SIGTERM (so the server stops cleanly and exits 0).
  static func waitForSignalOrTimeout(_ seconds: Double) async {
    let fired = SignalFlag()
    let queue = DispatchQueue(label: "profilemate.mock.signals")
    var sources: [DispatchSourceSignal] = []
    for s in [SIGINT, SIGTERM] {
      signal(s, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: s, queue: queue)
      source.setEventHandler { fired.set() }
      source.resume()
      sources.append(source)
    }
    let deadline = Date().addingTimeInterval(seconds)
    while !fired.isSet, Date() < deadline {
      try? await Task.sleep(nanoseconds: 50_000_000)
    }
    for source in sources { source.cancel() }
  }
}

/// A flag set from a signal handler's queue and read by the waiting task.
final class SignalFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  func set() { lock.withLock { value = true } }
  var isSet: Bool { lock.withLock { value } }
}
