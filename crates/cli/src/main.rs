//! The `jointplan` command.

mod cli;
mod commands;
mod input;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system allocator: a bulk load allocates a few
/// strings per row on the CSV thread and frees them on the writer's, which
/// glibc's per-thread arenas serve slowly (a third of a 1,000,000-row
/// PostgreSQL load went to malloc and free).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit code for input jointplan cannot use (missing, unreadable, not a plan).
pub const EXIT_BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match commands::run(args) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`jointplan summary … | head`) is not an error.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let code = if err.downcast_ref::<input::BadInput>().is_some() {
                EXIT_BAD_INPUT
            } else {
                1
            };
            eprintln!("error: {}", one_line(&err));
            ExitCode::from(code)
        }
    }
}

/// The error and its causes on one line.
fn one_line(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let s = cause.to_string().replace('\n', " ");
        if !parts.iter().any(|p| p.contains(&s)) {
            parts.push(s);
        }
    }
    parts.join(": ")
}
