/// Chooses at most K CUDA-graph capture sizes that minimise the padded tokens of a token-count histogram,
/// exactly, by dynamic programming.
///
/// Input: the steps that run in a graph today, as (token count, steps). The chosen list always contains
/// the largest of those counts, so every step that ran in a graph still does (no new eager fall-backs), and
/// it reaches `largest` when one is given (today's largest capture size: a fitted list never narrows the
/// coverage the server has unless the caller asks for a smaller `largest`; steps above it are left out).
///
/// Why only observed counts are candidates: in any list, a size `s` that is not an observed count can be
/// lowered to the largest observed count ≤ `s` that is still above the next smaller size, without moving
/// any step to another size and without raising any padded size; so some optimal list uses observed
/// counts only, and the largest of them must be the largest observed count.
///
/// Recurrence over the distinct counts `v₁ < … < vₘ` with step weights `wᵢ`:
/// `cost(i, j) = Σ_{t=i…j} w_t·(v_j − v_t)` (steps i…j padded to `v_j`),
/// `best(1, j) = cost(1, j)`, `best(k, j) = min(best(k−1, j), min_{i<j} best(k−1, i) + cost(i+1, j))`,
/// answer `best(K, m)`. With prefix sums, `cost` is O(1). `cost` satisfies the quadrangle inequality
/// (`cost(a, c) + cost(b, d) ≤ cost(a, d) + cost(b, c)` for `a ≤ b ≤ c ≤ d`: padding to the right end of
/// an interval is a Monge cost), so the best split `i` for `j` never decreases as `j` grows, and each layer
/// is solved by divide and conquer over `j`: time O(K·m·log m), memory O(K·m) for the choices. Sums are
/// kept in 128 bits, so no histogram can overflow them.
public enum CaptureSizeFitter {
  /// The fitted list and its padding on the input histogram.
  public struct Result: Sendable, Equatable {
    /// Capture sizes, ascending.
    public var captureSizes: [Int]
    /// Padding tokens of the histogram under ``captureSizes``.
    public var paddingTokens: Int
  }

  /// The optimal list of at most `maxSizes` capture sizes for `histogram` (token count → steps) whose largest
  /// size is `largest` when that is given (counts above it are not fitted: they run eagerly).
  ///
  /// Counts ≤ 0 and weights ≤ 0 are ignored. Returns an empty list for an empty histogram; `maxSizes`
  /// below 1 is treated as 1. Ties are broken towards the list found first (deterministic).
  public static func fit(_ histogram: [Int: Int], maxSizes: Int, largest: Int? = nil) -> Result {
    var entries = histogram.filter { $0.key > 0 && $0.value > 0 && $0.key <= (largest ?? Int.max) }
      .sorted { $0.key < $1.key }
    // The list must end at `largest`: a candidate that no step needs, so it weighs nothing.
    if let largest, largest > 0, entries.last?.key != largest { entries.append((key: largest, value: 0)) }
    let m = entries.count
    guard m > 0 else { return Result(captureSizes: [], paddingTokens: 0) }
    let v = entries.map(\.key)
    let w = entries.map(\.value)
    let k = min(max(1, maxSizes), m)
    if k == m { return Result(captureSizes: v, paddingTokens: 0) }
    // prefix sums: weight[i] = Σ_{t<i} w_t, mass[i] = Σ_{t<i} w_t·v_t
    var weight = [Int128](repeating: 0, count: m + 1)
    var mass = [Int128](repeating: 0, count: m + 1)
    for t in 0..<m {
      weight[t + 1] = weight[t] + Int128(w[t])
      mass[t + 1] = mass[t] + Int128(w[t]) * Int128(v[t])
    }
    // padding of steps a…j (0-based, inclusive) padded to v[j]
    func cost(_ a: Int, _ j: Int) -> Int128 { Int128(v[j]) * (weight[j + 1] - weight[a]) - (mass[j + 1] - mass[a]) }
    // best[j]: least padding covering 0…j with the sizes so far, the largest being v[j]
    var best = (0..<m).map { cost(0, $0) }
    // parent[layer][j]: the previous size's index (−1: none) when v[j] is the largest of layer+1 sizes
    var parent = [[Int]](repeating: [Int](repeating: -1, count: m), count: k)
    for layer in 1..<k {
      var next = best
      var choice = parent[layer - 1]
      // The best split for every j in lo…hi, knowing it lies in iLo…iHi (smallest index on ties).
      func solve(_ lo: Int, _ hi: Int, _ iLo: Int, _ iHi: Int) {
        guard lo <= hi else { return }
        let j = (lo + hi) / 2
        var bestSplit = Int128.max
        var arg = iLo
        for i in iLo...min(iHi, j - 1) {
          let c = best[i] + cost(i + 1, j)
          if c < bestSplit {
            bestSplit = c
            arg = i
          }
        }
        if bestSplit < next[j] {
          next[j] = bestSplit
          choice[j] = arg
        }
        solve(lo, j - 1, iLo, arg)
        solve(j + 1, hi, arg, iHi)
      }
      solve(1, m - 1, 0, m - 2)
      best = next
      parent[layer] = choice
    }
    // Walk back. Where best(k, j) was inherited from best(k−1, j), the parent is the smaller layer's, and
    // best(k−1, p) + cost = best(k−2, p) + cost there (the loop kept the inherited value only when no
    // strictly better split existed), so stepping down one layer per size rebuilds an optimal list.
    var sizes: [Int] = []
    var j = m - 1
    var layer = k - 1
    while j >= 0 {
      sizes.append(v[j])
      j = layer >= 0 ? parent[layer][j] : -1
      layer -= 1
    }
    sizes.reverse()
    return Result(captureSizes: sizes, paddingTokens: padding(entries.map { ($0.key, $0.value) }, sizes: sizes))
  }

  /// Padding tokens of (tokens, steps) pairs under ascending `sizes` that cover them all.
  static func padding(_ entries: [(tokens: Int, steps: Int)], sizes: [Int]) -> Int {
    var total: Int128 = 0
    var s = 0
    for (tokens, steps) in entries.sorted(by: { $0.tokens < $1.tokens }) {
      while s < sizes.count, sizes[s] < tokens { s += 1 }
      guard s < sizes.count else { break }
      total += Int128(sizes[s] - tokens) * Int128(steps)
    }
    return Int(clamping: total)
  }
}
