// WorkbookTests: .xlsx files read as other programs write them (openpyxl; parts written the way
// Excel writes them), and workbooks written by plan read back the same, by plan and by openpyxl.
import Foundation
import Testing
@testable import Workbook

@Suite struct WorkbookTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func aWorkbookWrittenByOpenpyxlIsRead() throws {
        let book = try Workbook.read(Self.fixtures.appendingPathComponent("openpyxl.xlsx"))
        #expect(book.sheets.map(\.name) == ["learners", "sites"])
        let rows = try #require(book.sheet("LEARNERS")).rows
        #expect(rows[0] == [.text("id"), .text("name"), .text("availableFrom"), .text("path"), .text("ok")])
        #expect(rows[1][1] == .text("Zoé Le Gall & fils <b>"))
        guard case .number(let serial, date: true) = rows[1][2] else { Issue.record("\(rows[1][2])"); return }
        #expect(book.daysSince1970(serial) == 20823, "2027-01-05")
        #expect(rows[1][3] == .number(105, date: false) && rows[1][4] == .bool(true))
        #expect(rows[2][1] == .empty && rows[2][3] == .number(280.5, date: false) && rows[2][4] == .bool(false))
        guard case .number(let serial2, date: true) = rows[2][2] else { Issue.record("\(rows[2][2])"); return }
        #expect(book.daysSince1970(serial2) == 20877, "2027-02-28")
        #expect(rows[3] == [], "row 4 is missing in the file: an empty row")
        #expect(rows[4] == [.text("after a gap"), .empty, .text("2027-03-01")])
        #expect(book.sheet("sites")?.rows[1] == [.text("S-1"), .number(48.117, date: false)])
    }

    @Test func sharedStringsRichTextCustomDateFormatsAndEscapesAreRead() throws {
        let book = try Workbook.read(Self.fixtures.appendingPathComponent("excel-like.xlsx"))
        #expect(book.sheets.map(\.name) == ["Structures"])
        let rows = book.sheets[0].rows
        #expect(rows[0] == [.text("id"), .text("territory"), .number(1, date: false)])
        #expect(rows[1][0] == .text("Mairie de Rennes"), "rich text runs joined, phonetic runs left out")
        #expect(rows[1][1] == .number(35, date: false), "format 4 (#,##0.00) is not a date")
        #expect(rows[1][2] == .number(46392, date: true), "dd/mm/yyyy is a date")
        #expect(rows[1].count == 4 && rows[1][3] == .text("id"), "a formula's string result; an error at the end of a row is empty, so dropped")
        #expect(rows[2] == [] && rows[3] == [.empty, .empty, .text("a\rb _x0041_")])
    }

    /// From 1 March 1900 on (serial 61; before it Excel counts a 29 February 1900 that never was).
    /// Expected: days from 1970-01-01 (1900-03-01 is 25,508 days before it; 2100-01-01 47,482 after).
    @Test(arguments: [(61.0, -25508), (25569.0, 0), (46392.0, 20823), (46446.75, 20877), (73051.0, 47482)])
    func excelDatesAreCalendarDates(serial: Double, days: Int) {
        #expect(Workbook(sheets: []).daysSince1970(serial) == days)
    }

    @Test func theDatesOf1904CountFromThatYear() {
        let book = Workbook(sheets: [], dates1904: true)
        #expect(book.daysSince1970(0) == -24107, "1904-01-01")
        #expect(book.daysSince1970(44930) == 20823, "2027-01-05")
    }

    static let sample = Workbook(sheets: [
        Sheet(name: "learners", rows: [
            [.text("id"), .text("name"), .text("path"), .text("territory")],
            [.text("L-1"), .text("Zoé & <Léa> \"quoted\" _x0041_ \u{1}"), .number(105, date: false), .text("01")],
            [],
            [.text("  spaced  "), .empty, .number(-0.25, date: false), .bool(true)],
        ]),
        Sheet(name: "sites", rows: [[.text("id")], [.text("S-1")]]),
    ])

    @Test func aWorkbookWrittenIsReadBackTheSame() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-workbook-\(getpid()).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = try Self.sample.xlsx()
        try bytes.write(to: url)
        let back = try Workbook.read(url)
        #expect(back.sheets.map(\.name) == ["learners", "sites"])
        #expect(back.sheets[0].rows == Self.sample.sheets[0].rows)
        #expect(back.sheets[1].rows == Self.sample.sheets[1].rows)
        #expect(try Self.sample.xlsx() == bytes, "the same workbook gives the same bytes")
        #expect(Workbook.columnName(0) == "A" && Workbook.columnName(25) == "Z" && Workbook.columnName(26) == "AA"
                && Workbook.columnName(701) == "ZZ" && Workbook.columnName(702) == "AAA")
        #expect(Workbook.columnIndex("AA12") == 26 && Workbook.columnIndex("ZZ1") == 701)
    }

    @Test func whatIsNotAWorkbookIsSaidSo() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-not-a-workbook-\(getpid()).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("id,name\n".utf8).write(to: url)
        #expect(throws: WorkbookError.self) { try Workbook.read(url) }
    }
}
