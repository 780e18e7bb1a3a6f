import Foundation
import Testing

@testable import ProfileMateIO

@Suite struct AtomicFileTests {
  @Test func writeReplacesWholeFileAndLeavesNoTemporary() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pm-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("out.json").path
    try AtomicFile.write("first version, longer than the second\n", to: path)
    try AtomicFile.write("second\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])
  }

  @Test func writeIntoMissingDirectoryFailsWithoutCreatingIt() {
    let path = "/nonexistent-pm-dir-\(UUID().uuidString)/out.json"
    #expect(throws: (any Error).self) { try AtomicFile.write("x", to: path) }
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}
