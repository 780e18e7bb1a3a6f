import Foundation

/// An experiment plan (docs/experiment.md): a server command, the variants to add to it, the load to drive
/// each with, and how many repetitions.
public struct ExperimentPlan: Sendable, Equatable {
  /// One variant of the server.
  public struct Variant: Sendable, Equatable {
    /// Its name (a directory name: letters, digits, `.`, `_`, `-`).
    public var name: String
    /// Arguments appended to `server.command`.
    public var args: [String]
    /// Environment added to `server.env`.
    public var env: [String: String]
  }

  /// The server's command line.
  public var command: [String]
  /// Environment for every variant.
  public var env: [String: String]
  /// Where the server listens (loopback only).
  public var baseURL: String
  /// Host and port of `baseURL`.
  public var host: String
  /// Port of `baseURL`.
  public var port: Int
  /// Seconds to wait for `/health` after a start.
  public var healthTimeout: Double
  /// The variants, baseline first.
  public var variants: [Variant]
  /// `profilemate load` arguments (without `--base-url` and the result options, which the experiment adds).
  public var load: [String]
  /// Repetitions of every variant.
  public var repeatCount: Int

  /// Reads a plan from JSON; `source` names the file in messages.
  /// - Throws: ``ExperimentError`` naming the field that is missing or wrong.
  public static func parse(_ data: Data, source: String) throws(ExperimentError) -> ExperimentPlan {
    guard let root = try? JSONSerialization.jsonObject(with: data), let o = root as? [String: Any] else {
      throw ExperimentError("\(source): not a JSON object (expected an experiment plan, docs/experiment.md)")
    }
    func fail(_ field: String, _ what: String) -> ExperimentError { ExperimentError("\(source): \(field) \(what)") }
    guard let server = o["server"] as? [String: Any] else { throw fail("server", "must be an object") }
    guard let command = server["command"] as? [String], !command.isEmpty else {
      throw fail("server.command", "must be a non-empty array of strings")
    }
    let env = try strings(server["env"], "server.env", source)
    guard let baseURL = server["base_url"] as? String, let url = URL(string: baseURL), url.scheme == "http",
      let host = url.host, let port = url.port
    else {
      throw fail("server.base_url", "must be an http URL with a port, e.g. http://127.0.0.1:8761")
    }
    guard ["127.0.0.1", "::1", "localhost", "[::1]"].contains(host) else {
      throw fail("server.base_url", "must be a loopback address (127.0.0.1, ::1 or localhost)")
    }
    let health = (server["health_timeout_s"] as? NSNumber)?.doubleValue ?? 900
    guard health > 0, health <= 86_400 else { throw fail("server.health_timeout_s", "must be 0…86400 seconds") }
    guard let list = o["variants"] as? [Any], !list.isEmpty, list.count <= 1000 else {
      throw fail("variants", "must be a non-empty array (at most 1000)")
    }
    var variants: [Variant] = []
    for (i, item) in list.enumerated() {
      guard let v = item as? [String: Any], let name = v["name"] as? String, !name.isEmpty,
        name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }), name != ".", name != ".."
      else {
        throw fail("variants[\(i)].name", "must be a name of letters, digits, '.', '_' or '-'")
      }
      guard !variants.contains(where: { $0.name == name }) else { throw fail("variants[\(i)].name", "repeats \(name)") }
      let args = v["args"] == nil ? [] : (v["args"] as? [String])
      guard let args else { throw fail("variants[\(i)].args", "must be an array of strings") }
      variants.append(Variant(name: name, args: args, env: try strings(v["env"], "variants[\(i)].env", source)))
    }
    guard let load = o["load"] as? [String] else {
      throw fail("load", "must be an array of profilemate load arguments")
    }
    for reserved in ["--base-url", "--host", "--port", "--save-result", "--result-dir", "--result-filename"]
    where load.contains(reserved) {
      throw fail("load", "must not contain \(reserved) (the experiment sets it)")
    }
    let repeatCount = (o["repeat"] as? NSNumber)?.intValue ?? 1
    guard repeatCount >= 1, repeatCount <= 100 else { throw fail("repeat", "must be 1…100") }
    return ExperimentPlan(
      command: command, env: env, baseURL: baseURL, host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")),
      port: port, healthTimeout: health, variants: variants, load: load, repeatCount: repeatCount)
  }

  static func strings(_ value: Any?, _ field: String, _ source: String) throws(ExperimentError) -> [String: String] {
    guard let value else { return [:] }
    guard let o = value as? [String: Any] else { throw ExperimentError("\(source): \(field) must be an object") }
    var out: [String: String] = [:]
    for (k, v) in o {
      guard let s = v as? String else { throw ExperimentError("\(source): \(field).\(k) must be a string") }
      out[k] = s
    }
    return out
  }

  /// The run directory of a variant's repetition, under `out`.
  public func runDirectory(_ out: String, variant: Variant, repetition: Int) -> String {
    "\(out)/\(variant.name)/rep-\(repetition)"
  }
}

/// An experiment failure with a one-line, user-facing message.
public struct ExperimentError: Error, CustomStringConvertible, Sendable {
  /// The message.
  public let description: String

  /// Creates an error.
  public init(_ description: String) { self.description = description }
}
