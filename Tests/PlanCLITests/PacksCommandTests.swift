// PacksCommandTests: `plan solve --packs` and `plan apply --packs` write packs/ into the plan
// folder (a folder per organisation with a running session and per structure with an assigned
// learner, attendance sheets included), the same bytes on a rerun, in the dialect of --csv; and
// without --packs there is no packs/ folder, even where an earlier run wrote one.
import Foundation
import Testing

@Suite(.serialized) struct PacksCommandTests {
    let tiny = PlanRun.root.appendingPathComponent("instances/tiny.json").path

    /// Every file under `folder`, by relative path, with its bytes.
    static func contents(of folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let root = folder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            out[String(url.standardizedFileURL.path.dropFirst(root.count + 1))] = try Data(contentsOf: url)
        }
        return out
    }

    @Test func solveWithPacksWritesThemAndWithoutDoesNot() throws {
        let dir = try scratchFolder("packs")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("p")
        let run = try PlanRun(["solve", tiny, "--packs", "--out", plan.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try Self.contents(of: plan.appendingPathComponent("packs"))
        #expect(Set(files.keys) == [
            "organisations/OF-TEST/sessions.csv", "organisations/OF-TEST/rosters.csv", "organisations/OF-TEST/timetable.csv",
            "organisations/OF-TEST/invitations.csv",
            "organisations/OF-TEST/attendance/S-105-A-2027-W01.html", "organisations/OF-TEST/attendance/S-105-A-2027-W02.html",
            "organisations/OF-TEST/attendance/S-105-A-2027-W03.html", "organisations/OF-TEST/attendance/S-105-A-2027-W04.html",
            "organisations/OF-TEST/attendance/S-105-R-2027-W02.html", "organisations/OF-TEST/attendance/S-105-R-2027-W03.html",
            "organisations/OF-TEST/attendance/S-105-R-2027-W04.html", "organisations/OF-TEST/attendance/S-105-R-2027-W05.html",
            "structures/H-1/assignments.csv", "structures/H-1/timetable.csv", "structures/H-1/invitations.csv",
            "structures/H-2/assignments.csv", "structures/H-2/timetable.csv", "structures/H-2/invitations.csv",
        ])
        // One organisation: its sessions, rosters and timetable are the whole files.
        for name in ["sessions.csv", "rosters.csv", "timetable.csv", "invitations.csv"] {
            #expect(files["organisations/OF-TEST/\(name)"] == (try Data(contentsOf: plan.appendingPathComponent(name))), "\(name)")
        }
        let h2 = String(decoding: try #require(files["structures/H-2/assignments.csv"]), as: UTF8.self)
        #expect(h2 == "learner,structure,path_hours,status,organisation,session,mode,site,start,end,travel_km,waiting_days,reason\r\n"
            + "L-3,H-2,105,assigned,OF-TEST,S-105-A,remote,,2027-01-04,2027-01-27,,0,\r\n"
            + "L-5,H-2,280,unassigned,,,,,,,,,no session of the 280 h path in territory 35\r\n")
        let sheet = String(decoding: try #require(files["organisations/OF-TEST/attendance/S-105-A-2027-W01.html"]), as: UTF8.self)
        #expect(sheet.contains("Feuille d&#39;émargement") && sheet.contains("<td class=\"id\">L-1</td>"))
        #expect(try PlanRun(["check", tiny, plan.path]).status == 0)

        // A folder with packs is plan's own: a rerun replaces it, with the same bytes.
        #expect(try PlanRun(["solve", tiny, "--packs", "--out", plan.path, "--quiet"]).status == 0)
        #expect(try Self.contents(of: plan.appendingPathComponent("packs")) == files)
        // Without --packs, no packs/ folder.
        #expect(try PlanRun(["solve", tiny, "--out", plan.path, "--quiet"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: plan.appendingPathComponent("packs").path))
        #expect(FileManager.default.fileExists(atPath: plan.appendingPathComponent("assignments.csv").path))
    }

    @Test func applyWithPacksWritesThemInItsDialect() throws {
        let dir = try scratchFolder("apply-packs")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("p")
        #expect(try PlanRun(["solve", tiny, "--out", plan.path, "--quiet"]).status == 0)
        let out = dir.appendingPathComponent("applied")
        let run = try PlanRun(["apply", tiny, plan.appendingPathComponent("assignments.csv").path, "--out", out.path,
                               "--csv", "excel-fr", "--packs"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try Self.contents(of: out.appendingPathComponent("packs"))
        #expect(files.keys.filter { $0.hasPrefix("organisations/OF-TEST/attendance/") }.count == 8)
        for (name, data) in files where name.hasSuffix(".csv") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.hasPrefix("\u{FEFF}") && text.contains(";"), "\(name) is not in French Excel's dialect")
        }
        #expect(files["structures/H-1/timetable.csv"].map { String(decoding: $0, as: UTF8.self) }?
            .contains("2027-01-11;L-6;H-1;training_remote;S-105-R;OF-TEST;;7") == true)
        #expect(!FileManager.default.fileExists(atPath: plan.appendingPathComponent("packs").path))
    }
}
