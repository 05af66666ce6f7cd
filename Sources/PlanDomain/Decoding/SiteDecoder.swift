// SiteDecoder: one item of `sites` (SPEC §2): a place where an organisation trains in person,
// with its coordinates.

/// Reads a site; `organisations` holds the organisations' positions by id.
struct SiteDecoder: ObjectDecoder {
    static let list = "sites"
    static var what: String { tr("a site", "un site") }
    var organisations: [String: Int]

    func decode(_ o: ObjectMembers, id: String?, _ d: inout InstanceDecoder) -> Site? {
        let organisation = d.reference(d.required(o, "organisation", Referent.organisation.idWanted), organisations, .organisation)
        let lat = d.number(d.required(o, "lat", tr("a latitude in degrees", "une latitude en degrés")),
                           tr("a latitude in degrees, from -90 to 90", "une latitude en degrés, de -90 à 90"), min: -90, max: 90)
        let lon = d.number(d.required(o, "lon", tr("a longitude in degrees", "une longitude en degrés")),
                           tr("a longitude in degrees, from -180 to 180", "une longitude en degrés, de -180 à 180"),
                           min: -180, max: 180)
        let name = d.string(o["name"])
        guard let id, let organisation, let lat, let lon else { return nil }
        return Site(id: id, organisation: organisation, name: name, lat: lat, lon: lon)
    }
}
