// JSONText: the few pieces of JSON text the generator writes, with fixed number formatting so
// that the output is the same bytes everywhere.
import PlanDomain

enum JSONText {
    /// A JSON string literal.
    static func quote(_ s: String) -> String { jsonStringLiteral(s) }

    /// A number with exactly four decimals: `48.1147`, `-1.6794`, `0.0000`.
    static func fixed4(_ x: Double) -> String {
        let n = Int((x * 10_000).rounded(.toNearestOrAwayFromZero))
        let a = abs(n)
        let frac = String(a % 10_000)
        return (n < 0 ? "-" : "") + String(a / 10_000) + "." + String(repeating: "0", count: 4 - frac.count) + frac
    }

    /// A plain decimal: `7`, `3.5`.
    static func number(_ x: Double) -> String { formatNumber(x) }

    static func strings(_ items: [String]) -> String {
        "[" + items.map(quote).joined(separator: ", ") + "]"
    }

    /// An object on one line from ordered members whose values are already JSON text.
    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }
}

/// `x` rounded to four decimals, as the file will hold it.
func round4(_ x: Double) -> Double {
    (x * 10_000).rounded(.toNearestOrAwayFromZero) / 10_000
}

/// A zero-padded number: `pad(7, 5)` = `00007`.
func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}
