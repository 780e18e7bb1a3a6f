import ProfileMateCore
import ProfileMateIO
import VLLMLog

let text = """
  (APIServer pid=1) INFO 11-29 04:52:27 [loggers.py:335] Engine 000: Avg prompt throughput: 4.7 tokens/s, Avg generation throughput: 11.0 tokens/s, Running: 0 reqs, Waiting: 0 reqs, CPU KV cache usage: 0.0%, Prefix cache hit rate: 0.0%
  (APIServer pid=1) INFO 11-29 04:52:27 [cuda_graph.py:123] **CUDAGraph Config Settings:**
  (APIServer pid=1) INFO 11-29 04:52:27 [cuda_graph.py:123] - Mode: NONE
  (APIServer pid=1) INFO 11-29 04:52:27 [cuda_graph.py:123] **CUDAGraph Stats:**
  (APIServer pid=1) INFO 11-29 04:52:27 [cuda_graph.py:123] | Unpadded Tokens | Padded Tokens | Num Paddings | Runtime Mode | Count |
  (APIServer pid=1) INFO 11-29 04:52:27 [cuda_graph.py:123] | 1               | 1             | 0            | NONE         | 92    |
  (APIServer pid=1) INFO 11-29 04:52:27 [cuda_graph.py:123] 

  """
let m = LogReader.read(Array(text.utf8))
print(m.engines[0].cudagraphTables, m.coverage.byKind)
