// sessions.csv (SPEC §5): one row per session, sorted by session id, with the session's facts from
// the instance and its participants as counted in assignments.csv.
import PlanDomain

extension Checker {
    mutating func checkSessions(_ t: Table) {
        let file = t.file
        guard t.columns["session"] != nil else {
            fail(file, 1, nil, "without a session column, no row can be read")
            return
        }
        let complete = decisionsComplete
        var inPerson: [Int: Int] = [:], remote: [Int: Int] = [:]
        for seat in seats.values {
            if seat.mode == .inPerson { inPerson[seat.session, default: 0] += 1 } else { remote[seat.session, default: 0] += 1 }
        }
        for (row, s, subject) in keyedRows(t, key: "session", index: sessionIndex,
                                           expected: sessionsByID.map { instance.sessions[$0].id }) {
            let session = instance.sessions[s]
            expect(t, row, subject, "organisation", instance.organisations[session.organisation].id, "the session's organisation in the instance")
            expect(t, row, subject, "site", session.site.map { instance.sites[$0].id } ?? "",
                   session.site == nil ? "the session has no site" : "the session's site in the instance")
            expectNumber(t, row, subject, "path_hours", Double(session.path), "the session's path")
            expect(t, row, subject, "start", session.start.description, "the session's first training day")
            expect(t, row, subject, "end", session.end.description, "the session's last training day")
            expectNumber(t, row, subject, "training_days", Double(session.days.count), "the session's training days")
            expectNumber(t, row, subject, "in_person_capacity", Double(session.capacityInPerson), "capacity.inPerson in the instance")
            expectNumber(t, row, subject, "remote_capacity", Double(session.capacityRemote), "capacity.remote in the instance")
            if complete {
                let ip = inPerson[s] ?? 0, rm = remote[s] ?? 0
                expect(t, row, subject, "status", ip + rm > 0 ? "runs" : "cancelled",
                       "\(plural(ip + rm, "participant")) in assignments.csv")
                expectNumber(t, row, subject, "in_person", Double(ip), "in-person participants in assignments.csv")
                expectNumber(t, row, subject, "remote", Double(rm), "remote participants in assignments.csv")
            } else if let status = t.value(row, "status"), status != "runs", status != "cancelled" {
                fail(file, row.line, subject, "status is \(shown(status)), expected 'runs' or 'cancelled'")
            }
        }
    }
}
