//! `core`'s messages in the reader's language: a refusal of
//! `core::access` is a message id with arguments, and the phrases among its
//! arguments (what was asked, who may, the stage needed) have ids of their
//! own in `locales/*/access.ftl`.

use jointplan_core::access::Refusal;

use crate::i18n::Tr;

/// A refusal, translated.
pub fn refusal(t: &Tr, refusal: &Refusal) -> String {
    let args: Vec<(&str, String)> = refusal
        .args()
        .into_iter()
        .map(|(name, value)| (name, argument(t, name, &value)))
        .collect();
    t.args(refusal.message_id(), &args)
}

/// One argument: phrases become their own message, names stay as they are.
fn argument(t: &Tr, name: &str, value: &str) -> String {
    let id = match name {
        "what" => format!("access-what-{value}"),
        "roles" => format!("access-roles-{}", slug(value)),
        "needed" => format!("access-stage-{}", slug(value)),
        "status" => format!("access-status-{}", slug(value)),
        "role" => format!("access-role-{value}"),
        _ => return value.to_owned(),
    };
    if t.has(&id) {
        t.get(&id)
    } else {
        value.to_owned()
    }
}

/// `a draft or in force` as `a-draft-or-in-force`.
fn slug(words: &str) -> String {
    words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use jointplan_core::access::Role;
    use jointplan_core::life::status::PlanStatus;

    fn samples() -> Vec<Refusal> {
        vec![
            Refusal::NotSignedIn,
            Refusal::Disabled { name: "a".into() },
            Refusal::OperatorNotAParty { what: "adopt" },
            Refusal::OperatorOnly { what: "administer" },
            Refusal::NotAParty { party: "SE".into() },
            Refusal::OutsidePlan {
                name: "a".into(),
                party: "SE".into(),
            },
            Refusal::OnlyParty {
                party: "KR".into(),
                roles: "coordinators or reporters",
                what: "report-progress",
            },
            Refusal::WrongStage {
                what: "edit-draft",
                needed: "a draft",
                status: PlanStatus::InForce,
            },
            Refusal::OtherOrganisation {
                name: "a".into(),
                own: "DEA".into(),
                named: "MOTIE".into(),
            },
            Refusal::NotEngaged {
                name: "a".into(),
                organisation: "DEA".into(),
                party: "DK".into(),
            },
            Refusal::PartyHasCoordinator { party: "DK".into() },
            Refusal::FirstCoordinatorFirst {
                party: "DK".into(),
                role: Role::Reporter,
            },
            Refusal::NeedsParty {
                role: Role::Reporter,
            },
            Refusal::OwnCredentials { name: "a".into() },
        ]
    }

    #[test]
    fn every_refusal_reads_in_every_language() {
        for lang in Lang::ALL {
            let t = Tr::of(lang);
            for r in samples() {
                let text = refusal(t, &r);
                assert!(
                    !text.contains("access-") && !text.contains('{'),
                    "{} {r:?}: {text}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn phrases_are_translated_too() {
        let r = Refusal::OnlyParty {
            party: "KR".into(),
            roles: "coordinators or reporters",
            what: "report-progress",
        };
        assert_eq!(
            refusal(Tr::of(Lang::En), &r),
            "Only KR's coordinators or reporters may report progress for KR."
        );
        let ko = refusal(Tr::of(Lang::Ko), &r);
        assert!(ko.contains("KR") && ko.contains("진행"), "{ko}");
    }
}
