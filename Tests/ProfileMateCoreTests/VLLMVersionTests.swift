import Testing

@testable import ProfileMateCore

@Suite struct VLLMVersionTests {
  @Test(arguments: [
    ("0.15.0", [0, 15, 0]), ("0.10.1.1", [0, 10, 1, 1]), ("0.5.2.dev1210+g6f078ea3c", [0, 5, 2]),
    ("0.6.3.post1", [0, 6, 3]), ("0.11", [0, 11, 0]), ("1", [1, 0, 0]), ("1.0rc1", [1, 0, 0]),
    ("0.32.0+cpu", [0, 32, 0]),
  ])
  func parsesLeadingNumericComponents(text: String, components: [Int]) throws {
    let v = try #require(VLLMVersion(text))
    #expect(v.components == components)
  }

  @Test(arguments: ["", "abc", "v0.15.0", ".1.2", "dev"])
  func rejectsTextWithoutLeadingNumber(text: String) {
    #expect(VLLMVersion(text) == nil)
  }

  @Test func comparesNumericallyNotLexically() throws {
    let v092 = try #require(VLLMVersion("0.9.2"))
    let v0100 = try #require(VLLMVersion("0.10.0"))
    #expect(v092 < v0100)
    let v0140 = try #require(VLLMVersion("0.14.0"))
    let v0139 = try #require(VLLMVersion("0.13.9"))
    let v01011 = try #require(VLLMVersion("0.10.1.1"))
    let v0101 = try #require(VLLMVersion("0.10.1"))
    let v100 = try #require(VLLMVersion("1.0.0"))
    let v09999 = try #require(VLLMVersion("0.99.99"))
    #expect(VLLMVersion(0, 14) <= v0140 && v0140 >= VLLMVersion(0, 14))
    #expect(!(v0140 < VLLMVersion(0, 14)))
    #expect(v0139 < VLLMVersion(0, 14))
    #expect(v01011 > v0101)
    #expect(v100 > v09999)
  }

  @Test func descriptionJoinsComponents() throws {
    #expect(VLLMVersion(0, 14).description == "0.14.0")
    #expect(try #require(VLLMVersion("0.10.1.1")).description == "0.10.1.1")
  }
}
