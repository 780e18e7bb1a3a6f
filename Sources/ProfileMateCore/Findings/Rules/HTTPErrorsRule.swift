/// `http_5xx`: the API server answered requests with server errors.
package struct HTTPErrorsRule: LogFindingRule {
  package let info = RuleInfo(
    id: "http_5xx", area: .http, sources: [.log], severities: [.warning],
    summary: "any HTTP 5xx line in the access log")

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    let server = a.model.requests.httpByStatusClass["5xx"] ?? 0
    guard server > 0 else { return [] }
    return [
      Finding(
        id: info.id, severity: .warning, title: "\(server) request(s) failed with a server error (HTTP 5xx)",
        evidence: [
          Evidence("access log: \(server) 5xx responses of \(a.model.requests.httpByStatusClass.values.reduce(0, +))")
        ],
        recommendation: "See the error findings and the engine's tracebacks for the cause.")
    ]
  }
}
