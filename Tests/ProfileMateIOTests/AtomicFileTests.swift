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

@Suite struct AtomicFileMoreTests {
  @Test func failureNamesThePathAndLeavesTheOldFile() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    // The target is a directory: the rename fails; the temporary file must not be left behind.
    let target = dir + "/report.json"
    try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
    do {
      try AtomicFile.write("x", to: target)
      Issue.record("writing over a directory succeeded")
    } catch let e as InputError {
      #expect(e.description.hasPrefix(target + ": cannot write: "))
      #expect(e.exitCode == 2)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report.json"])
  }

  @Test func makeDirectoryCreatesParentsAndAcceptsExisting() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let nested = dir + "/a/b/c"
    try AtomicFile.makeDirectory(nested)
    try AtomicFile.makeDirectory(nested)
    var isDir: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: nested, isDirectory: &isDir) && isDir.boolValue)
  }

  @Test func bytesAreWrittenExactly() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let bytes: [UInt8] = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try AtomicFile.write(bytes, to: dir + "/blob")
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/blob"))) == bytes)
    try AtomicFile.write([], to: dir + "/blob")
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/blob")).isEmpty)
  }
}
