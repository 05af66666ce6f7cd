// XLSXWriter: a workbook as the bytes of an .xlsx file that Excel and LibreOffice open: text as
// inline strings (so "01" stays "01"), numbers as numbers, the header row bold and frozen. The
// same workbook gives the same bytes (fixed dates in the archive, parts in a fixed order).
import Foundation
import ZIPFoundation

extension Workbook {
    /// The .xlsx bytes of the workbook; its first row of each sheet is shown as a header.
    public func xlsx() throws(WorkbookError) -> Data {
        try Self.archive(parts())
    }

    /// A zip archive of these parts, by path, in order.
    static func archive(_ parts: [(String, String)]) throws(WorkbookError) -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in parts {
                let bytes = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Self.epoch,
                                     compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch {
            throw .cannotWrite("\(error)")
        }
        guard let data = archive.data else { throw .cannotWrite("no data") }
        return data
    }

    /// The date every part of the archive carries: 2000-01-01, so that the bytes never change.
    static let epoch = Date(timeIntervalSince1970: 946_684_800)

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// Every part of the package, by path.
    func parts() -> [(String, String)] {
        let package = "http://schemas.openxmlformats.org/package/2006/"
        let office = "application/vnd.openxmlformats-officedocument.spreadsheetml."
        let overrides = sheets.indices.map {
            #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="\#(office)worksheet+xml"/>"#
        }.joined()
        let types = Self.header + #"<Types xmlns="\#(package)content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="\#(office)sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="\#(office)styles+xml"/>"# + overrides + "</Types>"
        let rootRels = Self.header + #"<Relationships xmlns="\#(package)relationships">"#
            + #"<Relationship Id="rId1" Type="\#(Self.relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        let sheetList = sheets.enumerated().map {
            #"<sheet name="\#(escape($1.name))" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"#
        }.joined()
        let workbook = Self.header + #"<workbook xmlns="\#(Self.main)" xmlns:r="\#(Self.relationships)">"#
            + "<sheets>\(sheetList)</sheets></workbook>"
        let sheetRels = sheets.indices.map {
            #"<Relationship Id="rId\#($0 + 1)" Type="\#(Self.relationships)/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
        }.joined()
        let workbookRels = Self.header + #"<Relationships xmlns="\#(package)relationships">"# + sheetRels
            + #"<Relationship Id="rId\#(sheets.count + 1)" Type="\#(Self.relationships)/styles" Target="styles.xml"/></Relationships>"#
        var out = [("[Content_Types].xml", types), ("_rels/.rels", rootRels), ("xl/workbook.xml", workbook),
                   ("xl/_rels/workbook.xml.rels", workbookRels), ("xl/styles.xml", Self.styles)]
        for (k, sheet) in sheets.enumerated() { out.append(("xl/worksheets/sheet\(k + 1).xml", Self.sheetPart(sheet))) }
        return out
    }

    /// Two cell formats: 0 plain, 1 bold (the header).
    static let styles = header + #"<styleSheet xmlns="\#(main)">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#

    /// A sheet part: the first row bold and frozen, columns wide enough to read.
    static func sheetPart(_ sheet: Sheet) -> String {
        let width = max(1, sheet.rows.map(\.count).max() ?? 1)
        var xml = header + #"<worksheet xmlns="\#(main)"><sheetViews><sheetView workbookViewId="0">"#
            + #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
            + #"<cols><col min="1" max="\#(width)" width="18" customWidth="1"/></cols><sheetData>"#
        for (r, row) in sheet.rows.enumerated() {
            xml += #"<row r="\#(r + 1)">"#
            for (c, cell) in row.enumerated() {
                let ref = columnName(c) + String(r + 1), style = r == 0 ? #" s="1""# : ""
                switch cell {
                case .empty: continue
                case .text(let s): xml += #"<c r="\#(ref)"\#(style) t="inlineStr"><is><t xml:space="preserve">\#(escape(s))</t></is></c>"#
                case .number(let x, _): xml += #"<c r="\#(ref)"\#(style)><v>\#(numberText(x))</v></c>"#
                case .bool(let b): xml += #"<c r="\#(ref)"\#(style) t="b"><v>\#(b ? 1 : 0)</v></c>"#
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// `A` for 0, `Z` for 25, `AA` for 26.
    static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// A number as XML text: whole numbers without a decimal point, others as Swift prints them.
    static func numberText(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }
}

/// Text for XML: the five special characters escaped; characters XML cannot hold (controls other
/// than tab and line ends) written as Excel does, `_x0001_`.
func escape(_ s: String) -> String {
    var out = ""
    // Text that reads as such an escape keeps its underscore as `_x005F_`.
    let s = s.replacingOccurrences(of: #"_(x[0-9A-Fa-f]{4}_)"#, with: "_x005F_$1", options: .regularExpression)
    for u in s.unicodeScalars {
        switch u {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "\t", "\n", "\r": out.unicodeScalars.append(u)
        default:
            if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF {
                out += "_x" + String(format: "%04X", u.value) + "_"
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out
}
