// AssignmentsReader: an `assignments.csv` (either dialect, hand-edited in Excel or not) read
// against an instance, as a decision for every learner, so that `plan apply` can rebuild a whole
// plan folder from it. Every problem is reported at once, located by line and column.
import Foundation
import PlanDomain

public enum AssignmentsReader {
    /// The (session, mode) of each learner of `instance`, by learner index (nil: unassigned).
    /// Throws every problem: a missing column, a row of the wrong width, an unknown learner,
    /// session, status or mode, a learner listed twice or not at all.
    public static func read(_ bytes: [UInt8], for instance: Instance, file: String = "assignments.csv")
        throws(LocatedProblems) -> [Option?]
    {
        let table: CSVTable
        do {
            table = try CSVTable(bytes)
        } catch {
            throw LocatedProblems(issues: [.init(file: file, line: error.line, field: nil, message: error.message)])
        }
        var issues: [LocatedProblems.Issue] = []
        let index = table.columns()
        let names = ["learner", "status", "session", "mode"]
        for name in names where index[name] == nil {
            issues.append(.init(file: file, line: 1, field: nil, message: "no column '\(name)' in the header"))
        }
        guard issues.isEmpty else { throw LocatedProblems(issues: issues) }
        let c = names.map { index[$0]! }
        let learners = Dictionary(instance.learners.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sessions = Dictionary(instance.sessions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var decided = [Bool](repeating: false, count: instance.learners.count)
        var out = [Option?](repeating: nil, count: instance.learners.count)
        for r in table.records {
            func issue(_ k: Int, _ message: String) {
                issues.append(.init(file: file, line: r.line, field: "\(c[k] + 1) (\(names[k]))", message: message))
            }
            guard table.hasHeaderWidth(r, file: file, &issues) else { continue }
            let f = { (k: Int) in r.fields[c[k]] }
            guard let l = learners[f(0)] else { issue(0, "learner '\(f(0))' is not in the instance"); continue }
            if decided[l] { issue(0, "learner \(f(0)) is listed twice"); continue }
            decided[l] = true
            switch f(1) {
            case "unassigned": break
            case "assigned":
                guard let s = sessions[f(2)] else { issue(2, "session '\(f(2))' is not in the instance"); continue }
                guard let mode = Mode(csvName: f(3)) else {
                    issue(3, "'\(f(3))' is not a mode (in_person or remote)")
                    continue
                }
                out[l] = Option(session: s, mode: mode)
            default:
                issue(1, "'\(f(1))' is not a status (assigned or unassigned)")
            }
        }
        let missing = instance.learners.indices.filter { !decided[$0] }.map { instance.learners[$0].id }
        if !missing.isEmpty {
            let shown = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? "…" : "")
            issues.append(.init(file: file, line: 0, field: nil, message: "\(missing.count) learners of the instance have no row: \(shown)"))
        }
        guard issues.isEmpty else { throw LocatedProblems(issues: issues) }
        return out
    }
}
