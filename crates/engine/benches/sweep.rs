//! Benchmark of a whole sweep: the 1,600-run sweep of issue 6 (4 invitation strategies × 20
//! budgets on a log grid from 100,000 to 10,000,000 DKK × 20 seeds) on `faxe-dialogue`, run
//! sequentially on one core (`Sweep::run`, which draws each seed's population once), and one job
//! of it for comparison.
//!
//! `cargo bench -p dialoglab-engine --bench sweep`

use criterion::{Criterion, criterion_group, criterion_main};
use dialoglab_engine::presets;
use dialoglab_engine::sweep::{Axis, Sweep, SweepSpec};

fn sweep() -> Sweep {
    let base = presets::get("faxe-dialogue").expect("preset");
    let x = Axis::parse("budget=100000..10000000:log:20", &base).expect("axis");
    let series = Axis::parse(
        "invitation.strategy=open-call,letters,stratified,targeted",
        &base,
    )
    .expect("axis");
    let spec = SweepSpec {
        first_seed: base.seed,
        base,
        x,
        series: Some(series),
        seeds: 20,
    };
    Sweep::new(spec).expect("valid sweep")
}

fn bench(c: &mut Criterion) {
    let s = sweep();
    assert_eq!(s.job_count(), 1_600);
    let mut group = c.benchmark_group("sweep");
    group.sample_size(10);
    group.bench_function("faxe-1600-runs/sequential", |b| {
        b.iter(|| std::hint::black_box(&s).run());
    });
    group.bench_function("faxe-one-job-with-population-draw", |b| {
        b.iter(|| std::hint::black_box(&s).run_job(0));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
