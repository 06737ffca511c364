//! The rules as a table: who × what × stage, with the refusal expected.

use super::*;
use crate::life::status::PlanStatus::{self, Closed, Draft, InForce};

fn account(name: &str, role: Role, party: Option<&str>, organisation: Option<&str>) -> Principal {
    Principal::Account(Account {
        name: name.into(),
        role,
        party: party.map(str::to_string),
        organisation: organisation.map(str::to_string),
        disabled: false,
    })
}

fn dk_coordinator() -> Principal {
    account("mette", Role::Coordinator, Some("DK"), None)
}
fn kr_coordinator() -> Principal {
    account("jisoo", Role::Coordinator, Some("KR"), None)
}
fn dk_reporter_mhes() -> Principal {
    account("lars", Role::Reporter, Some("DK"), Some("MHES"))
}
fn dk_reporter_any() -> Principal {
    account("sofie", Role::Reporter, Some("DK"), None)
}
fn kr_reporter() -> Principal {
    account("minho", Role::Reporter, Some("KR"), Some("MSIT"))
}
fn dk_evaluator() -> Principal {
    account("anne", Role::Evaluator, Some("DK"), None)
}
fn independent() -> Principal {
    account("ines", Role::Evaluator, None, None)
}
fn us_coordinator() -> Principal {
    account("sam", Role::Coordinator, Some("US"), None)
}
fn disabled() -> Principal {
    Principal::Account(Account {
        name: "old".into(),
        role: Role::Coordinator,
        party: Some("DK".into()),
        organisation: None,
        disabled: true,
    })
}

fn plan(status: PlanStatus) -> PlanScope {
    PlanScope {
        parties: vec!["DK".into(), "KR".into()],
        status,
    }
}

const MHES_LEADS: Engagement<'static> = Engagement {
    lead: Some("MHES"),
    partners: &[],
};
const NOBODY: Engagement<'static> = Engagement {
    lead: None,
    partners: &[],
};

fn report<'a>(
    party: &'a str,
    organisation: Option<&'a str>,
    engagement: Engagement<'a>,
) -> Act<'a> {
    Act::ReportProgress {
        party,
        organisation,
        engagement,
    }
}

/// Runs one row: `expected` is `None` for allowed, or the refusal's message id.
fn row(who: &Principal, act: &Act, status: Option<PlanStatus>, expected: Option<&str>) {
    let scope = status.map(plan);
    let got = check(who, act, scope.as_ref());
    assert_eq!(
        got.as_ref().err().map(Refusal::message_id),
        expected,
        "{} doing {act:?} on a {status:?} plan: {got:?}",
        who.audit_name()
    );
}

#[test]
fn joint_content_needs_both_parties_and_the_right_stage() {
    let cases: &[(Principal, Act, PlanStatus, Option<&str>)] = &[
        (dk_coordinator(), Act::EditDraft, Draft, None),
        (kr_coordinator(), Act::EditDraft, Draft, None),
        (
            dk_coordinator(),
            Act::EditDraft,
            InForce,
            Some("access-wrong-stage"),
        ),
        (
            dk_coordinator(),
            Act::EditDraft,
            Closed,
            Some("access-wrong-stage"),
        ),
        (
            dk_reporter_any(),
            Act::EditDraft,
            Draft,
            Some("access-only-party"),
        ),
        (
            dk_evaluator(),
            Act::EditDraft,
            Draft,
            Some("access-only-party"),
        ),
        (
            Principal::Operator,
            Act::EditDraft,
            Draft,
            Some("access-operator-not-a-party"),
        ),
        (
            Principal::Public,
            Act::EditDraft,
            Draft,
            Some("access-not-signed-in"),
        ),
        (dk_coordinator(), Act::Adopt { party: "DK" }, Draft, None),
        (
            dk_coordinator(),
            Act::Adopt { party: "KR" },
            Draft,
            Some("access-only-party"),
        ),
        (
            dk_coordinator(),
            Act::Adopt { party: "DK" },
            InForce,
            Some("access-wrong-stage"),
        ),
        (
            Principal::Operator,
            Act::Adopt { party: "DK" },
            Draft,
            Some("access-operator-not-a-party"),
        ),
        (dk_coordinator(), Act::ProposeRevision, InForce, None),
        (kr_coordinator(), Act::ProposeRevision, InForce, None),
        (
            dk_coordinator(),
            Act::ProposeRevision,
            Draft,
            Some("access-wrong-stage"),
        ),
        (
            dk_reporter_mhes(),
            Act::ProposeRevision,
            InForce,
            Some("access-only-party"),
        ),
        (
            dk_coordinator(),
            Act::ApproveRevision { party: "DK" },
            InForce,
            None,
        ),
        (
            dk_coordinator(),
            Act::ApproveRevision { party: "KR" },
            InForce,
            Some("access-only-party"),
        ),
        (
            kr_reporter(),
            Act::ApproveRevision { party: "KR" },
            InForce,
            Some("access-only-party"),
        ),
        (
            dk_coordinator(),
            Act::ApproveRevision { party: "DK" },
            Closed,
            Some("access-wrong-stage"),
        ),
        (
            dk_coordinator(),
            Act::ApproveRevision { party: "US" },
            InForce,
            Some("access-not-a-party"),
        ),
        (
            us_coordinator(),
            Act::ProposeRevision,
            InForce,
            Some("access-outside-plan"),
        ),
        (
            disabled(),
            Act::ProposeRevision,
            InForce,
            Some("access-disabled"),
        ),
        (
            independent(),
            Act::ProposeRevision,
            InForce,
            Some("access-needs-party"),
        ),
    ];
    for (who, act, status, expected) in cases {
        row(who, act, Some(*status), *expected);
    }
}

#[test]
fn each_party_sets_only_its_own_leads_and_restrictions() {
    let cases: &[(Principal, Act, PlanStatus, Option<&str>)] = &[
        (dk_coordinator(), Act::SetLeads { party: "DK" }, Draft, None),
        (
            dk_coordinator(),
            Act::SetLeads { party: "DK" },
            InForce,
            None,
        ),
        (
            dk_coordinator(),
            Act::SetLeads { party: "DK" },
            Closed,
            Some("access-wrong-stage"),
        ),
        (
            dk_coordinator(),
            Act::SetLeads { party: "KR" },
            InForce,
            Some("access-only-party"),
        ),
        (
            kr_coordinator(),
            Act::SetLeads { party: "KR" },
            InForce,
            None,
        ),
        (
            dk_reporter_mhes(),
            Act::SetLeads { party: "DK" },
            InForce,
            Some("access-only-party"),
        ),
        (
            Principal::Operator,
            Act::SetLeads { party: "DK" },
            InForce,
            Some("access-operator-not-a-party"),
        ),
        (
            dk_coordinator(),
            Act::Restrict { party: "DK" },
            InForce,
            None,
        ),
        (
            dk_coordinator(),
            Act::Restrict { party: "DK" },
            Closed,
            None,
        ),
        (
            kr_coordinator(),
            Act::Restrict { party: "DK" },
            InForce,
            Some("access-only-party"),
        ),
        (
            dk_evaluator(),
            Act::Restrict { party: "DK" },
            InForce,
            Some("access-only-party"),
        ),
        (
            Principal::Public,
            Act::Restrict { party: "DK" },
            InForce,
            Some("access-not-signed-in"),
        ),
    ];
    for (who, act, status, expected) in cases {
        row(who, act, Some(*status), *expected);
    }
}

#[test]
fn reports_belong_to_the_reporting_party_and_its_organisations() {
    let partners = ["MHES".to_string()];
    let mhes_partner = Engagement {
        lead: Some("DEA"),
        partners: &partners,
    };
    let cases: &[(Principal, Act, PlanStatus, Option<&str>)] = &[
        (
            dk_reporter_mhes(),
            report("DK", Some("MHES"), MHES_LEADS),
            InForce,
            None,
        ),
        (
            dk_reporter_mhes(),
            report("DK", None, MHES_LEADS),
            Draft,
            None,
        ),
        (
            dk_reporter_mhes(),
            report("DK", Some("mhes"), mhes_partner),
            InForce,
            None,
        ),
        (
            dk_reporter_mhes(),
            report("DK", None, NOBODY),
            InForce,
            Some("access-not-engaged"),
        ),
        (
            dk_reporter_mhes(),
            report("DK", Some("DEA"), MHES_LEADS),
            InForce,
            Some("access-other-organisation"),
        ),
        (
            dk_reporter_mhes(),
            report("KR", None, MHES_LEADS),
            InForce,
            Some("access-only-party"),
        ),
        (dk_reporter_any(), report("DK", None, NOBODY), InForce, None),
        (dk_reporter_any(), report("DK", None, NOBODY), Closed, None),
        (
            dk_coordinator(),
            report("DK", Some("DEA"), NOBODY),
            InForce,
            None,
        ),
        (
            kr_coordinator(),
            report("DK", None, NOBODY),
            InForce,
            Some("access-only-party"),
        ),
        (
            kr_reporter(),
            report("DK", None, MHES_LEADS),
            InForce,
            Some("access-only-party"),
        ),
        (
            dk_evaluator(),
            report("DK", None, NOBODY),
            InForce,
            Some("access-only-party"),
        ),
        (
            Principal::Operator,
            report("DK", None, NOBODY),
            InForce,
            Some("access-operator-not-a-party"),
        ),
        (
            Principal::Public,
            report("DK", None, NOBODY),
            InForce,
            Some("access-not-signed-in"),
        ),
        (
            dk_coordinator(),
            report("SE", None, NOBODY),
            InForce,
            Some("access-not-a-party"),
        ),
        (
            disabled(),
            report("DK", None, NOBODY),
            InForce,
            Some("access-disabled"),
        ),
    ];
    for (who, act, status, expected) in cases {
        row(who, act, Some(*status), *expected);
    }
}

#[test]
fn shared_records_meetings_assessments_agreed_results_and_targets() {
    let cases: &[(Principal, Act, PlanStatus, Option<&str>)] = &[
        (
            dk_coordinator(),
            Act::LogMeeting { host: Some("KR") },
            InForce,
            None,
        ),
        (
            kr_reporter(),
            Act::LogMeeting { host: Some("KR") },
            InForce,
            None,
        ),
        (
            dk_reporter_mhes(),
            Act::LogMeeting { host: Some("KR") },
            InForce,
            Some("access-only-party"),
        ),
        (
            dk_reporter_mhes(),
            Act::LogMeeting { host: None },
            InForce,
            Some("access-only-party"),
        ),
        (
            kr_coordinator(),
            Act::LogMeeting { host: None },
            Closed,
            None,
        ),
        (dk_evaluator(), Act::Assess { party: "DK" }, InForce, None),
        (dk_coordinator(), Act::Assess { party: "DK" }, InForce, None),
        (
            dk_evaluator(),
            Act::Assess { party: "KR" },
            InForce,
            Some("access-only-party"),
        ),
        (
            dk_reporter_any(),
            Act::Assess { party: "DK" },
            InForce,
            Some("access-only-party"),
        ),
        (
            independent(),
            Act::Assess { party: "DK" },
            InForce,
            Some("access-only-party"),
        ),
        (
            dk_coordinator(),
            Act::ConfirmAgreed { party: "DK" },
            InForce,
            None,
        ),
        (
            dk_coordinator(),
            Act::ConfirmAgreed { party: "KR" },
            InForce,
            Some("access-only-party"),
        ),
        (
            dk_evaluator(),
            Act::ConfirmAgreed { party: "DK" },
            InForce,
            Some("access-only-party"),
        ),
        (
            dk_reporter_any(),
            Act::RecordTargetValue { party: Some("DK") },
            InForce,
            None,
        ),
        (
            kr_reporter(),
            Act::RecordTargetValue { party: Some("DK") },
            InForce,
            Some("access-only-party"),
        ),
        (
            kr_reporter(),
            Act::RecordTargetValue { party: None },
            InForce,
            None,
        ),
        (
            dk_evaluator(),
            Act::RecordTargetValue { party: None },
            InForce,
            Some("access-only-party"),
        ),
        (
            Principal::Operator,
            Act::LogMeeting { host: None },
            InForce,
            Some("access-operator-not-a-party"),
        ),
    ];
    for (who, act, status, expected) in cases {
        row(who, act, Some(*status), *expected);
    }
}

#[test]
fn nobody_creates_or_changes_an_account_of_the_other_party() {
    let create = |party, role, party_has_coordinator| Act::CreateAccount {
        party: Some(party),
        role,
        party_has_coordinator,
    };
    let cases: &[(Principal, Act, Option<&str>)] = &[
        (
            Principal::Operator,
            create("DK", Role::Coordinator, false),
            None,
        ),
        (
            Principal::Operator,
            create("DK", Role::Coordinator, true),
            Some("access-party-has-coordinator"),
        ),
        (
            Principal::Operator,
            create("DK", Role::Reporter, true),
            Some("access-party-has-coordinator"),
        ),
        (
            Principal::Operator,
            create("DK", Role::Reporter, false),
            Some("access-first-coordinator-first"),
        ),
        (dk_coordinator(), create("DK", Role::Reporter, true), None),
        (
            dk_coordinator(),
            create("DK", Role::Coordinator, true),
            None,
        ),
        (
            dk_coordinator(),
            create("KR", Role::Coordinator, false),
            Some("access-only-party"),
        ),
        (
            dk_coordinator(),
            create("KR", Role::Reporter, true),
            Some("access-only-party"),
        ),
        (
            dk_reporter_any(),
            create("DK", Role::Reporter, true),
            Some("access-only-party"),
        ),
        (
            Principal::Public,
            create("DK", Role::Coordinator, false),
            Some("access-not-signed-in"),
        ),
        (
            disabled(),
            create("DK", Role::Reporter, true),
            Some("access-disabled"),
        ),
        (
            Principal::Operator,
            Act::CreateAccount {
                party: None,
                role: Role::Evaluator,
                party_has_coordinator: false,
            },
            None,
        ),
        (
            Principal::Operator,
            Act::CreateAccount {
                party: None,
                role: Role::Reporter,
                party_has_coordinator: false,
            },
            Some("access-needs-party"),
        ),
        (
            dk_coordinator(),
            Act::CreateAccount {
                party: None,
                role: Role::Evaluator,
                party_has_coordinator: false,
            },
            Some("access-operator-only"),
        ),
        (
            dk_coordinator(),
            Act::ManageAccount {
                party: Some("DK"),
                disabling: false,
            },
            None,
        ),
        (
            dk_coordinator(),
            Act::ManageAccount {
                party: Some("KR"),
                disabling: true,
            },
            Some("access-only-party"),
        ),
        (
            Principal::Operator,
            Act::ManageAccount {
                party: Some("KR"),
                disabling: true,
            },
            None,
        ),
        (
            Principal::Operator,
            Act::ManageAccount {
                party: Some("KR"),
                disabling: false,
            },
            Some("access-operator-not-a-party"),
        ),
        (
            dk_reporter_mhes(),
            Act::ManageCredentials { name: "lars" },
            None,
        ),
        (
            dk_coordinator(),
            Act::ManageCredentials { name: "lars" },
            Some("access-own-credentials"),
        ),
        (
            Principal::Operator,
            Act::ManageCredentials { name: "lars" },
            Some("access-own-credentials"),
        ),
        (Principal::Operator, Act::Administer, None),
        (
            dk_coordinator(),
            Act::Administer,
            Some("access-operator-only"),
        ),
        (Principal::Operator, Act::SavePlan { in_force: false }, None),
        (kr_coordinator(), Act::SavePlan { in_force: false }, None),
        (
            kr_reporter(),
            Act::SavePlan { in_force: false },
            Some("access-only-party"),
        ),
        // the built-in example is signed: the operator loads it in force, no party alone may
        (Principal::Operator, Act::SavePlan { in_force: true }, None),
        (
            kr_coordinator(),
            Act::SavePlan { in_force: true },
            Some("access-operator-only"),
        ),
    ];
    for (who, act, expected) in cases {
        row(who, act, None, *expected);
    }
}

#[test]
fn the_public_reads_plans_in_force_without_restricted_actions() {
    for (status, public) in [(Draft, false), (InForce, true), (Closed, true)] {
        assert_eq!(may_read_plan(&Principal::Public, &plan(status)), public);
        assert!(may_read_plan(&dk_reporter_any(), &plan(status)));
        assert!(may_read_plan(&independent(), &plan(status)));
        assert_eq!(may_read_plan(&us_coordinator(), &plan(status)), public);
        assert_eq!(may_read_plan(&disabled(), &plan(status)), public);
        assert!(!may_read_restricted(&Principal::Public, &plan(status)));
        assert!(!may_read_restricted(&us_coordinator(), &plan(status)));
        assert!(may_read_restricted(&kr_reporter(), &plan(status)));
        assert!(may_read_restricted(&independent(), &plan(status)));
        assert!(may_read_restricted(&Principal::Operator, &plan(status)));
    }
}

#[test]
fn refusals_say_which_rule_in_words() {
    let refusal = check(
        &dk_coordinator(),
        &Act::SetLeads { party: "KR" },
        Some(&plan(InForce)),
    )
    .expect_err("DK may not set KR's leads");
    assert_eq!(
        refusal.to_string(),
        "only KR's coordinators may set the lead and partners for KR"
    );
    assert_eq!(refusal.kind(), RefusalKind::Forbidden);
    assert!(refusal.args().contains(&("party", "KR".to_string())));
    let refusal = check(&dk_coordinator(), &Act::EditDraft, Some(&plan(InForce)))
        .expect_err("a plan in force is not edited directly");
    assert_eq!(
        refusal.to_string(),
        "to edit the plan's text, the plan must be a draft; this one is in force"
    );
    assert_eq!(refusal.kind(), RefusalKind::WrongStage);
    assert_eq!(Refusal::NotSignedIn.kind(), RefusalKind::Unauthenticated);
}
