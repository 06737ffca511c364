//! Organisations: "Full Name (ACRONYM)", "ACRONYM – Full Name", named bodies
//! ("Danish Ministry of Health", "Innovation Fund Denmark"), well-known
//! international bodies, and bare acronyms; merged into one register with
//! parties from "Korean"/"Danish"/country qualifiers.
//!
//! [`find_names`] reads the definitions of one text (`finders`, over the
//! words of `tokens`); the [`Register`] merges them and matches mentions
//! (with a `matcher`).

mod dashes;
mod finders;
mod matcher;
mod register;
mod tokens;

pub use finders::{FoundName, find_names};
pub use register::Register;

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::*;
    use crate::span::Span;

    type Def = (Option<String>, Option<String>, Option<String>, bool);

    fn defs(text: &str) -> Vec<Def> {
        find_names(text)
            .into_iter()
            .map(|f| {
                let own = |s: Option<&str>| s.map(str::to_owned);
                (own(f.name), own(f.acronym), own(f.party), f.is_organisation)
            })
            .collect()
    }

    fn no_span(_: Range<usize>) -> Span {
        Span::default()
    }

    #[test]
    fn name_then_acronym() {
        let d = defs(
            "between the Korean Ministry of Science and ICT (MSIT) and the Danish Ministry for Higher Education and Science (MHES).",
        );
        assert!(d.contains(&(
            Some("Ministry of Science and ICT".into()),
            Some("MSIT".into()),
            Some("KR".into()),
            true
        )));
        assert!(d.contains(&(
            Some("Ministry for Higher Education and Science".into()),
            Some("MHES".into()),
            Some("DK".into()),
            true
        )));
    }

    #[test]
    fn list_names_with_commas() {
        let d = defs("and Ministry of Industry, Business and Financial Affairs (MIBF).");
        assert_eq!(
            d[0].0.as_deref(),
            Some("Ministry of Industry, Business and Financial Affairs")
        );
        assert_eq!(d[0].1.as_deref(), Some("MIBF"));
    }

    #[test]
    fn terms_are_not_bodies() {
        let d = defs(
            "Tech and the Fourth Industrial Revolution (4iR) and Antimicrobial Resistance (AMR)",
        );
        assert_eq!(d[0].0.as_deref(), Some("Fourth Industrial Revolution"));
        assert!(!d[0].3);
        assert!(!d.iter().any(|x| x.3));
    }

    #[test]
    fn acronym_then_name() {
        let d = defs(
            "cooperation between K-SURE - Korea's Export Credit Agency - and EKF - Denmark's Export Credit Agency - with regard",
        );
        let k = d
            .iter()
            .find(|x| x.1.as_deref() == Some("K-SURE"))
            .expect("K-SURE");
        assert_eq!(k.0.as_deref(), Some("Export Credit Agency"));
        assert_eq!(k.2.as_deref(), Some("KR"));
        let e = d
            .iter()
            .find(|x| x.1.as_deref() == Some("EKF"))
            .expect("EKF");
        assert_eq!(e.2.as_deref(), Some("DK"));
    }

    #[test]
    fn named_bodies_without_acronyms() {
        let d = defs(
            "MoU between KIAT and Innovation Fund Denmark, 2018 and the Danish Ministry of Health.",
        );
        let names: Vec<_> = d.iter().filter_map(|x| x.0.clone()).collect();
        assert!(
            names.contains(&"Innovation Fund Denmark".to_owned()),
            "{names:?}"
        );
        assert!(
            names.contains(&"Ministry of Health".to_owned()),
            "{names:?}"
        );
        let d = defs(
            "through the Joint Green Ships Expert Committee and Zero Emission Coalition Initiative.",
        );
        let names: Vec<_> = d.iter().filter_map(|x| x.0.clone()).collect();
        assert_eq!(
            names,
            [
                "Joint Green Ships Expert Committee",
                "Zero Emission Coalition Initiative"
            ]
        );
        assert!(defs("between the Ministries of Energy, 2018").is_empty());
        assert!(defs("Biennial Joint Committee Meetings").is_empty());
    }

    #[test]
    fn register_merges_two_acronyms_of_one_agency() {
        let mut reg = Register::new();
        reg.learn("Knowledge-sharing between the Ministry of Food and Drug Safety (MFDS) and Danish Medicines Agency (DKMA).", &no_span);
        reg.learn("MoC between the Korean Ministry of Food and Drug Safety (MFDS) and the Danish Medicines Agency (DMA), 2020.", &no_span);
        reg.learn(
            "MoU between HIRA and Danish Medicine Agency (DKMA) 2016.",
            &no_span,
        );
        let orgs = reg.into_organisations();
        let dkma: Vec<_> = orgs
            .iter()
            .filter(|o| o.acronyms.contains(&"DKMA".to_owned()))
            .collect();
        assert_eq!(dkma.len(), 1);
        assert_eq!(dkma[0].acronyms, ["DKMA", "DMA"]);
        assert_eq!(dkma[0].party.as_deref(), Some("DK"));
        let mfds: Vec<_> = orgs
            .iter()
            .filter(|o| o.acronyms.contains(&"MFDS".to_owned()))
            .collect();
        assert_eq!(mfds.len(), 1);
    }

    #[test]
    fn same_description_different_parties_stay_apart() {
        let mut reg = Register::new();
        reg.learn("between K-SURE - Korea's Export Credit Agency - and EKF - Denmark's Export Credit Agency - with", &no_span);
        assert_eq!(reg.into_organisations().len(), 2);
    }

    #[test]
    fn mentions_find_acronyms_names_known_and_bare_bodies() {
        let mut reg = Register::new();
        reg.learn("the Korean Ministry of Science and ICT (MSIT)", &no_span);
        let m = reg.mentions(
            "Meetings between MSIT and KIAT in WHO and OECD fora, not the ICT sector.",
            &no_span,
        );
        let ids: Vec<_> = m.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["msit", "kiat", "who", "oecd"]);
        let orgs = reg.into_organisations();
        assert!(orgs.iter().any(|o| o.id == "who" && o.multilateral));
    }

    #[test]
    fn noting_mentions_adds_what_listing_them_adds() {
        let texts = [
            "Meetings between MSIT and KIAT in WHO and OECD fora.",
            "KIAT and the UNEP, with CLEAN and the Ministry of Science and ICT.",
            "THE GOVERNMENT OF THE KINGDOM OF DENMARK and NATO",
        ];
        let (mut listed, mut noted) = (Register::new(), Register::new());
        for reg in [&mut listed, &mut noted] {
            reg.learn("the Korean Ministry of Science and ICT (MSIT)", &no_span);
        }
        for text in texts {
            listed.mentions(text, &no_span);
            noted.note_mentions(text, &no_span);
        }
        // The bodies met afterwards get the same ids in both.
        let last = "KIAT, EUREKA and the MSIT";
        assert_eq!(
            listed.mentions(last, &no_span),
            noted.mentions(last, &no_span)
        );
        assert_eq!(listed.into_organisations(), noted.into_organisations());
    }

    #[test]
    fn mentions_skip_all_caps_titles() {
        let mut reg = Register::new();
        let m = reg.mentions("THE GOVERNMENT OF THE KINGDOM OF DENMARK", &no_span);
        assert!(m.is_empty());
    }
}
