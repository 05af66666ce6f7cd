// GoldenTests: the four files written for instances/tiny.json, byte for byte. Re-record with
// PLAN_RECORD_GOLDEN=1 swift test --filter GoldenTests (then review the diff).
import PlanTestSupport
import Foundation
import PlanDomain
import PlanFormulation
import PlanWriters
import Testing

enum Repository {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func instance(_ name: String) throws -> Instance {
        let data = try Data(contentsOf: root.appendingPathComponent("instances/\(name).json"))
        return try Instance.decode(Array(data))
    }
}

@Suite struct GoldenTests {
    static let folder = Repository.root.appendingPathComponent("Tests/PlanWritersTests/Golden/tiny")

    /// summary.json carries the solve time; the golden copy has it set to 0.
    static func stable(_ name: String, _ contents: String) -> String {
        guard name == "summary.json" else { return contents }
        return contents.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.contains("\"solveSeconds\"") ? "  \"solveSeconds\": 0" : String($0) }.joined(separator: "\n")
    }

    static let files = ["assignments.csv", "timetable.csv", "sessions.csv", "summary.json", "rosters.csv", "invitations.csv"]

    @Test(arguments: files.map { ($0, CSVDialect.rfc4180) } + files.filter { $0.hasSuffix(".csv") }.map { ($0, CSVDialect.excelFR) })
    func tinyPlanMatchesTheGoldenFile(name: String, dialect: CSVDialect) throws {
        let instance = try Repository.instance("tiny")
        let plan = try Planner.solve(instance)
        let rendered = PlanFiles.render(instance, plan, dialect: dialect).first { $0.name == name }!
        let actual = Self.stable(name, rendered.contents)
        let folder = dialect == .rfc4180 ? Self.folder : Self.folder.appendingPathComponent("excel-fr")
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PLAN_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        }
        // Bytes, not String(contentsOf:), which would drop a byte-order mark.
        let expected = try Data(contentsOf: url)
        #expect(Data(actual.utf8) == expected, "\(name) (\(dialect.rawValue)) differs from its golden file")
    }

    /// The hand-derived optimum of tiny.json (see README): L-1 and L-2 in person at Rennes (0 km,
    /// no wait), L-3 remote in S-105-A (1000), L-6 remote in S-105-R (1000 + 6 days x 10),
    /// L-4 and L-5 unassigned (2 x 100000): 202060.
    @Test func tinyOptimumIsTheHandDerivedOne() throws {
        let plan = try Planner.solve(try Repository.instance("tiny"))
        #expect(plan.status == .optimal)
        #expect(plan.objective == 202_060)
        #expect(plan.bound == 202_060)
    }
}

@Suite struct CSVTests {
    @Test(arguments: [
        (["a", "b"], "a,b\r\n"),
        (["a,b", "c"], "\"a,b\",c\r\n"),
        (["say \"hi\"", ""], "\"say \"\"hi\"\"\",\r\n"),
        (["two\nlines", "é"], "\"two\nlines\",é\r\n"),
    ])
    func quotesOnlyWhenNeeded(fields: [String], expected: String) {
        var csv = CSVWriter(output: "")
        csv.row(fields)
        #expect(csv.output == expected)
    }

    @Test(arguments: [(7.0, "7"), (3.5, "3.5"), (1000.0, "1000"), (0.25, "0.25"), (1e15, "1000000000000000"), (-0.0, "0"), (2.0 / 3.0, "0.666666667")])
    func numbersArePlainDecimals(value: Double, expected: String) {
        #expect(formatNumber(value) == expected)
    }
}

@Suite struct DialectTests {
    @Test func excelFrenchUsesSemicolonsDecimalCommasAndAByteOrderMark() {
        var csv = CSVWriter(output: "", dialect: .excelFR)
        csv.row(["Médiathèque; Vitré", CSVDialect.excelFR.number(3.5)])
        #expect(csv.output == "\u{FEFF}\"Médiathèque; Vitré\";3,5\r\n")
        #expect(CSVDialect.rfc4180.number(3.5) == "3.5")
    }
}

@Suite struct JSONTextTests {
    @Test(arguments: [("Bretagne", "\"Bretagne\""), ("a\"b", "\"a\\\"b\""), ("back\\slash", "\"back\\\\slash\""),
                      ("line\nbreak\t", "\"line\\nbreak\\t\""), ("\u{1}", "\"\\u0001\""), ("Vitré", "\"Vitré\"")])
    func stringLiteralsAreEscaped(text: String, expected: String) throws {
        #expect(jsonStringLiteral(text) == expected)
        // And they parse back to the same text.
        guard case .string(let back) = try JSONParser.parse(Array(expected.utf8)).value else { Issue.record("not a string"); return }
        #expect(back == text)
    }
}
