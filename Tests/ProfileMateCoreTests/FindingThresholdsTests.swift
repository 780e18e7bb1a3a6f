import Testing

@testable import ProfileMateCore

@Suite struct FindingThresholdsTests {
  @Test func assignmentsSetTheNamedField() throws {
    let t = try FindingThresholds.parse(["kv_pressure_pct=95", " phase_ratio = 4.5 ", "min_prefix_queries=0"])
    #expect(t.kvPressurePct == 95 && t.phaseRatio == 4.5 && t.minPrefixQueries == 0)
    // Everything else keeps its default.
    var expected = FindingThresholds()
    expected.kvPressurePct = 95
    expected.phaseRatio = 4.5
    expected.minPrefixQueries = 0
    #expect(t == expected)
    // A later assignment wins.
    #expect(try FindingThresholds.parse(["kv_pressure_pct=95", "kv_pressure_pct=80"]).kvPressurePct == 80)
  }

  @Test func everyNameSetsItsOwnFieldAndNoOther() throws {
    for threshold in FindingThresholds.all {
      let value = threshold.unit == .ratio ? threshold.defaultValue + 1.5 : max(0, threshold.defaultValue - 0.5)
      var t = FindingThresholds()
      try t.set(threshold.name, to: String(value))
      #expect(t[threshold] == value, "\(threshold.name)")
      for other in FindingThresholds.all where other.name != threshold.name {
        #expect(t[other] == other.defaultValue, "\(threshold.name) also changed \(other.name)")
      }
    }
  }

  @Test func unknownNamesSuggestCloseOnes() {
    #expect(throws: ThresholdError.unknownName("kv_presure_pct", suggestions: ["kv_pressure_pct"])) {
      try FindingThresholds.parse(["kv_presure_pct=95"])
    }
    do {
      _ = try FindingThresholds.parse(["padding=5"])
      Issue.record("no error")
    } catch {
      guard case .unknownName(_, let suggestions) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(suggestions.contains("padding_overhead_pct"))
      #expect(error.description.hasPrefix("--threshold: unknown threshold padding; did you mean "))
    }
    #expect(FindingThresholds.closeNames(to: "zzzzzzzzzzzz").isEmpty)
  }

  @Test(arguments: [
    ("kv_pressure_pct=abc", "a percentage from 0 to 100"), ("kv_pressure_pct=150", "a percentage from 0 to 100"),
    ("kv_pressure_pct=-1", "a percentage from 0 to 100"), ("phase_ratio=1", "a ratio greater than 1"),
    ("phase_ratio=nan", "a ratio greater than 1"), ("waiting_requests=inf", "a number of requests, 0 or more"),
  ])
  func badValuesNameTheExpectedRange(assignment: String, expected: String) {
    do {
      _ = try FindingThresholds.parse([assignment])
      Issue.record("\(assignment) was accepted")
    } catch {
      guard case .badValue(_, _, let wanted) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(wanted.hasPrefix(expected))
      #expect(error.description.hasPrefix("--threshold \(assignment): expected \(expected)"))
    }
  }

  @Test(arguments: ["kv_pressure_pct", "=95", "kv_pressure_pct=", ""])
  func malformedAssignments(assignment: String) {
    #expect(throws: ThresholdError.malformed(assignment)) { try FindingThresholds.parse([assignment]) }
  }

  @Test func editDistance() {
    #expect(FindingThresholds.editDistance("kitten", "sitting") == 3)
    #expect(FindingThresholds.editDistance("", "abc") == 3)
    #expect(FindingThresholds.editDistance("same", "same") == 0)
  }
}
