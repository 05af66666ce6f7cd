// assignments.csv (SPEC §5): one row per learner, sorted by learner id; what each row must say
// given the instance. Reading it also settles each learner's decision for the other checks.
import PlanDomain

extension Checker {
    mutating func checkAssignments(_ t: Table) {
        let file = t.file
        guard t.columns["learner"] != nil, t.columns["status"] != nil else {
            fail(file, 1, nil, "without a learner and a status column, no row can be read")
            return
        }
        for (row, l, subject) in keyedRows(t, key: "learner", index: learnerIndex,
                                           expected: learnersByID.map { instance.learners[$0].id }) {
            decisionLine[l] = row.line
            let learner = instance.learners[l]
            expect(t, row, subject, "structure", instance.structures[learner.structure].id, "the learner's structure in the instance")
            expectNumber(t, row, subject, "path_hours", Double(learner.path), "the learner's path in the instance")
            let sessionFields = ["organisation", "session", "mode", "site", "start", "end", "travel_km", "waiting_days"]
            switch t.value(row, "status") {
            case "unassigned":
                decisions[l] = .unassigned
                for column in sessionFields { expect(t, row, subject, column, "", "the learner is unassigned") }
                if let reason = t.value(row, "reason"), reason.allSatisfy(\.isWhitespace) {
                    fail(file, row.line, subject, "reason is empty; an unassigned learner needs a reason in plain words")
                }
            case "assigned":
                if let seat = assignedSeat(t, row, subject) {
                    decisions[l] = .assigned(seat)
                    checkAssignedRow(t, row, subject, learner: l, seat: seat)
                }
            case let status?:
                fail(file, row.line, subject, "status is \(shown(status)), expected 'assigned' or 'unassigned'")
            case nil:
                break
            }
        }
    }

    /// The (session, mode) of an `assigned` row, when both are valid.
    private mutating func assignedSeat(_ t: Table, _ row: CSVRecord, _ subject: String) -> Seat? {
        var session: Int?
        switch t.value(row, "session") {
        case ""?: fail(t.file, row.line, subject, "status is assigned but session is empty")
        case let id?:
            session = sessionIndex[id]
            if session == nil { fail(t.file, row.line, subject, "session \(shown(id)) is not in the instance") }
        case nil: break
        }
        var mode: Mode?
        switch t.value(row, "mode") {
        case "in_person"?: mode = .inPerson
        case "remote"?: mode = .remote
        case let m?: fail(t.file, row.line, subject, "mode is \(shown(m)), expected 'in_person' or 'remote'")
        case nil: break
        }
        guard let session, let mode else { return nil }
        return Seat(session: session, mode: mode)
    }

    private mutating func checkAssignedRow(_ t: Table, _ row: CSVRecord, _ subject: String, learner l: Int, seat: Seat) {
        let learner = instance.learners[l]
        let session = instance.sessions[seat.session]
        expect(t, row, subject, "organisation", instance.organisations[session.organisation].id, "the organisation of \(session.id)")
        let site = session.site.map { instance.sites[$0].id }
        if seat.mode == .inPerson {
            expect(t, row, subject, "site", site ?? "", site == nil ? "\(session.id) has no site" : "the site of \(session.id)")
        } else {
            expect(t, row, subject, "site", "", "a remote learner has no site")
        }
        expect(t, row, subject, "start", session.start.description, "the first training day of \(session.id)")
        expect(t, row, subject, "end", session.end.description, "the last training day of \(session.id)")
        if seat.mode == .inPerson, let s = session.site {
            let km = kmBetween(structure: learner.structure, site: s)
            let from = instance.structures[learner.structure].id, to = instance.sites[s].id
            expectNumber(t, row, subject, "travel_km", Double(km), "the distance from \(from) to \(to)")
        } else {
            expect(t, row, subject, "travel_km", "", seat.mode == .remote ? "a remote learner travels no distance" : "the session has no site")
        }
        if let from = learner.availableFrom {
            expectNumber(t, row, subject, "waiting_days", Double(session.start - from),
                         "from availableFrom \(from) to the start \(session.start)")
        } else {
            expect(t, row, subject, "waiting_days", "", "the learner has no availableFrom")
        }
        expect(t, row, subject, "reason", "", "an assigned learner has no reason")
    }
}
