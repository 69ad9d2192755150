//! A small driver for profilers (callgrind, perf): runs one preset, or one PB rule on the PB
//! benchmark's generated profile, a number of times.
//!
//! `cargo build --profile bench -p dialoglab-engine --example profile`, then e.g.
//! `valgrind --tool=callgrind target/release/examples/profile faxe-dialogue 3 [SIZE]` or
//! `valgrind --tool=callgrind target/release/examples/profile pb:mes 1`.
//! Arguments: a preset name (default `faxe-dialogue`) or `pb:RULE`, runs (default 1), and for a
//! preset the population size (default: the preset's). Prints a checksum so the work cannot be
//! optimised away.

use dialoglab_engine::pb::{Instance, Profile, Project, Rule, TieBreak};

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "faxe-dialogue".to_string());
    let runs: u32 = args
        .next()
        .map_or(1, |a| a.parse().expect("runs: a number"));
    if let Some(rule) = name.strip_prefix("pb:") {
        let rule: Rule = rule.parse().expect("a rule name");
        let (instance, profile) = generated(50, 60_000, 1);
        let mut checksum = 0u64;
        for _ in 0..runs {
            let a = rule.run(&instance, &profile, &TieBreak::default());
            checksum = checksum.wrapping_add(a.total_cost);
        }
        println!("{rule} on 60000 x 50: {runs} runs, checksum {checksum}");
        return;
    }
    let Some(mut scenario) = dialoglab_engine::presets::get(&name) else {
        eprintln!("unknown preset {name}");
        std::process::exit(2);
    };
    if let Some(size) = args.next() {
        scenario.population.size = size.parse().expect("size: a number");
    }
    let mut checksum = 0u64;
    for _ in 0..runs {
        let report = dialoglab_engine::run(&scenario).expect("valid scenario");
        checksum = checksum.wrapping_add(u64::from(report.stages["attendees"].count));
    }
    println!("{name}: {runs} runs, checksum {checksum}");
}

/// The PB benchmark's profile (`benches/pb.rs`): `SplitMix64` data, costs 5,000–200,000,
/// popularity 0.03–0.3, budget 30% of the total cost.
fn generated(projects: u32, ballots: u32, seed: u64) -> (Instance, Profile) {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let costs: Vec<u64> = (0..projects).map(|_| 5_000 + next() % 195_001).collect();
    let popularity: Vec<f64> = (0..projects)
        .map(|_| 0.03 + 0.27 * ((next() >> 11) as f64 / 9_007_199_254_740_992.0))
        .collect();
    let ballots = (0..ballots)
        .map(|_| {
            (0..projects)
                .filter(|&p| {
                    ((next() >> 11) as f64 / 9_007_199_254_740_992.0) < popularity[p as usize]
                })
                .collect()
        })
        .collect();
    let total: u64 = costs.iter().sum();
    let list = costs
        .iter()
        .enumerate()
        .map(|(i, &c)| Project::new(format!("p{i}"), c))
        .collect();
    (
        Instance::new(list, total * 3 / 10),
        Profile::approval(ballots),
    )
}
