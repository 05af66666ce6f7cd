// Dates, weekdays, ISO weeks, French holidays, and the session calendar rule of SPEC §2.1.
import Testing
@testable import PlanDomain

@Suite struct DayTests {
    @Test(arguments: ["2027-01-04", "1970-01-01", "2000-02-29", "2024-02-29", "1999-12-31", "2038-04-25", "0001-01-01",
                      "9999-12-31"])
    func parsesAndFormatsRoundTrip(text: String) throws {
        let d = try #require(Day(iso: text))
        #expect(d.description == text)
        #expect(Day(number: d.number) == d)
        let c = d.civil
        #expect(Day(year: c.year, month: c.month, day: c.day) == d)
    }

    @Test func knownDayNumbers() {
        #expect(day("1970-01-01").number == 0)
        #expect(day("1970-01-02").number == 1)
        #expect(day("1969-12-31").number == -1)
        #expect(day("2027-01-04").number == 20822)
        #expect(Day(number: 20822).description == "2027-01-04")
    }

    @Test(arguments: ["2027-02-29", "2027-13-01", "27-01-01", "2027-00-10", "2027-01-00", "2027-01-32", "2027-04-31",
                      "1900-02-29", "2027-1-01", "2027/01/01", "2027-01-01 ", "", "abcd-ef-gh", "0000-01-01",
                      "+027-01-01", "2027-01-0a"])
    func rejectsInvalidDates(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test(arguments: [
        ("2027-01-04", Weekday.mon), ("2027-01-05", .tue), ("2027-01-06", .wed), ("2027-01-07", .thu),
        ("2027-01-08", .fri), ("2027-01-09", .sat), ("2027-01-10", .sun), ("1970-01-01", .thu),
        ("1969-12-29", .mon), ("2000-02-29", .tue), ("2024-12-25", .wed), ("2026-12-31", .thu),
    ])
    func weekdayOfKnownDates(text: String, expected: Weekday) {
        #expect(day(text).weekday == expected)
    }

    @Test func weekdayIndexes() {
        #expect(Weekday.allCases.map(\.index) == [0, 1, 2, 3, 4, 5, 6])
        #expect(Weekday.allCases.map(\.rawValue) == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
        #expect(Weekday.mon < Weekday.sun)
    }

    @Test func isoWeekRunsMondayToSunday() {
        let monday = day("2027-01-04")
        for k in 0..<7 {
            #expect(monday.adding(days: k).isoWeek == monday.isoWeek)
            #expect(monday.adding(days: k).monday == monday)
        }
        #expect(day("2027-01-03").isoWeek != monday.isoWeek)        // the Sunday before
        #expect(day("2027-01-11").isoWeek != monday.isoWeek)        // the next Monday
        // A week that spans two years.
        #expect(day("2027-01-03").monday == day("2026-12-28"))
        #expect(day("2027-01-01").isoWeek == day("2026-12-28").isoWeek)
        // Before the epoch too.
        #expect(day("1969-12-31").monday == day("1969-12-29"))
    }

    @Test func arithmetic() {
        #expect(day("2027-03-01") - day("2027-02-28") == 1)
        #expect(day("2024-03-01") - day("2024-02-28") == 2)
        #expect(day("2027-12-31").adding(days: 1) == day("2028-01-01"))
        #expect(day("2027-01-04") < day("2027-01-05"))
    }
}

@Suite struct FrenchHolidayTests {
    @Test(arguments: [(2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
                      (2038, "2038-04-25"), (2008, "2008-03-23"), (2019, "2019-04-21"), (2000, "2000-04-23")])
    func easter(year: Int, expected: String) {
        #expect(FrenchHolidays.easter(year).description == expected)
    }

    @Test(arguments: [
        "2027-01-01", "2027-03-29", "2027-05-01", "2027-05-08", "2027-05-06", "2027-05-17", "2027-07-14",
        "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25",
        "2024-04-01", "2024-05-09", "2024-05-20",                       // Easter 2024-03-31
        "2025-04-21", "2025-05-29", "2025-06-09",                       // Easter 2025-04-20
        "2026-04-06", "2026-05-14", "2026-05-25",                       // Easter 2026-04-05
        "2038-04-26", "2038-06-03", "2038-06-14",                       // Easter 2038-04-25 (latest Whit Monday)
        "2008-03-24",                                                   // early Easter Monday
    ])
    func holidays(text: String) {
        #expect(FrenchHolidays.isHoliday(day(text)))
        #expect(HolidayRule.france.contains(day(text)))
    }

    @Test(arguments: [
        "2027-03-28",   // Easter Sunday itself is not listed
        "2027-03-26",   // Good Friday
        "2027-05-16",   // Whit Sunday
        "2027-05-05", "2027-05-07", "2027-05-18", "2027-12-26", "2027-01-02", "2027-07-13", "2027-04-05",
        "2024-03-31", "2026-05-07",
    ])
    func notHolidays(text: String) {
        #expect(!FrenchHolidays.isHoliday(day(text)))
        #expect(!HolidayRule.france.contains(day(text)))
    }

    @Test func holidaysOfAYear() {
        let expected = ["2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17", "2027-07-14",
                        "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"]
        #expect(FrenchHolidays.holidays(2027).map(\.description) == expected)
    }

    @Test func everyComputedHolidayIsAHolidayAndNoOtherDay() {
        // Compare isHoliday with holidays(year) over whole years.
        for year in [2024, 2025, 2026, 2027, 2038] {
            let listed = Set(FrenchHolidays.holidays(year))
            var d = Day(year: year, month: 1, day: 1)!
            let end = Day(year: year, month: 12, day: 31)!
            var count = 0
            while d <= end {
                #expect(FrenchHolidays.isHoliday(d) == listed.contains(d), "\(d)")
                if FrenchHolidays.isHoliday(d) { count += 1 }
                d = d.adding(days: 1)
            }
            #expect(count == 11, "\(year): \(count) holidays")
        }
    }

    @Test func holidayRules() {
        #expect(!HolidayRule.none.contains(day("2027-01-01")))
        let rule = HolidayRule.dates([day("2027-02-03")])
        #expect(rule.contains(day("2027-02-03")))
        #expect(!rule.contains(day("2027-01-01")))
    }
}

@Suite struct WorkCalendarTests {
    let calendar = WorkCalendar(workdays: [.mon, .tue, .wed, .thu, .fri], holidays: .france, closures: [day("2027-01-13")])

    @Test func workdays() {
        #expect(calendar.isWorkday(day("2027-01-04")))
        #expect(!calendar.isWorkday(day("2027-01-09")))   // Saturday
        #expect(!calendar.isWorkday(day("2027-01-01")))   // holiday
        #expect(!calendar.isWorkday(day("2027-01-13")))   // global closure
        #expect(calendar.workdaysInWeek(of: day("2027-01-06")) == 5)
        #expect(calendar.workdaysInWeek(of: day("2027-01-13")) == 4)
        #expect(calendar.workdaysInWeek(of: day("2027-03-31")) == 4)  // Easter Monday week
        #expect(calendar.workdays(from: day("2027-01-07"), through: day("2027-01-12")).map(\.description)
                == ["2027-01-07", "2027-01-08", "2027-01-11", "2027-01-12"])
        #expect(calendar.workdays(from: day("2027-01-12"), through: day("2027-01-07")).isEmpty)
    }

    @Test func dailyHoursOfPaths() {
        #expect(dailyHours(pathHours: 105, hoursPerDay: 7) == Array(repeating: 7, count: 15))
        #expect(dailyHours(pathHours: 280, hoursPerDay: 3.5) == Array(repeating: 3.5, count: 80))
        let h = dailyHours(pathHours: 350, hoursPerDay: 6)
        #expect(h.count == 59)
        #expect(h.last == 2)
        #expect(h.dropLast().allSatisfy { $0 == 6 })
        let odd = dailyHours(pathHours: 105, hoursPerDay: 0.1)
        #expect(odd.count == 1050)
        #expect(abs(odd.reduce(0, +) - 105) < 1e-6)
    }
}

/// The session calendar rule of SPEC §2.1, through `Instance.decode`.
@Suite struct SessionCalendarTests {
    /// The first session of the base document after a change to it.
    func session(_ change: (inout J) -> Void) throws -> Session {
        let instance = try decodeValid(doc(change))
        return try #require(instance.sessions.first)
    }

    @Test func mondayStartWithDefaultWeekdaysKeepsFridayFree() throws {
        let s = try session { _ in }
        #expect(isoDays(s) == ["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07",
                               "2027-01-11", "2027-01-12", "2027-01-13", "2027-01-14",
                               "2027-01-18", "2027-01-19", "2027-01-20", "2027-01-21",
                               "2027-01-25", "2027-01-26", "2027-01-27"])
        #expect(s.hours == Array(repeating: 7, count: 15))
        #expect(s.start == day("2027-01-04"))
        #expect(s.end == day("2027-01-27"))
        #expect(s.trainingWeekdays == [.mon, .tue, .wed, .thu])
    }

    @Test func easterMondayWeekTrainsTuesdayToThursday() throws {
        let s = try session { $0["sessions"][0]["start"] = "2027-03-22" }
        #expect(isoDays(s) == ["2027-03-22", "2027-03-23", "2027-03-24", "2027-03-25",
                               "2027-03-30", "2027-03-31", "2027-04-01",
                               "2027-04-05", "2027-04-06", "2027-04-07", "2027-04-08",
                               "2027-04-12", "2027-04-13", "2027-04-14", "2027-04-15"])
    }

    @Test func fridayHolidayMakesTheRuleSkipThursday() throws {
        // Friday 2027-01-01 is a holiday: the week of 2026-12-28 has 4 workdays, so a mon–thu session
        // takes Monday to Wednesday and leaves Thursday free.
        let s = try session { $0["sessions"][0]["start"] = "2026-12-28" }
        #expect(isoDays(s) == ["2026-12-28", "2026-12-29", "2026-12-30",
                               "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07",
                               "2027-01-11", "2027-01-12", "2027-01-13", "2027-01-14",
                               "2027-01-18", "2027-01-19", "2027-01-20", "2027-01-21"])
        #expect(!s.days.contains(day("2026-12-31")))
    }

    @Test func mondayToFridayWeekdaysLeaveTheFifthDayFree() throws {
        let s = try session {
            $0["sessions"][0]["weekdays"] = ["mon", "tue", "wed", "thu", "fri"]
        }
        #expect(isoDays(s) == ["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07",
                               "2027-01-11", "2027-01-12", "2027-01-13", "2027-01-14",
                               "2027-01-18", "2027-01-19", "2027-01-20", "2027-01-21",
                               "2027-01-25", "2027-01-26", "2027-01-27"])
        #expect(!s.days.contains { $0.weekday == .fri })
    }

    @Test func mondayToFridayAcrossAscensionAndWhitMonday() throws {
        // Week of 2027-05-03: Thursday 05-06 is Ascension, 4 workdays left: Mon–Wed, Friday free.
        // Week of 2027-05-10: Mon–Thu, Friday free. Week of 2027-05-17: Whit Monday, Tue–Thu, Friday free.
        let s = try session {
            $0["sessions"][0]["start"] = "2027-05-03"
            $0["sessions"][0]["weekdays"] = ["mon", "tue", "wed", "thu", "fri"]
        }
        #expect(isoDays(s) == ["2027-05-03", "2027-05-04", "2027-05-05",
                               "2027-05-10", "2027-05-11", "2027-05-12", "2027-05-13",
                               "2027-05-18", "2027-05-19", "2027-05-20",
                               "2027-05-24", "2027-05-25", "2027-05-26", "2027-05-27",
                               "2027-05-31"])
    }

    @Test func thursdayStart() throws {
        let s = try session { $0["sessions"][0]["start"] = "2027-01-07" }
        #expect(isoDays(s) == ["2027-01-07",
                               "2027-01-11", "2027-01-12", "2027-01-13", "2027-01-14",
                               "2027-01-18", "2027-01-19", "2027-01-20", "2027-01-21",
                               "2027-01-25", "2027-01-26", "2027-01-27", "2027-01-28",
                               "2027-02-01", "2027-02-02"])
        // With Friday allowed, a session that starts on Thursday takes Thursday and Friday: Monday
        // to Wednesday of that week stay free.
        let f = try session {
            $0["sessions"][0]["start"] = "2027-01-07"
            $0["sessions"][0]["weekdays"] = ["mon", "tue", "wed", "thu", "fri"]
        }
        #expect(isoDays(f).prefix(3) == ["2027-01-07", "2027-01-08", "2027-01-11"])
        #expect(f.end == day("2027-02-01"))
    }

    @Test func sessionWeekdaysAreRespected() throws {
        let s = try session {
            $0["sessions"][0]["start"] = "2027-01-05"
            $0["sessions"][0]["weekdays"] = ["tue", "thu"]
        }
        #expect(s.days.count == 15)
        #expect(s.days.allSatisfy { $0.weekday == .tue || $0.weekday == .thu })
        #expect(isoDays(s).prefix(4) == ["2027-01-05", "2027-01-07", "2027-01-12", "2027-01-14"])
        #expect(s.trainingWeekdays == [.tue, .thu])
    }

    @Test func defaultTrainingWeekdaysAndHoursApply() throws {
        let s = try session {
            $0["defaults"] = ["trainingWeekdays": ["mon", "wed"], "hoursPerDay": 5]
        }
        #expect(s.days.count == 21)
        #expect(s.hours == Array(repeating: 5, count: 21))
        #expect(s.days.allSatisfy { $0.weekday == .mon || $0.weekday == .wed })
    }

    @Test func organisationClosuresAreSkipped() throws {
        let s = try session { $0["organisations"][0]["closures"] = ["2027-01-05"] }
        #expect(isoDays(s).prefix(4) == ["2027-01-04", "2027-01-06", "2027-01-07", "2027-01-11"])
        #expect(s.end == day("2027-01-28"))
    }

    @Test func organisationClosureStillCountsAsAFreeWorkday() throws {
        // Tuesday is closed for the organisation only: it stays a workday at the host structure, so a
        // mon–fri session may take Monday, Wednesday, Thursday and Friday that week.
        let s = try session {
            $0["organisations"][0]["closures"] = ["2027-01-05"]
            $0["sessions"][0]["weekdays"] = ["mon", "tue", "wed", "thu", "fri"]
        }
        #expect(isoDays(s).prefix(5) == ["2027-01-04", "2027-01-06", "2027-01-07", "2027-01-08", "2027-01-11"])
        #expect(s.end == day("2027-01-27"))
    }

    @Test func globalClosureIsNotAWorkday() throws {
        // The same Tuesday as a global closure: 4 workdays left, so Friday must stay free.
        let s = try session {
            $0["calendar"] = ["closures": ["2027-01-05"]]
            $0["sessions"][0]["weekdays"] = ["mon", "tue", "wed", "thu", "fri"]
        }
        #expect(isoDays(s).prefix(4) == ["2027-01-04", "2027-01-06", "2027-01-07", "2027-01-11"])
        #expect(s.end == day("2027-01-28"))
    }

    @Test func calendarWorkdaysAndExplicitHolidays() throws {
        // Workdays mon–wed and an explicit holiday list: a mon–thu session trains two days a week.
        let s = try session {
            $0["calendar"] = ["workdays": ["mon", "tue", "wed"], "holidays": ["2027-01-12"]]
        }
        #expect(isoDays(s).prefix(5) == ["2027-01-04", "2027-01-05", "2027-01-11", "2027-01-18", "2027-01-19"])
        // "none": 2027-01-01 (a Friday) is an ordinary workday.
        let n = try session {
            $0["calendar"] = ["holidays": "none"]
            $0["sessions"][0]["start"] = "2026-12-28"
        }
        #expect(isoDays(n).prefix(5) == ["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-04"])
    }

    @Test func hoursPerDayThreeAndAHalf() throws {
        let s = try session { $0["sessions"][0]["hoursPerDay"] = 3.5 }
        #expect(s.days.count == 30)
        #expect(s.hours == Array(repeating: 3.5, count: 30))
        #expect(s.hoursPerDay == 3.5)
    }

    @Test func hoursPerDaySixLastDayShorter() throws {
        let s = try session {
            $0["sessions"][0]["path"] = 350
            $0["sessions"][0]["hoursPerDay"] = 6
        }
        #expect(s.days.count == 59)
        #expect(s.hours.count == 59)
        #expect(s.hours.last == 2)
        #expect(s.hours.dropLast().allSatisfy { $0 == 6 })
        #expect(s.hours.reduce(0, +) == 350)
        #expect(s.days.count == Set(s.days).count)
        #expect(zip(s.days, s.days.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func generatedCalendarsAlwaysKeepAFreeWorkdayPerWeek() throws {
        let cal = WorkCalendar(workdays: [.mon, .tue, .wed, .thu, .fri], holidays: .france, closures: [])
        for start in ["2027-01-04", "2027-03-30", "2027-05-03", "2027-07-12", "2027-10-25", "2027-12-20"] {
            let s = try session {
                $0["sessions"][0]["path"] = 420
                $0["sessions"][0]["start"] = .str(start)
                $0["sessions"][0]["weekdays"] = ["mon", "tue", "wed", "thu", "fri", "sat"]
            }
            #expect(s.days.count == 60)
            var perWeek: [Int: Int] = [:]
            for d in s.days {
                #expect(cal.isWorkday(d), "\(d) is not a workday")
                perWeek[d.isoWeek, default: 0] += 1
            }
            for (week, n) in perWeek {
                #expect(n < cal.workdaysInWeek(of: Day(number: week)), "week of \(Day(number: week)) starting \(start)")
            }
        }
    }

    // MARK: Explicit days

    /// Session S1 with explicit days at 21 h a day (105 h: 5 days).
    func explicit(_ dates: [String], _ change: (inout J) -> Void = { _ in }) -> J {
        doc {
            $0["sessions"][0].remove("start")
            $0["sessions"][0]["hoursPerDay"] = 21
            $0["sessions"][0]["days"] = .arr(dates.map(J.str))
            change(&$0)
        }
    }

    @Test func explicitDaysValid() throws {
        let instance = try decodeValid(explicit(["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-11"]))
        let s = try #require(instance.sessions.first)
        #expect(isoDays(s) == ["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-11"])
        #expect(s.start == day("2027-01-04"))
        #expect(s.end == day("2027-01-11"))
        #expect(s.hours == [21, 21, 21, 21, 21])
    }

    @Test func explicitDaysLastDayShorter() throws {
        let d = explicit(["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-12"]) {
            $0["sessions"][0]["hoursPerDay"] = 24
        }
        let s = try #require(try decodeValid(d).sessions.first)
        #expect(s.hours == [24, 24, 24, 24, 9])
        #expect(s.end == day("2027-01-12"))
    }

    @Test(arguments: [
        (["2027-01-04", "2027-01-06", "2027-01-05", "2027-01-07", "2027-01-11"], "sessions[0].days[2]", "increasing"),
        (["2027-01-04", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-11"], "sessions[0].days[1]", "increasing"),
        (["2027-03-29", "2027-03-30", "2027-03-31", "2027-04-05", "2027-04-06"], "sessions[0].days[0]", "workday"),
        (["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-09", "2027-01-11"], "sessions[0].days[3]", "workday"),
        (["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-11"], "sessions[0].days", "5"),
        (["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-11", "2027-01-12"], "sessions[0].days", "5"),
        (["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08"], "sessions[0].days", "2027-01-04"),
        (["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-02-30"], "sessions[0].days[4]", "2027-02-30"),
    ])
    func explicitDaysInvalid(dates: [String], path: String, fragment: String) {
        let found = issues(of: explicit(dates))
        #expect(found.contains { $0.path == path && $0.message.contains(fragment) }, "\(found)")
    }

    @Test func explicitDaysOnAnOrganisationClosure() {
        let found = issues(of: explicit(["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-11"]) {
            $0["organisations"][0]["closures"] = ["2027-01-06"]
        })
        #expect(found.map(\.path) == ["sessions[0].days[2]"], "\(found)")
    }

    @Test func explicitDaysOnAGlobalClosure() {
        let found = issues(of: explicit(["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-11"]) {
            $0["calendar"] = ["closures": ["2027-01-11"]]
        })
        #expect(found.map(\.path) == ["sessions[0].days[4]"], "\(found)")
    }

    @Test func explicitDaysFullWeekAfterAHoliday() {
        // Week of Easter Monday 2027: 4 workdays; training on all four leaves none free.
        let found = issues(of: explicit(["2027-03-30", "2027-03-31", "2027-04-01", "2027-04-02", "2027-04-05"]))
        #expect(found.map(\.path) == ["sessions[0].days"], "\(found)")
    }

    @Test(arguments: ["start", "weekdays"])
    func explicitDaysWithStartOrWeekdays(key: String) {
        let found = issues(of: explicit(["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-11"]) {
            $0["sessions"][0][key] = key == "start" ? J.str("2027-01-04") : J.arr([.str("mon")])
        })
        #expect(found.contains { $0.path == "sessions[0].\(key)" }, "\(found)")
    }

    @Test func explicitDaysWithNullStartIsFine() throws {
        let d = explicit(["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-11"]) {
            $0["sessions"][0]["start"] = nil
            $0["sessions"][0]["weekdays"] = nil
        }
        #expect(try decodeValid(d).sessions[0].start == day("2027-01-04"))
    }

    // MARK: Start days that the rule does not take

    @Test(arguments: [
        ("2027-03-29", "holiday"),      // Easter Monday
        ("2027-11-11", "holiday"),      // Armistice, a Thursday
        ("2027-01-08", "fri"),          // a Friday, not in mon–thu
        ("2027-01-09", "sat"),          // Saturday, not in mon–thu
        ("2027-01-05", "closure"),      // an organisation closure (set below)
        ("2027-01-06", "closure"),      // a global closure (set below)
    ])
    func startNotTaken(start: String, fragment: String) {
        let found = issues(of: doc {
            $0["sessions"][0]["start"] = .str(start)
            $0["organisations"][0]["closures"] = ["2027-01-05"]
            $0["calendar"] = ["closures": ["2027-01-06"]]
        })
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.path == "sessions[0].start", "\(found)")
        #expect(found.first?.message.contains(fragment) == true, "\(found)")
    }

    @Test func startOnAWeekendWeekdayThatIsNotAWorkday() {
        let found = issues(of: doc {
            $0["sessions"][0]["start"] = "2027-01-09"
            $0["sessions"][0]["weekdays"] = ["sat", "mon"]
        })
        #expect(found.map(\.path) == ["sessions[0].start"], "\(found)")
    }

    @Test func startThatWouldLeaveNoFreeWorkday() {
        // Workdays are only Monday and Tuesday, the week of 2027-01-04 has a closure on Tuesday: its
        // only workday is Monday, which cannot be taken.
        let found = issues(of: doc {
            $0["calendar"] = ["workdays": ["mon", "tue"], "closures": ["2027-01-05"]]
        })
        #expect(found.map(\.path) == ["sessions[0].start"], "\(found)")
    }

    @Test func startMissingWithoutDays() {
        let found = issues(of: doc { $0["sessions"][0].remove("start") })
        #expect(found.map(\.path) == ["sessions[0].start"], "\(found)")
    }
}
