// sessions.csv (SPEC §5): one row per session, sorted by session id, with the session's facts from
// the instance and its participants as counted in assignments.csv.
import PlanDomain

extension Checker {
    mutating func checkSessions(_ t: Table) {
        let file = t.file
        guard t.columns["session"] != nil else {
            fail(file, 1, nil, say("without a session column, no row can be read", "aucune ligne ne peut être lue sans la colonne session"))
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
            expect(t, row, subject, "organisation", instance.organisations[session.organisation].id,
                   say("the session's organisation in the instance", "l'organisme de la session dans l'instance"))
            expect(t, row, subject, "site", session.site.map { instance.sites[$0].id } ?? "",
                   session.site == nil ? say("the session has no site", "la session n'a pas de site")
                                       : say("the session's site in the instance", "le site de la session dans l'instance"))
            expectNumber(t, row, subject, "path_hours", Double(session.path), say("the session's path", "le parcours de la session"))
            expect(t, row, subject, "start", session.start.description,
                   say("the session's first training day", "le premier jour de formation de la session"))
            expect(t, row, subject, "end", session.end.description,
                   say("the session's last training day", "le dernier jour de formation de la session"))
            expectNumber(t, row, subject, "training_days", Double(session.days.count),
                         say("the session's training days", "les jours de formation de la session"))
            expectNumber(t, row, subject, "in_person_capacity", Double(session.capacityInPerson),
                         say("capacity.inPerson in the instance", "capacity.inPerson dans l'instance"))
            expectNumber(t, row, subject, "remote_capacity", Double(session.capacityRemote),
                         say("capacity.remote in the instance", "capacity.remote dans l'instance"))
            if complete {
                let ip = inPerson[s] ?? 0, rm = remote[s] ?? 0
                expect(t, row, subject, "status", ip + rm > 0 ? "runs" : "cancelled",
                       participantCount(ip + rm) + say(" in assignments.csv", " dans assignments.csv"))
                expectNumber(t, row, subject, "in_person", Double(ip),
                             say("in-person participants in assignments.csv", "participants en présentiel dans assignments.csv"))
                expectNumber(t, row, subject, "remote", Double(rm),
                             say("remote participants in assignments.csv", "participants à distance dans assignments.csv"))
            } else if let status = t.value(row, "status"), status != "runs", status != "cancelled" {
                fail(file, row.line, subject, say("status is \(shown(status)), expected 'runs' or 'cancelled'",
                                                  "status est \(shown(status)), attendu 'runs' ou 'cancelled'"))
            }
        }
    }
}
