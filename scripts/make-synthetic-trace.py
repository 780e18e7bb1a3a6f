#!/usr/bin/env python3
"""Writes a large synthetic torch-profiler (Kineto) Chrome trace shaped like a vLLM GPU worker's, for
scripts/bench-kernels. Deterministic. Per step: a ProfilerStep#N annotation, vLLM's execute_context label,
LAYERS decoder layers of nested operators (aten::linear > aten::addmm, attention, rms_norm, silu) each
launching a kernel (cuda_runtime cudaLaunchKernel + a kernel on stream 7 with Kineto's args), python_function
events, and ac2g flow events. Prints the figures the benchmark checks: events, steps, kernels.

Usage: make-synthetic-trace.py OUT.json SIZE_MB
"""
import sys

out_path, size_mb = sys.argv[1], float(sys.argv[2])
target = int(size_mb * 1e6)
LAYERS = 32
KERNELS = [("aten::addmm", "ampere_bf16_s16816gemm_bf16_128x64_ldg8_f2f_stages_64x4_tn", 41.5),
           ("vllm::unified_attention", "void flash::flash_fwd_splitkv_kernel<Flash_fwd_kernel_traits<128, 64, 128, 4>>", 18.25),
           ("vllm::rms_norm", "void vllm::rms_norm_kernel<c10::BFloat16, 8>(c10::BFloat16*, const c10::BFloat16*)", 3.5),
           ("vllm::silu_and_mul", "void vllm::act_and_mul_kernel<c10::BFloat16, &vllm::silu_kernel>(c10::BFloat16*)", 4.75)]

f = open(out_path, "w")
f.write('{"schemaVersion": 1, "deviceProperties": [{"id": 0, "name": "NVIDIA H100 80GB HBM3", "totalGlobalMem": 85029158912}],\n'
        ' "vllm_version": "0.32.0", "traceEvents": [\n')
written = 120
events = steps = kernels = 0
ext = 1000
t = 1_700_000_000_000.0  # µs
first = True


def emit(s):
    global written, events, first
    if not first:
        f.write(",\n")
        written += 2
    first = False
    f.write(s)
    written += len(s)
    events += 1


while written < target:
    steps += 1
    step_start = t
    t += 5.125
    body = []
    for layer in range(LAYERS):
        for op, kname, kdur in KERNELS:
            ext += 1
            ts = t
            emit(f'{{"ph": "X", "cat": "python_function", "name": "vllm/model_executor/layers/linear.py(512): forward", '
                 f'"pid": 4242, "tid": 4242, "ts": {ts:.3f}, "dur": 30.5, "args": {{"Python parent id": {ext - 1}, "Python id": {ext}, "Python thread": 0}}}}')
            emit(f'{{"ph": "X", "cat": "cpu_op", "name": "{op}", "pid": 4242, "tid": 4242, "ts": {ts + 1:.3f}, "dur": 25.25, '
                 f'"args": {{"External id": {ext}, "Record function id": 0, "Concrete Inputs": ["", "", ""], '
                 f'"Input type": ["c10::BFloat16", "c10::BFloat16"], "Input Strides": [[4096, 1], [1, 4096]], '
                 f'"Input Dims": [[{steps % 256 + 1}, 4096], [4096, 4096]], "Ev Idx": {ext % 100000}}}}}')
            emit(f'{{"ph": "X", "cat": "cpu_op", "name": "aten::empty", "pid": 4242, "tid": 4242, "ts": {ts + 2:.3f}, "dur": 1.5, '
                 f'"args": {{"External id": {ext + 1}, "Record function id": 0, "Ev Idx": {ext % 100000 + 1}}}}}')
            emit(f'{{"ph": "X", "cat": "cuda_runtime", "name": "cudaLaunchKernel", "pid": 4242, "tid": 4242, '
                 f'"ts": {ts + 20:.3f}, "dur": 4.125, "args": {{"External id": {ext}, "cbid": 211, "correlation": {ext}}}}}')
            emit(f'{{"ph": "X", "cat": "kernel", "name": "{kname}", "pid": 0, "tid": 7, "ts": {ts + 26:.3f}, '
                 f'"dur": {kdur}, "args": {{"External id": {ext}, "queued": 0, "device": 0, "context": 1, "stream": 7, '
                 f'"correlation": {ext}, "registers per thread": 128, "shared memory": 49152, "blocks per SM": 1.5, '
                 f'"warps per SM": 8, "grid": [132, 1, 1], "block": [128, 1, 1], "est. achieved occupancy %": 12}}}}')
            emit(f'{{"ph": "f", "id": {ext}, "pid": 0, "tid": 7, "ts": {ts + 26:.3f}, "cat": "ac2g", "name": "ac2g", "bp": "e"}}')
            kernels += 1
            t += 36.0
    emit(f'{{"ph": "X", "cat": "user_annotation", "name": "execute_context_0(0)_generation_{steps % 256 + 1}({steps % 256 + 1})", '
         f'"pid": 4242, "tid": 4242, "ts": {step_start + 1:.3f}, "dur": {t - step_start - 2:.3f}, "args": {{"External id": {ext + 2}}}}}')
    emit(f'{{"ph": "X", "cat": "user_annotation", "name": "ProfilerStep#{steps}", "pid": 4242, "tid": 4242, '
         f'"ts": {step_start:.3f}, "dur": {t - step_start:.3f}, "args": {{"External id": {ext + 3}}}}}')
    t += 120.0
    ext += 4
f.write('\n], "traceName": "synthetic.pt.trace.json", "displayTimeUnit": "ms"}\n')
f.close()
print(f"events {events} steps {steps} kernels {kernels}")
