import ArgumentParser

/// `-o FILE`: where the output goes instead of standard output, written atomically.
struct OutputOptions: ParsableArguments {
  @Option(
    name: [.short, .long],
    help: ArgumentHelp("Write the output to this file (atomically) instead of standard output.", valueName: "file"))
  var output: String?
}
