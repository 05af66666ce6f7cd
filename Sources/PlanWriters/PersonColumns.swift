// PersonColumns: what the excel-fr dialect adds after the specification's columns of
// assignments.csv, timetable.csv and sessions.csv, for the person who opens them in Excel: the
// names next to the ids, and each code in French words (`in_person` → `présentiel`, an
// alternation day that is the organisation's closure → `fermeture de l'organisme`). The
// specification's columns come first and never change, in either dialect; the rfc4180 dialect
// writes them alone.
import PlanDomain

enum PersonColumns {
    static let assignments = ["nom_apprenant", "nom_structure", "nom_site", "libellé_statut", "libellé_modalité"]
    static let timetable = ["nom_apprenant", "nom_structure", "nom_site", "libellé_activité"]
    static let sessions = ["nom_site", "libellé_statut"]

    /// The columns a dialect adds to a file's header.
    static func header(_ columns: [String], _ dialect: CSVDialect) -> [String] { dialect == .excelFR ? columns : [] }

    /// A learner's row of assignments.csv: names, then the status and mode in words.
    static func assignment(_ instance: Instance, learner l: Int, _ a: Option?, _ dialect: CSVDialect) -> [String] {
        guard dialect == .excelFR else { return [] }
        let learner = instance.learners[l]
        let site = a.flatMap { $0.mode == .inPerson ? Calendars.siteName(instance, instance.sessions[$0.session]) : nil } ?? ""
        return [learner.name ?? "", instance.structures[learner.structure].name ?? "", site,
                a == nil ? "sans place" : "placé", a.map { mode($0.mode) } ?? ""]
    }

    /// A row of timetable.csv: names, then the day in words (training, alternation, or the
    /// organisation's closure, which keeps the learner at the structure like alternation).
    static func timetableDay(_ instance: Instance, learner l: Int, _ a: Option, day: Day, training: Bool,
                             _ dialect: CSVDialect) -> [String] {
        guard dialect == .excelFR else { return [] }
        let learner = instance.learners[l], session = instance.sessions[a.session]
        let closed = instance.organisations[session.organisation].closures.contains(day)
        let activity = training ? "formation " + (a.mode == .inPerson ? "en présentiel" : "à distance")
            : closed ? "fermeture de l'organisme" : "alternance"
        return [learner.name ?? "", instance.structures[learner.structure].name ?? "",
                training && a.mode == .inPerson ? Calendars.siteName(instance, session) ?? "" : "", activity]
    }

    /// A row of sessions.csv: the site's name, then whether it opens in words.
    static func session(_ instance: Instance, session s: Int, runs: Bool, _ dialect: CSVDialect) -> [String] {
        guard dialect == .excelFR else { return [] }
        return [Calendars.siteName(instance, instance.sessions[s]) ?? "", runs ? "ouverte" : "non ouverte"]
    }

    static func mode(_ m: Mode) -> String { m == .inPerson ? "présentiel" : "à distance" }
}
