//! A runtime of its own for computing answers: every request the response
//! cache cannot answer (queries, analyses, page rendering) runs here, so the
//! server's own runtime only accepts connections and answers from the
//! cache. A page that takes 100 ms to render would otherwise hold one of
//! the server's few worker threads, and every connection on that thread
//! (most of them asking for cached pages) would wait behind it.

use crate::error::AppError;
use std::future::Future;

pub struct Compute {
    handle: tokio::runtime::Handle,
    /// Dropped with the server's state: the runtime's thread then ends it.
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl Compute {
    /// Starts the runtime on a thread of its own, with one worker per core.
    pub fn start() -> std::io::Result<Compute> {
        let (handle_tx, handle_rx) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
        std::thread::Builder::new()
            .name("entente-compute".into())
            .spawn(move || {
                let rt = match tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(workers)
                    .thread_name("entente-compute")
                    .enable_all()
                    .build()
                {
                    Ok(rt) => rt,
                    Err(e) => {
                        let _ = handle_tx.send(Err(e));
                        return;
                    }
                };
                let _ = handle_tx.send(Ok(rt.handle().clone()));
                rt.block_on(async {
                    let _ = stopped.await;
                });
                // Queries still running finish on their own threads.
                rt.shutdown_background();
            })?;
        let handle = handle_rx
            .recv()
            .map_err(|_| std::io::Error::other("the compute runtime's thread ended"))??;
        Ok(Compute {
            handle,
            _stop: stop,
        })
    }

    /// Runs `work` on this runtime and waits for its result.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl Future<Output = T> + Send + 'static,
    ) -> Result<T, AppError> {
        self.handle.spawn(work).await.map_err(AppError::internal)
    }

    /// Runs `work` on this runtime without waiting for it.
    pub fn spawn(&self, work: impl Future<Output = ()> + Send + 'static) {
        self.handle.spawn(work);
    }
}
