import Experiment
import Foundation
import Testing

@Suite struct ExperimentPlanTests {
  func parse(_ text: String) throws -> ExperimentPlan {
    try ExperimentPlan.parse(Data(text.utf8), source: "plan.json")
  }

  @Test func aPlanReadsWithItsDefaults() throws {
    let p = try parse(
      """
      {"server": {"command": ["profilemate", "mock", "--port", "8761"], "base_url": "http://127.0.0.1:8761"},
       "variants": [{"name": "seqs1", "args": ["--max-num-seqs", "1"]}, {"name": "seqs16", "args": ["--max-num-seqs", "16"], "env": {"A": "b"}}],
       "load": ["--model", "mock", "--num-prompts", "20"]}
      """)
    #expect(p.command == ["profilemate", "mock", "--port", "8761"])
    #expect(p.host == "127.0.0.1" && p.port == 8761)
    #expect(p.variants.map(\.name) == ["seqs1", "seqs16"])
    #expect(p.variants[1].env == ["A": "b"])
    #expect(p.repeatCount == 1 && p.healthTimeout == 900)
    #expect(p.runDirectory("out", variant: p.variants[1], repetition: 2) == "out/seqs16/rep-2")
  }

  @Test(arguments: [
    ("{\"server\": {}}", "server.command"),
    (
      "{\"server\": {\"command\": [\"x\"], \"base_url\": \"http://10.0.0.1:80\"}, \"variants\": [{\"name\": \"a\"}], \"load\": []}",
      "loopback"
    ),
    (
      "{\"server\": {\"command\": [\"x\"], \"base_url\": \"http://127.0.0.1:80\"}, \"variants\": [{\"name\": \"../a\"}], \"load\": []}",
      "variants[0].name"
    ),
    (
      "{\"server\": {\"command\": [\"x\"], \"base_url\": \"http://127.0.0.1:80\"}, \"variants\": [{\"name\": \"a\"}], \"load\": [\"--result-dir\", \"x\"]}",
      "--result-dir"
    ),
    (
      "{\"server\": {\"command\": [\"x\"], \"base_url\": \"http://127.0.0.1:80\"}, \"variants\": [{\"name\": \"a\"}], \"load\": [], \"repeat\": 0}",
      "repeat"
    ),
  ])
  func badPlansNameTheField(_ text: String, _ field: String) {
    do {
      _ = try parse(text)
      Issue.record("accepted a bad plan")
    } catch {
      let message = String(describing: error)
      #expect(message.hasPrefix("plan.json: "))
      #expect(message.contains(field))
    }
  }
}
