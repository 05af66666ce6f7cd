// TemplatesCommandTests: plan export and plan import from the command line, as CSV files and as
// one Excel workbook: the two round trips give the same instance file, and a broken workbook is
// refused with its sheet, row and column, nothing written (exit 65).
import Foundation
import Testing

@Suite struct TemplatesCommandTests {
    @Test func aWorkbookRoundTripGivesTheSameInstanceAsTheCSVFiles() throws {
        let dir = try scratchFolder("templates")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bretagne = PlanRun.root.appendingPathComponent("instances/bretagne.json").path
        let book = dir.appendingPathComponent("bretagne.xlsx").path, folder = dir.appendingPathComponent("csv").path
        #expect(try PlanRun(["export", bretagne, "--out", book]).status == 0)
        #expect(try PlanRun(["export", bretagne, "--out", folder, "--csv", "excel-fr"]).status == 0)
        let fromBook = dir.appendingPathComponent("from-book.json").path, fromCSV = dir.appendingPathComponent("from-csv.json").path
        let run = try PlanRun(["import", book, "--out", fromBook])
        #expect(run.status == 0 && run.stdout.contains("instance written to"), "\(run.stderr)")
        #expect(try PlanRun(["import", folder, "--out", fromCSV]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: fromBook)) == Data(contentsOf: URL(fileURLWithPath: fromCSV)))
        #expect(try PlanRun(["validate", fromBook]).status == 0)
    }

    @Test func aFileThatIsNotAWorkbookIsRefused() throws {
        let dir = try scratchFolder("not-a-workbook")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fake = dir.appendingPathComponent("fake.xlsx")
        try Data("id;name\r\n".utf8).write(to: fake)
        let out = dir.appendingPathComponent("out.json").path
        let run = try PlanRun(["import", fake.path, "--out", out, "--lang", "fr"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("fake.xlsx") && run.stderr.contains("les modèles ne font pas une instance valide")
                && run.stderr.contains("pas un classeur Excel (.xlsx)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
