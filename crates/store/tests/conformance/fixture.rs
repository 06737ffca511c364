//! Fixture builders: a store with the reference plan and the people of
//! both parties, set up the way the rules allow (the operator creates each
//! party's first coordinator, each coordinator its party's accounts).

use jointplan_core::Plan;
use jointplan_core::access::Role;
use jointplan_core::progress::{Level, Report, Status};
use jointplan_core::revision::{Change, ChangeSet};
use jointplan_store::{Actor, BulkOutcome, BulkRow, NewAccount, SavePlan, Store};

use crate::common::TestDb;

/// Every test account's password.
pub const PASSWORD: &str = "pw-Secret-1";

/// The reference plan.
pub fn example() -> Plan {
    jointplan_import::example::import()
        .expect("the example imports")
        .plan
}

/// The reference plan under another slug.
pub fn example_as(slug: &str) -> Plan {
    let mut p = example();
    p.slug = slug.into();
    p
}

/// Someone acting: an account by name.
pub fn who(name: &str) -> Actor {
    Actor::account(name)
}

/// The accounts every world has: (name, role, party, organisation).
pub const PEOPLE: &[(&str, Role, Option<&str>, Option<&str>)] = &[
    ("mette", Role::Coordinator, Some("DK"), None),
    ("jisoo", Role::Coordinator, Some("KR"), None),
    ("lars", Role::Reporter, Some("DK"), Some("MHES")),
    ("sofie", Role::Reporter, Some("DK"), None),
    ("minho", Role::Reporter, Some("KR"), Some("msit")),
    ("anne", Role::Evaluator, Some("DK"), None),
    ("jun", Role::Evaluator, Some("KR"), None),
    ("ines", Role::Evaluator, None, None),
    ("old", Role::Coordinator, Some("DK"), None),
    ("spare", Role::Reporter, Some("DK"), None),
];

/// Who creates an account of `party`: the operator the first coordinator
/// and independent evaluators, the party's first coordinator the rest.
fn creator(name: &str, party: Option<&str>) -> Actor {
    match (name, party) {
        ("mette" | "jisoo", _) | (_, None) => Actor::Operator,
        (_, Some("DK")) => who("mette"),
        _ => who("jisoo"),
    }
}

/// A report on `action` for `party`.
pub fn report(action: &str, party: &str, date: &str, level: Level) -> Report {
    Report {
        action: action.into(),
        party: party.into(),
        organisation: None,
        date: date.into(),
        status: Status::OnTrack,
        level,
        narrative: "reported".into(),
        evidence: vec!["https://example.invalid/e".into()],
    }
}

/// A bulk row for `plan` at `line`.
pub fn bulk(line: u64, plan: &str, report: Report) -> BulkRow {
    BulkRow {
        line,
        plan: plan.into(),
        report: Ok(report),
    }
}

/// A one-change revision retitling the plan.
pub fn retitle(title: &str) -> ChangeSet {
    ChangeSet {
        reason: "wording".into(),
        changes: vec![Change::SetTitle {
            title: title.into(),
        }],
    }
}

/// A store with the reference plan (a draft, saved by the operator) and the people of both parties.
pub struct World {
    /// The store under test.
    pub db: TestDb,
    /// The plan as saved.
    pub plan: Plan,
}

impl World {
    /// The reference plan's slug.
    pub const SLUG: &'static str = "dk-kr-2021-2024";

    /// Saves the plan and creates every account of [`PEOPLE`]; `old` is disabled.
    pub async fn new(db: TestDb) -> World {
        let plan = example();
        db.store
            .save_plan(&plan, &SavePlan::default())
            .await
            .expect("the operator saves a draft");
        for (name, role, party, organisation) in PEOPLE {
            let account = NewAccount {
                name: (*name).into(),
                role: *role,
                party: party.map(str::to_string),
                organisation: organisation.map(str::to_string),
            };
            db.store
                .add_account(&account, PASSWORD, &creator(name, *party))
                .await
                .unwrap_or_else(|e| panic!("creating {name}: {e}"));
        }
        db.store
            .disable_account("old", &who("mette"))
            .await
            .expect("mette disables old");
        World { db, plan }
    }

    /// The store.
    pub fn store(&self) -> &dyn Store {
        self.db.store.as_ref()
    }

    /// Brings plan `slug` into force: both coordinators adopt it.
    pub async fn adopt(&self, slug: &str) {
        for c in ["mette", "jisoo"] {
            self.store()
                .adopt_plan(slug, &who(c))
                .await
                .unwrap_or_else(|e| panic!("{c} adopts {slug}: {e}"));
        }
    }

    /// The world with its plan in force.
    pub async fn in_force(db: TestDb) -> World {
        let w = World::new(db).await;
        w.adopt(Self::SLUG).await;
        w
    }

    /// Proposes `set` (as mette) and has both coordinators approve it.
    pub async fn revise(&self, set: &ChangeSet) -> i64 {
        let r = self
            .store()
            .propose_revision(Self::SLUG, set, &who("mette"))
            .await
            .expect("propose");
        for (party, c) in [("DK", "mette"), ("KR", "jisoo")] {
            self.store()
                .approve_revision(r.id, party, &who(c))
                .await
                .expect("approve");
        }
        r.id
    }

    /// Runs a bulk import as `actor`, returning the outcome and the refused lines.
    pub async fn import(
        &self,
        batches: Vec<Vec<BulkRow>>,
        atomic: bool,
        actor: &Actor,
    ) -> (BulkOutcome, Vec<(u64, String)>) {
        let mut refused = Vec::new();
        let mut sink = |line: u64, why: &str| refused.push((line, why.to_string()));
        let outcome = self
            .store()
            .import_reports(&mut batches.into_iter(), atomic, actor, &mut sink)
            .await
            .expect("import runs");
        (outcome, refused)
    }
}

/// The first action of `plan`.
pub fn first_action(plan: &Plan) -> String {
    plan.actions().next().expect("an action").code.clone()
}

/// Runs raw SQL on the store's database (for tampering), on either backend.
pub async fn raw(db: &TestDb, sql: &str) -> Result<u64, sqlx::Error> {
    use sqlx::Connection;
    let sql = sqlx::AssertSqlSafe(sql.to_string());
    if db.url.starts_with("sqlite") {
        let mut c = sqlx::SqliteConnection::connect(&db.url).await?;
        Ok(sqlx::query(sql).execute(&mut c).await?.rows_affected())
    } else {
        let mut c = sqlx::PgConnection::connect(&db.url).await?;
        Ok(sqlx::query(sql).execute(&mut c).await?.rows_affected())
    }
}
