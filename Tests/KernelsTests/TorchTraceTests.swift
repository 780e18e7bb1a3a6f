import Foundation
import Testing

@testable import Kernels

/// The trace recorded from a real vLLM 0.32 CPU server (Fixtures/vllm-cpu-0.32-tiny-llama.source.md).
@Suite struct TorchTraceTests {
  static let path = Fixtures.own("vllm-cpu-0.32-tiny-llama.pt.trace.json.gz")

  /// The trace, decompressed (the CLI streams it through ProfileMateIO; here zlib is not needed for the figures).
  static func report() throws -> KernelReport {
    try KernelInput.report(try gunzip(Self.path))
  }

  /// Decompresses with the system's gzip (the test target does not link zlib).
  static func gunzip(_ path: String) throws -> [UInt8] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", "gzip -dc '\(path)'"]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return [UInt8](data)
  }

  @Test func stepsAndOperatorsMatchTheIndependentFigures() throws {
    let r = try Self.report()
    let t = try #require(r.trace)
    var text = "events \(t.events), steps \(t.steps.count)\n"
    for s in t.steps {
      text +=
        "ProfilerStep#\(s.number) \(s.startNS) \(s.durationNS) calls \(s.opCalls) op_ns \(s.cpuOpNS) "
        + s.labels.joined(separator: " ") + "\n"
    }
    for o in t.ops.prefix(10) {
      text += "op \(o.calls) \(o.selfNS) \(o.topLevelCalls) \(o.topLevelNS) \(o.name)\n"
    }
    let got = text.split(separator: "\n")
    let want = expectedTraceFigures.split(separator: "\n")
    #expect(got.count == want.count)
    for (g, w) in zip(got, want) where g != w { Issue.record("got  \(g)\nwant \(w)") }
  }

  @Test func selfTimesAgreeWithTorchsOwnTable() throws {
    // torch.profiler's key_averages table for the same trace (profiler_out.txt): Self CPU and # of Calls.
    let torch: [(String, Double, Int)] = [
      ("_C::onednn_mm", 12.220e6, 102), ("_C::fused_gumbel_argmax", 803.165e3, 6),
      ("vllm::unified_kv_cache_update", 788.333e3, 24), ("vllm::unified_attention_with_output", 654.916e3, 24),
      ("aten::slice", 451.860e3, 442), ("_C::cpu_attention_with_kv_cache", 387.236e3, 24),
    ]
    let t = try #require(try Self.report().trace)
    for (name, selfNS, calls) in torch {
      let o = try #require(t.ops.first { $0.name == name }, "\(name)")
      #expect(o.calls == calls, "\(name)")
      // torch prints self time to 5 significant figures; 12.220ms is ±0.5 µs, 803.165us ±0.5 ns.
      let tolerance = selfNS >= 1e7 ? 500.0 : 0.5
      #expect(abs(Double(o.selfNS) - selfNS) <= tolerance, "\(name): \(o.selfNS) vs \(selfNS)")
    }
  }

  @Test func vllmBatchShapesAndFindings() throws {
    let r = try Self.report()
    let t = try #require(r.trace)
    #expect(t.vllmVersion == "0.32.0")
    #expect(t.deviceEvents == 0 && r.kernels.isEmpty)
    // Step 1 prefills one request of 23 tokens; step 3 mixes two prefills (46 tokens) and one decode.
    #expect(t.steps[0].shape == VLLMStepShape(label: "execute_context_1(23)_generation_0(0)"))
    #expect(t.steps[0].shape?.contextTokens == 23)
    #expect(t.steps[2].shape?.contextRequests == 2 && t.steps[2].shape?.generationRequests == 1)
    // Outside operators, from the script's figures: durations 25,701,745 + 6,571,651 + 7,642,123 + 5,866,012
    // + 3,678,149 + 3,419,534 = 52,879,214 ns, op_ns 5,004,501 + 3,512,098 + 4,979,917 + 3,683,083 + 1,690,980
    // + 1,656,566 = 20,527,145 ns: 32,352,069 ns (61.2 %), above the 30 % threshold.
    let gaps = t.steps.reduce(Int64(0)) { $0 + $1.gapNS }
    #expect(gaps == 32_352_069)
    #expect(r.findings.map(\.id) == ["trace_step_gaps", "trace_cpu_only"])
  }

  @Test func kernelsInATraceAreClassifiedAndTimed() throws {
    // A synthetic Kineto-shaped trace: two steps, GPU kernels, a copy; the real one has no GPU. The second
    // kernel is launched in step 7 (correlation 12) but runs after step 8 has begun: it belongs to step 7.
    let json = """
      {"schemaVersion": 1, "traceEvents": [
        {"ph": "X", "cat": "user_annotation", "name": "ProfilerStep#7", "pid": 1, "tid": 1, "ts": 1000.0, "dur": 50.0},
        {"ph": "X", "cat": "cpu_op", "name": "aten::mm", "pid": 1, "tid": 1, "ts": 1010.5, "dur": 20.25,
         "args": {"Input Dims": [[2, 3], [3, 4]], "nested": {"a": "b\\"}"}, "correlation": 99}},
        {"ph": "X", "cat": "cuda_runtime", "name": "cudaLaunchKernel", "pid": 1, "tid": 1, "ts": 1015, "dur": 4,
         "args": {"External id": 5, "cbid": 211, "correlation": 11}},
        {"ph": "X", "cat": "cuda_runtime", "name": "cudaLaunchKernel", "pid": 1, "tid": 1, "ts": 1040, "dur": 2,
         "args": {"correlation": 12}},
        {"ph": "X", "cat": "user_annotation", "name": "ProfilerStep#8", "pid": 1, "tid": 1, "ts": 1055.0, "dur": 50.0},
        {"ph": "X", "cat": "kernel", "name": "ampere_bf16_s16816gemm_bf16_128x64_ldg8_f2f_tn", "pid": 0, "tid": 7,
         "ts": 1020.0, "dur": 30.0, "args": {"device": 0, "stream": 7, "correlation": 11, "grid": [132, 1, 1]}},
        {"ph": "X", "cat": "kernel", "name": "void vllm::rms_norm_kernel<c10::BFloat16>", "pid": 0, "tid": 7,
         "ts": 1060.0, "dur": 10.0, "args": {"correlation": 12}},
        {"ph": "X", "cat": "gpu_memcpy", "name": "Memcpy DtoH (Device -> Pinned)", "pid": 0, "tid": 7,
         "ts": 1090.0, "dur": 10.0},
        {"ph": "X", "cat": "python_function", "name": "forward", "pid": 1, "tid": 1, "ts": 1001, "dur": 40},
        {"ph": "f", "id": 1, "pid": 0, "tid": 7, "ts": 1020.0, "cat": "ac2g", "name": "ac2g"}
      ], "traceName": "x"}
      """
    let r = try KernelInput.report(Array(json.utf8))
    #expect(r.kind == .torchTrace)
    // Longest first; the norm and the copy tie at 10 µs and sort by name ("Memcpy…" before "void…").
    #expect(r.kernels.map(\.kernelClass) == [.gemm, .memcpy, .normActivation])
    #expect(r.totalNS == 50_000)
    // Device busy 30 + 10 + 10 µs from 1020 to 1100 µs: idle 30 µs in 2 gaps.
    let idle = try #require(r.idle)
    #expect(idle.spanNS == 80_000 && idle.busyNS == 50_000 && idle.gaps == 2 && idle.longestGapNS == 20_000)
    let t = try #require(r.trace)
    #expect(t.steps.map(\.number) == [7, 8])
    // Step 7: the GEMM and the norm through their launches (30 + 10 µs); step 8: the copy, by its start (10 µs).
    #expect(t.steps[0].deviceEvents == 2 && t.steps[0].deviceNS == 40_000)
    #expect(t.steps[1].deviceEvents == 1 && t.steps[1].deviceNS == 10_000)
    #expect(t.deviceEventsMatchedToLaunches == 2)
    // aten::mm is the one top-level operator of step 7; the launch inside it is not its own time
    // (self 20.25 − 4 = 16.25 µs, as torch counts it), and a cpu_op's own `correlation` arg is not read.
    #expect(t.steps[0].cpuOpNS == 20_250 && t.steps[0].opCalls == 1)
    #expect(t.ops.first { $0.name == "aten::mm" }?.selfNS == 16_250)
    #expect(t.otherCategories == ["python_function": 1])
  }
}
