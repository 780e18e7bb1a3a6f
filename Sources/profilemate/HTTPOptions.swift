import ArgumentParser
import MetricsFetch
import ProfileMateApp

/// The options of commands that scrape a live server: extra headers (an API key), time-out, and how long to
/// wait for a server that is still starting.
struct HTTPOptions: ParsableArguments {
  @Option(
    name: .customLong("header"),
    help: ArgumentHelp(
      "An extra request header, e.g. 'Authorization: Bearer KEY' (repeatable). Its value never appears in any "
        + "output, message or recording.", valueName: "name: value"))
  var headers: [String] = []

  @Option(help: ArgumentHelp("Seconds allowed for one request (default 10).", valueName: "s"))
  var timeout: Double = 10

  @Option(
    help: ArgumentHelp(
      "Seconds to keep retrying, with back-off, while the server refuses connections because it is still "
        + "starting (default: 5 for metrics, 120 for watch).", valueName: "s"))
  var wait: Double?

  func validate() throws {
    guard timeout > 0, timeout <= 1e6 else {
      throw ValidationError("--timeout must be a positive number of seconds (at most 1000000).")
    }
    if let wait, !(wait >= 0 && wait <= 1e6) {
      throw ValidationError("--wait must be zero or more seconds (at most 1000000).")
    }
    for h in headers {
      do { _ = try RequestHeader(parsing: h) } catch let error as FetchError {
        throw ValidationError(error.description)
      }
    }
  }

  /// The settings for the application library.
  var settings: HTTPSettings { HTTPSettings(headers: headers, timeout: timeout, wait: wait) }
}
