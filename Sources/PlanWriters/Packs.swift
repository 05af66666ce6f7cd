// Packs: the plan cut into one folder per training organisation and per host structure
// (`plan solve --packs`), so that each is sent only what concerns it:
// - packs/organisations/<id>/, for each organisation with a running session: sessions.csv (all
//   its sessions, running or cancelled), rosters.csv, timetable.csv (its participants' rows),
//   invitations.csv (to its presentations) and attendance/ (AttendanceSheets.swift);
// - packs/structures/<id>/, for each structure with an assigned learner: assignments.csv (all
//   its learners, with or without a seat), timetable.csv (its learners' rows), invitations.csv
//   (its manager's).
// Rows come from the plan folder's own writers (PlanFiles) through a RowFilter: same columns,
// order and dialect. Folder names are ids in file-name form with the calendars' rule
// (CalendarFileNames); every organisation and structure takes its name in id order, whether it
// has a pack or not, so that a name does not depend on the plan.
import PlanDomain

public enum Packs {
    /// Every file of every pack, by relative path (`packs/…`): organisations then structures,
    /// each by id. With `invitationsSince` (`--only-changes`), invitations.csv holds only what
    /// is new since that plan, as in the plan folder.
    public static func render(_ instance: Instance, _ plan: Plan, dialect: CSVDialect = .rfc4180,
                              invitationsSince: PlanRecord? = nil) -> [(name: String, contents: String)] {
        organisationPacks(instance, plan, dialect: dialect, invitationsSince: invitationsSince)
            + structurePacks(instance, plan, dialect: dialect, invitationsSince: invitationsSince)
    }

    /// packs/organisations/: a folder per organisation with a running session, by id.
    static func organisationPacks(_ instance: Instance, _ plan: Plan, dialect: CSVDialect,
                                  invitationsSince: PlanRecord?) -> [(name: String, contents: String)] {
        var running: Set<Int> = []
        for a in plan.assignments.compactMap({ $0 }) { running.insert(a.session) }
        var sessionsOf: [Int: [Int]] = [:]       // organisation -> its sessions, by id
        var sheetNames: [Int: String] = [:]      // session -> file name, as in calendars/sessions/
        var sessionNames = CalendarFileNames()
        for s in instance.sessionsByID {
            sessionsOf[instance.sessions[s].organisation, default: []].append(s)
            sheetNames[s] = sessionNames.name(for: instance.sessions[s].id)
        }
        var names = CalendarFileNames()
        var files: [(name: String, contents: String)] = []
        for o in byID(instance.organisations.map(\.id)) {
            let folder = "packs/organisations/\(names.name(for: instance.organisations[o].id))/"
            let sessions = sessionsOf[o] ?? []
            guard sessions.contains(where: running.contains) else { continue }
            let rows = RowFilter(sessions: Set(sessions))
            var s = "", r = "", t = "", i = ""
            PlanFiles.writeSessions(instance, plan, dialect: dialect, rows: rows, to: &s)
            PlanFiles.writeRosters(instance, plan, dialect: dialect, rows: rows, to: &r)
            PlanFiles.writeTimetable(instance, plan, dialect: dialect, rows: rows, to: &t)
            PlanFiles.writeInvitations(instance, plan, dialect: dialect, since: invitationsSince, rows: rows, to: &i)
            files += [(folder + "sessions.csv", s), (folder + "rosters.csv", r), (folder + "timetable.csv", t),
                      (folder + "invitations.csv", i)]
            files += AttendanceSheets.render(instance, plan, sessions: sessions.filter(running.contains), fileNames: sheetNames)
                .map { (folder + $0.name, $0.contents) }
        }
        return files
    }

    /// packs/structures/: a folder per structure with an assigned learner, by id.
    static func structurePacks(_ instance: Instance, _ plan: Plan, dialect: CSVDialect,
                               invitationsSince: PlanRecord?) -> [(name: String, contents: String)] {
        var learnersOf: [Int: Set<Int>] = [:]    // structure -> its learners
        var hosting: Set<Int> = []               // structures with an assigned learner
        for (l, learner) in instance.learners.enumerated() {
            learnersOf[learner.structure, default: []].insert(l)
            if plan.assignments[l] != nil { hosting.insert(learner.structure) }
        }
        var names = CalendarFileNames()
        var files: [(name: String, contents: String)] = []
        for h in byID(instance.structures.map(\.id)) {
            let folder = "packs/structures/\(names.name(for: instance.structures[h].id))/"
            guard hosting.contains(h) else { continue }
            let rows = RowFilter(learners: learnersOf[h] ?? [])
            var a = "", t = "", i = ""
            PlanFiles.writeAssignments(instance, plan, dialect: dialect, rows: rows, to: &a)
            PlanFiles.writeTimetable(instance, plan, dialect: dialect, rows: rows, to: &t)
            PlanFiles.writeInvitations(instance, plan, dialect: dialect, since: invitationsSince, rows: rows, to: &i)
            files += [(folder + "assignments.csv", a), (folder + "timetable.csv", t), (folder + "invitations.csv", i)]
        }
        return files
    }

    /// The indices of `ids` sorted by id bytes.
    static func byID(_ ids: [String]) -> [Int] {
        ids.indices.sorted { precedesByBytes(ids[$0], ids[$1]) }
    }
}
