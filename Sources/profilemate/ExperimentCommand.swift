import ArgumentParser
import Experiment
import Foundation
import ProfileMateApp

/// `profilemate experiment PLAN`: the guide's §7 experiment for any server flag.
struct ExperimentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "experiment",
    abstract: "Run a server once per variant (and repetition), load it, record it, and compare the runs.",
    discussion: """
      PLAN is JSON (docs/experiment.md): server.command (array), server.env, server.base_url, variants \
      ([{name, args, env}], the first is the baseline), load (profilemate load arguments) and repeat. Each run \
      directory OUT/NAME/rep-K gets server.log, metrics/ (watch --record), bench.json, bench.requests.jsonl and \
      run.json; OUT/comparison.txt and OUT/comparison.json compare every variant with the first. Ctrl-C stops \
      the server in flight and keeps what was recorded.
      """
  )

  @Argument(help: "The plan (JSON).") var plan: String
  @Option(name: .customLong("out"), help: "Directory for the run directories and the comparison.") var out: String

  func run() throws {
    guard let data = FileManager.default.contents(atPath: plan) else {
      throw AppError("\(plan): cannot read the plan", exitCode: 2)
    }
    let parsed: ExperimentPlan
    do { parsed = try ExperimentPlan.parse(data, source: plan) } catch {
      throw AppError(error.description, exitCode: 2)
    }
    let runner = ExperimentRunner(plan: parsed, out: out, binary: ExperimentRunner.currentBinary()) {
      writeStandardError($0 + "\n")
    }
    do {
      let dirs = try runner.run()
      writeStandardOutput("recorded \(dirs.count) run directories under \(out)\n")
      if parsed.variants.count > 1 {
        writeStandardOutput("comparison: \(out)/comparison.txt, \(out)/comparison.json\n")
      }
    } catch {
      throw AppError(error.description, exitCode: 2)
    }
  }
}
