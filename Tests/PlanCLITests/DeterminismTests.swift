// DeterminismTests: the simplex runs in slices (so that Ctrl-C is heard), counted in iterations,
// never in seconds: the same input gives the same plan whatever the slicing and the machine's
// speed.
import Foundation
import Testing

@Suite struct DeterminismTests {
    @Test func slicingTheSimplexLeavesThePlanTheSame() throws {
        let dir = try scratchFolder("determinism")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bretagne = PlanRun.root.appendingPathComponent("instances/bretagne.json").path
        let runs = [["--slice-iterations", "3"], ["--slice-iterations", "3"], ["--slice-iterations", "7"], []]
        var outputs: [[Data]] = []
        var objectives: [String] = []
        for (k, extra) in runs.enumerated() {
            let run = try PlanRun(["solve", bretagne, "--out", dir.path + "/p\(k)"] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            objectives.append(run.stdout.split(separator: "\n").first { $0.hasPrefix("objective:") }.map(String.init) ?? "")
            outputs.append(try ["assignments.csv", "timetable.csv", "sessions.csv", "rosters.csv"].map {
                try Data(contentsOf: dir.appendingPathComponent("p\(k)/\($0)"))
            })
        }
        // The same slicing twice: the same bytes.
        #expect(outputs[0] == outputs[1])
        // Any slicing: the same proven optimum.
        #expect(Set(objectives).count == 1, "\(objectives)")
        #expect(objectives[0].contains("objective: 1682910"))
    }
}
