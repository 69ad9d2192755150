//! The `dialoglab` command line: run scenarios and PB rules natively, with the same numbers as the
//! browser app.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dialoglab_engine::{Scenario, presets};

mod calibrate_cmd;
mod panel_cmd;
mod pb_cmd;
mod sensitivity_cmd;
mod shard;
mod sweep_cmd;

#[derive(Parser, Debug)]
#[command(
    name = "dialoglab",
    version,
    about = "Dialoglab: a simulator of deliberative democracy"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run one scenario and print its report as JSON.
    Run(RunArgs),
    /// List the preset names (with --sources: each preset's title and where its numbers come from).
    Presets(PresetsArgs),
    /// Print a scenario (a preset with --set changes applied) as JSON, to save and edit.
    Scenario(RunArgs),
    /// Run PB rules on a pabulib .pb file and print winners and analytics as JSON.
    Pb(pb_cmd::PbArgs),
    /// Run a scenario over a grid of one or two varied fields with many seeds per point, on all
    /// cores; print the mean and 95% interval of every headline metric (CSV or JSON Lines).
    Sweep(sweep_cmd::SweepArgs),
    /// Select a citizens' panel from categories.csv and respondents.csv (LEGACY, maximin or
    /// LEXIMIN) and print every respondent's selection probability and a drawn panel as JSON.
    Panel(panel_cmd::PanelArgs),
    /// Combine the shard files of `sweep --shard i/n` (or `sensitivity --shard i/n`) into the file
    /// one unsharded run writes.
    Merge(sweep_cmd::MergeArgs),
    /// Global sensitivity: Morris screening of the uncertain coefficients, or an ensemble over
    /// their plausible ranges with the robustness of a headline finding (CSV or JSON Lines).
    Sensitivity(sensitivity_cmd::SensitivityArgs),
    /// Fit the calibrated coefficients to the calibration targets by approximate Bayesian
    /// computation (rejection over a Latin hypercube); print the fit and the plausible models as JSON.
    Calibrate(calibrate_cmd::CalibrateArgs),
}

/// Options of `presets`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct PresetsArgs {
    /// Print each preset's title and the sources of its numbers under its name.
    #[arg(long)]
    sources: bool,
}

/// The preset list: one name a line, or with `sources` each name with its title and an indented
/// line per source.
fn preset_list(args: &PresetsArgs) -> String {
    if !args.sources {
        return presets::names().join("\n");
    }
    let mut lines = Vec::new();
    for p in presets::ALL {
        lines.push(format!("{}: {}", p.name, p.title_en));
        lines.extend(presets::sources(p.name).iter().map(|s| format!("  - {s}")));
    }
    lines.join("\n")
}

/// Where a command's scenario comes from; shared by `run`, `scenario`, `sweep`, `sensitivity` and
/// `calibrate`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct BaseArgs {
    /// Start from this preset (default: faxe-dialogue).
    #[arg(long, conflicts_with = "scenario")]
    pub preset: Option<String>,
    /// Start from this scenario JSON file.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Change a field: dotted.path=VALUE (VALUE is JSON when it parses, else a string). Repeatable.
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,
}

impl BaseArgs {
    /// The scenario: the preset or file, then each `--set`, then `seed` when given; validated.
    pub fn build(&self, seed: Option<u64>) -> Result<Scenario, String> {
        let mut scenario = match (&self.preset, &self.scenario) {
            (_, Some(path)) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                Scenario::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?
            }
            (Some(name), None) => presets::get(name).ok_or_else(|| {
                format!(
                    "no preset named {name}; presets: {}",
                    presets::names().join(", ")
                )
            })?,
            (None, None) => Scenario::default(),
        };
        for assignment in &self.set {
            let (path, value) = assignment
                .split_once('=')
                .ok_or_else(|| format!("--set {assignment}: expected dotted.path=VALUE"))?;
            scenario
                .set_path_text(path.trim(), value.trim())
                .map_err(|e| format!("--set {assignment}: {e}"))?;
        }
        if let Some(seed) = seed {
            scenario.seed = seed;
        }
        scenario.validate().map_err(|e| e.to_string())?;
        Ok(scenario)
    }
}

#[derive(clap::Args, Debug)]
struct RunArgs {
    #[command(flatten)]
    base: BaseArgs,
    /// Seed of the run.
    #[arg(long)]
    seed: Option<u64>,
    /// Print compact JSON on one line.
    #[arg(long)]
    compact: bool,
    /// Also write the simulated vote (year 1) as a pabulib `.pb` file.
    #[arg(long, value_name = "FILE")]
    export_pb: Option<PathBuf>,
}

fn to_json<T: serde::Serialize>(value: &T, compact: bool) -> Result<String, String> {
    if compact {
        serde_json::to_string(value)
    } else {
        serde_json::to_string_pretty(value)
    }
    .map_err(|e| e.to_string())
}

fn execute(cli: &Cli) -> Result<String, String> {
    match &cli.command {
        Command::Presets(args) => Ok(preset_list(args)),
        Command::Pb(args) => pb_cmd::run(args),
        Command::Panel(args) => panel_cmd::run(args),
        Command::Sweep(args) => sweep_cmd::sweep(args),
        Command::Merge(args) => merge(args),
        Command::Sensitivity(args) => sensitivity_cmd::run(args),
        Command::Calibrate(args) => calibrate_cmd::run(args),
        Command::Scenario(args) => to_json(&args.base.build(args.seed)?, args.compact),
        Command::Run(args) => {
            let scenario = args.base.build(args.seed)?;
            let report = dialoglab_engine::run(&scenario).map_err(|e| e.to_string())?;
            if let Some(path) = &args.export_pb {
                let (instance, profile) =
                    dialoglab_engine::simulated_vote(&scenario).map_err(|e| e.to_string())?;
                std::fs::write(
                    path,
                    dialoglab_engine::pb::pabulib::write(&instance, &profile),
                )
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            to_json(&report, args.compact)
        }
    }
}

/// `dialoglab merge`: sweep shards or sensitivity shards, by the format in the first file.
fn merge(args: &sweep_cmd::MergeArgs) -> Result<String, String> {
    let first = args.files.first().ok_or("give the shard files to merge")?;
    match shard::format_in(first)?.as_str() {
        sweep_cmd::SHARD_FORMAT => sweep_cmd::merge(args),
        sensitivity_cmd::SHARD_FORMAT => sensitivity_cmd::merge(args),
        other => Err(format!(
            "{} is a {other:?} file, not a shard of `dialoglab sweep` or `dialoglab sensitivity`",
            first.display()
        )),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match execute(&cli) {
        // Sweeps written to --out print nothing.
        Ok(out) if out.is_empty() => ExitCode::SUCCESS,
        Ok(out) => {
            use std::io::Write;
            // A closed pipe (`dialoglab run | head`) is not an error worth a panic.
            match writeln!(std::io::stdout().lock(), "{out}") {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("dialoglab: cannot write the output: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Err(message) => {
            eprintln!("dialoglab: {message}");
            ExitCode::from(2)
        }
    }
}
