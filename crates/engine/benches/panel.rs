//! Benchmarks of fair panel selection (docs/PANEL.md): LEXIMIN on the published example
//! (200 respondents → 20), on a synthetic 200 → 20 pool with 3 categories, on a synthetic
//! 2,000 → 200 pool with 2 categories, and LEGACY's 10,000 Monte-Carlo draws on the example.
//! The synthetic 1,700 → 110 pool with 7 categories is timed with the CLI
//! (`dialoglab panel --synthetic 1700:7:3 --panel-size 110 --verbose`, see docs/PANEL.md).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dialoglab_engine::panel::{self, Algorithm, Options, Pool};

fn example() -> Pool {
    panel::parse(
        include_str!("../tests/data/sortition/example_small_20/categories.csv"),
        include_str!("../tests/data/sortition/example_small_20/respondents.csv"),
        None,
    )
    .expect("the example parses")
}

fn select(pool: &Pool, k: u32, algorithm: Algorithm) -> f64 {
    panel::select(pool, k, algorithm, &Options::default(), &mut |_| true)
        .expect("selection succeeds")
        .min
}

fn benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("panel");
    g.sample_size(10);
    let ex = example();
    g.bench_function("leximin example 200->20", |b| {
        b.iter(|| black_box(select(&ex, 20, Algorithm::Leximin)));
    });
    g.bench_function("legacy example 200->20, 10000 draws", |b| {
        b.iter(|| black_box(select(&ex, 20, Algorithm::Legacy)));
    });
    let small = panel::synthetic(1, 200, 3, 3, 20);
    g.bench_function("leximin synthetic 200->20, 3 categories", |b| {
        b.iter(|| black_box(select(&small, 20, Algorithm::Leximin)));
    });
    let large = panel::synthetic(1, 2_000, 2, 4, 200);
    g.bench_function("leximin synthetic 2000->200, 2 categories", |b| {
        b.iter(|| black_box(select(&large, 200, Algorithm::Leximin)));
    });
    g.finish();
}

criterion_group!(panel_benches, benches);
criterion_main!(panel_benches);
