//! An acknowledged write survives `kill -9`: a child process writes
//! progress reports one at a time to a SQLite file and prints an
//! acknowledgement after each commit; the test kills it with SIGKILL at
//! random moments, restarts it against the same file, and finally checks
//! that every acknowledged write is there and the file passes SQLite's
//! integrity check and the store's own verification.
//!
//! The child is this test binary itself, re-run with only
//! `durability_child_writer` selected and the database named in an
//! environment variable; in a normal test run that test does nothing.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use jointplan_core::access::Role;
use jointplan_core::progress::{Level, Report, Status};
use jointplan_store::prelude::*;
use jointplan_store::{Actor, NewAccount, SqliteStore};

/// Names the database for the child writer; unset in normal test runs.
const CHILD_ENV: &str = "JOINTPLAN_DURABILITY_CHILD";
/// Kills (and restarts) of the writer.
const KILLS: usize = 25;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// The child: writes one report per transaction until it is killed,
/// printing `ack ID TOKEN` after each commit returns.
#[test]
fn durability_child_writer() {
    let Ok(url) = std::env::var(CHILD_ENV) else {
        return;
    };
    let round = std::env::var("JOINTPLAN_DURABILITY_ROUND").unwrap_or_default();
    runtime().block_on(async {
        let store = SqliteStore::open(&url).await.expect("open the store");
        let plan = store.resolve_plan(None).await.expect("the plan");
        let current = store.version(&plan.slug, None).await.expect("version");
        let codes: Vec<String> = current.plan.actions().map(|a| a.code.clone()).collect();
        let mut out = std::io::stdout().lock();
        for n in 0.. {
            let token = format!("r{round}-w{n}");
            let (party, writer) = if n % 2 == 0 {
                ("DK", "writer-dk")
            } else {
                ("KR", "writer-kr")
            };
            let report = Report {
                action: codes[n % codes.len()].clone(),
                party: party.into(),
                organisation: None,
                date: "2023-01-01".into(),
                status: Status::OnTrack,
                level: Level::Limited,
                narrative: token.clone(),
                evidence: vec![],
            };
            let ids = store
                .add_reports(&plan.slug, &[report], &Actor::account(writer))
                .await
                .expect("write");
            writeln!(out, "ack {} {token}", ids[0]).expect("stdout");
            out.flush().expect("stdout");
        }
    });
}

/// A small xorshift generator seeded from the clock: different kill moments each run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn acknowledged_writes_survive_kill_9() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("durable.db").display());
    runtime().block_on(async {
        let store = SqliteStore::open(&url).await.expect("open");
        let plan = jointplan_import::example::import().expect("example").plan;
        common::save_as_operator(&store, &plan).await.expect("save");
        for (name, party) in [("writer-dk", "DK"), ("writer-kr", "KR")] {
            let account = NewAccount {
                name: name.into(),
                role: Role::Coordinator,
                party: Some(party.into()),
                organisation: None,
            };
            store
                .add_account(&account, "pw-Secret-1", &Actor::Operator)
                .await
                .expect("a writer");
        }
        store.close().await;
    });

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
        | 1;
    let mut rng = Rng(seed);
    let exe = std::env::current_exe().expect("this test binary");
    let mut acked: Vec<String> = Vec::new();
    let started = Instant::now();
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "durability_child_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &url)
            .env("JOINTPLAN_DURABILITY_ROUND", round.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the writer");
        let mut lines = BufReader::new(child.stdout.take().expect("piped")).lines();
        // A quarter of the kills land while the writer starts (opening and
        // checking the file); the rest after a random number of commits.
        let wait_for = if rng.below(4) == 0 {
            0
        } else {
            1 + rng.below(40)
        };
        let mut seen = 0;
        while seen < wait_for {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(rest) = line.strip_prefix("ack ") {
                        acked.push(rest.to_string());
                        seen += 1;
                    }
                }
                _ => panic!("the writer stopped before it was killed (seed {seed})"),
            }
        }
        // The random moment itself: somewhere inside the next write or two.
        std::thread::sleep(Duration::from_micros(rng.below(3000)));
        child.kill().expect("SIGKILL the writer");
        // Acknowledgements already in the pipe were printed after a commit: they count.
        for line in lines.map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("ack ") {
                acked.push(rest.to_string());
            }
        }
        let status = child.wait().expect("reap the writer");
        assert!(!status.success(), "the writer was killed, not finished");
    }
    assert!(
        acked.len() >= KILLS,
        "too few writes to prove anything: {}",
        acked.len()
    );

    runtime().block_on(async {
        let store = SqliteStore::open(&url)
            .await
            .expect("reopen after the kills");
        assert_eq!(
            store.integrity_check().await.expect("integrity check"),
            "ok"
        );
        let verification = store.verify().await.expect("verify");
        assert_eq!(verification.problem, None, "seed {seed}");
        let plan = store.resolve_plan(None).await.expect("plan");
        let stored: std::collections::HashMap<String, i64> = store
            .reports(&plan.slug)
            .await
            .expect("reports")
            .into_iter()
            .map(|r| (r.report.narrative, r.id))
            .collect();
        for ack in &acked {
            let (id, token) = ack.split_once(' ').expect("ack ID TOKEN");
            let id: i64 = id.parse().expect("an id");
            assert_eq!(
                stored.get(token),
                Some(&id),
                "acknowledged write {token} (id {id}) is missing after kill -9 (seed {seed})"
            );
        }
        // One audit record per write: the log covers every acknowledged write.
        assert!(verification.audit_records > acked.len());
    });
    eprintln!(
        "{} acknowledged writes survived {KILLS} kills in {:.1} s",
        acked.len(),
        started.elapsed().as_secs_f64()
    );
}
