// summary.json (SPEC §5): an object with status, objective, bound, gap, learners, assigned,
// inPerson, remote, unassigned, sessionsRun and solveSeconds, consistent with assignments.csv and
// with the objective of SPEC §4 recomputed here. The six counts are JSON integers (`300`, never
// `300.0`).
import PlanDomain

/// summary.json's keys and their values as read: nil where a value is missing or not as
/// expected (already reported).
private struct SummaryFigures {
    var keys: [String: JSONNode]
    var status: String?
    var objective: Double?, bound: Double?, gap: Double?
    var learners: Double?, assigned: Double?, inPerson: Double?, remote: Double?, unassigned: Double?, sessionsRun: Double?
    /// Re-plans (SPEC §6).
    var changes: Double?, changeWeight: Double?

    /// The line of `key`'s value.
    func line(_ key: String) -> Int? { keys[key]?.position.line }
}

extension Checker {
    /// Checks summary.json: its syntax and keys, then its counts against assignments.csv and its
    /// objective, bound, gap and status against each other.
    mutating func checkSummary(_ bytes: [UInt8]) {
        guard let keys = summaryKeys(bytes) else { return }
        let figures = readSummary(keys)
        compareSummaryCounts(figures)
        checkSummaryBound(figures)
    }

    /// The top-level object's members by key, after checking that the file is JSON, that its
    /// numbers are plain decimals and that no key appears twice; nil when it is not a JSON object.
    private mutating func summaryKeys(_ bytes: [UInt8]) -> [String: JSONNode]? {
        let file = "summary.json"
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            fail(file, error.position.line, nil, say("not valid JSON: \(error.message) (column \(error.position.column))",
                                                     "JSON invalide : \(error.message) (colonne \(error.position.column))"))
            return nil
        }
        checkPlainNumbers(root, path: "$")
        guard case .object(let members) = root.value else {
            fail(file, root.position.line, nil, say("expected a JSON object at the top level", "attendu : un objet JSON au premier niveau"))
            return nil
        }
        var keys: [String: JSONNode] = [:]
        for m in members {
            if keys[m.key] != nil {
                fail(file, m.keyPosition.line, nil, say("key \"\(m.key)\" appears twice", "la clé \"\(m.key)\" apparaît deux fois"))
            } else {
                keys[m.key] = m.value
            }
        }
        return keys
    }

    /// Reads and checks each key on its own: its presence, its type, and its range.
    private mutating func readSummary(_ keys: [String: JSONNode]) -> SummaryFigures {
        var f = SummaryFigures(keys: keys)
        f.status = summaryStatus(keys)
        f.objective = summaryNumber(keys, "objective")
        f.bound = summaryNumber(keys, "bound")
        f.gap = summaryNumber(keys, "gap")
        f.learners = summaryNumber(keys, "learners", whole: true)
        f.assigned = summaryNumber(keys, "assigned", whole: true)
        f.inPerson = summaryNumber(keys, "inPerson", whole: true)
        f.remote = summaryNumber(keys, "remote", whole: true)
        f.unassigned = summaryNumber(keys, "unassigned", whole: true)
        f.sessionsRun = summaryNumber(keys, "sessionsRun", whole: true)
        if let seconds = summaryNumber(keys, "solveSeconds"), seconds < 0 {
            fail("summary.json", f.line("solveSeconds"), nil, say("\"solveSeconds\" is \(plainNumber(seconds)), expected a duration >= 0",
                                                                  "\"solveSeconds\" est \(plainNumber(seconds)), attendu une durée >= 0"))
        }
        if let node = keys["today"] {
            if case .string(let text) = node.value, Day(iso: text) != nil {} else {
                fail("summary.json", node.position.line, nil, say("\"today\" is not a date written \"YYYY-MM-DD\"",
                                                                  "\"today\" n'est pas une date écrite \"YYYY-MM-DD\""))
            }
        }
        // Re-plans (SPEC §6): both keys or neither.
        if keys["changes"] != nil || keys["changeWeight"] != nil {
            f.changes = summaryNumber(keys, "changes", whole: true)
            f.changeWeight = summaryNumber(keys, "changeWeight")
            if let w = f.changeWeight, w < 0 {
                fail("summary.json", f.line("changeWeight"), nil, say("\"changeWeight\" is \(plainNumber(w)), expected a weight >= 0",
                                                                      "\"changeWeight\" est \(plainNumber(w)), attendu un poids >= 0"))
            }
        }
        return f
    }

    /// `status`: one of the three words of SPEC §5.
    private mutating func summaryStatus(_ keys: [String: JSONNode]) -> String? {
        let file = "summary.json"
        guard let node = keys["status"] else {
            fail(file, nil, nil, requiredKeyMissing("status"))
            return nil
        }
        guard case .string(let s) = node.value else {
            fail(file, node.position.line, nil, say("\"status\" is \(kind(node)), expected a string", "\"status\" est \(kind(node)), attendu un texte"))
            return nil
        }
        guard ["optimal", "feasible", "interrupted"].contains(s) else {
            fail(file, node.position.line, nil, say("\"status\" is \"\(s)\", expected \"optimal\", \"feasible\" or \"interrupted\"",
                                                    "\"status\" est \"\(s)\", attendu \"optimal\", \"feasible\" ou \"interrupted\""))
            return nil
        }
        return s
    }

    /// A required number; with `whole`, a count: a whole number >= 0 written as a JSON integer.
    private mutating func summaryNumber(_ keys: [String: JSONNode], _ key: String, whole: Bool = false) -> Double? {
        let file = "summary.json"
        guard let node = keys[key] else {
            fail(file, nil, nil, requiredKeyMissing(key))
            return nil
        }
        guard case .number(let v, let text) = node.value else {
            fail(file, node.position.line, nil, say("\"\(key)\" is \(kind(node)), expected a number", "\"\(key)\" est \(kind(node)), attendu un nombre"))
            return nil
        }
        if whole && (v != v.rounded() || v < 0) {
            fail(file, node.position.line, nil, say("\"\(key)\" is \(plainNumber(v)), expected a whole number >= 0",
                                                    "\"\(key)\" est \(plainNumber(v)), attendu un nombre entier >= 0"))
            return nil
        }
        if whole && !isJSONInteger(text) {
            fail(file, node.position.line, nil, say(
                "\"\(key)\" is written \(text), expected a JSON integer (\(plainNumber(v))): a count has no decimal point and no exponent",
                "\"\(key)\" est écrit \(text), attendu un entier JSON (\(plainNumber(v))) : un décompte n'a ni point décimal ni exposant"))
            return nil
        }
        return v
    }

    /// The counts, the objective and (re-plans) the changes, against the instance and, when it gives
    /// every decision, assignments.csv.
    private mutating func compareSummaryCounts(_ f: SummaryFigures) {
        compareSummary(f, "learners", f.learners, instance.learners.count, say("learners in the instance", "apprenants dans l'instance"))
        guard decisionsComplete else { return }
        let seats = Array(self.seats.values)
        let ip = seats.filter { $0.mode == .inPerson }.count
        // `assigned rows in assignments.csv` (`lignes assigned dans assignments.csv`).
        func rowsOf(_ code: String) -> String { say("\(code) rows in assignments.csv", "lignes \(code) dans assignments.csv") }
        compareSummary(f, "assigned", f.assigned, seats.count, rowsOf("assigned"))
        compareSummary(f, "inPerson", f.inPerson, ip, rowsOf("in_person"))
        compareSummary(f, "remote", f.remote, seats.count - ip, rowsOf("remote"))
        compareSummary(f, "unassigned", f.unassigned, instance.learners.count - seats.count, rowsOf("unassigned"))
        compareSummary(f, "sessionsRun", f.sessionsRun, Set(seats.map(\.session)).count,
                       say("sessions with a participant in assignments.csv", "sessions avec au moins un participant dans assignments.csv"))
        compareSummaryObjective(f)
        if let recounted = recountedChanges {
            if f.changes == nil {
                fail("summary.json", nil, nil, say("a previous plan was given but \"changes\" is missing (SPEC §6)",
                                                   "un plan précédent est donné mais \"changes\" est absent (SPEC §6)"))
            }
            compareSummary(f, "changes", f.changes, recounted,
                           say("learners of the previous plan who had a seat and lost or changed it",
                               "apprenants du plan précédent qui avaient une place et l'ont perdue ou en ont changé"))
        }
    }

    /// A count read (`found`, when it could be) against the `expected` one, `why` it is expected.
    private mutating func compareSummary(_ f: SummaryFigures, _ key: String, _ found: Double?, _ expected: Int,
                                         _ why: String) {
        guard let found, found != Double(expected) else { return }
        fail("summary.json", f.line(key), nil, say("\"\(key)\" is \(plainNumber(found)), expected \(expected) (\(why))",
                                                   "\"\(key)\" est \(plainNumber(found)), attendu \(expected) (\(why))"))
    }

    /// The objective against SPEC §4 recomputed from assignments.csv (plus the changes' cost in a
    /// re-plan).
    private mutating func compareSummaryObjective(_ f: SummaryFigures) {
        guard let objective = f.objective else { return }
        var expected = recomputedObjective()
        var why = say("SPEC §4 recomputed from assignments.csv", "SPEC §4 recalculé à partir d'assignments.csv")
        if let changes = f.changes, let changeWeight = f.changeWeight {
            expected += changeWeight * changes
            why += ", plus changeWeight × changes (SPEC §6)"
        }
        if abs(objective - expected) > 1e-6 * max(1, abs(expected)) {
            fail("summary.json", f.line("objective"), nil, say("\"objective\" is \(plainNumber(objective)), expected \(plainNumber(expected)) (\(why))",
                                                               "\"objective\" est \(plainNumber(objective)), attendu \(plainNumber(expected)) (\(why))"))
        }
    }

    /// The bound is at most the objective, the gap is theirs, and an optimal plan has no gap.
    private mutating func checkSummaryBound(_ f: SummaryFigures) {
        let file = "summary.json"
        if let objective = f.objective, let bound = f.bound {
            let tolerance = 1e-6 * max(1, abs(objective))
            if bound > objective + tolerance {
                fail(file, f.line("bound"), nil, say(
                    "\"bound\" is \(plainNumber(bound)), above the objective \(plainNumber(objective)); a bound of a minimisation is at most the objective",
                    "\"bound\" est \(plainNumber(bound)), au-dessus de l'objectif \(plainNumber(objective)) ; la borne d'une minimisation est au plus l'objectif"))
            }
            let expectedGap = abs(objective - bound) / max(1, abs(objective))
            if let gap = f.gap, abs(gap - expectedGap) > 1e-6 {
                fail(file, f.line("gap"), nil, say("\"gap\" is \(plainNumber(gap)), expected ", "\"gap\" est \(plainNumber(gap)), attendu ")
                     + "\(plainNumber(expectedGap)) (|objective - bound| / max(1, |objective|))")
            }
            if f.status == "optimal", expectedGap > 1e-6 {
                fail(file, f.line("status"), nil, say(
                    "\"status\" is \"optimal\" but the objective \(plainNumber(objective)) and the bound \(plainNumber(bound)) differ (gap \(plainNumber(expectedGap)))",
                    "\"status\" est \"optimal\" mais l'objectif \(plainNumber(objective)) et la borne \(plainNumber(bound)) diffèrent (écart \(plainNumber(expectedGap)))"))
            }
        }
        if f.status == "optimal", let gap = f.gap, gap > 1e-6 {
            fail(file, f.line("gap"), nil, say("\"status\" is \"optimal\" but \"gap\" is \(plainNumber(gap)), expected 0",
                                               "\"status\" est \"optimal\" mais \"gap\" est \(plainNumber(gap)), attendu 0"))
        }
    }

    /// Every number in the document is written as a plain decimal (no exponent).
    private mutating func checkPlainNumbers(_ node: JSONNode, path: String) {
        switch node.value {
        case .number(_, let text):
            if text.contains(where: { $0 == "e" || $0 == "E" }) {
                fail("summary.json", node.position.line, nil, say("\(path) is written \(text); expected a plain decimal without an exponent",
                                                                  "\(path) est écrit \(text) ; attendu : un nombre décimal simple, sans exposant"))
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
    case .bool: return say("a boolean", "un booléen")
    case .number: return say("a number", "un nombre")
    case .string: return say("a string", "un texte")
    case .array: return say("an array", "une liste")
    case .object: return say("an object", "un objet")
    }
}

/// `required key "status" is missing` (`la clé obligatoire "status" est absente`).
private func requiredKeyMissing(_ key: String) -> String {
    say("required key \"\(key)\" is missing", "la clé obligatoire \"\(key)\" est absente")
}
