// Rendering: the instance file's text, written by hand with `JSONText` (one line per item).
import PlanDomain

extension Builder {
    /// The instance file with every organisation, site and session, and the given structures
    /// and learners (indices in increasing order).
    func render(structures hs: [Int], learners ls: [Int]) -> String {
        var out = "{\n"
        out += "  \"name\": \(JSONText.quote(instanceName)),\n"
        out += "  \"paths\": [\(Builder.paths.map(String.init).joined(separator: ", "))],\n"
        out += "  \"calendar\": {\"workdays\": \(JSONText.strings(Builder.everyWeekday.map(\.rawValue))), \"holidays\": \"FR\", \"closures\": []},\n"
        out += "  \"weights\": {\"unassigned\": 100000, \"remote\": 1000, \"perKm\": 2, \"perWaitingDay\": 10, \"openSession\": 0},\n"
        out += "  \"defaults\": {\"maxTravelKm\": \(Builder.defaultMaxTravelKm), \"hoursPerDay\": \(JSONText.number(Builder.defaultHoursPerDay)), \"trainingWeekdays\": \(JSONText.strings(Builder.defaultWeekdays.map(\.rawValue)))},\n"

        func list(_ key: String, _ items: [String], last: Bool = false) {
            out += "  \(JSONText.quote(key)): ["
            if items.isEmpty {
                out += "]"
            } else {
                out += "\n"
                for (i, item) in items.enumerated() {
                    out += "    " + item + (i + 1 < items.count ? ",\n" : "\n")
                }
                out += "  ]"
            }
            out += last ? "\n" : ",\n"
        }

        list("organisations", organisations.map { o in
            var m: [(String, String)] = [("id", JSONText.quote(o.id)), ("name", JSONText.quote(o.name)),
                                         ("territories", JSONText.strings(o.territories))]
            if let c = o.maxConcurrentSessions { m.append(("maxConcurrentSessions", String(c))) }
            if !o.closures.isEmpty { m.append(("closures", JSONText.strings(o.closures.map(\.description)))) }
            return JSONText.object(m)
        })
        list("sites", sites.map { s in
            JSONText.object([("id", JSONText.quote(s.id)), ("organisation", JSONText.quote(organisations[s.organisation].id)),
                             ("name", JSONText.quote(s.name)), ("lat", JSONText.fixed4(s.lat)), ("lon", JSONText.fixed4(s.lon))])
        })
        list("sessions", sessions.map { s in
            var m: [(String, String)] = [("id", JSONText.quote(s.id)),
                                         ("organisation", JSONText.quote(organisations[s.organisation].id)),
                                         ("site", s.site.map { JSONText.quote(sites[$0].id) } ?? "null"),
                                         ("path", String(s.path)), ("start", JSONText.quote(s.start.description))]
            if let w = s.weekdays { m.append(("weekdays", JSONText.strings(w.map(\.rawValue)))) }
            if let h = s.hoursPerDay { m.append(("hoursPerDay", JSONText.number(h))) }
            m.append(("capacity", "{\"inPerson\": \(s.capacityInPerson), \"remote\": \(s.capacityRemote)}"))
            if s.minSize > 0 { m.append(("minSize", String(s.minSize))) }
            return JSONText.object(m)
        })
        list("structures", hs.map { i in
            let h = structures[i]
            var m: [(String, String)] = [("id", JSONText.quote(h.id)), ("name", JSONText.quote(h.name)),
                                         ("territory", JSONText.quote(h.departement.code)),
                                         ("lat", JSONText.fixed4(h.lat)), ("lon", JSONText.fixed4(h.lon))]
            if let km = h.maxTravelKm { m.append(("maxTravelKm", String(km))) }
            if let w = h.alternationDay { m.append(("alternationDays", JSONText.strings([w.rawValue]))) }
            if let a = h.maxAbsent { m.append(("maxAbsent", String(a))) }
            return JSONText.object(m)
        })
        list("learners", ls.map { i in
            let l = learners[i]
            var m: [(String, String)] = [("id", JSONText.quote(l.id)), ("name", JSONText.quote(l.name)),
                                         ("structure", JSONText.quote(structures[l.structure].id)),
                                         ("path", String(l.path))]
            if let d = l.availableFrom { m.append(("availableFrom", JSONText.quote(d.description))) }
            if let d = l.startBy { m.append(("startBy", JSONText.quote(d.description))) }
            if let d = l.finishBy { m.append(("finishBy", JSONText.quote(d.description))) }
            m.append(("mode", JSONText.quote(l.mode.rawValue)))
            if let km = l.maxTravelKm { m.append(("maxTravelKm", String(km))) }
            if let pin = l.pin {
                m.append(("assigned", JSONText.object([("session", JSONText.quote(sessions[pin.session].id)),
                                                       ("mode", JSONText.quote(pin.mode.rawValue))])))
            }
            return JSONText.object(m)
        }, last: true)
        out += "}\n"
        return out
    }
}
