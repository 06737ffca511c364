//! Imports the reference plan N times (default 200): a steady workload for profilers.

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let mut actions = 0;
    for _ in 0..n {
        if let Ok(i) = jointplan_import::example::import() {
            actions += i.plan.actions().count();
        }
    }
    println!("{actions}");
}
