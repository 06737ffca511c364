//! International bodies that plans name without spelling them out
//! (WHO, OECD, UNGA): a small gazetteer of names everyone knows.

use std::sync::LazyLock;

use std::collections::HashSet;

/// A well-known international body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownBody {
    /// The acronym as commonly written, or "" when it goes by name only.
    pub acronym: &'static str,
    /// Full English name.
    pub name: &'static str,
    /// Other names it goes by in plans.
    pub aliases: &'static [&'static str],
}

macro_rules! bodies {
    ($( $acr:literal => $name:literal $( [ $($alias:literal),* ] )? ),* $(,)?) => {
        &[ $( KnownBody { acronym: $acr, name: $name, aliases: &[ $( $($alias),* )? ] } ),* ]
    };
}

/// The gazetteer, acronym first.
pub static KNOWN_BODIES: &[KnownBody] = bodies![
    "UN" => "United Nations",
    "UNGA" => "United Nations General Assembly",
    "UNSC" => "United Nations Security Council",
    "UNHRC" => "United Nations Human Rights Council",
    "UNHCR" => "United Nations High Commissioner for Refugees",
    "OHCHR" => "Office of the United Nations High Commissioner for Human Rights",
    "UNFCCC" => "United Nations Framework Convention on Climate Change",
    "UNDP" => "United Nations Development Programme",
    "UNEP" => "United Nations Environment Programme",
    "UNESCO" => "United Nations Educational, Scientific and Cultural Organization",
    "UNICEF" => "United Nations Children's Fund",
    "UNIDO" => "United Nations Industrial Development Organization",
    "UNCTAD" => "United Nations Conference on Trade and Development",
    "FAO" => "Food and Agriculture Organization of the United Nations",
    "WFP" => "World Food Programme",
    "WHO" => "World Health Organization",
    "ILO" => "International Labour Organization",
    "IMO" => "International Maritime Organization",
    "ICAO" => "International Civil Aviation Organization",
    "ITU" => "International Telecommunication Union",
    "WIPO" => "World Intellectual Property Organization",
    "WMO" => "World Meteorological Organization",
    "IAEA" => "International Atomic Energy Agency",
    "IEA" => "International Energy Agency",
    "IRENA" => "International Renewable Energy Agency",
    "WTO" => "World Trade Organization",
    "IMF" => "International Monetary Fund",
    "OECD" => "Organisation for Economic Co-operation and Development",
    "EU" => "European Union",
    "EC" => "European Commission",
    "NATO" => "North Atlantic Treaty Organization",
    "OSCE" => "Organization for Security and Co-operation in Europe",
    "ASEAN" => "Association of Southeast Asian Nations",
    "APEC" => "Asia-Pacific Economic Cooperation",
    "ASEM" => "Asia-Europe Meeting",
    "AU" => "African Union",
    "G20" => "Group of Twenty",
    "G7" => "Group of Seven",
    "ICRC" => "International Committee of the Red Cross",
    "IFRC" => "International Federation of Red Cross and Red Crescent Societies",
    "GGGI" => "Global Green Growth Institute",
    "GCF" => "Green Climate Fund",
    "ADB" => "Asian Development Bank",
    "AIIB" => "Asian Infrastructure Investment Bank",
    "WB" => "World Bank" ["World Bank Group"],
    "" => "Amnesty International" ["Amnesty"],
    "" => "Arctic Council",
    "" => "Digital Nations",
    "" => "Mission Innovation",
    "" => "Global Partnership for Effective Development Cooperation",
];

/// The body with this acronym (exact case).
pub fn by_acronym(acronym: &str) -> Option<&'static KnownBody> {
    KNOWN_BODIES
        .iter()
        .find(|b| !b.acronym.is_empty() && b.acronym == acronym)
}

/// Acronyms that are common terms, not organisations: a bare one is not an organisation.
pub static COMMON_TERMS: &[&str] = &[
    "AI", "B2B", "B2C", "B2R", "CEO", "CO2", "COVID", "CSR", "DKK", "EEZ", "ESG", "EUR", "FDI",
    "FTA", "GDP", "GHG", "HR", "ICT", "IOT", "IP", "IT", "KPI", "KRW", "LNG", "MOC", "MOU", "NDC",
    "NGO", "ODA", "OK", "PHD", "PPP", "R&D", "RWD", "SDG", "SME", "STI", "TBC", "TBD", "USD",
    "VAT", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII",
];

/// True when a bare acronym is a common term rather than an organisation.
pub fn is_common_term(acronym: &str) -> bool {
    let singular = acronym
        .strip_suffix(['s', 'S'])
        .filter(|s| !s.is_empty())
        .unwrap_or(acronym);
    is_listed_term(acronym) || is_listed_term(singular)
}

/// Longest entry of [`COMMON_TERMS`] (tested), so longer words are no term.
const LONGEST_TERM: usize = 8;

/// [`COMMON_TERMS`] as a set, for one look-up per word.
static TERM_SET: LazyLock<HashSet<&'static [u8]>> =
    LazyLock::new(|| COMMON_TERMS.iter().map(|t| t.as_bytes()).collect());

/// True when `word` is in [`COMMON_TERMS`], ignoring ASCII case: the terms
/// are in upper case (tested), so the word is folded once, not per term.
fn is_listed_term(word: &str) -> bool {
    if word.len() > LONGEST_TERM {
        return false;
    }
    let mut buf = [0u8; LONGEST_TERM];
    let folded = &mut buf[..word.len()];
    folded.copy_from_slice(word.as_bytes());
    folded.make_ascii_uppercase();
    TERM_SET.contains(&*folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_terms_are_short_and_upper_case() {
        for t in COMMON_TERMS {
            assert!(t.len() <= LONGEST_TERM, "{t}");
            assert_eq!(*t, t.to_ascii_uppercase(), "{t}");
        }
        for w in ["mou", "MoUs", "NDCs", "R&D", "iot", "COVIDs"] {
            assert!(is_common_term(w), "{w}");
        }
        for w in ["KIAT", "S", "", "Ø", "MOUSSE", "IIIIIIIII"] {
            assert!(!is_common_term(w), "{w}");
        }
    }
}
