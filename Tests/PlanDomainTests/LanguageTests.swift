// LanguageTests: the language of what a person reads follows --lang, else the locale.
import PlanDomain
import Testing

@Suite struct LanguageTests {
    @Test(arguments: [([:], Language.en), (["LANG": "fr_FR.UTF-8"], .fr), (["LANG": "fr_FR.UTF-8", "LC_ALL": "C.UTF-8"], .en),
                      (["LC_MESSAGES": "fr_CA"], .fr), (["LANG": "en_GB.UTF-8"], .en), (["LC_ALL": "", "LANG": "fr_BE"], .fr)])
    func theLocaleDecides(environment: [String: String], expected: Language) {
        #expect(Language.fromEnvironment(environment) == expected)
    }

    @Test func countsAgree() {
        #expect(Language.en.count(1, ("seat", "seats"), ("place", "places")) == "1 seat")
        #expect(Language.en.count(0, ("seat", "seats"), ("place", "places")) == "0 seats")
        #expect(Language.fr.count(0, ("seat", "seats"), ("place", "places")) == "0 place")
        #expect(Language.fr.count(2, ("seat", "seats"), ("place", "places")) == "2 places")
        #expect(Language.fr.weekday(.wed) == "mer")
    }
}
