import Foundation
import Testing

@testable import ReportSchema

@Suite struct OrderedMapTests {
  private func encoded<V, O>(_ m: OrderedMap<V, O>) throws -> String {
    try ReportJSONEncoder(pretty: false).encode(m)
  }

  @Test func lexicalOrderWhateverTheInsertionOrder() throws {
    let m = OrderedMap<Int, KeyOrder.Lexical>([("stats", 1), ("iteration", 2), ("a", 3)])
    #expect(m.keys == ["a", "iteration", "stats"])
    #expect(try encoded(m) == #"{"a":3,"iteration":2,"stats":1}"#)
  }

  @Test func knownKeysFirstThenTheRest() {
    let kinds = OrderedMap<Int, KeyOrder.StepKinds>([("idle", 0), ("zz", 9), ("decode", 2), ("prefill", 1), ("aa", 8)])
    #expect(kinds.keys == ["prefill", "decode", "idle", "aa", "zz"])
    let modes = OrderedMap<Int, KeyOrder.RuntimeModes>([("NONE", 0), ("FULL", 1), ("PIECEWISE", 2)])
    #expect(modes.keys == ["FULL", "PIECEWISE", "NONE"])
    let classes = OrderedMap<Int, KeyOrder.StepClasses>([
      ("prefill", 0), ("mixed", 1), ("uniform_decode", 2), ("decode", 3),
    ])
    #expect(classes.keys == ["uniform_decode", "decode", "mixed", "prefill"])
    let metrics = OrderedMap<Int, KeyOrder.LatencyMetrics>([("e2el", 0), ("itl", 1), ("ttft", 2), ("tpot", 3)])
    #expect(metrics.keys == ["ttft", "tpot", "itl", "e2el"])
  }

  @Test func percentilesByTheirNumber() {
    let m = OrderedMap<Double?, KeyOrder.Percentiles>([("p99.9", 1), ("p100", 2), ("p5", 3), ("p50", 4), ("p99", nil)])
    #expect(m.keys == ["p5", "p50", "p99", "p99.9", "p100"])
  }

  @Test func subscriptReplacesAndRemoves() {
    var m = OrderedMap<String, KeyOrder.Lexical>()
    m["b"] = "1"
    m["a"] = "2"
    m["b"] = "3"
    #expect(m.entries.map(\.key) == ["a", "b"] && m["b"] == "3")
    m["a"] = nil
    #expect(m.keys == ["b"] && m["a"] == nil)
  }

  @Test func decodedMapIsWrittenInItsOrder() throws {
    let json = #"{"mixed": 3, "idle": 4, "prefill": 1, "decode": 2}"#
    let m = try JSONDecoder().decode(OrderedMap<Int, KeyOrder.StepKinds>.self, from: Data(json.utf8))
    #expect(try encoded(m) == #"{"prefill":1,"decode":2,"mixed":3,"idle":4}"#)
  }

  @Test func nullValuesSurviveTheRoundTrip() throws {
    let json = #"{"decode":null,"prefill":{"steps":3}}"#
    let m = try JSONDecoder().decode(
      OrderedMap<ReportDocument.StepTimeFit?, KeyOrder.StepKinds>.self, from: Data(json.utf8))
    #expect(m.keys == ["prefill", "decode"])
    #expect(
      try encoded(m)
        == #"{"prefill":{"steps":3,"intercept_ms":null,"ms_per_token":null,"r_squared":null,"rmse_ms":null},"decode":null}"#
    )
  }
}
