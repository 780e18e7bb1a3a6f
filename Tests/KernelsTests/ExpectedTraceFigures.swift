/// The output of `python3 Tests/KernelsTests/expected_trace.py` (gzip + json with Decimal, no ProfileMate code),
/// pasted verbatim; run it to re-check.
let expectedTraceFigures = """
  events 2139, steps 6
  ProfilerStep#1 5551154066934214 25701745 calls 113 op_ns 5004501 execute_context_1(23)_generation_0(0)
  ProfilerStep#2 5551154092770289 6571651 calls 107 op_ns 3512098 execute_context_0(0)_generation_1(1)
  ProfilerStep#3 5551154099395840 7642123 calls 113 op_ns 4979917 execute_context_2(46)_generation_1(1)
  ProfilerStep#4 5551154107090641 5866012 calls 107 op_ns 3683083 execute_context_0(0)_generation_3(3)
  ProfilerStep#5 5551154113001309 3678149 calls 107 op_ns 1690980 execute_context_0(0)_generation_3(3)
  ProfilerStep#6 5551154116722913 3419534 calls 107 op_ns 1656566 execute_context_0(0)_generation_3(3)
  op 102 12219657 6 2178667 _C::onednn_mm
  op 6 2228988 6 14874886 ## Call CompiledFxGraph None ##
  op 6 803165 6 806871 _C::fused_gumbel_argmax
  op 24 788333 0 0 vllm::unified_kv_cache_update
  op 24 654916 0 0 vllm::unified_attention_with_output
  op 442 451860 298 633996 aten::slice
  op 6 422968 6 422968 Pregraph bytecode
  op 24 387236 0 0 _C::cpu_attention_with_kv_cache
  op 466 353315 0 0 aten::as_strided
  op 98 211930 62 57130 aten::copy_
  """
