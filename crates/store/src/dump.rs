//! The portable dump: JSON lines, one header then one row per line, with
//! keys sorted so equal contents give equal bytes on any backend.

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::error::{Result, StoreError};
use crate::schema::{Kind, Table, table};

/// The header's format tag.
pub const FORMAT: &str = "jointplan-dump";
/// The dump format's version.
pub const VERSION: u32 = 1;

/// The first line of a dump.
pub fn header() -> String {
    jointplan_core::canonical::compact_json(&json!({"format": FORMAT, "version": VERSION}))
}

/// One row as a dump line.
pub fn row_line(table: &Table, values: &[Value]) -> String {
    jointplan_core::canonical::compact_json(
        &json!({"table": table.name, "row": row_object(table, values)}),
    )
}

/// A row's values as an object keyed by column.
pub fn row_object(table: &Table, values: &[Value]) -> Map<String, Value> {
    table
        .columns
        .iter()
        .zip(values)
        .map(|((c, _), v)| (c.to_string(), v.clone()))
        .collect()
}

/// Reads a dump row line (1-based `line` for messages) into its table and values in column order.
pub fn parse_row(line: usize, text: &str) -> Result<(&'static Table, Vec<Value>)> {
    let bad = |message: String| StoreError::BadDump { line, message };
    let v: Value = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    let name = v
        .get("table")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("no table".into()))?;
    let t = table(name).ok_or_else(|| bad(format!("unknown table {name:?}")))?;
    let row = v
        .get("row")
        .and_then(Value::as_object)
        .ok_or_else(|| bad("no row".into()))?;
    let mut values = Vec::with_capacity(t.columns.len());
    for (col, kind) in t.columns {
        let value = row.get(*col).cloned().unwrap_or(Value::Null);
        let fits = match (kind, &value) {
            (_, Value::Null) => true,
            (Kind::Int, v) => v.is_i64(),
            (Kind::Real, v) => v.is_number(),
            (Kind::Text, v) => v.is_string(),
        };
        if !fits {
            return Err(bad(format!("{name}.{col}: {value} is not a {kind:?}")));
        }
        values.push(value);
    }
    Ok((t, values))
}

/// Checks the header line.
pub fn check_header(text: &str) -> Result<()> {
    let v: Value = serde_json::from_str(text).map_err(|e| StoreError::BadDump {
        line: 1,
        message: e.to_string(),
    })?;
    if v.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(StoreError::BadDump {
            line: 1,
            message: "not a jointplan dump".into(),
        });
    }
    match v.get("version").and_then(Value::as_u64) {
        Some(n) if n <= u64::from(VERSION) => Ok(()),
        other => Err(StoreError::BadDump {
            line: 1,
            message: format!("dump version {other:?} is newer than this jointplan reads"),
        }),
    }
}

/// SHA-256 over a dump's row lines (the header is left out), hex.
pub fn contents_hash(lines: &[String]) -> String {
    let mut h = Sha256::new();
    for l in lines.iter().skip(1) {
        h.update(l.as_bytes());
        h.update(b"\n");
    }
    hex::encode(h.finalize())
}
