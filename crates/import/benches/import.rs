//! Import speed: the reference plan, and a plan 100 times as large (every
//! action bullet repeated 100 times), to show import has no quadratic step;
//! and how many documents a second the machine imports on all its cores,
//! one import per core at a time (what a server importing for several users
//! at once gets).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use jointplan_import::{Format, example, import_bytes};

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

fn bench_all_cores(c: &mut Criterion) {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let mut group = c.benchmark_group("import_all_cores");
    // One iteration is one import on every core.
    group.throughput(Throughput::Elements(threads as u64));
    group.bench_function(BenchmarkId::new("reference_plan_threads", threads), |b| {
        // The threads live through all the iterations of a measurement, as
        // a server's workers do: starting them (and their allocator heaps)
        // is paid once, not per import.
        b.iter_custom(|iters| {
            let start = std::time::Instant::now();
            std::thread::scope(|s| {
                for _ in 0..threads {
                    s.spawn(|| {
                        for _ in 0..iters {
                            std::hint::black_box(example::import().is_ok());
                        }
                    });
                }
            });
            start.elapsed()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_import, bench_all_cores);
criterion_main!(benches);
