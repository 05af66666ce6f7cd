// Workbook: spreadsheets as Excel keeps them (XLSX, Office Open XML), read and written without
// Excel: a zip archive (ZIPFoundation) of XML parts (Foundation's XMLParser). Only what plan's
// templates need: sheets of cells holding text, numbers (dates among them) and booleans.
import Foundation

/// A cell's value.
public enum Cell: Equatable, Sendable {
    case empty
    case text(String)
    /// A number; `date` when the cell's format shows it as a date (Excel keeps dates as numbers).
    case number(Double, date: Bool)
    case bool(Bool)
}

/// A sheet: its name and its rows, each as long as the row's last cell (missing cells are `.empty`).
public struct Sheet: Sendable {
    public var name: String
    public var rows: [[Cell]]

    public init(name: String, rows: [[Cell]]) {
        self.name = name
        self.rows = rows
    }
}

/// A workbook: its sheets in order, and whether its dates count from 1904 (old Mac Excel).
public struct Workbook: Sendable {
    public var sheets: [Sheet]
    public var dates1904: Bool

    public init(sheets: [Sheet], dates1904: Bool = false) {
        self.sheets = sheets
        self.dates1904 = dates1904
    }

    /// The sheet named `name`, ignoring case.
    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name.lowercased() == name.lowercased() } }

    /// The days from 1970-01-01 to the date of an Excel date number (its time of day dropped):
    /// Excel counts days from 1899-12-30 (the 1900 system, whose day 60 is the 29 February 1900
    /// that never was, so that this holds from 1 March 1900 on) or from 1904-01-01.
    public func daysSince1970(_ serial: Double) -> Int {
        Int(serial.rounded(.down)) + (dates1904 ? 1462 : 0) - 25569
    }
}

/// Why a file cannot be read as a workbook, or a workbook written.
public enum WorkbookError: Error, Sendable, CustomStringConvertible {
    /// Not a zip archive (the detail is the archive library's).
    case notAnArchive(String)
    /// A zip archive without the workbook part (`xl/workbook.xml`).
    case noWorkbookPart
    /// A sheet the workbook lists whose part is missing or is not XML.
    case unreadableSheet(String)
    /// The archive could not be made.
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .notAnArchive(let detail): return "not an Excel workbook (.xlsx): \(detail)"
        case .noWorkbookPart: return "not an Excel workbook (.xlsx): no xl/workbook.xml inside"
        case .unreadableSheet(let name): return "sheet \(name) cannot be read"
        case .cannotWrite(let detail): return "the workbook cannot be written: \(detail)"
        }
    }
}
