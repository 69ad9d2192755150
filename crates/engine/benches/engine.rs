//! Benchmarks of the simulation: one whole run (population, invitation, attendance, metrics) at
//! the default 29,500 citizens and at 1,000,000 (natively on two threads, `split::Threads`), the
//! same run on one thread, the population draw alone (on one thread and on two), the yearly cycle
//! alone on a drawn population, and a run with its meeting traced.
//!
//! `cargo bench -p dialoglab-engine --bench engine`

use criterion::{Criterion, criterion_group, criterion_main};
use dialoglab_engine::split::Threads;
use dialoglab_engine::{Strategy, population, presets, run, run_traced, simulate};

fn scenario(size: u32, strategy: Strategy) -> dialoglab_engine::Scenario {
    let mut s = presets::get("faxe-dialogue").expect("preset");
    s.population.size = size;
    s.invitation.strategy = strategy;
    s
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("run");
    group.sample_size(20);
    for (name, size) in [("faxe-29500", 29_500), ("citizens-1000000", 1_000_000)] {
        for strategy in [Strategy::OpenCall, Strategy::Stratified] {
            let s = scenario(size, strategy);
            group.bench_function(format!("{name}/{}", strategy.key()), |b| {
                b.iter(|| run(std::hint::black_box(&s)).expect("runs"));
            });
        }
    }
    // The same whole run on one thread, as a sweep's or an ensemble's member runs it (and as
    // WebAssembly runs every run): `run` splits a single run over two threads natively.
    let s = scenario(29_500, Strategy::OpenCall);
    group.bench_function("faxe-29500/open-call/one-thread", |b| {
        b.iter(|| {
            let pop = population::generate(std::hint::black_box(&s.population), s.seed);
            simulate(&pop, &s)
        });
    });
    // The yearly cycle alone (invitation to feedback, DESIGN §2.2) on an already drawn population,
    // as the app and the sweeps run it when only later stages change.
    let pop = population::generate(&s.population, s.seed);
    group.bench_function("stages-only/29500/open-call", |b| {
        b.iter(|| simulate(std::hint::black_box(&pop), &s));
    });
    // A whole run with the first year's meeting traced (the app's meeting view).
    group.bench_function("traced/29500/open-call", |b| {
        b.iter(|| run_traced(std::hint::black_box(&s)).expect("runs"));
    });
    group.bench_function("population-only/29500", |b| {
        b.iter(|| population::generate(std::hint::black_box(&s.population), s.seed));
    });
    // The draw as a single run makes it, on two threads (`split::Threads`).
    group.bench_function("population-only/29500/two-threads", |b| {
        b.iter(|| {
            population::generate_on(std::hint::black_box(&s.population), s.seed, Threads::Two)
        });
    });
    let s = scenario(1_000_000, Strategy::OpenCall);
    group.bench_function("population-only/1000000", |b| {
        b.iter(|| population::generate(std::hint::black_box(&s.population), s.seed));
    });
    let pop = population::generate(&s.population, s.seed);
    group.bench_function("stages-only/1000000/open-call", |b| {
        b.iter(|| simulate(std::hint::black_box(&pop), &s));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
