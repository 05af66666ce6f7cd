// JSONValues: the decoder's readers of single values (strings, ids, numbers, dates, weekdays,
// references to other objects, path lengths). Each takes the field (nil when absent, and then
// returns nil without a report) and returns nil after reporting what was expected.

extension InstanceDecoder {
    /// A string; `what` says what was expected.
    mutating func string(_ f: JSONField?, _ what: String = "a string") -> String? {
        guard let f else { return nil }
        guard case .string(let s) = f.node.value else {
            report(f.path, "expected \(what), found \(kind(f.node))", at: f.node.position)
            return nil
        }
        return s
    }

    /// A non-empty id string.
    mutating func id(_ f: JSONField?) -> String? {
        guard let s = string(f, "a non-empty id string") else { return nil }
        if s.isEmpty { report(f!.path, "expected a non-empty id string", at: f!.node.position); return nil }
        return s
    }

    /// A number, at least `min`, more than `above` and at most `max` when given.
    mutating func number(_ f: JSONField?, _ what: String, min: Double? = nil, above: Double? = nil,
                         max: Double? = nil) -> Double? {
        guard let f else { return nil }
        guard case .number(let v, _) = f.node.value else {
            report(f.path, "expected \(what), found \(kind(f.node))", at: f.node.position)
            return nil
        }
        if let m = min, v < m { report(f.path, "expected \(what), found \(formatNumber(v))", at: f.node.position); return nil }
        if let a = above, v <= a { report(f.path, "expected \(what), found \(formatNumber(v))", at: f.node.position); return nil }
        if let m = max, v > m { report(f.path, "expected \(what), found \(formatNumber(v))", at: f.node.position); return nil }
        return v
    }

    /// A whole number, at least `min`.
    mutating func whole(_ f: JSONField?, _ what: String, min: Int = 0) -> Int? {
        guard let f, let v = number(f, what) else { return nil }
        guard v == v.rounded(), abs(v) < 1e12 else {
            report(f.path, "expected \(what) (a whole number), found \(formatNumber(v))", at: f.node.position)
            return nil
        }
        guard Int(v) >= min else {
            report(f.path, "expected \(what), found \(formatNumber(v))", at: f.node.position)
            return nil
        }
        return Int(v)
    }

    /// A date "YYYY-MM-DD".
    mutating func date(_ f: JSONField?) -> Day? {
        guard let f, let s = string(f, "a date \"YYYY-MM-DD\"") else { return nil }
        guard let d = Day(iso: s) else {
            // Written right but not on the calendar (2027-02-30): say so, not "bad format".
            let shape = s.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil
            report(f.path, shape ? "\(s) does not exist (expected a real date \"YYYY-MM-DD\")"
                                 : "expected a date \"YYYY-MM-DD\", found \"\(s)\"", at: f.node.position)
            return nil
        }
        return d
    }

    /// The items of a list, each with its path (`sites[2]`).
    mutating func array(_ f: JSONField?, _ what: String) -> [JSONField]? {
        guard let f else { return nil }
        guard case .array(let items) = f.node.value else {
            report(f.path, "expected a list of \(what), found \(kind(f.node))", at: f.node.position)
            return nil
        }
        return items.enumerated().map { JSONField(node: $1, path: "\(f.path)[\($0)]") }
    }

    /// A list of dates; nil when any is wrong (each reported).
    mutating func dates(_ f: JSONField?) -> [Day]? {
        guard let items = array(f, "dates \"YYYY-MM-DD\"") else { return nil }
        let ds = items.map { date($0) }
        return ds.contains(where: { $0 == nil }) ? nil : ds.map { $0! }
    }

    /// A list of distinct weekdays, non-empty unless `nonEmpty` is false; nil when any is wrong.
    mutating func weekdays(_ f: JSONField?, nonEmpty: Bool = true) -> [Weekday]? {
        guard let f, let items = array(f, "weekdays \"mon\"…\"sun\"") else { return nil }
        var out: [Weekday] = []
        var ok = true
        for item in items {
            guard let s = string(item, "a weekday \"mon\"…\"sun\"") else { ok = false; continue }
            guard let w = Weekday(rawValue: s) else {
                report(item.path, "expected a weekday \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\" or \"sun\", found \"\(s)\"",
                       at: item.node.position)
                ok = false
                continue
            }
            if out.contains(w) { report(item.path, "weekday \"\(s)\" is listed twice", at: item.node.position); ok = false }
            out.append(w)
        }
        if ok, nonEmpty, out.isEmpty { report(f.path, "expected at least one weekday", at: f.node.position); return nil }
        return ok ? out : nil
    }

    /// The index of the object an id refers to, looked up in `map` (id -> index).
    mutating func reference(_ f: JSONField?, _ map: [String: Int], _ what: String) -> Int? {
        guard let f, let s = id(f) else { return nil }
        guard let i = map[s] else {
            report(f.path, "unknown \(what) \"\(s)\"; expected the id of one of the \(what)s", at: f.node.position)
            return nil
        }
        return i
    }

    /// A path length in hours, one of the allowed `paths`.
    mutating func pathValue(_ f: JSONField?, _ paths: [Int]) -> Int? {
        guard let f, let p = whole(f, "a path length in hours", min: 1) else { return nil }
        guard paths.contains(p) else {
            report(f.path, "path \(p) is not one of the allowed paths \(paths.map(String.init).joined(separator: ", "))", at: f.node.position)
            return nil
        }
        return p
    }
}
