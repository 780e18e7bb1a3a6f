import Foundation
import ProfileMateIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Set by SIGINT/SIGTERM while an experiment runs.
nonisolated(unsafe) private var interruptFlag: sig_atomic_t = 0

/// Runs an ``ExperimentPlan``: for each repetition and variant it starts the server (own process group,
/// output to `server.log`), waits for `/health`, records `/metrics` with `profilemate watch --record`,
/// drives `profilemate load`, stops the server, and writes `run.json`; then compares every variant with the
/// first (`profilemate compare`) into `comparison.txt` and `comparison.json`. Ctrl-C stops the server in
/// flight and keeps what was recorded.
public struct ExperimentRunner {
  /// The plan.
  public let plan: ExperimentPlan
  /// The output directory.
  public let out: String
  /// The `profilemate` binary to run `load`, `watch` and `compare` with.
  public let binary: String
  /// Where progress lines go.
  public let say: (String) -> Void

  /// Creates a runner.
  public init(plan: ExperimentPlan, out: String, binary: String, say: @escaping (String) -> Void) {
    self.plan = plan
    self.out = out
    self.binary = binary
    self.say = say
  }

  /// The `profilemate` binary running now.
  public static func currentBinary() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }

  /// Runs everything. Returns the run directories written.
  /// - Throws: ``ExperimentError`` when a server does not become healthy, a child cannot start, or the run
  ///   was interrupted (what was recorded stays).
  public func run() throws(ExperimentError) -> [String] {
    interruptFlag = 0
    signal(SIGINT) { _ in interruptFlag = 1 }
    signal(SIGTERM) { _ in interruptFlag = 1 }
    defer {
      signal(SIGINT, SIG_DFL)
      signal(SIGTERM, SIG_DFL)
    }
    var dirs: [String] = []
    for repetition in 1...plan.repeatCount {
      for variant in plan.variants {
        let dir = plan.runDirectory(out, variant: variant, repetition: repetition)
        say("experiment: \(variant.name) repetition \(repetition) → \(dir)")
        try runOne(variant, repetition: repetition, dir: dir)
        dirs.append(dir)
        if interruptFlag != 0 { throw ExperimentError("interrupted; recorded so far: \(dirs.joined(separator: ", "))") }
      }
    }
    try compare()
    return dirs
  }

  private func runOne(_ variant: ExperimentPlan.Variant, repetition: Int, dir: String) throws(ExperimentError) {
    do { try AtomicFile.makeDirectory(dir) } catch { throw ExperimentError("\(dir): cannot create the directory") }
    let command = plan.command + variant.args
    let env = plan.env.merging(variant.env) { $1 }
    let started = Date()
    let server = try ChildProcess.spawn(command, env: env, output: dir + "/server.log")
    var serverStatus: Int32?
    var loadStatus: Int32?
    defer {
      serverStatus = server.stop()
      writeRunJSON(
        dir, variant: variant, repetition: repetition, command: command, env: env, started: started,
        serverStatus: serverStatus, loadStatus: loadStatus)
    }
    let deadline = ChildProcess.now() + plan.healthTimeout
    var healthy = false
    while ChildProcess.now() < deadline, interruptFlag == 0 {
      if HealthProbe.ok(host: plan.host, port: plan.port) {
        healthy = true
        break
      }
      if let s = server.exitStatus() {
        throw ExperimentError(
          "\(variant.name): the server exited with status \(s) during start-up (see \(dir)/server.log)")
      }
      usleep(250_000)
    }
    if interruptFlag != 0 { return }
    guard healthy else {
      throw ExperimentError("\(variant.name): no /health 200 from \(plan.baseURL) within \(plan.healthTimeout) s")
    }
    let watch = try ChildProcess.spawn(
      [binary, "watch", plan.baseURL, "--record", dir + "/metrics", "--interval", "1", "--plain", "--wait", "10"],
      env: [:], output: dir + "/watch.txt")
    let loadArgs =
      [binary, "load", "--base-url", plan.baseURL] + plan.load + [
        "--save-result", "--save-detailed", "--result-dir", dir, "--result-filename", "bench.json",
      ]
    let load = try ChildProcess.spawn(loadArgs, env: [:], output: dir + "/load.txt")
    loadStatus = load.wait(seconds: 7 * 86_400) { interruptFlag != 0 }
    if loadStatus == nil { loadStatus = load.stop(signal: SIGINT, grace: 10) }
    // One more scrape interval after the load, then the watch ends with its summary.
    usleep(1_500_000)
    watch.stop(signal: SIGINT, grace: 10)
  }

  private func writeRunJSON(
    _ dir: String, variant: ExperimentPlan.Variant, repetition: Int, command: [String], env: [String: String],
    started: Date, serverStatus: Int32?, loadStatus: Int32?
  ) {
    // Environment names only: values may be secrets.
    let object: [String: Any] = [
      "generator": "profilemate experiment", "variant": variant.name, "repetition": repetition,
      "server_command": command, "server_env_names": env.keys.sorted(), "base_url": plan.baseURL,
      "load_args": plan.load, "started_utc": ISO8601DateFormatter().string(from: started),
      "ended_utc": ISO8601DateFormatter().string(from: Date()),
      "server_exit_status": serverStatus.map { Int($0) } ?? NSNull(),
      "load_exit_status": loadStatus.map { Int($0) } ?? NSNull(),
    ]
    if let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]) {
      try? AtomicFile.write([UInt8](data) + [10], to: dir + "/run.json")
    }
  }

  /// Compares every variant (first repetition) with the first variant.
  private func compare() throws(ExperimentError) {
    guard plan.variants.count > 1 else { return }
    let base = plan.variants[0]
    var text = ""
    var json = "["
    for (i, v) in plan.variants.dropFirst().enumerated() {
      for repetition in 1...plan.repeatCount {
        let a = plan.runDirectory(out, variant: base, repetition: repetition)
        let b = plan.runDirectory(out, variant: v, repetition: repetition)
        let t = out + "/.compare-\(v.name)-\(repetition).txt"
        let j = out + "/.compare-\(v.name)-\(repetition).json"
        _ = try ChildProcess.spawn([binary, "compare", a, b, "-o", t, "--quiet"], env: [:], output: "/dev/null")
          .wait(seconds: 600)
        _ = try ChildProcess.spawn(
          [binary, "compare", a, b, "--json", "-o", j, "--quiet"], env: [:], output: "/dev/null"
        )
        .wait(seconds: 600)
        text += "=== \(v.name) vs \(base.name), repetition \(repetition) ===\n"
        text +=
          ((try? String(contentsOfFile: t, encoding: .utf8)) ?? "(no comparison: see the run directories)\n") + "\n"
        let body = (try? String(contentsOfFile: j, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        json += (i > 0 || repetition > 1 ? ",\n" : "\n")
        json += "{\"a\": \(quoted(base.name)), \"b\": \(quoted(v.name)), \"repetition\": \(repetition), "
        json += "\"comparison\": \(body ?? "null")}"
        unlink(t)
        unlink(j)
      }
    }
    json += "\n]\n"
    do {
      try AtomicFile.write(text, to: out + "/comparison.txt")
      try AtomicFile.write(json, to: out + "/comparison.json")
    } catch {
      throw ExperimentError("\(out): cannot write the comparison")
    }
  }

  private func quoted(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
