import Foundation
import Testing

/// The text and JSON reports of the real fixtures against goldens taken before the one-report restructure
/// (issue 10), so that moving code cannot change what a user sees unnoticed. `scripts/update-goldens`
/// rewrites them; a change to a golden is a change of behaviour and its commit says which figures moved.
///
/// The text must match byte for byte. The JSON is compared as values: every member of the golden must be
/// in the new report with an equal value (new members may be added), and a number matches when it rounds
/// to the golden's own figure (the golden was written with rounded figures; a later, more precise report
/// still matches it, a different figure does not).
@Suite struct GoldenReportTests {
  struct Case: CustomStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var description: String { name }
  }

  static let goldens = packageRoot + "/Tests/ProfileMateCLITests/Goldens"

  static let cases: [Case] = {
    guard let text = try? String(contentsOfFile: goldens + "/cases.txt", encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { return nil }
      return Case(name: parts[0], arguments: parts[1].split(separator: " ").map(String.init))
    }
  }()

  static var sharedFixtures: Bool { FileManager.default.fileExists(atPath: packageRoot + "/../shared/fixtures") }

  @Test func everyCaseIsListed() {
    #expect(Self.cases.count == 12)
  }

  @Test(
    "text report matches its golden", .enabled(if: sharedFixtures, "needs ../shared/fixtures"),
    arguments: cases)
  func textMatches(_ c: Case) throws {
    let r = try run(["analyze"] + c.arguments + ["--no-color", "--quiet"], in: packageRoot)
    let golden = try String(contentsOfFile: Self.goldens + "/\(c.name).txt", encoding: .utf8)
    #expect(r.status == 0, "\(r.stderr)")
    let new = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let old = golden.split(separator: "\n", omittingEmptySubsequences: false)
    for (i, (a, b)) in zip(new, old).enumerated() where a != b {
      Issue.record("\(c.name).txt line \(i + 1):\n  golden: \(b)\n  now:    \(a)")
      break
    }
    #expect(new.count == old.count, "\(c.name).txt: \(new.count) lines, golden \(old.count)")
  }

  @Test(
    "JSON report holds its golden", .enabled(if: sharedFixtures, "needs ../shared/fixtures"),
    arguments: cases)
  func jsonHolds(_ c: Case) throws {
    let r = try run(["analyze"] + c.arguments + ["--json", "--quiet"], in: packageRoot)
    #expect(r.status == 0, "\(r.stderr)")
    let golden = try JSONSerialization.jsonObject(
      with: try Data(contentsOf: URL(fileURLWithPath: Self.goldens + "/\(c.name).json")))
    let new = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    var differences: [String] = []
    JSONContainment.check(golden, in: new, path: "$", into: &differences)
    #expect(differences.isEmpty, "\(c.name).json: \(differences.prefix(10).joined(separator: "\n"))")
  }

  @Test func containmentFindsChangedFigures() {
    var d: [String] = []
    JSONContainment.check(
      ["a": 1.25, "b": [1, 2]] as [String: Any], in: ["a": 1.2549, "b": [1, 2], "c": 3], path: "$", into: &d)
    #expect(d.isEmpty)
    JSONContainment.check(["a": 1.25] as [String: Any], in: ["a": 1.26] as [String: Any], path: "$", into: &d)
    JSONContainment.check(["a": 1.25] as [String: Any], in: [:] as [String: Any], path: "$", into: &d)
    JSONContainment.check(["b": [1, 2]] as [String: Any], in: ["b": [1]] as [String: Any], path: "$", into: &d)
    JSONContainment.check(["s": "x"] as [String: Any], in: ["s": NSNull()] as [String: Any], path: "$", into: &d)
    #expect(d.count == 4)
  }
}

/// Whether one parsed JSON value holds another (see ``GoldenReportTests``).
enum JSONContainment {
  static func check(_ golden: Any, in new: Any, path: String, into d: inout [String]) {
    switch golden {
    case let g as [String: Any]:
      guard let n = new as? [String: Any] else { return d.append("\(path): not an object") }
      for (key, value) in g {
        guard let v = n[key] else {
          d.append("\(path).\(key): missing")
          continue
        }
        check(value, in: v, path: path + "." + key, into: &d)
      }
    case let g as [Any]:
      guard let n = new as? [Any] else { return d.append("\(path): not an array") }
      guard g.count == n.count else { return d.append("\(path): \(n.count) elements, golden \(g.count)") }
      for (i, (a, b)) in zip(g, n).enumerated() { check(a, in: b, path: "\(path)[\(i)]", into: &d) }
    case let g as NSNumber where !isBoolean(g):
      guard let n = new as? NSNumber, !isBoolean(n) else { return d.append("\(path): not a number") }
      if !roundsTo(n.doubleValue, g.doubleValue) { d.append("\(path): \(n) ≠ golden \(g)") }
    default:
      if "\(golden)" != "\(new)" || type(of: golden) != type(of: new) {
        d.append("\(path): \(new) ≠ golden \(golden)")
      }
    }
  }

  /// Whether `value` rounded to as many decimals as `golden` shows equals `golden`.
  static func roundsTo(_ value: Double, _ golden: Double) -> Bool {
    if value == golden { return true }
    var decimals = 0
    var scale = 1.0
    while decimals < 12 {
      let scaled = golden * scale
      if abs(scaled - scaled.rounded()) <= 1e-9 * max(1, abs(scaled)) { break }
      decimals += 1
      scale *= 10
    }
    return abs(value - golden) <= 0.5 / scale + 1e-9 * max(1, abs(golden))
  }

  static func isBoolean(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }
}
