//! Coding on every core: an ordered parallel map.
//!
//! One thread reads inputs, `jobs` threads code, and the calling thread sees
//! the results in input order (so `code --jobs N` prints exactly what
//! `--jobs 1` prints, and `ingest` writes through this one thread). At most
//! a bounded window of items is in flight, so memory stays flat on an endless
//! stream however unevenly documents take to code.

use std::collections::BTreeMap;
use std::sync::mpsc::{channel, sync_channel};
use std::sync::{Arc, Mutex};

/// The number of threads to code on: `--jobs N`, or every core.
pub fn resolve(jobs: Option<usize>) -> usize {
    jobs.filter(|&n| n > 0).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    })
}

/// Items in flight per worker: enough to keep every worker busy while one
/// document takes long, few enough to keep memory small.
const WINDOW_PER_JOB: usize = 16;

/// Feeds every item `produce` pushes through `work` on `jobs` threads and
/// hands the results to `emit` in the order they were pushed. `push` returns
/// false once `emit` has failed: the producer should stop then. With one
/// job, everything runs on the calling thread.
pub fn ordered_map<I, O, E>(
    jobs: usize,
    produce: impl FnOnce(&mut dyn FnMut(I) -> bool) + Send,
    work: impl Fn(I) -> O + Sync,
    mut emit: impl FnMut(O) -> Result<(), E>,
) -> Result<(), E>
where
    I: Send,
    O: Send,
{
    if jobs <= 1 {
        let mut failure = None;
        produce(&mut |item| match emit(work(item)) {
            Ok(()) => true,
            Err(e) => {
                failure = Some(e);
                false
            }
        });
        return failure.map_or(Ok(()), Err);
    }
    std::thread::scope(|s| {
        // A token per item in flight: the reader takes one before it sends an
        // item, this thread gives it back once the item is emitted.
        let window = jobs * WINDOW_PER_JOB;
        let (token_tx, token_rx) = sync_channel::<()>(window);
        for _ in 0..window {
            let _ = token_tx.send(());
        }
        // The workers share the receiving end; when the last one stops (this
        // thread has failed), the reader's next send fails and it stops too.
        let (in_tx, in_rx) = sync_channel::<(u64, I)>(jobs * 2);
        let in_rx = Arc::new(Mutex::new(in_rx));
        let (out_tx, out_rx) = channel::<(u64, O)>();
        s.spawn(move || {
            let mut seq = 0u64;
            produce(&mut |item| {
                if token_rx.recv().is_err() || in_tx.send((seq, item)).is_err() {
                    return false;
                }
                seq += 1;
                true
            });
        });
        for _ in 0..jobs {
            let out_tx = out_tx.clone();
            let (in_rx, work) = (Arc::clone(&in_rx), &work);
            s.spawn(move || loop {
                let next = in_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok((seq, item)) = next else { break };
                if out_tx.send((seq, work(item))).is_err() {
                    break;
                }
            });
        }
        drop((out_tx, in_rx));
        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        for (seq, out) in out_rx.iter() {
            pending.insert(seq, out);
            while let Some(out) = pending.remove(&next) {
                // On failure the channels drop: the reader and the workers stop.
                emit(out)?;
                next += 1;
                let _ = token_tx.send(());
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(jobs: usize, n: u64) -> Vec<u64> {
        let mut seen = Vec::new();
        ordered_map(
            jobs,
            |push| {
                for i in 0..n {
                    if !push(i) {
                        return;
                    }
                }
            },
            // Uneven work, so results arrive out of order.
            |i| {
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                i * i
            },
            |o| {
                seen.push(o);
                Ok::<_, ()>(())
            },
        )
        .unwrap();
        seen
    }

    #[test]
    fn results_come_in_input_order_for_any_job_count() {
        let want: Vec<u64> = (0..300).map(|i| i * i).collect();
        for jobs in [1, 2, 3, 8] {
            assert_eq!(run(jobs, 300), want, "jobs {jobs}");
        }
    }

    #[test]
    fn a_failing_emit_stops_the_producer() {
        let pushed = std::sync::atomic::AtomicU64::new(0);
        let mut emitted = 0;
        let r = ordered_map(
            3,
            |push| {
                for i in 0..1_000_000u64 {
                    pushed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if !push(i) {
                        return;
                    }
                }
            },
            |i| i,
            |o| {
                emitted += 1;
                if o == 10 {
                    Err("stop")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r, Err("stop"));
        assert_eq!(emitted, 11);
        // The window bounds how far the reader got past the failure.
        assert!(pushed.load(std::sync::atomic::Ordering::Relaxed) < 200);
    }
}
