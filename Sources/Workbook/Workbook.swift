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

    /// The calendar date (year, month, day) of an Excel date number: days since 1899-12-30 (the
    /// 1900 system, whose day 60 is the 29 February 1900 that never was) or since 1904-01-01.
    public func date(_ serial: Double) -> (year: Int, month: Int, day: Int) {
        let days = Int(serial.rounded(.down)) + (dates1904 ? 1462 : 0)
        // Days since 1899-12-30 to a civil date (Howard Hinnant's algorithm, from 1970-01-01).
        let z = days - 25569 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// Why a file cannot be read as a workbook.
public struct WorkbookError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
