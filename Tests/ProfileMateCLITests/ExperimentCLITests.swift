import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `profilemate experiment` with `profilemate mock` as the server: one sequence slot against sixteen under a
/// queueing load (16 requests at once). Bounded: health wait 60 s, load time-out 120 s, mock exit 300 s.
@Suite struct ExperimentCLITests {
  /// A free loopback port: bind port 0, read it, close.
  func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var a = sockaddr_in()
    a.sin_family = sa_family_t(AF_INET)
    a.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
    _ = withUnsafeMutablePointer(to: &a) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: a.sin_port))
  }

  @Test func oneSequenceSlotMakesTTFTWorse() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let port = freePort()
    let plan = """
      {"server": {"command": ["\(binary)", "mock", "--port", "\(port)", "--exit-after", "300", "--step-base-ms", "4",
                              "--enable-logging-iteration-details", "--log-stats-interval", "1"],
                  "base_url": "http://127.0.0.1:\(port)", "health_timeout_s": 60},
       "variants": [{"name": "seqs16", "args": ["--max-num-seqs", "16"]}, {"name": "seqs1", "args": ["--max-num-seqs", "1"]}],
       "load": ["--model", "mock", "--num-prompts", "16", "--random-input-len", "32", "--random-output-len", "8",
                "--ignore-eos", "--timeout", "120"]}
      """
    try plan.write(toFile: dir + "/plan.json", atomically: true, encoding: .utf8)
    let r = try run(["experiment", dir + "/plan.json", "--out", dir + "/out"])
    #expect(r.status == 0, "\(r.stderr)")
    for name in ["seqs16", "seqs1"] {
      let run = dir + "/out/\(name)/rep-1"
      for file in ["server.log", "bench.json", "run.json", "metrics/index.tsv"] {
        #expect(FileManager.default.fileExists(atPath: run + "/" + file), "\(run)/\(file)")
      }
    }
    // The mock stops cleanly on the experiment's SIGTERM; the load completed.
    let info = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: dir + "/out/seqs1/rep-1/run.json")))
    let run = try #require(info as? [String: Any])
    #expect(run["server_exit_status"] as? Int == 0)
    #expect(run["load_exit_status"] as? Int == 0)
    #expect((run["server_command"] as? [String])?.suffix(2) == ["--max-num-seqs", "1"])
    let text = try String(contentsOfFile: dir + "/out/comparison.txt", encoding: .utf8)
    // Sixteen requests through one slot queue behind each other: TTFT p50 is called worse for B (seqs1).
    let ttft = text.split(separator: "\n").first { $0.contains("TTFT p50") }
    #expect(ttft?.contains("worse") == true, "\(text)")
    let json = try String(contentsOfFile: dir + "/out/comparison.json", encoding: .utf8)
    #expect(json.contains("\"b\": \"seqs1\""))
  }
}
