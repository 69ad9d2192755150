//! The wasm/native speed ratio of the engine: the same code times whole runs of the
//! `faxe-dialogue` preset natively (`std::time::Instant`) and in headless Chromium
//! (`performance.now()`), and prints one `BENCH` line per target. A benchmark, not a test: it
//! measures and prints, it never asserts a time, and it is left out of the default test runs
//! (ignored natively; CI runs only the `wasm_determinism` file in the browser).
//!
//! `scripts/bench-wasm.sh` runs the native, the opt-level 3 wasm and the `opt-level = "z"` wasm
//! measurements back to back and prints the ratios. By hand:
//! - native: `cargo test -p dialoglab-engine --release --test wasm_bench -- --ignored --nocapture`
//! - wasm: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p dialoglab-engine --release
//!   --target wasm32-unknown-unknown --test wasm_bench -- --nocapture` (`--profile wasm-release`
//!   instead of `--release` for the app's size-optimised build).
//!
//! Both sides run on one thread (`run` below): natively `run` splits a run over two threads, which
//! WebAssembly does not have, and the ratio compares the engine's code, not the cores.

use dialoglab_engine::{Report, Scenario, population, presets, simulate};

/// A whole run on one thread: the population drawn, every cycle simulated.
fn run(scenario: &Scenario) -> Result<Report, dialoglab_engine::ScenarioError> {
    scenario.validate()?;
    let pop = population::generate(&scenario.population, scenario.seed);
    Ok(simulate(&pop, scenario))
}

/// Timed runs after the warm-up runs.
const RUNS: usize = 30;
/// Untimed runs first (page faults, allocator and JIT warm-up).
const WARMUP: usize = 3;

/// Times `RUNS` runs of `faxe-dialogue` with the clock `now_ms` and returns the `BENCH` line:
/// median, mean and fastest run in milliseconds.
fn measure(target: &str, now_ms: impl Fn() -> f64) -> String {
    let scenario = presets::get("faxe-dialogue").expect("the preset exists");
    let expected = run(&scenario).expect("runs").stages["attendees"].count;
    for _ in 1..WARMUP {
        assert_eq!(
            run(&scenario).expect("runs").stages["attendees"].count,
            expected
        );
    }
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t0 = now_ms();
        let report = run(&scenario).expect("runs");
        times.push(now_ms() - t0);
        // Same seed, same report (and the optimiser cannot drop the work).
        assert_eq!(report.stages["attendees"].count, expected);
    }
    times.sort_by(f64::total_cmp);
    let median = times[RUNS / 2];
    let mean = times.iter().sum::<f64>() / RUNS as f64;
    format!(
        "BENCH {target} faxe-dialogue runs={RUNS} median_ms={median:.3} mean_ms={mean:.3} min_ms={:.3}",
        times[0]
    )
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
#[ignore = "a benchmark; run it with scripts/bench-wasm.sh"]
fn faxe_dialogue_native() {
    let start = std::time::Instant::now();
    println!(
        "{}",
        measure("native", || start.elapsed().as_secs_f64() * 1000.0)
    );
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::prelude::wasm_bindgen;
    use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        fn performance_now() -> f64;
    }

    #[wasm_bindgen_test]
    fn faxe_dialogue_wasm() {
        console_log!("{}", super::measure("wasm", performance_now));
    }
}
