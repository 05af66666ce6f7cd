// CommandTests: the built `plan` executable, end to end: exit statuses, files written or not,
// identical bytes on a rerun.
import Foundation
import Testing

/// Runs the `plan` executable built next to the test bundle.
struct PlanRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static let executable: URL = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("plan")
    }()

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    init(_ arguments: [String], in directory: URL? = nil) throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: o, as: UTF8.self)
        stderr = String(decoding: e, as: UTF8.self)
    }
}

func scratchFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-cli-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite(.serialized) struct CommandTests {
    let tiny = PlanRun.root.appendingPathComponent("instances/tiny.json").path

    @Test func validateCountsWhatTheInstanceOffers() throws {
        let run = try PlanRun(["validate", tiny])
        #expect(run.status == 0)
        #expect(run.stdout.contains("learners: 6"))
        #expect(run.stdout.contains("sessions: 2"))
        #expect(run.stdout.contains("eligible (learner, session, mode): 10"))
        #expect(run.stdout.contains("L-5: no session of the 280 h path in territory 35"))
    }

    @Test func solveWritesFourFilesAndTheSameBytesTwice() throws {
        let dir = try scratchFolder("solve")
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try PlanRun(["solve", tiny, "--out", dir.appendingPathComponent("a").path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("status: optimal"))
        let second = try PlanRun(["solve", tiny, "--out", dir.appendingPathComponent("b").path])
        #expect(second.status == 0)
        for name in ["assignments.csv", "timetable.csv", "sessions.csv", "summary.json"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("a/\(name)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("b/\(name)"))
            #expect(a == b, "\(name) differs between two runs")
        }
        // Nothing else is left beside the folders.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a", "b"])
    }

    @Test func excelFrenchDialectAndTheExtraFiles() throws {
        let dir = try scratchFolder("excel")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try PlanRun(["solve", tiny, "--out", dir.path + "/p", "--csv", "excel-fr"])
        #expect(run.status == 0)
        let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent("p/assignments.csv")))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("learner;structure;".utf8)))
        for name in ["rosters.csv", "invitations.csv"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("p/\(name)").path))
        }
        #expect(try PlanRun(["solve", tiny, "--out", dir.path + "/q", "--csv", "excel"]).status == 64)
    }

    @Test func icsAddsCalendarsAndAStoppedSolveStillWritesAPlan() throws {
        let dir = try scratchFolder("ics")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try PlanRun(["solve", tiny, "--out", dir.path + "/p", "--ics", "--quiet", "--report", dir.path + "/r/report.html"])
        #expect(run.status == 0)
        let html = try String(contentsOf: dir.appendingPathComponent("r/report.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("L-5"))
        let text = try String(contentsOf: dir.appendingPathComponent("p/calendars/learners/L-1.ics"), encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
        // A plan folder with calendars is ours: it may be replaced.
        #expect(try PlanRun(["solve", tiny, "--out", dir.path + "/p"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("p/calendars").path))
    }

    /// Ctrl-C stops the search and writes the best plan so far; GLPK's output never reaches stdout.
    @Test func sigintWritesTheBestPlanSoFar() throws {
        let dir = try scratchFolder("sigint")
        defer { try? FileManager.default.removeItem(at: dir) }
        // A regional instance (Corsica) whose search takes about a second.
        let instance = dir.appendingPathComponent("r.json").path
        #expect(try PlanRun(["generate", "--learners", "500", "--seed", "5", "--profile", "regional", "--out", instance]).status == 0)
        let process = Process()
        process.executableURL = PlanRun.executable
        process.arguments = ["solve", instance, "--out", dir.path + "/p"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 0.8)
        process.interrupt()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // Either the search was stopped, or it had already finished: a plan is written either way.
        #expect(stdout.contains("status: interrupted") || stdout.contains("status: optimal"))
        #expect(!stdout.contains("GLPK"))
        let check = try PlanRun(["check", instance, dir.path + "/p"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    /// A second Ctrl-C leaves at once: exit 130, no folder, no staging folder.
    @Test func aSecondSigintQuitsWithoutWriting() throws {
        let dir = try scratchFolder("sigint2")
        defer { try? FileManager.default.removeItem(at: dir) }
        // National, 5,000 learners: its first linear program alone takes many seconds.
        let instance = dir.appendingPathComponent("n.json").path
        #expect(try PlanRun(["generate", "--learners", "5000", "--seed", "1", "--profile", "national", "--out", instance]).status == 0)
        let process = Process()
        process.executableURL = PlanRun.executable
        process.arguments = ["solve", instance, "--out", dir.path + "/p"]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        process.interrupt()
        Thread.sleep(forTimeInterval: 0.3)
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["n.json"])
    }

    @Test func solveDefaultsToPlansSlashInstanceName() throws {
        let dir = try scratchFolder("default")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try PlanRun(["solve", tiny], in: dir)
        #expect(run.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("plans/tiny/summary.json").path))
    }

    @Test func anInvalidInstanceExits65AndWritesNothing() throws {
        let dir = try scratchFolder("invalid")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.json")
        var text = try String(contentsOfFile: tiny, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"availableFrom\": \"2027-01-05\"", with: "\"availabelFrom\": \"2027-01-05\"")
        text = text.replacingOccurrences(of: "\"structure\": \"H-3\"", with: "\"structure\": \"H-9\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        for command in ["validate", "solve"] {
            let run = try PlanRun([command, file.path, "--out", dir.appendingPathComponent("out").path].prefix(command == "solve" ? 4 : 2).map { $0 })
            #expect(run.status == 65)
            #expect(run.stderr.contains("learners[5].availabelFrom"))
            #expect(run.stderr.contains("learners[3].structure"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func aSyntaxErrorGivesLineAndColumn() throws {
        let dir = try scratchFolder("syntax")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("broken.json")
        try "{\n  \"learners\": [\n    { \"id\": \"L-1\" \n  ]\n}\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try PlanRun(["validate", file.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("$"))
        #expect(run.stderr.contains("line 4, column 3"))
    }

    @Test func pinnedLearnersAboveCapacityExit3AndWriteNothing() throws {
        let dir = try scratchFolder("infeasible")
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOfFile: tiny, encoding: .utf8)
        for id in ["L-1", "L-2", "L-3"] {
            text = text.replacingOccurrences(
                of: "\"id\": \"\(id)\", \"structure\"",
                with: "\"id\": \"\(id)\", \"assigned\": { \"session\": \"S-105-A\", \"mode\": \"inPerson\" }, \"structure\"")
        }
        let file = dir.appendingPathComponent("pinned.json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let run = try PlanRun(["solve", file.path, "--out", out.path])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("capacity"))
        #expect(run.stderr.contains("L-1, L-2, L-3"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test(arguments: [["solve"], ["solve", "x.json", "--gap", "-1"], ["solve", "x.json", "--time-limit", "0"], ["frobnicate"]])
    func badUsageExits64(arguments: [String]) throws {
        let run = try PlanRun(arguments)
        #expect(run.status == 64)
    }

    @Test func aMissingFileExits1() throws {
        let run = try PlanRun(["validate", "/nonexistent/instance.json"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot read"))
    }

    @Test func aFolderWithOtherFilesIsNotReplaced() throws {
        let dir = try scratchFolder("foreign")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "keep me".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let run = try PlanRun(["solve", tiny, "--out", out.path])
        #expect(run.status == 1)
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
        // An earlier plan folder is replaced.
        let plan = dir.appendingPathComponent("plan")
        #expect(try PlanRun(["solve", tiny, "--out", plan.path]).status == 0)
        #expect(try PlanRun(["solve", tiny, "--out", plan.path]).status == 0)
    }
}
