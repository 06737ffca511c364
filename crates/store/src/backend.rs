//! The store's logic, written once and expanded for each backend.
//!
//! The two backends share their SQL (`$n` placeholders, `RETURNING`-free
//! statements, TEXT dates) and differ only in how a write transaction
//! starts, which each backend module supplies as `begin_write`. A macro
//! rather than generics: sqlx's generic bounds over `Database` would drown
//! the logic, and the `Any` driver mishandles PostgreSQL types.

use std::time::SystemTime;

/// Now, as RFC 3339 UTC with microseconds: the store's timestamp format.
pub fn now() -> String {
    humantime::format_rfc3339_micros(SystemTime::now()).to_string()
}

/// Roles that may report progress or log meetings for a party.
pub const REPORTING_ROLES: &[&str] = &["coordinator", "reporter"];
/// Roles that may approve revisions and record agreed results for a party.
pub const COORDINATING_ROLES: &[&str] = &["coordinator"];
/// Roles that may record assessments for a party.
pub const EVALUATING_ROLES: &[&str] = &["coordinator", "evaluator"];

/// The schema's table `name`; a miss means the build's schema and code disagree.
pub fn schema_table(name: &str) -> crate::Result<&'static crate::schema::Table> {
    crate::schema::table(name).ok_or_else(|| crate::StoreError::Corrupt(format!("no {name} table")))
}

/// Expands the [`crate::Store`] implementation for `$store`, whose pool is
/// `self.pool` of database `$db` and which has `async fn begin_write(&self)`.
macro_rules! impl_store {
    ($store:ty, $db:ty, $backend:expr, $migrator:expr) => {
        use async_trait::async_trait;
        use jointplan_core::audit::{self, ChainRecord};
        use jointplan_core::evaluation::{self, Agreed, Assessment};
        use jointplan_core::progress::Report;
        use jointplan_core::revision::{self, ChangeSet};
        use jointplan_core::{Plan, canonical};
        use serde_json::{Value, json};
        use sqlx::{AssertSqlSafe, FromRow, Row};

        use crate::backend::{COORDINATING_ROLES, EVALUATING_ROLES, REPORTING_ROLES, now, schema_table};
        use crate::bulk::{self, BulkOutcome, BulkRow, NewReport, PlanCheck};
        use crate::derived;
        use crate::dump;
        use crate::error::{Result, StoreError};
        use crate::schema::{Kind, TABLES, Table};
        use crate::types::*;

        type Conn = <$db as sqlx::Database>::Connection;

        /// The next id of a table (callers hold the write lock).
        async fn next_id(conn: &mut Conn, table: &str) -> Result<i64> {
            let sql = format!("SELECT COALESCE(MAX(id), 0) + 1 FROM {table}");
            // Planned afresh each time: PostgreSQL keeps a prepared statement's
            // plan, and one made while the table was empty scans the whole
            // table (a bulk load of 1,000,000 reports spent half its time here).
            let row = sqlx::query(AssertSqlSafe(sql)).persistent(false).fetch_one(&mut *conn).await?;
            Ok(row.try_get::<i64, _>(0)?)
        }

        /// Inserts one row given in column order.
        async fn insert_row(conn: &mut Conn, table: &Table, values: &[Value]) -> Result<()> {
            let mut q = sqlx::query(AssertSqlSafe(table.insert()));
            for ((col, kind), v) in table.columns.iter().zip(values) {
                q = match kind {
                    Kind::Int => q.bind(v.as_i64()),
                    Kind::Real => q.bind(v.as_f64()),
                    Kind::Text => q.bind(v.as_str().map(str::to_owned)),
                };
                if !v.is_null() && v.as_i64().is_none() && v.as_f64().is_none() && v.as_str().is_none() {
                    return Err(StoreError::Invalid(format!("{}.{col}: cannot store {v}", table.name)));
                }
            }
            q.execute(&mut *conn).await?;
            Ok(())
        }

        /// Every row of a table in its stable order, values in column order.
        async fn read_rows(conn: &mut Conn, table: &Table) -> Result<Vec<Vec<Value>>> {
            let rows = sqlx::query(AssertSqlSafe(table.select_all())).fetch_all(&mut *conn).await?;
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                let mut values = Vec::with_capacity(table.columns.len());
                for (i, (_, kind)) in table.columns.iter().enumerate() {
                    values.push(match kind {
                        Kind::Int => json!(row.try_get::<Option<i64>, _>(i)?),
                        Kind::Real => json!(row.try_get::<Option<f64>, _>(i)?),
                        Kind::Text => json!(row.try_get::<Option<String>, _>(i)?),
                    });
                }
                out.push(values);
            }
            Ok(out)
        }

        /// Appends a hash-chained audit record.
        async fn append_audit(conn: &mut Conn, actor: &str, action: &str, entity: &str, entity_id: &str, detail: Value) -> Result<()> {
            let t = schema_table("audit_log")?;
            let id = next_id(conn, "audit_log").await?;
            // Not prepared, for the reason next_id gives.
            let prev: Option<String> = sqlx::query_scalar("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").persistent(false).fetch_optional(&mut *conn).await?;
            let prev = prev.unwrap_or_else(|| audit::GENESIS.to_string());
            let mut values = vec![
                json!(id),
                json!(now()),
                json!(actor),
                json!(action),
                json!(entity),
                json!(entity_id),
                json!(jointplan_core::canonical::compact_json(&detail)),
                json!(prev),
            ];
            let fields = Value::Object(dump::row_object(t, &values));
            values.push(json!(audit::record_hash(&prev, &fields)));
            insert_row(conn, t, &values).await
        }

        /// Fails unless `actor` may act for `party` in one of `roles`. A store
        /// with no users is a single-user store (a laptop): everyone may act.
        async fn authorize(conn: &mut Conn, actor: &str, party: &str, roles: &[&str], what: &str) -> Result<()> {
            let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(&mut *conn).await?;
            if users == 0 {
                return Ok(());
            }
            let user: Option<User> = sqlx::query_as("SELECT id, name, role, party, organisation, created_at FROM users WHERE name = $1")
                .bind(actor)
                .fetch_optional(&mut *conn)
                .await?;
            match user {
                Some(u) if roles.contains(&u.role.as_str()) && u.party.as_deref().is_some_and(|p| p.eq_ignore_ascii_case(party)) => Ok(()),
                Some(u) => Err(StoreError::Forbidden(format!("{actor} is a {} for {}; {what} for {party} needs a {}", u.role, u.party.as_deref().unwrap_or("no party"), roles.join(" or ")))),
                None => Err(StoreError::Forbidden(format!("{actor} is not a user of this store"))),
            }
        }

        /// What a bulk load has read: each plan named (none: no such plan)
        /// and the parties the actor may report for.
        #[derive(Default)]
        struct BulkCache {
            plans: bulk::PlanChecks,
            allowed: Vec<String>,
        }

        /// A plan's id, current version, parties and current action codes, if the plan exists.
        async fn plan_check(conn: &mut Conn, slug: &str) -> Result<Option<PlanCheck>> {
            let info = match plan_by_slug(conn, slug).await {
                Ok(info) => info,
                Err(StoreError::NoPlan(_)) => return Ok(None),
                Err(e) => return Err(e),
            };
            let codes: Vec<(String, i64)> = sqlx::query_as(bulk::CURRENT_ACTIONS).bind(info.id).fetch_all(&mut *conn).await?;
            Ok(Some(PlanCheck { id: info.id, version: info.current_version, parties: info.party_codes(), actions: codes.into_iter().collect() }))
        }

        /// Reads what checking `batch` needs that `cache` lacks: the plans it
        /// names, and whether the actor may report for the parties it names.
        /// Returns the plans of the batch, for [`bulk::check_batch`].
        async fn read_for_batch(conn: &mut Conn, batch: &[BulkRow], cache: &mut BulkCache, actor: &str) -> Result<bulk::PlanChecks> {
            let mut plans = bulk::PlanChecks::new();
            for row in batch {
                let Ok(report) = &row.report else { continue };
                if !cache.plans.contains_key(&row.plan) {
                    let check = plan_check(conn, &row.plan).await?.map(std::sync::Arc::new);
                    cache.plans.insert(row.plan.clone(), check);
                }
                let check = cache.plans.get(&row.plan).cloned().flatten();
                if let Some(party) = check.as_ref().and_then(|c| c.party(&report.party)) {
                    if !cache.allowed.contains(party) {
                        authorize(conn, actor, party, REPORTING_ROLES, "reporting progress").await?;
                        cache.allowed.push(party.clone());
                    }
                }
                if !plans.contains_key(&row.plan) {
                    plans.insert(row.plan.clone(), check);
                }
            }
            Ok(plans)
        }

        /// Writes a checked batch in the caller's write transaction, with one
        /// audit record: first re-checks reports on plans that moved to a new
        /// version since they were checked. Passes refused rows to `rejected`;
        /// returns (rows stored, rows refused).
        async fn write_batch(
            conn: &mut Conn,
            mut batch: bulk::CheckedBatch,
            cache: &mut BulkCache,
            actor: &str,
            rejected: &mut (dyn for<'r> FnMut(u64, &'r str) + Send),
        ) -> Result<(usize, usize)> {
            let checked: Vec<(String, (i64, i64))> = batch.plans.iter().map(|(slug, v)| (slug.clone(), *v)).collect();
            for (slug, (plan_id, checked_version)) in checked {
                let version: Option<i64> = sqlx::query_scalar("SELECT current_version FROM plans WHERE id = $1").bind(plan_id).fetch_optional(&mut *conn).await?;
                if version != Some(checked_version) {
                    let fresh = plan_check(conn, &slug).await?.ok_or_else(|| StoreError::NoPlan(slug.clone()))?;
                    batch.recheck(plan_id, &fresh);
                    cache.plans.insert(slug, Some(std::sync::Arc::new(fresh)));
                }
            }
            for (line, why) in &batch.refused {
                rejected(*line, why);
            }
            let stored = batch.good.len();
            if stored > 0 {
                let first = next_id(conn, "progress_reports").await?;
                for (r, id) in batch.good.iter_mut().zip(first..) {
                    r.id = id;
                }
                let last = first + i64::try_from(stored).unwrap_or(i64::MAX) - 1;
                // The derived table first: the insert takes the rows' strings without copying them.
                upsert_current(conn, &batch.good).await?;
                insert_reports(conn, batch.good, &now(), actor).await?;
                append_audit(conn, actor, "progress.import", "progress_reports", &format!("{first}-{last}"), json!({"reports": [first, last], "count": stored, "plans": batch.plans.keys().collect::<Vec<_>>()})).await?;
            }
            Ok((stored, batch.refused.len()))
        }

        const PLAN_COLUMNS: &str = "id, slug, title, parties, partnership, status, predecessor, current_version, created_at";
        const VERSION_COLUMNS: &str = "id, number, content_hash, revision_id, created_at, created_by";

        async fn plan_by_slug(conn: &mut Conn, slug: &str) -> Result<PlanInfo> {
            let sql = format!("SELECT {PLAN_COLUMNS} FROM plans WHERE slug = $1");
            sqlx::query_as(AssertSqlSafe(sql)).bind(slug).fetch_optional(&mut *conn).await?.ok_or_else(|| StoreError::NoPlan(slug.to_string()))
        }

        async fn load_version(conn: &mut Conn, info: &PlanInfo, number: i64) -> Result<StoredVersion> {
            let sql = format!("SELECT {VERSION_COLUMNS}, canonical_json FROM plan_versions WHERE plan_id = $1 AND number = $2");
            let row = sqlx::query(AssertSqlSafe(sql))
                .bind(info.id)
                .bind(number)
                .fetch_optional(&mut *conn)
                .await?
                .ok_or_else(|| StoreError::NoVersion { slug: info.slug.clone(), version: number })?;
            let v = VersionInfo::from_row(&row)?;
            let text: String = row.try_get("canonical_json")?;
            let plan = canonical::from_json(&text).map_err(|e| StoreError::Corrupt(format!("plan version {}: {e}", v.id)))?;
            Ok(StoredVersion { info: v, plan })
        }

        /// Inserts version `number` of plan `plan_id` with its normalized rows.
        async fn insert_version(conn: &mut Conn, plan_id: i64, number: i64, plan: &Plan, revision_id: Option<i64>, actor: &str) -> Result<VersionInfo> {
            let t = schema_table("plan_versions")?;
            let id = next_id(conn, "plan_versions").await?;
            let info = VersionInfo { id, number, content_hash: canonical::content_hash(plan), revision_id, created_at: now(), created_by: actor.to_string() };
            let values = vec![
                json!(id),
                json!(plan_id),
                json!(number),
                json!(info.content_hash),
                json!(canonical::to_json(plan)),
                json!(revision_id),
                json!(info.created_at),
                json!(actor),
            ];
            insert_row(conn, t, &values).await?;
            for (t, values) in crate::normalize::rows(id, plan) {
                insert_row(conn, t, &values).await?;
            }
            Ok(info)
        }

        /// Refreshes `current_lines` for plan `plan_id`, whose current version is now `version_id`.
        async fn count_lines(conn: &mut Conn, plan_id: i64, version_id: i64) -> Result<()> {
            sqlx::query(derived::UNLINE_PLAN).bind(plan_id).execute(&mut *conn).await?;
            sqlx::query(derived::RELINE_PLAN).bind(version_id).bind(plan_id).execute(&mut *conn).await?;
            Ok(())
        }

        /// Moves a plan from version `expected` to the next one, or reports who got there first.
        async fn advance(conn: &mut Conn, info: &PlanInfo, expected: i64, plan: &Plan, revision_id: Option<i64>, actor: &str) -> Result<VersionInfo> {
            if plan.slug != info.slug {
                return Err(StoreError::Invalid(format!("the plan's slug is {:?}, not {:?}", plan.slug, info.slug)));
            }
            let done = sqlx::query("UPDATE plans SET current_version = $1, title = $2 WHERE id = $3 AND current_version = $4")
                .bind(expected + 1)
                .bind(&plan.title)
                .bind(info.id)
                .bind(expected)
                .execute(&mut *conn)
                .await?;
            if done.rows_affected() == 0 {
                let current_version: i64 = sqlx::query_scalar("SELECT current_version FROM plans WHERE id = $1").bind(info.id).fetch_one(&mut *conn).await?;
                return Err(StoreError::Conflict { current_version });
            }
            let v = insert_version(conn, info.id, expected + 1, plan, revision_id, actor).await?;
            sqlx::query(derived::RELINE_CURRENT).bind(v.id).bind(info.id).execute(&mut *conn).await?;
            count_lines(conn, info.id, v.id).await?;
            append_audit(conn, actor, "plan.version", "plan", &info.slug, json!({"version": v.number, "content_hash": v.content_hash, "revision": revision_id})).await?;
            Ok(v)
        }

        async fn revision_info(conn: &mut Conn, id: i64) -> Result<RevisionInfo> {
            let row = sqlx::query("SELECT r.id, p.slug, r.base_version, r.changes, r.result_hash, r.proposed_at, r.proposed_by, p.parties FROM revisions r JOIN plans p ON p.id = r.plan_id WHERE r.id = $1")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?
                .ok_or(StoreError::NoRevision(id))?;
            let changes: ChangeSet = serde_json::from_str(&row.try_get::<String, _>(3)?).map_err(|e| StoreError::Corrupt(format!("revision {id}: {e}")))?;
            let approvals: Vec<(String, String)> = sqlx::query_as("SELECT party, approved_by FROM revision_approvals WHERE revision_id = $1 ORDER BY id").bind(id).fetch_all(&mut *conn).await?;
            let parties: String = row.try_get(7)?;
            let pending = split_parties(&parties).filter(|p| !approvals.iter().any(|(a, _)| a == p)).map(str::to_string).collect();
            let applied_as: Option<i64> = sqlx::query_scalar("SELECT number FROM plan_versions WHERE revision_id = $1").bind(id).fetch_optional(&mut *conn).await?;
            Ok(RevisionInfo {
                id,
                plan: row.try_get(1)?,
                base_version: row.try_get(2)?,
                changes,
                result_hash: row.try_get(4)?,
                proposed_at: row.try_get(5)?,
                proposed_by: row.try_get(6)?,
                approvals,
                pending,
                applied_as,
            })
        }

        fn party_of(info: &PlanInfo, party: &str) -> Result<String> {
            info.party_codes()
                .into_iter()
                .find(|p| p.eq_ignore_ascii_case(party))
                .ok_or_else(|| StoreError::Invalid(format!("{party} is not a party to {} (parties: {})", info.slug, info.parties)))
        }

        #[async_trait]
        impl crate::Store for $store {
            fn backend(&self) -> Backend {
                $backend
            }

            async fn migrate(&self) -> Result<()> {
                $migrator.run(&self.pool).await?;
                Ok(())
            }

            async fn save_plan(&self, plan: &Plan, how: &SavePlan) -> Result<VersionInfo> {
                if plan.slug.trim().is_empty() {
                    return Err(StoreError::Invalid("the plan has no slug".into()));
                }
                let mut tx = self.begin_write().await?;
                let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM plans WHERE slug = $1").bind(&plan.slug).fetch_optional(&mut *tx).await?;
                if exists.is_some() {
                    return Err(StoreError::PlanExists(plan.slug.clone()));
                }
                let t = schema_table("plans")?;
                let id = next_id(&mut tx, "plans").await?;
                let parties: Vec<&str> = plan.partnership.parties.iter().map(|p| p.code.as_str()).collect();
                let status = how.status.clone().unwrap_or_else(|| "draft".into());
                let values = vec![
                    json!(id),
                    json!(plan.slug),
                    json!(plan.title),
                    json!(parties.join(",")),
                    json!(plan.partnership.name),
                    json!(status),
                    json!(how.predecessor),
                    json!(1),
                    json!(now()),
                    json!(how.actor),
                ];
                insert_row(&mut tx, t, &values).await?;
                let v = insert_version(&mut tx, id, 1, plan, None, &how.actor).await?;
                count_lines(&mut tx, id, v.id).await?;
                append_audit(&mut tx, &how.actor, "plan.save", "plan", &plan.slug, json!({"version": 1, "content_hash": v.content_hash, "status": status, "predecessor": how.predecessor})).await?;
                tx.commit().await?;
                Ok(v)
            }

            async fn plans(&self) -> Result<Vec<PlanInfo>> {
                let sql = format!("SELECT {PLAN_COLUMNS} FROM plans ORDER BY slug");
                Ok(sqlx::query_as(AssertSqlSafe(sql)).fetch_all(&self.pool).await?)
            }

            async fn plan(&self, slug: &str) -> Result<PlanInfo> {
                let mut conn = self.pool.acquire().await?;
                plan_by_slug(&mut conn, slug).await
            }

            async fn successors(&self, slug: &str) -> Result<Vec<String>> {
                Ok(sqlx::query_scalar("SELECT slug FROM plans WHERE predecessor = $1 ORDER BY slug").bind(slug).fetch_all(&self.pool).await?)
            }

            async fn version(&self, slug: &str, number: Option<i64>) -> Result<StoredVersion> {
                let mut conn = self.pool.acquire().await?;
                let info = plan_by_slug(&mut conn, slug).await?;
                load_version(&mut conn, &info, number.unwrap_or(info.current_version)).await
            }

            async fn versions(&self, slug: &str) -> Result<Vec<VersionInfo>> {
                let mut conn = self.pool.acquire().await?;
                let info = plan_by_slug(&mut conn, slug).await?;
                let sql = format!("SELECT {VERSION_COLUMNS} FROM plan_versions WHERE plan_id = $1 ORDER BY number");
                Ok(sqlx::query_as(AssertSqlSafe(sql)).bind(info.id).fetch_all(&mut *conn).await?)
            }

            async fn commit_version(&self, slug: &str, expected: i64, plan: &Plan, actor: &str) -> Result<VersionInfo> {
                let mut tx = self.begin_write().await?;
                let info = plan_by_slug(&mut tx, slug).await?;
                let v = advance(&mut tx, &info, expected, plan, None, actor).await?;
                tx.commit().await?;
                Ok(v)
            }

            async fn add_target_value(&self, slug: &str, v: &TargetValue, actor: &str) -> Result<i64> {
                if !jointplan_core::progress::is_iso_date(&v.date) {
                    return Err(StoreError::Invalid(format!("date {:?} is not YYYY-MM-DD", v.date)));
                }
                if !v.value.is_finite() {
                    return Err(StoreError::Invalid(format!("value {} is not a number", v.value)));
                }
                let mut tx = self.begin_write().await?;
                let info = plan_by_slug(&mut tx, slug).await?;
                let current = load_version(&mut tx, &info, info.current_version).await?;
                let targets = &current.plan.targets;
                let target = v.target.checked_sub(1).and_then(|i| targets.get(i)).ok_or_else(|| {
                    StoreError::Invalid(match targets.len() {
                        0 => format!("{slug} has no targets"),
                        n => format!("{slug} has no target {} (targets: 1 to {n})", v.target),
                    })
                })?;
                let parties = match &target.party {
                    Some(p) => vec![party_of(&info, p)?],
                    None => info.party_codes(),
                };
                // A joint target: a reporter of either party may record it.
                let mut allowed = Err(StoreError::Forbidden(format!("{actor} may not record values for {slug}")));
                for party in &parties {
                    allowed = authorize(&mut tx, actor, party, REPORTING_ROLES, "recording a target value").await;
                    if allowed.is_ok() {
                        break;
                    }
                }
                allowed?;
                let t = schema_table("target_values")?;
                let id = next_id(&mut tx, "target_values").await?;
                let values = vec![json!(id), json!(info.id), json!(target.measure), json!(v.date), json!(v.value), json!(v.note), json!(now()), json!(actor)];
                insert_row(&mut tx, t, &values).await?;
                append_audit(&mut tx, actor, "target.value", "plan", slug, json!({"value": id, "measure": target.measure, "date": v.date})).await?;
                tx.commit().await?;
                Ok(id)
            }

            async fn target_values(&self, slug: &str) -> Result<Vec<StoredTargetValue>> {
                let mut conn = self.pool.acquire().await?;
                let info = plan_by_slug(&mut conn, slug).await?;
                let rows: Vec<(i64, String, String, f64, String, String, String)> =
                    sqlx::query_as("SELECT id, measure, date, value, note, recorded_at, recorded_by FROM target_values WHERE plan_id = $1 ORDER BY id")
                        .bind(info.id)
                        .fetch_all(&mut *conn)
                        .await?;
                Ok(rows
                    .into_iter()
                    .map(|(id, measure, date, value, note, recorded_at, recorded_by)| StoredTargetValue { id, measure, date, value, note, recorded_at, recorded_by })
                    .collect())
            }

            async fn add_reports(&self, slug: &str, reports: &[Report], actor: &str) -> Result<Vec<i64>> {
                if reports.is_empty() {
                    return Ok(vec![]);
                }
                let mut tx = self.begin_write().await?;
                let check = plan_check(&mut tx, slug).await?.ok_or_else(|| StoreError::NoPlan(slug.to_string()))?;
                let mut id = next_id(&mut tx, "progress_reports").await?;
                let first = id;
                let mut checked_parties: Vec<String> = Vec::new();
                let mut rows = Vec::with_capacity(reports.len());
                for r in reports {
                    let placed = check.check(r)?;
                    if !checked_parties.contains(&placed.party) {
                        authorize(&mut tx, actor, &placed.party, REPORTING_ROLES, "reporting progress").await?;
                        checked_parties.push(placed.party.clone());
                    }
                    rows.push(NewReport::new(id, check.id, placed, r.clone()));
                    id += 1;
                }
                upsert_current(&mut tx, &rows).await?;
                insert_reports(&mut tx, rows, &now(), actor).await?;
                let detail = if reports.len() == 1 {
                    json!({"report": first, "action": reports[0].action, "party": checked_parties.first()})
                } else {
                    json!({"reports": [first, id - 1], "count": reports.len()})
                };
                append_audit(&mut tx, actor, "progress.report", "plan", slug, detail).await?;
                tx.commit().await?;
                Ok((first..id).collect())
            }

            async fn import_reports(
                &self,
                batches: &mut (dyn Iterator<Item = Vec<BulkRow>> + Send),
                atomic: bool,
                actor: &str,
                rejected: &mut (dyn for<'r> FnMut(u64, &'r str) + Send),
            ) -> Result<BulkOutcome> {
                let mut out = BulkOutcome::default();
                let mut cache = BulkCache::default();
                if atomic {
                    let mut tx = self.begin_write().await?;
                    for batch in &mut *batches {
                        let plans = read_for_batch(&mut tx, &batch, &mut cache, actor).await?;
                        let mut checked = bulk::check_batch(batch, &plans);
                        if out.rejected > 0 {
                            // After the first refused row, keep checking (to name every bad row) but stop writing.
                            checked.good.clear();
                            checked.lines.clear();
                        }
                        let (good, bad) = write_batch(&mut tx, checked, &mut cache, actor, rejected).await?;
                        out.imported += good;
                        out.rejected += bad;
                        out.batches += usize::from(good > 0);
                    }
                    if out.rejected > 0 {
                        tx.rollback().await?;
                        out.imported = 0;
                        out.batches = 0;
                    } else {
                        tx.commit().await?;
                    }
                    return Ok(out);
                }
                // A pipeline: the next batch is checked on a blocking thread
                // while this one is written, each in its own transaction.
                // Plans are read outside the write transaction, so each write
                // first re-checks plans a revision has moved on since.
                let mut reader = self.pool.acquire().await?;
                let mut next = None;
                if let Some(batch) = batches.next() {
                    let plans = read_for_batch(&mut reader, &batch, &mut cache, actor).await?;
                    next = Some(tokio::task::spawn_blocking(move || bulk::check_batch(batch, &plans)));
                }
                while let Some(checking) = next.take() {
                    let checked = checking.await.map_err(|e| StoreError::Invalid(format!("checking a batch failed: {e}")))?;
                    if let Some(batch) = batches.next() {
                        let plans = read_for_batch(&mut reader, &batch, &mut cache, actor).await?;
                        next = Some(tokio::task::spawn_blocking(move || bulk::check_batch(batch, &plans)));
                    }
                    let mut tx = self.begin_write().await?;
                    let (good, bad) = write_batch(&mut tx, checked, &mut cache, actor, rejected).await?;
                    tx.commit().await?;
                    out.imported += good;
                    out.rejected += bad;
                    out.batches += usize::from(good > 0);
                }
                Ok(out)
            }

            async fn portfolio_progress(&self) -> Result<Vec<LineProgress>> {
                let mut conn = self.pool.acquire().await?;
                fn json_rows<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T> {
                    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("portfolio {what}: {e}")))
                }
                let text: String = sqlx::query_scalar(AssertSqlSafe(derived::portfolio_lines_sql(JSON_ROWS))).fetch_one(&mut *conn).await?;
                let mut lines: Vec<(i64, String, String, i64, i64)> = json_rows("lines", &text)?;
                lines.sort_by(|a, b| (&a.1, a.3).cmp(&(&b.1, b.3)));
                let text: String = sqlx::query_scalar(AssertSqlSafe(derived::portfolio_levels_sql(JSON_ROWS))).fetch_one(&mut *conn).await?;
                // One count per level, in Level::ALL order.
                let levels: Vec<(i64, i64, String, usize, usize, usize, usize)> = json_rows("levels", &text)?;
                let reported: std::collections::HashMap<(i64, i64, String), [usize; 4]> =
                    levels.into_iter().map(|(plan_id, line, party, a, b, c, d)| ((plan_id, line, party), [a, b, c, d])).collect();
                let mut out = Vec::with_capacity(lines.len() * 2);
                for (plan_id, slug, parties, line, actions) in lines {
                    for party in split_parties(&parties) {
                        let counts = reported.get(&(plan_id, line, party.to_string())).copied().unwrap_or_default();
                        out.push(LineProgress {
                            plan: slug.clone(),
                            party: party.to_string(),
                            line,
                            score: jointplan_core::rollup::Score::from_counts(usize::try_from(actions).unwrap_or(0), counts),
                        });
                    }
                }
                Ok(out)
            }

            async fn reports(&self, slug: &str) -> Result<Vec<StoredReport>> {
                let mut conn = self.pool.acquire().await?;
                let info = plan_by_slug(&mut conn, slug).await?;
                let rows = sqlx::query("SELECT id, action_code, party, organisation, date, status, level, narrative, evidence, recorded_at, recorded_by FROM progress_reports WHERE plan_id = $1 ORDER BY id")
                    .bind(info.id)
                    .fetch_all(&mut *conn)
                    .await?;
                let mut out = Vec::with_capacity(rows.len());
                for row in rows {
                    let id: i64 = row.try_get(0)?;
                    let corrupt = |what: &str| StoreError::Corrupt(format!("progress report {id}: {what}"));
                    let status: String = row.try_get(5)?;
                    let level: String = row.try_get(6)?;
                    let evidence: String = row.try_get(8)?;
                    out.push(StoredReport {
                        id,
                        report: Report {
                            action: row.try_get(1)?,
                            party: row.try_get(2)?,
                            organisation: row.try_get(3)?,
                            date: row.try_get(4)?,
                            status: status.parse().map_err(|_| corrupt("status"))?,
                            level: level.parse().map_err(|_| corrupt("level"))?,
                            narrative: row.try_get(7)?,
                            evidence: serde_json::from_str(&evidence).map_err(|_| corrupt("evidence"))?,
                        },
                        recorded_at: row.try_get(9)?,
                        recorded_by: row.try_get(10)?,
                    });
                }
                Ok(out)
            }

            async fn add_occurrence(&self, slug: &str, o: &Occurrence, actor: &str) -> Result<i64> {
                if !jointplan_core::progress::is_iso_date(&o.date) {
                    return Err(StoreError::Invalid(format!("date {:?} is not YYYY-MM-DD", o.date)));
                }
                let mut tx = self.begin_write().await?;
                let info = plan_by_slug(&mut tx, slug).await?;
                let current = load_version(&mut tx, &info, info.current_version).await?;
                if !current.plan.mechanisms.iter().any(|m| m.id == o.mechanism) {
                    let known: Vec<&str> = current.plan.mechanisms.iter().map(|m| m.id.as_str()).collect();
                    return Err(StoreError::Invalid(format!("{} has no mechanism {:?} (mechanisms: {})", slug, o.mechanism, known.join(", "))));
                }
                if let Some(code) = o.actions.iter().find(|c| current.plan.action(c).is_none()) {
                    return Err(StoreError::Invalid(format!("{slug} has no action {code}")));
                }
                let host = match &o.host_party {
                    Some(p) => Some(party_of(&info, p)?),
                    None => None,
                };
                let t = schema_table("occurrences")?;
                let id = next_id(&mut tx, "occurrences").await?;
                let values = vec![
                    json!(id),
                    json!(info.id),
                    json!(o.mechanism),
                    json!(o.status.as_str()),
                    json!(o.date),
                    json!(o.place),
                    json!(host),
                    json!(serde_json::to_string(&o.participants).unwrap_or_else(|_| "[]".into())),
                    json!(o.outcomes),
                    json!(serde_json::to_string(&o.actions).unwrap_or_else(|_| "[]".into())),
                    json!(o.supersedes),
                    json!(now()),
                    json!(actor),
                ];
                insert_row(&mut tx, t, &values).await?;
                append_audit(&mut tx, actor, "meeting.add", "occurrence", &id.to_string(), json!({"plan": slug, "mechanism": o.mechanism, "status": o.status.as_str(), "date": o.date})).await?;
                tx.commit().await?;
                Ok(id)
            }

            async fn occurrences(&self, slug: &str) -> Result<Vec<StoredOccurrence>> {
                let mut conn = self.pool.acquire().await?;
                let info = plan_by_slug(&mut conn, slug).await?;
                let rows = sqlx::query("SELECT id, mechanism_id, status, date, place, host_party, participants, outcomes, actions, supersedes, recorded_at, recorded_by FROM occurrences WHERE plan_id = $1 ORDER BY id")
                    .bind(info.id)
                    .fetch_all(&mut *conn)
                    .await?;
                let mut out = Vec::with_capacity(rows.len());
                for row in rows {
                    let id: i64 = row.try_get(0)?;
                    let corrupt = |what: &str| StoreError::Corrupt(format!("meeting {id}: {what}"));
                    let status: String = row.try_get(2)?;
                    let participants: String = row.try_get(6)?;
                    let actions: String = row.try_get(8)?;
                    out.push(StoredOccurrence {
                        id,
                        occurrence: Occurrence {
                            mechanism: row.try_get(1)?,
                            status: OccurrenceStatus::parse(&status).ok_or_else(|| corrupt("status"))?,
                            date: row.try_get(3)?,
                            place: row.try_get(4)?,
                            host_party: row.try_get(5)?,
                            participants: serde_json::from_str(&participants).map_err(|_| corrupt("participants"))?,
                            outcomes: row.try_get(7)?,
                            actions: serde_json::from_str(&actions).map_err(|_| corrupt("actions"))?,
                            supersedes: row.try_get(9)?,
                        },
                        recorded_at: row.try_get(10)?,
                        recorded_by: row.try_get(11)?,
                    });
                }
                Ok(out)
            }

            async fn add_assessment(&self, slug: &str, a: &Assessment, actor: &str) -> Result<i64> {
                evaluation::check_score(a.score).map_err(|e| StoreError::Invalid(e.to_string()))?;
                let mut tx = self.begin_write().await?;
                let info = plan_by_slug(&mut tx, slug).await?;
                let current = load_version(&mut tx, &info, info.current_version).await?;
                if current.plan.action(&a.action).is_none() {
                    return Err(StoreError::Invalid(format!("{slug} has no action {}", a.action)));
                }
                let party = party_of(&info, &a.party)?;
                authorize(&mut tx, actor, &party, EVALUATING_ROLES, "assessing").await?;
                let t = schema_table("assessments")?;
                let id = next_id(&mut tx, "assessments").await?;
                let values = vec![json!(id), json!(info.id), json!(a.evaluation), json!(a.action), json!(party), json!(a.score), json!(a.note), json!(now()), json!(actor)];
                insert_row(&mut tx, t, &values).await?;
                append_audit(&mut tx, actor, "evaluation.assess", "assessment", &id.to_string(), json!({"plan": slug, "evaluation": a.evaluation, "action": a.action, "party": party, "score": a.score})).await?;
                tx.commit().await?;
                Ok(id)
            }

            async fn add_agreed(&self, slug: &str, a: &Agreed, actor: &str) -> Result<i64> {
                evaluation::check_score(a.score).map_err(|e| StoreError::Invalid(e.to_string()))?;
                let mut tx = self.begin_write().await?;
                let info = plan_by_slug(&mut tx, slug).await?;
                let current = load_version(&mut tx, &info, info.current_version).await?;
                if current.plan.action(&a.action).is_none() {
                    return Err(StoreError::Invalid(format!("{slug} has no action {}", a.action)));
                }
                let t = schema_table("agreed_results")?;
                let id = next_id(&mut tx, "agreed_results").await?;
                let values = vec![json!(id), json!(info.id), json!(a.evaluation), json!(a.action), json!(a.score), json!(a.note), json!(now()), json!(actor)];
                insert_row(&mut tx, t, &values).await?;
                append_audit(&mut tx, actor, "evaluation.agree", "agreed_result", &id.to_string(), json!({"plan": slug, "evaluation": a.evaluation, "action": a.action, "score": a.score})).await?;
                tx.commit().await?;
                Ok(id)
            }

            async fn evaluation(&self, slug: &str, name: &str) -> Result<(Vec<Assessment>, Vec<Agreed>)> {
                let mut conn = self.pool.acquire().await?;
                let info = plan_by_slug(&mut conn, slug).await?;
                let score = |s: i64| u8::try_from(s).map_err(|_| StoreError::Corrupt(format!("score {s}")));
                let rows: Vec<(String, String, i64, String)> = sqlx::query_as("SELECT action_code, party, score, note FROM assessments WHERE plan_id = $1 AND evaluation = $2 ORDER BY id")
                    .bind(info.id)
                    .bind(name)
                    .fetch_all(&mut *conn)
                    .await?;
                let mut assessments = Vec::with_capacity(rows.len());
                for (action, party, s, note) in rows {
                    assessments.push(Assessment { evaluation: name.to_string(), action, party, score: score(s)?, note });
                }
                let rows: Vec<(String, i64, String)> = sqlx::query_as("SELECT action_code, score, note FROM agreed_results WHERE plan_id = $1 AND evaluation = $2 ORDER BY id")
                    .bind(info.id)
                    .bind(name)
                    .fetch_all(&mut *conn)
                    .await?;
                let mut agreed = Vec::with_capacity(rows.len());
                for (action, s, note) in rows {
                    agreed.push(Agreed { evaluation: name.to_string(), action, score: score(s)?, note });
                }
                Ok((assessments, agreed))
            }

            async fn propose_revision(&self, slug: &str, changes: &ChangeSet, actor: &str) -> Result<RevisionInfo> {
                let mut tx = self.begin_write().await?;
                let info = plan_by_slug(&mut tx, slug).await?;
                let base = load_version(&mut tx, &info, info.current_version).await?;
                let next = revision::apply(&base.plan, changes)?;
                let t = schema_table("revisions")?;
                let id = next_id(&mut tx, "revisions").await?;
                let result_hash = canonical::content_hash(&next);
                let text = serde_json::to_string(changes).map_err(|e| StoreError::Invalid(e.to_string()))?;
                let values = vec![json!(id), json!(info.id), json!(info.current_version), json!(text), json!(result_hash), json!(now()), json!(actor)];
                insert_row(&mut tx, t, &values).await?;
                append_audit(&mut tx, actor, "revision.propose", "revision", &id.to_string(), json!({"plan": slug, "base_version": info.current_version, "result_hash": result_hash})).await?;
                let r = revision_info(&mut tx, id).await?;
                tx.commit().await?;
                Ok(r)
            }

            async fn approve_revision(&self, id: i64, party: &str, actor: &str) -> Result<RevisionInfo> {
                let mut tx = self.begin_write().await?;
                let r = revision_info(&mut tx, id).await?;
                if let Some(version) = r.applied_as {
                    return Err(StoreError::RevisionApplied { id, version });
                }
                let info = plan_by_slug(&mut tx, &r.plan).await?;
                let party = party_of(&info, party)?;
                if r.approvals.iter().any(|(p, _)| *p == party) {
                    return Err(StoreError::AlreadyApproved { id, party });
                }
                authorize(&mut tx, actor, &party, COORDINATING_ROLES, "approving a revision").await?;
                let t = schema_table("revision_approvals")?;
                let approval = next_id(&mut tx, "revision_approvals").await?;
                let values = vec![json!(approval), json!(id), json!(party), json!(r.result_hash), json!(now()), json!(actor)];
                insert_row(&mut tx, t, &values).await?;
                append_audit(&mut tx, actor, "revision.approve", "revision", &id.to_string(), json!({"party": party, "content_hash": r.result_hash})).await?;
                if r.pending.len() == 1 && r.pending[0] == party {
                    // The last party approved: the revision takes effect, if the plan has not moved on.
                    let base = load_version(&mut tx, &info, r.base_version).await?;
                    let next = revision::apply(&base.plan, &r.changes)?;
                    if canonical::content_hash(&next) != r.result_hash {
                        return Err(StoreError::Corrupt(format!("revision {id} no longer gives the version its approvals signed")));
                    }
                    advance(&mut tx, &info, r.base_version, &next, Some(id), actor).await?;
                }
                let r = revision_info(&mut tx, id).await?;
                tx.commit().await?;
                Ok(r)
            }

            async fn revision(&self, id: i64) -> Result<RevisionInfo> {
                let mut conn = self.pool.acquire().await?;
                revision_info(&mut conn, id).await
            }

            async fn add_user(&self, user: &User, actor: &str) -> Result<i64> {
                if !["coordinator", "reporter", "evaluator"].contains(&user.role.as_str()) {
                    return Err(StoreError::Invalid(format!("role {:?} is not coordinator, reporter or evaluator", user.role)));
                }
                let Some(party) = user.party.as_deref().filter(|p| !p.trim().is_empty()) else {
                    return Err(StoreError::Invalid(format!("user {:?} needs the party they act for", user.name)));
                };
                let mut tx = self.begin_write().await?;
                // The first user may be added by anyone (it ends single-user
                // mode); after that a coordinator of the new user's party, or
                // any coordinator while that party has none (so each side's
                // first coordinator can be set up).
                let party_has_coordinator: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE role = 'coordinator' AND UPPER(party) = UPPER($1)")
                    .bind(party)
                    .fetch_optional(&mut *tx)
                    .await?;
                let actor_role: Option<(String, Option<String>)> = sqlx::query_as("SELECT role, party FROM users WHERE name = $1").bind(actor).fetch_optional(&mut *tx).await?;
                match (party_has_coordinator, actor_role) {
                    (None, Some((role, _))) if role == "coordinator" => {}
                    _ => authorize(&mut tx, actor, party, COORDINATING_ROLES, "adding users").await?,
                }
                let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE name = $1").bind(&user.name).fetch_optional(&mut *tx).await?;
                if taken.is_some() {
                    return Err(StoreError::Invalid(format!("a user {:?} exists already", user.name)));
                }
                let t = schema_table("users")?;
                let id = next_id(&mut tx, "users").await?;
                let values = vec![json!(id), json!(user.name), json!(user.role), json!(user.party), json!(user.organisation), json!(now())];
                insert_row(&mut tx, t, &values).await?;
                append_audit(&mut tx, actor, "user.add", "user", &user.name, json!({"role": user.role, "party": user.party, "organisation": user.organisation})).await?;
                tx.commit().await?;
                Ok(id)
            }

            async fn users(&self) -> Result<Vec<User>> {
                Ok(sqlx::query_as("SELECT id, name, role, party, organisation, created_at FROM users ORDER BY id").fetch_all(&self.pool).await?)
            }

            async fn audit(&self) -> Result<Vec<AuditEntry>> {
                Ok(sqlx::query_as("SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log ORDER BY id").fetch_all(&self.pool).await?)
            }

            async fn verify(&self) -> Result<Verification> {
                let mut tx = self.pool.begin().await?;
                let t = schema_table("audit_log")?;
                let rows = read_rows(&mut tx, t).await?;
                let mut chain = Vec::with_capacity(rows.len());
                let mut recorded_hashes = std::collections::BTreeSet::new();
                for values in &rows {
                    let mut fields = dump::row_object(t, values);
                    let hash = fields.remove("hash").and_then(|h| h.as_str().map(str::to_owned)).unwrap_or_default();
                    let prev_hash = fields.get("prev_hash").and_then(Value::as_str).unwrap_or_default().to_string();
                    let id = fields.get("id").and_then(Value::as_i64).unwrap_or_default();
                    if let Some(detail) = fields.get("detail").and_then(Value::as_str).and_then(|d| serde_json::from_str::<Value>(d).ok()) {
                        for key in ["content_hash", "result_hash"] {
                            if let Some(h) = detail.get(key).and_then(Value::as_str) {
                                recorded_hashes.insert(h.to_string());
                            }
                        }
                    }
                    chain.push(ChainRecord { id, prev_hash, hash, fields: Value::Object(fields) });
                }
                let mut report = Verification { audit_records: chain.len(), versions: 0, problem: None };
                if let Err(broken) = audit::verify_chain(&chain) {
                    report.problem = Some(broken.to_string());
                    return Ok(report);
                }
                let versions: Vec<(i64, String, i64, String, String)> = sqlx::query_as(
                    "SELECT v.id, p.slug, v.number, v.content_hash, v.canonical_json FROM plan_versions v JOIN plans p ON p.id = v.plan_id ORDER BY v.id",
                )
                .fetch_all(&mut *tx)
                .await?;
                for (id, slug, number, stored, text) in versions {
                    report.versions += 1;
                    let name = format!("plan version {id} ({slug} v{number})");
                    let problem = match canonical::from_json(&text) {
                        Err(e) => Some(format!("{name}: its JSON does not read: {e}")),
                        Ok(plan) if canonical::content_hash(&plan) != stored => Some(format!("{name}: its content does not match its content hash")),
                        Ok(_) if !recorded_hashes.contains(&stored) => Some(format!("{name}: its content hash is not in the audit log")),
                        Ok(_) => None,
                    };
                    if problem.is_some() {
                        report.problem = problem;
                        return Ok(report);
                    }
                }
                let orphan: Option<(i64, i64)> = sqlx::query_as(derived::ORPHAN_REPORT).fetch_optional(&mut *tx).await?;
                if let Some((id, plan_id)) = orphan {
                    report.problem = Some(format!("progress report {id}: its plan {plan_id} does not exist"));
                    return Ok(report);
                }
                let stale: Option<(i64, String, String)> = sqlx::query_as(AssertSqlSafe(derived::current_mismatch_sql())).fetch_optional(&mut *tx).await?;
                if let Some((plan_id, action, party)) = stale {
                    report.problem = Some(format!(
                        "progress_current (plan {plan_id}, action {action}, party {party}) does not match the reports it is derived from"
                    ));
                    return Ok(report);
                }
                let stale: Option<(i64, i64)> = sqlx::query_as(AssertSqlSafe(derived::lines_mismatch_sql())).fetch_optional(&mut *tx).await?;
                if let Some((plan_id, line)) = stale {
                    report.problem = Some(format!("current_lines (plan {plan_id}, line {line}) does not match the plan's current version"));
                    return Ok(report);
                }
                let stale: Option<(i64, i64, String, String)> = sqlx::query_as(AssertSqlSafe(derived::levels_mismatch_sql())).fetch_optional(&mut *tx).await?;
                if let Some((plan_id, line, party, level)) = stale {
                    report.problem = Some(format!("progress_line_levels (plan {plan_id}, line {line}, party {party}, level {level}) does not match progress_current"));
                }
                Ok(report)
            }

            async fn dump(&self) -> Result<Vec<String>> {
                let mut tx = self.pool.begin().await?;
                let mut lines = vec![dump::header()];
                for t in TABLES {
                    for values in read_rows(&mut tx, t).await? {
                        lines.push(dump::row_line(t, &values));
                    }
                }
                Ok(lines)
            }

            async fn restore(&self, lines: &[String]) -> Result<usize> {
                self.migrate().await?;
                let first = lines.first().ok_or(StoreError::BadDump { line: 1, message: "empty dump".into() })?;
                dump::check_header(first)?;
                let mut tx = self.begin_write().await?;
                for t in TABLES {
                    let sql = format!("SELECT COUNT(*) FROM {}", t.name);
                    let n: i64 = sqlx::query_scalar(AssertSqlSafe(sql)).fetch_one(&mut *tx).await?;
                    if n > 0 {
                        return Err(StoreError::NotEmpty);
                    }
                }
                let mut count = 0;
                for (i, text) in lines.iter().enumerate().skip(1) {
                    if text.trim().is_empty() {
                        continue;
                    }
                    let (t, values) = dump::parse_row(i + 1, text)?;
                    insert_row(&mut tx, t, &values).await.map_err(|e| StoreError::BadDump { line: i + 1, message: e.to_string() })?;
                    count += 1;
                }
                // The derived tables are not dumped; rebuild them.
                sqlx::query(AssertSqlSafe(derived::rebuild_current_sql())).execute(&mut *tx).await?;
                sqlx::query(AssertSqlSafe(derived::rebuild_lines_sql())).execute(&mut *tx).await?;
                tx.commit().await?;
                Ok(count)
            }

            async fn close(&self) {
                self.pool.close().await;
            }
        }
    };
}

pub(crate) use impl_store;
