import Testing

@testable import Kernels

/// A source that hands out `step` bytes per read, so every token crosses window refills.
final class TrickleSource: TraceByteSource {
  let bytes: [UInt8]
  let step: Int
  var position = 0

  init(_ text: String, step: Int) {
    bytes = Array(text.utf8)
    self.step = step
  }

  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws -> Int {
    let n = min(step, capacity, bytes.count - position)
    guard n > 0 else { return 0 }
    bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + position, byteCount: n) }
    position += n
    return n
  }
}

@Suite struct JSONByteStreamTests {
  @Test func tokensSurviveAnyWindowAndReadSize() throws {
    let text = #"  {"a\"b\u00e9\ud83d\ude00": [1, -2.5e3, 5551154066934.214, true, null, {"x": "}]"}], "z": "end"}"#
    for window in [1, 2, 3, 7, 64] {
      for step in [1, 2, 5, 1000] {
        let s = JSONByteStream(TrickleSource(text, step: step), window: window)
        try s.expect(UInt8(ascii: "{"))
        var key: [UInt8] = []
        try s.string(into: &key)
        #expect(String(decoding: key, as: UTF8.self) == "a\"bé😀", "window \(window) step \(step)")
        try s.expect(UInt8(ascii: ":"))
        try s.expect(UInt8(ascii: "["))
        #expect(try s.number().scaled(0) == 1)
        try s.expect(UInt8(ascii: ","))
        #expect(try s.number().scaled(0) == -2500)
        try s.expect(UInt8(ascii: ","))
        // Microseconds with three decimals to whole nanoseconds, exactly.
        #expect(try s.number().scaled(3) == 5_551_154_066_934_214)
        try s.expect(UInt8(ascii: ","))
        try s.skipValue()
        try s.expect(UInt8(ascii: ","))
        try s.skipValue()
        try s.expect(UInt8(ascii: ","))
        try s.skipValue()  // {"x": "}]"} — brackets inside a string do not count
        try s.expect(UInt8(ascii: "]"))
        try s.expect(UInt8(ascii: ","))
        try s.string(into: &key)
        #expect(key == Array("z".utf8))
        try s.expect(UInt8(ascii: ":"))
        try s.skipValue()
        try s.expect(UInt8(ascii: "}"))
        #expect(try s.peek() == nil)
      }
    }
  }

  @Test func roundingOfScaledNumbers() throws {
    for (text, shift, want) in [("1.2345", 3, Int64(1235)), ("0.0004", 3, 0), ("-1.5", 0, -2), ("2e2", 0, 200)] {
      let s = JSONByteStream(TrickleSource(text, step: 1))
      #expect(try s.number().scaled(shift) == want, "\(text)")
    }
  }

  @Test func malformedTracesNameTheByte() throws {
    for bad in [#"{"traceEvents": [{"ph": "X""#, #"{"traceEvents": [1, 2"#, #"{"traceEvents": "x"}"#, #"{"a": 1}"#] {
      #expect(throws: KernelInputError.self, "\(bad)") { _ = try ChromeTraceReader.read(TrickleSource(bad, step: 3)) }
    }
  }
}
