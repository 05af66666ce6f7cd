// CheckPersonColumns: a plan in the excel-fr dialect carries, after the specification's columns,
// names and French words for a person (assignments.csv, timetable.csv, sessions.csv). They are
// checked here against the instance and against the row's own codes, worked out independently of
// the writers: a name must be the instance's, a word must say what the code says.

import PlanDomain

extension Checker {
    /// The columns the excel-fr dialect adds to each file, in order.
    static let personColumns: [String: [String]] = [
        "assignments.csv": ["nom_apprenant", "nom_structure", "nom_site", "libellé_statut", "libellé_modalité"],
        "timetable.csv": ["nom_apprenant", "nom_structure", "nom_site", "libellé_activité"],
        "sessions.csv": ["nom_site", "libellé_statut"],
    ]

    /// The header expected of `file` in this plan's dialect.
    func header(_ file: String, _ specification: [String]) -> [String] {
        specification + (dialect == .excelFR ? Self.personColumns[file] ?? [] : [])
    }

    /// The name of the site whose id a row gives, or empty.
    private func siteName(_ id: String?) -> String {
        guard let id, !id.isEmpty, let site = instance.sites.first(where: { $0.id == id }) else { return "" }
        return site.name ?? site.id
    }

    /// The names of a row's learner, its structure and its site, as the instance gives them.
    private mutating func expectNames(_ t: Table, _ row: CSVRecord, _ subject: String?) {
        if let id = t.value(row, "learner"), let l = learnerIndex[id] {
            let learner = instance.learners[l]
            expect(t, row, subject, "nom_apprenant", learner.name ?? "",
                   say("the learner's name in the instance", "le nom de l'apprenant dans l'instance"))
            expect(t, row, subject, "nom_structure", instance.structures[learner.structure].name ?? "",
                   say("the structure's name in the instance", "le nom de la structure dans l'instance"))
        }
        expect(t, row, subject, "nom_site", siteName(t.value(row, "site")), siteNamed())
    }

    mutating func checkPersonColumns(assignments t: Table) {
        guard dialect == .excelFR else { return }
        for row in t.rows {
            let subject = t.value(row, "learner").map { about("learner", $0) }
            expectNames(t, row, subject)
            let status = ["assigned": "placé", "unassigned": "sans place"][t.value(row, "status") ?? ""]
            if let status { expect(t, row, subject, "libellé_statut", status, codeIs("status", t.value(row, "status")!)) }
            let mode = ["in_person": "présentiel", "remote": "à distance", "": ""][t.value(row, "mode") ?? ""]
            if let mode { expect(t, row, subject, "libellé_modalité", mode, codeIs("mode", shown(t.value(row, "mode")!))) }
        }
    }

    mutating func checkPersonColumns(timetable t: Table) {
        guard dialect == .excelFR else { return }
        for row in t.rows {
            let subject = t.value(row, "learner").map { about("learner", $0) }
            expectNames(t, row, subject)
            guard let activity = t.value(row, "activity") else { continue }
            var words = ["training_in_person": "formation en présentiel", "training_remote": "formation à distance",
                         "alternation": "alternance"][activity]
            if activity == "alternation", let id = t.value(row, "session"), let s = sessionIndex[id],
               let day = t.value(row, "date").flatMap(Day.init(iso:)),
               instance.organisations[instance.sessions[s].organisation].closures.contains(day) {
                words = "fermeture de l'organisme"
            }
            if let words { expect(t, row, subject, "libellé_activité", words, codeIs("activity", activity)) }
        }
    }

    mutating func checkPersonColumns(sessions t: Table) {
        guard dialect == .excelFR else { return }
        for row in t.rows {
            let subject = t.value(row, "session").map { about("session", $0) }
            expect(t, row, subject, "nom_site", siteName(t.value(row, "site")), siteNamed())
            let status = ["runs": "ouverte", "cancelled": "non ouverte"][t.value(row, "status") ?? ""]
            if let status { expect(t, row, subject, "libellé_statut", status, codeIs("status", t.value(row, "status")!)) }
        }
    }
}

/// Why `nom_site` is expected to be what it is.
private func siteNamed() -> String { say("the name of the site in column site", "le nom du site de la colonne site") }

/// `status is runs` (`status est runs`): the code a French word of the row must say.
private func codeIs(_ column: String, _ code: String) -> String {
    say("\(column) is \(code)", "\(column) est \(code)")
}
