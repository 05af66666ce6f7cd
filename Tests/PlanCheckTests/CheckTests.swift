// PlanCheck: real plans pass; every kind of hand edit is caught with a message that says what is
// wrong, where, and what was expected.
import Foundation
@testable import PlanCheck
import PlanDomain
import Testing

// MARK: - Real plans

@Suite struct RealPlanTests {
    @Test func tinyPlanPasses() {
        let report = PlanChecker.check(instance: Fixtures.tiny, files: Fixtures.tinyFiles)
        expectOK(report)
        #expect(report.learners == 6 && report.assigned == 4)
        #expect(report.objective == Fixtures.tinyPlan.objective)
        #expect(report.summaryLine == "plan check: OK (6 learners, 4 assigned, objective 202060)")
    }

    @Test func bretagnePlanPasses() {
        let report = PlanChecker.check(instance: Fixtures.bretagne, files: Fixtures.bretagneFiles)
        expectOK(report)
        #expect(report.learners == 300)
        #expect(report.assigned == Fixtures.bretagnePlan.assignments.compactMap { $0 }.count)
        #expect(report.objective.map { abs($0 - Fixtures.bretagnePlan.objective) < 1e-6 } == true)
    }

    @Test func aPlanFolderOnDiskPasses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-check-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, contents) in Fixtures.tinyFiles {
            try Data(contents.utf8).write(to: folder.appendingPathComponent(name))
        }
        expectOK(PlanChecker.check(instance: Fixtures.tiny, folder: folder))

        try FileManager.default.removeItem(at: folder.appendingPathComponent("sessions.csv"))
        expectViolation(PlanChecker.check(instance: Fixtures.tiny, folder: folder), ["sessions.csv: the file is missing"], count: 1)
    }

    @Test func aMissingFolderIsAViolation() {
        let folder = URL(fileURLWithPath: "/nonexistent/plan-check-\(getpid())")
        let report = PlanChecker.check(instance: Fixtures.tiny, folder: folder)
        expectViolation(report, ["does not exist"], count: 1)
        #expect(report.summaryLine == "plan check: 1 violation")
    }

    @Test func invalidUTF8IsAViolation() {
        var bytes = Fixtures.tinyFiles.mapValues { Array($0.utf8) }
        bytes["sessions.csv"]! += [0xFF, 0xFE, 0x0D, 0x0A]
        let report = PlanChecker.check(instance: Fixtures.tiny, bytes: bytes)
        expectViolation(report, ["sessions.csv:4", "not valid UTF-8"])
    }
}

// MARK: - Hand edits of a real plan (tiny: L-1, L-2 in person and L-3 remote in S-105-A; L-6
// remote in S-105-R; L-4 and L-5 unassigned)

struct Edit: Sendable, CustomTestStringConvertible {
    var name: String
    /// Texts that one violation must all contain.
    var expected: [String]
    /// The exact number of violations, when the edit should cause nothing else.
    var count: Int?
    var apply: @Sendable (inout Files) -> Void

    init(_ name: String, _ expected: [String], count: Int? = 1, _ apply: @escaping @Sendable (inout Files) -> Void) {
        self.name = name
        self.expected = expected
        self.count = count
        self.apply = apply
    }

    var testDescription: String { name }
}

let A = "assignments.csv", T = "timetable.csv", S = "sessions.csv", J = "summary.json"

/// A timetable row of the tiny plan as (date, learner).
func at(_ date: String, _ learner: String) -> [String: String] { ["date": date, "learner": learner] }

let edits: [Edit] = [
    // assignments.csv
    Edit("wrong travel_km", ["assignments.csv:2 (learner L-1)", "travel_km is 5, expected 0", "distance from H-1 to RENNES"]) {
        $0.set(A, where: ["learner": "L-1"], "travel_km", to: "5")
    },
    Edit("wrong end date", ["learner L-3", "end is '2027-01-28', expected 2027-01-27"]) {
        $0.set(A, where: ["learner": "L-3"], "end", to: "2027-01-28")
    },
    Edit("wrong waiting_days", ["learner L-6", "waiting_days is 5, expected 6"]) {
        $0.set(A, where: ["learner": "L-6"], "waiting_days", to: "5")
    },
    Edit("site on a remote learner", ["learner L-3", "site is 'RENNES', expected empty"]) {
        $0.set(A, where: ["learner": "L-3"], "site", to: "RENNES")
    },
    Edit("wrong organisation", ["learner L-1", "organisation is 'OF-X', expected OF-TEST"]) {
        $0.set(A, where: ["learner": "L-1"], "organisation", to: "OF-X")
    },
    Edit("wrong path_hours", ["learner L-2", "path_hours is 280, expected 105"]) {
        $0.set(A, where: ["learner": "L-2"], "path_hours", to: "280")
    },
    Edit("number with an exponent", ["learner L-1", "travel_km is '0e0', expected the plain decimal 0"]) {
        $0.set(A, where: ["learner": "L-1"], "travel_km", to: "0e0")
    },
    Edit("unknown status", ["learner L-4", "status is 'pending', expected 'assigned' or 'unassigned'"], count: nil) {
        $0.set(A, where: ["learner": "L-4"], "status", to: "pending")
    },
    Edit("unassigned learner without a reason", ["learner L-5", "reason is empty"]) {
        $0.set(A, where: ["learner": "L-5"], "reason", to: "")
    },
    Edit("unassigned learner with a session", ["learner L-4", "session is 'S-105-A', expected empty"]) {
        $0.set(A, where: ["learner": "L-4"], "session", to: "S-105-A")
    },
    Edit("assigned learner with a reason", ["learner L-1", "reason is 'because', expected empty"]) {
        $0.set(A, where: ["learner": "L-1"], "reason", to: "because")
    },
    Edit("unknown session", ["learner L-6", "session 'S-X' is not in the instance"]) {
        $0.set(A, where: ["learner": "L-6"], "session", to: "S-X")
    },
    Edit("ineligible mode", ["learner L-6", "may not join S-105-R in_person", "the learner's mode is remote"], count: nil) {
        $0.set(A, where: ["learner": "L-6"], "mode", to: "in_person")
    },
    Edit("header renamed", ["assignments.csv:1", "header column 11 is 'distance_km', expected 'travel_km'"]) {
        $0.editRows(A) { $0[0][10] = "distance_km" }
    },
    Edit("header column dropped", ["assignments.csv:1", "the header has 12 columns, expected 13", "missing: reason"], count: nil) {
        $0.editRows(A) { $0[0].removeLast() }
    },
    Edit("timetable without its learner column", ["timetable.csv:1", "no row can be read"], count: 2) {
        $0.editRows(T) { r in for k in r.indices { r[k].remove(at: 1) } }
    },
    Edit("duplicated learner row", ["assignments.csv:4 (learner L-2)", "a second row for the learner (the first is line 3)"]) {
        $0.editRows(A) { r in r.insert(r[rowIndex(r, ["learner": "L-2"])], at: rowIndex(r, ["learner": "L-2"]) + 1) }
    },
    Edit("missing learner row", ["assignments.csv (learner L-4)", "no row for this learner"]) {
        $0.editRows(A) { r in r.remove(at: rowIndex(r, ["learner": "L-4"])) }
    },
    Edit("learner rows out of order", ["assignments.csv:3 (learner L-1)", "not sorted by learner id: L-1 comes after L-2"]) {
        $0.editRows(A) { r in r.swapAt(1, 2) }
    },
    Edit("a row with a missing field", ["assignments.csv:3", "the row has 12 fields, expected 13"], count: nil) {
        $0.editRows(A) { r in r[2].removeLast() }
    },
    Edit("unknown learner", ["learner L-9", "not in the instance"]) {
        $0.editRows(A) { r in
            var extra = r[rowIndex(r, ["learner": "L-5"])]
            extra[0] = "L-9"
            r.append(extra)
        }
    },

    // CSV syntax
    Edit("LF line ends are accepted", [], count: 0) {
        for name in [A, T, S] { $0[name] = $0[name]!.replacingOccurrences(of: "\r\n", with: "\n") }
    },
    Edit("quoted fields are accepted", [], count: 0) {
        $0[A] = $0[A]!.replacingOccurrences(of: "L-1,H-1,105,", with: "\"L-1\",\"H-1\",\"105\",")
    },
    Edit("a stray quote", ["assignments.csv:2", "CSV syntax", "double quote"], count: nil) {
        $0[A] = $0[A]!.replacingOccurrences(of: "L-1,H-1,105,", with: "L-1,H\"-1,105,")
    },
    Edit("an unterminated quoted field", ["sessions.csv:4", "never closed"], count: nil) {
        $0[S]! += "\"S-105-Z,"
    },
    Edit("an empty line", ["sessions.csv:3", "an empty line"]) {
        $0[S] = $0[S]!.replacingOccurrences(of: "\r\nS-105-R", with: "\r\n\r\nS-105-R")
    },
    Edit("a byte-order mark", ["assignments.csv:1", "byte-order mark"]) {
        $0[A] = "\u{FEFF}" + $0[A]!
    },
    Edit("a missing file", ["timetable.csv: the file is missing"]) {
        $0[T] = nil
    },

    // timetable.csv
    Edit("missing timetable row", ["timetable.csv (learner L-1)", "no row on 2027-01-05", "expected training_in_person 7 h"]) {
        $0.editRows(T) { r in r.remove(at: rowIndex(r, at("2027-01-05", "L-1"))) }
    },
    Edit("extra timetable row after the end", ["learner L-1", "unexpected row on 2027-01-28", "outside S-105-A"]) {
        $0.editRows(T) { r in
            let k = rowIndex(r, at("2027-01-27", "L-1"))
            var row = r[k]
            row[0] = "2027-01-28"
            r.insert(row, at: k + 1)
        }
    },
    Edit("extra timetable row on a Saturday", ["learner L-2", "unexpected row on 2027-01-09", "a sat, not a workday"]) {
        $0.editRows(T) { r in
            let k = rowIndex(r, at("2027-01-08", "L-2"))
            var row = r[k]
            row[0] = "2027-01-09"
            r.insert(row, at: k + 1)
        }
    },
    Edit("duplicated timetable row", ["learner L-1", "2 rows on 2027-01-04"]) {
        $0.editRows(T) { r in let k = rowIndex(r, at("2027-01-04", "L-1")); r.insert(r[k], at: k + 1) }
    },
    Edit("wrong hours", ["learner L-2", "hours is 6, expected 7", "training day 5 of 15"]) {
        $0.set(T, where: at("2027-01-11", "L-2"), "hours", to: "6")
    },
    Edit("hours on an alternation day", ["learner L-1", "hours is 7, expected 0"]) {
        $0.set(T, where: at("2027-01-08", "L-1"), "hours", to: "7")
    },
    Edit("training on an alternation day", ["learner L-1", "activity is 'training_in_person', expected alternation"], count: nil) {
        $0.set(T, where: at("2027-01-08", "L-1"), "activity", to: "training_in_person")
    },
    Edit("in person instead of remote", ["learner L-3", "activity is 'training_in_person', expected training_remote"]) {
        $0.set(T, where: at("2027-01-04", "L-3"), "activity", to: "training_in_person")
    },
    Edit("site on a remote training row", ["learner L-3", "site is 'RENNES', expected empty"]) {
        $0.set(T, where: at("2027-01-04", "L-3"), "site", to: "RENNES")
    },
    Edit("wrong organisation on a row", ["learner L-6", "organisation is 'OF-X', expected OF-TEST"]) {
        $0.set(T, where: at("2027-01-11", "L-6"), "organisation", to: "OF-X")
    },
    Edit("timetable rows out of order", ["timetable.csv:4 (learner L-1)", "not sorted by learner id then date", "2027-01-05 comes after L-1 2027-01-06"]) {
        $0.editRows(T) { r in r.swapAt(rowIndex(r, at("2027-01-05", "L-1")), rowIndex(r, at("2027-01-06", "L-1"))) }
    },
    Edit("timetable rows for an unassigned learner", ["learner L-4", "1 row for a learner who is unassigned"]) {
        $0.editRows(T) { r in
            let k = rowIndex(r, at("2027-01-04", "L-3"))
            var row = r[k]
            row[1] = "L-4"
            row[2] = "H-3"
            r.insert(row, at: r.lastIndex { $0[1] == "L-3" }! + 1)
        }
    },
    Edit("no timetable rows for an assigned learner", ["learner L-6", "no rows for a learner assigned to S-105-R", "expected 18 rows"]) {
        $0.editRows(T) { r in r.removeAll { $0[1] == "L-6" } }
    },
    Edit("a whole learner's rows wrong is capped", ["learner L-6", "… and 8 more problems"], count: 11) {
        $0.editRows(T) { r in for k in r.indices where r[k][1] == "L-6" { r[k][4] = "S-105-A" } }
    },

    // sessions.csv
    Edit("sessions.csv count off by one", ["sessions.csv:2 (session S-105-A)", "in_person is 3, expected 2"]) {
        $0.set(S, where: ["session": "S-105-A"], "in_person", to: "3")
    },
    Edit("sessions.csv status", ["session S-105-R", "status is 'cancelled', expected runs"]) {
        $0.set(S, where: ["session": "S-105-R"], "status", to: "cancelled")
    },
    Edit("sessions.csv capacity", ["session S-105-R", "remote_capacity is 4, expected 5"]) {
        $0.set(S, where: ["session": "S-105-R"], "remote_capacity", to: "4")
    },
    Edit("sessions.csv training days", ["session S-105-A", "training_days is 14, expected 15"]) {
        $0.set(S, where: ["session": "S-105-A"], "training_days", to: "14")
    },
    Edit("sessions.csv site of a remote-only session", ["session S-105-R", "site is 'RENNES', expected empty"]) {
        $0.set(S, where: ["session": "S-105-R"], "site", to: "RENNES")
    },
    Edit("sessions.csv missing row", ["session S-105-R", "no row for this session"]) {
        $0.editRows(S) { r in r.remove(at: 2) }
    },
    Edit("sessions.csv out of order", ["sessions.csv:3 (session S-105-A)", "not sorted by session id"]) {
        $0.editRows(S) { r in r.swapAt(1, 2) }
    },

    // summary.json
    Edit("summary objective changed", ["summary.json:4", "\"objective\" is 202061, expected 202060", "recomputed"], count: nil) {
        $0[J] = $0[J]!.replacingOccurrences(of: "\"objective\": 202060", with: "\"objective\": 202061")
    },
    Edit("summary count changed", ["\"assigned\" is 5, expected 4"]) {
        $0[J] = $0[J]!.replacingOccurrences(of: "\"assigned\": 4", with: "\"assigned\": 5")
    },
    Edit("summary sessionsRun changed", ["\"sessionsRun\" is 1, expected 2"]) {
        $0[J] = $0[J]!.replacingOccurrences(of: "\"sessionsRun\": 2", with: "\"sessionsRun\": 1")
    },
    Edit("summary number with an exponent", ["summary.json:5", "bound is written 2.0206e5", "without an exponent"]) {
        $0[J] = $0[J]!.replacingOccurrences(of: "\"bound\": 202060", with: "\"bound\": 2.0206e5")
    },
    Edit("summary gap inconsistent", ["\"gap\" is 0.5, expected 0"], count: nil) {
        $0[J] = $0[J]!.replacingOccurrences(of: "\"gap\": 0", with: "\"gap\": 0.5")
    },
    Edit("summary bound above the objective", ["\"bound\" is 202070, above the objective 202060"], count: nil) {
        $0[J] = $0[J]!.replacingOccurrences(of: "\"bound\": 202060", with: "\"bound\": 202070")
    },
    Edit("summary optimal with a gap", ["\"status\" is \"optimal\" but the objective 202060 and the bound 200000 differ"], count: nil) {
        $0[J] = $0[J]!.replacingOccurrences(of: "\"bound\": 202060", with: "\"bound\": 200000")
    },
    Edit("summary feasible with a gap is fine", [], count: 0) {
        $0[J] = $0[J]!.replacingOccurrences(of: "\"bound\": 202060", with: "\"bound\": 200000")
            .replacingOccurrences(of: "\"optimal\"", with: "\"feasible\"")
            .replacingOccurrences(of: "\"gap\": 0", with: "\"gap\": \(formatNumber(2060.0 / 202060))")
    },
    Edit("summary unknown status", ["\"status\" is \"solved\", expected \"optimal\", \"feasible\" or \"interrupted\""]) {
        $0[J] = $0[J]!.replacingOccurrences(of: "\"optimal\"", with: "\"solved\"")
    },
    Edit("summary missing key", ["required key \"solveSeconds\" is missing"]) {
        $0[J] = $0[J]!.replacingOccurrences(of: "\"solveSeconds\"", with: "\"solveTime\"")
    },
    Edit("summary count as a string", ["\"learners\" is a string, expected a number"]) {
        $0[J] = $0[J]!.replacingOccurrences(of: "\"learners\": 6", with: "\"learners\": \"6\"")
    },
    Edit("summary not JSON", ["summary.json:1", "not valid JSON"]) {
        $0[J] = "{"
    },
]

@Suite struct HandEditTests {
    @Test(arguments: edits)
    func handEditIsCaught(edit: Edit) {
        var files = Fixtures.tinyFiles
        edit.apply(&files)
        let report = PlanChecker.check(instance: Fixtures.tiny, files: files)
        if edit.expected.isEmpty {
            #expect(report.violations.count == edit.count ?? 0, "\(report.violations.map(\.description))")
        } else {
            expectViolation(report, edit.expected, count: edit.count)
            #expect(!report.isOK)
            #expect(report.summaryLine.hasSuffix("violation\(report.violations.count == 1 ? "" : "s")"))
        }
    }
}

// MARK: - summary.json counts are JSON integers

@Suite struct SummaryCountTests {
    /// The text of `"key": N` in summary.json, and N.
    func count(_ key: String, in text: String) -> (text: String, value: String) {
        let start = text.range(of: "\"\(key)\": ")!
        let digits = text[start.upperBound...].prefix { $0.isNumber }
        return ("\"\(key)\": \(digits)", String(digits))
    }

    @Test(arguments: ["learners", "assigned", "inPerson", "remote", "unassigned", "sessionsRun"])
    func aCountWithADecimalPointIsRefused(key: String) {
        var files = Fixtures.tinyFiles
        let (field, n) = count(key, in: files[J]!)
        files[J] = files[J]!.replacingOccurrences(of: field, with: "\(field).0")
        let report = PlanChecker.check(instance: Fixtures.tiny, files: files)
        expectViolation(report, ["summary.json:", "\"\(key)\" is written \(n).0, expected a JSON integer (\(n))"], count: 1)
    }

    @Test func threeHundredPointZeroLearnersIsRefused() {
        var files = Fixtures.bretagneFiles
        files[J] = files[J]!.replacingOccurrences(of: "\"learners\": 300,", with: "\"learners\": 300.0,")
        let report = PlanChecker.check(instance: Fixtures.bretagne, files: files)
        expectViolation(report, ["\"learners\" is written 300.0, expected a JSON integer (300)"], count: 1)
    }

    @Test func aNegativeZeroCountIsRefused() {
        var files = Fixtures.tinyFiles
        let (field, _) = count("sessionsRun", in: files[J]!)
        files[J] = files[J]!.replacingOccurrences(of: field, with: "\"sessionsRun\": -0")
        let report = PlanChecker.check(instance: Fixtures.tiny, files: files)
        expectViolation(report, ["\"sessionsRun\" is written -0, expected a JSON integer"])
    }

    @Test func figuresThatAreNotCountsMayHaveDecimals() {
        var files = Fixtures.tinyFiles
        files[J] = files[J]!.replacingOccurrences(of: "\"objective\": 202060", with: "\"objective\": 202060.0")
            .replacingOccurrences(of: "\"bound\": 202060", with: "\"bound\": 202060.0")
        expectOK(PlanChecker.check(instance: Fixtures.tiny, files: files))
    }
}

// MARK: - Hand edits of the Bretagne plan

@Suite struct BretagneEditTests {
    let instance = Fixtures.bretagne

    /// Moves a learner's assignments.csv row to another session, keeping the row consistent with it.
    func move(_ files: inout Files, learner: String, to session: String, mode: String) {
        let sessions = rows(files[S]!)
        let s = sessions[rowIndex(sessions, ["session": session])]
        files.editRows(A) { r in
            let k = rowIndex(r, ["learner": learner])
            let h = r[0]
            r[k][h.firstIndex(of: "status")!] = "assigned"
            r[k][h.firstIndex(of: "organisation")!] = s[1]
            r[k][h.firstIndex(of: "session")!] = session
            r[k][h.firstIndex(of: "mode")!] = mode
            r[k][h.firstIndex(of: "site")!] = mode == "in_person" ? s[2] : ""
            r[k][h.firstIndex(of: "start")!] = s[4]
            r[k][h.firstIndex(of: "end")!] = s[5]
            r[k][h.firstIndex(of: "reason")!] = ""
        }
    }

    func unassign(_ files: inout Files, learner: String) {
        files.editRows(A) { r in
            let k = rowIndex(r, ["learner": learner])
            for c in 4..<12 { r[k][c] = "" }
            r[k][3] = "unassigned"
            r[k][12] = "removed by hand"
        }
    }

    func check(_ files: Files) -> CheckReport { PlanChecker.check(instance: instance, files: files) }

    @Test func learnerMovedToAFullSession() {
        var files = Fixtures.bretagneFiles
        let sessions = rows(files[S]!)
        // A session whose in-person seats are all taken, and a learner of the same path in person elsewhere.
        let full = sessions.dropFirst().first { $0[8] == $0[9] && $0[8] != "0" }!
        let assignments = rows(files[A]!)
        let mover = assignments.dropFirst().first { $0[2] == full[3] && $0[6] == "in_person" && $0[5] != full[0] }!
        move(&files, learner: mover[0], to: full[0], mode: "in_person")
        let seats = Int(full[9])!
        expectViolation(check(files), ["session \(full[0])", "\(seats + 1) in_person participants for \(seats) in_person seats", mover[0]])
    }

    @Test func learnerMovedToASessionOfAnotherPath() {
        var files = Fixtures.bretagneFiles
        let assignments = rows(files[A]!)
        let mover = assignments.dropFirst().first { $0[2] == "105" && $0[6] == "remote" }!
        let other = rows(files[S]!).dropFirst().first { $0[3] == "280" && $0[11] != "0" }!
        move(&files, learner: mover[0], to: other[0], mode: "remote")
        expectViolation(check(files), ["learner \(mover[0])", "may not join \(other[0]) remote", "the session is a 280 h path, the learner's is 105 h"])
    }

    @Test func pinnedLearnerMoved() {
        var files = Fixtures.bretagneFiles
        let pinned = instance.learners.first { $0.assigned != nil }!
        let pin = instance.sessions[pinned.assigned!.session].id
        unassign(&files, learner: pinned.id)
        expectViolation(check(files), ["learner \(pinned.id)", "pinned to \(pin)", "leaves it unassigned"])
    }

    @Test func sessionRunBelowMinSize() throws {
        var files = Fixtures.bretagneFiles
        let assignments = rows(files[A]!)
        // A running session at exactly its minSize (> 1), and one of its unpinned learners.
        let session = try #require(instance.sessions.first { s in
            s.minSize > 1 && assignments.filter { $0[5] == s.id }.count == s.minSize
        }, "the Bretagne plan has no session at exactly its minSize")
        let pinned = Set(instance.learners.filter { $0.assigned != nil }.map(\.id))
        let leaver = assignments.first { $0[5] == session.id && !pinned.contains($0[0]) }!
        unassign(&files, learner: leaver[0])
        expectViolation(check(files), ["session \(session.id)", "runs with \(session.minSize - 1) participants, below its minSize of \(session.minSize)"])
    }

    @Test func summaryObjectiveChanged() {
        var files = Fixtures.bretagneFiles
        let objective = formatNumber(Fixtures.bretagnePlan.objective)
        files[J] = files[J]!.replacingOccurrences(of: "\"objective\": \(objective)", with: "\"objective\": \(objective)1")
        expectViolation(check(files), ["\"objective\" is \(objective)1, expected \(objective)"])
    }
}

// MARK: - Hard rules on small instances

/// S1 (105 h, 2027-01-04..01-27, 2 in person + 1 remote) and S2 (105 h, from Tuesday 2027-01-05,
/// overlapping S1; 2 + 2) at Rennes; S3 (280 h). H1 at Rennes, H2 at Vitré (35 km), H3 at
/// Saint-Malo (65 km, limit 50 km). L1, L2 of H1; L3, L4 of H2; L5 of H3; L6 (280 h) of H2.
func small(maxConcurrent: Int? = nil, maxAbsent: Int? = nil, minSize: Int = 0, pinL4: Bool = false) -> Instance {
    let concurrent = maxConcurrent.map { ", \"maxConcurrentSessions\": \($0)" } ?? ""
    let absent = maxAbsent.map { ", \"maxAbsent\": \($0)" } ?? ""
    let pin = pinL4 ? ", \"assigned\": { \"session\": \"S2\", \"mode\": \"remote\" }" : ""
    return Fixtures.instance(json: """
        {
          "organisations": [ { "id": "OF-A", "territories": ["35"]\(concurrent) } ],
          "sites": [ { "id": "RENNES", "organisation": "OF-A", "lat": 48.1113, "lon": -1.68 } ],
          "sessions": [
            { "id": "S1", "organisation": "OF-A", "site": "RENNES", "path": 105, "start": "2027-01-04",
              "capacity": { "inPerson": 2, "remote": 1 }, "minSize": \(minSize) },
            { "id": "S2", "organisation": "OF-A", "site": "RENNES", "path": 105, "start": "2027-01-05",
              "capacity": { "inPerson": 2, "remote": 2 } },
            { "id": "S3", "organisation": "OF-A", "site": "RENNES", "path": 280, "start": "2027-03-01",
              "capacity": { "inPerson": 2, "remote": 2 } }
          ],
          "structures": [
            { "id": "H1", "territory": "35", "lat": 48.1113, "lon": -1.68\(absent) },
            { "id": "H2", "territory": "35", "lat": 48.1236, "lon": -1.2094 },
            { "id": "H3", "territory": "35", "lat": 48.6493, "lon": -2.0257, "maxTravelKm": 50 }
          ],
          "learners": [
            { "id": "L1", "structure": "H1", "path": 105 },
            { "id": "L2", "structure": "H1", "path": 105 },
            { "id": "L3", "structure": "H2", "path": 105, "availableFrom": "2027-01-04" },
            { "id": "L4", "structure": "H2", "path": 105\(pin) },
            { "id": "L5", "structure": "H3", "path": 105 },
            { "id": "L6", "structure": "H2", "path": 280 }
          ]
        }
        """)
}

@Suite struct HardRuleTests {
    func check(_ instance: Instance, _ decisions: [String: (String, Mode)]) -> CheckReport {
        PlanChecker.check(instance: instance, files: Fixtures.render(instance, decisions))
    }

    @Test func aFeasiblePlanPasses() {
        let i = small(maxConcurrent: 2, maxAbsent: 1, minSize: 2, pinL4: true)
        let report = check(i, ["L1": ("S1", .inPerson), "L3": ("S1", .remote), "L4": ("S2", .remote), "L6": ("S3", .inPerson)])
        expectOK(report)
        // 2 unassigned, 2 remote, 35 km for L6, no waiting for L3.
        #expect(report.objective == 202_070.0, "\(String(describing: report.objective))")
    }

    @Test func capacity() {
        let report = check(small(), ["L1": ("S1", .inPerson), "L2": ("S1", .inPerson), "L3": ("S1", .inPerson)])
        expectViolation(report, ["assignments.csv (session S1)", "3 in_person participants for 2 in_person seats", "L1, L2, L3"], count: 1)
    }

    @Test func remoteCapacity() {
        let report = check(small(), ["L3": ("S1", .remote), "L4": ("S1", .remote)])
        expectViolation(report, ["session S1", "2 remote participants for 1 remote seat"], count: 1)
    }

    @Test func wrongPath() {
        let report = check(small(), ["L6": ("S1", .remote)])
        expectViolation(report, ["assignments.csv:7 (learner L6)", "may not join S1 remote: the session is a 105 h path, the learner's is 280 h"], count: 1)
    }

    @Test func tooFar() {
        let report = check(small(), ["L5": ("S1", .inPerson)])
        expectViolation(report, ["learner L5", "may not join S1 in_person", "65 km away, beyond the travel limit of 50 km"], count: 1)
    }

    @Test func pinnedLearnerMoved() {
        let report = check(small(pinL4: true), ["L4": ("S1", .remote)])
        expectViolation(report, ["learner L4", "pinned to S2 remote in the instance, but the plan gives S1 remote"], count: 1)
    }

    @Test func pinnedLearnerLeftOut() {
        let report = check(small(pinL4: true), [:])
        expectViolation(report, ["learner L4", "pinned to S2 remote in the instance, but the plan leaves it unassigned"], count: 1)
    }

    @Test func minSize() {
        let report = check(small(minSize: 2), ["L1": ("S1", .inPerson)])
        expectViolation(report, ["session S1", "runs with 1 participant, below its minSize of 2"], count: 1)
    }

    @Test func maxConcurrentSessions() {
        let report = check(small(maxConcurrent: 1), ["L1": ("S1", .inPerson), "L3": ("S2", .inPerson)])
        // S2 trains on 15 days from 2027-01-05; all but its last (01-28) are training days of S1 too.
        expectViolation(report, ["organisation OF-A", "2 running sessions train on 14 dates from 2027-01-05 to 2027-01-27 (S1, S2)",
                                 "above its maxConcurrentSessions of 1"], count: 1)
        expectOK(check(small(maxConcurrent: 2), ["L1": ("S1", .inPerson), "L3": ("S2", .inPerson)]))
        expectOK(check(small(maxConcurrent: 1), ["L1": ("S1", .inPerson), "L3": ("S1", .remote)]))
    }

    @Test func maxAbsent() {
        let report = check(small(maxAbsent: 1), ["L1": ("S1", .inPerson), "L2": ("S2", .remote)])
        expectViolation(report, ["structure H1", "2 of its learners are in training on 14 dates from 2027-01-05 to 2027-01-27 (L1, L2)",
                                 "above its maxAbsent of 1"], count: 1)
        expectOK(check(small(maxAbsent: 2), ["L1": ("S1", .inPerson), "L2": ("S2", .remote)]))
        expectOK(check(small(maxAbsent: 1), ["L1": ("S1", .inPerson), "L3": ("S2", .remote)]))
    }
}

// MARK: - The CSV reader

@Suite struct CSVReaderTests {
    @Test func quotedFieldsAndLineEnds() {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3"
        let (records, problems) = CSVReader.parse(Array(text.utf8))
        #expect(problems.isEmpty)
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func emptyLastFieldAndTrailingLineEnd() {
        let (records, problems) = CSVReader.parse(Array("a,b\r\n1,\r\n".utf8))
        #expect(problems.isEmpty)
        #expect(records.map(\.fields) == [["a", "b"], ["1", ""]])
    }

    @Test func syntaxProblems() {
        #expect(CSVReader.parse(Array("a,\"b\n".utf8)).problems.map(\.message).first?.contains("never closed") == true)
        #expect(CSVReader.parse(Array("a,\"b\"c\n".utf8)).problems.map(\.message).first?.contains("after the closing quote") == true)
        #expect(CSVReader.parse(Array("a,b\"c\n".utf8)).problems.map(\.message).first?.contains("double quote") == true)
        #expect(CSVReader.parse(Array("a,b\rc\n".utf8)).problems.map(\.message).first?.contains("carriage return") == true)
    }

    @Test func plainDecimals() {
        #expect(plainDecimal("7") == 7 && plainDecimal("3.5") == 3.5 && plainDecimal("-2") == -2 && plainDecimal("0.25") == 0.25)
        for bad in ["", "1e3", "+1", "1.", ".5", " 1", "1,5", "nan", "-"] { #expect(plainDecimal(bad) == nil, "\(bad)") }
    }
}
