//! The `dialoglab sweep` subcommand and the merge of its shards: sweeps on all cores, sharded
//! across machines ([`crate::shard`]), and the merge of shard files into the file one unsharded
//! run writes.
//!
//! A sweep's output is `Sweep::to_csv` or `Sweep::to_jsonl` of the engine (chosen by `--format`,
//! else by the `--out` extension, else CSV). With `--shard i/n` the run covers jobs
//! `⌊(i−1)·J/n⌋ … ⌊i·J/n⌋ − 1` of the `J` jobs in the engine's job order and writes a shard file
//! instead: JSON Lines whose first line carries the shard number and the whole sweep
//! specification, followed by one raw sample per job. `merge` checks that the shards come from the
//! same specification and cover every job exactly once, then aggregates them exactly as an
//! unsharded run does, so the merged file is byte for byte the same.

use std::path::PathBuf;

use dialoglab_engine::sweep::{Axis, Sample, Sweep, SweepSpec};

use crate::BaseArgs;
use crate::shard::{Format, JobArgs, check_shards, emit, format_of, read_shard};

/// The first line of a sweep's shard file names its format with this.
pub const SHARD_FORMAT: &str = "dialoglab-sweep-shard";

/// Arguments of `dialoglab sweep`.
#[derive(clap::Args, Debug)]
pub struct SweepArgs {
    #[command(flatten)]
    pub base: BaseArgs,
    /// A varied field: PATH=A..B:log:N (log grid), PATH=A..B:lin:N (even grid) or PATH=v1,v2,...
    /// The first --vary is the x axis, the second (optional) the series. Integer fields such as
    /// budget are rounded to whole numbers.
    #[arg(long = "vary", value_name = "AXIS", required = true)]
    pub vary: Vec<String>,
    /// Runs per point (seeds first-seed, first-seed + 1, ...).
    #[arg(long, default_value_t = 20)]
    pub seeds: u32,
    /// The first seed (default: the scenario's seed).
    #[arg(long)]
    pub first_seed: Option<u64>,
    #[command(flatten)]
    pub job: JobArgs,
}

/// Arguments of `dialoglab merge`.
#[derive(clap::Args, Debug)]
pub struct MergeArgs {
    /// The shard files written by `dialoglab sweep --shard i/n` (or `sensitivity`), in any order.
    #[arg(required = true, value_name = "SHARD")]
    pub files: Vec<PathBuf>,
    /// Write to this file (.csv or .jsonl) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Output format (default: from the --out extension, else csv).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

fn render(sweep: &Sweep, samples: &[Sample], format: Format) -> String {
    let points = sweep.aggregate(samples);
    match format {
        Format::Csv => sweep.to_csv(&points),
        Format::Jsonl => sweep.to_jsonl(&points),
    }
}

/// Builds the sweep specification from the arguments.
fn build_spec(args: &SweepArgs) -> Result<SweepSpec, String> {
    let base = args.base.build(None)?;
    let mut axes = args
        .vary
        .iter()
        .map(|text| Axis::parse(text, &base).map_err(|e| format!("--vary: {e}")));
    let x = axes.next().ok_or("give at least one --vary")??;
    let series = axes.next().transpose()?;
    if args.vary.len() > 2 {
        return Err(format!(
            "--vary was given {} times; a sweep has an x axis and at most one series axis (for more, run one sweep per value of the third field)",
            args.vary.len()
        ));
    }
    Ok(SweepSpec {
        first_seed: args.first_seed.unwrap_or(base.seed),
        base,
        x,
        series,
        seeds: args.seeds,
    })
}

/// `dialoglab sweep`.
pub fn sweep(args: &SweepArgs) -> Result<String, String> {
    let plan = args.job.plan()?;
    let sweep = Sweep::new(build_spec(args)?).map_err(|e| e.to_string())?;
    args.job.run(
        plan,
        &sweep,
        (SHARD_FORMAT, sweep.spec()),
        |samples, format| Ok(render(&sweep, samples, format)),
    )
}

/// What differs between two specifications, in words.
fn spec_difference(a: &SweepSpec, b: &SweepSpec) -> String {
    let mut parts = Vec::new();
    if a.base != b.base {
        parts.push("the base scenario".to_string());
    }
    if a.x != b.x {
        parts.push(format!("the x axis ({} vs {})", a.x.path, b.x.path));
    }
    if a.series != b.series {
        parts.push("the series axis".to_string());
    }
    if a.seeds != b.seeds {
        parts.push(format!("seeds ({} vs {})", a.seeds, b.seeds));
    }
    if a.first_seed != b.first_seed {
        parts.push(format!("first seed ({} vs {})", a.first_seed, b.first_seed));
    }
    parts.join(", ")
}

/// `dialoglab merge` of sweep shards.
pub fn merge(args: &MergeArgs) -> Result<String, String> {
    let format = format_of(args.format, args.out.as_deref())?;
    let shards = args
        .files
        .iter()
        .map(|f| read_shard::<SweepSpec>(f, SHARD_FORMAT))
        .collect::<Result<Vec<_>, _>>()?;
    let (sweep, samples) = check_shards(
        "sweep",
        shards,
        |spec| Sweep::new(spec.clone()).map_err(|e| e.to_string()),
        spec_difference,
    )?;
    emit(&render(&sweep, &samples, format), args.out.as_deref())
}
