// WalkthroughTests: the README's walk-through runs as written: every `plan …` line of its block,
// in order, in a fresh folder beside the repository's instances, each exiting 0; between the two
// checks, a learner is moved the way a planner would in Excel.
import Foundation
import Testing

@Suite(.serialized) struct WalkthroughTests {
    /// The command lines of the README's walk-through block.
    static func commands() throws -> [[String]] {
        let readme = try String(contentsOf: PlanRun.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## A planner's walk-through (Brittany)").dropFirst().first)
        return section.components(separatedBy: "\n").prefix { !$0.hasPrefix("1. ") }
            .filter { $0.hasPrefix("    plan ") }
            .map { $0.trimmingCharacters(in: .whitespaces).split(separator: " ").dropFirst().map(String.init) }
    }

    @Test func theReadmesWalkthroughRuns() throws {
        let dir = try scratchFolder("walkthrough")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("instances"),
                                                   withDestinationURL: PlanRun.root.appendingPathComponent("instances"))
        let commands = try Self.commands()
        #expect(commands.count == 7, "\(commands)")
        for arguments in commands {
            if arguments.first == "apply" { try Self.moveALearner(in: dir.appendingPathComponent("plans/bretagne/assignments.csv")) }
            let run = try PlanRun(arguments, in: dir)
            #expect(run.status == 0, "plan \(arguments.joined(separator: " ")): \(run.stderr)")
        }
        let csv = try Data(contentsOf: dir.appendingPathComponent("bretagne.json"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("bretagne-excel.json")) == csv, "the workbook and the CSV files are the same instance")
        let edited = try String(contentsOf: dir.appendingPathComponent("plans/bretagne-edited/summary.json"), encoding: .utf8)
        #expect(edited.contains("\"status\": \"feasible\""), "the edit costs something: \(edited)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("plans/bretagne-edited/packs/organisations").path))
    }

    /// What a planner does in Excel: a learner placed remote in a session with room for one more
    /// of its kind is given no seat instead (always allowed unless it drops a session below its
    /// minimum; the first such row whose session keeps enough participants is taken).
    static func moveALearner(in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        var lines = text.components(separatedBy: "\r\n")
        var count: [String: Int] = [:]
        for line in lines.dropFirst() where line.contains(";assigned;") { count[line.components(separatedBy: ";")[5], default: 0] += 1 }
        let k = try #require(lines.indices.first { k in
            let f = lines[k].components(separatedBy: ";")
            return f.count >= 13 && f[3] == "assigned" && f[6] == "remote" && count[f[5], default: 0] > 12
        })
        var f = lines[k].components(separatedBy: ";")
        f[3] = "unassigned"
        for c in 4..<13 { f[c] = "" }
        lines[k] = f.joined(separator: ";")
        try lines.joined(separator: "\r\n").write(to: file, atomically: true, encoding: .utf8)
    }
}
