// Shared fixtures for the PlanCheck tests: real plans of the repository's instances (solved with
// the planner and rendered by the writers), plans rendered for hand-made decisions, and small
// helpers to edit CSV files as rows.
import PlanTestSupport
import Foundation
@testable import PlanCheck
import PlanDomain
import PlanFormulation
import PlanWriters
import Testing

typealias Files = [String: String]

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func instance(named name: String) -> Instance {
        let data = try! Data(contentsOf: root.appendingPathComponent("instances/\(name).json"))
        return try! Instance.decode(Array(data))
    }

    static func instance(json: String) -> Instance {
        do {
            return try Instance.decode(Array(json.utf8))
        } catch {
            fatalError("test instance is invalid: \(error)")
        }
    }

    static let tiny = instance(named: "tiny")
    static let tinyPlan = try! Planner.solve(tiny)
    static let tinyFiles = render(tiny, tinyPlan)

    static let bretagne = instance(named: "bretagne")
    static let bretagnePlan = try! Planner.solve(bretagne)
    static let bretagneFiles = render(bretagne, bretagnePlan)

    static func render(_ instance: Instance, _ plan: Plan) -> Files {
        Dictionary(uniqueKeysWithValues: PlanFiles.render(instance, plan).map { ($0.name, $0.contents) })
    }

    /// The four files for hand-made decisions, given as (learner id → (session id, mode)); learners
    /// not listed are unassigned. Every file agrees with the decisions (objective included), so
    /// that only the hard rules can be broken.
    static func render(_ instance: Instance, _ decisions: [String: (String, Mode)]) -> Files {
        let sessions = Dictionary(uniqueKeysWithValues: instance.sessions.enumerated().map { ($1.id, $0) })
        let assignments: [PlanDomain.Option?] = instance.learners.map { learner in
            decisions[learner.id].map { PlanDomain.Option(session: sessions[$0.0]!, mode: $0.1) }
        }
        let reasons = assignments.map { $0 == nil ? "left out by the test" : nil }
        let objective = instance.objective(of: assignments)
        let plan = Plan(assignments: assignments, reasons: reasons, status: .feasible, objective: objective,
                        bound: objective, solveSeconds: 0)
        return render(instance, plan)
    }
}

// MARK: Editing CSV text

/// Parses CSV text into rows of fields (header included).
func rows(_ text: String) -> [[String]] {
    CSVReader.parse(Array(text.utf8)).records.map(\.fields)
}

/// Writes rows back as RFC 4180 CSV with CRLF line ends.
func csv(_ rows: [[String]]) -> String {
    rows.map { row in
        row.map { f in
            f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + "\r\n"
    }.joined()
}

extension Dictionary where Key == String, Value == String {
    /// Edits one CSV file as rows (row 0 is the header).
    mutating func editRows(_ name: String, _ change: (inout [[String]]) -> Void) {
        var r = rows(self[name]!)
        change(&r)
        self[name] = csv(r)
    }

    /// Sets one field of the row whose `keyColumn` holds `key` (and, optionally, `and` another column).
    mutating func set(_ name: String, where match: [String: String], _ column: String, to value: String) {
        editRows(name) { r in
            let k = rowIndex(r, match)
            r[k][r[0].firstIndex(of: column)!] = value
        }
    }
}

/// The index of the first row whose fields match all of `match` (column name → value).
func rowIndex(_ rows: [[String]], _ match: [String: String]) -> Int {
    let header = rows[0]
    guard let k = rows.indices.dropFirst().first(where: { k in
        match.allSatisfy { rows[k][header.firstIndex(of: $0.key)!] == $0.value }
    }) else { fatalError("no row matches \(match)") }
    return k
}

/// Asserts that the report has a violation containing every one of `texts`.
@discardableResult
func expectViolation(_ report: CheckReport, _ texts: [String], count: Int? = nil,
                     sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let found = report.violations.contains { v in texts.allSatisfy { v.description.contains($0) } }
    let listing = report.violations.map(\.description).joined(separator: "\n")
    #expect(found, "no violation mentions \(texts); found:\n\(listing)", sourceLocation: sourceLocation)
    if let count {
        #expect(report.violations.count == count, "expected \(count) violation(s), found:\n\(listing)", sourceLocation: sourceLocation)
    }
    return found
}

func expectOK(_ report: CheckReport, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(report.isOK, "\(report.violations.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
}
