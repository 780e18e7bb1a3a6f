import Testing

@testable import PromMetrics

@Suite struct ExpositionParserTests {
  @Test func helpTypeAndSamplesFormOneFamily() throws {
    let e = ExpositionParser.parse(
      """
      # HELP http_requests_total The total number of HTTP requests.
      # TYPE http_requests_total counter
      http_requests_total{method="post",code="200"} 1027 1395066363000
      http_requests_total{method="post",code="400"}    3 1395066363000

      # A plain comment
      metric_without_timestamp_and_labels 12.47
      """)
    #expect(e.issues.isEmpty)
    #expect(e.families.count == 2)
    let f = try #require(e.family("http_requests_total"))
    #expect(f.type == .counter)
    #expect(f.help == "The total number of HTTP requests.")
    #expect(f.samples.count == 2)
    #expect(f.samples[0].labels["code"] == "200")
    #expect(f.samples[0].value == 1027)
    #expect(f.samples[0].timestamp == 1_395_066_363_000)
    #expect(f.samples[0].role == .total)
    #expect(f.samples[1].value == 3)
    #expect(f.samples[1].line == 4)
    let plain = try #require(e.family("metric_without_timestamp_and_labels"))
    #expect(plain.type == .untyped)
    #expect(plain.samples[0].value == 12.47)
    #expect(plain.samples[0].timestamp == nil)
    // The counter is also found by its OpenMetrics family name.
    #expect(e.family("http_requests")?.name == "http_requests_total")
  }

  @Test func labelEscapesAreUnescaped() throws {
    let e = ExpositionParser.parse(
      #"msdos_file_access_time_seconds{path="C:\\DIR\\FILE.TXT",error="Cannot find file:\n\"FILE.TXT\""} 1.458255915e9"#
    )
    #expect(e.issues.isEmpty)
    let s = try #require(e.families.first?.samples.first)
    #expect(s.labels["path"] == #"C:\DIR\FILE.TXT"#)
    #expect(s.labels["error"] == "Cannot find file:\n\"FILE.TXT\"")
    #expect(s.value == 1_458_255_915)
    // Written back with the same escapes.
    #expect(s.labels.description == #"{path="C:\\DIR\\FILE.TXT",error="Cannot find file:\n\"FILE.TXT\""}"#)
  }

  @Test func specialValuesAndTimestamps() throws {
    let e = ExpositionParser.parse(
      """
      a NaN
      b +Inf
      c -Inf
      d Inf 1700000000000
      e -0.5e-3 -42
      f 1.7959279342495193e+09
      g 0x10
      """)
    #expect(e.issues.isEmpty)
    let v = e.samples
    #expect(v[0].value.isNaN)
    #expect(v[1].value == .infinity)
    #expect(v[2].value == -.infinity)
    #expect(v[3].value == .infinity && v[3].timestamp == 1_700_000_000_000)
    #expect(v[4].value == -0.0005 && v[4].timestamp == -42)
    #expect(v[5].value == 1.7959279342495193e+09)
    #expect(v[6].value == 16)  // Go's ParseFloat accepts hex floats too
  }

  @Test func malformedLinesAreReportedWithTheirNumberAndSkipped() {
    let e = ExpositionParser.parse(
      """
      # TYPE good gauge
      good 1
      good{a="x" 2
      good{a="x"} notanumber
      {a="x"} 3
      good{a="\\q"} 4
      good{a="x",a="y"} 5
      good{a="y"} 6 7 8
      good{b="z"} 9
      good
      # TYPE good counter
      # TYPE mystery lemon
      """)
    #expect(e.issues.map(\.line) == [3, 4, 5, 6, 7, 8, 10, 11, 12])
    #expect(e.issues[1].message.contains("notanumber"))
    #expect(e.issues[3].message.contains("escape"))
    #expect(e.issues[6].message.contains("missing value"))
    #expect(e.issues[7].message.contains("second # TYPE"))
    let good = e.family("good")
    #expect(good?.samples.map(\.value) == [1, 9])
    #expect(good?.type == .gauge)
  }

  @Test func openMetricsCountersCreatedExemplarsAndEOF() throws {
    let e = ExpositionParser.parse(
      """
      # TYPE foo counter
      # UNIT foo seconds
      # HELP foo A counter.
      foo_total{a="1"} 17.0 1520879607.789 # {trace_id="KOO5S4vxi0o"} 0.67
      foo_created{a="1"} 1520430000.123
      # TYPE hist histogram
      hist_bucket{le="0.5"} 1 # {trace_id="x"} 0.3 1520879607.7
      hist_bucket{le="+Inf"} 2
      hist_count 2
      hist_sum 1.2
      hist_created 1520430000
      # EOF
      trailing 1
      """)
    #expect(e.sawEOF)
    #expect(e.issues.map(\.line) == [13])
    let foo = try #require(e.family("foo"))
    #expect(foo.unit == "seconds")
    #expect(foo.samples.map(\.role) == [.total, .created])
    #expect(foo.samples[0].value == 17 && foo.samples[0].timestamp == 1_520_879_607.789)
    #expect(e.family("foo_total")?.name == "foo")
    let h = try #require(e.family("hist")?.histograms.first)
    #expect(h.buckets.map(\.count) == [1, 2])
    #expect(h.created == 1_520_430_000)
    #expect(e.family("trailing") == nil)
  }

  @Test func createdGaugeFamiliesOfFormat004JoinTheirParent() throws {
    // prometheus_client 0.0.4 output: the counter family carries _total in its TYPE name and the
    // _created series comes as its own gauge family.
    let e = ExpositionParser.parse(
      """
      # HELP vllm:prompt_tokens_total Number of prefill tokens processed.
      # TYPE vllm:prompt_tokens_total counter
      vllm:prompt_tokens_total{engine="0",model_name="m"} 2224.0
      # HELP vllm:prompt_tokens_created Number of prefill tokens processed.
      # TYPE vllm:prompt_tokens_created gauge
      vllm:prompt_tokens_created{engine="0",model_name="m"} 1.7959288422782917e+09
      """)
    #expect(e.issues.isEmpty)
    #expect(e.families.count == 1)
    let f = try #require(e.family("vllm:prompt_tokens"))
    #expect(f.samples.map(\.role) == [.total, .created])
    #expect(f.baseName == "vllm:prompt_tokens")
  }

  @Test func bucketsAreSortedNumericallyWithInfLast() throws {
    let e = ExpositionParser.parse(
      """
      # TYPE h histogram
      h_bucket{le="+Inf"} 10
      h_bucket{le="10.0"} 9
      h_bucket{le="2.5"} 5
      h_bucket{le="1e-3"} 1
      h_bucket{le="100"} 10
      h_sum 42
      h_count 10
      h_bucket{le="abc"} 3
      h_bucket 3
      """)
    #expect(e.issues.map(\.line) == [9, 10])
    let h = try #require(e.family("h")?.histograms.first)
    #expect(h.buckets.map(\.upperBound) == [0.001, 2.5, 10, 100, .infinity])
    #expect(h.buckets.map(\.count) == [1, 5, 9, 10, 10])
    #expect(h.count == 10 && h.sum == 42)
  }

  @Test func histogramsSplitByLabelSetAndCRLFIsAccepted() throws {
    let text =
      "# TYPE r histogram\r\n"
      + "r_bucket{engine=\"0\",le=\"1.0\"} 1\r\n"
      + "r_bucket{engine=\"0\",le=\"+Inf\"} 2\r\n"
      + "r_bucket{engine=\"1\",le=\"1.0\"} 3\r\n"
      + "r_bucket{engine=\"1\",le=\"+Inf\"} 4\r\n"
      + "r_count{engine=\"1\"} 4\r\n"
    let e = ExpositionParser.parse(text)
    #expect(e.issues.isEmpty)
    let hs = try #require(e.family("r")?.histograms)
    #expect(hs.count == 2)
    #expect(hs[1].labels["engine"] == "1" && hs[1].count == 4 && hs[1].buckets.map(\.count) == [3, 4])
  }

  @Test func summariesKeepQuantileSamples() throws {
    let e = ExpositionParser.parse(
      """
      # TYPE rpc summary
      rpc{quantile="0.5"} 4773
      rpc{quantile="0.99"} 76656
      rpc_sum 1.7560473e+07
      rpc_count 2693
      """)
    #expect(e.issues.isEmpty)
    let f = try #require(e.family("rpc"))
    #expect(f.samples.map(\.role) == [.quantile, .quantile, .sum, .count])
  }
}
