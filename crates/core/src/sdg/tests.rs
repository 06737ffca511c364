use super::*;

#[test]
fn catalogue_loads_17_goals_in_order() {
    let goals = goals();
    assert_eq!(goals.len(), 17);
    for (i, g) in goals.iter().enumerate() {
        assert_eq!(g.number as usize, i + 1);
        for lang in [Lang::En, Lang::Ko, Lang::Da] {
            assert!(
                !g.title(lang).trim().is_empty(),
                "goal {} {lang:?}",
                g.number
            );
            assert!(
                !g.short(lang).trim().is_empty(),
                "goal {} {lang:?}",
                g.number
            );
        }
        assert_eq!(g.title_da, g.short_da);
    }
}

#[test]
fn catalogue_loads_169_targets_with_existing_goals() {
    let targets = targets();
    assert_eq!(targets.len(), 169);
    for t in targets {
        assert!(goal(t.goal).is_some(), "{}", t.id);
        assert!(t.id.starts_with(&format!("{}.", t.goal)), "{}", t.id);
        assert!(!t.title_en.is_empty() && !t.title_ko.is_empty(), "{}", t.id);
        assert_eq!(t.title(Lang::Da), t.title_en);
    }
    let mut ids: Vec<&str> = targets.iter().map(|t| t.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 169, "ids are unique");
    let per_goal: usize = goals().iter().map(|g| g.targets().count()).sum();
    assert_eq!(per_goal, 169);
    assert_eq!(goal(17).map(|g| g.targets().count()), Some(19));
}

#[test]
fn goal_lookup() {
    assert_eq!(
        goal(7).map(|g| g.short_en.as_str()),
        Some("Affordable and clean energy")
    );
    assert_eq!(goal(13).map(|g| g.title(Lang::Da)), Some("Klimaindsats"));
    assert_eq!(goal(13).map(|g| g.short(Lang::Ko)), Some("기후변화 대응"));
    assert!(goal(0).is_none());
    assert!(goal(18).is_none());
}

#[test]
fn target_lookup() {
    for id in ["7.2", "1.a", "16.10", "17.19", "11.c"] {
        assert_eq!(target(id).map(|t| t.id.as_str()), Some(id));
    }
    assert_eq!(target("7.A").map(|t| t.id.as_str()), Some("7.a"));
    assert_eq!(target(" SDG 7.2 ").map(|t| t.id.as_str()), Some("7.2"));
    assert_eq!(target("Target 16.10").map(|t| t.goal), Some(16));
    assert!(target("7.2").is_some_and(|t| t.title_en.contains("renewable energy")));
    for id in ["18", "7.99", "0", "", "7", "18.1", "7.2.1", "1.z"] {
        assert!(target(id).is_none(), "{id:?}");
    }
}

#[test]
fn upstream_quirks_are_kept() {
    // KOSTAT's 11.c is still English, and its targets are abridged.
    assert!(target("11.c").is_some_and(|t| t.title_ko.starts_with("Support least developed")));
    assert!(target("1.1").is_some_and(|t| t.title_ko.starts_with("2030년까지")));
}

#[test]
fn title_fits_official_and_short_titles() {
    let cases: &[(u32, &str)] = &[
        (
            6,
            "Ensure availability and sustainable management of water and sanitation for all",
        ),
        (6, "Clean Water and Sanitation"),
        (7, "Affordable and Clean Energy"),
        (7, "Goal 7: Affordable and Clean Energy"),
        (7, "SDG 7 – Affordable & Clean Energy"),
        (7, "AFFORDABLE AND CLEAN ENERGY"),
        (17, "Partnerships"),
        (17, "Partnerships for the Goals"),
        (17, "Partnership for the goals"),
        (9, "Industry, Innovation & Infrastructure"),
        (3, "Good Health and Well-being"),
        (3, "Good health and wellbeing"),
        (3, "Good health & well being"),
        (16, "Peace, Justice and Strong Institutions"),
        (14, "Life Below Water"),
        (5, "Gender Equality"),
        (13, "Climate Action"),
        (12, "Responsible Consumption and Production"),
        (10, "Reduced Inequality"),
        (8, "Decent Work and Economic Growth"),
        (11, "Sustainable Cities & Communities"),
        (15, "Life on Land"),
        (1, "No Poverty"),
        (2, "Zero Hunger"),
        (4, "Quality Education"),
        (7, "Affordible and clean energy"),
        // Korean (KOSTAT and other wordings) and Danish.
        (13, "기후변화 대응"),
        (13, "기후변화대응"),
        (13, "목표 13. 기후변화 대응"),
        (7, "깨끗한 에너지"),
        (17, "글로벌 파트너십"),
        (6, "깨끗한 물과 위생"),
        (13, "Klimaindsats"),
        (7, "Bæredygtig energi"),
        (17, "Partnerskaber for handling"),
        (14, "Livet i havet"),
        // Mixed-language headings.
        (13, "Climate Action (기후변화 대응)"),
        // Fragments several goals share fit each of them.
        (14, "Life"),
        (15, "Life"),
    ];
    for (n, written) in cases {
        assert!(title_fits(*n, written), "{n} {written:?} should fit");
    }
}

#[test]
fn title_fits_every_catalogue_name() {
    for g in goals() {
        for lang in [Lang::En, Lang::Ko, Lang::Da] {
            assert!(title_fits(g.number, g.title(lang)), "{} {lang:?}", g.number);
            assert!(title_fits(g.number, g.short(lang)), "{} {lang:?}", g.number);
            assert_eq!(
                goal_by_title(g.short(lang)).map(|x| x.number),
                Some(g.number)
            );
        }
    }
}

#[test]
fn title_fits_rejects_other_goals_titles() {
    let cases: &[(u32, &str)] = &[
        (13, "Responsible Consumption and Production"),
        (12, "Climate Action"),
        (14, "Life on Land"),
        (15, "Life Below Water"),
        (7, "Clean Water and Sanitation"),
        (6, "Affordable and Clean Energy"),
        (13, "Goal 12: Responsible consumption and production"),
        (17, "Klimaindsats"),
        (12, "기후변화 대응"),
        (5, "Quality Education"),
        (4, "Gender Equality"),
        (1, "Zero Hunger"),
        (7, ""),
        (7, "Goal 7"),
        (7, "Something else entirely"),
        (18, "Climate Action"),
        (0, "Climate Action"),
    ];
    for (n, written) in cases {
        assert!(!title_fits(*n, written), "{n} {written:?} should not fit");
    }
}

#[test]
fn goal_by_title_finds_the_unique_best() {
    let by = |s: &str| goal_by_title(s).map(|g| g.number);
    assert_eq!(by("Climate Action"), Some(13));
    assert_eq!(by("climate-action"), Some(13));
    assert_eq!(by("Klimaindsats"), Some(13));
    assert_eq!(by("기후변화 대응"), Some(13));
    assert_eq!(by("Partnerships"), Some(17));
    assert_eq!(by("Industry, Innovation & Infrastructure"), Some(9));
    assert_eq!(
        by("Ensure availability and sustainable management of water and sanitation for all"),
        Some(6)
    );
    assert_eq!(by("Life"), None, "ambiguous between 14 and 15");
    assert_eq!(by("Water"), None, "ambiguous between 6 and 14");
    assert_eq!(by("Energy"), Some(7));
    assert_eq!(by("Digital transformation"), None);
    assert_eq!(by(""), None);
}

#[test]
fn no_catalogue_name_fits_another_goal() {
    for g in goals() {
        for lang in [Lang::En, Lang::Ko, Lang::Da] {
            for written in [g.title(lang), g.short(lang)] {
                for other in goals().iter().filter(|o| o.number != g.number) {
                    assert!(
                        !title_fits(other.number, written),
                        "goal {}'s {written:?} fits {}",
                        g.number,
                        other.number
                    );
                }
            }
        }
    }
}

#[test]
fn title_misfit_agrees_with_title_fits_and_goal_by_title() {
    let misfit = |n: u32, s: &str| title_misfit(n, s).map(|o| o.map(|g| g.number));
    assert_eq!(misfit(13, "Climate Action"), None);
    assert_eq!(
        misfit(13, "Responsible Consumption and Production"),
        Some(Some(12))
    );
    assert_eq!(misfit(3, "Digital transformation"), Some(None));
    for n in 1..=17 {
        for written in [
            "Partnerships",
            "Life",
            "Energy",
            "Clean water",
            "기후변화 대응",
        ] {
            let expected = (!title_fits(n, written))
                .then(|| goal_by_title(written).map(|g| g.number).filter(|&g| g != n));
            assert_eq!(misfit(n, written), expected, "{n} {written:?}");
        }
    }
}
