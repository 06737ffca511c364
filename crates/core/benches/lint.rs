//! Lint on the reference plan and on a plan 100 times its size (every action
//! bullet repeated 100 times, so the duplicate rule fires on nearly every
//! action: it must stay near-linear).

use criterion::{Criterion, criterion_group, criterion_main};
use jointplan_core::Plan;
use jointplan_core::lint::{LintConfig, lint};
use jointplan_import::example;

fn reference() -> Plan {
    example::import().expect("the example imports").plan
}

/// The reference text with every action bullet of the lines of effort written `times` times.
fn scaled(times: usize) -> Plan {
    let mut out = String::with_capacity(example::TEXT.len() * times);
    let mut in_lines = false;
    for line in example::TEXT.lines() {
        in_lines |= line.starts_with("1. ");
        let copies = if in_lines && line.starts_with("- ") {
            times
        } else {
            1
        };
        for _ in 0..copies {
            out.push_str(line);
            out.push('\n');
        }
    }
    jointplan_import::import_bytes(example::NAME, out.as_bytes(), None)
        .expect("the scaled example imports")
        .plan
}

fn bench(c: &mut Criterion) {
    let config = LintConfig::default();
    let one = reference();
    let hundred = scaled(100);
    assert!(hundred.actions().count() >= 100 * one.actions().count() - 100);
    c.bench_function("lint reference plan", |b| b.iter(|| lint(&one, &config)));
    let mut group = c.benchmark_group("lint 100x");
    group.sample_size(20);
    group.bench_function("lint 100x plan", |b| b.iter(|| lint(&hundred, &config)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
