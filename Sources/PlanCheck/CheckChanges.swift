// Re-plans (SPEC §6): summary.json's `changes` and `changeWeight` come together, and the objective
// includes changeWeight × changes. Given the previous plan folder, the changes are recounted here
// from its assignments.csv: a learner of both plans who had a seat and has another (session, mode)
// or none.
import PlanDomain

extension Checker {
    /// The seat of each learner who had one in the previous plan's assignments.csv (either dialect).
    mutating func readPrevious(_ bytes: [UInt8]?) {
        let file = say("previous assignments.csv", "assignments.csv du plan précédent")
        let planDialect = dialect
        dialect = CSVDialectFound(assignments: bytes)
        defer { dialect = planDialect }
        guard let t = table(file, header("assignments.csv", Self.assignmentsHeader), bytes),
              let li = t.columns["learner"], let st = t.columns["status"], let se = t.columns["session"],
              let mo = t.columns["mode"] else {
            fail(file, nil, nil, say("the previous plan's seats cannot be read: changes were not recounted",
                                     "les places du plan précédent sont illisibles : les changements n'ont pas été recomptés"))
            return
        }
        var seats: [String: PreviousSeat] = [:]
        for row in t.rows where row.fields[st] == "assigned" {
            guard let mode: Mode = row.fields[mo] == "in_person" ? .inPerson : row.fields[mo] == "remote" ? .remote : nil else {
                fail(file, row.line, row.fields[li], modeNotACode(row.fields[mo]))
                continue
            }
            seats[row.fields[li]] = PreviousSeat(session: row.fields[se], mode: mode)
        }
        previousSeats = seats
    }

    /// Learners of both plans who had a seat and have another or none (nil when unknown).
    var recountedChanges: Int? {
        guard let previous = previousSeats, decisionsComplete else { return nil }
        var n = 0
        for (l, learner) in instance.learners.enumerated() {
            guard let before = previous[learner.id] else { continue }
            if case .assigned(let seat)? = decisions[l], instance.sessions[seat.session].id == before.session,
               seat.mode == before.mode { continue }
            n += 1
        }
        return n
    }
}

/// A learner's seat in the previous plan, by session id.
struct PreviousSeat {
    var session: String
    var mode: Mode
}
