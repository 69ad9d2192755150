//! Runs a preset N times, for profilers and instruction counts (README, "Benchmarks"):
//! `cargo build --profile bench -p dialoglab-engine --example profile`, then
//! `valgrind --tool=callgrind target/release/examples/profile faxe-dialogue 3`.
//! A third argument `traced` runs with the meeting traced (`run_traced`), `headline` at
//! `Detail::Headline` (as sweeps and sensitivity analyses run), `one` on one thread (a single run
//! splits its work over two natively; the instruction counts of the README are of `one`).

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "faxe-dialogue".into());
    let times: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let mode = args.next().unwrap_or_default();
    let Some(scenario) = dialoglab_engine::presets::get(&name) else {
        eprintln!("no preset named {name}");
        std::process::exit(2);
    };
    let mut attendees = 0;
    for _ in 0..times {
        let report = match mode.as_str() {
            "traced" => dialoglab_engine::run_traced(&scenario).map(|r| r.0),
            "one" => scenario.validate().map(|()| {
                let pop =
                    dialoglab_engine::population::generate(&scenario.population, scenario.seed);
                dialoglab_engine::simulate(&pop, &scenario)
            }),
            "headline" => scenario.validate().map(|()| {
                let pop =
                    dialoglab_engine::population::generate(&scenario.population, scenario.seed);
                dialoglab_engine::simulate_with(&pop, &scenario, dialoglab_engine::Detail::Headline)
            }),
            _ => dialoglab_engine::run(&scenario),
        };
        match report {
            Ok(r) => attendees += r.stages["attendees"].count,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
    println!("{times} runs of {name}: {attendees} attendees in all");
}
