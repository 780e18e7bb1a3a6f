import Testing

@testable import ProfileMateCore

@Suite struct FormatTests {
  @Test func fixedPadsAndRounds() {
    #expect(Format.fixed(1234.5) == "1234.5")
    #expect(Format.fixed(1234.5, 2) == "1234.50")
    #expect(Format.fixed(5, 0) == "5")
    #expect(Format.fixed(0.007, 3) == "0.007")
    #expect(Format.fixed(-3.14159, 2) == "-3.14")
    #expect(Format.fixed(9.996, 2) == "10.00")
    #expect(Format.fixed(0, 2) == "0.00")
  }

  @Test func fixedNeverPrintsNegativeZero() {
    // −0.04 rounds to 0.0 at one decimal; a sign would read as a negative value.
    #expect(Format.fixed(-0.04, 1) == "0.0")
    #expect(Format.fixed(-0.0, 2) == "0.00")
  }

  @Test func fixedNamesNonFiniteValues() {
    #expect(Format.fixed(.nan) == "nan")
    #expect(Format.fixed(.infinity, 2) == "inf")
    #expect(Format.fixed(-.infinity) == "-inf")
  }

  @Test func fixedFallsBackForHugeValues() {
    // 1e20·10 exceeds the UInt64 fast path; the value must still be printed, not trap.
    #expect(Format.fixed(1e20, 1) == "1e+20")
  }

  @Test(arguments: [
    (0, "0"), (999, "999"), (1000, "1,000"), (5_863_776, "5,863,776"), (-1_234_567, "-1,234,567"),
    (100_000, "100,000"), (-12, "-12"),
  ])
  func groupedInsertsThousandsSeparators(n: Int, text: String) {
    #expect(Format.grouped(n) == text)
  }

  @Test
  func groupedHandlesIntMin() {
    #expect(Format.grouped(Int.min) == "-9,223,372,036,854,775,808")
  }

  @Test func autoChoosesDecimalsBySize() {
    #expect(Format.auto(12_345.6) == "12,346")
    #expect(Format.auto(123.44) == "123.4")
    #expect(Format.auto(1.234) == "1.23")
    #expect(Format.auto(0.012345) == "0.0123")
    #expect(Format.auto(0) == "0")
    #expect(Format.auto(-5) == "-5.00")
    #expect(Format.auto(.nan) == "nan")
  }

  @Test func pctAndMs() {
    #expect(Format.pct(12.34) == "12.3%")
    #expect(Format.pct(0) == "0.0%")
    #expect(Format.ms(9.567) == "9.57 ms")
  }

  @Test func linesListsAtMostFive() {
    #expect(Format.lines([]) == "")
    #expect(Format.lines([12]) == "line 12")
    #expect(Format.lines([1, 2, 3]) == "lines 1, 2, 3")
    #expect(Format.lines([1, 2, 3, 4, 5]) == "lines 1, 2, 3, 4, 5")
    #expect(Format.lines([1, 2, 3, 4, 5, 6, 7]) == "lines 1, 2, 3, 4, 5 (+2 more)")
  }
}
