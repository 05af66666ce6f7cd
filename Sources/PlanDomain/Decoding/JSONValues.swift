// JSONValues: the decoder's readers of single values (strings, ids, numbers, dates, weekdays,
// references to other objects, path lengths). Each takes the field (nil when absent, and then
// returns nil without a report) and returns nil after reporting what was expected.

extension InstanceDecoder {
    /// A string; `what` says what was expected.
    mutating func string(_ f: JSONField?, _ what: String = tr("a string", "un texte")) -> String? {
        guard let f else { return nil }
        guard case .string(let s) = f.node.value else {
            report(f.path, expected(what, found: kind(f.node)), at: f.node.position)
            return nil
        }
        return s
    }

    /// A non-empty id string.
    mutating func id(_ f: JSONField?) -> String? {
        let what = tr("a non-empty id string", "un identifiant non vide")
        guard let s = string(f, what) else { return nil }
        if s.isEmpty { report(f!.path, tr("expected \(what)", "attendu : \(what)"), at: f!.node.position); return nil }
        return s
    }

    /// A number, at least `min`, more than `above` and at most `max` when given.
    mutating func number(_ f: JSONField?, _ what: String, min: Double? = nil, above: Double? = nil,
                         max: Double? = nil) -> Double? {
        guard let f else { return nil }
        guard case .number(let v, _) = f.node.value else {
            report(f.path, expected(what, found: kind(f.node)), at: f.node.position)
            return nil
        }
        let outside = min.map { v < $0 } == true || above.map { v <= $0 } == true || max.map { v > $0 } == true
        if outside { report(f.path, expected(what, found: formatNumber(v)), at: f.node.position); return nil }
        return v
    }

    /// A whole number, at least `min`.
    mutating func whole(_ f: JSONField?, _ what: String, min: Int = 0) -> Int? {
        guard let f, let v = number(f, what) else { return nil }
        guard v == v.rounded(), abs(v) < 1e12 else {
            report(f.path, expected(tr("\(what) (a whole number)", "\(what) (un nombre entier)"), found: formatNumber(v)),
                   at: f.node.position)
            return nil
        }
        guard Int(v) >= min else {
            report(f.path, expected(what, found: formatNumber(v)), at: f.node.position)
            return nil
        }
        return Int(v)
    }

    /// A date "YYYY-MM-DD".
    mutating func date(_ f: JSONField?) -> Day? {
        let what = tr("a date \"YYYY-MM-DD\"", "une date \"AAAA-MM-JJ\"")
        guard let f, let s = string(f, what) else { return nil }
        guard let d = Day(iso: s) else {
            // Written right but not on the calendar (2027-02-30): say so, not "bad format".
            let shape = s.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil
            report(f.path, shape ? tr("\(s) does not exist (expected a real date \"YYYY-MM-DD\")",
                                      "la date \(s) n'existe pas (attendu : une date réelle \"AAAA-MM-JJ\")")
                                 : expected(what, found: "\"\(s)\""), at: f.node.position)
            return nil
        }
        return d
    }

    /// The items of a list, each with its path (`sites[2]`).
    mutating func array(_ f: JSONField?, _ what: String) -> [JSONField]? {
        guard let f else { return nil }
        guard case .array(let items) = f.node.value else {
            report(f.path, expected(tr("a list of \(what)", "une liste (\(what))"), found: kind(f.node)), at: f.node.position)
            return nil
        }
        return items.enumerated().map { JSONField(node: $1, path: "\(f.path)[\($0)]") }
    }

    /// A list of dates; nil when any is wrong (each reported).
    mutating func dates(_ f: JSONField?) -> [Day]? {
        guard let items = array(f, tr("dates \"YYYY-MM-DD\"", "dates \"AAAA-MM-JJ\"")) else { return nil }
        let ds = items.map { date($0) }
        return ds.contains(where: { $0 == nil }) ? nil : ds.map { $0! }
    }

    /// A list of distinct weekdays, non-empty unless `nonEmpty` is false; nil when any is wrong.
    mutating func weekdays(_ f: JSONField?, nonEmpty: Bool = true) -> [Weekday]? {
        guard let f, let items = array(f, tr("weekdays \"mon\"…\"sun\"", "jours \"mon\"…\"sun\"")) else { return nil }
        var out: [Weekday] = []
        var ok = true
        for item in items {
            guard let s = string(item, tr("a weekday \"mon\"…\"sun\"", "un jour \"mon\"…\"sun\"")) else { ok = false; continue }
            guard let w = Weekday(rawValue: s) else {
                report(item.path, expected(tr("a weekday \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\" or \"sun\"",
                                              "un jour \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\" ou \"sun\""),
                                           found: "\"\(s)\""), at: item.node.position)
                ok = false
                continue
            }
            if out.contains(w) { report(item.path, tr("weekday \"\(s)\" is listed twice", "le jour \"\(s)\" figure deux fois"), at: item.node.position); ok = false }
            out.append(w)
        }
        if ok, nonEmpty, out.isEmpty { report(f.path, tr("expected at least one weekday", "attendu : au moins un jour"), at: f.node.position); return nil }
        return ok ? out : nil
    }

    /// The index of the object an id refers to, looked up in `map` (id -> index).
    mutating func reference(_ f: JSONField?, _ map: [String: Int], _ what: Referent) -> Int? {
        guard let f, let s = id(f) else { return nil }
        guard let i = map[s] else {
            report(f.path, what.unknown(s), at: f.node.position)
            return nil
        }
        return i
    }

    /// A path length in hours, one of the allowed `paths`.
    mutating func pathValue(_ f: JSONField?, _ paths: [Int]) -> Int? {
        guard let f, let p = whole(f, tr("a path length in hours", "une durée de parcours en heures"), min: 1) else { return nil }
        guard paths.contains(p) else {
            let allowed = paths.map(String.init).joined(separator: ", ")
            report(f.path, tr("path \(p) is not one of the allowed paths \(allowed)",
                              "le parcours \(p) ne fait pas partie des parcours autorisés (\(allowed))"), at: f.node.position)
            return nil
        }
        return p
    }
}
