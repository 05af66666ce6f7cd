// The mutation engine of the instance fuzzer (FuzzTests.swift): a seeded PRNG, a JSON tree that
// keeps every scalar as its literal text (so that it can hold what no Swift string can: lone
// surrogate escapes, NUL escapes, out-of-range numbers, junk), structural mutations of that tree,
// and byte-level mutations of its serialisation. Everything is a pure function of the seed.
@testable import PlanDomain
import PlanTestSupport

// MARK: - PRNG

/// The tests' shared generator, with the draws the fuzzer needs.
typealias FuzzRandom = SeededRandom

extension SeededRandom {

    /// Uniform in `0..<n` (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A size that is usually small and sometimes large (log-uniform up to `max`).
    mutating func size(max: Int) -> Int {
        let bits = below(Int.bitWidth - max.leadingZeroBitCount + 1)
        return Swift.min(max, below(1 << bits) + 1)
    }
}

// MARK: - The mutable JSON tree

/// A JSON value whose scalars and keys are kept as literal source text.
indirect enum FuzzNode: Sendable {
    /// A scalar (or any junk) written exactly as given: `"text"`, `12.0`, `null`, `NaN`…
    case lit(String)
    case arr([FuzzNode])
    /// Members with their keys as literal text, quotes included.
    case obj([(key: String, value: FuzzNode)])

    init(_ node: JSONNode) {
        switch node.value {
        case .null: self = .lit("null")
        case .bool(let b): self = .lit(b ? "true" : "false")
        case .number(_, let text): self = .lit(text)
        case .string(let s): self = .lit(jsonStringLiteral(s))
        case .array(let items): self = .arr(items.map(FuzzNode.init))
        case .object(let members): self = .obj(members.map { (jsonStringLiteral($0.key), FuzzNode($0.value)) })
        }
    }

    /// One step from a container to a child: an array index or a member index.
    enum Step: Hashable, Sendable { case item(Int), member(Int) }

    subscript(path: ArraySlice<Step>) -> FuzzNode {
        get {
            guard let step = path.first else { return self }
            switch (self, step) {
            case (.arr(let items), .item(let k)): return items[k][path.dropFirst()]
            case (.obj(let members), .member(let k)): return members[k].value[path.dropFirst()]
            default: preconditionFailure("bad fuzz path")
            }
        }
        set {
            guard let step = path.first else { self = newValue; return }
            switch (self, step) {
            case (.arr(var items), .item(let k)):
                items[k][path.dropFirst()] = newValue
                self = .arr(items)
            case (.obj(var members), .member(let k)):
                members[k].value[path.dropFirst()] = newValue
                self = .obj(members)
            default: preconditionFailure("bad fuzz path")
            }
        }
    }

    /// Every node, with its path and the (literal) key it stands under, if any.
    func walk() -> [(path: [Step], key: String?, node: FuzzNode)] {
        var out: [(path: [Step], key: String?, node: FuzzNode)] = []
        func visit(_ n: FuzzNode, _ path: [Step], _ key: String?) {
            out.append((path, key, n))
            switch n {
            case .lit: break
            case .arr(let items): for (k, item) in items.enumerated() { visit(item, path + [.item(k)], key) }
            case .obj(let members): for (k, m) in members.enumerated() { visit(m.value, path + [.member(k)], m.key) }
            }
        }
        visit(self, [], nil)
        return out
    }

    var literal: String? { if case .lit(let t) = self { return t } else { return nil } }
}

/// How a tree is written out.
enum FuzzStyle: CaseIterable { case pretty, compact, spaced, crlf, tabs }

extension FuzzNode {
    func rendered(_ style: FuzzStyle) -> String {
        var out = ""
        render(into: &out, style, indent: 0)
        return out
    }

    private func render(into out: inout String, _ style: FuzzStyle, indent: Int) {
        let newline: String, pad: String, colon: String
        switch style {
        case .pretty: (newline, pad, colon) = ("\n", "  ", ": ")
        case .compact: (newline, pad, colon) = ("", "", ":")
        case .spaced: (newline, pad, colon) = (" ", " ", " : ")
        case .crlf: (newline, pad, colon) = ("\r\n", "  ", ": ")
        case .tabs: (newline, pad, colon) = ("\n", "\t", ":\t")
        }
        let inner = newline.isEmpty ? "" : newline + String(repeating: pad, count: indent + 1)
        let close = newline.isEmpty ? "" : newline + String(repeating: pad, count: indent)
        switch self {
        case .lit(let t): out += t
        case .arr(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (k, item) in items.enumerated() {
                out += (k == 0 ? "" : ",") + inner
                item.render(into: &out, style, indent: indent + 1)
            }
            out += close + "]"
        case .obj(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (k, m) in members.enumerated() {
                out += (k == 0 ? "" : ",") + inner + m.key + colon
                m.value.render(into: &out, style, indent: indent + 1)
            }
            out += close + "}"
        }
    }
}

// MARK: - Interesting values

enum FuzzValues {
    /// Number literals, valid JSON or not.
    static let numbers = [
        "0", "-0", "0.0", "-0.0", "1", "-1", "2", "7", "12", "12.0", "1.2e1", "120e-1", "105", "105.0", "280", "350",
        "420", "0.5", "3.5", "1.5", "0.1", "1e-7", "1e-300", "5e-324", "4.9e-324", "2.2250738585072014e-308", "1e308",
        "-1e308", "1.7976931348623157e308", "1e309", "-1e309", "1e400", "999999999999", "1000000000000", "1e12", "1e15",
        "9007199254740993", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1E2", "1e+2", "1e-2",
        "24", "24.000001", "23.99", "90", "90.0000001", "-90", "180", "-180.5", "360", "3660", "100000",
        // Not JSON numbers.
        "NaN", "-NaN", "Infinity", "-Infinity", "inf", "00", "01", "-01", "1.", ".5", "+1", "0x10", "1e", "1e+", "--1",
        "1_000", "1,5", "١٢",
    ]

    /// String literals (with their quotes), valid JSON or not.
    static let strings = [
        "\"\"", "\" \"", "\"x\"", "\"😀\"", "\"e\u{301}\"", "\"\u{301}\"", "\"Zoë\"", "\"\\u0000\"", "\"a\\u0000b\"",
        "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\ud83d\\ude00\"", "\"\\uDBFF\\uDFFF\"", "\"\\u00e9\"",
        "\"\\uD800\\uD800\"", "\"\\u12\"", "\"\\uZZZZ\"", "\"\\x41\"", "\"\\'\"", "\"a\u{0}b\"", "\"line\nbreak\"",
        "\"tab\there\"", "\"\u{7f}\"", "\"\u{200b}\"", "\"\u{feff}\"", "\"\u{202e}RTL\"", "\"\u{10ffff}\"",
        "\"ﬁ\"", "\"Ω\"", "\"Ω\"", "\"null\"", "\"true\"", "\"105\"", "\"1e308\"", "\"$\"", "\"learners[0].id\"",
        "\"[\"", "\"{\"", "\"\\\"\"", "\"\\\\\"", "\"\\/\"", "\"trailing\\\"", "\"unterminated",
        // Dates and date-like text.
        "\"2027-01-04\"", "\"2027-01-09\"", "\"2027-01-01\"", "\"2027-05-01\"", "\"2027-02-29\"", "\"2028-02-29\"",
        "\"2027-13-01\"", "\"2027-00-10\"", "\"2027-01-32\"", "\"0000-01-01\"", "\"0001-01-01\"", "\"9999-12-31\"",
        "\"2027-1-4\"", "\" 2027-01-04\"", "\"2027-01-04 \"", "\"2027/01/04\"", "\"2027-01-04T00:00\"", "\"２０２７-01-04\"",
        // Enumerations, right and wrong.
        "\"mon\"", "\"tue\"", "\"wed\"", "\"thu\"", "\"fri\"", "\"sat\"", "\"sun\"", "\"Mon\"", "\"monday\"", "\"mon \"",
        "\"FR\"", "\"none\"", "\"fr\"", "\"any\"", "\"inPerson\"", "\"remote\"", "\"in_person\"", "\"Remote\"",
        "\"35\"", "\"2A\"", "\"971\"",
    ]

    /// Scalars and small containers of every JSON type.
    static let others = ["null", "true", "false", "[]", "{}", "[null]", "[[]]", "{\"\":null}", "[1,2,3]", "[\"mon\"]",
                         "{\"inPerson\":1}", "{\"session\":\"x\",\"mode\":\"remote\"}", "nul", "tru", "True", "None",
                         "undefined", "'x'", ""]

    /// Keys that the decoder knows, under any object.
    static let keys = Array(Set(InstanceKeys.all.values.joined())).sorted()
}

// MARK: - Mutations

/// Mutates seed documents into fuzz cases.
struct FuzzMutator {
    var rng: FuzzRandom

    /// A random literal value of any kind.
    mutating func anyValue() -> FuzzNode {
        switch rng.below(4) {
        case 0: return .lit(rng.pick(FuzzValues.numbers))
        case 1: return .lit(rng.pick(FuzzValues.strings))
        case 2: return .lit(rng.pick(FuzzValues.others))
        default:
            return rng.chance(0.5) ? .arr((0..<rng.int(0...3)).map { _ in .lit(rng.pick(FuzzValues.numbers + FuzzValues.strings)) })
                : .obj([(jsonStringLiteral(rng.pick(FuzzValues.keys)), .lit(rng.pick(FuzzValues.numbers + FuzzValues.strings)))])
        }
    }

    /// A value of another JSON type than `node` (string↔number↔null↔bool↔array↔object).
    mutating func retyped(_ node: FuzzNode) -> FuzzNode {
        switch rng.below(6) {
        case 0:
            if case .lit(let t) = node, t.hasPrefix("\"") { return .lit(String(t.dropFirst().dropLast())) }
            return .lit(rng.pick(FuzzValues.numbers))
        case 1:
            if case .lit(let t) = node, !t.hasPrefix("\"") { return .lit(jsonStringLiteral(t)) }
            return .lit(rng.pick(FuzzValues.strings))
        case 2: return .lit("null")
        case 3: return .lit(rng.chance(0.5) ? "true" : "false")
        case 4: return rng.chance(0.7) ? .arr([node]) : .arr([])
        default: return rng.chance(0.7) ? .obj([("\"value\"", node)]) : .obj([])
        }
    }

    /// A number near, or far from, a number literal.
    mutating func tweakedNumber(_ text: String) -> String {
        guard let v = Double(text) else { return rng.pick(FuzzValues.numbers) }
        switch rng.below(9) {
        case 0: return formatted(v + 1)
        case 1: return formatted(v - 1)
        case 2: return formatted(-v)
        case 3: return formatted(v * 10)
        case 4: return formatted(v / 7)
        case 5: return formatted(v + 0.5)
        case 6: return text + ".0"
        case 7: return text.contains("e") || text.contains(".") ? text : text + "e0"
        default: return rng.pick(FuzzValues.numbers)
        }
    }

    private func formatted(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
    }

    /// A date literal moved by a few days, weeks or years.
    mutating func tweakedDate(_ text: String) -> String {
        let inner = String(text.dropFirst().dropLast())
        guard let d = Day(iso: inner) else { return rng.pick(FuzzValues.strings) }
        let shift = rng.pick([1, -1, 2, 3, 5, 6, -6, 7, 14, 100, 365, -365, 3650, 400_000, -800_000])
        return "\"\(d.adding(days: shift))\""
    }

    /// A key spelt differently: a typo, another known key, or odd text.
    mutating func renamedKey(_ key: String) -> String {
        let inner = Array(key.dropFirst().dropLast())
        switch rng.below(7) {
        case 0 where inner.count > 1:
            var k = inner; k.remove(at: rng.below(k.count)); return "\"" + String(k) + "\""
        case 1 where inner.count > 1:
            var k = inner; let a = rng.below(k.count - 1); k.swapAt(a, a + 1); return "\"" + String(k) + "\""
        case 2: return "\"" + String(inner).uppercased() + "\""
        case 3: return jsonStringLiteral(rng.pick(FuzzValues.keys))
        case 4: return rng.pick(FuzzValues.strings)
        case 5: return "\"" + String(inner) + rng.pick(["s", "_", " ", "\\u0000", "😀", "\u{301}"]) + "\""
        default: return "\"" + String(repeating: String(inner.isEmpty ? ["k"] : inner), count: rng.size(max: 20_000)) + "\""
        }
    }

    /// Deeply nested text: balanced or not, arrays or objects.
    mutating func deepNesting() -> String {
        let depth = rng.pick([511, 512, 513, 600, 5_000, 100_000])
        switch rng.below(4) {
        case 0: return String(repeating: "[", count: depth)
        case 1: return String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        case 2: return String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        default: return String(repeating: "[{\"id\":", count: depth / 2)
        }
    }

    /// A very long string literal.
    mutating func longString() -> String {
        let unit = rng.pick(["a", "é", "😀", "\\u0000", "\\\"", "e\u{301}", " "])
        return "\"" + String(repeating: unit, count: rng.pick([1_000, 65_536, 300_000])) + "\""
    }

    static let structuralNames = [
        "delete key", "delete key", "rename key", "duplicate key", "retype value", "retype value", "edge number",
        "edge number", "odd string or moved date", "odd string or moved date", "any value", "duplicate or swap ids",
        "duplicate or swap ids", "redirect reference", "redirect reference", "list items", "reorder members",
        "unknown key", "wrap or unwrap", "splice subtree", "long string or deep nesting", "null value",
        "extreme value of a key", "extreme value of a key",
    ]
    static let byteNames = [
        "truncate", "flip bits", "set byte", "insert token", "insert token", "insert random bytes", "delete range",
        "duplicate range", "byte-order mark", "deep nesting", "long string", "whitespace",
    ]

    /// Applies one structural mutation to the tree; returns its name.
    @discardableResult
    mutating func mutate(_ tree: inout FuzzNode, donors: [FuzzNode]) -> String {
        let nodes = tree.walk()
        let target = rng.pick(nodes)
        let node = tree[target.path[...]]
        let objects = nodes.filter { if case .obj = $0.node { return true } else { return false } }
        let arrays = nodes.filter { if case .arr(let a) = $0.node { return !a.isEmpty } else { return false } }
        let literals = nodes.filter { $0.node.literal != nil }

        let kind = rng.below(Self.structuralNames.count)
        let name = Self.structuralNames[kind]
        switch kind {
        case 0, 1: // Delete a key.
            guard let o = objects.isEmpty ? nil : rng.pick(objects), case .obj(var members) = tree[o.path[...]],
                  !members.isEmpty else { return name }
            members.remove(at: rng.below(members.count))
            tree[o.path[...]] = .obj(members)
        case 2: // Rename a key.
            guard let o = objects.isEmpty ? nil : rng.pick(objects), case .obj(var members) = tree[o.path[...]],
                  !members.isEmpty else { return name }
            let k = rng.below(members.count)
            members[k].key = renamedKey(members[k].key)
            tree[o.path[...]] = .obj(members)
        case 3: // Duplicate a key (same or another value).
            guard let o = objects.isEmpty ? nil : rng.pick(objects), case .obj(var members) = tree[o.path[...]],
                  !members.isEmpty else { return name }
            var m = members[rng.below(members.count)]
            if rng.chance(0.5) { m.value = anyValue() }
            members.insert(m, at: rng.below(members.count + 1))
            tree[o.path[...]] = .obj(members)
        case 4, 5: // Retype a value.
            tree[target.path[...]] = retyped(node)
        case 6, 7: // An edge number, or a nearby one.
            guard let l = literals.isEmpty ? nil : rng.pick(literals), let text = tree[l.path[...]].literal else { return name }
            let isNumber = text.first.map { $0 == "-" || $0.isNumber } ?? false
            tree[l.path[...]] = .lit(isNumber && rng.chance(0.6) ? tweakedNumber(text) : rng.pick(FuzzValues.numbers))
        case 8, 9: // An odd string, or a moved date.
            guard let l = literals.isEmpty ? nil : rng.pick(literals), let text = tree[l.path[...]].literal else { return name }
            let isDate = text.count == 12 && Day(iso: String(text.dropFirst().dropLast())) != nil
            tree[l.path[...]] = .lit(isDate && rng.chance(0.7) ? tweakedDate(text) : rng.pick(FuzzValues.strings))
        case 10: // Any value.
            tree[target.path[...]] = anyValue()
        case 11, 12: // Ids duplicated or swapped within a list.
            let ids = nodes.filter { $0.key == "\"id\"" && $0.node.literal != nil }
            guard ids.count >= 2 else { return name }
            let a = rng.pick(ids), b = rng.pick(ids)
            let ta = tree[a.path[...]], tb = tree[b.path[...]]
            tree[a.path[...]] = tb
            if rng.chance(0.5) { tree[b.path[...]] = ta }
        case 13, 14: // A reference pointed elsewhere: another id of any list, a dangling id, null.
            let refKeys: Set<String> = ["\"organisation\"", "\"site\"", "\"structure\"", "\"session\""]
            let refs = nodes.filter { $0.key.map(refKeys.contains) ?? false && $0.node.literal != nil }
            let ids = nodes.filter { $0.key == "\"id\"" }.compactMap { $0.node.literal }
            guard let r = refs.isEmpty ? nil : rng.pick(refs) else { return name }
            switch rng.below(4) {
            case 0: tree[r.path[...]] = .lit("null")
            case 1: tree[r.path[...]] = .lit("\"NO-SUCH-ID\"")
            default: if !ids.isEmpty { tree[r.path[...]] = .lit(rng.pick(ids)) }
            }
        case 15: // Remove, duplicate or repeat an item of a list; empty a list; reverse it.
            guard let a = arrays.isEmpty ? nil : rng.pick(arrays), case .arr(var items) = tree[a.path[...]] else { return name }
            let k = rng.below(items.count)
            switch rng.below(5) {
            case 0: items.remove(at: k)
            case 1: items.insert(items[k], at: k)
            case 2: items += Array(repeating: items[k], count: rng.size(max: 2_000))
            case 3: items = []
            default: items.reverse()
            }
            tree[a.path[...]] = .arr(items)
        case 16: // Reorder the members of an object.
            guard let o = objects.isEmpty ? nil : rng.pick(objects), case .obj(let members) = tree[o.path[...]] else { return name }
            var shuffled = members
            for k in shuffled.indices.reversed() where k > 0 { shuffled.swapAt(k, rng.below(k + 1)) }
            tree[o.path[...]] = .obj(shuffled)
        case 17: // An unknown key, or a known key where it does not belong.
            guard let o = objects.isEmpty ? nil : rng.pick(objects), case .obj(var members) = tree[o.path[...]] else { return name }
            let key = rng.chance(0.5) ? jsonStringLiteral(rng.pick(FuzzValues.keys)) : rng.pick(FuzzValues.strings)
            members.insert((key, anyValue()), at: rng.below(members.count + 1))
            tree[o.path[...]] = .obj(members)
        case 18: // Wrap or unwrap.
            switch node {
            case .arr(let items) where !items.isEmpty: tree[target.path[...]] = items[0]
            case .obj(let members) where !members.isEmpty: tree[target.path[...]] = members[0].value
            default: tree[target.path[...]] = rng.chance(0.5) ? .arr([node]) : .obj([("\"x\"", node)])
            }
        case 19: // A subtree from elsewhere, in this document or another seed.
            let donor = donors.isEmpty || rng.chance(0.5) ? tree : rng.pick(donors)
            let from = rng.pick(donor.walk())
            tree[target.path[...]] = donor[from.path[...]]
        case 20: // Very long string, or deep nesting, in place of a value.
            tree[target.path[...]] = .lit(rng.chance(0.5) ? longString() : deepNesting())
        case 21: // A null for a value (an optional key given as null, or a required one).
            tree[target.path[...]] = .lit("null")
        default: // An extreme value under a key chosen among the keys present (rare keys as often as common ones).
            let keys = Array(Set(literals.compactMap(\.key))).sorted()
            guard !keys.isEmpty else { return name }
            let key = rng.pick(keys)
            let l = rng.pick(literals.filter { $0.key == key })
            let text = tree[l.path[...]].literal!
            if let v = Double(text), rng.chance(0.8) {
                tree[l.path[...]] = .lit(rng.pick([
                    "\(v * 1e-9)", "\(v * 1e-300)", "1e-300", "5e-324", "\(v * 1e9)", "\(v * 1e300)", "999999999999", "-\(text)",
                    "\(v + 0.5)", "0", "-0",
                ]))
            } else {
                tree[l.path[...]] = .lit(rng.pick(FuzzValues.numbers + FuzzValues.strings))
            }
        }
        return name
    }

    // MARK: Mostly valid changes

    static let benignNames = [
        "reorder members", "odd name", "rename an id everywhere", "rename an id everywhere", "drop optional key",
        "optional key null", "equivalent number", "equivalent number", "remove learner", "copy learner",
        "valid capacity", "valid weight",
    ]
    static let optionalKeys: Set<String> = [
        "\"name\"", "\"minSize\"", "\"availableFrom\"", "\"startBy\"", "\"finishBy\"", "\"mode\"", "\"maxTravelKm\"",
        "\"maxAbsent\"", "\"alternationDays\"", "\"maxConcurrentSessions\"", "\"closures\"", "\"calendar\"",
        "\"weights\"", "\"defaults\"", "\"assigned\"", "\"holidays\"", "\"paths\"",
    ]
    static let referenceKeys: Set<String> = ["\"id\"", "\"organisation\"", "\"site\"", "\"structure\"", "\"session\""]
    /// Text that a valid string may hold (escapes as written in JSON).
    static let oddText = ["😀", "\\u0000", "e\u{301}", " ", "\\\"", "\\\\", "\\ud83d\\ude00", "Ω", "\\t", "\u{200b}", "\\u001f"]

    /// Applies one change that usually keeps the document valid; returns its name.
    @discardableResult
    mutating func mutateBenignly(_ tree: inout FuzzNode) -> String {
        let nodes = tree.walk()
        let kind = rng.below(Self.benignNames.count)
        let name = Self.benignNames[kind]
        func members(_ key: String) -> [[FuzzNode.Step]] {
            nodes.filter { $0.key == key && $0.node.literal != nil }.map(\.path)
        }
        func list(_ key: String) -> [FuzzNode.Step]? {
            guard case .obj(let top) = tree, let k = top.firstIndex(where: { $0.key == key }) else { return nil }
            return [.member(k)]
        }
        switch kind {
        case 0:
            let objects = nodes.filter { if case .obj = $0.node { return true } else { return false } }
            let o = rng.pick(objects)
            guard case .obj(var shuffled) = tree[o.path[...]] else { return name }
            for k in shuffled.indices.reversed() where k > 0 { shuffled.swapAt(k, rng.below(k + 1)) }
            tree[o.path[...]] = .obj(shuffled)
        case 1:
            let names = members("\"name\"")
            guard !names.isEmpty else { return name }
            let text = rng.chance(0.2) ? String(repeating: rng.pick(Self.oddText), count: rng.size(max: 50_000))
                : (0..<rng.int(0...4)).map { _ in rng.pick(Self.oddText) }.joined()
            tree[rng.pick(names)[...]] = .lit("\"" + text + "\"")
        case 2, 3:
            let ids = members("\"id\"")
            guard let old = ids.isEmpty ? nil : tree[rng.pick(ids)[...]].literal, old.hasPrefix("\"") else { return name }
            let new = String(old.dropLast()) + (0..<rng.int(1...3)).map { _ in rng.pick(Self.oddText) }.joined() + "\""
            for n in nodes where n.key.map(Self.referenceKeys.contains) ?? false && n.node.literal == old {
                tree[n.path[...]] = .lit(new)
            }
        case 4, 5:
            let optional = nodes.filter { n in
                guard case .obj(let ms) = n.node else { return false }
                return ms.contains { Self.optionalKeys.contains($0.key) }
            }
            guard let o = optional.isEmpty ? nil : rng.pick(optional), case .obj(var ms) = tree[o.path[...]] else { return name }
            let k = rng.pick(ms.indices.filter { Self.optionalKeys.contains(ms[$0].key) })
            if kind == 4 { ms.remove(at: k) } else { ms[k].value = .lit("null") }
            tree[o.path[...]] = .obj(ms)
        case 6, 7:
            let numbers = nodes.filter { $0.node.literal.flatMap(Double.init) != nil }
            guard let n = numbers.isEmpty ? nil : rng.pick(numbers), let text = tree[n.path[...]].literal else { return name }
            let forms = text.contains(".") || text.contains("e") || text.contains("E")
                ? [text + "0", text + "e0", text + "E+0"] : [text + ".0", text + "e0", text + ".000", text + "00e-2", text + "E0"]
            tree[n.path[...]] = .lit(rng.pick(forms))
        case 8, 9:
            guard let l = list("\"learners\""), case .arr(var items) = tree[l[...]], !items.isEmpty else { return name }
            let k = rng.below(items.count)
            if kind == 8 {
                items.remove(at: k)
            } else {
                guard case .obj(var ms) = items[k], let i = ms.firstIndex(where: { $0.key == "\"id\"" }),
                      let id = ms[i].value.literal, id.hasPrefix("\"") else { return name }
                ms[i].value = .lit(String(id.dropLast()) + "-copy\(items.count)\"")
                items.insert(.obj(ms), at: rng.below(items.count + 1))
            }
            tree[l[...]] = .arr(items)
        case 10:
            let seats = members("\"inPerson\"") + members("\"remote\"") + members("\"minSize\"") + members("\"maxAbsent\"")
            guard !seats.isEmpty else { return name }
            tree[rng.pick(seats)[...]] = .lit(rng.pick(["0", "1", "2", "5", "12", "30.0", "1e2", "100000"]))
        default:
            let weights = ["\"unassigned\"", "\"remote\"", "\"perKm\"", "\"perWaitingDay\"", "\"openSession\""].flatMap(members)
            guard !weights.isEmpty else { return name }
            tree[rng.pick(weights)[...]] = .lit(rng.pick(["0", "0.5", "1e3", "100000", "1e308", "5e-324", "0.0"]))
        }
        return name
    }

    // MARK: Bytes

    /// Byte sequences worth inserting.
    static let tokens: [[UInt8]] = [
        Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8), Array(",".utf8), Array(":".utf8),
        Array("\"".utf8), Array("\\".utf8), Array("\\u".utf8), Array("null".utf8), Array("-".utf8), Array("e".utf8),
        Array(".".utf8), Array("\n".utf8), Array("\r".utf8), Array("\t".utf8), Array(" ".utf8), [0x00], [0x7F],
        // Invalid UTF-8: stray continuation, truncated sequences, overlong, surrogate, beyond U+10FFFF, 0xFE/0xFF.
        [0x80], [0xBF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF],
        // Valid multi-byte: é, combining acute, emoji, BOM.
        [0xC3, 0xA9], [0xCC, 0x81], [0xF0, 0x9F, 0x98, 0x80], [0xEF, 0xBB, 0xBF],
    ]

    /// Applies one byte-level mutation; returns its name.
    @discardableResult
    mutating func mutateBytes(_ bytes: inout [UInt8]) -> String {
        let n = bytes.count
        let kind = rng.below(12)
        let name = Self.byteNames[kind]
        switch kind {
        case 0: // Truncate.
            bytes = Array(bytes.prefix(n == 0 ? 0 : rng.below(n)))
        case 1: // Flip bits.
            guard n > 0 else { return name }
            for _ in 0..<rng.int(1...8) { bytes[rng.below(n)] ^= UInt8(1) << UInt8(rng.below(8)) }
        case 2: // Set a random byte.
            guard n > 0 else { return name }
            bytes[rng.below(n)] = UInt8(truncatingIfNeeded: rng.next())
        case 3, 4: // Insert a token (structural character, invalid UTF-8…).
            bytes.insert(contentsOf: rng.pick(Self.tokens), at: rng.below(n + 1))
        case 5: // Insert random bytes.
            let junk = (0..<rng.int(1...16)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            bytes.insert(contentsOf: junk, at: rng.below(n + 1))
        case 6: // Delete a range.
            guard n > 0 else { return name }
            let a = rng.below(n)
            bytes.removeSubrange(a..<Swift.min(n, a + rng.size(max: 64)))
        case 7: // Duplicate a range.
            guard n > 0 else { return name }
            let a = rng.below(n)
            let chunk = bytes[a..<Swift.min(n, a + rng.size(max: 256))]
            bytes.insert(contentsOf: chunk, at: rng.below(n + 1))
        case 8: // A byte-order mark: at the start, twice, or in the middle.
            switch rng.below(3) {
            case 0: bytes = [0xEF, 0xBB, 0xBF] + bytes
            case 1: bytes = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + bytes
            default: bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: rng.below(n + 1))
            }
        case 9: // Deep nesting before, inside or instead of the document.
            let deep = Array(deepNesting().utf8)
            switch rng.below(3) {
            case 0: bytes = deep + bytes
            case 1: bytes.insert(contentsOf: deep, at: rng.below(n + 1))
            default: bytes = deep
            }
        case 10: // A very long string inserted somewhere.
            bytes.insert(contentsOf: Array(longString().utf8), at: rng.below(n + 1))
        default: // Whitespace games: strip all, or UTF-16 / NUL padding.
            switch rng.below(3) {
            case 0: bytes.removeAll { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            case 1: bytes = [0xFF, 0xFE] + bytes.flatMap { [$0, 0] }
            default: bytes += [0x00]
            }
        }
        return name
    }
}
