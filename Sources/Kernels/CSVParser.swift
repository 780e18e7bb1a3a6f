/// A byte-level reader of RFC 4180 CSV: comma-separated fields, double-quoted fields that may hold commas,
/// newlines and `""`, and `\n` or `\r\n` line ends. Blank lines are skipped.
public enum CSVParser {
  /// Every record of `bytes` from byte `start`, with 1-based line numbers counted from `firstLine`.
  /// - Throws: ``KernelInputError`` for a quoted field that never closes.
  public static func records(_ bytes: [UInt8], start: Int = 0, firstLine: Int = 1) throws -> [CSVRecord] {
    var out: [CSVRecord] = []
    var i = start
    var line = firstLine
    let n = bytes.count
    var fields: [String] = []
    var field: [UInt8] = []
    var recordLine = line
    var atRecordStart = true
    while i < n {
      let b = bytes[i]
      if atRecordStart {
        recordLine = line
        atRecordStart = false
      }
      if b == UInt8(ascii: "\"") && field.isEmpty {
        // A quoted field: up to the closing quote that is not doubled.
        let opened = line
        i += 1
        var closed = false
        while i < n {
          let c = bytes[i]
          if c == UInt8(ascii: "\"") {
            if i + 1 < n && bytes[i + 1] == UInt8(ascii: "\"") {
              field.append(c)
              i += 2
              continue
            }
            i += 1
            closed = true
            break
          }
          if c == UInt8(ascii: "\n") { line += 1 }
          field.append(c)
          i += 1
        }
        if !closed { throw KernelInputError("line \(opened): a quoted field is never closed") }
        // Anything between the closing quote and the separator is kept, as spreadsheet tools do.
        continue
      }
      if b == UInt8(ascii: ",") {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        i += 1
        continue
      }
      if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
        if b == UInt8(ascii: "\r") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
        i += 1
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        if !(fields.count == 1 && fields[0].isEmpty) { out.append(CSVRecord(line: recordLine, fields: fields)) }
        fields.removeAll(keepingCapacity: true)
        line += 1
        atRecordStart = true
        continue
      }
      field.append(b)
      i += 1
    }
    if !atRecordStart {
      fields.append(String(decoding: field, as: UTF8.self))
      if !(fields.count == 1 && fields[0].isEmpty) { out.append(CSVRecord(line: recordLine, fields: fields)) }
    }
    return out
  }
}
