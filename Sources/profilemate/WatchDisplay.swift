import ProfileMateApp
import ProfileMateCore
import PromMetrics
import Render

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Draws a watch's updates: the view redrawn in place on a terminal, else one key=value line per engine and
/// scrape; the session's summary at the end.
struct WatchDisplay: Sendable {
  let source: String
  let live: Bool
  let color: Bool
  let interval: Double
  let recording: String?

  /// Shows every update of `scrapes`, then the summary; returns the number of successful scrapes.
  func show(_ scrapes: WatchScrapes) async throws -> Int {
    var status = WatchView.Status(source: source, interval: interval, recording: recording)
    let style = TextStyle(color: color)
    var cpuTotal = 0.0
    var told = false
    var final: (timeline: MetricsTimeline, recorded: Int)?
    if live { writeStandardOutput("\u{1B}[?25l\u{1B}[2J") }
    defer { if live { writeStandardOutput("\u{1B}[?25h") } }
    for try await update in scrapes {
      switch update {
      case .waiting(let message, let timeline):
        // The server is starting: say so once, and keep the view up to date while waiting.
        status.lastError = message
        if live {
          draw(timeline, status, style, utc: "")
        } else if !told {
          writeStandardError("profilemate: \(message)\n")
        }
        told = true
      case .scraped(let scrape, let timeline, let cpuSeconds):
        told = false
        let cpu0 = WatchScrapes.processCPUSeconds()
        status.lastError = nil
        status.scrapeSeconds = scrape.seconds
        draw(timeline, status, style, utc: RecordingIndex.utc(epochMs: scrape.epochMs))
        cpuTotal += cpuSeconds + WatchScrapes.processCPUSeconds() - cpu0
      case .failed(let error, let epochMs, let timeline):
        told = false
        status.lastError = error.description
        if live {
          draw(timeline, status, style, utc: "")
        } else {
          writeStandardOutput("\(RecordingIndex.utc(epochMs: epochMs)) scrape failed: \(error.description)\n")
        }
      case .finished(let timeline, let recorded):
        final = (timeline, recorded)
      }
    }
    guard let final else { return 0 }
    if live { writeStandardOutput("\u{1B}[?25h\n") }
    var summary = WatchView.summary(final.timeline, recording: recording, recorded: final.recorded)
    if final.timeline.scrapeCount > 0 {
      summary +=
        "  CPU per scrape (parse, analyse, draw): "
        + "\(Format.ms(cpuTotal / Double(final.timeline.scrapeCount) * 1000))\n"
    }
    writeStandardOutput(summary)
    return final.timeline.scrapeCount
  }

  func draw(_ timeline: MetricsTimeline, _ status: WatchView.Status, _ style: TextStyle, utc: String) {
    if live {
      let frame = WatchView.frame(timeline, status: status, style: style, width: Self.terminalWidth())
      var out = "\u{1B}[H"
      for line in frame.split(separator: "\n", omittingEmptySubsequences: false) { out += line + "\u{1B}[K\n" }
      writeStandardOutput(out + "\u{1B}[J")
    } else {
      writeStandardOutput(WatchView.plainLines(timeline).map { "\(utc) \($0)\n" }.joined())
    }
  }

  static func terminalWidth() -> Int {
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 100 }
    return Int(size.ws_col)
  }
}
