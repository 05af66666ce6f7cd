// StructureDecoder: one item of `structures` (SPEC §2): the host structure of learners, with its
// territory, coordinates, travel limit, alternation days and how many learners may be away at once.

/// Reads a structure.
struct StructureDecoder: ObjectDecoder {
    static let list = "structures"
    static var what: String { tr("a structure", "une structure") }

    func decode(_ o: ObjectMembers, id: String?, _ d: inout InstanceDecoder) -> Structure? {
        let territory = d.string(d.required(o, "territory", tr("a territory code such as \"35\"", "un code de territoire comme \"35\"")), tr("a territory code such as \"35\"", "un code de territoire comme \"35\""))
        if territory == "" { d.report(o.child("territory"), tr("expected a non-empty territory code", "attendu : un code de territoire non vide")) }
        let lat = d.number(d.required(o, "lat", tr("a latitude in degrees", "une latitude en degrés")),
                           tr("a latitude in degrees, from -90 to 90", "une latitude en degrés, de -90 à 90"), min: -90, max: 90)
        let lon = d.number(d.required(o, "lon", tr("a longitude in degrees", "une longitude en degrés")),
                           tr("a longitude in degrees, from -180 to 180", "une longitude en degrés, de -180 à 180"),
                           min: -180, max: 180)
        let travel = d.number(o["maxTravelKm"], tr("a distance in km >= 0", "une distance en km ≥ 0"), min: 0)
        let alternation = o["alternationDays"] == nil ? [] : d.weekdays(o["alternationDays"], nonEmpty: false)
        let maxAbsent = o["maxAbsent"].flatMap { d.whole($0, tr("a number of learners >= 0", "un nombre d'apprenants ≥ 0")) }
        let limitsOK = (o["maxTravelKm"] == nil || travel != nil) && (o["maxAbsent"] == nil || maxAbsent != nil)
        let contact = d.contact(o), manager = d.manager(o)
        guard let id, let territory, !territory.isEmpty, let lat, let lon, let alternation, limitsOK, let contact,
              let manager else { return nil }
        var structure = Structure(id: id, name: d.string(o["name"]), territory: territory, lat: lat, lon: lon,
                                  maxTravelKm: travel, alternationDays: Set(alternation), maxAbsent: maxAbsent)
        structure.contact = contact
        structure.manager = manager
        return structure
    }
}
