// ReplanCommandTests: the weekly routine end to end (SPEC §6): solve, next week's instance,
// re-plan with --previous, check, diff; and every way a previous plan is refused (exit 65, nothing
// written).
import Foundation
import Testing

@Suite(.serialized) struct ReplanCommandTests {
    let tiny = PlanRun.root.appendingPathComponent("instances/tiny.json").path

    /// Next week's tiny instance: L-2 withdrawn, L-7 and L-8 new.
    func nextWeek(in dir: URL) throws -> String {
        var text = try String(contentsOfFile: tiny, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "{ \"id\": \"L-2\", \"structure\": \"H-1\", \"path\": 105, \"availableFrom\": \"2027-01-04\" },",
            with: "{ \"id\": \"L-7\", \"structure\": \"H-1\", \"path\": 105, \"availableFrom\": \"2027-01-04\" },\n    { \"id\": \"L-8\", \"structure\": \"H-1\", \"path\": 105 },")
        let file = dir.appendingPathComponent("week2.json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func theWeeklyRoutine() throws {
        let dir = try scratchFolder("replan")
        defer { try? FileManager.default.removeItem(at: dir) }
        let week1 = dir.appendingPathComponent("week1").path, week2 = dir.appendingPathComponent("week2").path
        #expect(try PlanRun(["solve", tiny, "--out", week1]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: week1 + "/changes.csv"), "changes.csv only with --previous")
        let next = try nextWeek(in: dir)
        let run = try PlanRun(["solve", next, "--previous", week1, "--today", "2027-01-06", "--out", week2])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("re-plan: 0 changed, 3 kept their seat"), "\(run.stdout)")
        // S-105-A started on 2027-01-04: L-1 and L-3 stay, L-7 may not join it.
        let changes = try read(URL(fileURLWithPath: week2 + "/changes.csv"))
        #expect(changes == """
            learner,session,change,session_before,mode_before,start_before,session_after,mode_after,start_after\r
            L-2,,withdrawn,S-105-A,in_person,2027-01-04,,,\r
            L-7,,new,,,,S-105-R,remote,2027-01-11\r
            L-8,,new,,,,S-105-R,remote,2027-01-11\r

            """)
        let summary = try read(URL(fileURLWithPath: week2 + "/summary.json"))
        #expect(summary.contains("\"changes\": 0") && summary.contains("\"kept\": 3") && summary.contains("\"changeWeight\": 10000"))
        let check = try PlanRun(["check", next, week2, "--previous", week1])
        #expect(check.status == 0, "\(check.stdout)")

        // plan diff says the same, for a person and as CSV.
        let csv = dir.appendingPathComponent("diff.csv").path
        let diff = try PlanRun(["diff", week1, week2, "--out", csv])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("learners: 2 new, 1 withdrawn, 0 moved"))
        #expect(diff.stdout.contains("L-2 of H-1: had S-105-A (in person, from 2027-01-04)"))
        #expect(diff.stdout.contains("learners (3): L-2, L-7, L-8"))
        #expect(try read(URL(fileURLWithPath: csv)) == changes)
        let french = try PlanRun(["diff", week1, week2, "--lang", "fr"])
        #expect(french.stdout.contains("apprenants : 2 nouveaux, 1 retiré, 0 déplacé"), "\(french.stdout)")
        #expect(french.stdout.contains("L-2 de H-1 : avait S-105-A (présentiel, à partir du 2027-01-04)"), "\(french.stdout)")
        #expect(french.stdout.contains("à prévenir :") && french.stdout.contains("apprenants (3) : L-2, L-7, L-8"))
    }

    @Test func aChangeIsMadeWhenItGivesASeatAndCostsTheWeight() throws {
        let dir = try scratchFolder("replan-move")
        defer { try? FileManager.default.removeItem(at: dir) }
        let week1 = dir.appendingPathComponent("week1").path, week2 = dir.appendingPathComponent("week2").path
        #expect(try PlanRun(["solve", tiny, "--out", week1]).status == 0)
        // S-105-R is cancelled by its organisation: L-6 must move or lose its seat.
        var text = try String(contentsOfFile: tiny, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"capacity\": { \"inPerson\": 0, \"remote\": 5 }", with: "\"capacity\": { \"inPerson\": 0, \"remote\": 5 }, \"minSize\": 9")
        let next = dir.appendingPathComponent("next.json")
        try text.write(to: next, atomically: true, encoding: .utf8)
        let run = try PlanRun(["solve", next.path, "--previous", week1, "--today", "2026-12-01", "--change-weight", "7", "--out", week2])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try read(URL(fileURLWithPath: week2 + "/summary.json"))
        #expect(summary.contains("\"changes\": 1"), "\(summary)")
        #expect(summary.contains("\"changeWeight\": 7"))
        let changes = try read(URL(fileURLWithPath: week2 + "/changes.csv"))
        #expect(changes.contains(",S-105-R,cancelled,,,,,,"))
        #expect(changes.contains("L-6,,lost_seat,S-105-R,remote,2027-01-11,,,"))
        #expect(try PlanRun(["check", next.path, week2, "--previous", week1]).status == 0)
    }

    @Test func aPreviousPlanInTheExcelDialectIsRead() throws {
        let dir = try scratchFolder("replan-excel")
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a").path, b = dir.appendingPathComponent("b").path
        #expect(try PlanRun(["solve", tiny, "--out", a, "--csv", "excel-fr"]).status == 0)
        let next = try nextWeek(in: dir)
        let run = try PlanRun(["solve", next, "--previous", a, "--today", "2027-01-06", "--out", b, "--csv", "excel-fr"])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: b + "/changes.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a byte-order mark first")
        let changes = String(decoding: bytes, as: UTF8.self)
        #expect(changes.contains("learner;session;change;"))
        #expect(changes.contains("L-2;;withdrawn;S-105-A;in_person;2027-01-04;;;"))
    }

    @Test func rePlanningIntoThePreviousFolderReplacesIt() throws {
        let dir = try scratchFolder("replan-same")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan").path
        #expect(try PlanRun(["solve", tiny, "--out", plan]).status == 0)
        let next = try nextWeek(in: dir)
        for _ in 0..<2 {
            let run = try PlanRun(["solve", next, "--previous", plan, "--today", "2027-01-06", "--out", plan])
            #expect(run.status == 0, "\(run.stderr)")
        }
        // The second re-plan knows the first: nothing changed.
        #expect(try read(URL(fileURLWithPath: plan + "/changes.csv")).split(separator: "\r\n").count == 1)
    }

    /// A previous folder that is damaged or belongs to another instance: exit 65, the problem
    /// located by file, line and column, nothing written.
    @Test(arguments: [
        ("mode", "assignments.csv line 2, column 7 (mode): 'in-person' is not a mode"),
        ("width", "assignments.csv line 3: 12 fields where the header has 13"),
        ("session", "assignments.csv line 4, column 6 (session): session S-GONE is not in sessions.csv"),
        ("missing", "sessions.csv: missing or unreadable"),
        ("structure", "assignments.csv line 2, column 2 (structure): L-1 is hosted by H-2 in this plan but by H-1 in the instance"),
        ("foreign", "no learner and no session in common with the instance"),
    ])
    func aDamagedOrForeignPreviousPlanIsRefused(damage: String, message: String) throws {
        let dir = try scratchFolder("replan-bad-\(damage)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = dir.appendingPathComponent("old")
        #expect(try PlanRun(["solve", tiny, "--out", old.path]).status == 0)
        let assignments = old.appendingPathComponent("assignments.csv")
        var lines = try read(assignments).components(separatedBy: "\r\n")
        switch damage {
        case "mode": lines[1] = lines[1].replacingOccurrences(of: "in_person", with: "in-person")
        case "width": lines[2] = lines[2].components(separatedBy: ",").dropLast().joined(separator: ",")
        case "session": lines[3] = lines[3].replacingOccurrences(of: "S-105-A", with: "S-GONE")
        case "missing": try FileManager.default.removeItem(at: old.appendingPathComponent("sessions.csv"))
        case "structure": lines[1] = lines[1].replacingOccurrences(of: "L-1,H-1,", with: "L-1,H-2,")
        default:
            for k in lines.indices {
                lines[k] = lines[k].replacingOccurrences(of: "L-", with: "X-").replacingOccurrences(of: "S-105", with: "T-105")
            }
            let sessions = old.appendingPathComponent("sessions.csv")
            try read(sessions).replacingOccurrences(of: "S-105", with: "T-105").write(to: sessions, atomically: true, encoding: .utf8)
        }
        try lines.joined(separator: "\r\n").write(to: assignments, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("new")
        let run = try PlanRun(["solve", tiny, "--previous", old.path, "--out", out.path])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let diff = try PlanRun(["diff", old.path, old.path])
        #expect(damage == "structure" || damage == "foreign" ? diff.status == 0 : diff.status == 65)
    }

    @Test(arguments: [["--today", "2027-01-06"], ["--change-weight", "5"], ["--only-changes"], ["--previous", "p", "--change-weight", "1.5"],
                      ["--previous", "p", "--today", "2027-02-30"], ["--previous", "p", "--change-weight", "-1"]])
    func replanningOptionsAreChecked(options: [String]) throws {
        let run = try PlanRun(["solve", tiny] + options)
        #expect(run.status == 64, "\(run.stderr)")
    }
}
