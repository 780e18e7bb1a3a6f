import Foundation
import Testing

@testable import ProfileMateCore

@Suite struct FindingRegistryTests {
  @Test func idsAreUniqueAndNoFindingIDMatchesTwoRules() {
    let ids = FindingRegistry.infos.map(\.id)
    #expect(Set(ids).count == ids.count)
    // A concrete id of every rule (its family filled in) is claimed by that rule alone.
    for r in FindingRegistry.infos {
      let sample = r.id.replacing(/\{[a-z]+\}/, with: r.placeholderValues?.first ?? "p50")
      #expect(FindingRegistry.infos.filter { $0.matches(sample) }.map(\.id) == [r.id], "\(sample)")
    }
  }

  @Test func everyRuleIsDescribed() {
    for r in FindingRegistry.infos {
      #expect(!r.summary.isEmpty && !r.severities.isEmpty && !r.sources.isEmpty, "\(r.id)")
      #expect(r.severities == r.severities.sorted(), "\(r.id): severities least severe first")
      for name in r.thresholds { #expect(FindingThresholds.threshold(named: name) != nil, "\(r.id) reads \(name)") }
    }
  }

  @Test func everyThresholdIsReadByARuleAndNamedOnce() {
    let names = FindingThresholds.all.map(\.name)
    #expect(Set(names).count == names.count)
    for name in names {
      #expect(!RuleCatalog.rules(reading: name).isEmpty, "\(name) is read by no rule")
      #expect(name.allSatisfy { $0.isLowercase || $0 == "_" }, "\(name) is not snake_case")
    }
  }

  @Test func logRulesAreExactlyThoseThatReadTheLog() {
    for rule in FindingRegistry.rules {
      #expect((rule is any LogFindingRule) == rule.info.sources.contains(.log), "\(rule.info.id)")
    }
    #expect(FindingRegistry.logRules.count == FindingRegistry.infos.filter { $0.sources.contains(.log) }.count)
  }

  @Test func familyIDsMatchOnlyTheirMembers() throws {
    let roofline = try #require(FindingRegistry.rule(for: "roofline_decode")).info
    #expect(roofline.id == "roofline_{kind}")
    #expect(roofline.matches("roofline_mixed") && !roofline.matches("roofline_") && !roofline.matches("roofline_x"))
    let ttft = try #require(FindingRegistry.rule(for: "crosscheck_ttft_p99.9")).info
    #expect(ttft.id == "crosscheck_ttft_p{percentile}")
    #expect(!ttft.matches("crosscheck_ttft_p") && !ttft.matches("crosscheck_itl_p50"))
    #expect(FindingRegistry.rule(for: "kv_pressure_x") == nil)
  }

  /// Every `Finding(id: …)` in the sources takes its id from its rule's `info.id`, or fills in a registered
  /// family (`roofline_\(…)`, `crosscheck_\(…)`): no code path can emit an id the registry does not list.
  @Test func everyFindingTheSourcesBuildTakesARegisteredID() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
      .filter { $0.hasSuffix(".swift") }
    var built = 0
    for file in files {
      let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
      for match in text.matches(of: /Finding\(\s*id:\s*([^,]+),/) {
        built += 1
        let argument = String(match.output.1)
        if argument == "info.id" { continue }
        let literal = try #require(argument.wholeMatch(of: /"([a-z_]+)\\\(.*/), "\(file): Finding(id: \(argument)")
        // The filled-in part is checked at run time (a cross-check rule reports only the checks its id matches).
        let prefix = String(literal.output.1)
        #expect(
          FindingRegistry.infos.contains { $0.id.hasPrefix(prefix) && $0.id.contains("{") }, "\(file): \(argument)")
      }
    }
    #expect(built >= FindingRegistry.rules.count - 6)  // the cross-check families share one builder
  }
}
