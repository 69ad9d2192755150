//! Benchmarks of the PB rules and of the `.pb` reader: every rule on a generated 60 000 × 50
//! approval profile and on the largest shared `.pb` file, `mes-add1` on 100 projects × 10 000
//! ballots, and reading (`parse_bytes`), analytics and `parse + mes + analytics` (what
//! `dialoglab pb FILE --rule mes` does) on the largest shared file and on a generated file of just
//! under 50 MB (`MAX_BYTES`), reported in bytes per second.
//!
//! The generated file is also written to `target/pb-bench-50mb.pb` so that the CLI can be timed
//! end to end on the same bytes (`hyperfine 'target/release/dialoglab pb target/pb-bench-50mb.pb
//! --rule mes'`).

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dialoglab_engine::pb::{self, Instance, Profile, Project, Rule, TieBreak, pabulib};

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
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
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

/// A `.pb` file of just under `bytes` bytes shaped like a large Warsaw file: 120 projects with
/// numeric ids, names and categories; voters with a numeric id, an approval ballot of 1 – 15
/// projects (more popular projects more often), age, sex and voting method.
fn generated_file(bytes: usize, seed: u64) -> String {
    let mut rng = Mix(seed);
    let projects = 120u64;
    let mut out = String::with_capacity(bytes + 200);
    out.push_str(
        "META\nkey;value\ndescription;Generated benchmark file\ncountry;Nowhere\nunit;Bench\n\
         instance;2026\nnum_projects;120\nbudget;25000000\nvote_type;approval\nrule;greedy\n\
         max_length;15\nPROJECTS\nproject_id;cost;name;category\n",
    );
    let mut total = 0;
    for p in 0..projects {
        let cost = 20_000 + rng.below(980_001);
        total += cost;
        let cat = ["education", "greenery", "sport", "culture", "transport"][(p % 5) as usize];
        let _ = writeln!(out, "{};{cost};Project number {p};{cat}", 1000 + p);
    }
    debug_assert!(total > 25_000_000);
    out.push_str("VOTES\nvoter_id;vote;age;sex;voting_method\n");
    let mut line = String::new();
    for voter in 0u64.. {
        line.clear();
        let _ = write!(line, "{};", 100_000 + voter);
        let len = 1 + rng.below(15);
        let mut chosen = [false; 120];
        let mut k = 0;
        while k < len {
            // Squaring a uniform draw favours the low ids: a skewed popularity.
            let u = rng.unit();
            let p = ((u * u) * projects as f64) as usize;
            if !chosen[p] {
                chosen[p] = true;
                if k > 0 {
                    line.push(',');
                }
                let _ = write!(line, "{}", 1000 + p);
                k += 1;
            }
        }
        let sex = if rng.below(2) == 0 { "F" } else { "M" };
        let method = if rng.below(4) == 0 {
            "paper"
        } else {
            "internet"
        };
        let _ = writeln!(line, ";{};{sex};{method}", 16 + rng.below(70));
        if out.len() + line.len() > bytes {
            break;
        }
        out.push_str(&line);
    }
    out
}

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/pabulib")
}

fn largest_file_bytes() -> Vec<u8> {
    let mut best: Option<(u64, PathBuf)> = None;
    for entry in std::fs::read_dir(data_dir()).expect("data dir").flatten() {
        let len = entry.metadata().map_or(0, |m| m.len());
        if best.as_ref().is_none_or(|(l, _)| len > *l) {
            best = Some((len, entry.path()));
        }
    }
    std::fs::read(best.expect("a .pb file").1).expect("read")
}

fn largest_file() -> (Instance, Profile) {
    pabulib::parse_bytes(&largest_file_bytes()).expect("parse")
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
    group.finish();

    let (inst, prof) = generated(100, 10_000, 2);
    let mut group = c.benchmark_group("100x10000");
    group.sample_size(10);
    group.bench_function("mes-add1", |b| {
        b.iter(|| black_box(Rule::MesAdd1.run(&inst, &prof, &tb)));
    });
    group.finish();
}

/// Reading, analytics and `parse + mes + analytics` on one file, in bytes per second.
fn bench_file(c: &mut Criterion, name: &str, bytes: &[u8]) {
    let tb = TieBreak::default();
    let (inst, prof) = pabulib::parse_bytes(bytes).expect("parse");
    let mes = Rule::Mes.run(&inst, &prof, &tb);
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    // The parsed file is dropped outside the timing (`iter_with_large_drop`): freeing millions
    // of small allocations is not reading, and `dialoglab pb` leaves it to the exiting process.
    group.bench_function("parse", |b| {
        b.iter_with_large_drop(|| pabulib::parse_bytes(black_box(bytes)));
    });
    group.bench_function("analytics", |b| {
        b.iter(|| black_box(pb::analytics(&inst, &prof, &mes)));
    });
    group.bench_function("parse+mes+analytics", |b| {
        b.iter_with_large_drop(|| {
            let (inst, prof) = pabulib::parse_bytes(black_box(bytes)).expect("parse");
            let out = Rule::Mes.run(&inst, &prof, &tb);
            let analytics = pb::analytics(&inst, &prof, &out);
            (inst, prof, analytics)
        });
    });
    group.finish();
}

fn bench_reading(c: &mut Criterion) {
    bench_file(c, "read-largest-pb-file", &largest_file_bytes());
    let text = generated_file(pabulib::MAX_BYTES - 100_000, 7);
    let target = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target");
    if std::fs::create_dir_all(&target).is_ok() {
        let _ = std::fs::write(target.join("pb-bench-50mb.pb"), &text);
    }
    bench_file(c, "read-generated-50mb", text.as_bytes());
}

criterion_group!(benches, bench_rules, bench_reading);
criterion_main!(benches);
