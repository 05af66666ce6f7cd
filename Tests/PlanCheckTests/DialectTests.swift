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
        #expect(files["timetable.csv"]!.contains(";3,5;"), "the fixture has half days")
        let report = PlanChecker.check(instance: instance, files: files)
        #expect(report.isOK, "\(report.violations.prefix(5))")
        #expect(PlanChecker.check(instance: Fixtures.tiny, files: Self.excel(Fixtures.tiny, Fixtures.tinyPlan)).isOK)
    }

    @Test func eachFileIsHeldToTheDialect() {
        let (instance, plan) = Self.halfDays
        var files = Self.excel(instance, plan)
        // A decimal point in a French Excel timetable, and a sessions file without its byte-order mark.
        files["timetable.csv"] = files["timetable.csv"]!.replacingOccurrences(of: ";3,5;", with: ";3.5;")
        files["sessions.csv"] = String(files["sessions.csv"]!.dropFirst())
        let report = PlanChecker.check(instance: instance, files: files)
        #expect(!report.violations(containing: "hours is '3.5', expected the plain decimal 3,5").isEmpty, "\(report.violations.prefix(3))")
        #expect(!report.violations(containing: "no UTF-8 byte-order mark").isEmpty)
    }

    /// The excel-fr dialect's names and French words (after the specification's columns) are
    /// checked against the instance and against the row's own codes.
    @Test func theNamesAndWordsOfAnExcelPlanAreChecked() throws {
        let (instance, plan) = Self.halfDays
        var files = Self.excel(instance, plan)
        let assignments = files["assignments.csv"]!.components(separatedBy: "\r\n")
        #expect(assignments[0].hasSuffix(";reason;nom_apprenant;nom_structure;nom_site;libellé_statut;libellé_modalité"))
        let first = assignments[1].components(separatedBy: ";")
        let learner = try #require(instance.learners.first { $0.id == first[0] })
        #expect(first[13] == learner.name && first[16] == (first[3] == "assigned" ? "placé" : "sans place"))
        #expect(files["timetable.csv"]!.contains(";fermeture de l'organisme\r\n"), "Brittany has closure days within sessions")
        files["assignments.csv"] = files["assignments.csv"]!.replacingOccurrences(of: ";\(learner.name!);", with: ";Quelqu'un d'autre;")
        files["sessions.csv"] = files["sessions.csv"]!.replacingOccurrences(of: ";ouverte\r\n", with: ";non ouverte\r\n")
        files["timetable.csv"] = files["timetable.csv"]!.replacingOccurrences(of: ";fermeture de l'organisme\r\n", with: ";alternance\r\n")
        let report = PlanChecker.check(instance: instance, files: files)
        #expect(!report.violations(containing: "nom_apprenant is 'Quelqu'un d'autre', expected \(learner.name!)").isEmpty, "\(report.violations.prefix(3))")
        #expect(!report.violations(containing: "libellé_statut is 'non ouverte', expected ouverte (status is runs)").isEmpty)
        #expect(!report.violations(containing: "libellé_activité is 'alternance', expected fermeture de l'organisme").isEmpty)
    }
}
