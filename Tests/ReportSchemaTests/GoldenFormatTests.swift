import Foundation
import Testing

@testable import ReportSchema

/// Reports in the hand-written writer's format (rounded figures): the goldens (Tests/ProfileMateCLITests/Goldens,
/// until scripts/update-goldens rewrites them with this build) and frozen copies saved by 0.1.0
/// (SavedReports/). Decoded into ``ReportDocument`` and written again, each is its own text line for line —
/// every member, name, order, null and the layout — except members added to the schema since it was written,
/// which come out as `null` (the schema's word for unknown).
@Suite struct GoldenFormatTests {
  static let reports: [String] = {
    var out: [String] = []
    for dir in ["/Tests/ProfileMateCLITests/Goldens", "/Tests/ReportSchemaTests/SavedReports"] {
      let path = ReportFixtures.packageRoot + dir
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      out += names.filter { $0.hasSuffix(".json") }.sorted().map { path + "/" + $0 }
    }
    return out
  }()

  @Test func everyReportIsHere() {
    #expect(Self.reports.count == 12 + 3)
  }

  @Test(arguments: reports)
  func reportReencodesToItself(_ path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let document = try JSONDecoder().decode(ReportDocument.self, from: Data(text.utf8))
    let again = try ReportJSONEncoder().encode(document) + "\n"
    let name = (path as NSString).lastPathComponent
    if let problem = Self.firstDifference(old: text, new: again) { Issue.record("\(name): \(problem)") }
  }

  @Test func addedMembersAreTheOnlyDifferenceAllowed() {
    let old = "{\n  \"a\": 1,\n  \"b\": [1, 2]\n}\n"
    #expect(Self.firstDifference(old: old, new: old) == nil)
    #expect(
      Self.firstDifference(old: old, new: "{\n  \"a\": 1,\n  \"new\": null,\n  \"b\": [1, 2],\n  \"z\": null\n}\n")
        == nil)
    #expect(Self.firstDifference(old: old, new: "{\n  \"a\": 2,\n  \"b\": [1, 2]\n}\n") != nil)
    #expect(Self.firstDifference(old: old, new: "{\n  \"a\": 1\n}\n") != nil)
    #expect(Self.firstDifference(old: old, new: "{\n  \"b\": [1, 2],\n  \"a\": 1\n}\n") != nil)
    #expect(Self.firstDifference(old: old, new: "{\n  \"a\": 1,\n  \"x\": 0,\n  \"b\": [1, 2]\n}\n") != nil)
  }

  /// The first line of `old` that `new` does not reproduce, skipping lines of `new` that are a member written
  /// as null (a member `old` predates); trailing commas are ignored (they depend on what follows).
  static func firstDifference(old: String, new: String) -> String? {
    func lines(_ s: String) -> [Substring] {
      s.split(separator: "\n").map { $0.hasSuffix(",") ? $0.dropLast() : $0 }
    }
    let a = lines(old)
    let b = lines(new)
    var j = 0
    for (i, line) in a.enumerated() {
      while j < b.count, b[j] != line, b[j].hasSuffix(": null"),
        b[j].trimmingCharacters(in: .whitespaces).hasPrefix("\"")
      {
        j += 1
      }
      guard j < b.count, b[j] == line else {
        return "line \(i + 1): \(line) → \(j < b.count ? String(b[j]) : "end of text")"
      }
      j += 1
    }
    let rest = b[j...].filter { !$0.hasSuffix(": null") }
    return rest.isEmpty ? nil : "extra: \(rest.first!)"
  }
}
