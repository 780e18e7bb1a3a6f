import Foundation
import MetricsFetch

/// Paths of the shared fixtures (`../shared` beside the package root), the built `profilemate` binary and
/// scratch folders (tests only).
enum Fixtures {
  static let root: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/MetricsFetchTests/Fixtures.swift
    return parts.joined(separator: "/")
  }()

  static func shared(_ relative: String) -> String { root + "/../shared/fixtures/" + relative }

  static let run1 = shared("vllm-cpu/run1-info-2048/metrics")
  static let run2 = shared("vllm-cpu/run2-debug-mfudebug-2048-crash/metrics")
  static let run3 = shared("vllm-cpu/run3-debug-color-2048/metrics")

  /// The bytes of run1's scrape number `seq` (`"010"`).
  static func run1Scrape(_ seq: String) throws -> [UInt8] {
    let reader = try RecordingReader(path: run1)
    guard let row = reader.rows.first(where: { $0.seq == seq }) else { throw CocoaError(.fileNoSuchFile) }
    return try reader.body(of: row)
  }

  /// The `profilemate` executable built beside the test bundle.
  static var profilemate: String {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("profilemate").path
  }

  /// A new empty folder, removed by the caller.
  static func scratch(_ name: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pm-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.path
  }
}

/// |a − b| ≤ 1e-9 relative (or absolute near zero).
func approx(_ a: Double?, _ b: Double) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= 1e-9 * max(1, abs(b))
}
