// Invalid instance files (SPEC §2.4): each defect is reported at its JSON path; all at once.
import Testing
@testable import PlanDomain

/// One invalid document and where its issue must be reported.
struct InvalidCase: Sendable, CustomTestStringConvertible {
    var label: String
    var bytes: [UInt8]
    var path: String
    /// A fragment the message must contain (case-insensitive), if any.
    var fragment: String?

    var testDescription: String { label }

    init(_ label: String, _ path: String, _ fragment: String? = nil, _ change: (inout J) -> Void) {
        self.label = label
        self.bytes = doc(change).bytes
        self.path = path
        self.fragment = fragment
    }

    init(_ label: String, bytes: [UInt8], _ path: String, _ fragment: String? = nil) {
        self.label = label
        self.bytes = bytes
        self.path = path
        self.fragment = fragment
    }

    /// A structure in Brest (territory 29), 210 km from the Rennes site.
    static let brest: J = ["id": "H2", "territory": "29", "lat": 48.3904, "lon": -4.4861]

    static let all: [InvalidCase] = [
        // The whole document.
        InvalidCase("empty file", bytes: [], "$", "empty"),
        InvalidCase("not UTF-8", bytes: Array("{\"name\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8), "$", "UTF-8"),
        InvalidCase("lone continuation byte", bytes: [0x7B, 0x80, 0x7D], "$", "UTF-8"),
        InvalidCase("parse error", bytes: Array("{\n  \"name\": ,\n}".utf8), "$", "line 2, column 11"),
        InvalidCase("parse error, trailing comma", bytes: Array("{\"sites\": [],\n}".utf8), "$", "a comma before a closing bracket at line 1, column 13"),
        InvalidCase("parse error, unterminated", bytes: Array("{\"name\": \"abc".utf8), "$", "line 1"),
        InvalidCase("parse error, trailing text", bytes: Array("{} {}".utf8), "$", "column 4"),
        InvalidCase("parse error, single quotes", bytes: Array("{'name': 1}".utf8), "$", "column 2"),
        InvalidCase("parse error, leading zero", bytes: Array("{\"paths\": [0105]}".utf8), "$", "line 1"),
        InvalidCase("parse error, NaN", bytes: Array("{\"paths\": [NaN]}".utf8), "$", "line 1"),
        InvalidCase("top level is a list", bytes: Array("[]".utf8), "$", "object"),
        InvalidCase("top level is a string", bytes: Array("\"instance\"".utf8), "$", "object"),
        InvalidCase("top level is null", bytes: Array("null".utf8), "$", "object"),

        // Required keys.
        InvalidCase("missing organisations", "organisations", "missing") { $0.remove("organisations") },
        InvalidCase("missing sites", "sites", "missing") { $0.remove("sites") },
        InvalidCase("missing sessions", "sessions", "missing") { $0.remove("sessions") },
        InvalidCase("missing structures", "structures", "missing") { $0.remove("structures") },
        InvalidCase("missing learners", "learners", "missing") { $0.remove("learners") },
        InvalidCase("null learners", "learners") { $0["learners"] = nil },
        InvalidCase("missing capacity", "sessions[0].capacity", "missing") { $0["sessions"][0].remove("capacity") },
        InvalidCase("null capacity", "sessions[0].capacity") { $0["sessions"][0]["capacity"] = nil },
        InvalidCase("missing learner id", "learners[0].id") { $0["learners"][0].remove("id") },
        InvalidCase("missing learner structure", "learners[0].structure") { $0["learners"][0].remove("structure") },
        InvalidCase("missing structure lat", "structures[0].lat") { $0["structures"][0].remove("lat") },
        InvalidCase("missing organisation territories", "organisations[0].territories") {
            $0["organisations"][0].remove("territories")
        },

        // Unknown keys, at the key itself.
        InvalidCase("unknown learner key", "learners[0].availabelFrom", "availableFrom") {
            $0["learners"][0]["availabelFrom"] = "2027-01-04"
        },
        InvalidCase("unknown top key", "sesions") { $0["sesions"] = [] },
        InvalidCase("unknown capacity key", "sessions[0].capacity.inperson") {
            $0["sessions"][0]["capacity"]["inperson"] = 3
        },
        InvalidCase("unknown calendar key", "calendar.holiday") { $0["calendar"] = ["holiday": "FR"] },
        InvalidCase("unknown weights key", "weights.perkm") { $0["weights"] = ["perkm": 2] },
        InvalidCase("unknown defaults key", "defaults.maxTravel") { $0["defaults"] = ["maxTravel": 2] },
        InvalidCase("unknown site key", "sites[1].latitude") { $0["sites"][1]["latitude"] = 47.0 },
        InvalidCase("unknown structure key", "structures[0].maxabsent") { $0["structures"][0]["maxabsent"] = 1 },
        InvalidCase("unknown pin key", "learners[0].assigned.sesion") {
            $0["learners"][0]["assigned"] = ["sesion": "S1", "mode": "inPerson"]
        },
        InvalidCase("duplicated key", "learners[0].id", "twice") {
            $0["learners"][0] = .obj([("id", "L1"), ("id", "L2"), ("structure", "H1"), ("path", 105)])
        },

        // Wrong types.
        InvalidCase("path as a string", "learners[0].path", "string") { $0["learners"][0]["path"] = "105" },
        InvalidCase("capacity as a number", "sessions[0].capacity") { $0["sessions"][0]["capacity"] = 3 },
        InvalidCase("territories as a string", "organisations[0].territories") { $0["organisations"][0]["territories"] = "35" },
        InvalidCase("territory as a number", "structures[0].territory") { $0["structures"][0]["territory"] = 35 },
        InvalidCase("learners as an object", "learners") { $0["learners"] = [:] },
        InvalidCase("learner as a string", "learners[0]") { $0["learners"][0] = "L1" },
        InvalidCase("name as a number", "name") { $0["name"] = 3 },
        InvalidCase("lat as a string", "sites[0].lat") { $0["sites"][0]["lat"] = "48.1" },
        InvalidCase("id as a number", "learners[0].id") { $0["learners"][0]["id"] = 1 },
        InvalidCase("empty id", "learners[0].id") { $0["learners"][0]["id"] = "" },
        InvalidCase("mode unknown", "learners[0].mode") { $0["learners"][0]["mode"] = "both" },
        InvalidCase("pinned mode unknown", "learners[0].assigned.mode") {
            $0["learners"][0]["assigned"] = ["session": "S1", "mode": "online"]
        },
        InvalidCase("assigned as a string", "learners[0].assigned") { $0["learners"][0]["assigned"] = "S1" },
        InvalidCase("bad weekday", "sessions[0].weekdays[1]", "monday") {
            $0["sessions"][0]["weekdays"] = ["tue", "monday"]
        },
        InvalidCase("weekday listed twice", "defaults.trainingWeekdays[1]") { $0["defaults"] = ["trainingWeekdays": ["mon", "mon"]] },
        InvalidCase("holidays neither FR nor none", "calendar.holidays") { $0["calendar"] = ["holidays": "DE"] },
        InvalidCase("alternation day as a string", "structures[0].alternationDays") {
            $0["structures"][0]["alternationDays"] = "wed"
        },

        // Ranges.
        InvalidCase("negative in-person capacity", "sessions[0].capacity.inPerson") {
            $0["sessions"][0]["capacity"]["inPerson"] = -1
        },
        InvalidCase("negative remote capacity", "sessions[0].capacity.remote") {
            $0["sessions"][0]["capacity"]["remote"] = -2
        },
        InvalidCase("capacity 12.5", "sessions[0].capacity.inPerson", "whole") {
            $0["sessions"][0]["capacity"]["inPerson"] = 12.5
        },
        InvalidCase("negative minSize", "sessions[0].minSize") { $0["sessions"][0]["minSize"] = -1 },
        InvalidCase("maxConcurrentSessions 1.5", "organisations[0].maxConcurrentSessions") {
            $0["organisations"][0]["maxConcurrentSessions"] = 1.5
        },
        InvalidCase("negative maxAbsent", "structures[0].maxAbsent") { $0["structures"][0]["maxAbsent"] = -1 },
        InvalidCase("session hoursPerDay 0", "sessions[0].hoursPerDay") { $0["sessions"][0]["hoursPerDay"] = 0 },
        InvalidCase("session hoursPerDay negative", "sessions[0].hoursPerDay") { $0["sessions"][0]["hoursPerDay"] = -7 },
        InvalidCase("default hoursPerDay 0", "defaults.hoursPerDay") { $0["defaults"] = ["hoursPerDay": 0] },
        InvalidCase("learner path not in paths", "learners[0].path", "280") { $0["learners"][0]["path"] = 100 },
        InvalidCase("session path not in paths", "sessions[0].path") { $0["sessions"][0]["path"] = 140 },
        InvalidCase("path removed from paths", "learners[0].path") {
            $0["paths"] = [105]
            $0["learners"][0]["path"] = 280
        },
        InvalidCase("path 0 in paths", "paths[1]") { $0["paths"] = [105, 0] },
        InvalidCase("negative weight", "weights.remote", ">= 0") { $0["weights"] = ["remote": -1] },
        InvalidCase("weight that overflows the objective", "weights.perKm", "at most 10000000000") { $0["weights"] = ["perKm": 1e308] },
        InvalidCase("negative default travel", "defaults.maxTravelKm") { $0["defaults"] = ["maxTravelKm": -5] },
        InvalidCase("negative learner travel", "learners[0].maxTravelKm") { $0["learners"][0]["maxTravelKm"] = -1 },

        // Dates.
        InvalidCase("bad availableFrom", "learners[0].availableFrom", "2027-02-29") {
            $0["learners"][0]["availableFrom"] = "2027-02-29"
        },
        InvalidCase("bad start", "sessions[0].start", "2027-13-01") { $0["sessions"][0]["start"] = "2027-13-01" },
        InvalidCase("bad closure", "organisations[0].closures[0]") { $0["organisations"][0]["closures"] = ["27-01-01"] },
        InvalidCase("bad global closure", "calendar.closures[1]") { $0["calendar"] = ["closures": ["2027-05-03", "2027-5-4"]] },
        InvalidCase("bad holiday", "calendar.holidays[0]") { $0["calendar"] = ["holidays": ["2027-02-30"]] },
        InvalidCase("date as a number", "learners[0].finishBy") { $0["learners"][0]["finishBy"] = 20270101 },
        InvalidCase("availableFrom after startBy", "learners[0].availableFrom", "startBy") {
            $0["learners"][0]["availableFrom"] = "2027-01-10"
            $0["learners"][0]["startBy"] = "2027-01-09"
        },
        InvalidCase("availableFrom after finishBy", "learners[0].availableFrom", "finishBy") {
            $0["learners"][0]["availableFrom"] = "2027-03-10"
            $0["learners"][0]["finishBy"] = "2027-03-01"
        },

        // Coordinates.
        InvalidCase("structure lat 91", "structures[0].lat") { $0["structures"][0]["lat"] = 91 },
        InvalidCase("structure lat -90.5", "structures[0].lat") { $0["structures"][0]["lat"] = -90.5 },
        InvalidCase("structure lon 180.01", "structures[0].lon") { $0["structures"][0]["lon"] = 180.01 },
        InvalidCase("site lon -181", "sites[0].lon") { $0["sites"][0]["lon"] = -181 },
        InvalidCase("site lat 100", "sites[1].lat") { $0["sites"][1]["lat"] = 100 },

        // Ids and references.
        InvalidCase("duplicated learner id", "learners[1].id", "L1") {
            $0["learners"].append(["id": "L1", "structure": "H1", "path": 105])
        },
        InvalidCase("duplicated session id", "sessions[1].id", "S1") {
            $0["sessions"].append($0["sessions"][0])
        },
        InvalidCase("duplicated site id", "sites[1].id", "RENNES") { $0["sites"][1]["id"] = "RENNES" },
        InvalidCase("duplicated structure id", "structures[1].id") { $0["structures"].append($0["structures"][0]) },
        InvalidCase("learner's structure dangles", "learners[0].structure", "H9") { $0["learners"][0]["structure"] = "H9" },
        InvalidCase("session's site dangles", "sessions[0].site", "BREST") { $0["sessions"][0]["site"] = "BREST" },
        InvalidCase("session's organisation dangles", "sessions[0].organisation", "OF-Z") {
            $0["sessions"][0]["organisation"] = "OF-Z"
        },
        InvalidCase("site's organisation dangles", "sites[1].organisation") { $0["sites"][1]["organisation"] = "OF-Z" },
        InvalidCase("pinned session dangles", "learners[0].assigned.session", "S9") {
            $0["learners"][0]["assigned"] = ["session": "S9", "mode": "inPerson"]
        },

        // Sessions.
        InvalidCase("site of another organisation", "sessions[0].site", "VANNES") { $0["sessions"][0]["site"] = "VANNES" },
        InvalidCase("no site and in-person seats", "sessions[0].capacity.inPerson") { $0["sessions"][0].remove("site") },
        InvalidCase("null site and in-person seats", "sessions[0].capacity.inPerson") { $0["sessions"][0]["site"] = nil },
        InvalidCase("calendar rule: start on a holiday", "sessions[0].start", "holiday") {
            $0["sessions"][0]["start"] = "2027-03-29"
        },
        InvalidCase("calendar rule: start on a Friday", "sessions[0].start") { $0["sessions"][0]["start"] = "2027-01-08" },
        InvalidCase("calendar rule: explicit days with no free workday", "sessions[1].days") {
            $0["sessions"].append(["id": "S2", "organisation": "OF-A", "site": "RENNES", "path": 105, "hoursPerDay": 21,
                                   "days": ["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08"],
                                   "capacity": ["inPerson": 1]])
        },

        // Pinned assignments that are not eligible.
        InvalidCase("pinned: wrong path", "learners[0].assigned", "path") {
            $0["sessions"].append(["id": "S2", "organisation": "OF-A", "site": "RENNES", "path": 280, "start": "2027-01-04",
                                   "capacity": ["inPerson": 1]])
            $0["learners"][0]["assigned"] = ["session": "S2", "mode": "inPerson"]
        },
        InvalidCase("pinned: too far", "learners[0].assigned", "210 km") {
            $0["structures"].append(brest)
            $0["learners"][0]["structure"] = "H2"
            $0["learners"][0]["assigned"] = ["session": "S1", "mode": "inPerson"]
        },
        InvalidCase("pinned: mode not allowed", "learners[0].assigned") {
            $0["learners"][0]["mode"] = "remote"
            $0["learners"][0]["assigned"] = ["session": "S1", "mode": "inPerson"]
        },
        InvalidCase("pinned: starts after startBy", "learners[0].assigned") {
            $0["learners"][0]["startBy"] = "2027-01-03"
            $0["learners"][0]["assigned"] = ["session": "S1", "mode": "remote"]
        },
        InvalidCase("pinned: territory not covered", "learners[0].assigned") {
            $0["structures"][0]["territory"] = "56"
            $0["learners"][0]["assigned"] = ["session": "S1", "mode": "remote"]
        },
        InvalidCase("pinned: no remote seats", "learners[1].assigned") {
            $0["sessions"][0]["capacity"]["remote"] = 0
            $0["learners"].append(["id": "L2", "structure": "H1", "path": 105, "assigned": ["session": "S1", "mode": "remote"]])
        },
    ]
}

@Suite struct InvalidInstanceTests {
    @Test(arguments: InvalidCase.all)
    func reportsTheDefectAtItsPath(c: InvalidCase) {
        let found = issues(of: c.bytes)
        #expect(!found.isEmpty, "the document decoded")
        let atPath = found.filter { $0.path == c.path }
        #expect(!atPath.isEmpty, "no issue at \(c.path): \(found)")
        if let fragment = c.fragment {
            #expect(atPath.contains { $0.message.lowercased().contains(fragment.lowercased()) },
                    "no message at \(c.path) mentions \"\(fragment)\": \(atPath.map(\.message))")
        }
        for issue in found { #expect(!issue.message.isEmpty) }
    }

    @Test func theBaseDocumentIsValid() throws {
        let instance = try decodeValid(baseDoc())
        #expect(instance.name == "Test instance")
        #expect(instance.organisations.map(\.id) == ["OF-A", "OF-B"])
        #expect(instance.sites.map(\.id) == ["RENNES", "VANNES"])
        #expect(instance.sessions.map(\.id) == ["S1"])
        #expect(instance.structures.map(\.id) == ["H1"])
        #expect(instance.learners.map(\.id) == ["L1"])
        #expect(instance.sites[1].organisation == 1)
        #expect(instance.sessions[0].site == 0)
        #expect(instance.sessions[0].capacityInPerson == 2)
        #expect(instance.sessions[0].capacityRemote == 1)
        #expect(instance.sessions[0].minSize == 0)
        #expect(instance.learners[0].mode == .any)
        #expect(instance.paths == [105, 280, 350, 420])
        #expect(instance.weights == Weights())
        #expect(instance.defaultMaxTravelKm == 100)
        #expect(instance.defaultHoursPerDay == 7)
        #expect(instance.defaultTrainingWeekdays == [.mon, .tue, .wed, .thu])
        #expect(instance.calendar.workdays == [.mon, .tue, .wed, .thu, .fri])
        #expect(instance.calendar.holidays == .france)
        #expect(instance.calendar.closures.isEmpty)
    }

    @Test func aWholeDocumentIssueIsTheOnlyOne() {
        let found = issues(of: Array("{\n  \"name\": ,\n}".utf8))
        #expect(found.count == 1)
        #expect(found.first?.path == "$")
        #expect(found.first?.line == 2)
        #expect(found.first?.column == 11)
    }

    @Test func parseErrorColumnsCountCharacters() {
        // "é" is two bytes but one column: the error at the stray `x` is in column 14 (15 in bytes).
        let found = issues(of: Array("{\"name\": \"é\" x}".utf8))
        #expect(found.first?.message.contains("line 1, column 14") == true, "\(found)")
    }

    @Test func allErrorsAreReportedAtOnce() {
        let found = issues(of: doc {
            $0["learners"][0]["availabelFrom"] = "2027-01-04"
            $0["sessions"][0]["capacity"]["inPerson"] = -1
            $0["structures"][0]["lat"] = 91
        })
        #expect(found.count == 3, "\(found)")
        #expect(Set(found.map(\.path)) == ["learners[0].availabelFrom", "sessions[0].capacity.inPerson", "structures[0].lat"])
    }

    @Test func errorsInEveryListAreReportedAtOnce() {
        let found = issues(of: doc {
            $0["weights"] = ["perKm": -1]
            $0["organisations"][1]["territories"] = [56]
            $0["sites"][0]["lon"] = 200
            $0["sessions"][0]["path"] = 99
            $0["structures"][0]["maxAbsent"] = -1
            $0["learners"][0]["structure"] = "NOPE"
            $0["learners"].append(["id": "L1", "structure": "H1", "path": 105])
        })
        let expected: Set<String> = ["weights.perKm", "organisations[1].territories[0]", "sites[0].lon", "sessions[0].path",
                                     "structures[0].maxAbsent", "learners[0].structure", "learners[1].id"]
        #expect(Set(found.map(\.path)) == expected, "\(found)")
    }

    /// SPEC §2.4: "all errors are reported at once, not only the first". An ineligible pinned
    /// assignment to a valid session must be reported even when some other, unrelated part of the
    /// file is invalid.
    @Test(arguments: [
        ("another session is invalid", "sessions[1].capacity.inPerson"),
        ("another structure is invalid", "structures[1].lat"),
    ])
    func pinnedIneligibilityIsReportedWithOtherErrors(label: String, otherPath: String) {
        let found = issues(of: doc {
            $0["sessions"].append(["id": "S2", "organisation": "OF-A", "site": "RENNES", "path": 105, "start": "2027-01-04",
                                   "capacity": ["inPerson": otherPath.hasPrefix("sessions") ? -1 : 1]])
            $0["structures"].append(["id": "H2", "territory": "35", "lat": otherPath.hasPrefix("structures") ? 95 : 48,
                                     "lon": -1.5])
            $0["learners"][0]["mode"] = "inPerson"
            $0["learners"][0]["assigned"] = ["session": "S1", "mode": "remote"]
        })
        #expect(Set(found.map(\.path)) == [otherPath, "learners[0].assigned"], "\(label): \(found)")
    }

    /// SPEC §2.4, all errors at once: a session's site problem and its (independent) calendar
    /// problem are both reported.
    @Test(arguments: [
        ("site of another organisation", "sessions[0].site"),
        ("no site with in-person seats", "sessions[0].capacity.inPerson"),
    ])
    func sessionSiteAndCalendarErrorsAreBothReported(label: String, sitePath: String) {
        let found = issues(of: doc {
            if sitePath.hasSuffix("site") { $0["sessions"][0]["site"] = "VANNES" } else { $0["sessions"][0].remove("site") }
            $0["sessions"][0]["start"] = "2027-03-29"     // Easter Monday
        })
        #expect(Set(found.map(\.path)) == [sitePath, "sessions[0].start"], "\(label): \(found)")
    }

    // MARK: Valid variants

    @Test func optionalKeysGivenAsNullEqualAbsentOnes() throws {
        let absent = try decodeValid(doc {
            $0["learners"][0]["availableFrom"] = "2027-01-01"
        })
        let nulls = try decodeValid(doc {
            $0["name"] = nil
            $0["paths"] = nil
            $0["calendar"] = ["workdays": nil, "holidays": nil, "closures": nil]
            $0["weights"] = ["unassigned": nil, "remote": nil, "perKm": nil, "perWaitingDay": nil, "openSession": nil]
            $0["defaults"] = ["hoursPerDay": nil, "trainingWeekdays": nil]
            $0["organisations"][0]["name"] = nil
            $0["organisations"][0]["maxConcurrentSessions"] = nil
            $0["organisations"][0]["closures"] = nil
            $0["sites"][0]["name"] = nil
            $0["sessions"][0]["weekdays"] = nil
            $0["sessions"][0]["hoursPerDay"] = nil
            $0["sessions"][0]["days"] = nil
            $0["sessions"][0]["minSize"] = nil
            $0["sessions"][0]["capacity"]["remote"] = nil
            $0["structures"][0]["name"] = nil
            $0["structures"][0]["maxTravelKm"] = nil
            $0["structures"][0]["alternationDays"] = nil
            $0["structures"][0]["maxAbsent"] = nil
            $0["learners"][0]["name"] = nil
            $0["learners"][0]["availableFrom"] = "2027-01-01"
            $0["learners"][0]["startBy"] = nil
            $0["learners"][0]["finishBy"] = nil
            $0["learners"][0]["mode"] = nil
            $0["learners"][0]["maxTravelKm"] = nil
            $0["learners"][0]["assigned"] = nil
        })
        #expect(nulls.name == nil)
        #expect(nulls.paths == absent.paths)
        #expect(nulls.calendar.workdays == absent.calendar.workdays)
        #expect(nulls.calendar.holidays == absent.calendar.holidays)
        #expect(nulls.weights == absent.weights)
        #expect(nulls.defaultHoursPerDay == absent.defaultHoursPerDay)
        #expect(nulls.defaultTrainingWeekdays == absent.defaultTrainingWeekdays)
        #expect(nulls.defaultMaxTravelKm == 100)
        #expect(nulls.organisations[0].maxConcurrentSessions == nil)
        #expect(nulls.organisations[0].closures.isEmpty)
        #expect(nulls.sessions[0].days == absent.sessions[0].days)
        #expect(nulls.sessions[0].hours == absent.sessions[0].hours)
        #expect(nulls.sessions[0].minSize == 0)
        #expect(nulls.sessions[0].capacityRemote == 0)
        #expect(nulls.structures[0].maxTravelKm == nil)
        #expect(nulls.structures[0].alternationDays.isEmpty)
        #expect(nulls.structures[0].maxAbsent == nil)
        let l = nulls.learners[0]
        #expect(l.startBy == nil && l.finishBy == nil && l.maxTravelKm == nil && l.assigned == nil)
        #expect(l.mode == .any)
        #expect(nulls.objective(of: [Option(session: 0, mode: .inPerson)])
                == absent.objective(of: [Option(session: 0, mode: .inPerson)]))
    }

    @Test func nullDefaultTravelMeansNoLimit() throws {
        let absent = try decodeValid(doc { $0["defaults"] = [:] })
        let null = try decodeValid(doc { $0["defaults"] = ["maxTravelKm": nil] })
        #expect(absent.defaultMaxTravelKm == 100)
        #expect(null.defaultMaxTravelKm == nil)
    }

    @Test func wholeNumbersMayBeWrittenWithAFraction() throws {
        let instance = try decodeValid(doc {
            $0["paths"] = [105.0, 280]
            $0["organisations"][0]["maxConcurrentSessions"] = 2.0
            $0["sessions"][0]["path"] = 105.0
            $0["sessions"][0]["capacity"] = ["inPerson": 12.0, "remote": .num("1.0e1")]
            $0["sessions"][0]["minSize"] = 3.0
            $0["structures"][0]["maxAbsent"] = 1.0
            $0["learners"][0]["path"] = 105.0
        })
        #expect(instance.paths == [105, 280])
        #expect(instance.organisations[0].maxConcurrentSessions == 2)
        #expect(instance.sessions[0].path == 105)
        #expect(instance.sessions[0].capacityInPerson == 12)
        #expect(instance.sessions[0].capacityRemote == 10)
        #expect(instance.sessions[0].minSize == 3)
        #expect(instance.structures[0].maxAbsent == 1)
        #expect(instance.learners[0].path == 105)
    }

    @Test func weightsMayBeZeroOrFractional() throws {
        let instance = try decodeValid(doc {
            $0["weights"] = ["unassigned": 0, "remote": 2.5, "perKm": 0.25, "perWaitingDay": 0, "openSession": 7]
        })
        #expect(instance.weights.unassigned == 0)
        #expect(instance.weights.remote == 2.5)
        #expect(instance.weights.perKm == 0.25)
        #expect(instance.weights.perWaitingDay == 0)
        #expect(instance.weights.openSession == 7)
    }

    @Test func emptyListsAreValid() throws {
        let instance = try decodeValid(["organisations": [], "sites": [], "sessions": [], "structures": [], "learners": []])
        #expect(instance.sessions.isEmpty && instance.learners.isEmpty)
    }

    @Test func remoteOnlySessionWithoutSite() throws {
        let instance = try decodeValid(doc {
            $0["sessions"][0]["site"] = nil
            $0["sessions"][0]["capacity"] = ["inPerson": 0, "remote": 5]
        })
        #expect(instance.sessions[0].site == nil)
        #expect(instance.sessions[0].capacityRemote == 5)
    }

    @Test func eligiblePinsAreKept() throws {
        let instance = try decodeValid(doc {
            $0["learners"][0]["assigned"] = ["session": "S1", "mode": "remote"]
        })
        #expect(instance.learners[0].assigned == Pin(session: 0, mode: .remote))
    }

    @Test func byteOrderMarkIsNotAnError() throws {
        // A UTF-8 byte order mark before the document is tolerated.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + baseDoc().bytes
        #expect(throws: Never.self) { _ = try Instance.decode(bytes) }
    }
}
