//! Work on all cores, results in input order, memory bounded: items are
//! read by one thread, worked on by `jobs` threads, and handed back in
//! order; at most `4 × jobs` items are in flight, so a slow document holds
//! back reading, not memory.

use std::collections::BTreeMap;
use std::sync::mpsc::{channel, sync_channel};
use std::sync::Mutex;

/// Applies `work` to every item on `jobs` threads and gives each result to
/// `sink` in the items' order.
pub fn ordered<T, R>(
    jobs: usize,
    items: impl Iterator<Item = T> + Send,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R),
) where
    T: Send,
    R: Send,
{
    let jobs = jobs.max(1);
    let in_flight = 4 * jobs;
    // A permit per item in flight: the reader takes one before sending,
    // the sink gives it back once the result is written.
    let (permit_tx, permit_rx) = sync_channel::<()>(in_flight);
    let (work_tx, work_rx) = sync_channel::<(usize, T)>(jobs);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = channel::<(usize, R)>();
    std::thread::scope(|s| {
        s.spawn(move || {
            for (seq, item) in items.enumerate() {
                if permit_tx.send(()).is_err() || work_tx.send((seq, item)).is_err() {
                    return;
                }
            }
        });
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let (work_rx, work) = (&work_rx, &work);
            s.spawn(move || loop {
                let next = work_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((seq, item))) = next else {
                    return;
                };
                if done_tx.send((seq, work(item))).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (seq, result) in done_rx {
            waiting.insert(seq, result);
            while let Some(result) = waiting.remove(&next) {
                sink(result);
                next += 1;
                let _ = permit_rx.recv();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_the_threads_do() {
        for jobs in [1, 2, 5] {
            let mut out = Vec::new();
            ordered(
                jobs,
                0..200u64,
                |i| {
                    // Later items finish first now and then.
                    if i % 7 == 0 {
                        std::thread::sleep(std::time::Duration::from_millis(2));
                    }
                    i * 2
                },
                |r| out.push(r),
            );
            assert_eq!(out, (0..200).map(|i| i * 2).collect::<Vec<_>>());
        }
    }
}
