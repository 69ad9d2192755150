//! The sweep job: runs a [`SweepSpec`] (or a slice of its points, so that several workers can
//! share one sweep) with `dialoglab_engine::sweep`, streaming each point's summary as soon as its
//! seeds are done. The numbers are exactly those of `dialoglab sweep` for the same spec: each
//! point's summary depends only on that point's runs.

use dialoglab_engine::sweep::{PointSummary, PopulationCache, Sweep, SweepSpec};
use serde::{Deserialize, Serialize};

use crate::protocol::{Message, Output, Partial};

/// Most memory the job spends on cached populations (bytes); about 66 bytes per citizen each.
const CACHE_BYTES: u64 = 256 * 1024 * 1024;

/// The point indices `start, start + step, start + 2·step, …` below `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointRange {
    /// First point.
    pub start: u32,
    /// Every point is below this.
    pub end: u32,
    /// Distance between points (1: every point of `start .. end`).
    #[serde(default = "one")]
    pub step: u32,
}

fn one() -> u32 {
    1
}

impl PointRange {
    /// The points, in order.
    pub fn points(self) -> impl Iterator<Item = u32> {
        (self.start..self.end).step_by(self.step.max(1) as usize)
    }

    /// Number of points.
    #[must_use]
    pub fn len(self) -> u32 {
        if self.start >= self.end {
            0
        } else {
            (self.end - self.start).div_ceil(self.step.max(1))
        }
    }

    /// Whether there is no point.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

/// The result of a sweep job: the summaries of its points, in point order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepDone {
    /// Points of the whole sweep.
    pub point_count: u32,
    /// The summaries of the job's points.
    pub points: Vec<PointSummary>,
}

/// Splits `points` points into at most `parts` interleaved, nearly equal, non-empty sets: part
/// `k` takes points `k, k + parts, …`. Points are ordered series by series, and series can cost
/// differently (a stratified panel costs more than an open call), so every part gets a share of
/// each series; the charts also fill evenly.
#[must_use]
pub fn split(points: u32, parts: u32) -> Vec<PointRange> {
    let parts = parts.clamp(1, points.max(1));
    (0..parts)
        .map(|k| PointRange {
            start: k,
            end: points,
            step: parts,
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// Runs the points of `spec` in `range` (all points if `None`), reporting progress in runs and
/// each point's summary to `send`.
pub fn run(
    spec: &SweepSpec,
    range: Option<PointRange>,
    send: &mut dyn FnMut(Message),
) -> Result<Output, String> {
    let sweep = Sweep::new(spec.clone()).map_err(|e| e.to_string())?;
    let count = sweep.point_count();
    let range = range.unwrap_or(PointRange {
        start: 0,
        end: count,
        step: 1,
    });
    if range.start >= range.end || range.end > count || range.step == 0 {
        return Err(format!(
            "points {} .. {} (step {}) are not a slice of the sweep's {count} points",
            range.start, range.end, range.step
        ));
    }
    let per_population = 66 * u64::from(spec.base.population.size).max(1);
    let capacity = (CACHE_BYTES / per_population).clamp(1, u64::from(spec.seeds)) as usize;
    let mut cache = PopulationCache::new(capacity);
    let total = range.len() * spec.seeds;
    let mut points = Vec::with_capacity(range.len() as usize);
    for (k, p) in range.points().enumerate() {
        let (summary, _) = sweep.run_point(p, &mut cache);
        send(Message::Partial(Partial::SweepPoint(summary.clone())));
        send(Message::Progress {
            done: (k as u32 + 1) * spec.seeds,
            total,
        });
        points.push(summary);
    }
    Ok(Output::Sweep(SweepDone {
        point_count: count,
        points,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialoglab_engine::sweep::Axis;

    fn spec() -> SweepSpec {
        let base = dialoglab_engine::presets::get("borgerbudget-small").unwrap();
        SweepSpec {
            x: Axis::parse("budget=100000..1000000:log:3", &base).unwrap(),
            series: Some(Axis::parse("invitation.strategy=open-call,targeted", &base).unwrap()),
            seeds: 2,
            first_seed: 5,
            base,
        }
    }

    fn collect(spec: &SweepSpec, range: Option<PointRange>) -> (Vec<Message>, Output) {
        let mut messages = Vec::new();
        let out = run(spec, range, &mut |m| messages.push(m)).unwrap();
        (messages, out)
    }

    #[test]
    fn the_job_equals_the_engine_sweep_and_streams_every_point() {
        let spec = spec();
        let (messages, out) = collect(&spec, None);
        let expected = Sweep::new(spec.clone()).unwrap().run().points;
        let Output::Sweep(done) = out else {
            panic!("{out:?}")
        };
        assert_eq!(done.point_count, 6);
        assert_eq!(done.points, expected);
        let streamed: Vec<&PointSummary> = messages
            .iter()
            .filter_map(|m| match m {
                Message::Partial(Partial::SweepPoint(p)) => Some(p),
                _ => None,
            })
            .collect();
        assert_eq!(streamed.len(), 6);
        assert!(streamed.iter().zip(&expected).all(|(a, b)| *a == b));
        assert_eq!(
            messages.last(),
            Some(&Message::Progress {
                done: 12,
                total: 12
            })
        );
    }

    #[test]
    fn slices_give_the_same_points_as_the_whole() {
        let spec = spec();
        let Output::Sweep(whole) = collect(&spec, None).1 else {
            panic!()
        };
        let mut pieces = Vec::new();
        for r in split(6, 4) {
            let Output::Sweep(part) = collect(&spec, Some(r)).1 else {
                panic!()
            };
            pieces.extend(part.points);
        }
        pieces.sort_by_key(|p| p.point);
        assert_eq!(pieces, whole.points);
        // A contiguous slice too.
        let slice = PointRange {
            start: 2,
            end: 5,
            step: 1,
        };
        let Output::Sweep(part) = collect(&spec, Some(slice)).1 else {
            panic!()
        };
        assert_eq!(part.points, whole.points[2..5]);
    }

    #[test]
    fn split_covers_every_point_once() {
        for (points, parts) in [(80, 2), (80, 3), (5, 8), (1, 1), (7, 7)] {
            let ranges = split(points, parts);
            assert!(ranges.len() as u32 <= parts.min(points));
            let mut all: Vec<u32> = ranges.iter().flat_map(|r| r.points()).collect();
            assert_eq!(
                all.len() as u32,
                ranges.iter().map(|r| r.len()).sum::<u32>()
            );
            all.sort_unstable();
            assert_eq!(all, (0..points).collect::<Vec<_>>(), "{points} in {parts}");
            // Nearly equal: sizes differ by at most one.
            let sizes: Vec<u32> = ranges.iter().map(|r| r.len()).collect();
            assert!(sizes.iter().max().unwrap() - sizes.iter().min().unwrap() <= 1);
            assert!(sizes.iter().all(|&n| n > 0));
        }
    }

    #[test]
    fn bad_specs_and_ranges_are_errors_naming_the_problem() {
        let mut sink = |_| {};
        let e = run(
            &spec(),
            Some(PointRange {
                start: 4,
                end: 9,
                step: 1,
            }),
            &mut sink,
        )
        .unwrap_err();
        assert!(e.contains("6 points"), "{e}");
        let zero = PointRange {
            start: 0,
            end: 6,
            step: 0,
        };
        assert!(run(&spec(), Some(zero), &mut sink).is_err());
        let mut bad = spec();
        bad.seeds = 0;
        assert!(run(&bad, None, &mut sink).is_err());
        let mut bad = spec();
        bad.x.values = vec![serde_json::json!("lots")];
        let e = run(&bad, None, &mut sink).unwrap_err();
        assert!(e.contains("budget"), "{e}");
    }
}
