import Foundation
import Testing

@testable import ProfileMateIO

@Suite struct ByteSourceTests {
  private func failure(_ path: String) -> InputError? {
    do {
      _ = try LogFileReader.read(path: path)
      return nil
    } catch let e as InputError {
      return e
    } catch {
      return InputError("unexpected \(error)", exitCode: 99)
    }
  }

  @Test func boundedReadRefusesLargerInputs() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let text = IOTestSupport.log(lines: 8000)  // more than one 1 MiB read chunk
    #expect(text.count > 1 << 20)
    let plain = dir + "/scrape.prom"
    let gz = dir + "/scrape.prom.gz"
    try IOTestSupport.write(text, to: plain)
    try IOTestSupport.write(try IOTestSupport.gzip(text), to: gz)
    for path in [plain, gz] {
      // At the limit it reads; one byte under, a regular file by its size, a .gz file while inflating.
      #expect(try ByteSource.readAll(path, limit: text.count, what: "a /metrics scrape") == text)
      do {
        _ = try ByteSource.readAll(path, limit: text.count - 1, what: "a /metrics scrape")
        Issue.record("\(path): read past its limit")
      } catch let e as InputError {
        let mb = Double(text.count - 1) / 1_048_576
        #expect(e.description == "\(path): larger than \(mb) MB, more than a /metrics scrape can be")
        #expect(e.exitCode == 2)
      }
    }
    do {
      _ = try ByteSource.readAll(plain, limit: 4 << 20, what: "x")
    } catch {
      Issue.record("a file under a 4 MB limit failed: \(error)")
    }
  }

  @Test func missingPathNamesThePath() throws {
    let path = "/nonexistent-pm-\(UUID().uuidString)/server.log"
    let e = try #require(failure(path))
    #expect(e.description.hasPrefix(path + ": "))
    #expect(e.description.contains("No such file"))
    #expect(e.exitCode == 2)
    #expect(!e.description.contains("\n"))
  }

  @Test func directoryPathIsRefused() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let e = try #require(failure(dir))
    #expect(e.description == "\(dir): is a directory (expected a vLLM server log file)")
    #expect(e.exitCode == 2)
  }

  @Test(.enabled(if: getuid() != 0, "root reads files whatever their mode"))
  func unreadablePathNamesThePath() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let path = dir + "/secret.log"
    try IOTestSupport.write(Array("x\n".utf8), to: path)
    chmod(path, 0)
    let e = try #require(failure(path))
    #expect(e.description.hasPrefix(path + ": "))
    #expect(e.description.contains("Permission denied"))
    #expect(e.exitCode == 2)
  }

  @Test func corruptGzipNamesThePath() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let path = dir + "/bad.gz"
    try IOTestSupport.write([0x1F, 0x8B] + Array("definitely not deflate data".utf8), to: path)
    let e = try #require(failure(path))
    #expect(e.description.hasPrefix(path + ": corrupt gzip data"))
    #expect(e.exitCode == 2)
  }

  @Test func truncatedGzipIsReported() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let path = dir + "/cut.gz"
    let gz = try IOTestSupport.gzip(IOTestSupport.log(lines: 2000))
    try IOTestSupport.write(Array(gz.prefix(gz.count / 2)), to: path)
    let e = try #require(failure(path))
    #expect(e.description == "\(path): truncated gzip data")
    #expect(e.exitCode == 2)
  }

  @Test func gzipMagicAloneIsTruncated() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let path = dir + "/magic.gz"
    try IOTestSupport.write([0x1F, 0x8B], to: path)
    #expect(failure(path)?.description == "\(path): truncated gzip data")
  }

  @Test func oneByteFileIsPlainText() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    try IOTestSupport.write([0x1F], to: dir + "/one")
    let source = try ByteSource(path: dir + "/one")
    #expect(!source.isCompressed)
    #expect(source.fileSize == 1)
    var buffer = [UInt8](repeating: 0, count: 16)
    let n = try buffer.withUnsafeMutableBytes { try source.read(into: $0.baseAddress!, capacity: 16) }
    #expect(n == 1 && buffer[0] == 0x1F)
  }
}
