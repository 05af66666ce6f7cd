// summary.json (SPEC §5): an object with status, objective, bound, gap, learners, assigned,
// inPerson, remote, unassigned, sessionsRun and solveSeconds, consistent with assignments.csv and
// with the objective of SPEC §4 recomputed here. The six counts are JSON integers (`300`, never
// `300.0`).
import PlanDomain

extension Checker {
    mutating func checkSummary(_ bytes: [UInt8]) {
        let file = "summary.json"
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            fail(file, error.position.line, nil, "not valid JSON: \(error.message) (column \(error.position.column))")
            return
        }
        checkPlainNumbers(root, path: "$")
        guard case .object(let members) = root.value else {
            fail(file, root.position.line, nil, "expected a JSON object at the top level")
            return
        }
        var map: [String: JSONNode] = [:]
        for m in members {
            if map[m.key] != nil {
                fail(file, m.keyPosition.line, nil, "key \"\(m.key)\" appears twice")
            } else {
                map[m.key] = m.value
            }
        }

        func number(_ key: String, whole: Bool = false) -> Double? {
            guard let node = map[key] else {
                fail(file, nil, nil, "required key \"\(key)\" is missing")
                return nil
            }
            guard case .number(let v, let text) = node.value else {
                fail(file, node.position.line, nil, "\"\(key)\" is \(kind(node)), expected a number")
                return nil
            }
            if whole && (v != v.rounded() || v < 0) {
                fail(file, node.position.line, nil, "\"\(key)\" is \(plainNumber(v)), expected a whole number >= 0")
                return nil
            }
            if whole && !isJSONInteger(text) {
                fail(file, node.position.line, nil, "\"\(key)\" is written \(text), expected a JSON integer (\(plainNumber(v))): a count has no decimal point and no exponent")
                return nil
            }
            return v
        }
        func line(_ key: String) -> Int? { map[key]?.position.line }

        var status: String?
        if let node = map["status"] {
            if case .string(let s) = node.value {
                if ["optimal", "feasible", "interrupted"].contains(s) {
                    status = s
                } else {
                    fail(file, node.position.line, nil, "\"status\" is \"\(s)\", expected \"optimal\", \"feasible\" or \"interrupted\"")
                }
            } else {
                fail(file, node.position.line, nil, "\"status\" is \(kind(node)), expected a string")
            }
        } else {
            fail(file, nil, nil, "required key \"status\" is missing")
        }
        let objective = number("objective"), bound = number("bound"), gap = number("gap")
        let learners = number("learners", whole: true), assigned = number("assigned", whole: true)
        let inPerson = number("inPerson", whole: true), remote = number("remote", whole: true)
        let unassigned = number("unassigned", whole: true), sessionsRun = number("sessionsRun", whole: true)
        if let seconds = number("solveSeconds"), seconds < 0 {
            fail(file, line("solveSeconds"), nil, "\"solveSeconds\" is \(plainNumber(seconds)), expected a duration >= 0")
        }

        if let node = map["today"] {
            if case .string(let text) = node.value, Day(iso: text) != nil {} else {
                fail(file, node.position.line, nil, "\"today\" is not a date written \"YYYY-MM-DD\"")
            }
        }
        // Re-plans (SPEC §6): both keys or neither.
        var changes: Double?, changeWeight: Double?
        if map["changes"] != nil || map["changeWeight"] != nil {
            changes = number("changes", whole: true)
            changeWeight = number("changeWeight")
            if let w = changeWeight, w < 0 {
                fail(file, line("changeWeight"), nil, "\"changeWeight\" is \(plainNumber(w)), expected a weight >= 0")
            }
        }

        func compare(_ key: String, _ found: Double?, _ expected: Int, _ why: String) {
            guard let found, found != Double(expected) else { return }
            fail(file, line(key), nil, "\"\(key)\" is \(plainNumber(found)), expected \(expected) (\(why))")
        }
        compare("learners", learners, instance.learners.count, "learners in the instance")
        if decisionsComplete {
            let seats = Array(self.seats.values)
            let ip = seats.filter { $0.mode == .inPerson }.count
            compare("assigned", assigned, seats.count, "assigned rows in assignments.csv")
            compare("inPerson", inPerson, ip, "in_person rows in assignments.csv")
            compare("remote", remote, seats.count - ip, "remote rows in assignments.csv")
            compare("unassigned", unassigned, instance.learners.count - seats.count, "unassigned rows in assignments.csv")
            compare("sessionsRun", sessionsRun, Set(seats.map(\.session)).count, "sessions with a participant in assignments.csv")
            if let objective {
                var expected = recomputedObjective()
                var why = "SPEC §4 recomputed from assignments.csv"
                if let changes, let changeWeight {
                    expected += changeWeight * changes
                    why += ", plus changeWeight × changes (SPEC §6)"
                }
                if abs(objective - expected) > 1e-6 * max(1, abs(expected)) {
                    fail(file, line("objective"), nil, "\"objective\" is \(plainNumber(objective)), expected \(plainNumber(expected)) (\(why))")
                }
            }
            if let recounted = recountedChanges {
                if changes == nil {
                    fail(file, nil, nil, "a previous plan was given but \"changes\" is missing (SPEC §6)")
                }
                compare("changes", changes, recounted, "learners of the previous plan who had a seat and lost or changed it")
            }
        }
        if let objective, let bound {
            let tolerance = 1e-6 * max(1, abs(objective))
            if bound > objective + tolerance {
                fail(file, line("bound"), nil, "\"bound\" is \(plainNumber(bound)), above the objective \(plainNumber(objective)); a bound of a minimisation is at most the objective")
            }
            let expectedGap = abs(objective - bound) / max(1, abs(objective))
            if let gap, abs(gap - expectedGap) > 1e-6 {
                fail(file, line("gap"), nil, "\"gap\" is \(plainNumber(gap)), expected \(plainNumber(expectedGap)) (|objective - bound| / max(1, |objective|))")
            }
            if status == "optimal", expectedGap > 1e-6 {
                fail(file, line("status"), nil, "\"status\" is \"optimal\" but the objective \(plainNumber(objective)) and the bound \(plainNumber(bound)) differ (gap \(plainNumber(expectedGap)))")
            }
        }
        if status == "optimal", let gap, gap > 1e-6 {
            fail(file, line("gap"), nil, "\"status\" is \"optimal\" but \"gap\" is \(plainNumber(gap)), expected 0")
        }
    }

    /// Every number in the document is written as a plain decimal (no exponent).
    private mutating func checkPlainNumbers(_ node: JSONNode, path: String) {
        switch node.value {
        case .number(_, let text):
            if text.contains(where: { $0 == "e" || $0 == "E" }) {
                fail("summary.json", node.position.line, nil, "\(path) is written \(text); expected a plain decimal without an exponent")
            }
        case .array(let items):
            for (k, item) in items.enumerated() { checkPlainNumbers(item, path: "\(path)[\(k)]") }
        case .object(let members):
            for m in members { checkPlainNumbers(m.value, path: path == "$" ? m.key : "\(path).\(m.key)") }
        default: break
        }
    }
}

/// A count is written as a JSON integer: digits only, without a fraction, an exponent or a sign
/// (`300`, not `300.0`, `3e2` or `-0`).
func isJSONInteger(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
}

private func kind(_ node: JSONNode) -> String {
    switch node.value {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
}
