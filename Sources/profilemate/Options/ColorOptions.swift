import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--color` / `--no-color`; without either, colour on a terminal unless NO_COLOR is set.
struct ColorOptions: ParsableArguments {
  @Flag(help: "Colour the text even when standard output is not a terminal.")
  var color = false

  @Flag(help: "Never colour the text.")
  var noColor = false

  func validate() throws {
    if color && noColor { throw ValidationError("--color and --no-color exclude each other.") }
  }

  /// Whether to colour, given whether the output goes to a terminal.
  func enabled(terminal: Bool) -> Bool {
    color || (!noColor && terminal && getenv("NO_COLOR") == nil)
  }

  /// Whether standard output is a terminal.
  static var standardOutputIsTerminal: Bool { isatty(1) == 1 }
}
