//! Benchmarks of issue 16's uncertainty analyses on `faxe-dialogue`, on 2 threads (each thread
//! takes every other seed and runs every point with the population of that point's `population`
//! parameters, drawn once for consecutive points that share them and re-derived from the last
//! one when only continuous columns differ, as `dialoglab sensitivity` does; an ensemble varies
//! every population parameter, so it draws a population for every run):
//!
//! - an ensemble of 200 parameter sets × 10 seeds (2,000 runs) over the default factors;
//! - Morris screening with 20 trajectories over the default factors, 1 seed per point
//!   (20 × (k + 1) runs).
//!
//! `cargo bench -p dialoglab-engine --bench sensitivity`

use criterion::{Criterion, criterion_group, criterion_main};
use dialoglab_engine::population;
use dialoglab_engine::presets;
use dialoglab_engine::sensitivity::default_factors;
use dialoglab_engine::sensitivity::ensemble::{Ensemble, EnsembleSpec};
use dialoglab_engine::sensitivity::morris::{Morris, MorrisSpec};
use dialoglab_engine::sweep::{Design, Sample};

/// Runs every job of `design` on 2 threads, seed by seed, and returns the samples in job order.
fn run_two_threads<D: Design + Sync>(design: &D) -> Vec<Sample> {
    let seeds = design.seeds();
    let mut samples: Vec<Sample> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2u32)
            .map(|t| {
                scope.spawn(move || {
                    let mut out = Vec::new();
                    let mut cache = population::Cache::new(1);
                    for k in (t..seeds).step_by(2) {
                        for p in 0..design.point_count() {
                            let scenario = design.scenario_for(p, k);
                            let pop = cache.get_derived(&scenario.population, scenario.seed);
                            out.push(design.run_design_job(p * seeds + k, pop));
                        }
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("thread"))
            .collect()
    });
    samples.sort_by_key(|s| s.job);
    samples
}

fn bench(c: &mut Criterion) {
    let base = presets::get("faxe-dialogue").expect("preset");
    let ensemble = Ensemble::new(EnsembleSpec {
        base: base.clone(),
        factors: default_factors(),
        samples: 200,
        seeds: 10,
        first_seed: 1,
        design_seed: 1,
        finding: None,
    })
    .expect("ensemble");
    assert_eq!(ensemble.job_count(), 2_000);
    let morris = Morris::new(MorrisSpec {
        base,
        factors: default_factors(),
        trajectories: 20,
        levels: 4,
        seeds: 1,
        first_seed: 1,
        design_seed: 1,
    })
    .expect("morris");
    let mut group = c.benchmark_group("sensitivity");
    group.sample_size(10);
    group.bench_function("ensemble-200x10-faxe/2-threads", |b| {
        b.iter(|| {
            let samples = run_two_threads(&ensemble);
            ensemble.analyse(&samples).expect("analysis")
        });
    });
    group.bench_function("morris-20-trajectories-faxe/2-threads", |b| {
        b.iter(|| {
            let samples = run_two_threads(&morris);
            morris.analyse(&samples).expect("analysis")
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
