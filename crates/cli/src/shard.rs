//! Running a [`Design`]'s jobs on all cores, split in shards across machines, and the merge of
//! shard files — shared by `dialoglab sweep` and `dialoglab sensitivity`.
//!
//! With `--shard i/n` a run covers jobs `⌊(i−1)·J/n⌋ … ⌊i·J/n⌋ − 1` of the `J` jobs in the
//! design's job order and writes a shard file: JSON Lines whose first line carries the file
//! format, the shard number and the whole specification, followed by one raw sample per job.
//! [`check_shards`] checks that the shards come from the same specification and cover every job
//! exactly once; the caller then analyses the samples exactly as an unsharded run does, so the
//! merged file is byte for byte the same.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use dialoglab_engine::population;
use dialoglab_engine::scenario::PopulationParams;
use dialoglab_engine::sweep::{Design, Sample};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// Version of the shard file format.
pub const SHARD_VERSION: u32 = 1;

/// Output formats of sweeps and analyses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table with a header line.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// The first line of a shard file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShardHeader<S> {
    /// What wrote the file, e.g. `dialoglab-sweep-shard`.
    pub format: String,
    /// [`SHARD_VERSION`].
    pub version: u32,
    /// `i` of `i/n`.
    pub shard: u32,
    /// `n` of `i/n`.
    pub shards: u32,
    /// First job of the shard.
    pub first_job: u32,
    /// One past the last job of the shard.
    pub end_job: u32,
    /// The whole specification.
    pub spec: S,
}

/// Just the format of a shard file's first line.
#[derive(Deserialize)]
struct FormatOnly {
    format: String,
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
pub fn parse_shard(text: &str) -> Result<(u32, u32), String> {
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
#[must_use]
pub fn shard_range(i: u32, n: u32, jobs: u32) -> (u32, u32) {
    let cut = |k: u32| (u64::from(k) * u64::from(jobs) / u64::from(n)) as u32;
    (cut(i - 1), cut(i))
}

/// Where a design's runs go and how they run: the options `dialoglab sweep` and `dialoglab
/// sensitivity` share.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct JobArgs {
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
    /// No progress bar, and no summary on standard error.
    #[arg(long, short)]
    pub quiet: bool,
}

/// What to run: one shard `(i, n)`, or everything into one output of a format.
#[derive(Clone, Copy, Debug)]
pub enum Plan {
    /// Shard `i` of `n`, written as a shard file.
    Shard(u32, u32),
    /// Every job, written in this format.
    Whole(Format),
}

impl JobArgs {
    /// Reads `--shard` and the output format, before anything runs.
    pub fn plan(&self) -> Result<Plan, String> {
        match self.shard.as_deref().map(parse_shard).transpose()? {
            Some((i, n)) => Ok(Plan::Shard(i, n)),
            None => Ok(Plan::Whole(format_of(self.format, self.out.as_deref())?)),
        }
    }

    /// Runs `design`'s jobs as `plan` says, with a progress bar, and writes the shard file (with
    /// `spec` in its header) or what `render` makes of the samples.
    pub fn run<D: Design + Sync, S: Serialize>(
        &self,
        plan: Plan,
        design: &D,
        (shard_format, spec): (&str, &S),
        render: impl FnOnce(&[Sample], Format) -> Result<String, String>,
    ) -> Result<String, String> {
        let (start, end) = match plan {
            Plan::Shard(i, n) => shard_range(i, n, design.job_count()),
            Plan::Whole(_) => (0, design.job_count()),
        };
        let bar = progress_bar(end - start, self.quiet);
        let samples = run_jobs(design, start, end, self.threads, &bar)?;
        bar.finish_and_clear();
        let text = match plan {
            Plan::Shard(i, n) => shard_text(shard_format, spec, (i, n), (start, end), &samples)?,
            Plan::Whole(format) => render(&samples, format)?,
        };
        emit(&text, self.out.as_deref())
    }
}

/// The output format: `format` if given, else from the extension of `out`, else CSV.
pub fn format_of(format: Option<Format>, out: Option<&Path>) -> Result<Format, String> {
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
pub fn emit(text: &str, out: Option<&Path>) -> Result<String, String> {
    match out {
        Some(path) => {
            std::fs::write(path, text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            Ok(String::new())
        }
        None => Ok(text.strip_suffix('\n').unwrap_or(text).to_string()),
    }
}

/// A progress bar of `total` runs on standard error (hidden when `quiet` or not a terminal).
#[must_use]
pub fn progress_bar(total: u32, quiet: bool) -> ProgressBar {
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

/// Runs jobs `start..end` of `design` on `threads` threads (all cores if `None`) and returns
/// their samples in job order. Each (population, seed) is made once and shared by the jobs that
/// need it: the (population, seed) groups of one seed, in the order their points come, are cut
/// into runs ([`guided_runs`]) that threads take whole, one after another as they finish, and
/// a thread's population whose continuous columns alone differ from the one it made before is
/// re-derived from it (`population::rederive`, exactly the population a draw gives) instead of
/// drawn, as a Morris trajectory's steps on trait coefficients allow.
pub fn run_jobs<D: Design + Sync>(
    design: &D,
    start: u32,
    end: u32,
    threads: Option<usize>,
    bar: &ProgressBar,
) -> Result<Vec<Sample>, String> {
    // Group the jobs by the population they run on, in job order.
    let mut distinct: Vec<PopulationParams> = Vec::new();
    let pop_of_point: Vec<usize> = (0..design.point_count())
        .map(|p| {
            let params = design.scenario_for(p, 0).population;
            distinct
                .iter()
                .position(|d| *d == params)
                .unwrap_or_else(|| {
                    distinct.push(params);
                    distinct.len() - 1
                })
        })
        .collect();
    // Keyed by seed first, so that a seed's populations follow each other in point order.
    let mut groups: BTreeMap<(u32, usize), Vec<u32>> = BTreeMap::new();
    for j in start..end {
        let job = design.job(j);
        groups
            .entry((job.seed_index, pop_of_point[job.point as usize]))
            .or_default()
            .push(j);
    }
    let groups: Vec<((u32, usize), Vec<u32>)> = groups.into_iter().collect();
    // One thread's runs: the next run not yet taken, until none is left.
    let take_runs = |runs: &[std::ops::Range<usize>], next: &AtomicUsize| -> Vec<Sample> {
        let mut previous: Option<(u32, usize, population::Population)> = None;
        let mut samples = Vec::new();
        while let Some(run) = runs.get(next.fetch_add(1, Ordering::Relaxed)) {
            for ((seed_index, pop), jobs) in &groups[run.clone()] {
                let seed = design.scenario_for(0, *seed_index).seed;
                let params = &distinct[*pop];
                let derived = previous
                    .as_ref()
                    .filter(|(s, ..)| s == seed_index)
                    .and_then(|(_, p, drawn)| {
                        population::rederive(drawn, &distinct[*p], params, seed)
                    });
                // Drawn afresh into the previous population's memory, which is done with.
                let made = derived.unwrap_or_else(|| {
                    let old = previous.take().map(|(.., drawn)| drawn).unwrap_or_default();
                    population::generate_reusing(params, seed, old)
                });
                // A group's jobs in parallel too, for designs of few populations: a thread with
                // no run left takes some of them.
                samples.par_extend(jobs.par_iter().map(|&j| {
                    let s = design.run_design_job(j, &made);
                    bar.inc(1);
                    s
                }));
                previous = Some((*seed_index, *pop, made));
            }
        }
        samples
    };
    let work = || -> Vec<Sample> {
        let threads = rayon::current_num_threads().max(1);
        let sizes: Vec<usize> = groups.iter().map(|(_, jobs)| jobs.len()).collect();
        let runs = guided_runs(&sizes, threads);
        let next = AtomicUsize::new(0);
        let taken = std::sync::Mutex::new(Vec::new());
        rayon::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|_| {
                    let mut mine = take_runs(&runs, &next);
                    taken
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .append(&mut mine);
                });
            }
        });
        taken
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
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

/// Cuts groups of `sizes` jobs, in order, into runs of consecutive groups for `threads` threads
/// that take the next run whenever they finish one: each run takes at least one group, and
/// groups until it holds a `2 · threads`-th of the jobs not yet in a run. Long runs come first,
/// so that a thread's populations mostly follow one another (and re-derive), and short ones at
/// the end, so that the threads finish at nearly the same time (with equal runs, the last could
/// keep one thread busy for a whole run while the others wait).
fn guided_runs(sizes: &[usize], threads: usize) -> Vec<std::ops::Range<usize>> {
    let mut left: usize = sizes.iter().sum();
    let mut runs = Vec::new();
    let mut first = 0;
    while first < sizes.len() {
        let want = left.div_ceil(2 * threads.max(1));
        let mut end = first;
        let mut jobs = 0;
        while end < sizes.len() && (end == first || jobs < want) {
            jobs += sizes[end];
            end += 1;
        }
        runs.push(first..end);
        left -= jobs;
        first = end;
    }
    runs
}

/// The text of a shard file.
pub fn shard_text<S: Serialize>(
    format: &str,
    spec: &S,
    (shard, shards): (u32, u32),
    (start, end): (u32, u32),
    samples: &[Sample],
) -> Result<String, String> {
    let header = ShardHeader {
        format: format.into(),
        version: SHARD_VERSION,
        shard,
        shards,
        first_job: start,
        end_job: end,
        spec,
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
pub struct Shard<S> {
    /// The file.
    pub file: PathBuf,
    /// Its first line.
    pub header: ShardHeader<S>,
    /// Its samples, in file order.
    pub samples: Vec<Sample>,
}

/// The `format` written in the first line of `file`, or why it cannot be read.
pub fn format_in(file: &Path) -> Result<String, String> {
    let name = file.display();
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {name}: {e}"))?;
    let first = text
        .lines()
        .next()
        .ok_or_else(|| format!("{name} is empty, not a shard file"))?;
    let f: FormatOnly = serde_json::from_str(first).map_err(|e| {
        format!("{name} is not a sweep shard nor a sensitivity shard written with `--shard` (line 1: {e})")
    })?;
    Ok(f.format)
}

/// Reads a shard file whose first line must name `format`.
pub fn read_shard<S: DeserializeOwned>(file: &Path, format: &str) -> Result<Shard<S>, String> {
    let name = file.display();
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {name}: {e}"))?;
    let mut lines = text.lines().enumerate();
    let (_, first) = lines
        .next()
        .ok_or_else(|| format!("{name} is empty, not a shard file"))?;
    let found = format_in(file)?;
    if found != format {
        return Err(format!(
            "{name} is a {found} file, not a {format} file: merge shards of one kind at a time"
        ));
    }
    let header: ShardHeader<S> = serde_json::from_str(first)
        .map_err(|e| format!("{name} is not a {format} file (line 1: {e})"))?;
    if header.version != SHARD_VERSION {
        return Err(format!(
            "{name}: format {} version {} is not {format} version {SHARD_VERSION}",
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

/// Checks that `shards` (of a `what`, e.g. `sweep`) come from one specification (`differ` says in words what differs between
/// two), are split the same way, and together hold every job of `design` (built from that
/// specification) exactly once with the right number of values; returns the design and every
/// sample in job order.
#[allow(
    clippy::too_many_lines,
    reason = "one pass over the shard files that checks each header field in turn"
)]
pub fn check_shards<S: PartialEq, D: Design>(
    what: &str,
    shards: Vec<Shard<S>>,
    design: impl FnOnce(&S) -> Result<D, String>,
    differ: impl Fn(&S, &S) -> String,
) -> Result<(D, Vec<Sample>), String> {
    let first = shards.first().ok_or("no shard files to merge")?;
    for s in &shards[1..] {
        if s.header.spec != first.header.spec {
            return Err(format!(
                "{} and {} come from different {what}s: {} differ",
                first.file.display(),
                s.file.display(),
                differ(&first.header.spec, &s.header.spec)
            ));
        }
        if s.header.shards != first.header.shards {
            return Err(format!(
                "{} is shard {}/{} but {} is shard {}/{}: split the {what} the same way",
                first.file.display(),
                first.header.shard,
                first.header.shards,
                s.file.display(),
                s.header.shard,
                s.header.shards
            ));
        }
    }
    let design = design(&first.header.spec).map_err(|e| {
        format!(
            "{}: the specification in this shard is not valid: {e}",
            first.file.display()
        )
    })?;
    let n = first.header.shards;
    let jobs = design.job_count();
    let values = design.value_count();
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
            if sample.job < start || sample.job >= end {
                return Err(format!(
                    "{name}: job {} is outside shard {i}/{n} (jobs {start}..{end})",
                    sample.job
                ));
            }
            let expected = design.job(sample.job);
            if (expected.point, expected.seed_index) != (sample.point, sample.seed_index) {
                return Err(format!(
                    "{name}: job {} says point {} seed index {}, the specification says point {} seed index {}",
                    sample.job,
                    sample.point,
                    sample.seed_index,
                    expected.point,
                    expected.seed_index
                ));
            }
            if sample.values.len() != values {
                return Err(format!(
                    "{name}: job {} has {} values, expected {values} (one per metric)",
                    sample.job,
                    sample.values.len()
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
    Ok((design, samples))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guided_runs_cover_every_group_once_and_shrink_towards_the_end() {
        for (sizes, threads) in [
            (vec![1; 2_000], 2),
            (vec![1; 7], 2),
            (vec![5, 1, 1, 40, 1, 1, 1, 3], 2),
            (vec![1; 100], 1),
            (vec![3; 50], 4),
            (vec![], 2),
        ] {
            let runs = guided_runs(&sizes, threads);
            let mut next = 0;
            for run in &runs {
                assert_eq!(run.start, next, "{sizes:?}");
                assert!(run.end > run.start);
                next = run.end;
            }
            assert_eq!(next, sizes.len());
        }
        // Two thousand single-job groups on two threads: a quarter first, then less and less,
        // down to single groups at the end.
        let runs = guided_runs(&[1; 2_000], 2);
        let lens: Vec<usize> = runs.iter().map(ExactSizeIterator::len).collect();
        assert_eq!(lens[..3], [500, 375, 282]);
        assert!(lens.windows(2).all(|w| w[1] <= w[0]), "{lens:?}");
        assert_eq!(lens[lens.len() - 4..], [1, 1, 1, 1]);
        assert!(runs.len() < 40, "{}", runs.len());
    }

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
