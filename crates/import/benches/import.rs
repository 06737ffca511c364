//! Import speed: the reference plan, and a plan 100 times as large (every
//! action bullet repeated 100 times), to show import has no quadratic step.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use jointplan_import::{Format, example, import_bytes};

/// The allocator the `jointplan` binary ships with (crates/cli/src/main.rs),
/// so the figures are what its users get.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The reference plan with every action bullet line repeated `times` times.
fn scaled(times: usize) -> String {
    let mut out = String::new();
    for line in example::TEXT.lines() {
        let t = line.trim();
        let copies = if t.starts_with("- ") && !t.ends_with("**") {
            times
        } else {
            1
        };
        for _ in 0..copies {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn bench_import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    for times in [1usize, 10, 100] {
        let text = scaled(times);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("plan_x", times), &text, |b, text| {
            b.iter(|| {
                import_bytes("plan.txt", text.as_bytes(), Some(Format::Text))
                    .map(|i| i.plan.lines.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_import);
criterion_main!(benches);
