// Templates: an instance as spreadsheets, one CSV file per list (and settings.csv for the rest), so
// that a planner can keep the data in Excel. Which column holds which key of the instance file is
// defined here once; `TemplateExport` writes them and `TemplateImport` reads them back.

/// How a cell holds a value.
enum CellKind {
    /// Text, written as is.
    case text
    /// A number (a decimal comma is read as a point).
    case number
    /// Words or dates separated by spaces (`22 29 35 56`, `mon tue`).
    case list
    /// Numbers separated by spaces.
    case numberList
    /// A number, or `none` for JSON null (no limit).
    case numberOrNone
    /// `FR`, `none`, or dates separated by spaces.
    case holidays
}

/// A column of a template: its name and the key path it fills in each object.
struct TemplateColumn {
    var name: String
    /// Keys from the object (`["capacity", "inPerson"]`).
    var keys: [String]
    var kind: CellKind

    init(_ name: String, _ keys: [String]? = nil, _ kind: CellKind = .text) {
        self.name = name
        self.keys = keys ?? [name]
        self.kind = kind
    }
}

/// A template file: one row per object of a list of the instance.
struct TemplateFile {
    var file: String
    /// The instance's list (`learners`).
    var list: String
    var columns: [TemplateColumn]
}

public enum Templates {
    /// The five list files, in the instance's order.
    static let lists: [TemplateFile] = [
        TemplateFile(file: "organisations.csv", list: "organisations", columns: [
            .init("id"), .init("name"), .init("territories", nil, .list),
            .init("maxConcurrentSessions", nil, .number), .init("closures", nil, .list),
        ]),
        TemplateFile(file: "sites.csv", list: "sites", columns: [
            .init("id"), .init("organisation"), .init("name"), .init("lat", nil, .number), .init("lon", nil, .number),
        ]),
        TemplateFile(file: "sessions.csv", list: "sessions", columns: [
            .init("id"), .init("organisation"), .init("site"), .init("path", nil, .number), .init("start"),
            .init("weekdays", nil, .list), .init("hoursPerDay", nil, .number), .init("days", nil, .list),
            .init("capacity_in_person", ["capacity", "inPerson"], .number), .init("capacity_remote", ["capacity", "remote"], .number),
            .init("minSize", nil, .number),
        ]),
        TemplateFile(file: "structures.csv", list: "structures", columns: [
            .init("id"), .init("name"), .init("territory"), .init("lat", nil, .number), .init("lon", nil, .number),
            .init("maxTravelKm", nil, .number), .init("alternationDays", nil, .list), .init("maxAbsent", nil, .number),
            .init("email"), .init("phone"), .init("manager_name", ["manager", "name"]), .init("manager_email", ["manager", "email"]),
            .init("manager_phone", ["manager", "phone"]),
        ]),
        TemplateFile(file: "learners.csv", list: "learners", columns: [
            .init("id"), .init("name"), .init("structure"), .init("path", nil, .number), .init("availableFrom"),
            .init("startBy"), .init("finishBy"), .init("mode"), .init("maxTravelKm", nil, .number),
            .init("assigned_session", ["assigned", "session"]), .init("assigned_mode", ["assigned", "mode"]),
            .init("email"), .init("phone"),
        ]),
    ]

    /// `settings.csv`: one row per key of the instance outside the lists (`key,value`).
    static let settings: [TemplateColumn] = [
        .init("name"), .init("paths", nil, .numberList),
        .init("calendar.workdays", ["calendar", "workdays"], .list),
        .init("calendar.holidays", ["calendar", "holidays"], .holidays),
        .init("calendar.closures", ["calendar", "closures"], .list),
        .init("weights.unassigned", ["weights", "unassigned"], .number),
        .init("weights.remote", ["weights", "remote"], .number),
        .init("weights.perKm", ["weights", "perKm"], .number),
        .init("weights.perWaitingDay", ["weights", "perWaitingDay"], .number),
        .init("weights.openSession", ["weights", "openSession"], .number),
        .init("defaults.maxTravelKm", ["defaults", "maxTravelKm"], .numberOrNone),
        .init("defaults.hoursPerDay", ["defaults", "hoursPerDay"], .number),
        .init("defaults.trainingWeekdays", ["defaults", "trainingWeekdays"], .list),
    ]

    /// Every file of a template folder, settings first.
    public static var fileNames: [String] { ["settings.csv"] + lists.map(\.file) }
}
