import ArgumentParser

/// `--format FORMAT`, with `--json` kept as its alias (commands with Markdown add `--markdown`).
struct FormatOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Output format: text, json, markdown, csv or html, where the command writes it (default text).",
      valueName: "format"))
  var format: OutputFormat?

  @Flag(help: "Write JSON instead of text (the same as --format json).")
  var json = false

  /// The format asked for: `--format`, else `--json` / `markdown`, else text.
  /// - Throws: ``ValidationError`` for clashing flags or a format `allowed` lacks.
  func resolve(markdown: Bool = false, allowed: [OutputFormat]) throws -> OutputFormat {
    if json && markdown { throw ValidationError("--json and --markdown exclude each other.") }
    let alias: OutputFormat? = json ? .json : markdown ? .markdown : nil
    if let format, let alias, format != alias {
      throw ValidationError("--format \(format.rawValue) and --\(alias.rawValue) exclude each other.")
    }
    let chosen = format ?? alias ?? .text
    guard allowed.contains(chosen) else {
      throw ValidationError(
        "--format \(chosen.rawValue) is not available here; expected "
          + allowed.map(\.rawValue).joined(separator: ", ") + ".")
    }
    return chosen
  }
}
