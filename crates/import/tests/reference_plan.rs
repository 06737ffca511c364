//! The reference plan (Denmark–Korea 2021-2024) imports to the structure the signed text has.

use jointplan_core::{AgreementStatus, Direction, Frequency, Plan, TrackKind};

fn plan() -> (Plan, String) {
    let imported = jointplan_import::example::import().expect("the example imports");
    (imported.plan, imported.source)
}

#[test]
fn front_matter() {
    let (p, _) = plan();
    assert_eq!(p.slug, "dk-kr-2021-2024");
    assert_eq!(
        p.title,
        "Joint Action Plan for the Strategic Partnership and the Green Growth Alliance"
    );
    let codes: Vec<&str> = p
        .partnership
        .parties
        .iter()
        .map(|x| x.code.as_str())
        .collect();
    assert_eq!(codes, ["DK", "KR"]);
    let period = p.period.expect("period");
    assert_eq!((period.start, period.end), (2021, 2024));
    let signed = p.signed.expect("signed");
    assert_eq!((signed.year, signed.month), (2021, Some(4)));
    assert_eq!(p.signatories.len(), 2);
    assert_eq!(p.signatories[0].name, "Jeppe Kofod");
    assert_eq!(p.signatories[0].party.as_deref(), Some("DK"));
    assert_eq!(p.signatories[1].name, "Chung Eui-yong");
    assert_eq!(p.signatories[1].party.as_deref(), Some("KR"));
    assert_eq!(p.preamble.len(), 4);
    assert_eq!(p.cross_cutting.len(), 4);
}

#[test]
fn lines_tracks_and_actions() {
    let (p, _) = plan();
    assert_eq!(p.lines.len(), 4);
    assert_eq!(p.tracks().count(), 16);
    assert_eq!(p.actions().count(), 69);
    let per_line: Vec<usize> = p.lines.iter().map(|l| l.actions().count()).collect();
    assert_eq!(per_line, [17, 18, 12, 22]);
    assert_eq!(p.lines[0].title, "Sustainability & Green Transition");
    let kinds: Vec<TrackKind> = p.lines[0].tracks.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            TrackKind::GovernmentToGovernment,
            TrackKind::Science,
            TrackKind::GreenMultilateralism
        ]
    );
    assert_eq!(p.lines[1].tracks[1].kind, TrackKind::RegionalLocal);
    assert_eq!(p.lines[1].tracks[2].kind, TrackKind::TradeEconomy);
    assert_eq!(p.lines[1].tracks[4].kind, TrackKind::Multilateral);
    // The blank line inside 1.1's list does not split the track.
    assert_eq!(p.lines[0].tracks[0].actions.len(), 8);
    let a = p.action("1.1.4").expect("1.1.4");
    assert!(
        a.text
            .starts_with("Cooperation on the national implementation of SDG7")
    );
    // No contents entry and no signature block is an action.
    assert!(
        p.actions()
            .all(|a| !a.text.contains("PREAMBLE") && !a.text.contains("For the Government"))
    );
}

#[test]
fn declared_sdgs_per_line() {
    let (p, _) = plan();
    let goals: Vec<Vec<u32>> = p
        .lines
        .iter()
        .map(|l| l.sdgs.iter().map(|s| s.goal).collect())
        .collect();
    assert_eq!(
        goals,
        [
            vec![6, 7, 12, 13, 17],
            vec![9, 12, 17],
            vec![3, 13, 17],
            vec![5, 16, 14, 17]
        ]
    );
    let wrong = &p.lines[2].sdgs[1];
    assert_eq!(
        wrong.title_as_written.as_deref(),
        Some("Responsible Consumption and Production")
    );
    assert_eq!(p.action("1.1.4").map(|a| a.sdgs.len()), Some(1));
}

#[test]
fn strength_and_hedges() {
    let (p, _) = plan();
    let hedged: Vec<&str> = p
        .actions()
        .filter(|a| a.strength.is_hedged())
        .map(|a| a.code.as_str())
        .collect();
    assert_eq!(
        hedged,
        [
            "1.3.1", "1.3.2", "1.3.3", "1.3.4", "1.3.6", "2.4.5", "2.4.6", "2.5.2", "3.5.1",
            "3.5.2", "3.5.3"
        ]
    );
    assert!(p.action("1.1.2").is_some_and(|a| !a.strength.is_hedged()));
}

#[test]
fn mechanisms_and_recurrence() {
    let (p, _) = plan();
    assert_eq!(p.mechanisms.len(), 7);
    let jcm = p
        .mechanisms
        .iter()
        .find(|m| m.name.contains("(JCM)"))
        .expect("JCM");
    assert_eq!(jcm.actions, ["1.2.2", "2.1.3"]);
    assert_eq!(jcm.recurrence.frequency, Frequency::Years { interval: 2 });
    let gga = p
        .mechanisms
        .iter()
        .find(|m| m.name.contains("Green Growth Alliance"))
        .expect("GGA");
    assert_eq!(
        gga.recurrence.frequency.rrule().as_deref(),
        Some("FREQ=YEARLY")
    );
    let arctic = p
        .mechanisms
        .iter()
        .find(|m| m.name.contains("senior official"))
        .expect("Arctic");
    assert!(arctic.recurrence.is_ambiguous());
    let regular = p
        .mechanisms
        .iter()
        .find(|m| m.name.starts_with("Regular"))
        .expect("Regular");
    assert_eq!(regular.recurrence.frequency, Frequency::Unspecified);
    assert!(
        p.mechanisms
            .iter()
            .any(|m| m.name.contains("Joint Green Ships Expert Committee"))
    );
    assert!(
        p.mechanisms
            .iter()
            .any(|m| m.name.contains("climate policy"))
    );
    assert_eq!(p.action("2.1.3").map(|a| a.mechanisms.len()), Some(1));
}

#[test]
fn agreements() {
    let (p, _) = plan();
    assert_eq!(p.agreements.len(), 19);
    assert_eq!(p.agreements_pending(), 3);
    let twice: Vec<_> = p.agreements.iter().filter(|a| a.spans.len() == 2).collect();
    assert_eq!(twice.len(), 1);
    assert!(
        twice[0]
            .title
            .starts_with("Joint Statement on the Establishment of a Strategic Partnership")
    );
    assert_eq!(twice[0].lines, [1, 4]);
    let culture = p
        .agreements
        .iter()
        .find(|a| a.title == "MoU on Cultural Cooperation")
        .expect("culture");
    assert_eq!(culture.years, [2018, 2022]);
    assert!(
        p.agreements
            .iter()
            .filter(|a| a.status == AgreementStatus::Pending)
            .all(|a| a.years == [2021])
    );
}

#[test]
fn organisations() {
    let (p, _) = plan();
    assert!(p.organisations.len() >= 25, "{}", p.organisations.len());
    let dkma = p
        .organisations
        .iter()
        .find(|o| o.acronyms.contains(&"DKMA".to_owned()))
        .expect("DKMA");
    assert_eq!(dkma.acronyms, ["DKMA", "DMA"]);
    assert_eq!(dkma.party.as_deref(), Some("DK"));
    let msit = p.organisation("msit").expect("MSIT");
    assert_eq!(msit.name.as_deref(), Some("Ministry of Science and ICT"));
    assert_eq!(msit.party.as_deref(), Some("KR"));
    let who = p.organisation("who").expect("WHO");
    assert!(who.multilateral);
    let ids: Vec<&str> = p
        .action("4.2.5")
        .map(|a| a.organisations.iter().map(|o| o.id.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(ids, ["k-sure", "ekf"]);
}

#[test]
fn targets() {
    let (p, _) = plan();
    assert_eq!(p.targets.len(), 3);
    assert_eq!(p.targets[0].party.as_deref(), Some("KR"));
    assert_eq!(p.targets[0].value, 20.0);
    assert_eq!(p.targets[0].direction, Some(Direction::Increase));
    assert_eq!(p.targets[1].party.as_deref(), Some("DK"));
    assert_eq!(p.targets[1].direction, None);
    assert_eq!(p.targets[2].direction, Some(Direction::NetZero));
    assert_eq!(p.targets[2].year, Some(2050));
}

#[test]
fn spans_point_at_the_source() {
    let (p, src) = plan();
    for a in p.actions() {
        let at = &src[a.span.range()];
        let first_word = a.text.split_whitespace().next().unwrap_or("");
        assert!(at.starts_with(first_word), "{}: {at:?}", a.code);
        for h in a.strength.hedges() {
            assert_eq!(
                src[h.span.range()].to_lowercase(),
                h.phrase.to_lowercase(),
                "{}",
                a.code
            );
        }
        for o in &a.organisations {
            assert!(!src[o.span.range()].is_empty());
        }
    }
    let a = p.action("4.1.8").expect("4.1.8");
    let r = a.recurrence.as_ref().expect("recurrence");
    assert_eq!(&src[r.span.range()], "bi-annual");
    let line_of = src[..r.span.start].matches('\n').count() + 1;
    assert_eq!(r.span.line as usize, line_of);
    let col = src[..r.span.start]
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count() + 1);
    assert_eq!(Some(r.span.column as usize), col);
    for ag in &p.agreements {
        for s in &ag.spans {
            let words: Vec<&str> = ag.title.split_whitespace().take(2).collect();
            assert!(
                src[s.range()].starts_with(&words.join(" ")),
                "{:?}",
                &src[s.range()]
            );
        }
    }
}
