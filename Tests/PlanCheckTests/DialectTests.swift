// DialectTests: plan check reads a plan in either CSV dialect plan solve writes (RFC 4180, or
// French Excel: byte-order mark, semicolons, decimal commas), and holds each file to its dialect.
import Foundation
@testable import PlanCheck
import PlanDomain
import PlanFormulation
import PlanWriters
import Testing

@Suite struct DialectTests {
    static func excel(_ instance: Instance, _ plan: Plan) -> Files {
        Dictionary(uniqueKeysWithValues: PlanFiles.render(instance, plan, dialect: .excelFR).map { ($0.name, $0.contents) })
    }

    /// Brittany with half days of 3.5 hours, so that the timetable has decimal commas.
    static let halfDays: (Instance, Plan) = {
        let data = try! Data(contentsOf: Fixtures.root.appendingPathComponent("instances/bretagne.json"))
        let text = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "\"hoursPerDay\" : 7", with: "\"hoursPerDay\" : 3.5")
        let instance = Fixtures.instance(json: text)
        return (instance, try! Planner.solve(instance))
    }()

    @Test func anExcelPlanPasses() {
        let (instance, plan) = Self.halfDays
        let files = Self.excel(instance, plan)
        #expect(files["timetable.csv"]!.contains(";3,5\r\n"), "the fixture has half days")
        let report = PlanChecker.check(instance: instance, files: files)
        #expect(report.isOK, "\(report.violations.prefix(5))")
        #expect(PlanChecker.check(instance: Fixtures.tiny, files: Self.excel(Fixtures.tiny, Fixtures.tinyPlan)).isOK)
    }

    @Test func eachFileIsHeldToTheDialect() {
        let (instance, plan) = Self.halfDays
        var files = Self.excel(instance, plan)
        // A decimal point in a French Excel timetable, and a sessions file without its byte-order mark.
        files["timetable.csv"] = files["timetable.csv"]!.replacingOccurrences(of: ";3,5\r\n", with: ";3.5\r\n")
        files["sessions.csv"] = String(files["sessions.csv"]!.dropFirst())
        let report = PlanChecker.check(instance: instance, files: files)
        #expect(!report.violations(containing: "hours is '3.5', expected the plain decimal 3,5").isEmpty, "\(report.violations.prefix(3))")
        #expect(!report.violations(containing: "no UTF-8 byte-order mark").isEmpty)
    }
}
