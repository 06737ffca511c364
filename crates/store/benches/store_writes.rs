//! Concurrent progress reporting through the store's checked write path:
//! REPORTERS tokio tasks (default 100), each an account of one party's
//! reporter for the organisation that leads its action, each submitting
//! WRITES reports (default 50) one `add_reports` call at a time. Prints
//! accepted writes per second, p50/p99/max latency, and checks that every
//! acknowledged write is in the store afterwards.
//!
//! Two loads: with RATE unset, each reporter writes again as soon as its
//! last write returns (the store's saturation throughput; with 100
//! writers always waiting, latency is mostly queueing: about 100 / rate).
//! With RATE=N the reporters together offer N writes a second, each on its
//! own schedule, and latency counts from the moment a write was due, so a
//! store that falls behind shows it.
//!
//!   cargo bench -p jointplan-store --bench store_writes
//!   RATE=1000 cargo bench -p jointplan-store --bench store_writes
//!   STORE_URL=postgres://…/db cargo bench -p jointplan-store --bench store_writes
//!
//! Without STORE_URL it writes to a fresh SQLite file in a temporary
//! directory; a PostgreSQL database must be empty (it is migrated here).
//! `bench/store_writes.sh` runs both backends under both loads.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jointplan_core::access::Role;
use jointplan_core::progress::{Level, Report, Status};
use jointplan_store::{Actor, NewAccount, SavePlan, SqlStore, prelude::*};

/// One reporter: its account, party, action and organisation.
#[derive(Clone)]
struct Reporter {
    name: String,
    party: String,
    action: String,
    organisation: String,
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not used here.
    let reporters = env_number("REPORTERS", 100);
    let writes = env_number("WRITES", 50);
    let rate = env_number("RATE", 0);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let url = std::env::var("STORE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("bench.db").display()));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(run(&url, reporters, writes, rate));
}

async fn run(url: &str, reporters: usize, writes: usize, rate: usize) {
    let store = SqlStore::connect(url).await.expect("connect");
    store.migrate().await.expect("migrate");
    let store = Arc::new(store);
    let (slug, people) = set_up(&store, reporters).await;
    let before = store.reports(&slug).await.expect("reports").len();

    // Each reporter writes every `interval` when a rate is offered, its
    // first write spread evenly over the first interval.
    let interval = (rate > 0).then(|| Duration::from_secs_f64(people.len() as f64 / rate as f64));
    let start = Arc::new(tokio::sync::Barrier::new(people.len() + 1));
    let began_at = Instant::now() + Duration::from_millis(200);
    let mut tasks = Vec::new();
    let count = people.len();
    for (i, r) in people.iter().cloned().enumerate() {
        let (store, slug, start) = (store.clone(), slug.clone(), start.clone());
        tasks.push(tokio::spawn(async move {
            let actor = Actor::account(&r.name);
            let mut done = Vec::with_capacity(writes);
            let mut refused = 0usize;
            start.wait().await;
            for n in 0..writes {
                let due = interval
                    .map(|every| began_at + every.mul_f64(n as f64 + i as f64 / count as f64));
                if let Some(due) = due {
                    tokio::time::sleep_until(due.into()).await;
                }
                let report = Report {
                    action: r.action.clone(),
                    party: r.party.clone(),
                    organisation: Some(r.organisation.clone()),
                    date: "2023-06-01".into(),
                    status: Status::OnTrack,
                    level: Level::Limited,
                    narrative: format!("reporter {i} write {n}"),
                    evidence: vec![],
                };
                let t = due.unwrap_or_else(Instant::now);
                match store.add_reports(&slug, &[report], &actor).await {
                    Ok(ids) => done.push((ids[0], t.elapsed(), format!("reporter {i} write {n}"))),
                    Err(e) => {
                        refused += 1;
                        eprintln!("reporter {i} write {n}: {e}");
                    }
                }
            }
            (done, refused)
        }));
    }
    start.wait().await;
    let began = match interval {
        Some(_) => began_at,
        None => Instant::now(),
    };
    let mut acked = Vec::new();
    let mut refused = 0;
    for t in tasks {
        let (done, r) = t.await.expect("a reporter task");
        acked.extend(done);
        refused += r;
    }
    let elapsed = began.elapsed();

    let mut latencies: Vec<Duration> = acked.iter().map(|(_, d, _)| *d).collect();
    latencies.sort_unstable();
    let stored: HashMap<i64, String> = store
        .reports(&slug)
        .await
        .expect("reports")
        .into_iter()
        .map(|r| (r.id, r.report.narrative))
        .collect();
    let missing = acked
        .iter()
        .filter(|(id, _, text)| stored.get(id) != Some(text))
        .count();
    let backend = match store.backend() {
        jointplan_store::Backend::Sqlite => "SQLite",
        jointplan_store::Backend::Postgres => "PostgreSQL",
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let load = match rate {
        0 => "back to back".to_string(),
        n => format!("{n}/s offered"),
    };
    println!(
        "| {backend} | {} reporters × {writes}, {load} | {} accepted, {refused} refused | {:.2} s | {:.0} writes/s | {:.1} ms | {:.1} ms | {:.1} ms | {} of {} acknowledged missing; {} stored |",
        people.len(),
        acked.len(),
        elapsed.as_secs_f64(),
        acked.len() as f64 / elapsed.as_secs_f64(),
        ms(percentile(&latencies, 50.0)),
        ms(percentile(&latencies, 99.0)),
        ms(latencies.last().copied().unwrap_or_default()),
        missing,
        acked.len(),
        stored.len() - before,
    );
    store.close().await;
    if missing > 0 || refused > 0 || stored.len() - before != acked.len() {
        eprintln!("FAILED: the store does not hold exactly the acknowledged writes");
        std::process::exit(1);
    }
}

/// The `p`th percentile of sorted `values` (nearest rank).
fn percentile(values: &[Duration], p: f64) -> Duration {
    if values.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * values.len() as f64).ceil() as usize;
    values[rank.clamp(1, values.len()) - 1]
}

/// Saves the reference plan in force and creates, as the rules allow,
/// each party's coordinator and `n` reporters alternating between the
/// parties; each reporter's organisation leads its action for its party.
async fn set_up(store: &SqlStore, n: usize) -> (String, Vec<Reporter>) {
    let plan = jointplan_import::example::import()
        .expect("the example imports")
        .plan;
    let how = SavePlan {
        actor: Actor::Operator,
        in_force: true,
        predecessor: None,
    };
    store.save_plan(&plan, &how).await.expect("save the plan");
    let password = "bench-Secret-1";
    for party in ["DK", "KR"] {
        let coordinator = NewAccount {
            name: format!("coordinator-{party}"),
            role: Role::Coordinator,
            party: Some(party.into()),
            organisation: None,
        };
        store
            .add_account(&coordinator, password, &Actor::Operator)
            .await
            .expect("a coordinator");
    }
    let codes: Vec<String> = plan.actions().map(|a| a.code.clone()).collect();
    let orgs_of = |party: &str| -> Vec<String> {
        plan.organisations
            .iter()
            .filter(|o| o.party.as_deref() == Some(party))
            .map(|o| o.id.clone())
            .collect()
    };
    let orgs: HashMap<&str, Vec<String>> = [("DK", orgs_of("DK")), ("KR", orgs_of("KR"))].into();
    let mut people = Vec::with_capacity(n);
    for i in 0..n {
        let party = if i % 2 == 0 { "DK" } else { "KR" };
        let k = i / 2;
        let action = codes[k % codes.len()].clone();
        let party_orgs = &orgs[party];
        let organisation = party_orgs[k % party_orgs.len()].clone();
        let coordinator = Actor::account(format!("coordinator-{party}"));
        store
            .set_leads(
                &plan.slug,
                &action,
                party,
                Some(&organisation),
                &[],
                &coordinator,
            )
            .await
            .expect("the coordinator sets the lead");
        let name = format!("reporter-{i}");
        let account = NewAccount {
            name: name.clone(),
            role: Role::Reporter,
            party: Some(party.into()),
            organisation: Some(organisation.clone()),
        };
        store
            .add_account(&account, password, &coordinator)
            .await
            .expect("a reporter");
        people.push(Reporter {
            name,
            party: party.into(),
            action,
            organisation,
        });
    }
    (plan.slug, people)
}
