//! The `dialoglab panel` subcommand: selects a citizens' panel from the selection software's
//! `categories.csv` and `respondents.csv` by LEGACY, maximin or LEXIMIN and prints JSON.

use std::path::PathBuf;
use std::time::Instant;

use dialoglab_engine::panel::{self, Algorithm, Options};
use serde_json::{Value, json};

/// Arguments of `dialoglab panel`.
#[derive(clap::Args, Debug)]
pub struct PanelArgs {
    /// The quotas: `category,feature,min,max`.
    #[arg(long, required_unless_present = "synthetic")]
    pub categories: Option<PathBuf>,
    /// The pool: one row per respondent, one column per category (optional `household` column).
    #[arg(long, required_unless_present = "synthetic")]
    pub respondents: Option<PathBuf>,
    /// Instead of the two files, a synthetic pool for benchmarks: RESPONDENTS:CATEGORIES:FEATURES
    /// (features per category), with quotas for --panel-size around population shares.
    #[arg(long, value_name = "N:C:F", conflicts_with_all = ["categories", "respondents"])]
    pub synthetic: Option<String>,
    /// Panel size.
    #[arg(long)]
    pub panel_size: u32,
    /// legacy, maximin or leximin.
    #[arg(long, default_value = "leximin")]
    pub algorithm: String,
    /// Seed of the panel draw (and of LEGACY's Monte-Carlo draws).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// LEGACY: Monte-Carlo draws behind the probability estimates.
    #[arg(long, default_value_t = 10_000)]
    pub draws: u32,
    /// Name of the household column (default: a column named `household`, if any).
    #[arg(long)]
    pub household: Option<String>,
    /// Print each level's progress and the running time on stderr.
    #[arg(long)]
    pub verbose: bool,
    /// Print compact JSON on one line.
    #[arg(long)]
    pub compact: bool,
}

fn read(path: &PathBuf) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Runs the subcommand and returns its JSON.
pub fn run(args: &PanelArgs) -> Result<String, String> {
    let algorithm: Algorithm = args.algorithm.parse()?;
    let pool = if let Some(spec) = &args.synthetic {
        let parts: Vec<u32> = spec
            .split(':')
            .map(str::parse)
            .collect::<Result<_, _>>()
            .map_err(|_| format!("--synthetic {spec}: expected RESPONDENTS:CATEGORIES:FEATURES"))?;
        let [n, c, f] = parts[..] else {
            return Err(format!(
                "--synthetic {spec}: expected RESPONDENTS:CATEGORIES:FEATURES"
            ));
        };
        if !(1..=200_000).contains(&n) || !(1..=20).contains(&c) || !(2..=20).contains(&f) {
            return Err(format!(
                "--synthetic {spec}: respondents 1–200000, categories 1–20, features 2–20"
            ));
        }
        panel::synthetic(args.seed, n, c, f as u8, args.panel_size.min(n))
    } else {
        let (Some(cpath), Some(rpath)) = (&args.categories, &args.respondents) else {
            return Err("give --categories and --respondents, or --synthetic".into());
        };
        let categories = panel::parse_categories(&read(cpath)?)
            .map_err(|e| format!("{}: {e}", cpath.display()))?;
        panel::parse_respondents(&read(rpath)?, categories, args.household.as_deref())
            .map_err(|e| format!("{}: {e}", rpath.display()))?
    };
    let options = Options {
        seed: args.seed,
        draws: args.draws,
    };
    let start = Instant::now();
    let verbose = args.verbose;
    let mut last_level = u32::MAX;
    let selection = panel::select(&pool, args.panel_size, algorithm, &options, &mut |p| {
        if verbose && (p.level != last_level || p.panels % 25 == 0) {
            last_level = p.level;
            eprintln!(
                "level {}: {} of {} respondents fixed, {} panels, gap {:.2e}, {:.1} s",
                p.level + 1,
                p.fixed,
                p.respondents,
                p.panels,
                p.gap,
                start.elapsed().as_secs_f64()
            );
        }
        true
    })
    .map_err(|e| e.to_string())?;
    if verbose {
        eprintln!(
            "{} on {} respondents → {}: {:.3} s",
            algorithm.key(),
            pool.len,
            args.panel_size,
            start.elapsed().as_secs_f64()
        );
    }
    let mut value = serde_json::to_value(&selection).map_err(|e| e.to_string())?;
    if let Value::Object(map) = &mut value {
        map.insert(
            "gap".into(),
            selection
                .certificate
                .as_ref()
                .map_or(Value::Null, |c| json!(c.max_gap)),
        );
    }
    if args.compact {
        serde_json::to_string(&value)
    } else {
        serde_json::to_string_pretty(&value)
    }
    .map_err(|e| e.to_string())
}
