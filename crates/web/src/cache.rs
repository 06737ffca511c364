//! Pages rendered once per generation of the store and language, not per
//! request.
//!
//! Every change to the store appends an audit record, so the last record's
//! id (the generation) changes exactly when a page might. The generation
//! is read at most once a second, and only when a request comes: an idle
//! server does no work. A new generation drops every rendered page.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use bytes::Bytes;

use crate::data::{Data, PlanData};
use crate::error::WebError;
use crate::i18n::Lang;

/// How long a read generation is trusted before it is read again.
pub const RECHECK: Duration = Duration::from_secs(1);

/// Most pages kept; past this the cache starts over (paths come from the
/// plans' content, so this is never reached in use).
const MAX_PAGES: usize = 20_000;

/// Rendered pages and loaded plans, valid for one generation.
pub struct PageCache {
    data: Data,
    started: Instant,
    /// The generation last read; -1 before the first read.
    generation: AtomicI64,
    /// When it was read, in milliseconds since `started`.
    checked_ms: AtomicU64,
    pages: RwLock<HashMap<(String, Lang), (i64, Bytes)>>,
    plans: RwLock<HashMap<String, (i64, Arc<PlanData>)>>,
}

impl PageCache {
    /// An empty cache over the store's reads.
    pub fn new(data: Data) -> PageCache {
        PageCache {
            data,
            started: Instant::now(),
            generation: AtomicI64::new(-1),
            checked_ms: AtomicU64::new(0),
            pages: RwLock::default(),
            plans: RwLock::default(),
        }
    }

    /// The store's generation, read again when the last read is older
    /// than [`RECHECK`]; meanwhile other requests use the last one.
    pub async fn generation(&self) -> Result<i64, WebError> {
        let known = self.generation.load(Ordering::Acquire);
        let now = self.started.elapsed().as_millis() as u64;
        let checked = self.checked_ms.load(Ordering::Acquire);
        let due = known < 0 || now.saturating_sub(checked) >= RECHECK.as_millis() as u64;
        // One request reads the store; the others go on with what is known.
        let claimed = due
            && (known < 0
                || self
                    .checked_ms
                    .compare_exchange(checked, now, Ordering::AcqRel, Ordering::Acquire)
                    .is_ok());
        if !claimed {
            return Ok(known);
        }
        let fresh = self.data.generation().await?;
        self.checked_ms.store(now, Ordering::Release);
        if fresh != known {
            self.generation.store(fresh, Ordering::Release);
            tracing::debug!(
                generation = fresh,
                "store changed; pages will be rendered anew"
            );
        }
        Ok(fresh)
    }

    /// Says that this server just changed the store: the next request reads
    /// the generation at once, so whoever wrote sees the change on the page
    /// it is sent back to (changes by other processes show within [`RECHECK`]).
    pub fn changed(&self) {
        self.generation.store(-1, Ordering::Release);
    }

    /// The page at `path` in `lang`, rendered by `render` unless this
    /// generation already has it.
    pub async fn page<F, Fut>(&self, path: &str, lang: Lang, render: F) -> Result<Bytes, WebError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<String, WebError>>,
    {
        let generation = self.generation().await?;
        let key = (path.to_owned(), lang);
        if let Some((g, body)) = read(&self.pages).get(&key)
            && *g == generation
        {
            return Ok(body.clone());
        }
        let body = Bytes::from(render().await?);
        let mut pages = write(&self.pages);
        if pages.len() >= MAX_PAGES {
            pages.clear();
        }
        pages.insert(key, (generation, body.clone()));
        Ok(body)
    }

    /// A plan and everything its pages show, read once per generation.
    pub async fn plan(&self, slug: &str) -> Result<Arc<PlanData>, WebError> {
        let generation = self.generation().await?;
        if let Some((g, plan)) = read(&self.plans).get(slug)
            && *g == generation
        {
            return Ok(plan.clone());
        }
        let plan = Arc::new(self.data.plan(slug).await?);
        let mut plans = write(&self.plans);
        plans.retain(|_, (g, _)| *g == generation);
        plans.insert(slug.to_owned(), (generation, plan.clone()));
        Ok(plan)
    }
}

/// A read lock, even after a panic elsewhere (the maps stay consistent:
/// each write is one insert or clear).
fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|e| e.into_inner())
}

/// A write lock, as [`read`].
fn write<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(|e| e.into_inner())
}
