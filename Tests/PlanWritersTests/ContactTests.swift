// ContactTests: contact details (a structure's e-mail, phone and manager, a learner's e-mail and
// phone) are accepted, checked, carried to rosters.csv and invitations.csv, and kept by the
// spreadsheet templates.
import Foundation
import PlanDomain
import PlanFormulation
import PlanTestSupport
import PlanWriters
import Testing

@Suite struct ContactTests {
    static func tinyWithContacts(managerEmail: String = "direction@vitre.fr") throws -> [UInt8] {
        var text = try String(contentsOf: Repository.root.appendingPathComponent("instances/tiny.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"name\": \"Médiathèque de Vitré\",", with: """
            "name": "Médiathèque de Vitré", "email": "mediatheque@vitre.fr", "phone": "02 99 00 00 00",
                  "manager": { "name": "Claire Dubois", "email": "\(managerEmail)" },
            """)
        text = text.replacingOccurrences(of: "{ \"id\": \"L-3\", \"structure\": \"H-2\",",
                                         with: "{ \"id\": \"L-3\", \"name\": \"Léa Martin\", \"email\": \"lea.martin@exemple.fr\", \"phone\": \"06 00 00 00 00\", \"structure\": \"H-2\",")
        return Array(text.utf8)
    }

    @Test func contactsAreCarriedToTheOutputs() throws {
        let instance = try Instance.decode(Self.tinyWithContacts())
        let plan = try Planner.solve(instance)
        var rosters = "", invitations = ""
        PlanFiles.writeRosters(instance, plan, to: &rosters)
        PlanFiles.writeInvitations(instance, plan, to: &invitations)
        #expect(rosters.contains(",L-3,H-2,remote,Léa Martin,lea.martin@exemple.fr,06 00 00 00 00\r\n"), "\(rosters)")
        #expect(invitations.contains(",L-3,Claire Dubois,direction@vitre.fr,,mediatheque@vitre.fr,02 99 00 00 00\r\n"), "\(invitations)")
    }

    @Test func aWrongEmailIsRefusedWithItsPlace() throws {
        #expect {
            _ = try Instance.decode(Self.tinyWithContacts(managerEmail: "claire dubois"))
        } throws: { error in
            (error as! InvalidInstance).issues.contains {
                $0.path == "structures[1].manager.email" && $0.subject == "H-2"
                    && $0.message == "expected an e-mail address such as \"nom@exemple.fr\", found \"claire dubois\""
            }
        }
    }

    @Test func theTemplatesKeepTheContacts() throws {
        let original = try Self.tinyWithContacts()
        let files = try TemplateExport.render(original)
        #expect(files.first { $0.name == "structures.csv" }!.contents.contains(",mediatheque@vitre.fr,02 99 00 00 00,Claire Dubois,direction@vitre.fr,"))
        let dir = try TemplateTests.folder(files, "contacts")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try TemplateTests.canonical(Array(TemplateImport.read(dir).utf8)) == TemplateTests.canonical(original))
    }
}
