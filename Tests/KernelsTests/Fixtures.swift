import Foundation

/// Paths of the shared fixtures (`../shared` beside the package root) and this target's own fixtures.
enum Fixtures {
  /// The package root, from this file's path.
  static let root: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/KernelsTests/Fixtures.swift
    return parts.joined(separator: "/")
  }()

  /// `../shared/fixtures/real/nsight/<name>`.
  static func nsight(_ name: String) -> String { root + "/../shared/fixtures/real/nsight/" + name }

  /// Every Nsight fixture file (the `.csv` files of `../shared/fixtures/real/nsight`).
  static var nsightFiles: [String] {
    let dir = root + "/../shared/fixtures/real/nsight"
    return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
  }

  /// `Tests/KernelsTests/Fixtures/<name>`.
  static func own(_ name: String) -> String { root + "/Tests/KernelsTests/Fixtures/" + name }

  /// The bytes of a file.
  static func bytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }
}
