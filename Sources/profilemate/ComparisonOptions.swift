import ArgumentParser
import ProfileMateCore

/// Options shared by `compare` and `report --baseline`: the bootstrap's settings.
struct ComparisonOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Bootstrap resamples per interval.", valueName: "n"))
  var resamples = BootstrapSettings().resamples

  @Option(help: ArgumentHelp("Seed of the bootstrap's random generator (same seed, same intervals).", valueName: "n"))
  var seed = BootstrapSettings().seed

  @Option(
    help: ArgumentHelp(
      "Most steps of one kind taken from each run for the bootstrap (a uniform random sample beyond).",
      valueName: "n"))
  var sampleLimit = BootstrapSettings().sampleLimit

  func validate() throws {
    if resamples < 100 { throw ValidationError("--resamples must be at least 100.") }
    if sampleLimit < 10 { throw ValidationError("--sample-limit must be at least 10.") }
  }

  var settings: BootstrapSettings {
    BootstrapSettings(resamples: resamples, seed: seed, sampleLimit: sampleLimit)
  }
}
