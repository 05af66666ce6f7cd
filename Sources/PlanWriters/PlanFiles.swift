// PlanFiles: the four files of SPEC §5 (assignments.csv, timetable.csv, sessions.csv,
// summary.json), rosters.csv and invitations.csv, each written to a text stream so that tests
// need no files; the CSV writers take a `RowFilter` that keeps the rows of some learners or
// sessions only (the packs of Packs.swift), every row by default.
import PlanDomain

/// The rows a CSV writer keeps: those of the learners in `learners` whose seat is in a session of
/// `sessions`; nil keeps every learner, or every session. A learner row without a seat
/// (assignments.csv) is kept when `sessions` is nil; a sessions.csv row when its session is kept.
public struct RowFilter: Sendable, Equatable {
    public var learners: Set<Int>?
    public var sessions: Set<Int>?

    public init(learners: Set<Int>? = nil, sessions: Set<Int>? = nil) {
        self.learners = learners
        self.sessions = sessions
    }

    /// Every row: what the plan folder's own files hold.
    public static let all = RowFilter()

    /// Whether the rows of learner `l`, seated in `session` (nil: no seat), are kept.
    public func keeps(learner l: Int, session: Int?) -> Bool {
        if let learners, !learners.contains(l) { return false }
        guard let sessions else { return true }
        return session.map(sessions.contains) ?? false
    }

    /// Whether the row of a session is kept.
    public func keeps(session s: Int) -> Bool { sessions?.contains(s) ?? true }
}

public enum PlanFiles {
    /// The columns of `assignments.csv` (SPEC §5).
    public static let assignmentsHeader = ["learner", "structure", "path_hours", "status", "organisation", "session", "mode",
                                           "site", "start", "end", "travel_km", "waiting_days", "reason"]
    /// The columns of `sessions.csv` (SPEC §5).
    public static let sessionsHeader = ["session", "organisation", "site", "path_hours", "start", "end", "training_days",
                                        "status", "in_person", "in_person_capacity", "remote", "remote_capacity"]

    /// `assignments.csv`: one row per learner, sorted by learner id.
    public static func writeAssignments<O: TextOutputStream>(_ instance: Instance, _ plan: Plan, dialect: CSVDialect = .rfc4180,
                                                      rows: RowFilter = .all, to output: inout O) {
        var csv = CSVWriter(output: "", dialect: dialect)
        csv.row(assignmentsHeader + PersonColumns.header(PersonColumns.assignments, dialect))
        for l in learnersByID(instance) where rows.keeps(learner: l, session: plan.assignments[l]?.session) {
            let learner = instance.learners[l]
            let structure = instance.structures[learner.structure].id
            let person = PersonColumns.assignment(instance, learner: l, plan.assignments[l], dialect)
            guard let a = plan.assignments[l] else {
                csv.row([learner.id, structure, String(learner.path), "unassigned", "", "", "", "", "", "", "", "",
                         plan.reasons[l] ?? ""] + person)
                continue
            }
            let session = instance.sessions[a.session]
            let site = a.mode == .inPerson ? session.site.map { instance.sites[$0].id } ?? "" : ""
            csv.row([learner.id, structure, String(learner.path), "assigned", instance.organisations[session.organisation].id,
                     session.id, a.mode.csvName, site, session.start.description, session.end.description,
                     instance.travelKm(learner: l, option: a).map(String.init) ?? "",
                     instance.waitingDays(learner: l, session: a.session).map(String.init) ?? "", ""] + person)
        }
        output.write(csv.output)
    }

    /// `timetable.csv`: one row per assigned learner per workday from its session's start to its end.
    public static func writeTimetable<O: TextOutputStream>(_ instance: Instance, _ plan: Plan, dialect: CSVDialect = .rfc4180,
                                                      rows: RowFilter = .all, to output: inout O) {
        var csv = CSVWriter(output: "", dialect: dialect)
        csv.row(["date", "learner", "structure", "activity", "session", "organisation", "site", "hours"]
                + PersonColumns.header(PersonColumns.timetable, dialect))
        var workdays: [Int: [Day]] = [:]
        for l in learnersByID(instance) {
            guard let a = plan.assignments[l], rows.keeps(learner: l, session: a.session) else { continue }
            let learner = instance.learners[l]
            let session = instance.sessions[a.session]
            let days = workdays[a.session] ?? instance.calendar.workdays(from: session.start, through: session.end)
            workdays[a.session] = days
            let org = instance.organisations[session.organisation].id
            let site = session.site.map { instance.sites[$0].id } ?? ""
            var next = 0
            for d in days {
                let training = next < session.days.count && session.days[next] == d
                let person = PersonColumns.timetableDay(instance, learner: l, a, day: d, training: training, dialect)
                if training {
                    csv.row([d.description, learner.id, instance.structures[learner.structure].id,
                             a.mode == .inPerson ? "training_in_person" : "training_remote", session.id, org,
                             a.mode == .inPerson ? site : "", dialect.number(session.hours[next])] + person)
                    next += 1
                } else {
                    csv.row([d.description, learner.id, instance.structures[learner.structure].id, "alternation", session.id,
                             org, "", "0"] + person)
                }
            }
            output.write(csv.output)
            csv.output = ""
        }
        output.write(csv.output)
    }

    /// `sessions.csv`: one row per session, sorted by session id.
    public static func writeSessions<O: TextOutputStream>(_ instance: Instance, _ plan: Plan, dialect: CSVDialect = .rfc4180,
                                                      rows: RowFilter = .all, to output: inout O) {
        var csv = CSVWriter(output: "", dialect: dialect)
        csv.row(sessionsHeader + PersonColumns.header(PersonColumns.sessions, dialect))
        var count: [Option: Int] = [:]
        for a in plan.assignments.compactMap({ $0 }) { count[a, default: 0] += 1 }
        for s in instance.sessionsByID where rows.keeps(session: s) {
            let session = instance.sessions[s]
            let inPerson = count[Option(session: s, mode: .inPerson), default: 0]
            let remote = count[Option(session: s, mode: .remote), default: 0]
            csv.row([session.id, instance.organisations[session.organisation].id,
                     session.site.map { instance.sites[$0].id } ?? "", String(session.path), session.start.description,
                     session.end.description, String(session.days.count), inPerson + remote > 0 ? "runs" : "cancelled",
                     String(inPerson), String(session.capacityInPerson), String(remote), String(session.capacityRemote)]
                    + PersonColumns.session(instance, session: s, runs: inPerson + remote > 0, dialect))
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
        /// Re-planning only (SPEC §6): learners who had a seat and lost or changed it, those who
        /// kept it, and the cost of a change.
        public var changes: Int?
        public var kept: Int?
        public var changeWeight: Double?
        /// Re-planning only: sessions that start before this date had started (SPEC §6).
        public var today: Day?

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
            if let r = instance.replanning {
                changes = instance.changes(of: plan.assignments)
                kept = instance.kept(of: plan.assignments)
                changeWeight = r.changeWeight
                today = r.today
            }
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
        if let changes = s.changes, let kept = s.kept, let weight = s.changeWeight, let today = s.today {
            fields += [("changes", String(changes)), ("kept", String(kept)), ("changeWeight", formatNumber(weight)),
                       ("today", jsonStringLiteral(today.description))]
        }
        output.write("{\n" + fields.map { "  \"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n}\n")
    }

    /// `rosters.csv`: one row per participant of each running session, sorted by session id then
    /// learner id, so that organisations can send notices and cohorts designate their referent.
    public static func writeRosters<O: TextOutputStream>(_ instance: Instance, _ plan: Plan, dialect: CSVDialect = .rfc4180,
                                                         rows: RowFilter = .all, to output: inout O) {
        var csv = CSVWriter(output: "", dialect: dialect)
        csv.row(["session", "organisation", "site", "start", "end", "learner", "structure", "mode", "learner_name",
                 "learner_email", "learner_phone"])
        var bySession: [Int: [Int]] = [:]
        for l in learnersByID(instance) {
            if let a = plan.assignments[l], rows.keeps(learner: l, session: a.session) {
                bySession[a.session, default: []].append(l)
            }
        }
        for s in instance.sessionsByID {
            let session = instance.sessions[s]
            for l in bySession[s] ?? [] {
                let mode = plan.assignments[l]!.mode
                csv.row([session.id, instance.organisations[session.organisation].id,
                         mode == .inPerson ? session.site.map { instance.sites[$0].id } ?? "" : "",
                         session.start.description, session.end.description, instance.learners[l].id,
                         instance.structures[instance.learners[l].structure].id, mode.csvName,
                         instance.learners[l].name ?? "", instance.learners[l].contact.email ?? "",
                         instance.learners[l].contact.phone ?? ""])
            }
        }
        output.write(csv.output)
    }

    /// `invitations.csv`: one row per structure and session its learners start, sorted by structure
    /// id, date and session id: the organisation invites the structure's manager to its
    /// presentation of the course on the session's first day, at its site (or remotely). With
    /// `since`, a previous plan, only the rows that are new or list other learners than it did,
    /// from the re-planning date on.
    public static func writeInvitations<O: TextOutputStream>(_ instance: Instance, _ plan: Plan,
                                                             dialect: CSVDialect = .rfc4180, since: PlanRecord? = nil,
                                                             rows: RowFilter = .all, to output: inout O) {
        var csv = CSVWriter(output: "", dialect: dialect)
        csv.row(["structure", "structure_name", "organisation", "session", "date", "site", "site_name", "learners",
                 "manager_name", "manager_email", "manager_phone", "structure_email", "structure_phone"])
        var learners: [InvitationKey: [String]] = [:]
        for l in learnersByID(instance) {
            guard let a = plan.assignments[l], rows.keeps(learner: l, session: a.session) else { continue }
            learners[InvitationKey(structure: instance.learners[l].structure, session: a.session), default: []].append(instance.learners[l].id)
        }
        let keys = learners.keys.sorted { a, b in
            let ha = instance.structures[a.structure].id, hb = instance.structures[b.structure].id
            if ha != hb { return precedesByBytes(ha, hb) }
            let da = instance.sessions[a.session].start, db = instance.sessions[b.session].start
            if da != db { return da < db }
            return precedesByBytes(instance.sessions[a.session].id, instance.sessions[b.session].id)
        }
        let sent = since.map(invitationsSent) ?? [:]
        for key in keys {
            let structure = instance.structures[key.structure]
            let session = instance.sessions[key.session]
            if since != nil, sent[[structure.id, session.id]] == learners[key]! { continue }
            if since != nil, let today = instance.replanning?.today, session.start < today { continue }
            let site = session.site.map { instance.sites[$0] }
            csv.row([structure.id, structure.name ?? "", instance.organisations[session.organisation].id, session.id,
                     session.start.description, site?.id ?? "", site.map { $0.name ?? $0.id } ?? "remote",
                     learners[key]!.joined(separator: " "), structure.manager?.name ?? "", structure.manager?.email ?? "",
                     structure.manager?.phone ?? "", structure.contact.email ?? "", structure.contact.phone ?? ""])
        }
        output.write(csv.output)
    }

    /// The columns of `changes.csv` (SPEC §6).
    public static let changesHeader = ["learner", "session", "change", "session_before", "mode_before", "start_before",
                                       "session_after", "mode_after", "start_after"]

    /// `changes.csv`: one row per learner or session that changed, in the order given (SPEC §6).
    public static func writeChanges<O: TextOutputStream>(_ changes: [Change], dialect: CSVDialect = .rfc4180, to output: inout O) {
        var csv = CSVWriter(output: "", dialect: dialect)
        csv.row(changesHeader)
        func seat(_ s: RecordedSeat?) -> [String] {
            guard let s else { return ["", "", ""] }
            return [s.session, s.mode.csvName, s.start.description]
        }
        for c in changes {
            csv.row([c.learner ?? "", c.session ?? "", c.kind.rawValue] + seat(c.before) + seat(c.after))
        }
        output.write(csv.output)
    }

    /// Every file of a plan folder by name: the four of SPEC §5, then rosters and invitations;
    /// and `changes.csv` with a re-plan's `changes` since the previous plan (SPEC §6). With
    /// `invitationsSince`, invitations.csv holds only what is new since that plan.
    public static func render(_ instance: Instance, _ plan: Plan, dialect: CSVDialect = .rfc4180,
                              changes: [Change]? = nil, invitationsSince: PlanRecord? = nil) -> [(name: String, contents: String)]
    {
        var a = "", t = "", s = "", j = "", r = "", i = ""
        writeAssignments(instance, plan, dialect: dialect, to: &a)
        writeTimetable(instance, plan, dialect: dialect, to: &t)
        writeSessions(instance, plan, dialect: dialect, to: &s)
        writeSummary(instance, plan, to: &j)
        writeRosters(instance, plan, dialect: dialect, to: &r)
        writeInvitations(instance, plan, dialect: dialect, since: invitationsSince, to: &i)
        var files = [("assignments.csv", a), ("timetable.csv", t), ("sessions.csv", s), ("summary.json", j),
                     ("rosters.csv", r), ("invitations.csv", i)]
        if let changes {
            var c = ""
            writeChanges(changes, dialect: dialect, to: &c)
            files.insert(("changes.csv", c), at: 0)
        }
        return files
    }

    /// The learners of each (structure, session) invitation of a plan record, by id.
    private static func invitationsSent(_ record: PlanRecord) -> [[String]: [String]] {
        var sent: [[String]: [String]] = [:]
        for l in record.learners {
            if let seat = l.seat { sent[[l.structure, seat.session], default: []].append(l.id) }
        }
        return sent
    }

    static func learnersByID(_ instance: Instance) -> [Int] {
        instance.learners.indices.sorted { precedesByBytes(instance.learners[$0].id, instance.learners[$1].id) }
    }
}

/// A structure and a session its learners start.
private struct InvitationKey: Hashable {
    var structure: Int
    var session: Int
}
