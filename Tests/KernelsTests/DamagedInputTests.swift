import Foundation
import ProfileMateCore
import Testing

@testable import Kernels

/// Damaged copies of every fixture (bytes replaced, deleted, duplicated, cut) must be read or refused with a
/// ``KernelInputError``, never trap. Deterministic: SplitMix64 with fixed seeds.
@Suite struct DamagedInputTests {
  static func inputs() throws -> [(String, [UInt8])] {
    var out = try Fixtures.nsightFiles.map { ($0, try Fixtures.bytes(Fixtures.nsight($0))) }
    out.append(("trace", try TorchTraceTests.gunzip(TorchTraceTests.path)))
    out.append(("raw page", Array(UnitsAndLayoutTests.rawPage.utf8)))
    out.append(("nsys text", Array(UnitsAndLayoutTests.nsysText.utf8)))
    return out
  }

  static let specials: [UInt8] = Array("\",\n\r{}[]:-.0123456789eE\\u%() ".utf8)

  @Test func mutationsNeverTrap() throws {
    var rng = SplitMix64(seed: 0x6B65_726E_656C_73)
    var read = 0
    var refused = 0
    for (_, original) in try Self.inputs() {
      for _ in 0..<25 {
        var bytes = original
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
          guard !bytes.isEmpty else { break }
          let at = Int.random(in: 0..<bytes.count, using: &rng)
          switch Int.random(in: 0..<5, using: &rng) {
          case 0: bytes[at] = Self.specials.randomElement(using: &rng)!
          case 1: bytes.remove(at: at)
          case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 16)], at: at)
          case 3: bytes.removeSubrange(at...)
          default: bytes[at] = UInt8.random(in: 0...255, using: &rng)
          }
        }
        do {
          _ = try KernelInput.report(bytes, gpu: GPUCatalog.lookup("H100"))
          read += 1
        } catch is KernelInputError {
          refused += 1
        }
      }
    }
    // Both outcomes occur: the mutations reach past the detector into the readers.
    #expect(read > 0 && refused > 0)
  }

  @Test func outOfRangeTimesAreRefused() {
    let json =
      #"{"traceEvents": [{"ph": "X", "cat": "cpu_op", "name": "a", "pid": 1, "tid": 1, "ts": 1e30, "dur": 1}]}"#
    #expect(throws: KernelInputError.self) { _ = try KernelInput.report(Array(json.utf8)) }
  }
}
