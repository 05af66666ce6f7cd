// Random: a small seeded generator (SplitMix64), so that the same arguments give the same bytes
// on every platform and Swift version (the standard library's generator is not seedable).

struct SplitMix64: Sendable {
    private var state: UInt64

    /// A generator for one purpose (`stream`) of one seed: the streams of a seed are independent,
    /// so that drawing more numbers in one phase does not shift the others.
    init(seed: UInt64, stream: UInt64) {
        state = seed
        state = next() ^ (stream &* 0xD1B5_4A32_D192_ED03)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// Uniform in [a, b).
    mutating func double(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An element, uniformly.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// An index drawn with the given (non-negative, not all zero) weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// Fisher-Yates.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(0...i))
        }
    }
}

/// Draws indices by weight in O(log n) each (cumulative weights and a binary search).
struct WeightedTable: Sendable {
    private var cumulative: [Double] = []

    init(_ weights: [Double]) {
        var total = 0.0
        for w in weights { total += w; cumulative.append(total) }
    }

    func draw(_ rng: inout SplitMix64) -> Int {
        let x = rng.unit() * cumulative[cumulative.count - 1]
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if x < cumulative[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
