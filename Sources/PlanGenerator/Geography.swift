// Geography: the generator's view of France (the table itself is the domain's `FrenchGeography`),
// and the slugs it makes of region names for organisation ids.
import PlanDomain

typealias Geography = FrenchGeography

/// An upper-case ASCII slug: `Provence-Alpes-Côte d'Azur` -> `PROVENCE-ALPES-COTE-D-AZUR`.
func slug(_ text: String) -> String {
    var out = ""
    var dash = false
    for ch in text {
        let mapped: String
        switch ch {
        case "à", "â", "ä", "á", "À", "Â", "Ä", "Á": mapped = "A"
        case "é", "è", "ê", "ë", "É", "È", "Ê", "Ë": mapped = "E"
        case "î", "ï", "í", "Î", "Ï", "Í": mapped = "I"
        case "ô", "ö", "ó", "Ô", "Ö", "Ó": mapped = "O"
        case "ù", "û", "ü", "ú", "Ù", "Û", "Ü", "Ú": mapped = "U"
        case "ç", "Ç": mapped = "C"
        case "ÿ", "Ÿ": mapped = "Y"
        case "œ", "Œ": mapped = "OE"
        case "æ", "Æ": mapped = "AE"
        default:
            if ch.isASCII, ch.isLetter || ch.isNumber { mapped = ch.uppercased() } else { mapped = "" }
        }
        if mapped.isEmpty {
            dash = !out.isEmpty
        } else {
            if dash { out += "-"; dash = false }
            out += mapped
        }
    }
    return out
}
