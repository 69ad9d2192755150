//! Benchmarks of the PB rules: every rule on a generated 60 000 × 50 approval profile and on the
//! largest shared `.pb` file, and `mes-add1` on 100 projects × 10 000 ballots.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use dialoglab_engine::pb::{Instance, Profile, Project, Rule, TieBreak, pabulib};

/// `SplitMix64`: a tiny deterministic generator for benchmark data.
struct Mix(u64);
impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / 9_007_199_254_740_992.0
    }
}

/// Projects with costs in [5 000, 200 000], popularity in [0.03, 0.3]; budget 30% of total cost.
fn generated(projects: u32, ballots: u32, seed: u64) -> (Instance, Profile) {
    let mut rng = Mix(seed);
    let costs: Vec<u64> = (0..projects)
        .map(|_| 5_000 + rng.next() % 195_001)
        .collect();
    let pop: Vec<f64> = (0..projects).map(|_| 0.03 + 0.27 * rng.unit()).collect();
    let list = (0..ballots)
        .map(|_| {
            (0..projects)
                .filter(|&p| rng.unit() < pop[p as usize])
                .collect()
        })
        .collect();
    let total: u64 = costs.iter().sum();
    let projects = costs
        .iter()
        .enumerate()
        .map(|(i, &c)| Project::new(format!("p{i}"), c))
        .collect();
    (
        Instance::new(projects, total * 3 / 10),
        Profile::approval(list),
    )
}

fn largest_file() -> (Instance, Profile) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/pabulib");
    let mut best: Option<(u64, PathBuf)> = None;
    for entry in std::fs::read_dir(&dir).expect("data dir").flatten() {
        let len = entry.metadata().map_or(0, |m| m.len());
        if best.as_ref().is_none_or(|(l, _)| len > *l) {
            best = Some((len, entry.path()));
        }
    }
    let path = best.expect("a .pb file").1;
    pabulib::parse_bytes(&std::fs::read(path).expect("read")).expect("parse")
}

fn bench_rules(c: &mut Criterion) {
    let tb = TieBreak::default();
    let (inst, prof) = generated(50, 60_000, 1);
    let mut group = c.benchmark_group("60000x50");
    group.sample_size(10);
    for rule in Rule::ALL {
        group.bench_function(rule.name(), |b| {
            b.iter(|| black_box(rule.run(&inst, &prof, &tb)));
        });
    }
    group.finish();

    let (inst, prof) = largest_file();
    let mut group = c.benchmark_group("largest-pb-file");
    group.sample_size(10);
    for rule in Rule::ALL {
        group.bench_function(rule.name(), |b| {
            b.iter(|| black_box(rule.run(&inst, &prof, &tb)));
        });
    }
    group.bench_function("parse", |b| {
        let text = pabulib::write(&inst, &prof);
        b.iter(|| black_box(pabulib::parse(&text)));
    });
    group.finish();

    let (inst, prof) = generated(100, 10_000, 2);
    let mut group = c.benchmark_group("100x10000");
    group.sample_size(10);
    group.bench_function("mes-add1", |b| {
        b.iter(|| black_box(Rule::MesAdd1.run(&inst, &prof, &tb)));
    });
    group.finish();
}

criterion_group!(benches, bench_rules);
criterion_main!(benches);
