#!/usr/bin/env python3
"""Independent arithmetic behind KVStartupTests.swift: each real start-up's logged KV figures from its own lines.

Run: python3 Tests/PerfModelTests/Fixtures/kv_startups.py  (prints one line per start-up; asserts the log lines)
Rules (vLLM's kv_cache_utils / V0 cache engine): num_blocks = bytes // (block_size * bytes_per_token_layer *
layers_per_group); tokens (0.9.2-0.20) = num_blocks // groups * block_size; concurrency = num_blocks /
blocks_per_request. A logged "X GiB" is rounded to 0.01, so bytes lie in [X-0.005, X+0.005) GiB.
"""
import math

GIB = 2**30


def block_range(gib, block_bytes):
    return (math.ceil((gib - 0.005) * GIB) // block_bytes, (math.ceil((gib + 0.005) * GIB) - 1) // block_bytes)


# Qwen2-7B-Instruct, vLLM 0.10.1.1, A100 80GB: 28 layers, 4 KV heads x 128, bf16, block 16, one group.
qwen_block = 16 * (2 * 4 * 128 * 2) * 28
lo, hi = block_range(5.01, qwen_block)
assert lo <= 5867 <= hi
assert 5867 * 16 == 93_872 and f"{5867 / math.ceil(16384 / 16):.2f}" == "5.73"
print("qwen2-7b", qwen_block, (lo, hi), 5867 * 16)

# gpt-oss-120b TP 4, 0.10.1.1: 8 KV heads / 4 x 64, bf16; 18 full + 18 sliding (window 128) -> 2 groups of 18.
oss_block = 16 * (2 * 2 * 64 * 2) * 18
lo, hi = block_range(45.32, oss_block)
per_request = math.ceil(16384 / 16) + (math.ceil(min(128 - 1 + 2048, 16384) / 16) + 1)
assert lo <= 330_018 <= hi and per_request == 1161
assert 330_018 // 2 * 16 == 2_640_144 and f"{330_018 / per_request:.2f}" == "284.25"
print("gpt-oss-120b", oss_block, (lo, hi), per_request)

# vLLM 0.32 CPU, tiny Llama (4 layers, 2 KV heads x 64, bf16), block 128, VLLM_CPU_KVCACHE_SPACE=2.
cpu_blocks = 2 * GIB // (128 * (2 * 2 * 64 * 2) * 4)
assert cpu_blocks == 8192 and cpu_blocks * 128 == 1_048_576 and f"{cpu_blocks / (2048 // 128):.2f}" == "512.00"
print("cpu", cpu_blocks)

# V0 0.6.3: Llama-2-13B fp16 (40 layers, 40 heads x 128); OPT-1.3B fp16 (24 layers, 32 heads x 64).
l13 = 16 * (2 * 40 * 128 * 2) * 40
lo, hi = block_range(32.20, l13)
assert lo <= 2637 <= hi and f"{2637 / (4096 // 16):.2f}" == "10.30"
opt = 16 * (2 * 32 * 64 * 2) * 24
lo, hi = block_range(10.93, opt)
assert lo <= 3731 <= hi and hi - lo + 1 <= 5 and f"{3731 / (2048 // 16):.2f}" == "29.15"
print("v0", l13, opt, (lo, hi))

# Tied embeddings: Gemma 2 2B vocabulary 256,000 x 2,304 bf16 once; Llama 3.1 8B 128,256 x 4,096 twice.
assert 256_000 * 2304 * 2 == 1_179_648_000 and 2 * 128_256 * 4096 * 2 == 2_101_346_304

# Gemma 4 26B-A4B layout (no real log): sliding 2*8*256*2 B, full 2*2*512*2 B; common page 16 * 8192;
# full-layer blocks of 131072 // 4096 = 32 tokens; 25 sliding + 5 full -> groups of 5 (5 sliding + 1 full).
page = 16 * (2 * 8 * 256 * 2)
full_tokens = page // (2 * 2 * 512 * 2)
need = math.ceil(131072 / full_tokens) + 5 * (math.ceil(min(1024 - 1 + 8192, 131072) / 16) + 1)
assert (page, full_tokens, need, 10 * GIB // page // 5) == (131072, 32, 6981, 16384)
print("gemma4", page, full_tokens, need)
