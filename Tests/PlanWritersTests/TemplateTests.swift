// TemplateTests: an instance as spreadsheet templates: export then import gives the same instance
// (in both CSV dialects), and every problem in the templates is located by file, line and column.
import Foundation
import PlanDomain
import PlanTestSupport
import PlanWriters
import Testing
@testable import PlanWriters
import Workbook

@Suite struct TemplateTests {
    /// A JSON value in a canonical text: keys sorted, null members dropped (an optional key given
    /// as null is an absent one) except where null means something (`defaults.maxTravelKm`),
    /// empty lists dropped (every optional list defaults to empty; an empty cell stands for both),
    /// numbers by value.
    static func canonical(_ node: JSON, path: String = "") -> String {
        switch node {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let x, _): return formatNumber(x)
        case .string(let s): return jsonStringLiteral(s)
        case .array(let items): return "[" + items.map { canonical($0.value, path: path) }.joined(separator: ",") + "]"
        case .object(let members):
            let kept = members.filter { m in
                if case .null = m.value.value { return path + m.key == "defaults.maxTravelKm" }
                if case .array(let items) = m.value.value, items.isEmpty { return false }
                return true
            }.sorted { $0.key < $1.key }
            return "{" + kept.map { jsonStringLiteral($0.key) + ":" + canonical($0.value.value, path: path + $0.key + ".") }
                .joined(separator: ",") + "}"
        }
    }

    static func canonical(_ text: [UInt8]) throws -> String {
        var body = text
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        return canonical(try JSONParser.parse(body).value)
    }

    /// Writes files into a fresh folder.
    static func folder(_ files: [(name: String, contents: String)], _ tag: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-templates-\(tag)-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for f in files { try Data(f.contents.utf8).write(to: dir.appendingPathComponent(f.name)) }
        return dir
    }

    @Test(arguments: ["tiny", "bretagne"], CSVDialect.allCases)
    func exportThenImportGivesTheSameInstance(name: String, dialect: CSVDialect) throws {
        let original = try Data(contentsOf: Repository.root.appendingPathComponent("instances/\(name).json"))
        let files = try TemplateExport.render(Array(original), dialect: dialect)
        #expect(files.map(\.name) == Templates.fileNames)
        let dir = try Self.folder(files, "\(name)-\(dialect.rawValue)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let imported = try TemplateImport.read(dir)
        #expect(try Self.canonical(Array(imported.utf8)) == Self.canonical(Array(original)))
    }

    @Test func everyProblemIsLocatedInTheTemplates() throws {
        let original = try Data(contentsOf: Repository.root.appendingPathComponent("instances/tiny.json"))
        var files = try TemplateExport.render(Array(original))
        func edit(_ name: String, _ change: (String) -> String) {
            let k = files.firstIndex { $0.name == name }!
            files[k].contents = change(files[k].contents)
        }
        edit("learners.csv") { $0.replacingOccurrences(of: "L-2,,H-1,", with: "L-2,,H-9,") }
        edit("sessions.csv") { $0.replacingOccurrences(of: "S-105-R,OF-TEST,,105,2027-01-11,,,,0,5,", with: "S-105-R,OF-TEST,,105,2027-01-11,,,,0,cinq,") }
        edit("settings.csv") { $0.replacingOccurrences(of: "weights.remote,", with: "weights.remote,-3") }
        let dir = try Self.folder(files, "errors")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try TemplateImport.read(dir)
            Issue.record("a broken template was imported")
        } catch {
            let text = error.issues.map(\.description)
            #expect(text.contains { $0.hasPrefix("learners.csv line 3, column 3 (structure):") }, "\(text)")
            #expect(text.contains { $0.hasPrefix("sessions.csv line 3, column 10 (capacity_remote):") }, "\(text)")
            #expect(text.contains { $0.hasPrefix("settings.csv line") && $0.contains("column 2 (value)") }, "\(text)")
        }
    }

    @Test func unknownColumnsAndRowsOfTheWrongWidthAreRefused() throws {
        let original = try Data(contentsOf: Repository.root.appendingPathComponent("instances/tiny.json"))
        var files = try TemplateExport.render(Array(original))
        let k = files.firstIndex { $0.name == "structures.csv" }!
        files[k].contents = files[k].contents.replacingOccurrences(of: "maxAbsent", with: "maxAbsnet")
        let l = files.firstIndex { $0.name == "sites.csv" }!
        files[l].contents += "ONLY,TWO\r\n"
        files.removeAll { $0.name == "organisations.csv" }
        let dir = try Self.folder(files, "columns")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect {
            _ = try TemplateImport.read(dir)
        } throws: { error in
            let text = (error as! LocatedProblems).issues.map(\.description)
            return text == ["organisations.csv: missing in \(dir.path) (a header row is enough for an empty list)"]
        }
        try Data(try TemplateExport.render(Array(original)).first { $0.name == "organisations.csv" }!.contents.utf8)
            .write(to: dir.appendingPathComponent("organisations.csv"))
        #expect {
            _ = try TemplateImport.read(dir)
        } throws: { error in
            let text = (error as! LocatedProblems).issues.map(\.description)
            return text.contains { $0.hasPrefix("structures.csv line 1, column 8 (maxAbsnet): unknown column") }
                && text.contains("sites.csv line 3: 2 fields where the header has 5")
        }
    }
}

/// The templates as one Excel workbook: written by `plan export`, kept by a planner in Excel
/// (typed dates and numbers, reordered columns, blank rows), read back to the same instance.
@Suite struct TemplateWorkbookTests {
    static let fixtures = Repository.root.appendingPathComponent("Tests/WorkbookTests/Fixtures")

    static func file(_ tag: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("plan-workbook-\(tag)-\(getpid()).xlsx")
    }

    @Test(arguments: ["tiny", "bretagne"])
    func exportThenImportGivesTheSameInstance(name: String) throws {
        let original = try Data(contentsOf: Repository.root.appendingPathComponent("instances/\(name).json"))
        let book = try TemplateExport.workbook(Array(original))
        #expect(book.sheets.map { $0.name + ".csv" } == Templates.fileNames)
        let url = Self.file(name)
        defer { try? FileManager.default.removeItem(at: url) }
        try book.xlsx().write(to: url)
        let imported = try TemplateImport.read(workbook: url)
        #expect(try TemplateTests.canonical(Array(imported.utf8)) == TemplateTests.canonical(Array(original)))
    }

    @Test func aWorkbookKeptInExcelImportsToTheInstance() throws {
        let imported = try TemplateImport.read(workbook: Self.fixtures.appendingPathComponent("tiny-typed.xlsx"))
        var original = try String(contentsOf: Repository.root.appendingPathComponent("instances/tiny.json"), encoding: .utf8)
        // The workbook has no settings sheet, so no name.
        original = original.replacingOccurrences(of: "\"name\": \"Tiny: six learners, two sessions\",", with: "")
        #expect(try TemplateTests.canonical(Array(imported.utf8)) == TemplateTests.canonical(Array(original.utf8)))
    }

    @Test func aTerritoryTypedAsANumberGetsItsLeadingZeroBack() {
        let book = Workbook(sheets: [])
        #expect(TemplateImport.text(.number(1, date: false), column: "territory", book) == "01")
        #expect(TemplateImport.text(.number(35, date: false), column: "territories", book) == "35")
        #expect(TemplateImport.text(.number(1, date: false), column: "maxAbsent", book) == "1")
        #expect(TemplateImport.text(.number(46392, date: true), column: "start", book) == "2027-01-05")
        #expect(TemplateImport.text(.number(48.1113, date: false), column: "lat", book) == "48.1113")
    }

    @Test func everyProblemIsLocatedBySheetRowAndColumn() throws {
        let original = try Data(contentsOf: Repository.root.appendingPathComponent("instances/tiny.json"))
        var book = try TemplateExport.workbook(Array(original))
        let learners = book.sheets.firstIndex { $0.name == "learners" }!
        book.sheets[learners].rows[2][2] = .text("H-9")
        book.sheets.removeAll { $0.name == "sites" }
        let url = Self.file("errors")
        defer { try? FileManager.default.removeItem(at: url) }
        try book.xlsx().write(to: url)
        #expect {
            _ = try TemplateImport.read(workbook: url)
        } throws: { error in
            let text = (error as! LocatedProblems).issues.map(\.description)
            return text == ["\(url.lastPathComponent):sites: no sheet of this name (a header row is enough for an empty list)"]
        }
        book.sheets.insert(try TemplateExport.workbook(Array(original)).sheet("sites")!, at: 2)
        try book.xlsx().write(to: url)
        #expect {
            _ = try TemplateImport.read(workbook: url)
        } throws: { error in
            let text = (error as! LocatedProblems).issues.map(\.description)
            return text.count == 1 && text[0].hasPrefix("\(url.lastPathComponent):learners line 3, column 3 (structure): unknown structure")
        }
    }
}

@Suite struct ShippedInstanceTests {
    @Test func theShippedBrittanyTemplatesImportToTheShippedInstance() throws {
        let original = try Data(contentsOf: Repository.root.appendingPathComponent("instances/bretagne.json"))
        let imported = try TemplateImport.read(Repository.root.appendingPathComponent("instances/bretagne-templates"))
        #expect(try TemplateTests.canonical(Array(imported.utf8)) == TemplateTests.canonical(Array(original)))
    }

    @Test func theShippedBrittanyWorkbookImportsToTheShippedInstance() throws {
        let original = try Data(contentsOf: Repository.root.appendingPathComponent("instances/bretagne.json"))
        let imported = try TemplateImport.read(workbook: Repository.root.appendingPathComponent("instances/bretagne-templates/bretagne.xlsx"))
        #expect(try TemplateTests.canonical(Array(imported.utf8)) == TemplateTests.canonical(Array(original)))
    }
}
