// SiteDecoder: one item of `sites` (SPEC §2): a place where an organisation trains in person,
// with its coordinates.

/// Reads a site; `organisations` holds the organisations' positions by id.
struct SiteDecoder: ObjectDecoder {
    static let list = "sites"
    static let what = "a site"
    var organisations: [String: Int]

    func decode(_ o: ObjectMembers, id: String?, _ d: inout InstanceDecoder) -> Site? {
        let organisation = d.reference(d.required(o, "organisation", "an organisation id"), organisations, "organisation")
        let lat = d.number(d.required(o, "lat", "a latitude in degrees"), "a latitude in degrees, from -90 to 90", min: -90, max: 90)
        let lon = d.number(d.required(o, "lon", "a longitude in degrees"), "a longitude in degrees, from -180 to 180",
                           min: -180, max: 180)
        let name = d.string(o["name"])
        guard let id, let organisation, let lat, let lon else { return nil }
        return Site(id: id, organisation: organisation, name: name, lat: lat, lon: lon)
    }
}
