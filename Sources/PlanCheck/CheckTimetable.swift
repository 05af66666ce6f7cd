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
            fail(file, 1, nil, say("without a learner and a date column, no row can be read",
                                   "aucune ligne ne peut être lue sans les colonnes date et learner"))
            return
        }
        let groups = learnerRows(t)
        let seats = self.seats
        for id in groups.keys.sorted(by: bytesPrecede) {
            let rows = groups[id]!
            let subject = about("learner", id)
            guard let l = learnerIndex[id] else {
                fail(file, rows[0].line, subject, rowCount(rows.count) + say(" for a learner who is not in the instance",
                                                                            " pour un apprenant qui n'est pas dans l'instance"))
                continue
            }
            guard let decision = decisions[l] else { continue }   // reported in assignments.csv
            guard case .assigned(let seat) = decision else {
                fail(file, rows[0].line, subject, rowCount(rows.count) + say(" for a learner who is unassigned in assignments.csv; expected none",
                                                                            " pour un apprenant sans place dans assignments.csv ; attendu : aucune"))
                continue
            }
            let before = violations.count
            checkLearnerTimetable(t, learner: l, seat: seat, rows: rows)
            let added = violations.count - before
            if added > Self.timetableProblemsPerLearner {
                let more = added - Self.timetableProblemsPerLearner
                violations.removeLast(more)
                fail(file, nil, subject, say("… and \(more) more problems with this learner's rows",
                                             "… et \(frenchCount(more, "autre problème", "autres problèmes")) dans les lignes de cet apprenant"))
            }
        }
        for l in learnersByID {
            guard let seat = seats[l], groups[instance.learners[l].id] == nil else { continue }
            let session = instance.sessions[seat.session]
            let expected = rowCount(workdays(of: session).count)
            fail(file, nil, about("learner", instance.learners[l].id),
                 say("no rows for a learner assigned to \(session.id) in assignments.csv; expected \(expected), one per workday from \(session.start) to \(session.end)",
                     "aucune ligne pour un apprenant placé dans \(session.id) selon assignments.csv ; attendu : \(expected), une par jour ouvré du \(session.start) au \(session.end)"))
        }
    }

    /// The rows of each learner, after checking that they are sorted by learner id then date.
    private mutating func learnerRows(_ t: Table) -> [String: [CSVRecord]] {
        var groups: [String: [CSVRecord]] = [:]
        var previous: (learner: String, date: String)?
        for row in t.rows {
            guard let id = t.value(row, "learner"), let date = t.value(row, "date") else { break }
            if let p = previous, !(p.learner == id && p.date == date) {
                let sorted = p.learner == id ? bytesPrecede(p.date, date) : bytesPrecede(p.learner, id)
                if !sorted {
                    fail(t.file, row.line, about("learner", id),
                         say("rows are not sorted by learner id then date: \(id) \(date) comes after \(p.learner) \(p.date)",
                             "les lignes ne sont pas triées par identifiant d'apprenant puis par date : \(id) \(date) vient après \(p.learner) \(p.date)"))
                }
            }
            previous = (id, date)
            groups[id, default: []].append(row)
        }
        return groups
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
        let subject = about("learner", learner.id)
        let session = instance.sessions[seat.session], id = session.id
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
                let what = "\(activity) \(plainNumber(hours)) h"
                fail(file, nil, subject, say("no row on \(d); expected \(what) (\(id) runs from \(session.start) to \(session.end))",
                                             "aucune ligne le \(d) ; attendu : \(what) (\(id) a lieu du \(session.start) au \(session.end))"))
                continue
            }
            if found.count > 1 {
                let lines = found.map { String($0.line) }.joined(separator: ", ")
                fail(file, found[1].line, subject, say("\(rowCount(found.count)) on \(d) (lines \(lines)); expected one",
                                                       "\(rowCount(found.count)) le \(d) (lignes \(lines)) ; attendu : une seule"))
            }
            checkTimetableRow(t, found[0], subject, learner: l, seat: seat, on: d, trainingDay: k, activity: activity, hours: hours)
        }
        let extra = byDate.keys.filter { !expectedKeys.contains($0) }.sorted(by: bytesPrecede)
        for key in extra {
            let row = byDate[key]![0]
            guard let d = Day(iso: key) else {
                fail(file, row.line, subject, say("date is \(shown(key)), expected a YYYY-MM-DD date", "date est \(shown(key)), attendu une date YYYY-MM-DD"))
                continue
            }
            fail(file, row.line, subject, say("unexpected row on \(d): ", "ligne inattendue le \(d) : ") + whyUnexpected(d, session))
        }
    }

    /// The fields of learner `l`'s row on `d`, the `k`th training day of its session (nil: an
    /// alternation day): its structure, activity, session, organisation, site and hours.
    private mutating func checkTimetableRow(_ t: Table, _ row: CSVRecord, _ subject: String, learner l: Int, seat: Seat, on d: Day,
                                            trainingDay k: Int?, activity: String, hours: Double) {
        let session = instance.sessions[seat.session], id = session.id
        expect(t, row, subject, "structure", instance.structures[instance.learners[l].structure].id,
               say("the learner's structure", "la structure de l'apprenant"))
        expect(t, row, subject, "activity", activity, k == nil
               ? say("\(d) is a workday but not a training day of \(id)", "le \(d) est un jour ouvré mais pas un jour de formation de \(id)")
               : say("\(d) is a training day of \(id), \(modeWord(seat.mode)) in assignments.csv",
                     "le \(d) est un jour de formation de \(id), \(modeWord(seat.mode)) dans assignments.csv"))
        expect(t, row, subject, "session", id, say("the learner's session in assignments.csv", "la session de l'apprenant dans assignments.csv"))
        expect(t, row, subject, "organisation", instance.organisations[session.organisation].id,
               say("the organisation of \(id)", "l'organisme de \(id)"))
        if k != nil && seat.mode == .inPerson {
            expect(t, row, subject, "site", session.site.map { instance.sites[$0].id } ?? "", say("the site of \(id)", "le site de \(id)"))
        } else {
            expect(t, row, subject, "site", "", say("site is filled only on in-person training rows",
                                                    "site n'est rempli que sur les lignes de formation en présentiel"))
        }
        expectNumber(t, row, subject, "hours", hours, k == nil
                     ? say("no training on \(d)", "pas de formation le \(d)")
                     : say("training day \(k! + 1) of \(session.days.count) of \(id)", "jour de formation \(k! + 1) sur \(session.days.count) de \(id)"))
    }

    /// Why a row of a learner of `session` on `d` is not expected, in words.
    private func whyUnexpected(_ d: Day, _ session: Session) -> String {
        if d < session.start || d > session.end {
            return say("it is outside \(session.id), which runs from \(session.start) to \(session.end)",
                       "c'est en dehors de \(session.id), qui a lieu du \(session.start) au \(session.end)")
        } else if !instance.calendar.workdays.contains(d.weekday) {
            return say("it is a \(d.weekday.rawValue), not a workday", "ce n'est pas un jour ouvré (\(Language.fr.weekday(d.weekday)))")
        } else if instance.calendar.holidays.contains(d) {
            return say("it is a public holiday", "c'est un jour férié")
        }
        return say("it is a closure day of the calendar", "c'est un jour de fermeture du calendrier")
    }
}
