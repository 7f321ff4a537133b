//! Database connections for request handlers: SQLite work runs on the
//! blocking thread pool, each task with a connection of its own (WAL lets
//! readers run beside the one writer).

use crate::error::AppError;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use store::Store;

/// Connections opened at start-up, and the most tasks that use the
/// database at once: opening a connection sets WAL mode, which waits for a
/// running ingest's write lock (seconds), so requests never open one; a
/// request beyond these waits its turn for one (2 cores serve a few dozen
/// queries at once no faster than one after another).
const WARM: usize = 32;

pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    turns: Arc<tokio::sync::Semaphore>,
}

impl Pool {
    /// Opens [`WARM`] connections now: a bad path or schema fails at
    /// start-up, and requests seldom open one later, which under a running
    /// ingest waits for its write lock.
    pub fn open(path: PathBuf) -> Result<Pool, store::StoreError> {
        let idle = (0..WARM)
            .map(|_| Store::open(&path))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Pool {
            path,
            idle: Mutex::new(idle),
            turns: Arc::new(tokio::sync::Semaphore::new(WARM)),
        })
    }

    fn take(&self) -> Result<Store, AppError> {
        if let Some(s) = self.idle.lock().ok().and_then(|mut v| v.pop()) {
            return Ok(s);
        }
        Store::open(&self.path).map_err(AppError::internal)
    }

    fn give(&self, s: Store) {
        if let Ok(mut v) = self.idle.lock() {
            if v.len() < WARM {
                v.push(s);
            }
        }
    }

    /// Runs `f` with a connection on this thread, outside the turns (for
    /// background work on a thread of its own).
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut s = self.take()?;
        let out = f(&mut s);
        self.give(s);
        out
    }

    /// Runs `f` with a connection on the blocking pool.
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, AppError> + Send + 'static,
    {
        // The turn goes with the task: a request cut off by its time limit
        // leaves its query running, still counted.
        let turn = Arc::clone(&self.turns)
            .acquire_owned()
            .await
            .map_err(AppError::internal)?;
        let pool = Arc::clone(self);
        let (out, used) = tokio::task::spawn_blocking(move || {
            let _turn = turn;
            crate::data::take_used();
            let out = pool.take().and_then(|mut s| {
                let out = f(&mut s);
                pool.give(s);
                out
            });
            (out, crate::data::take_used())
        })
        .await
        .map_err(AppError::internal)?;
        if let Some(stamp) = used {
            crate::cache::answer_is_as_old_as(stamp);
        }
        out
    }
}
