//! The `dialoglab calibrate` subcommand: rejection ABC of the calibrated coefficients against the
//! calibration targets ([`dialoglab_engine::calibration`]), on all cores, written as JSON.

use std::path::PathBuf;

use dialoglab_engine::calibration::{
    Calibration, CalibrationSpec, TargetsFile, default_parameters, default_targets,
};
use dialoglab_engine::sweep::Design;

use crate::BaseArgs;
use crate::shard::{emit, progress_bar, run_jobs};

/// Arguments of `dialoglab calibrate`.
#[derive(clap::Args, Debug)]
pub struct CalibrateArgs {
    #[command(flatten)]
    pub base: BaseArgs,
    /// The targets table (JSON like crates/engine/calibration/targets.json; default: that table).
    #[arg(long, value_name = "FILE")]
    pub targets: Option<PathBuf>,
    /// A calibrated parameter and its plausible range: PATH=LOW..HIGH. Repeatable; default: the
    /// built-in list of calibrated coefficients.
    #[arg(long = "param", value_name = "PATH=LOW..HIGH")]
    pub param: Vec<String>,
    /// Parameter vectors drawn (Latin hypercube over the ranges).
    #[arg(long, default_value_t = 500)]
    pub samples: u32,
    /// Seeds per vector and target scenario (the same seeds for every vector).
    #[arg(long, default_value_t = 3)]
    pub seeds: u32,
    /// The first seed (default: the scenario's seed).
    #[arg(long)]
    pub first_seed: Option<u64>,
    /// Seed of the Latin hypercube.
    #[arg(long, default_value_t = 1)]
    pub design_seed: u64,
    /// Write the JSON to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Worker threads (default: every core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// No progress bar and no summary on standard error.
    #[arg(long, short)]
    pub quiet: bool,
}

fn build_spec(args: &CalibrateArgs) -> Result<CalibrationSpec, String> {
    let base = args.base.build(None)?;
    let targets = match &args.targets {
        None => default_targets(),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            serde_json::from_str::<TargetsFile>(&text)
                .map_err(|e| {
                    format!(
                        "{}: not a targets table ({{\"description\":…,\"targets\":[…]}}): {e}",
                        path.display()
                    )
                })?
                .targets
        }
    };
    let parameters = if args.param.is_empty() {
        default_parameters()
    } else {
        args.param
            .iter()
            .map(|p| {
                crate::sensitivity_cmd::parse_factor(p)
                    .map_err(|e| e.replace("--factor", "--param"))
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    Ok(CalibrationSpec {
        first_seed: args.first_seed.unwrap_or(base.seed),
        base,
        parameters,
        targets,
        samples: args.samples,
        seeds: args.seeds,
        design_seed: args.design_seed,
    })
}

/// `dialoglab calibrate`.
pub fn run(args: &CalibrateArgs) -> Result<String, String> {
    let calibration = Calibration::new(build_spec(args)?).map_err(|e| e.to_string())?;
    calibration.check_keys().map_err(|e| e.to_string())?;
    let bar = progress_bar(calibration.job_count(), args.quiet);
    let samples = run_jobs(&calibration, 0, calibration.job_count(), args.threads, &bar)?;
    bar.finish_and_clear();
    let result = calibration.analyse(&samples).map_err(|e| e.to_string())?;
    if !args.quiet {
        match &result.fitted {
            Some(f) => eprintln!(
                "{} of {} parameter vectors meet every target within its tolerance; the best has distance {:.4} (largest standardised error {:.2})",
                result.accepted,
                result.samples,
                f.distance.unwrap_or(f64::NAN),
                f.max_error.unwrap_or(f64::NAN)
            ),
            None => eprintln!("no parameter vector has every target defined"),
        }
    }
    let mut text = serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?;
    text.push('\n');
    emit(&text, args.out.as_deref())
}
