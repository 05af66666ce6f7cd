// CSVTableTests: reading back what the CSV writer writes, in both dialects, with the line of each
// record; and the syntax errors that are refused.
import PlanWriters
import Testing

@Suite struct CSVTableTests {
    @Test(arguments: CSVDialect.allCases)
    func roundTripsTheWriter(dialect: CSVDialect) throws {
        var csv = CSVWriter(output: "", dialect: dialect)
        let rows = [["a", "b", "c"], ["x;y", "with \"quotes\"", "two\nlines"], ["", "é", ""], ["1,5", "", "z"]]
        for r in rows { csv.row(r) }
        let table = try CSVTable(Array(csv.output.utf8))
        #expect(table.header == rows[0])
        #expect(table.records.map(\.fields) == Array(rows.dropFirst()))
        #expect(table.records.map(\.line) == [2, 4, 5], "the quoted line break moves the next record down")
    }

    @Test func lineFeedsAloneAndNoFinalNewline() throws {
        let table = try CSVTable(Array("h1,h2\nx,y\n\nz,w".utf8))
        #expect(table.records.map(\.fields) == [["x", "y"], ["z", "w"]])
        #expect(table.records.map(\.line) == [2, 4])
    }

    @Test(arguments: [("a,b\r\n\"x,y\r\n", 2, "never ends"), ("a,b\r\nx\"y,z\r\n", 2, "inside an unquoted"),
                      ("a,b\r\n\"x\"y,z\r\n", 2, "after a closing quote"), ("", 1, "empty")])
    func syntaxErrorsAreLocated(text: String, line: Int, message: String) {
        #expect {
            _ = try CSVTable(Array(text.utf8))
        } throws: { error in
            guard let e = error as? CSVTableError else { return false }
            return e.line == line && e.message.contains(message)
        }
    }
}
