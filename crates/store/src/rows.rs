//! Row-level helpers every concern uses: ids, whole-row inserts from the
//! schema, the audit chain's next record, timestamps.

use std::time::{Duration, SystemTime};

use jointplan_core::audit;
use serde_json::{Value, json};

use crate::dump;
use crate::error::{Result, StoreError};
use crate::schema::{Kind, Table};
use crate::seam::{Tx, Val, q};

/// Now, as RFC 3339 UTC with microseconds: the store's timestamp format.
pub fn now() -> String {
    humantime::format_rfc3339_micros(SystemTime::now()).to_string()
}

/// `after` from now, in the store's timestamp format.
pub(crate) fn from_now(after: Duration) -> String {
    humantime::format_rfc3339_micros(SystemTime::now() + after).to_string()
}

/// The current year (UTC), for a plan's effective stage.
pub(crate) fn this_year() -> i32 {
    now().get(..4).and_then(|y| y.parse().ok()).unwrap_or(2000)
}

/// The schema's table `name`; a miss means the build's schema and code disagree.
pub(crate) fn table(name: &str) -> Result<&'static Table> {
    crate::schema::table(name).ok_or_else(|| StoreError::Corrupt(format!("no {name} table")))
}

/// The next id of a table (callers hold the write lock).
pub(crate) async fn next_id(tx: &mut Tx, table: &str) -> Result<i64> {
    // Not prepared: see `Q::unprepared` (a bulk load of 1,000,000 reports
    // spent half its time here with a plan made on an empty table).
    let sql = format!("SELECT COALESCE(MAX(id), 0) + 1 FROM {table}");
    tx.scalar(q(sql).unprepared()).await
}

/// A JSON value as the bound value of a column of `kind`.
fn val(table: &Table, col: &str, kind: Kind, v: &Value) -> Result<Val> {
    let bad = || StoreError::Invalid(format!("{}.{col}: cannot store {v}", table.name));
    Ok(match (kind, v) {
        (Kind::Int, Value::Null) => Val::Int(None),
        (Kind::Real, Value::Null) => Val::Real(None),
        (Kind::Text, Value::Null) => Val::Text(None),
        (Kind::Int, v) => Val::Int(Some(v.as_i64().ok_or_else(bad)?)),
        (Kind::Real, v) => Val::Real(Some(v.as_f64().ok_or_else(bad)?)),
        (Kind::Text, v) => Val::Text(Some(v.as_str().ok_or_else(bad)?.to_string())),
    })
}

/// Inserts one row given in the schema's column order.
pub(crate) async fn insert_row(tx: &mut Tx, table: &Table, values: &[Value]) -> Result<()> {
    let mut query = q(table.insert());
    for ((col, kind), v) in table.columns.iter().zip(values) {
        query = query.bind_val(val(table, col, *kind, v)?);
    }
    tx.execute(query).await?;
    Ok(())
}

/// Inserts a row into table `name` with the next id, which it returns;
/// `values` are the columns after the id.
pub(crate) async fn insert_new(tx: &mut Tx, name: &str, values: Vec<Value>) -> Result<i64> {
    let t = table(name)?;
    let id = next_id(tx, name).await?;
    let mut row = Vec::with_capacity(values.len() + 1);
    row.push(json!(id));
    row.extend(values);
    insert_row(tx, t, &row).await?;
    Ok(id)
}

/// One audit record to append.
pub(crate) struct Audit<'a> {
    /// The acting principal's audit name.
    pub actor: &'a str,
    /// What (`plan.save`, `progress.report`, …).
    pub action: &'a str,
    /// Which kind of record.
    pub entity: &'a str,
    /// Which record.
    pub entity_id: &'a str,
    /// Details.
    pub detail: Value,
}

/// Appends a hash-chained audit record (callers hold the write lock).
pub(crate) async fn append_audit(tx: &mut Tx, record: Audit<'_>) -> Result<()> {
    #[derive(sqlx::FromRow)]
    struct Last {
        hash: String,
    }
    let t = table("audit_log")?;
    let id = next_id(tx, "audit_log").await?;
    let prev: Option<Last> = tx
        .optional(q("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").unprepared())
        .await?;
    let prev = prev.map_or_else(|| audit::GENESIS.to_string(), |l| l.hash);
    let mut values = vec![
        json!(id),
        json!(now()),
        json!(record.actor),
        json!(record.action),
        json!(record.entity),
        json!(record.entity_id),
        json!(jointplan_core::canonical::compact_json(&record.detail)),
        json!(prev),
    ];
    let fields = Value::Object(dump::row_object(t, &values));
    values.push(json!(audit::record_hash(&prev, &fields)));
    insert_row(tx, t, &values).await
}

/// A list as the JSON text a column stores.
pub(crate) fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

/// A stored JSON list back, or why it does not read (`what` names the record).
pub(crate) fn read_list(text: &str, what: &str) -> Result<Vec<String>> {
    serde_json::from_str(text).map_err(|_| StoreError::Corrupt(what.to_string()))
}
