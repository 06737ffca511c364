//! Whole rows of any table as JSON values, in the schema's column order:
//! what backup, restore and `verify` work on. The one place rows are read
//! by position, because the columns come from the schema, not a struct.

use serde_json::{Value, json};
use sqlx::{AssertSqlSafe, Row as _};

use super::Tx;
use crate::error::Result;
use crate::schema::{Kind, Table};

/// Decodes column `i` of `row` as `kind`.
macro_rules! column {
    ($row:expr, $i:expr, $kind:expr) => {
        match $kind {
            Kind::Int => json!($row.try_get::<Option<i64>, _>($i)?),
            Kind::Real => json!($row.try_get::<Option<f64>, _>($i)?),
            Kind::Text => json!($row.try_get::<Option<String>, _>($i)?),
        }
    };
}

impl Tx {
    /// Every row of `table` in its stable order.
    pub async fn table_rows(&mut self, table: &Table) -> Result<Vec<Vec<Value>>> {
        let sql = AssertSqlSafe(table.select_all());
        let kinds: Vec<Kind> = table.columns.iter().map(|(_, k)| *k).collect();
        let mut out = Vec::new();
        match self {
            Tx::Sqlite(tx) => {
                for row in sqlx::query(sql).fetch_all(&mut **tx).await? {
                    let mut values = Vec::with_capacity(kinds.len());
                    for (i, kind) in kinds.iter().enumerate() {
                        values.push(column!(row, i, kind));
                    }
                    out.push(values);
                }
            }
            Tx::Pg(tx) => {
                for row in sqlx::query(sql).fetch_all(&mut **tx).await? {
                    let mut values = Vec::with_capacity(kinds.len());
                    for (i, kind) in kinds.iter().enumerate() {
                        values.push(column!(row, i, kind));
                    }
                    out.push(values);
                }
            }
        }
        Ok(out)
    }
}
