import ArgumentParser
import Foundation
import LoadClient
import LoadGen
import MetricsFetch
import ProfileMateApp
import ProfileMateIO

/// `profilemate load`: an open-loop load generator with `vllm bench serve`'s option names.
struct LoadCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "load",
    abstract: "Load an OpenAI-compatible server like 'vllm bench serve' and vouch for the figures (self-check).",
    discussion: """
      Streams every request (SSE) over keep-alive HTTP/1.1 connections on loopback (http only for now), sends \
      token-id prompts for the random dataset so prompt lengths are exact, and counts tokens from the server's \
      usage (per chunk). --save-result writes bench.json in vllm bench serve's schema plus a self_check object, \
      and requests.jsonl beside it. See docs/load.md.

      Exit codes: 0 done; 1 --strict and the self-check says degraded; 2 unusable arguments or no server.
      """
  )

  @Option(help: "Server base URL (loopback only).") var baseURL: String?
  @Option(help: "Server host, when --base-url is not given.") var host = "127.0.0.1"
  @Option(help: "Server port, when --base-url is not given.") var port = 8000
  @Option(help: "API path: /v1/completions or /v1/chat/completions.") var endpoint = "/v1/completions"
  @Option(help: "Label of the backend in the result (vllm, openai, openai-chat).") var backend = "vllm"
  @Option(help: "Model name to request.") var model: String
  @Option(help: "Dataset: random (others are not supported yet).") var datasetName = "random"
  @Option(help: "Prompt length of the random dataset.") var randomInputLen = 1024
  @Option(help: "Output length (max_tokens) of the random dataset.") var randomOutputLen = 128
  @Option(help: "Lengths vary uniformly by ± this fraction.") var randomRangeRatio = 0.0
  @Option(help: "Shared prefix tokens before each random prompt.") var randomPrefixLen = 0
  @Option(help: "Token ids of random prompts are drawn below this (and from 4 up).") var vocabSize = 8192
  @Option(help: "Number of requests.") var numPrompts = 1000
  @Option(help: "Requests per second (Poisson, or gamma with --burstiness), or inf.") var requestRate = "inf"
  @Option(help: "Gamma shape of the arrival gaps (1 = Poisson).") var burstiness = 1.0
  @Option(help: "Most requests in flight at once.") var maxConcurrency: Int?
  @Option(help: "Seed of the workload and the arrivals.") var seed: UInt64 = 0
  @Flag(help: "Ask the server to ignore EOS (every request generates max_tokens).") var ignoreEos = false
  @Option(parsing: .upToNextOption, help: "SLOs for goodput: ttft:MS tpot:MS e2el:MS.") var goodput: [String] = []
  @Option(help: "Comma-separated metrics to report percentiles of (ttft,tpot,itl,e2el).")
  var percentileMetrics = "ttft,tpot,itl"
  @Option(help: "Comma-separated percentiles.") var metricPercentiles = "99"
  @Flag(help: "Write the result JSON (bench.json schema) and requests.jsonl.") var saveResult = false
  @Flag(help: "Put per-request arrays in the result.") var saveDetailed = false
  @Option(help: "Directory for the result.") var resultDir: String?
  @Option(help: "File name of the result.") var resultFilename: String?
  @Option(help: "Label written to the result.") var label: String?
  @Option(name: .customLong("header"), help: "Extra request header KEY=VALUE (repeatable; never printed).")
  var headers: [String] = []
  @Option(help: "Give up on requests still running after this many seconds.") var timeout = 3600.0
  @Flag(help: "Exit 1 when the self-check says degraded.") var strict = false
  @Option(help: "Record the server's /metrics during the run into this directory (watch --record's layout).")
  var scrape: String?
  @Option(help: "Seconds between --scrape scrapes.") var scrapeInterval = 2.0
  @Option(help: "Replay this timed trace (JSON Lines: t, input_len | prompt_token_ids | prompt, output_len).")
  var trace: String?

  func run() async throws {
    var job = LoadJob()
    do {
      (job.host, job.port) = try Self.hostPort(baseURL: baseURL, host: host, port: port)
    } catch {
      throw AppError(error.description, exitCode: 2)
    }
    guard datasetName == "random" else {
      throw AppError("--dataset-name \(datasetName) is not supported yet (only random)", exitCode: 2)
    }
    guard endpoint == "/v1/completions" || endpoint == "/v1/chat/completions" else {
      throw AppError("--endpoint must be /v1/completions or /v1/chat/completions", exitCode: 2)
    }
    var s = LoadSettings()
    s.backend = backend
    s.model = model
    s.endpoint = endpoint
    s.numPrompts = numPrompts
    guard let rate = requestRate == "inf" ? Double.infinity : Double(requestRate) else {
      throw AppError("--request-rate must be a number or inf, got \(requestRate)", exitCode: 2)
    }
    s.requestRate = rate
    s.burstiness = burstiness
    s.maxConcurrency = maxConcurrency
    s.percentileMetrics = percentileMetrics.split(separator: ",").map {
      String($0).trimmingCharacters(in: .whitespaces)
    }
    let percentiles = metricPercentiles.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard percentiles.allSatisfy({ $0 != nil }) else {
      throw AppError("--metric-percentiles must be numbers, got \(metricPercentiles)", exitCode: 2)
    }
    s.metricPercentiles = percentiles.compactMap { $0 }
    s.saveDetailed = saveDetailed
    s.label = label
    do { s.goodput = try LoadSettings.parseGoodput(goodput) } catch {
      throw AppError(error.description, exitCode: 2)
    }
    job.settings = s
    job.inputLen = randomInputLen
    job.outputLen = randomOutputLen
    job.rangeRatio = randomRangeRatio
    job.prefixLen = randomPrefixLen
    job.vocabSize = vocabSize
    job.seed = seed
    job.ignoreEOS = ignoreEos
    job.timeout = timeout
    for h in headers {
      guard let eq = h.firstIndex(of: "="), eq != h.startIndex else {
        throw AppError("--header must be KEY=VALUE", exitCode: 2)
      }
      job.headers.append((String(h[..<eq]), String(h[h.index(after: eq)...])))
    }
    if let trace {
      guard let data = FileManager.default.contents(atPath: trace) else {
        throw AppError("\(trace): cannot read the trace", exitCode: 2)
      }
      var random = SeededRandom(seed: seed)
      do {
        let parsed = try TraceFile.parse(
          data, source: trace, vocabSize: vocabSize, chat: endpoint.hasSuffix("/chat/completions"), random: &random)
        job.trace = parsed
        // The result's num_prompts and request rate are the trace's own (its scheduled rate).
        job.settings.numPrompts = parsed.requests.count
        if let first = parsed.offsets.first, let last = parsed.offsets.last, last > first {
          job.settings.requestRate = Double(parsed.offsets.count - 1) / (last - first)
        } else {
          job.settings.requestRate = .infinity
        }
      } catch {
        throw AppError(error.description, exitCode: 2)
      }
    }
    if let problem = job.problem { throw AppError(problem, exitCode: 2) }

    let tty = isatty(2) != 0
    var progress: (@Sendable (LoadRunner.Progress) -> Void)?
    if tty { progress = Self.drawProgress }
    guard scrapeInterval >= 0.1, scrapeInterval <= 3600 else {
      throw AppError("--scrape-interval must be 0.1…3600 seconds", exitCode: 2)
    }
    let stop = PeriodicRecorder.Stop()
    let recorder: Task<Int, Error>? = try scrape.map { dir in
      let endpoint = try MetricsEndpoint(
        "http://\(job.host.contains(":") ? "[\(job.host)]" : job.host):\(job.port)/metrics")
      let fetcher = MetricsFetcher(endpoint: endpoint, timeout: 10)
      let interval = scrapeInterval
      return Task { try await PeriodicRecorder.run(fetcher: fetcher, directory: dir, interval: interval, stop: stop) }
    }
    let report: BenchReport
    do {
      report = try await job.run(progress: progress)
    } catch {
      stop()
      _ = try? await recorder?.value
      throw AppError(error.description, exitCode: 2)
    }
    if let recorder, let dir = scrape {
      stop()
      do {
        let n = try await recorder.value
        writeStandardError("recorded \(n) scrapes of /metrics in \(dir)\n")
      } catch {
        throw AppError("\(dir): \(error)", exitCode: 2)
      }
    }
    if tty { writeStandardError("\r\u{1B}[K") }
    if report.completed == 0, let first = report.records.first(where: { !$0.error.isEmpty }) {
      writeStandardOutput(report.summary())
      throw AppError("no request completed; first error: \(first.error)", exitCode: 2)
    }
    writeStandardOutput(report.summary())
    if saveResult {
      let date = Self.dateStamp()
      let rateText = rate.isFinite ? "\(rate)" : "inf"
      let concurrency = maxConcurrency.map { "-concurrency\($0)" } ?? ""
      let name =
        resultFilename
        ?? "\(backend)-\(rateText)qps\(concurrency)-\(model.split(separator: "/").last ?? "")-\(date).json"
      let dir = resultDir ?? "."
      let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
      let jsonl = (path.hasSuffix(".json") ? String(path.dropLast(5)) : path) + ".requests.jsonl"
      do {
        if resultDir != nil { try AtomicFile.makeDirectory(dir) }
        try AtomicFile.write(report.benchJSON(date: date), to: path)
        try AtomicFile.write(report.requestsJSONL(), to: jsonl)
      } catch {
        throw AppError("\(path): cannot write the result (\(error))", exitCode: 2)
      }
      writeStandardError("wrote \(path) and \(jsonl)\n")
    }
    if strict && report.selfCheck.verdict != "ok" {
      throw AppError("self-check: degraded (\(report.selfCheck.reasons.joined(separator: "; ")))", exitCode: 1)
    }
  }

  static func hostPort(baseURL: String?, host: String, port: Int) throws(LoadError) -> (String, Int) {
    guard let baseURL else { return (host, port) }
    guard let url = URL(string: baseURL), let scheme = url.scheme, let h = url.host else {
      throw LoadError("--base-url: cannot read '\(baseURL)' as a URL")
    }
    guard scheme == "http" else {
      throw LoadError("--base-url: only http:// is supported in this version (no TLS), got \(scheme)://")
    }
    let bare = h.hasPrefix("[") ? String(h.dropFirst().dropLast()) : h
    return (bare, url.port ?? 80)
  }

  @Sendable static func drawProgress(_ p: LoadRunner.Progress) {
    writeStandardError("\r\u{1B}[Kload: \(p.started)/\(p.total) started, \(p.finished) finished, \(Int(p.elapsed)) s")
  }

  static func dateStamp() -> String {
    let f = DateFormatter()
    f.dateFormat = "yyyyMMdd-HHmmss"
    f.locale = Locale(identifier: "en_US_POSIX")
    return f.string(from: Date())
  }
}
