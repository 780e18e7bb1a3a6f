import Foundation
import ProfileMateCore
import ReportSchema

/// Reads a saved `analyze --json` report back into a ``RunSummary`` (figures only: a saved report holds
/// no single steps and no per-request benchmark values, so comparisons against it have no bootstrap
/// intervals). The report is decoded into ``ReportDocument``, the same types `analyze --json` is written from.
public enum SavedReport {
  /// The report schema version this build reads back.
  public static let supportedVersion = ReportDocument.currentSchemaVersion

  /// Reads the report at `path` into ``ReportDocument`` (the schema `analyze --json` writes) and takes its
  /// figures.
  /// - Throws: ``InputError`` naming the path when it cannot be read, is not JSON, is not a ProfileMate
  ///   report of schema version 1, or has a member of the wrong type (naming the member).
  public static func read(path: String) throws -> RunSummary {
    RunSummary(try document(path: path), source: path)
  }

  /// The saved report at `path` as a document.
  /// - Throws: as ``read(path:)``.
  public static func document(path: String) throws -> ReportDocument {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw InputError("\(path): cannot read: \(error.localizedDescription)")
    }
    let decoder = JSONDecoder()
    guard let probe = try? decoder.decode(SchemaVersionProbe.self, from: data) else {
      throw InputError("\(path): not a JSON object (expected a saved `profilemate analyze --json` report)")
    }
    switch probe.version {
    case .missing:
      throw InputError("\(path): no schema_version (expected a saved `profilemate analyze --json` report)")
    case .notAnInteger:
      throw InputError(
        "\(path): schema_version is not an integer (expected a saved `profilemate analyze --json` report)")
    case .value(let version) where version != supportedVersion:
      throw InputError(
        "\(path): report schema_version \(version) is not supported (this build reads \(supportedVersion))")
    case .value:
      break
    }
    do {
      return try decoder.decode(ReportDocument.self, from: data)
    } catch let error as DecodingError {
      throw InputError("\(path): \(problem(error)) (expected a saved `profilemate analyze --json` report)")
    }
  }

  /// A decoding error in words, naming the member (`steps.by_kind.decode.count: expected a number`).
  static func problem(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      var out = ""
      for key in keys {
        if let i = key.intValue {
          out += "[\(i)]"
        } else {
          out += (out.isEmpty ? "" : ".") + key.stringValue
        }
      }
      return out
    }
    switch error {
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)): expected \(kind(type))"
    case .valueNotFound(let type, let context):
      return "\(path(context.codingPath)): expected \(kind(type)), found null"
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])): missing"
    case .dataCorrupted(let context):
      let at = path(context.codingPath)
      return (at.isEmpty ? "" : at + ": ") + context.debugDescription
    @unknown default:
      return "\(error)"
    }
  }

  /// The JSON kind a Swift type is read from.
  private static func kind(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Int.Type, is Double.Type: return "a number"
    case is Bool.Type: return "true or false"
    default: return "an object or array of the report schema"
    }
  }
}
