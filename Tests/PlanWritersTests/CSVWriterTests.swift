// CSVWriterTests: quoting looks at bytes; accents and other non-ASCII text never force quotes,
// delimiters, quotes and line breaks always do.
import PlanWriters
import Testing

@Suite struct CSVWriterTests {
    @Test(arguments: [(CSVDialect.rfc4180, "\"a,b\",a;b,Vitré,e\u{301}"), (.excelFR, "\u{FEFF}a,b;\"a;b\";Vitré;e\u{301}")])
    func delimitersAreQuotedAccentsAreNot(dialect: CSVDialect, expected: String) {
        var csv = CSVWriter(output: "", dialect: dialect)
        csv.row(["a,b", "a;b", "Vitré", "e\u{301}"])
        #expect(csv.output == expected + "\r\n")
    }

    @Test func quotesAndLineBreaksAreQuotedAndDoubled() {
        var csv = CSVWriter(output: "")
        csv.row(["say \"hi\"", "x\r\ny", "z\n", "plain"])
        #expect(csv.output == "\"say \"\"hi\"\"\",\"x\r\ny\",\"z\n\",plain\r\n")
    }
}
