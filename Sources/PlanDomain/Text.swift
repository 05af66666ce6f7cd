// Text: how ids are ordered and numbers written in every output (SPEC §5): by the bytes of their
// UTF-8 encoding, and as plain decimals.
import Foundation

/// Orders strings by the bytes of their UTF-8 encoding (SPEC §5).
public func precedesByBytes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}

/// A number as a plain decimal: `7`, `3.5`, `0.25`, never an exponent.
public func formatNumber(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    var s = String(format: "%.9f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s == "-0" ? "0" : s
}
