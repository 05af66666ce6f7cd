// JSONObjects: how the decoder reads JSON objects: a value with its JSON path, an object's members
// once unknown and duplicate keys are reported, required keys, and how a wrong value is named in
// messages ("found the string \"abc\"").

/// A value of the document and its JSON path (`learners[3].availableFrom`).
struct JSONField {
    var node: JSONNode
    var path: String
}

/// An object's members by key, once unknown and duplicate keys have been reported.
struct ObjectMembers {
    var path: String
    var map: [String: JSONNode]
    var position: SourcePosition

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member, nil when absent or null.
    subscript(_ key: String) -> JSONField? {
        guard let n = map[key] else { return nil }
        if case .null = n.value { return nil }
        return JSONField(node: n, path: child(key))
    }

    /// True when the key is present, even as null.
    func has(_ key: String) -> Bool { map[key] != nil }
}

extension InstanceDecoder {
    /// The members of an object whose allowed keys are `keys`; nil (reported) when `node` is not an
    /// object. Unknown keys (with the closest allowed one as a hint) and repeated keys are reported.
    mutating func object(_ node: JSONNode, _ path: String, keys: [String], what: String) -> ObjectMembers? {
        guard case .object(let members) = node.value else {
            report(path, expected(tr("an object (\(what))", "un objet (\(what))"), found: kind(node)), at: node.position)
            return nil
        }
        var map: [String: JSONNode] = [:]
        for m in members {
            let p = path.isEmpty ? m.key : "\(path).\(m.key)"
            if !keys.contains(m.key) {
                let hint = closest(m.key, in: keys).map { tr("; did you mean '\($0)'?", " ; vouliez-vous dire '\($0)' ?") } ?? ""
                report(p, tr("unknown key '\(m.key)'\(hint) (expected one of: \(keys.joined(separator: ", ")))",
                             "clé inconnue '\(m.key)'\(hint) (clés possibles : \(keys.joined(separator: ", ")))"), at: m.keyPosition)
            } else if map[m.key] != nil {
                report(p, tr("key '\(m.key)' appears twice", "la clé '\(m.key)' apparaît deux fois"), at: m.keyPosition)
            } else {
                map[m.key] = m.value
            }
        }
        return ObjectMembers(path: path, map: map, position: node.position)
    }

    /// The member `key`, reported when missing or null.
    mutating func required(_ o: ObjectMembers, _ key: String, _ what: String) -> JSONField? {
        if let f = o[key] { return f }
        report(o.child(key), o.has(key) ? tr("must not be null; expected \(what)", "ne doit pas être null ; attendu : \(what)")
                                        : tr("required key is missing; expected \(what)", "clé obligatoire absente ; attendu : \(what)"),
               at: o.has(key) ? o.map[key]!.position : o.position)
        return nil
    }

    /// What a value is, for messages: `null`, `the number 1e3`, `the string "abc"`, `a list`…
    func kind(_ node: JSONNode) -> String {
        switch node.value {
        case .null: return "null"
        case .bool: return tr("a boolean", "un booléen")
        case .number(_, let t): return tr("the number \(t)", "le nombre \(t)")
        case .string(let s): return tr("the string \"\(s)\"", "le texte \"\(s)\"")
        case .array: return tr("a list", "une liste")
        case .object: return tr("an object", "un objet")
        }
    }
}

/// The allowed key closest to a misspelt one (edit distance at most 3).
private func closest(_ key: String, in keys: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var prev = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return a.isEmpty ? b.count : prev[b.count]
    }
    let a = Array(key.lowercased())
    // The distance is at least the difference in length: skip the others (and long keys at once).
    let near = keys.filter { abs($0.count - a.count) <= 3 }
    let best = near.map { ($0, distance(a, Array($0.lowercased()))) }.min { $0.1 < $1.1 }
    return best.flatMap { $0.1 <= 3 ? $0.0 : nil }
}
