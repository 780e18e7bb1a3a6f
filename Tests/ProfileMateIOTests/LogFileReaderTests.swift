import Foundation
import ProfileMateCore
import Testing
import VLLMLog

@testable import ProfileMateIO

@Suite(.serialized) struct LogFileReaderTests {
  @Test func plainFileMatchesInMemoryRead() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let bytes = IOTestSupport.log(lines: 500)
    try IOTestSupport.write(bytes, to: dir + "/a.log")
    let m = try LogFileReader.read(path: dir + "/a.log")
    #expect(m.source == dir + "/a.log")
    #expect(IOTestSupport.same(m, LogReader.read(bytes)))
    #expect(m.coverage.lines == 500)
  }

  @Test func gzipFileIsDetectedByContent() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let bytes = IOTestSupport.log(lines: 500)
    // No .gz suffix: detection is by the magic bytes.
    try IOTestSupport.write(try IOTestSupport.gzip(bytes), to: dir + "/compressed.log")
    let m = try LogFileReader.read(path: dir + "/compressed.log")
    #expect(IOTestSupport.same(m, LogReader.read(bytes)))
    #expect(m.coverage.bytes == LogReader.read(bytes).coverage.bytes)
  }

  @Test func concatenatedGzipMembers() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let a = IOTestSupport.log(lines: 300)
    let b = Array(IOTestSupport.log(lines: 600)[a.count...])
    let gz = try IOTestSupport.gzip(a) + IOTestSupport.gzip(b)
    try IOTestSupport.write(gz, to: dir + "/two.log.gz")
    let m = try LogFileReader.read(path: dir + "/two.log.gz")
    #expect(IOTestSupport.same(m, LogReader.read(a + b)))
  }

  @Test func gzipLargerThanOneChunkMatchesWholeRead() throws {
    // The compressed path reads 4 MiB chunks: a 5+ MiB log crosses a chunk boundary mid-line.
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let bytes = IOTestSupport.log(lines: 40_000)
    #expect(bytes.count > LogFileReader.chunkSize)
    try IOTestSupport.write(try IOTestSupport.gzip(bytes), to: dir + "/big.gz")
    let m = try LogFileReader.read(path: dir + "/big.gz")
    #expect(IOTestSupport.same(m, LogReader.read(bytes)))
  }

  @Test func mappedFileLargerThanOneWindowMatchesWholeRead() throws {
    // Regular files are read through 16 MiB windows: filler lines push real ones across the boundary.
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    var bytes: [UInt8] = []
    let filler = [UInt8](repeating: 0x2E, count: 4095) + [0x0A]
    let real = IOTestSupport.log(lines: 10)
    while bytes.count < (17 << 20) {
      bytes += filler
      bytes += real
      bytes.append(contentsOf: [UInt8](repeating: 0x2D, count: bytes.count % 997) + [0x0A])
    }
    try IOTestSupport.write(bytes, to: dir + "/big.log")
    let m = try LogFileReader.read(path: dir + "/big.log")
    #expect(IOTestSupport.same(m, LogReader.read(bytes)))
  }

  @Test func lineLongerThanAWindowDoesNotEndTheRead() throws {
    // One 17 MiB line (longer than the 16 MiB mapped window) followed by two stats lines: the line
    // is cut and counted, and the lines after it are still read.
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let stats = Array(
      (IOTestSupport.prefix
        + "Avg prompt throughput: 1.0 tokens/s, Avg generation throughput: 2.0 tokens/s, Running: 5 reqs, "
        + "Waiting: 0 reqs, GPU KV cache usage: 1.0%\n").utf8)
    let bytes = stats + [UInt8](repeating: 0x78, count: 17 << 20) + [0x0A] + stats + stats
    try IOTestSupport.write(bytes, to: dir + "/long.log")
    let m = try LogFileReader.read(path: dir + "/long.log")
    #expect(m.coverage.lines == 4)
    #expect(m.coverage.overlongLines == 1)
    #expect(m.engines.first?.stats.count == 3)
  }

  @Test func overlongLineThroughTheCompressedPath() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    // 9 MiB without a newline is more than the chunked reader's buffer holds: its head is kept,
    // the rest skipped up to the newline, and the lines after it are read as usual.
    let tail = IOTestSupport.log(lines: 20)
    let bytes = [UInt8](repeating: 0x78, count: 9 << 20) + [0x0A] + tail
    try IOTestSupport.write(try IOTestSupport.gzip(bytes), to: dir + "/long.gz")
    let m = try LogFileReader.read(path: dir + "/long.gz")
    #expect(m.coverage.overlongLines == 1)
    #expect(m.coverage.lines == 21)
    #expect(m.engines == LogReader.read(bytes).engines)
    #expect(!m.engines.isEmpty)
  }

  @Test func standardInputThroughAPipe() throws {
    let bytes = IOTestSupport.log(lines: 300)
    let gz = try IOTestSupport.gzip(bytes)
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    let saved = dup(0)
    dup2(fds[0], 0)
    close(fds[0])
    defer {
      dup2(saved, 0)
      close(saved)
    }
    let writeEnd = fds[1]
    let writer = Thread {
      gz.withUnsafeBytes { raw in
        var off = 0
        while off < raw.count {
          let n = write(writeEnd, raw.baseAddress! + off, raw.count - off)
          if n <= 0 { break }
          off += n
        }
      }
      close(writeEnd)
    }
    writer.start()
    let m = try LogFileReader.read(path: "-")
    #expect(m.source == "-")
    #expect(IOTestSupport.same(m, LogReader.read(bytes)))
  }

  @Test func emptyFile() throws {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    try IOTestSupport.write([], to: dir + "/empty.log")
    let m = try LogFileReader.read(path: dir + "/empty.log")
    #expect(m.coverage.lines == 0 && m.engines.isEmpty)
  }
}
