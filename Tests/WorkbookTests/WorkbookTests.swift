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

/// Damaged workbooks: bytes changed, cut or inserted at random in a real one. Reading never
/// crashes; it gives a workbook or a `WorkbookError`. `PLAN_WORKBOOK_FUZZ_CASES` sets how many.
@Suite struct WorkbookFuzzTests {
    @Test func aDamagedWorkbookIsReadOrRefusedNeverACrash() throws {
        let original = try Data(contentsOf: WorkbookTests.fixtures.appendingPathComponent("openpyxl.xlsx"))
        let cases = Int(ProcessInfo.processInfo.environment["PLAN_WORKBOOK_FUZZ_CASES"] ?? "") ?? 300
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(1, n)))
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-workbook-fuzz-\(getpid()).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        var read = 0, refused = 0
        for _ in 0..<cases {
            var bytes = [UInt8](original)
            for _ in 0...next(4) {
                switch next(3) {
                case 0: bytes[next(bytes.count)] = UInt8(next(256))
                case 1: bytes.removeSubrange(next(bytes.count)..<bytes.count)
                default: bytes.insert(UInt8(next(256)), at: next(bytes.count))
                }
                if bytes.isEmpty { bytes = [0] }
            }
            try Data(bytes).write(to: url)
            do {
                _ = try Workbook.read(url)
                read += 1
            } catch {
                refused += 1
            }
        }
        #expect(read + refused == cases)
        #expect(refused > 0, "the damage never showed: \(read) read")
    }

    /// The XML inside damaged instead of the archive: characters changed, cut or repeated, cell
    /// references, shared-string indexes and styles out of range. Always read or refused.
    @Test func damagedXMLPartsAreReadOrRefusedNeverACrash() throws {
        var parts = WorkbookTests.sample.parts()
        parts.append(("xl/sharedStrings.xml", #"<sst xmlns="\#(Workbook.main)"><si><t>a</t></si><si><r><t>b</t></r></si></sst>"#))
        parts[parts.firstIndex { $0.0 == "xl/worksheets/sheet2.xml" }!].1 = Workbook.header + #"<worksheet xmlns="\#(Workbook.main)"><sheetData>"#
            + #"<row r="1"><c r="A1" t="s"><v>1</v></c><c r="XFD1" t="s"><v>99999</v></c><c r="B1" s="7"><v>1e3</v></c></row>"#
            + #"<row r="0"><c r="A0" t="s"><v>-1</v></c></row><row r="1048577"><c t="inlineStr"><is></is></c></row></sheetData></worksheet>"#
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-workbook-xml-fuzz-\(getpid()).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(1, n)))
        }
        let alphabet = Array(#"<>/="'&;0123456789AZaz:_x -"#)
        var read = 0, refused = 0
        for _ in 0..<400 {
            var damaged = parts
            let k = next(damaged.count)
            var text = Array(damaged[k].1)
            for _ in 0...next(6) where !text.isEmpty {
                let at = next(text.count)
                switch next(3) {
                case 0: text[at] = alphabet[next(alphabet.count)]
                case 1: text.removeSubrange(at..<min(text.count, at + next(40)))
                default: text.insert(contentsOf: text[at..<min(text.count, at + next(40))], at: at)
                }
            }
            damaged[k].1 = String(text)
            try Workbook.archive(damaged).write(to: url)
            do {
                _ = try Workbook.read(url)
                read += 1
            } catch {
                refused += 1
            }
        }
        #expect(read > 0 && refused > 0, "\(read) read, \(refused) refused")
    }
}
