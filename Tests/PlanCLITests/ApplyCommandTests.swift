// ApplyCommandTests: `plan apply` rebuilds a plan folder from an assignments file edited by hand,
// in either dialect, after checking every rule; a broken edit writes nothing.
import Foundation
import Testing

@Suite(.serialized) struct ApplyCommandTests {
    let tiny = PlanRun.root.appendingPathComponent("instances/tiny.json").path

    func solved(_ dir: URL, dialect: String = "rfc4180") throws -> URL {
        let plan = dir.appendingPathComponent("plan-\(dialect)")
        let run = try PlanRun(["solve", tiny, "--out", plan.path, "--csv", dialect])
        #expect(run.status == 0, "\(run.stderr)")
        return plan
    }

    @Test(arguments: ["rfc4180", "excel-fr"])
    func anUneditedPlanIsRebuiltByteForByte(dialect: String) throws {
        let dir = try scratchFolder("apply-same-\(dialect)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = try solved(dir, dialect: dialect)
        let out = dir.appendingPathComponent("applied")
        let run = try PlanRun(["apply", tiny, plan.appendingPathComponent("assignments.csv").path, "--out", out.path,
                               "--csv", dialect])
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["assignments.csv", "timetable.csv", "sessions.csv", "rosters.csv", "invitations.csv"] {
            let a = try Data(contentsOf: plan.appendingPathComponent(name)), b = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(a == b, "\(name) differs")
        }
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"status\": \"optimal\""), "the bound beside the file proves it: \(summary)")
    }

    @Test func aValidEditIsRebuiltAndChecked() throws {
        let dir = try scratchFolder("apply-edit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = try solved(dir)
        // L-1 gives up its in-person seat in S-105-A for a remote one in S-105-R.
        let file = plan.appendingPathComponent("assignments.csv")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "L-1,H-1,105,assigned,OF-TEST,S-105-A,in_person,RENNES,2027-01-04,2027-01-27,0,0,",
                                         with: "L-1,H-1,105,assigned,OF-TEST,S-105-R,remote,,2027-01-11,2027-02-03,,7,")
        let edited = dir.appendingPathComponent("edited.csv")
        try text.write(to: edited, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("applied")
        let run = try PlanRun(["apply", tiny, edited.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"status\": \"feasible\"") && summary.contains("\"bound\": 0"), "\(summary)")
        #expect(try PlanRun(["check", tiny, out.path]).status == 0)
        let timetable = try String(contentsOf: out.appendingPathComponent("timetable.csv"), encoding: .utf8)
        #expect(timetable.contains("2027-01-11,L-1,H-1,training_remote,S-105-R,OF-TEST,,7"))
    }

    @Test(arguments: [
        ("L-6,H-1,105,assigned,OF-TEST,S-105-R,remote,", "L-6,H-1,105,assigned,OF-TEST,S-105-A,in_person,", 1, "may not join S-105-A"),
        ("L-3,H-2,105,assigned,OF-TEST,S-105-A,remote,", "L-3,H-2,105,assigned,OF-TEST,S-105-A,in_person,", 1, "3 in_person participants for 2 seats"),
        ("L-3,H-2,", "L-9,H-2,", 65, "learner 'L-9' is not in the instance"),
        ("L-3,H-2,105,assigned,OF-TEST,S-105-A,remote,", "L-3,H-2,105,assigned,OF-TEST,S-105-A,online,", 65, "column 7 (mode): 'online' is not a mode"),
    ])
    func aBrokenEditWritesNothing(from: String, to: String, status: Int32, message: String) throws {
        let dir = try scratchFolder("apply-broken")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = try solved(dir)
        let text = try String(contentsOf: plan.appendingPathComponent("assignments.csv"), encoding: .utf8)
        #expect(text.contains(from))
        let edited = dir.appendingPathComponent("edited.csv")
        try text.replacingOccurrences(of: from, with: to).write(to: edited, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("applied")
        let run = try PlanRun(["apply", tiny, edited.path, "--out", out.path])
        #expect(run.status == status, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
