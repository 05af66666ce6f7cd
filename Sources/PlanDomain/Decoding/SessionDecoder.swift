// SessionDecoder: one item of `sessions` (SPEC §2.1): its organisation and site, path, seats, and
// its training days, either listed (`days`) or generated from `start` and `weekdays` by the calendar.

/// Reads a session; the organisations and sites are decoded already.
struct SessionDecoder: ObjectDecoder {
    static let list = "sessions"
    static var what: String { tr("a session", "une session") }

    /// The most training days a session may have: ten years of days.
    static let maxTrainingDays = 3660

    var organisations: DecodedList<Organisation>
    var sites: DecodedList<Site>
    var settings: InstanceSettings

    func decode(_ o: ObjectMembers, id: String?, _ d: inout InstanceDecoder) -> Session? {
        let org = d.reference(d.required(o, "organisation", Referent.organisation.idWanted), organisations.index, .organisation)
        let site = o["site"].flatMap { d.reference($0, sites.index, .site) }
        let siteOK = o["site"] == nil || site != nil
        let path = d.pathValue(d.required(o, "path", tr("a path length in hours", "une durée de parcours en heures")), settings.paths)
        let hpd = o["hoursPerDay"].map { d.number($0, InstanceDecoder.hoursPerDayWanted, above: 0, max: 24) }
            ?? settings.hoursPerDay
        let minSize = o["minSize"].map { d.whole($0, tr("a number of participants >= 0", "un nombre de participants ≥ 0")) } ?? 0
        let seats = capacity(o, &d)
        // A wrong site is reported, and the calendar is still checked below.
        let consistent = placeIsConsistent(o, organisation: org, site: site, inPerson: seats.inPerson, &d)
        guard let id, let org, let path, let hpd,
              let days = trainingDays(o, organisation: org, path: path, hoursPerDay: hpd, &d),
              consistent, siteOK, let minSize, let capIn = seats.inPerson, let capRemote = seats.remote else { return nil }
        return Session(id: id, organisation: org, site: site, path: path, days: days, hoursPerDay: hpd,
                       capacityInPerson: capIn, capacityRemote: capRemote, minSize: minSize)
    }

    /// The seats of each mode, 0 when not given; nil when wrong (in person: also when the
    /// capacity is missing or not an object).
    private func capacity(_ o: ObjectMembers, _ d: inout InstanceDecoder) -> (inPerson: Int?, remote: Int?) {
        guard let c = d.required(o, "capacity", tr("an object {\"inPerson\", \"remote\"}", "un objet {\"inPerson\", \"remote\"}")),
              let cap = d.object(c.node, c.path, keys: InstanceKeys.of("sessions[].capacity"),
                                 what: tr("a capacity {\"inPerson\", \"remote\"}", "une capacité {\"inPerson\", \"remote\"}"))
        else { return (nil, 0) }
        var inPerson: Int? = 0, remote: Int? = 0
        let seats = tr("a number of seats >= 0", "un nombre de places ≥ 0")
        if let f = cap["inPerson"] { inPerson = d.whole(f, seats) }
        if let f = cap["remote"] { remote = d.whole(f, seats) }
        return (inPerson, remote)
    }

    /// False, after reporting, when the site belongs to another organisation, or when a session
    /// without a site has in-person seats.
    private func placeIsConsistent(_ o: ObjectMembers, organisation org: Int?, site: Int?, inPerson: Int?,
                                   _ d: inout InstanceDecoder) -> Bool {
        var consistent = true
        if let org, let site, let s = sites[site], s.organisation != org {
            let owner = organisations[org]?.id ?? ""
            d.report(o.child("site"), tr("site \"\(s.id)\" belongs to another organisation; expected a site of \"\(owner)\"",
                                         "le site \"\(s.id)\" appartient à un autre organisme ; attendu : un site de \"\(owner)\""),
                     at: o["site"]!.node.position)
            consistent = false
        }
        if o["site"] == nil, let c = inPerson, c > 0 {
            d.report(o.child("capacity.inPerson"), tr("a session without a site is remote only; expected 0 in-person seats, found \(c)",
                                                      "une session sans site est à distance seulement ; attendu : 0 place en présentiel ; trouvé : \(c)"),
                     at: o["capacity"]?.node.position)
            consistent = false
        }
        return consistent
    }

    // MARK: - Training days

    /// The session's training days, listed or generated; nil when they cannot be had (reported).
    private func trainingDays(_ o: ObjectMembers, organisation org: Int, path: Int, hoursPerDay hpd: Double,
                              _ d: inout InstanceDecoder) -> [Day]? {
        // No session trains on more days than ten years hold (the calendar walk gives up after
        // ten years), and listing the days of, say, 105 h at 1e-300 h a day would never end.
        if Double(path) / hpd > Double(Self.maxTrainingDays) {
            let field = o["hoursPerDay"] ?? o["path"]!
            let hoursText = hpd >= 0.001 ? formatNumber(hpd) : "\(hpd)"
            let source = o["hoursPerDay"] == nil ? " (defaults.hoursPerDay)" : ""
            let most = Self.maxTrainingDays
            d.report(field.path, tr("a \(path) h path at \(hoursText) h per day\(source) needs more than \(most) training days; "
                                    + "expected more hours per day",
                                    "un parcours de \(path) h à \(hoursText) h par jour\(source) demande plus de \(most) jours de formation ; "
                                    + "attendu : plus d'heures par jour"), at: field.node.position)
            return nil
        }
        let closures = organisations[org]?.closures ?? []
        let hours = dailyHours(pathHours: path, hoursPerDay: hpd)
        if o["days"] != nil { return listedDays(o, hours: hours, hoursPerDay: hpd, closures: closures, &d) }
        return generatedDays(o, count: hours.count, closures: closures, &d)
    }

    /// The days listed in `days`, which must give each day its hours (`hours`) on workdays that
    /// are not closures, leaving a workday each week; `start` and `weekdays` must be absent.
    private func listedDays(_ o: ObjectMembers, hours: [Double], hoursPerDay: Double, closures: Set<Day>,
                            _ d: inout InstanceDecoder) -> [Day]? {
        for key in ["start", "weekdays"] where o[key] != nil {
            d.report(o.child(key), tr("a session with explicit days must omit \(key)", "une session aux jours listés (days) ne doit pas avoir \(key)"),
                     at: o[key]!.node.position)
        }
        guard let days = d.dates(o["days"]) else { return nil }
        guard listedDaysAreValid(days, o.child("days"), hours: hours, hoursPerDay: hoursPerDay, closures: closures, &d),
              o["start"] == nil, o["weekdays"] == nil else { return nil }
        return days
    }

    /// False, after reporting each problem, when the listed days do not make a valid calendar.
    private func listedDaysAreValid(_ days: [Day], _ path: String, hours: [Double], hoursPerDay: Double, closures: Set<Day>,
                                    _ d: inout InstanceDecoder) -> Bool {
        let calendar = settings.calendar
        var ok = true
        if days.count != hours.count {
            let h = formatNumber(hoursPerDay)
            d.report(path, tr("expected \(hours.count) training days of \(h) h (the last possibly shorter) to make the path's hours, found \(days.count)",
                              "attendu : \(hours.count) jours de formation de \(h) h (le dernier éventuellement plus court) pour faire les heures du parcours ; trouvé : \(days.count)"))
            ok = false
        }
        for (k, day) in days.enumerated() {
            let p = "\(path)[\(k)]"
            if k > 0, day <= days[k - 1] {
                d.report(p, tr("expected dates in increasing order; \(day) is not after \(days[k - 1])",
                               "attendu : des dates croissantes ; le \(day) n'est pas après le \(days[k - 1])"))
                ok = false
            }
            if !calendar.isWorkday(day) { d.report(p, tr("\(day) is not a workday", "le \(day) n'est pas un jour ouvré")); ok = false }
            if closures.contains(day) {
                d.report(p, tr("\(day) is a closure day of the organisation", "le \(day) est un jour de fermeture de l'organisme"))
                ok = false
            }
        }
        var perWeek: [Int: Int] = [:]
        for day in Set(days) { perWeek[day.isoWeek, default: 0] += 1 }
        for (week, n) in perWeek.sorted(by: { $0.key < $1.key }) where n >= calendar.workdaysInWeek(of: Day(number: week)) {
            let monday = Day(number: week)
            d.report(path, tr("the week of \(monday) has no workday left at the host structure (\(n) training days)",
                              "la semaine du \(monday) ne laisse aucun jour ouvré à la structure d'accueil (\(n) jours de formation)"))
            ok = false
        }
        return ok
    }

    /// `count` days from `start` on the session's `weekdays` (by default, the defaults'), as the
    /// calendar gives them.
    private func generatedDays(_ o: ObjectMembers, count: Int, closures: Set<Day>, _ d: inout InstanceDecoder) -> [Day]? {
        let weekdayList = o["weekdays"] == nil ? settings.trainingWeekdays : d.weekdays(o["weekdays"])
        guard let start = d.date(d.required(o, "start", tr("a start date \"YYYY-MM-DD\" (or explicit \"days\")", "une date de début \"AAAA-MM-JJ\" (ou des jours \"days\")"))),
              let weekdayList else { return nil }
        let weekdays = Set(weekdayList)
        if let why = settings.calendar.refusal(of: start, weekdays: weekdays, organisationClosures: closures, takenInWeek: 0) {
            d.report(o.child("start"), tr("the session cannot start on \(start): \(why)", "la session ne peut pas commencer le \(start) : \(why)"),
                     at: o["start"]!.node.position)
            return nil
        }
        guard let days = settings.calendar.trainingDays(start: start, weekdays: weekdays, organisationClosures: closures,
                                                         count: count) else {
            d.report(o.child("weekdays"), tr("no training day can be found after \(start) for these weekdays",
                                             "aucun jour de formation possible après le \(start) avec ces jours de la semaine"), at: o.position)
            return nil
        }
        return days
    }
}
