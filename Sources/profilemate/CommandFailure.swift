import ArgumentParser

/// A failure that ends the command with a one-line message on standard error and an exit code.
struct CommandFailure: Error, CustomStringConvertible {
  let description: String
  let exitCode: Int32

  init(_ description: String, exitCode: Int32) {
    self.description = description
    self.exitCode = exitCode
  }
}
