"""Makes the workbook fixtures of WorkbookTests (run from this folder; needs openpyxl).

openpyxl.xlsx: written by openpyxl (inline strings, dates with built-in and custom formats).
excel-like.xlsx: written part by part the way Excel writes: shared strings (one of them rich
text, one with an _x000D_ escape), cells without references, a formula's string result, an error,
a custom date format "dd/mm/yyyy", a sheet reached through an absolute relationship target.
"""
import datetime
import zipfile

import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "learners"
ws.append(["id", "name", "availableFrom", "path", "ok"])
ws.append(["L-1", "Zoé Le Gall & fils <b>", datetime.date(2027, 1, 5), 105, True])
ws.append(["L-2", None, datetime.datetime(2027, 2, 28, 0, 0), 280.5, False])
ws["A5"] = "after a gap"
ws["C5"] = "2027-03-01"
ws2 = wb.create_sheet("sites")
ws2.append(["id", "lat"])
ws2.append(["S-1", 48.117])
wb.save("openpyxl.xlsx")

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<x:workbook xmlns:x="{MAIN}" xmlns:r="{REL}"><x:workbookPr date1904="false"/><x:sheets>'
    '<x:sheet name="Structures" sheetId="7" r:id="rId3"/></x:sheets></x:workbook>',
    "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId3" Type="{REL}/worksheet" '
    'Target="/xl/worksheets/feuille.xml"/></Relationships>',
    "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}" count="4" uniqueCount="4"><si><t>id</t></si><si><t>territory</t></si>'
    '<si><r><rPr><b/></rPr><t>Mairie </t></r><r><t>de Rennes</t></r><rPh><t>ignored</t></rPh></si>'
    '<si><t>a_x000D_b _x005F_x0041_</t></si></sst>',
    "xl/styles.xml": f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>',
    "xl/worksheets/feuille.xml": f'<worksheet xmlns="{MAIN}"><sheetData>'
    '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c><v>1</v></c></row>'
    '<row><c t="s"><v>2</v></c><c s="2"><v>35</v></c><c s="1"><v>46392</v></c><c t="str"><f>A1</f><v>id</v></c><c t="e"><v>#N/A</v></c></row>'
    '<row r="4"><c r="C4" t="s"><v>3</v></c></row>'
    '</sheetData></worksheet>',
}
with zipfile.ZipFile("excel-like.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
        z.writestr(info, text, zipfile.ZIP_DEFLATED)

# tiny-typed.xlsx: instances/tiny.json as a planner keeps it in Excel (for PlanWritersTests): dates
# typed as dates, territories typed as numbers, the learners' columns in another order, a blank row,
# sheet names capitalised, no settings sheet.
D = datetime.date
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Organisations"
ws.append(["id", "name", "territories"])
ws.append(["OF-TEST", "Organisme test", 35])
ws = wb.create_sheet("Sites")
ws.append(["id", "organisation", "name", "lat", "lon"])
ws.append(["RENNES", "OF-TEST", "Rennes", 48.1113, -1.68])
ws = wb.create_sheet("Sessions")
ws.append(["id", "organisation", "site", "path", "start", "capacity_in_person", "capacity_remote"])
ws.append(["S-105-A", "OF-TEST", "RENNES", 105, D(2027, 1, 4), 2, 1])
ws.append(["S-105-R", "OF-TEST", None, 105, D(2027, 1, 11), 0, 5])
ws = wb.create_sheet("Structures")
ws.append(["id", "name", "territory", "lat", "lon", "maxTravelKm"])
ws.append(["H-1", "Mairie de Rennes", 35, 48.1113, -1.68])
ws.append(["H-2", "Médiathèque de Vitré", "35", 48.1236, -1.2094])
ws.append(["H-3", "France Services Saint-Malo", 35, 48.6493, -2.0257, 50])
ws = wb.create_sheet("Learners")
ws.append(["structure", "id", "path", "mode", "availableFrom"])
ws.append(["H-1", "L-1", 105, None, D(2027, 1, 4)])
ws.append(["H-1", "L-2", 105, None, D(2027, 1, 4)])
ws.append([])
ws.append(["H-2", "L-3", 105, None, "2027-01-04"])
ws.append(["H-3", "L-4", 105, "inPerson"])
ws.append(["H-2", "L-5", 280])
ws.append(["H-1", "L-6", 105, "remote", D(2027, 1, 5)])
wb.save("tiny-typed.xlsx")
