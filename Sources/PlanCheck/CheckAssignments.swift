// assignments.csv (SPEC §5): one row per learner, sorted by learner id; what each row must say
// given the instance. Reading it also settles each learner's decision for the other checks.
import PlanDomain

extension Checker {
    mutating func checkAssignments(_ t: Table) {
        let file = t.file
        guard t.columns["learner"] != nil, t.columns["status"] != nil else {
            fail(file, 1, nil, say("without a learner and a status column, no row can be read",
                                   "aucune ligne ne peut être lue sans les colonnes status et learner"))
            return
        }
        for (row, l, subject) in keyedRows(t, key: "learner", index: learnerIndex,
                                           expected: learnersByID.map { instance.learners[$0].id }) {
            decisionLine[l] = row.line
            let learner = instance.learners[l]
            expect(t, row, subject, "structure", instance.structures[learner.structure].id,
                   say("the learner's structure in the instance", "la structure de l'apprenant dans l'instance"))
            expectNumber(t, row, subject, "path_hours", Double(learner.path),
                         say("the learner's path in the instance", "le parcours de l'apprenant dans l'instance"))
            let sessionFields = ["organisation", "session", "mode", "site", "start", "end", "travel_km", "waiting_days"]
            switch t.value(row, "status") {
            case "unassigned":
                decisions[l] = .unassigned
                for column in sessionFields {
                    expect(t, row, subject, column, "", say("the learner is unassigned", "l'apprenant est sans place"))
                }
                if let reason = t.value(row, "reason"), reason.allSatisfy(\.isWhitespace) {
                    fail(file, row.line, subject, say("reason is empty; an unassigned learner needs a reason in plain words",
                                                      "reason est vide ; un apprenant sans place doit avoir une raison en clair"))
                }
            case "assigned":
                if let seat = assignedSeat(t, row, subject) {
                    decisions[l] = .assigned(seat)
                    checkAssignedRow(t, row, subject, learner: l, seat: seat)
                }
            case let status?:
                fail(file, row.line, subject, say("status is \(shown(status)), expected 'assigned' or 'unassigned'",
                                                  "status est \(shown(status)), attendu 'assigned' ou 'unassigned'"))
            case nil:
                break
            }
        }
    }

    /// The (session, mode) of an `assigned` row, when both are valid.
    private mutating func assignedSeat(_ t: Table, _ row: CSVRecord, _ subject: String) -> Seat? {
        var session: Int?
        switch t.value(row, "session") {
        case ""?: fail(t.file, row.line, subject, say("status is assigned but session is empty", "status est assigned mais session est vide"))
        case let id?:
            session = sessionIndex[id]
            if session == nil {
                fail(t.file, row.line, subject, say("session \(shown(id)) is not in the instance", "la session \(shown(id)) n'est pas dans l'instance"))
            }
        case nil: break
        }
        var mode: Mode?
        switch t.value(row, "mode") {
        case "in_person"?: mode = .inPerson
        case "remote"?: mode = .remote
        case let m?: fail(t.file, row.line, subject, modeNotACode(m))
        case nil: break
        }
        guard let session, let mode else { return nil }
        return Seat(session: session, mode: mode)
    }

    private mutating func checkAssignedRow(_ t: Table, _ row: CSVRecord, _ subject: String, learner l: Int, seat: Seat) {
        let learner = instance.learners[l]
        let session = instance.sessions[seat.session]
        let id = session.id
        expect(t, row, subject, "organisation", instance.organisations[session.organisation].id,
               say("the organisation of \(id)", "l'organisme de \(id)"))
        let site = session.site.map { instance.sites[$0].id }
        if seat.mode == .inPerson {
            expect(t, row, subject, "site", site ?? "", site == nil ? say("\(id) has no site", "\(id) n'a pas de site")
                                                                    : say("the site of \(id)", "le site de \(id)"))
        } else {
            expect(t, row, subject, "site", "", say("a remote learner has no site", "un apprenant à distance n'a pas de site"))
        }
        expect(t, row, subject, "start", session.start.description,
               say("the first training day of \(id)", "le premier jour de formation de \(id)"))
        expect(t, row, subject, "end", session.end.description, say("the last training day of \(id)", "le dernier jour de formation de \(id)"))
        if seat.mode == .inPerson, let s = session.site {
            let km = kmBetween(structure: learner.structure, site: s)
            let from = instance.structures[learner.structure].id, to = instance.sites[s].id
            expectNumber(t, row, subject, "travel_km", Double(km), say("the distance from \(from) to \(to)", "la distance de \(from) à \(to)"))
        } else {
            expect(t, row, subject, "travel_km", "", seat.mode == .remote
                   ? say("a remote learner travels no distance", "un apprenant à distance ne se déplace pas")
                   : say("the session has no site", "la session n'a pas de site"))
        }
        if let from = learner.availableFrom {
            expectNumber(t, row, subject, "waiting_days", Double(session.start - from),
                         say("from availableFrom \(from) to the start \(session.start)",
                             "entre availableFrom \(from) et le début \(session.start)"))
        } else {
            expect(t, row, subject, "waiting_days", "", say("the learner has no availableFrom", "l'apprenant n'a pas de date availableFrom"))
        }
        expect(t, row, subject, "reason", "", say("an assigned learner has no reason", "un apprenant placé n'a pas de raison"))
    }
}
