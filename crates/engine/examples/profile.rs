//! A small driver for profilers (callgrind, perf): runs one preset a number of times.
//!
//! `cargo build --profile bench -p dialoglab-engine --example profile`, then
//! `valgrind --tool=callgrind target/release/examples/profile faxe-dialogue 3 [SIZE]`.
//! Arguments: preset name (default `faxe-dialogue`), runs (default 1), population size (default:
//! the preset's). Prints a checksum of the reports so the work cannot be optimised away.

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "faxe-dialogue".to_string());
    let runs: u32 = args
        .next()
        .map_or(1, |a| a.parse().expect("runs: a number"));
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
