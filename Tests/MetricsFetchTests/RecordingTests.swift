import Foundation
import MetricsFetch
import PromMetrics
import Testing

/// The recording format: the writer's output is read back by the reader that also reads the fixtures.
@Suite struct RecordingTests {
  @Test func fixtureFoldersReadAsRecordings() throws {
    let run1 = try RecordingReader(path: Fixtures.run1)
    #expect(run1.rows.count == 45 && run1.rows.allSatisfy(\.ok) && run1.malformedLines.isEmpty)
    #expect(
      run1.rows[0]
        == .init(
          seq: "001", utc: "20261129T045217.970Z", epochMs: 1_795_927_937_982,
          file: "snap-001-20261129T045217.970Z.prom", status: "200"))
    let run2 = try RecordingReader(path: Fixtures.run2 + "/index.tsv")
    #expect(run2.rows.count == 22)
    #expect(run2.rows.filter(\.ok).count == 2 && run2.rows[2].status == "000ERR")
    #expect(throws: (any Error).self) { try RecordingReader(path: Fixtures.shared("real/metrics")) }
  }

  @Test func indexToleratesCRLFAndReportsBrokenRows() {
    let text = RecordingIndex.header + "\r\n001\tu\t5\tf.prom\t200\r\n002\tu\tnot-a-number\tg.prom\t200\r\n003\tu"
    let (rows, malformed) = RecordingIndex.parse(text)
    #expect(rows == [.init(seq: "001", utc: "u", epochMs: 5, file: "f.prom", status: "200")])
    #expect(malformed == [3, 4])
  }

  @Test func utcAndFileNamesFollowTheFixtures() {
    // 1795927937982 ms = 2026-11-29 04:52:17.982 UTC (date -u -d @1795927937.982).
    #expect(RecordingIndex.utc(epochMs: 1_795_927_937_982) == "20261129T045217.982Z")
    #expect(RecordingIndex.fileName(seq: 7, utc: "20261129T045217.982Z") == "snap-007-20261129T045217.982Z.prom")
    #expect(RecordingIndex.seqText(1234) == "1234")
  }

  @Test func writerRoundTripsAndContinuesAfterACrash() throws {
    let dir = try Fixtures.scratch("rec") + "/nested/rec"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let a = try Fixtures.run1Scrape("010")
    let b = try Fixtures.run1Scrape("020")
    do {
      let w = try RecordingWriter(directory: dir)
      try w.append(body: a, epochMs: 1_000, status: "200")
      try w.append(body: nil, epochMs: 3_000, status: "000ERR")
      try w.append(body: b, epochMs: 5_000, status: "200")
    }
    // A crash in the middle of the next index row leaves half a line (and possibly an orphan file).
    let index = dir + "/index.tsv"
    let handle = try #require(FileHandle(forWritingAtPath: index))
    handle.seekToEndOfFile()
    handle.write(Data("004\t1970".utf8))
    handle.closeFile()
    let w = try RecordingWriter(directory: dir)
    try w.append(body: a, epochMs: 7_000, status: "200")
    let r = try RecordingReader(path: dir)
    #expect(r.malformedLines.isEmpty)
    #expect(r.rows.map(\.seq) == ["001", "002", "003", "004"])
    #expect(r.rows.map(\.status) == ["200", "000ERR", "200", "200"])
    #expect(r.rows.map(\.epochMs) == [1_000, 3_000, 5_000, 7_000])
    #expect(try r.body(of: r.rows[0]) == a && r.body(of: r.rows[2]) == b && r.body(of: r.rows[3]) == a)
    #expect(!FileManager.default.fileExists(atPath: dir + "/" + r.rows[1].file))
    let text = try String(contentsOfFile: index, encoding: .utf8)
    #expect(text.hasPrefix(RecordingIndex.header + "\n") && text.hasSuffix("\n"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp") }
    #expect(leftovers.isEmpty)
  }
}
