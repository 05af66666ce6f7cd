// CheckCommandTests: `plan check` from the command line says what is wrong with a plan folder in
// French with `--lang fr` (or a French locale), in English otherwise; codes, columns, files and ids
// keep the specification's words.
import Foundation
import Testing

@Suite(.serialized) struct CheckCommandTests {
    let tiny = PlanRun.root.appendingPathComponent("instances/tiny.json").path

    @Test func aGoodPlanIsOKInFrench() throws {
        let dir = try scratchFolder("check-fr-ok")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("p")
        #expect(try PlanRun(["solve", tiny, "--out", plan.path]).status == 0)
        let french = try PlanRun(["check", tiny, plan.path, "--lang", "fr"])
        #expect(french.status == 0, "\(french.stdout)\(french.stderr)")
        #expect(french.stdout == "plan check : OK (6 apprenants, 4 placés, objectif 202060)\n", "\(french.stdout)")
        let english = try PlanRun(["check", tiny, plan.path])
        #expect(english.stdout == "plan check: OK (6 learners, 4 assigned, objective 202060)\n", "\(english.stdout)")
    }

    @Test func aBrokenPlanIsExplainedInFrench() throws {
        let dir = try scratchFolder("check-fr-broken")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("p")
        #expect(try PlanRun(["solve", tiny, "--out", plan.path]).status == 0)
        // L-1 travels 5 km instead of 0, the first unassigned learner has a status that is none,
        // and summary.json is gone.
        let file = plan.appendingPathComponent("assignments.csv")
        var text = try String(contentsOf: file, encoding: .utf8)
        let l1 = "L-1,H-1,105,assigned,OF-TEST,S-105-A,in_person,RENNES,2027-01-04,2027-01-27,0,0,"
        #expect(text.contains(l1) && text.contains(",unassigned,"))
        text = text.replacingOccurrences(of: l1, with: l1.replacingOccurrences(of: ",0,0,", with: ",5,0,"))
        text.replaceSubrange(text.range(of: ",unassigned,")!, with: ",pending,")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: plan.appendingPathComponent("summary.json"))

        let french = try PlanRun(["check", tiny, plan.path, "--lang", "fr"])
        #expect(french.status == 1, "\(french.stderr)")
        let out = french.stdout
        #expect(out.contains("assignments.csv:2 (apprenant L-1) : travel_km est 5, attendu 0 (la distance de H-1 à RENNES)\n"), "\(out)")
        #expect(out.contains(" : status est 'pending', attendu 'assigned' ou 'unassigned'\n"), "\(out)")
        #expect(out.contains("summary.json : le fichier est absent\n"), "\(out)")
        #expect(out.contains("remarque : assignments.csv ne donne pas de décision valide pour chaque apprenant"), "\(out)")
        #expect(out.hasSuffix("plan check : 3 violations\n"), "\(out)")
        for english in ["expected", "learner ", "note:", "the file", "plan check:"] { #expect(!out.contains(english), "\(english) in \(out)") }

        let english = try PlanRun(["check", tiny, plan.path, "--lang", "en"])
        #expect(english.status == 1)
        #expect(english.stdout.contains("assignments.csv:2 (learner L-1): travel_km is 5, expected 0 (the distance from H-1 to RENNES)\n"), "\(english.stdout)")
        #expect(english.stdout.contains("note: assignments.csv does not give"), "\(english.stdout)")
        #expect(english.stdout.hasSuffix("plan check: 3 violations\n"), "\(english.stdout)")
    }
}
