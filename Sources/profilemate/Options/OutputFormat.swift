import ArgumentParser

/// The formats a command can write; each command accepts its own subset.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case text, json, markdown, csv, html
}
