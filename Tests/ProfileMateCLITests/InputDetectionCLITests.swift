import Foundation
import Testing

/// Inputs are read by what they hold, not by their name or first byte: a JSON log given to `compare` or
/// `report --baseline` is a log (it used to be taken for a saved report because it starts with `{`), and `cudagraph`
/// and `kv --log` read run directories like `analyze` does.
@Suite struct InputDetectionCLITests {
  static var sharedFixtures: Bool { FileManager.default.fileExists(atPath: packageRoot + "/../shared/fixtures") }
  static let run1 = packageRoot + "/../shared/fixtures/vllm-cpu/run1-info-2048"

  /// The JSON-formatter form of a text log, record by record (`asctime`, `levelname`, `name`, `processName`,
  /// `process`, `message`, as vLLM's `--logging-config` JSON formatter writes them); other lines stay as they are.
  static func jsonForm(of text: String) throws -> String {
    let record =
      /^(?:\((\S+) pid=(\d+)\) )?(DEBUG|INFO|WARNING|ERROR|CRITICAL) (\d\d-\d\d \d\d:\d\d:\d\d) \[[^\]]+\] ?(.*)$/
    var out: [String] = []
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
      .dropLast()
    {
      guard let m = try record.wholeMatch(in: String(line)) else {
        out.append(String(line))
        continue
      }
      var object: [String: Any] = [
        "asctime": "2026-\(m.4.prefix(5)) \(m.4.suffix(8)),123", "levelname": String(m.3), "name": "vllm.x",
        "message": String(m.5),
      ]
      if let process = m.1, let pid = m.2 {
        object["processName"] = String(process)
        object["process"] = Int(pid)
      }
      out.append(
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// A JSON log whose first line is a JSON record (a log that starts with `{`, as the formatter's logs do).
  static func jsonLog(in dir: String) throws -> String {
    let text = try String(contentsOfFile: run1 + "/server.log", encoding: .utf8)
    let json = try jsonForm(of: text).split(separator: "\n").filter { $0.hasPrefix("{") }.joined(separator: "\n")
    let path = dir + "/server.json.log"
    try (json + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test(.enabled(if: sharedFixtures, "needs ../shared/fixtures"))
  func compareReadsAJSONLogAsALog() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let json = try Self.jsonLog(in: dir)
    let r = try run(["compare", Self.run1 + "/server.log", json, "--json", "--quiet", "--resamples", "200"])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    // The same run on both sides: no configuration differences.
    let differences = try #require(object["config_differences"] as? [Any])
    #expect(differences.isEmpty, "\(differences)")
    // As A, too (it used to be read as a saved report: "no schema_version").
    let back = try run(["compare", json, Self.run1 + "/server.log", "--quiet", "--resamples", "200"])
    #expect(back.status == 0, "\(back.stderr)")
  }

  @Test(.enabled(if: sharedFixtures, "needs ../shared/fixtures"))
  func reportBaselineReadsAJSONLogAsALog() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let json = try Self.jsonLog(in: dir)
    let html = dir + "/r.html"
    let r = try run([
      "report", Self.run1 + "/server.log", "-o", html, "--baseline", json, "--quiet", "--resamples", "200",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: html))
  }

  @Test(.enabled(if: sharedFixtures, "needs ../shared/fixtures"))
  func aScrapeGivenAsALogSaysWhatItIs() throws {
    let scrape = Self.run1 + "/metrics-after-load.prom"
    let r = try run(["compare", scrape, Self.run1 + "/server.log", "--quiet"])
    #expect(r.status == 2)
    #expect(
      r.stderr == "profilemate: \(scrape): a /metrics scrape, which `compare` does not read (it reads a vLLM "
        + "server log, a vLLM JSON log, a saved `profilemate analyze --json` report, a run directory)\n")
  }

  @Test(.enabled(if: sharedFixtures, "needs ../shared/fixtures"))
  func cudagraphAndKVReadRunDirectories() throws {
    let cg = try run(["cudagraph", Self.run1, "--quiet"])
    #expect(cg.status == 0, "\(cg.stderr)")
    #expect(cg.stdout.hasPrefix("CUDA graphs — \(Self.run1)\n"))
    let config = packageRoot + "/../shared/fixtures/vllm-cpu/tiny-llama-config.json"
    let kv = try run(["kv", config, "--gpu", "H100", "--log", Self.run1])
    #expect(kv.status == 0, "\(kv.stderr)")
    #expect(kv.stdout.contains("Observed in \(Self.run1)\n"))
  }

  @Test func cudagraphRefusesANonVLLMLog() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/notes.txt"
    try "one\ntwo\nthree\n".write(toFile: path, atomically: true, encoding: .utf8)
    let r = try run(["cudagraph", path, "--quiet"])
    #expect(r.status == 2)
    #expect(
      r.stderr
        == "profilemate: \(path): none of its 3 line(s) is a vLLM server log line (expected a log of `vllm serve`)\n")
  }

  @Test func formatOptionAndItsAliases() throws {
    let log = packageRoot + "/examples/vllm-cpu-0.32-run1/server.log"
    let viaFormat = try run(["analyze", log, "--format", "json", "--quiet"])
    let viaFlag = try run(["analyze", log, "--json", "--quiet"])
    #expect(viaFormat.status == 0 && viaFlag.status == 0)
    #expect(viaFormat.stdout == viaFlag.stdout)
    let clash = try run(["analyze", log, "--format", "markdown", "--json"])
    #expect(clash.status == 2)
    #expect(clash.stderr.contains("--format markdown and --json exclude each other."))
    let unsupported = try run(["compare", log, log, "--format", "html"])
    #expect(unsupported.status == 2)
    #expect(unsupported.stderr.contains("--format html is not available here; expected text, json."))
    let html = try run(["analyze", log, "--format", "html", "--quiet"])
    #expect(html.status == 0, "\(html.stderr)")
    #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
  }
}

/// `report` takes the model and GPU `analyze` takes, and says plainly that it reads one input.
@Suite struct ReportOptionsCLITests {
  @Test func modelNeedsAGPUAndOneInputIsRead() throws {
    let log = packageRoot + "/examples/vllm-cpu-0.32-run1/server.log"
    let config = packageRoot + "/examples/vllm-cpu-0.32-run1/config.json"
    let noGPU = try run(["report", log, "-o", "/dev/null", "--model", config])
    #expect(noGPU.status == 2)
    #expect(noGPU.stderr.contains("--model needs --gpu NAME for the roofline."))
    let two = try run(["report", log, log, "-o", "/dev/null"])
    #expect(two.status == 2)
    #expect(two.stderr.contains("one log or run directory per report (got 2)"))
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let ok = try run(["report", log, "-o", dir + "/r.html", "--model", config, "--gpu", "H100", "--quiet"])
    #expect(ok.status == 0, "\(ok.stderr)")
  }
}
