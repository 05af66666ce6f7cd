// DecoderMessagesTests: what a planner reads when an instance is refused: the id of the item next
// to its JSON path, and a date that does not exist called so (not a bad format).
import Foundation
import PlanDomain
import Testing

@Suite struct DecoderMessagesTests {
    static let text = """
        { "organisations": [{ "id": "OF", "territories": ["35"] }], "sites": [],
          "sessions": [{ "id": "S-1", "organisation": "OF", "site": null, "path": 105, "start": "2027-02-30",
                         "capacity": { "remote": 3 } }],
          "structures": [{ "id": "H-1", "territory": "35", "lat": 48.1, "lon": -1.6 }],
          "learners": [{ "id": "L-1", "structure": "H-1", "path": 105 }, { "id": "L-26", "structure": "H-9", "path": 105 }] }
        """

    static func issues() -> [String] {
        do {
            _ = try Instance.decode(Array(text.utf8))
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func theItemsIdStandsNextToItsPath() {
        #expect(Self.issues().contains { $0.hasPrefix("learners[1].structure (L-26, line 5, column ") }, "\(Self.issues())")
    }

    @Test func aDateThatDoesNotExistIsCalledSo() {
        #expect(Self.issues().contains { $0.hasPrefix("sessions[0].start (S-1, line 2") && $0.hasSuffix("2027-02-30 does not exist (expected a real date \"YYYY-MM-DD\")") },
                "\(Self.issues())")
    }

    @Test func aTrailingCommaDoesNotHideTheOtherProblems() {
        let text = Self.text.replacingOccurrences(of: "\"path\": 105 }] }", with: "\"path\": 105 },\n] }")
        do {
            _ = try Instance.decode(Array(text.utf8))
            Issue.record("a trailing comma was accepted")
        } catch {
            let issues = error.issues.map(\.description)
            #expect(issues.first == "$ (line 5, column 115): not valid JSON: a comma before a closing bracket at line 5, column 115 (remove it)", "\(issues)")
            #expect(issues.contains { $0.hasPrefix("learners[1].structure (L-26") }, "the other problems are still reported")
        }
    }

    @Test func aTrailingCommaAloneIsStillAnError() throws {
        let tiny = try String(contentsOfFile: #filePath.replacingOccurrences(of: "Tests/PlanDomainTests/DecoderMessagesTests.swift", with: "instances/tiny.json"), encoding: .utf8)
        let text = tiny.replacingOccurrences(of: "\"territories\": [\"35\"] }", with: "\"territories\": [\"35\",] }")
        #expect(text != tiny)
        #expect(throws: InvalidInstance.self) { _ = try Instance.decode(Array(text.utf8)) }
        #expect(throws: JSONSyntaxError.self) { _ = try JSONParser.parse(Array(text.utf8)) }
    }
}
