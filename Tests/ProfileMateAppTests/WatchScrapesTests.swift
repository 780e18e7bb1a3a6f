import Foundation
import MetricsFetch
import Testing

@testable import ProfileMateApp

/// The watch loop against a port nothing listens on (127.0.0.1:8769): every attempt fails, is recorded, and the
/// watch ends after --count attempts with the final timeline.
@Suite struct WatchScrapesTests {
  static let endpoint = "127.0.0.1:8769"

  @Test func failedAttemptsAreRecordedAndTheWatchEnds() async throws {
    let dir = try AppFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var settings = WatchSettings()
    settings.interval = 0.05
    settings.count = 3
    settings.wait = 0
    settings.recording = dir + "/rec"
    let fetcher = try HTTPSettings(timeout: 30).fetcher(for: Self.endpoint)
    var failed = 0
    var final: (scrapes: Int, failures: Int, recorded: Int)?
    for try await update in WatchScrapes(fetcher: fetcher, settings: settings) {
      switch update {
      case .failed(let error, _, _):
        #expect(error.kind == .refused)
        failed += 1
      case .finished(let timeline, let recorded):
        final = (timeline.scrapeCount, timeline.attempts.count, recorded)
      case .scraped, .waiting:
        Issue.record("nothing listens on \(Self.endpoint): \(update)")
      }
    }
    #expect(failed == 3)
    #expect(final?.scrapes == 0)
    #expect(final?.failures == 3)
    #expect(final?.recorded == 3)
    // Three rows after the header, each a failure without a file (curl's 000 plus ERR).
    let index = try String(contentsOfFile: dir + "/rec/index.tsv", encoding: .utf8)
    let rows = index.split(separator: "\n").dropFirst()
    #expect(rows.count == 3)
    #expect(rows.allSatisfy { $0.hasSuffix("\t000ERR") })
  }

  @Test func theFirstScrapeWaitsForAStartingServer() async throws {
    var settings = WatchSettings()
    settings.count = 1
    settings.wait = 10
    let fetcher = try HTTPSettings(timeout: 30).fetcher(for: Self.endpoint)
    // One refused scrape first, so that the session's start-up (slow on a loaded machine) is not in the wait.
    _ = try? await fetcher.fetch()
    var kinds: [String] = []
    for try await update in WatchScrapes(fetcher: fetcher, settings: settings) {
      switch update {
      case .waiting(let message, _):
        #expect(message.contains("; waiting up to "))
        #expect(message.hasSuffix(" for the server"))
        kinds.append("waiting")
      case .failed: kinds.append("failed")
      case .finished: kinds.append("finished")
      case .scraped: kinds.append("scraped")
      }
    }
    // Refused at once, so the attempt waits (back-off 0.25 s doubling, up to 10 s in all) before it fails; one
    // attempt, then the end.
    #expect(kinds.first == "waiting")
    #expect(kinds.suffix(2) == ["failed", "finished"])
    #expect(kinds.dropLast(2).allSatisfy { $0 == "waiting" })
  }
}
