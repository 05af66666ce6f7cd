// PlanFiles: the four files of SPEC §5 (assignments.csv, timetable.csv, sessions.csv,
// summary.json), each written to a text stream so that tests need no files.
import PlanDomain

public enum PlanFiles {
    /// `assignments.csv`: one row per learner, sorted by learner id.
    public static func writeAssignments<O: TextOutputStream>(_ instance: Instance, _ plan: Plan, to output: inout O) {
        var csv = CSVWriter(output: "")
        csv.row(["learner", "structure", "path_hours", "status", "organisation", "session", "mode", "site", "start", "end",
                 "travel_km", "waiting_days", "reason"])
        for l in learnersByID(instance) {
            let learner = instance.learners[l]
            let structure = instance.structures[learner.structure].id
            guard let a = plan.assignments[l] else {
                csv.row([learner.id, structure, String(learner.path), "unassigned", "", "", "", "", "", "", "", "",
                         plan.reasons[l] ?? ""])
                continue
            }
            let session = instance.sessions[a.session]
            let site = a.mode == .inPerson ? session.site.map { instance.sites[$0].id } ?? "" : ""
            csv.row([learner.id, structure, String(learner.path), "assigned", instance.organisations[session.organisation].id,
                     session.id, a.mode.csvName, site, session.start.description, session.end.description,
                     instance.travelKm(learner: l, option: a).map(String.init) ?? "",
                     instance.waitingDays(learner: l, session: a.session).map(String.init) ?? "", ""])
        }
        output.write(csv.output)
    }

    /// `timetable.csv`: one row per assigned learner per workday from its session's start to its end.
    public static func writeTimetable<O: TextOutputStream>(_ instance: Instance, _ plan: Plan, to output: inout O) {
        var csv = CSVWriter(output: "")
        csv.row(["date", "learner", "structure", "activity", "session", "organisation", "site", "hours"])
        var workdays: [Int: [Day]] = [:]
        for l in learnersByID(instance) {
            guard let a = plan.assignments[l] else { continue }
            let learner = instance.learners[l]
            let session = instance.sessions[a.session]
            let days = workdays[a.session] ?? instance.calendar.workdays(from: session.start, through: session.end)
            workdays[a.session] = days
            let org = instance.organisations[session.organisation].id
            let site = session.site.map { instance.sites[$0].id } ?? ""
            var next = 0
            for d in days {
                if next < session.days.count, session.days[next] == d {
                    csv.row([d.description, learner.id, instance.structures[learner.structure].id,
                             a.mode == .inPerson ? "training_in_person" : "training_remote", session.id, org,
                             a.mode == .inPerson ? site : "", formatNumber(session.hours[next])])
                    next += 1
                } else {
                    csv.row([d.description, learner.id, instance.structures[learner.structure].id, "alternation", session.id,
                             org, "", "0"])
                }
            }
            output.write(csv.output)
            csv.output = ""
        }
        output.write(csv.output)
    }

    /// `sessions.csv`: one row per session, sorted by session id.
    public static func writeSessions<O: TextOutputStream>(_ instance: Instance, _ plan: Plan, to output: inout O) {
        var csv = CSVWriter(output: "")
        csv.row(["session", "organisation", "site", "path_hours", "start", "end", "training_days", "status", "in_person",
                 "in_person_capacity", "remote", "remote_capacity"])
        var count: [Option: Int] = [:]
        for a in plan.assignments.compactMap({ $0 }) { count[a, default: 0] += 1 }
        for s in instance.sessionsByID {
            let session = instance.sessions[s]
            let inPerson = count[Option(session: s, mode: .inPerson), default: 0]
            let remote = count[Option(session: s, mode: .remote), default: 0]
            csv.row([session.id, instance.organisations[session.organisation].id,
                     session.site.map { instance.sites[$0].id } ?? "", String(session.path), session.start.description,
                     session.end.description, String(session.days.count), inPerson + remote > 0 ? "runs" : "cancelled",
                     String(inPerson), String(session.capacityInPerson), String(remote), String(session.capacityRemote)])
        }
        output.write(csv.output)
    }

    /// The figures of `summary.json`, also printed by `plan solve`.
    public struct Summary: Sendable {
        public var status: PlanStatus
        public var objective: Double
        public var bound: Double
        public var gap: Double
        public var learners: Int
        public var assigned: Int
        public var inPerson: Int
        public var remote: Int
        public var unassigned: Int
        public var sessionsRun: Int
        public var solveSeconds: Double

        public init(_ instance: Instance, _ plan: Plan) {
            status = plan.status
            objective = plan.objective
            bound = plan.bound
            gap = plan.gap
            learners = instance.learners.count
            let given = plan.assignments.compactMap { $0 }
            assigned = given.count
            inPerson = given.filter { $0.mode == .inPerson }.count
            remote = assigned - inPerson
            unassigned = learners - assigned
            sessionsRun = Set(given.map(\.session)).count
            // Tenths of a second: the only figure that may differ between two runs of one input.
            solveSeconds = (plan.solveSeconds * 10).rounded() / 10
        }
    }

    /// `summary.json`.
    public static func writeSummary<O: TextOutputStream>(_ instance: Instance, _ plan: Plan, to output: inout O) {
        let s = Summary(instance, plan)
        var fields: [(String, String)] = []
        if let name = instance.name { fields.append(("name", jsonStringLiteral(name))) }
        fields += [
            ("status", jsonStringLiteral(s.status.rawValue)),
            ("objective", formatNumber(s.objective)),
            ("bound", formatNumber(s.bound)),
            ("gap", formatNumber(s.gap)),
            ("learners", String(s.learners)),
            ("assigned", String(s.assigned)),
            ("inPerson", String(s.inPerson)),
            ("remote", String(s.remote)),
            ("unassigned", String(s.unassigned)),
            ("sessionsRun", String(s.sessionsRun)),
            ("solveSeconds", formatNumber(s.solveSeconds)),
        ]
        output.write("{\n" + fields.map { "  \"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n}\n")
    }

    /// All four files by name, as bytes.
    public static func render(_ instance: Instance, _ plan: Plan) -> [(name: String, contents: String)] {
        var a = "", t = "", s = "", j = ""
        writeAssignments(instance, plan, to: &a)
        writeTimetable(instance, plan, to: &t)
        writeSessions(instance, plan, to: &s)
        writeSummary(instance, plan, to: &j)
        return [("assignments.csv", a), ("timetable.csv", t), ("sessions.csv", s), ("summary.json", j)]
    }

    static func learnersByID(_ instance: Instance) -> [Int] {
        instance.learners.indices.sorted { precedesByBytes(instance.learners[$0].id, instance.learners[$1].id) }
    }
}
