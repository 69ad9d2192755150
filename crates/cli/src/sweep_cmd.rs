//! The `dialoglab sweep` and `dialoglab merge` subcommands: sweeps on all cores, sharded across
//! machines, and the merge of shard files into the file one unsharded run writes.
//!
//! A sweep's output is `Sweep::to_csv` or `Sweep::to_jsonl` of the engine (chosen by `--format`,
//! else by the `--out` extension, else CSV). With `--shard i/n` the run covers jobs
//! `⌊(i−1)·J/n⌋ … ⌊i·J/n⌋ − 1` of the `J` jobs in the engine's job order and writes a shard file
//! instead: JSON Lines whose first line carries the shard number and the whole sweep
//! specification, followed by one raw sample per job. `merge` checks that the shards come from the
//! same specification and cover every job exactly once, then aggregates them exactly as an
//! unsharded run does, so the merged file is byte for byte the same.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use dialoglab_engine::population;
use dialoglab_engine::sweep::{Axis, METRICS, Sample, Sweep, SweepSpec};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::RunArgs;

/// The first line of a shard file names its format with this.
const SHARD_FORMAT: &str = "dialoglab-sweep-shard";
/// Version of the shard file format.
const SHARD_VERSION: u32 = 1;

/// Output formats of a sweep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One row per point and metric: point, x, series, metric, n, mean, `ci_low`, `ci_high`.
    Csv,
    /// One JSON object per point.
    Jsonl,
}

/// Arguments of `dialoglab sweep`.
#[derive(clap::Args, Debug)]
pub struct SweepArgs {
    /// Start from this preset (default: faxe-dialogue).
    #[arg(long, conflicts_with = "scenario")]
    pub preset: Option<String>,
    /// Start from this scenario JSON file.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Change a field of the base scenario: dotted.path=VALUE. Repeatable.
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,
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
    /// Write to this file (.csv or .jsonl) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Output format (default: from the --out extension, else csv). Ignored with --shard.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Run only shard i of n (1 ≤ i ≤ n) and write a shard file for `dialoglab merge`.
    #[arg(long, value_name = "i/n")]
    pub shard: Option<String>,
    /// Worker threads (default: every core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Arguments of `dialoglab merge`.
#[derive(clap::Args, Debug)]
pub struct MergeArgs {
    /// The shard files written by `dialoglab sweep --shard i/n`, in any order.
    #[arg(required = true, value_name = "SHARD")]
    pub files: Vec<PathBuf>,
    /// Write to this file (.csv or .jsonl) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Output format (default: from the --out extension, else csv).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// The first line of a shard file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ShardHeader {
    format: String,
    version: u32,
    shard: u32,
    shards: u32,
    first_job: u32,
    end_job: u32,
    spec: SweepSpec,
}

/// One sample line of a shard file as read: the values stay text until parsed exactly.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleLine<'a> {
    job: u32,
    point: u32,
    seed_index: u32,
    #[serde(borrow)]
    values: Vec<&'a RawValue>,
}

/// `--shard i/n` as `(i, n)`.
fn parse_shard(text: &str) -> Result<(u32, u32), String> {
    let bad = |why: &str| format!("--shard {text}: {why} (write i/n with 1 ≤ i ≤ n, e.g. 2/8)");
    let (i, n) = text.split_once('/').ok_or_else(|| bad("no '/'"))?;
    let i: u32 = i
        .trim()
        .parse()
        .map_err(|_| bad(&format!("{i:?} is not a whole number")))?;
    let n: u32 = n
        .trim()
        .parse()
        .map_err(|_| bad(&format!("{n:?} is not a whole number")))?;
    if n == 0 {
        return Err(bad("n must be at least 1"));
    }
    if i == 0 || i > n {
        return Err(bad(&format!("i must be between 1 and {n}")));
    }
    Ok((i, n))
}

/// Jobs `start..end` of shard `i` of `n` among `jobs` jobs.
fn shard_range(i: u32, n: u32, jobs: u32) -> (u32, u32) {
    let cut = |k: u32| (u64::from(k) * u64::from(jobs) / u64::from(n)) as u32;
    (cut(i - 1), cut(i))
}

fn format_of(format: Option<Format>, out: Option<&Path>) -> Result<Format, String> {
    if let Some(f) = format {
        return Ok(f);
    }
    match out.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        None | Some("csv") => Ok(Format::Csv),
        Some("jsonl" | "ndjson") => Ok(Format::Jsonl),
        Some(other) => Err(format!(
            "cannot tell the format of .{other} files: use .csv or .jsonl, or give --format"
        )),
    }
}

/// Writes `text` to `out`, or returns it (without its final line break) for standard output.
fn emit(text: &str, out: Option<&Path>) -> Result<String, String> {
    match out {
        Some(path) => {
            std::fs::write(path, text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            Ok(String::new())
        }
        None => Ok(text.strip_suffix('\n').unwrap_or(text).to_string()),
    }
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
    let base = crate::build_scenario(&RunArgs {
        preset: args.preset.clone(),
        scenario: args.scenario.clone(),
        seed: None,
        set: args.set.clone(),
        compact: false,
        export_pb: None,
    })?;
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

/// Runs jobs `start..end` on `threads` threads (all cores if `None`) and returns their samples in
/// job order. Each (population, seed) is drawn once and shared by the jobs that need it.
fn run_jobs(
    sweep: &Sweep,
    start: u32,
    end: u32,
    threads: Option<usize>,
    bar: &ProgressBar,
) -> Result<Vec<Sample>, String> {
    // Group the jobs by the population they run on, in job order.
    let mut distinct: Vec<dialoglab_engine::scenario::PopulationParams> = Vec::new();
    let pop_of_point: Vec<usize> = (0..sweep.point_count())
        .map(|p| {
            let params = sweep.scenario_for(p, 0).population;
            distinct
                .iter()
                .position(|d| *d == params)
                .unwrap_or_else(|| {
                    distinct.push(params);
                    distinct.len() - 1
                })
        })
        .collect();
    let mut groups: std::collections::BTreeMap<(usize, u32), Vec<u32>> =
        std::collections::BTreeMap::new();
    for j in start..end {
        let job = sweep.job(j);
        groups
            .entry((pop_of_point[job.point as usize], job.seed_index))
            .or_default()
            .push(j);
    }
    let groups: Vec<((usize, u32), Vec<u32>)> = groups.into_iter().collect();
    let work = || -> Vec<Sample> {
        groups
            .par_iter()
            .flat_map(|((pop, seed_index), jobs)| {
                let pop = population::generate(&distinct[*pop], sweep.seed(*seed_index));
                jobs.par_iter()
                    .map(|&j| {
                        let s = sweep.run_job_with(j, &pop);
                        bar.inc(1);
                        s
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let mut samples = match threads {
        None => work(),
        Some(0) => return Err("--threads must be at least 1".into()),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| format!("cannot start {n} threads: {e}"))?
            .install(work),
    };
    samples.sort_by_key(|s| s.job);
    Ok(samples)
}

fn progress_bar(total: u32, quiet: bool) -> ProgressBar {
    let target = if quiet || !std::io::stderr().is_terminal() {
        ProgressDrawTarget::hidden()
    } else {
        ProgressDrawTarget::stderr()
    };
    let bar = ProgressBar::with_draw_target(Some(u64::from(total)), target);
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} runs ({per_sec}, {eta} left)",
    ) {
        bar.set_style(style);
    }
    bar
}

/// `dialoglab sweep`.
pub fn sweep(args: &SweepArgs) -> Result<String, String> {
    let shard = args.shard.as_deref().map(parse_shard).transpose()?;
    let format = match shard {
        None => Some(format_of(args.format, args.out.as_deref())?),
        Some(_) => None,
    };
    let spec = build_spec(args)?;
    let sweep = Sweep::new(spec).map_err(|e| e.to_string())?;
    let (start, end) = match shard {
        Some((i, n)) => shard_range(i, n, sweep.job_count()),
        None => (0, sweep.job_count()),
    };
    let bar = progress_bar(end - start, args.quiet);
    let samples = run_jobs(&sweep, start, end, args.threads, &bar)?;
    bar.finish_and_clear();
    let text = match shard {
        Some((i, n)) => shard_text(&sweep, i, n, start, end, &samples)?,
        None => render(&sweep, &samples, format.unwrap_or(Format::Csv)),
    };
    emit(&text, args.out.as_deref())
}

fn shard_text(
    sweep: &Sweep,
    shard: u32,
    shards: u32,
    start: u32,
    end: u32,
    samples: &[Sample],
) -> Result<String, String> {
    let header = ShardHeader {
        format: SHARD_FORMAT.into(),
        version: SHARD_VERSION,
        shard,
        shards,
        first_job: start,
        end_job: end,
        spec: sweep.spec().clone(),
    };
    let mut out = serde_json::to_string(&header).map_err(|e| e.to_string())?;
    out.push('\n');
    for s in samples {
        out.push_str(&serde_json::to_string(s).map_err(|e| e.to_string())?);
        out.push('\n');
    }
    Ok(out)
}

/// One shard file, read and checked on its own.
struct Shard {
    file: PathBuf,
    header: ShardHeader,
    samples: Vec<Sample>,
}

fn read_shard(file: &Path) -> Result<Shard, String> {
    let name = file.display();
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {name}: {e}"))?;
    let mut lines = text.lines().enumerate();
    let (_, first) = lines
        .next()
        .ok_or_else(|| format!("{name} is empty, not a sweep shard"))?;
    let header: ShardHeader = serde_json::from_str(first).map_err(|e| {
        format!("{name} is not a sweep shard written by `dialoglab sweep --shard` (line 1: {e})")
    })?;
    if header.format != SHARD_FORMAT || header.version != SHARD_VERSION {
        return Err(format!(
            "{name}: format {} version {} is not {SHARD_FORMAT} version {SHARD_VERSION}",
            header.format, header.version
        ));
    }
    let mut samples = Vec::new();
    for (k, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let at = || format!("{name} line {}", k + 1);
        let s: SampleLine = serde_json::from_str(line).map_err(|e| format!("{}: {e}", at()))?;
        let values = s
            .values
            .iter()
            .map(|raw| match raw.get() {
                "null" => Ok(None),
                text => text
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .map(Some)
                    .ok_or_else(|| format!("{}: {text:?} is not a number", at())),
            })
            .collect::<Result<Vec<_>, _>>()?;
        if values.len() != METRICS.len() {
            return Err(format!(
                "{}: {} values, expected {} (one per metric)",
                at(),
                values.len(),
                METRICS.len()
            ));
        }
        samples.push(Sample {
            job: s.job,
            point: s.point,
            seed_index: s.seed_index,
            values,
        });
    }
    Ok(Shard {
        file: file.to_path_buf(),
        header,
        samples,
    })
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

/// `dialoglab merge`.
pub fn merge(args: &MergeArgs) -> Result<String, String> {
    let format = format_of(args.format, args.out.as_deref())?;
    let shards = args
        .files
        .iter()
        .map(|f| read_shard(f))
        .collect::<Result<Vec<_>, _>>()?;
    let first = &shards[0];
    for s in &shards[1..] {
        if s.header.spec != first.header.spec {
            return Err(format!(
                "{} and {} come from different sweeps: {} differ",
                first.file.display(),
                s.file.display(),
                spec_difference(&first.header.spec, &s.header.spec)
            ));
        }
        if s.header.shards != first.header.shards {
            return Err(format!(
                "{} is shard {}/{} but {} is shard {}/{}: split the sweep the same way",
                first.file.display(),
                first.header.shard,
                first.header.shards,
                s.file.display(),
                s.header.shard,
                s.header.shards
            ));
        }
    }
    let sweep = Sweep::new(first.header.spec.clone()).map_err(|e| {
        format!(
            "{}: the sweep in this shard is not valid: {e}",
            first.file.display()
        )
    })?;
    let n = first.header.shards;
    let jobs = sweep.job_count();
    let mut seen: Vec<Option<&Path>> = vec![None; n as usize];
    for s in &shards {
        let i = s.header.shard;
        let name = s.file.display();
        if i == 0 || i > n {
            return Err(format!("{name}: shard {i}/{n} does not exist"));
        }
        if let Some(other) = seen[(i - 1) as usize] {
            return Err(format!(
                "shard {i}/{n} is given twice: {} and {name}",
                other.display()
            ));
        }
        seen[(i - 1) as usize] = Some(&s.file);
        let (start, end) = shard_range(i, n, jobs);
        if (s.header.first_job, s.header.end_job) != (start, end) {
            return Err(format!(
                "{name}: shard {i}/{n} should hold jobs {start}..{end}, its header says {}..{}",
                s.header.first_job, s.header.end_job
            ));
        }
        let mut have = vec![false; (end - start) as usize];
        for sample in &s.samples {
            let expected = sweep.job(sample.job);
            if sample.job < start || sample.job >= end {
                return Err(format!(
                    "{name}: job {} is outside shard {i}/{n} (jobs {start}..{end})",
                    sample.job
                ));
            }
            if (expected.point, expected.seed_index) != (sample.point, sample.seed_index) {
                return Err(format!(
                    "{name}: job {} says point {} seed index {}, the sweep says point {} seed index {}",
                    sample.job,
                    sample.point,
                    sample.seed_index,
                    expected.point,
                    expected.seed_index
                ));
            }
            let slot = &mut have[(sample.job - start) as usize];
            if *slot {
                return Err(format!("{name}: job {} appears twice", sample.job));
            }
            *slot = true;
        }
        let missing: Vec<u32> = have
            .iter()
            .enumerate()
            .filter(|(_, h)| !**h)
            .map(|(k, _)| start + k as u32)
            .collect();
        if let Some(&m) = missing.first() {
            return Err(format!(
                "{name}: shard {i}/{n} is incomplete: {} of its {} runs are missing (the first is job {m}); rerun it",
                missing.len(),
                end - start
            ));
        }
    }
    let absent: Vec<String> = seen
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_none())
        .map(|(k, _)| {
            let (a, b) = shard_range(k as u32 + 1, n, jobs);
            format!("{}/{n} (jobs {a}..{b})", k + 1)
        })
        .collect();
    if !absent.is_empty() {
        return Err(format!(
            "missing shard{}: {}",
            if absent.len() > 1 { "s" } else { "" },
            absent.join(", ")
        ));
    }
    let mut samples: Vec<Sample> = shards.into_iter().flat_map(|s| s.samples).collect();
    samples.sort_by_key(|s| s.job);
    emit(&render(&sweep, &samples, format), args.out.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_the_jobs() {
        for jobs in [0, 1, 7, 100, 1_600] {
            for n in 1..=9 {
                let mut next = 0;
                for i in 1..=n {
                    let (a, b) = shard_range(i, n, jobs);
                    assert_eq!(a, next);
                    assert!(b >= a);
                    next = b;
                }
                assert_eq!(next, jobs);
            }
        }
    }

    #[test]
    fn shard_syntax() {
        assert_eq!(parse_shard("2/3"), Ok((2, 3)));
        assert_eq!(parse_shard(" 1 / 1 "), Ok((1, 1)));
        for (bad, why) in [
            ("3", "no '/'"),
            ("0/3", "between 1 and 3"),
            ("4/3", "between 1 and 3"),
            ("1/0", "at least 1"),
            ("a/3", "\"a\" is not a whole number"),
            ("1/-2", "\"-2\" is not a whole number"),
        ] {
            let e = parse_shard(bad).unwrap_err();
            assert!(e.contains(why) && e.contains("i/n"), "{bad}: {e}");
        }
    }
}
