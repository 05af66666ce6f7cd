// PlanFolderReader: a plan folder written earlier, read back as a `PlanRecord` (for re-planning and
// `plan diff`), from `assignments.csv` and `sessions.csv` in either dialect. Every problem is
// reported at once, located by file, line and column, so that a damaged folder is refused whole.
import Foundation
import PlanDomain

public enum PlanFolderReader {
    /// Reads `folder`. Throws every problem found (a missing file, a missing column, a row of the
    /// wrong width, an unknown status or mode, a bad date or number, a duplicate id, a seat in a
    /// session that `sessions.csv` does not list).
    public static func read(_ folder: URL) throws(LocatedProblems) -> PlanRecord {
        var issues: [LocatedProblems.Issue] = []
        let sessionsTable = table(folder, "sessions.csv", &issues)
        let assignmentsTable = table(folder, "assignments.csv", &issues)
        var sessions: [PlanRecord.Session] = []
        if let t = sessionsTable { sessions = readSessions(t, &issues) }
        var learners: [PlanRecord.Learner] = []
        if let t = assignmentsTable {
            learners = readAssignments(t, sessions: Set(sessions.map(\.id)), checkSessions: sessionsTable != nil, &issues)
        }
        guard issues.isEmpty else { throw LocatedProblems(issues: issues) }
        return PlanRecord(learners: learners, sessions: sessions)
    }

    /// An issue found by the domain (which names columns), located with the column's number too.
    public static func located(_ issue: LocatedProblems.Issue) -> LocatedProblems.Issue {
        let header = issue.file == "sessions.csv" ? PlanFiles.sessionsHeader : PlanFiles.assignmentsHeader
        guard issue.file != nil, let name = issue.field, let k = header.firstIndex(of: name) else { return issue }
        var out = issue
        out.field = "\(k + 1) (\(name))"
        return out
    }

    private static func table(_ folder: URL, _ name: String, _ issues: inout [LocatedProblems.Issue]) -> CSVTable? {
        let url = folder.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            issues.append(.init(file: name, line: 0, field: nil, message: "missing or unreadable in \(folder.path): is this a plan folder written by plan solve?"))
            return nil
        }
        do {
            return try CSVTable(Array(data))
        } catch {
            issues.append(.init(file: name, line: error.line, field: nil, message: error.message))
            return nil
        }
    }

    /// The columns `names` of `t`, or an issue per missing one.
    private static func columns(_ t: CSVTable, _ file: String, _ names: [String], _ issues: inout [LocatedProblems.Issue]) -> [Int]? {
        let index = t.columns()
        let missing = names.filter { index[$0] == nil }
        for name in missing {
            issues.append(.init(file: file, line: 1, field: nil, message: "no column '\(name)' in the header (\(t.header.count) columns): is this a plan folder written by plan solve?"))
        }
        return missing.isEmpty ? names.map { index[$0]! } : nil
    }

    /// Each record of `t` with the header's width; an issue for each other.
    private static func rows(_ t: CSVTable, _ file: String, _ issues: inout [LocatedProblems.Issue]) -> [CSVTable.Record] {
        t.records.filter { t.hasHeaderWidth($0, file: file, &issues) }
    }

    private static func readSessions(_ t: CSVTable, _ issues: inout [LocatedProblems.Issue]) -> [PlanRecord.Session] {
        let file = "sessions.csv"
        let names = ["session", "organisation", "path_hours", "start", "status"]
        guard let c = columns(t, file, names, &issues) else { return [] }
        var out: [PlanRecord.Session] = []
        var seen = Set<String>()
        for r in rows(t, file, &issues) {
            let f = { (k: Int) in r.fields[c[k]] }
            func issue(_ k: Int, _ message: String) {
                issues.append(.init(file: file, line: r.line, field: "\(c[k] + 1) (\(names[k]))", message: message))
            }
            let id = f(0)
            if id.isEmpty { issue(0, "an empty session id"); continue }
            if !seen.insert(id).inserted { issue(0, "session \(id) is listed twice") }
            let path = Int(f(2))
            if path == nil { issue(2, "'\(f(2))' is not a whole number of hours") }
            let start = Day(iso: f(3))
            if start == nil { issue(3, "'\(f(3))' is not a date (YYYY-MM-DD)") }
            let runs: Bool? = f(4) == "runs" ? true : f(4) == "cancelled" ? false : nil
            if runs == nil { issue(4, "'\(f(4))' is not a session status (runs or cancelled)") }
            if let path, let start, let runs {
                out.append(.init(id: id, organisation: f(1), path: path, start: start, runs: runs, line: r.line))
            }
        }
        return out
    }

    private static func readAssignments(_ t: CSVTable, sessions: Set<String>, checkSessions: Bool,
                                        _ issues: inout [LocatedProblems.Issue]) -> [PlanRecord.Learner] {
        let file = "assignments.csv"
        let names = ["learner", "structure", "path_hours", "status", "organisation", "session", "mode", "start"]
        guard let c = columns(t, file, names, &issues) else { return [] }
        var out: [PlanRecord.Learner] = []
        var seen = Set<String>()
        for r in rows(t, file, &issues) {
            let f = { (k: Int) in r.fields[c[k]] }
            var ok = true
            func issue(_ k: Int, _ message: String) {
                issues.append(.init(file: file, line: r.line, field: "\(c[k] + 1) (\(names[k]))", message: message))
                ok = false
            }
            let id = f(0)
            if id.isEmpty { issue(0, "an empty learner id"); continue }
            if !seen.insert(id).inserted { issue(0, "learner \(id) is listed twice") }
            let path = Int(f(2))
            if path == nil { issue(2, "'\(f(2))' is not a whole number of hours") }
            var seat: RecordedSeat?
            switch f(3) {
            case "unassigned": break
            case "assigned":
                let mode = Mode(csvName: f(6))
                if mode == nil { issue(6, "'\(f(6))' is not a mode (in_person or remote)") }
                let start = Day(iso: f(7))
                if start == nil { issue(7, "'\(f(7))' is not a date (YYYY-MM-DD)") }
                if f(5).isEmpty {
                    issue(5, "an assigned learner without a session")
                } else if checkSessions && !sessions.contains(f(5)) {
                    issue(5, "session \(f(5)) is not in sessions.csv")
                }
                if let mode, let start, ok { seat = RecordedSeat(session: f(5), mode: mode, start: start) }
            default:
                issue(3, "'\(f(3))' is not a status (assigned or unassigned)")
            }
            if ok, let path {
                out.append(.init(id: id, structure: f(1), organisation: seat == nil ? nil : f(4), path: path, seat: seat,
                                 line: r.line))
            }
        }
        return out
    }
}
