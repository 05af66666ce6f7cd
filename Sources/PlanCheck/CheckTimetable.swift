// timetable.csv (SPEC §5): for each assigned learner, one row per workday from its session's start
// to its end, sorted by learner id then date; training rows on the session's training days with
// the day's hours, alternation rows (0 hours) on the other workdays; nothing for the others.
import PlanDomain

extension Checker {
    /// At most this many problems are listed for one learner's rows; the rest are counted.
    static let timetableProblemsPerLearner = 10

    mutating func checkTimetable(_ t: Table) {
        let file = t.file
        guard t.columns["learner"] != nil, t.columns["date"] != nil else {
            fail(file, 1, nil, "without a learner and a date column, no row can be read")
            return
        }
        var groups: [String: [CSVRecord]] = [:]
        var previous: (learner: String, date: String)?
        for row in t.rows {
            guard let id = t.value(row, "learner"), let date = t.value(row, "date") else { break }
            if let p = previous, !(p.learner == id && p.date == date) {
                let sorted = p.learner == id ? bytesPrecede(p.date, date) : bytesPrecede(p.learner, id)
                if !sorted {
                    fail(file, row.line, "learner \(id)",
                         "rows are not sorted by learner id then date: \(id) \(date) comes after \(p.learner) \(p.date)")
                }
            }
            previous = (id, date)
            groups[id, default: []].append(row)
        }

        let seats = self.seats
        for id in groups.keys.sorted(by: bytesPrecede) {
            let rows = groups[id]!
            let subject = "learner \(id)"
            guard let l = learnerIndex[id] else {
                fail(file, rows[0].line, subject, "\(plural(rows.count, "row")) for a learner who is not in the instance")
                continue
            }
            guard let decision = decisions[l] else { continue }   // reported in assignments.csv
            guard case .assigned(let seat) = decision else {
                fail(file, rows[0].line, subject, "\(plural(rows.count, "row")) for a learner who is unassigned in assignments.csv; expected none")
                continue
            }
            let before = violations.count
            checkLearnerTimetable(t, learner: l, seat: seat, rows: rows)
            let added = violations.count - before
            if added > Self.timetableProblemsPerLearner {
                violations.removeLast(added - Self.timetableProblemsPerLearner)
                fail(file, nil, subject, "… and \(added - Self.timetableProblemsPerLearner) more problems with this learner's rows")
            }
        }
        for l in learnersByID {
            guard let seat = seats[l], groups[instance.learners[l].id] == nil else { continue }
            let session = instance.sessions[seat.session]
            fail(file, nil, "learner \(instance.learners[l].id)",
                 "no rows for a learner assigned to \(session.id) in assignments.csv; expected \(plural(workdays(of: session).count, "row")), one per workday from \(session.start) to \(session.end)")
        }
    }

    /// The workdays from a session's start to its end.
    func workdays(of session: Session) -> [Day] {
        var out: [Day] = []
        var d = session.start
        while d <= session.end {
            if instance.calendar.isWorkday(d) { out.append(d) }
            d = d.adding(days: 1)
        }
        return out
    }

    private mutating func checkLearnerTimetable(_ t: Table, learner l: Int, seat: Seat, rows: [CSVRecord]) {
        let file = t.file
        let learner = instance.learners[l]
        let subject = "learner \(learner.id)"
        let session = instance.sessions[seat.session]
        let organisation = instance.organisations[session.organisation].id
        let site = session.site.map { instance.sites[$0].id } ?? ""
        let structure = instance.structures[learner.structure].id
        var training: [Day: Int] = [:]
        for (k, d) in session.days.enumerated() { training[d] = k }

        var byDate: [String: [CSVRecord]] = [:]
        for row in rows { byDate[t.value(row, "date")!, default: []].append(row) }

        let expectedDays = workdays(of: session)
        let expectedKeys = Set(expectedDays.map(\.description))
        for d in expectedDays {
            let k = training[d]
            let activity = k == nil ? "alternation" : seat.mode == .inPerson ? "training_in_person" : "training_remote"
            let hours = k.map { session.hours[$0] } ?? 0
            guard let found = byDate[d.description] else {
                fail(file, nil, subject, "no row on \(d); expected \(activity) \(plainNumber(hours)) h (\(session.id) runs from \(session.start) to \(session.end))")
                continue
            }
            if found.count > 1 {
                fail(file, found[1].line, subject, "\(plural(found.count, "row")) on \(d) (lines \(found.map { String($0.line) }.joined(separator: ", "))); expected one")
            }
            let row = found[0]
            expect(t, row, subject, "structure", structure, "the learner's structure")
            expect(t, row, subject, "activity", activity, k == nil ? "\(d) is a workday but not a training day of \(session.id)" : "\(d) is a training day of \(session.id), \(modeWord(seat.mode)) in assignments.csv")
            expect(t, row, subject, "session", session.id, "the learner's session in assignments.csv")
            expect(t, row, subject, "organisation", organisation, "the organisation of \(session.id)")
            if k != nil && seat.mode == .inPerson {
                expect(t, row, subject, "site", site, "the site of \(session.id)")
            } else {
                expect(t, row, subject, "site", "", "site is filled only on in-person training rows")
            }
            expectNumber(t, row, subject, "hours", hours, k == nil ? "no training on \(d)" : "training day \(k! + 1) of \(session.days.count) of \(session.id)")
        }
        let extra = byDate.keys.filter { !expectedKeys.contains($0) }.sorted(by: bytesPrecede)
        for key in extra {
            let row = byDate[key]![0]
            guard let d = Day(iso: key) else {
                fail(file, row.line, subject, "date is \(shown(key)), expected a YYYY-MM-DD date")
                continue
            }
            let why: String
            if d < session.start || d > session.end {
                why = "it is outside \(session.id), which runs from \(session.start) to \(session.end)"
            } else if !instance.calendar.workdays.contains(d.weekday) {
                why = "it is a \(d.weekday.rawValue), not a workday"
            } else if instance.calendar.holidays.contains(d) {
                why = "it is a public holiday"
            } else {
                why = "it is a closure day of the calendar"
            }
            fail(file, row.line, subject, "unexpected row on \(d): \(why)")
        }
    }
}
