import Foundation
import ProfileMateCore
import Testing

@testable import VLLMLog

/// vLLM's opt-in JSON logging (v0.32+, `--logging-config.formatter json`, spec §0.1).
@Suite struct JSONLogLineTests {
  /// `{"asctime": …, "levelname": …, "name": …, "processName": …, "process": …, "message": …}` as
  /// python-json-logger writes it (JSONSerialization escapes `/` and non-ASCII differently, which the
  /// reader must accept too).
  private func jsonLine(
    process: String?, pid: String?, level: String, stamp: String, message: String
  ) throws
    -> String
  {
    var object: [String: Any] = [
      "asctime": "2026-\(stamp.prefix(5)) \(stamp.suffix(8)),123", "levelname": level, "name": "vllm.x",
      "message": message,
    ]
    if let process, let pid {
      object["processName"] = process
      object["process"] = Int(pid)
    }
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }

  /// Turns a text log into the JSON form, record by record; raw lines stay as they are.
  private func jsonForm(of text: String) throws -> String {
    let record =
      /^(?:\((\S+) pid=(\d+)\) )?(DEBUG|INFO|WARNING|ERROR|CRITICAL) (\d\d-\d\d \d\d:\d\d:\d\d) \[[^\]]+\] ?(.*)$/
    var out: [String] = []
    // "\r\n" is one Character in Swift: split on both line ends.
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
      .dropLast()
    {
      if let m = try record.wholeMatch(in: String(line)) {
        out.append(
          try jsonLine(
            process: m.1.map(String.init), pid: m.2.map(String.init), level: String(m.3), stamp: String(m.4),
            message: String(m.5)))
      } else {
        out.append(String(line))
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  @Test func jsonLogReadsLikeTheTextLog() throws {
    let text = try String(contentsOfFile: Fixtures.cpuRun1, encoding: .utf8)
    let plain = LogReader.read(Array(text.utf8))
    let json = LogReader.read(Array(try jsonForm(of: text).utf8))
    #expect(json.coverage.lines == plain.coverage.lines)
    #expect(json.engines.map(\.steps) == plain.engines.map(\.steps))
    #expect(json.engines.map(\.stats.count) == plain.engines.map(\.stats.count))
    #expect(json.engines.map(\.cudagraphTables.count) == plain.engines.map(\.cudagraphTables.count))
    #expect(json.config.kvCacheTokens == plain.config.kvCacheTokens)
    #expect(json.config.maxModelLen == plain.config.maxModelLen)
    #expect(json.requests == plain.requests)
    #expect(json.coverage.byKind["iteration"] == 295)
  }

  @Test func multiLineMessageIsOneRecord() throws {
    // A CUDA-graph table logged as one JSON record: its lines are separated by \n in the message.
    let table = [
      "**CUDAGraph Config Settings:**", "- Mode: NONE", "- Capture sizes: []", "", "**CUDAGraph Stats:**", "",
      "| Unpadded Tokens | Padded Tokens | Num Paddings | Runtime Mode | Count |",
      "|-----------------|---------------|--------------|--------------|-------|",
      "| 128             | 128           | 0            | NONE         | 7     |",
      "| 3               | 3             | 0            | NONE         | 2     |",
    ].joined(separator: "\n")
    let line = try jsonLine(
      process: "EngineCore_DP0", pid: "42", level: "INFO", stamp: "02-01 13:22:00", message: table)
    let model = LogReader.read(Array((line + "\n").utf8))
    #expect(model.coverage.lines == 1)
    #expect(model.coverage.byKind["cudagraph_table"] == 1)
    let tables = model.engines.flatMap(\.cudagraphTables)
    #expect(tables.count == 1)
    #expect(tables.first?.rows.map(\.count) == [7, 2])
  }

  @Test func escapesAreDecoded() throws {
    let raw = #"{"asctime": "2026-02-01 13:22:00,5", "levelname": "INFO", "message": "a\"b\\c\/d \u00e9 \ud83d\ude00"}"#
    let bytes = Array(raw.utf8)
    let parsed = bytes.withUnsafeBufferPointer { JSONLogLine.parse($0.baseAddress!, 0, $0.count) }
    let line = try #require(parsed)
    #expect(String(decoding: line.message, as: UTF8.self) == "a\"b\\c/d é 😀")
    #expect(String(decoding: line.timestamp, as: UTF8.self) == "02-01 13:22:00")
  }

  @Test func notJSONLogLines() {
    for raw in [
      "{", "{}", #"{"message": "no level"}"#, #"{"levelname": "INFO", "message": "no time"}"#,
      #"{"asctime": "2026-02-01 13:22:00,5", "levelname": "INFO", "message": "cut"#,
      #"{"asctime": "2026-02-01 13:22:00,5", "levelname": "INFO", "message": ["nested"]}"#,
    ] {
      let bytes = Array(raw.utf8)
      let parsed = bytes.withUnsafeBufferPointer { JSONLogLine.parse($0.baseAddress!, 0, $0.count) }
      #expect(parsed == nil, "\(raw)")
    }
  }
}
