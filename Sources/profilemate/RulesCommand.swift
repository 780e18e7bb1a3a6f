import ArgumentParser
import ProfileMateCore

/// `profilemate rules`: every finding rule and every threshold, with its default.
struct RulesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "List the finding rules (id, area, severities, when they fire) and their thresholds.",
    discussion: """
      Thresholds are changed by name with --threshold NAME=VALUE on analyze and metrics. The same lists, \
      with what each finding means, are in docs/findings.md.
      """
  )

  @Flag(help: "Write the lists as JSON ({rules, thresholds}; docs/findings.md).")
  var json = false

  @Flag(help: "Write the Markdown tables of docs/findings.md (scripts/update-findings-doc puts them there).")
  var markdown = false

  func validate() throws {
    if json && markdown { throw ValidationError("--json and --markdown exclude each other.") }
  }

  func run() async throws {
    print(json ? RuleCatalog.json() : markdown ? RuleCatalog.markdown() : RuleCatalog.text(), terminator: "")
  }
}
