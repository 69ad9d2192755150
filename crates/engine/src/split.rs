//! One run on two threads, with the report of one.
//!
//! A single run ([`crate::run`]) may split its work between the calling thread and a second one:
//! the population's logistic transforms beside its draws, the sincere counterfactual beside the
//! vote, the informed figures beside the other measurements. Each side computes what it would
//! compute alone, with the same operands in the same order, and nothing is summed across the two,
//! so the report is the same bit for bit whichever [`Threads`] it ran on (the golden reports and
//! `tests/determinism.rs` hold this). Batches of runs (sweeps, ensembles, calibration) run each
//! member on [`Threads::One`] and spread the members over the cores instead; WebAssembly always
//! runs on one.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use rand::Rng;

/// How many threads one run may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Threads {
    /// Everything on the calling thread.
    One,
    /// The calling thread and one more, where the run has two independent parts (natively; on
    /// WebAssembly as [`Threads::One`]).
    Two,
}

impl Threads {
    /// Whether a second thread is used: [`Threads::Two`] on a target that has threads.
    #[must_use]
    pub fn two(self) -> bool {
        self == Threads::Two && cfg!(not(target_arch = "wasm32"))
    }

    /// `(a(), b())`, the two side by side when [`Threads::two`] (on rayon's pool: from outside it
    /// both run on its threads while this one waits; either may wait for the other to start, so
    /// neither may wait for the other), else one after the other. A panic in either is passed on.
    pub fn join<A: Send, B: Send>(
        self,
        a: impl FnOnce() -> A + Send,
        b: impl FnOnce() -> B + Send,
    ) -> (A, B) {
        // Rayon's pool: its threads wait between runs, where a thread of our own would cost a
        // spawn per join (about 40 µs, of a run of 10 ms that joins five times).
        #[cfg(not(target_arch = "wasm32"))]
        if self.two() {
            return rayon::join(a, b);
        }
        (a(), b())
    }

    /// `(first(), [work(0), work(1), …, work(chunks − 1)])`. On two threads the second thread
    /// starts on the chunks at once and this one joins it when `first` is done, each taking the
    /// next chunk not yet taken; the results come back in chunk order whoever worked them out.
    pub fn first_then_share<A: Send, T: Send>(
        self,
        first: impl FnOnce() -> A + Send,
        chunks: usize,
        work: impl Fn(usize) -> T + Sync,
    ) -> (A, Vec<T>) {
        let next = AtomicUsize::new(0);
        let take = || {
            let mut done = Vec::new();
            loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                if k >= chunks {
                    return done;
                }
                done.push((k, work(k)));
            }
        };
        let ((a, mut mine), theirs) = self.join(|| (first(), take()), take);
        mine.extend(theirs);
        crate::sort::by_key(&mut mine, |&(k, _)| k);
        (a, mine.into_iter().map(|(_, t)| t).collect())
    }

    /// `[f(0..h, rng), f(h..n, rng)]` for `h = n / 2`, where `f` takes exactly one word of `rng`
    /// per index, in order: the second half starts where the first leaves the stream. On two
    /// threads the second half runs beside the first, on a copy of the stream moved on by `h`
    /// words; on one, `[f(0..n, rng), T::default()]`, the whole in one pass (and one copy of
    /// `f` in a one-thread build). Callers that join the two results in order get the same
    /// numbers either way.
    pub fn halves<T: Send + Default, R: Rng + Clone + Send>(
        self,
        n: usize,
        mut rng: R,
        f: impl Fn(Range<usize>, &mut R) -> T + Sync,
    ) -> [T; 2] {
        let h = n / 2;
        if self.two() {
            let mut later = rng.clone();
            let (first, second) = self.join(
                || f(0..h, &mut rng),
                || {
                    for _ in 0..h {
                        later.next_u64();
                    }
                    f(h..n, &mut later)
                },
            );
            [first, second]
        } else {
            // One pass: the first half is every index, the second none.
            [f(0..n, &mut rng), T::default()]
        }
    }
}

/// The indices of `range` that `keep` keeps, in order: `range.filter(keep).collect()`, without a
/// jump on what `keep` says. Each index is written to the next free place and the count moves on
/// only when it is kept, so a pass whose choices are random (who hears of a call, who comes) pays
/// no mispredicted jumps for them.
pub fn kept(range: Range<usize>, mut keep: impl FnMut(usize) -> bool) -> Vec<usize> {
    let mut out = vec![0; range.len()];
    let mut len = 0;
    for i in range {
        out[len] = i;
        len += usize::from(keep(i));
    }
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use super::{Threads, kept};

    #[test]
    fn kept_is_the_filtered_range() {
        let keep = |i: usize| i.is_multiple_of(3) || i % 7 == 2;
        for range in [0..0, 0..1, 5..6, 0..100, 17..1000] {
            assert_eq!(
                kept(range.clone(), keep),
                range.filter(|&i| keep(i)).collect::<Vec<_>>()
            );
        }
        assert_eq!(kept(0..50, |_| true), (0..50).collect::<Vec<_>>());
        assert!(kept(0..50, |_| false).is_empty());
    }

    #[test]
    fn both_sides_give_their_results_on_one_thread_and_on_two() {
        for threads in [Threads::One, Threads::Two] {
            let data: Vec<u64> = (1..=1000).collect();
            let (a, b) = threads.join(
                || data[..500].iter().sum::<u64>(),
                || data[500..].iter().map(|x| x * 2).sum::<u64>(),
            );
            assert_eq!((a, b), (125_250, 2 * 375_250));
        }
    }

    #[test]
    fn halves_take_the_stream_as_one_pass_over_every_index_does() {
        use crate::rng::{Stage, stream, unit};
        let whole: Vec<f64> = {
            let mut rng = stream(5, Stage::Attendance);
            (0..1001).map(|_| unit(&mut rng)).collect()
        };
        for threads in [Threads::One, Threads::Two] {
            let halves = threads.halves(1001, stream(5, Stage::Attendance), |range, rng| {
                range.map(|i| (i, unit(rng))).collect::<Vec<_>>()
            });
            let joined: Vec<(usize, f64)> = halves.concat();
            assert_eq!(joined.len(), 1001);
            for (k, (i, x)) in joined.into_iter().enumerate() {
                assert_eq!((i, x.to_bits()), (k, whole[k].to_bits()), "{threads:?}");
            }
        }
    }

    #[test]
    fn shared_chunks_come_back_in_order_whoever_works_them_out() {
        for threads in [Threads::One, Threads::Two] {
            let (first, parts) = threads.first_then_share(|| "first", 37, |k| k * k);
            assert_eq!(first, "first");
            assert_eq!(parts, (0..37).map(|k| k * k).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_panic_on_the_second_thread_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| {
            Threads::Two.join(|| 1, || -> u32 { panic!("second side failed") })
        });
        assert!(caught.is_err());
    }
}
