// FaultTests: a GLPK fault inside `plan solve` (injected through GLPK's memory limit) is a clear
// error with exit 1, and nothing is written: an earlier plan in the output folder stays as it was.
import Foundation
import Testing

@Suite struct FaultTests {
    @Test func aGLPKFaultExits1AndWritesNothing() throws {
        let dir = try scratchFolder("fault")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bretagne = PlanRun.root.appendingPathComponent("instances/bretagne.json").path
        let tiny = PlanRun.root.appendingPathComponent("instances/tiny.json").path
        let out = dir.appendingPathComponent("p").path
        #expect(try PlanRun(["solve", tiny, "--out", out]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/assignments.csv"))
        let run = try PlanRun(["solve", bretagne, "--out", out, "--glpk-memory-limit", "1"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("memory allocation limit exceeded"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/assignments.csv")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["p"])
    }
}
