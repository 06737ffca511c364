//! `jointplan progress import CSV`: bulk-load progress reports from a CSV
//! file, streamed in batches so memory stays flat however long the file is.
//! The store checks every row; this module reads rows and reports.

use std::fs::File;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use jointplan_core::progress::Report;
use jointplan_store::{BulkRow, Store};

use super::storage;
use crate::input::BadInput;

/// Arguments of `progress import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV file (RFC 4180, UTF-8, with a header row).
    #[arg(value_name = "CSV")]
    pub csv: PathBuf,
    /// The plan for rows without a `plan` column or value (default: the only plan).
    #[arg(long, value_name = "SLUG")]
    pub plan: Option<String>,
    /// All or nothing: if any row is bad, write nothing.
    #[arg(long)]
    pub atomic: bool,
    /// Rows per transaction.
    #[arg(long, default_value_t = 5000, value_name = "N", hide = true)]
    pub batch_size: usize,
}

/// The columns a CSV may have, with the header names accepted for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(usize)]
enum Column {
    Plan,
    Action,
    Date,
    Party,
    Organisation,
    Status,
    Level,
    Note,
    Evidence,
}

impl Column {
    /// Reads a header cell; names are case-insensitive and `-`/space mean `_`.
    fn parse(name: &str) -> Option<Column> {
        let n = name.trim().to_lowercase().replace(['-', ' '], "_");
        Some(match n.as_str() {
            "plan" | "plan_slug" => Column::Plan,
            "action" | "action_code" | "code" => Column::Action,
            "date" => Column::Date,
            "party" => Column::Party,
            "organisation" | "organization" | "org" => Column::Organisation,
            "status" => Column::Status,
            "level" | "completion" | "completion_level" => Column::Level,
            "note" | "narrative" => Column::Note,
            "evidence" => Column::Evidence,
            _ => return None,
        })
    }

    /// How many columns there are.
    const COUNT: usize = 9;

    const REQUIRED: [(Column, &'static str); 5] = [
        (Column::Action, "action"),
        (Column::Date, "date"),
        (Column::Party, "party"),
        (Column::Status, "status"),
        (Column::Level, "level"),
    ];
}

/// Runs `progress import`.
pub async fn run(
    s: &dyn Store,
    args: &ImportArgs,
    actor: &jointplan_store::Actor,
) -> Result<ExitCode> {
    let file = File::open(&args.csv)
        .map_err(|e| BadInput(format!("{}: cannot read: {e}", args.csv.display())))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(std::io::BufReader::with_capacity(1 << 16, file));
    let columns = header(&mut reader, &args.csv)?;
    // Without a plan column every row is for --plan or the only plan.
    let default_plan = match (&args.plan, columns[Column::Plan as usize].is_some()) {
        (Some(p), _) => Some(s.plan(p).await.map_err(storage::user_error)?.slug),
        (None, false) => Some(
            s.resolve_plan(None)
                .await
                .map_err(storage::user_error)?
                .slug,
        ),
        (None, true) => None,
    };

    let bar = progress_bar(size);
    let started = Instant::now();
    let mut rows = Rows {
        width: reader.headers().map(|h| h.len()).unwrap_or(0),
        reader,
        columns,
        default_plan,
        batch_size: args.batch_size.max(1),
        bar: bar.clone(),
        done: false,
        fatal: None,
    };
    // Parse the CSV on its own thread while the store writes the previous
    // batch; two batches in flight keep memory flat.
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<BulkRow>>(2);
    let reader = std::thread::Builder::new()
        .name("csv-reader".into())
        .spawn(move || {
            for batch in &mut rows {
                if send.send(batch).is_err() {
                    break;
                }
            }
            rows.fatal
        })
        .context("cannot start the CSV reader thread")?;
    let report_bar = bar.clone();
    let mut rejected = move |line: u64, why: &str| {
        report_bar.suspend(|| tracing::warn!("line {line}: {why}"));
    };
    let mut batches = std::iter::from_fn(move || receive.recv().ok());
    let outcome = s
        .import_reports(&mut batches, args.atomic, actor, &mut rejected)
        .await
        .map_err(storage::user_error);
    // Dropping the receiver stops the reader if the store gave up early.
    drop(batches);
    let fatal = reader
        .join()
        .map_err(|_| anyhow::anyhow!("the CSV reader thread failed"))?;
    let outcome = outcome?;
    bar.finish_and_clear();
    if let Some(e) = fatal {
        return Err(
            anyhow::Error::new(e).context(format!("{}: reading stopped", args.csv.display()))
        );
    }
    let secs = started.elapsed().as_secs_f64();
    let read = outcome.imported + outcome.rejected;
    let rate = if secs > 0.0 { read as f64 / secs } else { 0.0 };
    if args.atomic && outcome.rejected > 0 {
        tracing::error!(
            "imported nothing: {} bad rows (--atomic), in {secs:.2} s; fix them and run again",
            outcome.rejected
        );
        return Ok(ExitCode::FAILURE);
    }
    tracing::info!(
        "imported {} reports, {} bad rows, in {secs:.2} s ({rate:.0} rows/s)",
        outcome.imported,
        outcome.rejected
    );
    Ok(if outcome.rejected > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads the header row into each column's position, indexed by
/// [`Column`]; refuses unknown or missing columns.
fn header<R: std::io::Read>(
    reader: &mut csv::Reader<R>,
    path: &Path,
) -> Result<[Option<usize>; Column::COUNT]> {
    let headers = reader
        .headers()
        .map_err(|e| BadInput(format!("{}: no readable header row: {e}", path.display())))?;
    let mut columns = [None; Column::COUNT];
    for (i, name) in headers.iter().enumerate() {
        let column = Column::parse(name).ok_or_else(|| {
            BadInput(format!(
                "{}: unknown column {name:?}; the columns are plan, action, date, party, organisation, status, level, note, evidence",
                path.display()
            ))
        })?;
        if columns[column as usize].replace(i).is_some() {
            return Err(
                BadInput(format!("{}: column {name:?} appears twice", path.display())).into(),
            );
        }
    }
    let missing: Vec<&str> = Column::REQUIRED
        .iter()
        .filter(|(c, _)| columns[*c as usize].is_none())
        .map(|(_, n)| *n)
        .collect();
    if !missing.is_empty() {
        return Err(BadInput(format!(
            "{}: the header lacks column(s) {}",
            path.display(),
            missing.join(", ")
        ))
        .into());
    }
    Ok(columns)
}

/// A progress bar on stderr over the file's bytes, hidden when stderr is
/// not a terminal (a pipe or log file would fill with redraws).
fn progress_bar(size: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(size), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(size);
    if let Ok(style) = ProgressStyle::with_template(
        "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} eta {eta}",
    ) {
        bar.set_style(style);
    }
    bar
}

/// The CSV as batches of rows, read on demand.
struct Rows<R: std::io::Read> {
    reader: csv::Reader<R>,
    /// Each column's position in a record, indexed by [`Column`].
    columns: [Option<usize>; Column::COUNT],
    /// Fields in the header row.
    width: usize,
    default_plan: Option<String>,
    batch_size: usize,
    bar: ProgressBar,
    done: bool,
    /// A read error that ends the import (I/O), reported after the store is done.
    fatal: Option<csv::Error>,
}

impl<R: std::io::Read> Iterator for Rows<R> {
    type Item = Vec<BulkRow>;

    fn next(&mut self) -> Option<Vec<BulkRow>> {
        if self.done {
            return None;
        }
        let mut batch = Vec::with_capacity(self.batch_size);
        let mut record = csv::StringRecord::new();
        while batch.len() < self.batch_size {
            let line = self.reader.position().line();
            match self.reader.read_record(&mut record) {
                Ok(false) => {
                    self.done = true;
                    break;
                }
                Ok(true) => {
                    let line = record.position().map_or(line, |p| p.line());
                    batch.push(self.row(line, &record));
                }
                Err(e) => match e.kind() {
                    csv::ErrorKind::Utf8 { pos, .. } => batch.push(BulkRow {
                        line: pos.as_ref().map_or(line, |p| p.line()),
                        plan: String::new(),
                        report: Err("not valid UTF-8".into()),
                    }),
                    _ => {
                        // A refused row makes an atomic import roll back.
                        batch.push(BulkRow {
                            line,
                            plan: String::new(),
                            report: Err(format!("cannot read further: {e}")),
                        });
                        self.fatal = Some(e);
                        self.done = true;
                        break;
                    }
                },
            }
        }
        self.bar.set_position(self.reader.position().byte());
        (!batch.is_empty()).then_some(batch)
    }
}

impl<R: std::io::Read> Rows<R> {
    /// One record as a row for the store, or why it cannot be one.
    fn row(&self, line: u64, record: &csv::StringRecord) -> BulkRow {
        let cell = |c: Column| {
            self.columns[c as usize]
                .and_then(|i| record.get(i))
                .map(str::trim)
                .unwrap_or("")
        };
        let plan = match cell(Column::Plan) {
            "" => self.default_plan.clone().unwrap_or_default(),
            p => p.to_string(),
        };
        let report = if record.len() > self.width {
            Err(format!(
                "{} fields, but the header has {}",
                record.len(),
                self.width
            ))
        } else if plan.is_empty() {
            Err("no plan: fill the plan column or pass --plan".into())
        } else {
            report(cell)
        };
        BulkRow { line, plan, report }
    }
}

/// A report from a row's cells; the store checks it against the plan.
fn report<'a>(cell: impl Fn(Column) -> &'a str) -> Result<Report, String> {
    for (c, name) in Column::REQUIRED {
        if cell(c).is_empty() {
            return Err(format!("no {name}"));
        }
    }
    let organisation = match cell(Column::Organisation) {
        "" => None,
        o => Some(o.to_string()),
    };
    Ok(Report {
        action: cell(Column::Action).to_string(),
        party: cell(Column::Party).to_string(),
        organisation,
        date: cell(Column::Date).to_string(),
        status: cell(Column::Status).parse().map_err(|e| format!("{e}"))?,
        level: cell(Column::Level).parse().map_err(|e| format!("{e}"))?,
        narrative: cell(Column::Note).to_string(),
        evidence: cell(Column::Evidence)
            .split_whitespace()
            .map(str::to_string)
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_leniently() {
        assert_eq!(Column::parse(" Action Code "), Some(Column::Action));
        assert_eq!(Column::parse("Organization"), Some(Column::Organisation));
        assert_eq!(Column::parse("colour"), None);
    }

    #[test]
    fn a_row_names_what_is_wrong() {
        let cells = |level: &'static str| {
            move |c: Column| match c {
                Column::Action => "1.1.1",
                Column::Date => "2022-01-01",
                Column::Party => "DK",
                Column::Status => "on_track",
                Column::Level => level,
                Column::Evidence => "https://a.invalid/1 https://a.invalid/2",
                _ => "",
            }
        };
        let r = report(cells("limited")).expect("a report");
        assert_eq!(r.evidence.len(), 2);
        assert_eq!(r.organisation, None);
        let err = report(cells("halfway")).expect_err("bad level");
        assert!(err.contains("not_started, limited"), "{err}");
        assert_eq!(report(cells("")).expect_err("no level"), "no level");
    }
}
