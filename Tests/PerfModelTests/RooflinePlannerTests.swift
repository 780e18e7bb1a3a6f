import Foundation
import ProfileMateCore
import Testing

@testable import PerfModel

/// The roofline of a model on a GPU, against figures computed by hand or by a few lines of Python.
@Suite struct RooflinePlannerTests {
  @Test func pointArithmetic() throws {
    // By hand, H100-SXM (989.4 TFLOP/s bf16, 3.35 TB/s): 2e12 FLOPs over 1e9 bytes is 2,000 FLOP/byte against a
    // ridge of 989.4e12 / 3.35e12 = 295.34; compute 2e12 / 989.4e12 = 2.02143 ms > memory 1e9 / 3.35e12 =
    // 0.29851 ms, so compute-bound; 1,000 tokens in 2.02143 ms = 494,700 tokens/s.
    let h100 = try #require(GPUCatalog.lookup("H100"))
    let p = RooflinePoint(flops: 2e12, bytes: 1e9, tokens: 1000, peakFLOPS: h100.bf16FLOPS, bandwidth: 3.35e12)
    #expect(p.arithmeticIntensity == 2000)
    #expect(abs(p.ridgePoint - 295.343) < 1e-3)
    #expect(abs(p.computeSeconds - 2.02143e-3) < 1e-8 && abs(p.memorySeconds - 0.298507e-3) < 1e-9)
    #expect(p.bound == .compute && p.attainableSeconds == p.computeSeconds)
    #expect(abs((p.tokensPerSecond ?? 0) - 494_700) < 0.5)
    let empty = RooflinePoint(flops: 0, bytes: 0, tokens: 0, peakFLOPS: 1, bandwidth: 1)
    #expect(empty.tokensPerSecond == nil && empty.arithmeticIntensity == .infinity)
  }

  /// Llama 3.1 8B, bf16, TP 1 on H100-SXM. Expected values from perf.py's formulas (spec §4.5, §4.7, §4.8)
  /// written out independently:
  /// ```python
  /// D,q,kv,d,L,DI,V,a,w,k=4096,32,8,128,32,14336,128256,2,2,2
  /// def cost(b,c):  # b decode requests of one token at context c
  ///     T=b; TC=b*c; DT=b; DC=b*c; Tlog=b
  ///     fl = 2*T*D*(q+2*kv)*d*L + 2*T*D*q*d*L + 2*(2*q*TC*d*L) + 2*D*3*DI*T*L + 2*Tlog*D*V
  ///     rd = T*D*a*L + D*(q+2*kv)*d*w*L + L*(DT*q*d*a + 2*DC*kv*d*k) + T*q*d*a*L + q*d*D*w*L
  ///     rd += T*D*a*L + 2*D*DI*w*L + 2*T*DI*a*L + T*DI*a*L + D*DI*w*L
  ///     rd += Tlog*D*a + D*V*w
  ///     wr = (T*(q+2*kv)*d*a*L + 2*T*kv*d*k*L + T*D*a*L + 2*T*DI*a*L + T*DI*a*L + T*D*a*L
  ///           + Tlog*V*a)
  ///     return fl, rd+wr
  /// cost(1,1)       # (15009841152, 15017314816): 15017314816 / 3.35e12 = 4.48278 ms
  /// cost(128,4096)  # (2196070465536, 84735754240): 25.2943 ms, 128 / that = 5060.44 tokens/s
  /// next(n for n in range(1,5000) if cost(n,1)[0]/989.4e12 >= cost(n,1)[1]/3.35e12)  # 351
  /// ```
  @Test func llama8BDecodeOnH100() throws {
    let config = try ModelConfigTests.load(SharedFiles.config("meta-llama--Meta-Llama-3.1-8B"))
    let h100 = try #require(GPUCatalog.lookup("H100"))
    let planner = try RooflinePlanner(config: config, deployment: Deployment(), gpu: h100)
    #expect(planner.computeDtype == "bfloat16" && planner.peakFLOPS == 989.4e12)

    let one = try planner.decode(batch: 1, context: 1)
    #expect(one.flops == 15_009_841_152 && one.bytes == 15_017_314_816)
    #expect(one.bound == .memory && abs(one.attainableSeconds - 4.48278e-3) < 1e-8)

    let big = try planner.decode(batch: 128, context: 4096)
    #expect(big.flops == 2_196_070_465_536 && big.bytes == 84_735_754_240)
    #expect(abs((big.tokensPerSecond ?? 0) - 5060.44) < 0.01)

    #expect(try planner.crossoverBatch(context: 1) == 351)
    // At 4,096 tokens of context each request adds 2·4096·8·128·2·32 B of KV reads for 2·2·32·4096·128·32 FLOPs
    // of attention (2 FLOP/byte): decode never turns compute-bound.
    #expect(try planner.crossoverBatch(context: 4096) == nil)
  }

  @Test func fp8CheckpointsUseTheFP8Peak() throws {
    let config = try ModelConfigTests.load(SharedFiles.config("meta-llama--Meta-Llama-3.1-8B"))
    let h100 = try #require(GPUCatalog.lookup("H100"))
    let fp8 = try RooflinePlanner(config: config, deployment: Deployment(quantization: "fp8"), gpu: h100)
    #expect(fp8.computeDtype == "fp8" && fp8.peakFLOPS == 1978.9e12)
    // MXFP4 on Hopper is weight-only: the GEMMs run in bf16.
    let oss = try ModelConfigTests.load(SharedFiles.config("openai--gpt-oss-120b"))
    let mx = try RooflinePlanner(config: oss, deployment: Deployment(tensorParallelSize: 4), gpu: h100)
    #expect(mx.computeDtype == "bfloat16")
  }

  @Test func stepShapeIsSplitEvenly() {
    // 5 prefill tokens over 2 requests → 3 + 2 (fresh, context = tokens); 3 decode tokens over 3 requests with
    // 3,000 tokens of context → 1,000 each.
    let shape = StepShape(
      prefillRequests: 2, prefillTokens: 5, prefillContext: 5, decodeRequests: 3, decodeTokens: 3, decodeContext: 3000)
    let ctx = PerfStepCostModel.context(shape)
    #expect(
      ctx.requests == [
        .init(numTokens: 3, contextLength: 3, isPrefill: true), .init(numTokens: 2, contextLength: 2, isPrefill: true),
        .init(numTokens: 1, contextLength: 1000, isPrefill: false),
        .init(numTokens: 1, contextLength: 1000, isPrefill: false),
        .init(numTokens: 1, contextLength: 1000, isPrefill: false),
      ])
    // Speculative decoding: 2 requests verifying 3 tokens each are billed as prefill, as vLLM does.
    let spec = PerfStepCostModel.context(
      StepShape(
        prefillRequests: 0, prefillTokens: 0, prefillContext: 0, decodeRequests: 2, decodeTokens: 6,
        decodeContext: 200))
    #expect(spec.numPrefillRequests == 2 && spec.prefillContextLength == 200)
  }

  @Test func kvUsageBecomesTokensWithTheHybridLayout() throws {
    // gpt-oss-120b TP 4: one full-attention group and one sliding-window group (window 128 → at most
    // cdiv(127, 16) + 1 = 9 blocks per request). 128 requests holding 372 blocks each: x + min(x, 9) = 372 → x =
    // 363 blocks = 5,808 tokens each, 743,424 in all. Short requests holding 10 blocks each: 2x = 10 → 5 blocks
    // = 80 tokens each, 10,240 in all.
    let config = try ModelConfigTests.load(SharedFiles.config("openai--gpt-oss-120b"))
    let plan = try KVCachePlan(config: config, deployment: Deployment(tensorParallelSize: 4))
    let long = try #require(plan.residentTokens(usedBlocks: 372 * 128, requests: 128))
    #expect(abs(long - 743_424) < 0.01)
    let short = try #require(plan.residentTokens(usedBlocks: 10 * 128, requests: 128))
    #expect(abs(short - 10_240) < 0.01)
    // The cost model goes from usage: 50 % of 1,000 blocks held by 10 requests → 50 blocks each → x = 41 → 656
    // tokens each.
    let model = try PerfStepCostModel(
      config: config, deployment: Deployment(tensorParallelSize: 4), kvPlan: plan, numBlocks: 1000)
    #expect(abs((model.kvTokens(usagePct: 50, requests: 10) ?? 0) - 6560) < 0.01)
    #expect(model.kvTokens(usagePct: 50, requests: 0) == nil)
  }
}
