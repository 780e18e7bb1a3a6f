import ProfileMateCore
import Testing

@testable import Render

/// A minimal RFC 4180 reader, to check that what CSVExport writes reads back field for field.
private func parseCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var chars = Array(text.unicodeScalars)[...]
  while let c = chars.popFirst() {
    if quoted {
      if c == "\"" {
        if chars.first == "\"" {
          field.unicodeScalars.append("\"")
          chars.removeFirst()
        } else {
          quoted = false
        }
      } else {
        field.unicodeScalars.append(c)
      }
    } else if c == "\"" {
      quoted = true
    } else if c == "," {
      row.append(field)
      field = ""
    } else if c == "\n" {
      row.append(field)
      rows.append(row)
      row = []
      field = ""
    } else {
      field.unicodeScalars.append(c)
    }
  }
  if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
  return rows
}

@Suite struct CSVExportTests {
  @Test(arguments: [
    ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("l1\nl2", "\"l1\nl2\""),
    ("x\ry", "\"x\ry\""), ("l1\r\nl2", "\"l1\r\nl2\""), ("", ""),
  ])
  func fieldQuoting(raw: String, quoted: String) {
    #expect(CSVExport.field(raw) == quoted)
  }

  @Test func fiveFilesWithHeaders() {
    let files = CSVExport.files(RunModel(source: "x"))
    #expect(files.map(\.name) == ["steps.csv", "stats.csv", "cudagraph.csv", "mfu.csv", "events.csv"])
    for f in files {
      #expect(f.contents.hasSuffix("\n"), "\(f.name)")
      #expect(f.contents.filter { $0 == "\n" }.count == 1, "\(f.name) has only a header")
    }
  }

  @Test func eventMessagesWithCommasQuotesAndNewlinesReadBack() throws {
    var m = RunModel(source: "x")
    let messages = ["plain", "a, b, c", "say \"hi\"", "two\nlines", "crlf\r\ninside", "tab\tand, \"all\"\n"]
    m.events = messages.enumerated().map { LogEvent(kind: .error, line: $0.offset + 1, time: 1.5, message: $0.element) }
    let csv = try #require(CSVExport.files(m).first { $0.name == "events.csv" }).contents
    let rows = parseCSV(csv)
    #expect(rows.first == ["kind", "line", "time_s", "message"])
    #expect(rows.count == messages.count + 1)
    for (i, row) in rows.dropFirst().enumerated() {
      #expect(row.count == 4, "row \(i)")
      #expect(row.last == messages[i], "row \(i)")
      #expect(row[0] == "error" && row[1] == String(i + 1) && row[2] == "1.50")
    }
  }

  @Test func stepsAndStatsRows() {
    var m = RunModel(source: "x")
    var e = EngineTrace(index: 1)
    e.steps = [
      StepRecord(
        contextRequests: 1, contextTokens: 2224, generationRequests: 0, generationTokens: 0, elapsedCentiMs: 11_954,
        kvUsagePermille: 13, isDummy: false),
      StepRecord(
        contextRequests: 0, contextTokens: 0, generationRequests: 0, generationTokens: 0, elapsedCentiMs: 3,
        kvUsagePermille: nil, isDummy: true),
    ]
    var s = StatsSample(
      time: 10, line: 7, promptThroughput: 2224, generationThroughput: 57.3, running: 3, waiting: 1)
    s.kvUsagePct = 1.2
    s.preemptions = 2
    e.stats = [s]
    m.engines = [e]
    let files = Dictionary(uniqueKeysWithValues: CSVExport.files(m).map { ($0.name, $0.contents) })
    let steps = parseCSV(files["steps.csv"] ?? "")
    #expect(
      steps.dropFirst().map { $0 } == [
        ["1", "0", "prefill", "1", "2224", "0", "0", "119.54", "1.3", "0"],
        ["1", "1", "idle", "0", "0", "0", "0", "0.03", "", "1"],
      ])
    let stats = parseCSV(files["stats.csv"] ?? "")
    #expect(stats.count == 2)
    #expect(stats.last == ["1", "7", "10.00", "2224.0", "57.3", "3", "1", "", "", "2", "1.2", "", "0"])
  }
}

@Suite struct CSVReportFileTests {
  /// Cells a spreadsheet would evaluate (OWASP's list) are led by `'`; numbers, negative ones included, are not.
  @Test func formulaCellsAreNeutralised() {
    #expect(CSVExport.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
    #expect(CSVExport.field("+1+1") == "'+1+1")
    #expect(CSVExport.field("@SUM(A1)") == "'@SUM(A1)")
    #expect(CSVExport.field("\tx") == "'\tx")
    #expect(CSVExport.field("-3.5") == "-3.5")
    #expect(CSVExport.field("plain") == "plain")
  }

  /// report.csv holds the page's figures: the run's facts and a finding of the rich fixture, and a log's
  /// hostile error message only as text.
  @Test func reportFileWalksThePage() {
    var lines = ReportFixtures.richLines
    lines[lines.count - 1] = "ERROR 05-13 10:01:21 [core.py:1] =cmd|' /C calc'!A0"
    let a = RunAnalysis.analyze(ReportFixtures.read(lines))
    let file = CSVExport.reportFile(ReportPage(a))
    #expect(file.name == "report.csv")
    let rows = file.contents.split(separator: "\n").map(String.init)
    #expect(rows.first == "section,item,column,value")
    #expect(rows.contains("run,vLLM,value,0.15.0 (V1 engine)"))
    #expect(rows.contains { $0.hasPrefix("findings,\(a.findings[0].id),severity,") })
    // The error's message is the events table's first message: kept, as text.
    #expect(rows.contains("events,error,first message,'=cmd|' /C calc'!A0"))
    #expect(!rows.contains { $0.split(separator: ",").last?.hasPrefix("=") == true })
  }
}
