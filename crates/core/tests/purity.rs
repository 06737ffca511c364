//! The domain crate stays pure: no database, HTTP or async runtime among its dependencies.

#[test]
fn core_depends_on_no_io_stack() {
    let manifest = include_str!("../Cargo.toml");
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|s| s.split("\n[").next())
        .unwrap_or_default();
    for forbidden in [
        "sqlx", "axum", "tokio", "hyper", "reqwest", "tower", "rusqlite", "postgres",
    ] {
        assert!(
            !deps.lines().any(|l| l.trim_start().starts_with(forbidden)),
            "jointplan-core must stay pure but depends on {forbidden}"
        );
    }
}
