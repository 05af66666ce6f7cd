// CommandTests: the built `plan` executable, end to end: exit statuses, files written or not,
// identical bytes on a rerun.
import Foundation
import Testing

/// Runs the `plan` executable built next to the test bundle.
struct PlanRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The `plan` executable of this build: next to the test binary (Linux runs the
    /// `…PackageTests.xctest` executable itself), next to the loaded `.xctest` bundle (macOS loads
    /// the bundle into `xctest` or `swiftpm-testing-helper`), or under this package's `.build` for
    /// the configuration compiled; the first that exists.
    static let executable: URL = {
        var folders: [URL] = []
        #if os(Linux)
        folders.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
        #endif
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        folders.append(argument0.deletingLastPathComponent())
        // A bundle `….xctest` (macOS): `plan` is beside the bundle, in the build folder.
        let bundles = (Bundle.allBundles + [Bundle.main]).map(\.bundleURL)
            + CommandLine.arguments.map { URL(fileURLWithPath: $0) }
        for url in bundles {
            var u = url.resolvingSymlinksInPath()
            while u.pathComponents.count > 1 {
                if u.pathExtension == "xctest" { folders.append(u.deletingLastPathComponent()); break }
                u = u.deletingLastPathComponent()
            }
        }
        #if DEBUG
        let configuration = "debug"
        #else
        let configuration = "release"
        #endif
        folders.append(root.appendingPathComponent(".build/\(configuration)"))
        for folder in folders {
            let candidate = folder.appendingPathComponent("plan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return folders[0].appendingPathComponent("plan")
    }()

    /// The tests' environment with an English locale, so that what they read does not depend on
    /// the machine's (plan speaks French where the locale is French).
    static let environment: [String: String] = {
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C.UTF-8"
        return env
    }()

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `plan` with `arguments`, reading its stdout and stderr at the same time (a child that
    /// fills one pipe while the parent waits on the other would block for ever). A run that lasts
    /// more than `timeout` seconds is killed and recorded as a test failure.
    init(_ arguments: [String], in directory: URL? = nil, timeout: TimeInterval = 600,
         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = Self.environment
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let group = DispatchGroup()
        let o = Drained(out.fileHandleForReading, group), e = Drained(err.fileHandleForReading, group)
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            Issue.record("plan \(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s; killed",
                         sourceLocation: sourceLocation)
            group.wait()
        }
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: o.data, as: UTF8.self)
        stderr = String(decoding: e.data, as: UTF8.self)
    }
}

/// Everything a pipe gives until its end, read on a thread of its own.
final class Drained: @unchecked Sendable {
    /// Read only after the group has been left (the wait orders the accesses).
    private(set) var data = Data()

    init(_ handle: FileHandle, _ group: DispatchGroup) {
        group.enter()
        Thread {
            self.data = handle.readDataToEndOfFile()
            group.leave()
        }.start()
    }
}

func scratchFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-cli-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite(.serialized) struct CommandTests {
    static let tinyPath = PlanRun.root.appendingPathComponent("instances/tiny.json").path
    var tiny: String { Self.tinyPath }

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

    @Test func theSummarySpeaksThePlannersLanguage() throws {
        let dir = try scratchFolder("summary")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try PlanRun(["solve", tiny, "--out", dir.appendingPathComponent("a").path])
        #expect(run.stdout.contains("status: optimal, the best plan possible (proven)"))
        #expect(run.stdout.contains("placed: 4 of 6 learners, 2 in person and 2 remote; 2 without a seat (2 with no eligible session"))
        #expect(run.stdout.contains("gap: 0%"))
        #expect(!run.stdout.contains("nonzeros"), "solver figures only with --verbose")
        let verbose = try PlanRun(["solve", tiny, "--out", dir.appendingPathComponent("b").path, "--verbose"])
        #expect(verbose.stdout.contains("model: ") && verbose.stdout.contains("nonzeros") && verbose.stdout.contains("time: load"))
    }

    @Test func theLanguageIsFrenchWhenAskedOrWhenTheLocaleIs() throws {
        let dir = try scratchFolder("lang")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try PlanRun(["solve", tiny, "--out", dir.appendingPathComponent("a").path, "--lang", "fr"])
        #expect(run.stdout.contains("statut : optimal, le meilleur plan possible (prouvé)"))
        #expect(run.stdout.contains("placés : 4 apprenants sur 6, 2 en présentiel et 2 à distance ; 2 sans place (2 sans session admissible"))
        let csv = try String(contentsOf: dir.appendingPathComponent("a/assignments.csv"), encoding: .utf8)
        #expect(csv.contains("aucune session du parcours de 280 h dans le département 35"))
        #expect(csv.hasPrefix("learner,structure,path_hours,status,"), "codes and headers keep the specification's words")
        let english = try String(contentsOf: dir.appendingPathComponent("a/summary.json"), encoding: .utf8)
        #expect(english.contains("\"status\": \"optimal\""))
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
        process.environment = PlanRun.environment
        process.arguments = ["solve", instance, "--out", dir.path + "/p"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
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
        process.environment = PlanRun.environment
        process.arguments = ["solve", instance, "--out", dir.path + "/p"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
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

    /// tiny.json with two slips: a misspelt key (learners[5].availabelFrom) and an unknown
    /// structure (learners[3].structure).
    static func misspeltTiny(in dir: URL) throws -> URL {
        let file = dir.appendingPathComponent("bad.json")
        var text = try String(contentsOfFile: tinyPath, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"availableFrom\": \"2027-01-05\"", with: "\"availabelFrom\": \"2027-01-05\"")
        text = text.replacingOccurrences(of: "\"structure\": \"H-3\"", with: "\"structure\": \"H-9\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func anInvalidInstanceExits65AndWritesNothing() throws {
        let dir = try scratchFolder("invalid")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.misspeltTiny(in: dir)
        for command in ["validate", "solve"] {
            let run = try PlanRun([command, file.path, "--out", dir.appendingPathComponent("out").path].prefix(command == "solve" ? 4 : 2).map { $0 })
            #expect(run.status == 65)
            #expect(run.stderr.contains("learners[5].availabelFrom"))
            #expect(run.stderr.contains("learners[3].structure"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    /// With `--lang fr` (or a French locale) the problems of an instance are said in French, for
    /// validate, solve and import alike; the paths, ids and keys stay as written in the file.
    @Test func anInvalidInstanceIsExplainedInFrench() throws {
        let dir = try scratchFolder("invalid-fr")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.misspeltTiny(in: dir)
        for arguments in [["validate", file.path, "--lang", "fr"], ["solve", file.path, "--out", dir.path + "/p", "--lang", "fr"]] {
            let run = try PlanRun(arguments)
            #expect(run.status == 65)
            #expect(run.stderr.contains("instance invalide, 2 problèmes :"), "\(run.stderr)")
            #expect(run.stderr.contains("clé inconnue 'availabelFrom' ; vouliez-vous dire 'availableFrom' ?"), "\(run.stderr)")
            #expect(run.stderr.contains("structure inconnue \"H-9\" ; aucune structure ne porte cet identifiant"), "\(run.stderr)")
            #expect(run.stderr.contains("ligne "), "\(run.stderr)")
            #expect(!run.stderr.contains("expected"), "\(run.stderr)")
        }
        let valid = try PlanRun(["validate", tiny, "--lang", "fr"])
        #expect(valid.stdout.contains(" : valide") && valid.stdout.contains("apprenants : 6"), "\(valid.stdout)")
    }

    /// Far more than a pipe's buffer (64 KiB) on stderr: PlanRun drains stdout and stderr at
    /// once, so the run ends instead of blocking on a full pipe.
    @Test func moreThanAPipeBufferOnStderrIsReadToTheEnd() throws {
        let dir = try scratchFolder("loud")
        defer { try? FileManager.default.removeItem(at: dir) }
        let learners = (0..<3000).map { "    { \"id\": \"L-\($0)\", \"structure\": \"H-MISSING\", \"path\": 105 }" }
        let text = "{\n  \"organisations\": [], \"sites\": [], \"sessions\": [], \"structures\": [],\n  \"learners\": [\n"
            + learners.joined(separator: ",\n") + "\n  ]\n}\n"
        let file = dir.appendingPathComponent("loud.json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let run = try PlanRun(["validate", file.path], timeout: 120)
        #expect(run.status == 65)
        #expect(run.stderr.utf8.count > 65_536, "only \(run.stderr.utf8.count) bytes on stderr")
        #expect(run.stderr.contains("3000 problems"))
        #expect(run.stderr.contains("learners[0].structure"))
        #expect(run.stderr.contains("learners[2999].structure"))
    }

    @Test func theExecutableIsFoundBesideTheTests() {
        #expect(FileManager.default.isExecutableFile(atPath: PlanRun.executable.path), "\(PlanRun.executable.path)")
        #expect(PlanRun.executable.lastPathComponent == "plan")
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
        // plan validate finds it too.
        let validate = try PlanRun(["validate", file.path])
        #expect(validate.status == 3, "\(validate.stderr)")
        #expect(validate.stderr.contains("capacity: session S-105-A has 3 pinned in_person learners for 2 seats"))
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
