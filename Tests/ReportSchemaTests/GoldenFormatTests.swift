import Foundation
import Testing

@testable import ReportSchema

/// The goldens are `analyze --json` as the hand-written writer produced it before the schema became types
/// (Tests/ProfileMateCLITests/Goldens, rounded figures). Decoded into ``ReportDocument`` and written again,
/// each is the same text byte for byte: the types have every member, with its name, order, nulls and layout,
/// and a saved report of that format loses nothing when read.
@Suite struct GoldenFormatTests {
  static let goldens: [String] = {
    let dir = ReportFixtures.packageRoot + "/Tests/ProfileMateCLITests/Goldens"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map { dir + "/" + $0 }
  }()

  @Test func everyGoldenIsHere() {
    #expect(Self.goldens.count == 12)
  }

  @Test(arguments: goldens)
  func goldenReencodesToItself(_ path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let document = try JSONDecoder().decode(ReportDocument.self, from: Data(text.utf8))
    let again = try ReportJSONEncoder().encode(document) + "\n"
    let a = text.split(separator: "\n"), b = again.split(separator: "\n")
    if let i = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
      Issue.record("\((path as NSString).lastPathComponent) line \(i + 1): \(a[i]) → \(b[i])")
    }
    #expect(a.count == b.count)
  }
}
