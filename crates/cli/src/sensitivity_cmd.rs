//! The `dialoglab sensitivity` subcommand: Morris screening or an ensemble with the robustness of
//! a finding, on all cores, shardable like sweeps ([`crate::shard`]).
//!
//! The output is `Morris::to_csv`/`to_jsonl` or `Ensemble::to_csv`/`to_jsonl` of the engine's
//! [`dialoglab_engine::sensitivity`], the same bytes whatever the thread count or the split in
//! shards.

use dialoglab_engine::sensitivity::ensemble::{Ensemble, EnsembleResult, EnsembleSpec};
use dialoglab_engine::sensitivity::morris::{Morris, MorrisSpec};
use dialoglab_engine::sensitivity::{Factor, default_factors, finding, findings};
use dialoglab_engine::sweep::{Design, Sample};
use dialoglab_engine::{Report, Scenario};
use serde::{Deserialize, Serialize};

use crate::BaseArgs;
use crate::shard::{Format, JobArgs, check_shards, emit, format_of, read_shard};
use crate::sweep_cmd::MergeArgs;

/// The first line of a sensitivity shard file names its format with this.
pub const SHARD_FORMAT: &str = "dialoglab-sensitivity-shard";

/// The analysis method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Method {
    /// Morris elementary effects: `μ*`, `μ`, `σ` per factor and metric.
    Morris,
    /// A Latin hypercube of parameter sets, optionally with the robustness of a finding.
    Ensemble,
}

/// Arguments of `dialoglab sensitivity`.
#[derive(clap::Args, Debug)]
pub struct SensitivityArgs {
    /// Morris screening or an ensemble.
    #[arg(long, value_enum, default_value = "morris")]
    pub method: Method,
    #[command(flatten)]
    pub base: BaseArgs,
    /// A factor and its plausible range: PATH=LOW..HIGH. Repeatable; default: the built-in list
    /// of uncertain coefficients.
    #[arg(long = "factor", value_name = "PATH=LOW..HIGH")]
    pub factor: Vec<String>,
    /// Morris: trajectories r.
    #[arg(long, default_value_t = 20)]
    pub trajectories: u32,
    /// Morris: grid levels p (even).
    #[arg(long, default_value_t = 4)]
    pub levels: u32,
    /// Ensemble: parameter sets N.
    #[arg(long, default_value_t = 200)]
    pub samples: u32,
    /// Seeds per point (default: 2 for Morris, 10 for an ensemble); the same seeds everywhere.
    #[arg(long)]
    pub seeds: Option<u32>,
    /// The first seed (default: the scenario's seed).
    #[arg(long)]
    pub first_seed: Option<u64>,
    /// Seed of the design's own draws (trajectories, Latin hypercube).
    #[arg(long, default_value_t = 1)]
    pub design_seed: u64,
    /// Ensemble: evaluate this headline finding in every member (`--finding list` lists them).
    #[arg(long, value_name = "NAME")]
    pub finding: Option<String>,
    #[command(flatten)]
    pub job: JobArgs,
}

/// What a sensitivity shard file carries: the whole specification of either method.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "method")]
pub enum SensitivitySpec {
    /// A Morris screening.
    Morris(MorrisSpec),
    /// An ensemble.
    Ensemble(EnsembleSpec),
}

/// A validated analysis of either method.
enum Analysis {
    Morris(Morris),
    Ensemble(Ensemble),
}

impl Analysis {
    fn new(spec: &SensitivitySpec) -> Result<Analysis, String> {
        match spec {
            SensitivitySpec::Morris(s) => Morris::new(s.clone()).map(Analysis::Morris),
            SensitivitySpec::Ensemble(s) => Ensemble::new(s.clone()).map(Analysis::Ensemble),
        }
        .map_err(|e| e.to_string())
    }

    fn spec(&self) -> SensitivitySpec {
        match self {
            Analysis::Morris(m) => SensitivitySpec::Morris(m.spec().clone()),
            Analysis::Ensemble(e) => SensitivitySpec::Ensemble(e.spec().clone()),
        }
    }

    /// The output file, and with a finding its robustness.
    fn render(
        &self,
        samples: &[Sample],
        format: Format,
    ) -> Result<(String, Option<EnsembleResult>), String> {
        match self {
            Analysis::Morris(m) => {
                let effects = m.analyse(samples).map_err(|e| e.to_string())?;
                Ok((
                    match format {
                        Format::Csv => Morris::to_csv(&effects),
                        Format::Jsonl => Morris::to_jsonl(&effects),
                    },
                    None,
                ))
            }
            Analysis::Ensemble(e) => {
                let result = e.analyse(samples).map_err(|e| e.to_string())?;
                let text = match format {
                    Format::Csv => e.to_csv(&result),
                    Format::Jsonl => e.to_jsonl(&result),
                };
                Ok((text, Some(result)))
            }
        }
    }
}

impl Design for Analysis {
    fn point_count(&self) -> u32 {
        match self {
            Analysis::Morris(m) => m.point_count(),
            Analysis::Ensemble(e) => e.point_count(),
        }
    }

    fn seeds(&self) -> u32 {
        match self {
            Analysis::Morris(m) => m.seeds(),
            Analysis::Ensemble(e) => e.seeds(),
        }
    }

    fn scenario_for(&self, point: u32, seed_index: u32) -> Scenario {
        match self {
            Analysis::Morris(m) => m.scenario_for(point, seed_index),
            Analysis::Ensemble(e) => e.scenario_for(point, seed_index),
        }
    }

    fn value_count(&self) -> usize {
        match self {
            Analysis::Morris(m) => m.value_count(),
            Analysis::Ensemble(e) => e.value_count(),
        }
    }

    fn values_of(&self, report: &Report) -> Vec<Option<f64>> {
        match self {
            Analysis::Morris(m) => m.values_of(report),
            Analysis::Ensemble(e) => e.values_of(report),
        }
    }
}

/// `PATH=LOW..HIGH` as a factor.
pub fn parse_factor(text: &str) -> Result<Factor, String> {
    let bad = |why: &str| {
        format!(
            "--factor {text}: {why} (write PATH=LOW..HIGH, e.g. attendance.intercept=-5.5..-3.5)"
        )
    };
    let (path, range) = text.split_once('=').ok_or_else(|| bad("no '='"))?;
    let (low, high) = range.split_once("..").ok_or_else(|| bad("no '..'"))?;
    let number = |s: &str| {
        s.trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| bad(&format!("{:?} is not a number", s.trim())))
    };
    Ok(Factor::new(path.trim(), number(low)?, number(high)?))
}

/// The names and claims of the built-in findings, one a line.
fn finding_list() -> String {
    findings()
        .iter()
        .map(|f| format!("{}: {}", f.name, f.statement))
        .collect::<Vec<_>>()
        .join("\n")
}

fn build_spec(args: &SensitivityArgs) -> Result<SensitivitySpec, String> {
    let base = args.base.build(None)?;
    let factors = if args.factor.is_empty() {
        default_factors()
    } else {
        args.factor
            .iter()
            .map(|f| parse_factor(f))
            .collect::<Result<Vec<_>, _>>()?
    };
    let first_seed = args.first_seed.unwrap_or(base.seed);
    Ok(match args.method {
        Method::Morris => {
            if args.finding.is_some() {
                return Err(
                    "--finding needs --method ensemble (Morris screens factors, it does not count members)"
                        .into(),
                );
            }
            SensitivitySpec::Morris(MorrisSpec {
                base,
                factors,
                trajectories: args.trajectories,
                levels: args.levels,
                seeds: args.seeds.unwrap_or(2),
                first_seed,
                design_seed: args.design_seed,
            })
        }
        Method::Ensemble => {
            let finding = args
                .finding
                .as_deref()
                .map(|name| {
                    finding(name).ok_or_else(|| {
                        format!(
                            "--finding: no finding named {name:?}; the findings:\n{}",
                            finding_list()
                        )
                    })
                })
                .transpose()?;
            SensitivitySpec::Ensemble(EnsembleSpec {
                base,
                factors,
                samples: args.samples,
                seeds: args.seeds.unwrap_or(10),
                first_seed,
                design_seed: args.design_seed,
                finding,
            })
        }
    })
}

/// A one-line summary of a finding's robustness, for standard error.
fn summary(result: &EnsembleResult) -> Option<String> {
    let r = result.robustness.as_ref()?;
    let top: Vec<String> = r
        .top_factors
        .iter()
        .map(|i| format!("{} (ρ = {:.2})", i.factor, i.rho))
        .collect();
    let verdict = if r.holds * 10 >= r.members * 9 {
        "robust"
    } else if r.holds * 2 > r.members {
        "holds in most plausible models, not all"
    } else {
        "NOT robust"
    };
    Some(format!(
        "{}: holds in {} of {} ({verdict}){}; moved most by {}",
        r.finding,
        r.holds,
        r.members,
        if r.undefined > 0 {
            format!(", undefined in {}", r.undefined)
        } else {
            String::new()
        },
        top.join(", ")
    ))
}

/// `dialoglab sensitivity`.
pub fn run(args: &SensitivityArgs) -> Result<String, String> {
    if args.finding.as_deref() == Some("list") {
        return Ok(finding_list());
    }
    let plan = args.job.plan()?;
    let analysis = Analysis::new(&build_spec(args)?)?;
    args.job.run(
        plan,
        &analysis,
        (SHARD_FORMAT, &analysis.spec()),
        |samples, format| {
            let (text, result) = analysis.render(samples, format)?;
            if !args.job.quiet
                && let Some(line) = result.as_ref().and_then(summary)
            {
                eprintln!("{line}");
            }
            Ok(text)
        },
    )
}

/// What differs between two specifications, in words.
fn spec_difference(a: &SensitivitySpec, b: &SensitivitySpec) -> String {
    match (a, b) {
        (SensitivitySpec::Morris(a), SensitivitySpec::Morris(b)) => {
            let mut parts = Vec::new();
            if a.base != b.base {
                parts.push("the base scenario".to_string());
            }
            if a.factors != b.factors {
                parts.push("the factors".to_string());
            }
            if (a.trajectories, a.levels) != (b.trajectories, b.levels) {
                parts.push("trajectories or levels".to_string());
            }
            if (a.seeds, a.first_seed, a.design_seed) != (b.seeds, b.first_seed, b.design_seed) {
                parts.push("the seeds".to_string());
            }
            parts.join(", ")
        }
        (SensitivitySpec::Ensemble(a), SensitivitySpec::Ensemble(b)) => {
            let mut parts = Vec::new();
            if a.base != b.base {
                parts.push("the base scenario".to_string());
            }
            if a.factors != b.factors {
                parts.push("the factors".to_string());
            }
            if a.samples != b.samples {
                parts.push(format!("samples ({} vs {})", a.samples, b.samples));
            }
            if (a.seeds, a.first_seed, a.design_seed) != (b.seeds, b.first_seed, b.design_seed) {
                parts.push("the seeds".to_string());
            }
            if a.finding != b.finding {
                parts.push("the finding".to_string());
            }
            parts.join(", ")
        }
        _ => "the method (morris vs ensemble)".to_string(),
    }
}

/// `dialoglab merge` of sensitivity shards.
pub fn merge(args: &MergeArgs) -> Result<String, String> {
    let format = format_of(args.format, args.out.as_deref())?;
    let shards = args
        .files
        .iter()
        .map(|f| read_shard::<SensitivitySpec>(f, SHARD_FORMAT))
        .collect::<Result<Vec<_>, _>>()?;
    let (analysis, samples) = check_shards("analysis", shards, Analysis::new, spec_difference)?;
    let (text, _) = analysis.render(&samples, format)?;
    emit(&text, args.out.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factor_syntax() {
        assert_eq!(
            parse_factor("attendance.intercept=-5.5..-3.5"),
            Ok(Factor::new("attendance.intercept", -5.5, -3.5))
        );
        for (bad, why) in [
            ("budget", "no '='"),
            ("budget=1-2", "no '..'"),
            ("budget=a..2", "\"a\" is not a number"),
            ("budget=1..inf", "\"inf\" is not a number"),
        ] {
            let e = parse_factor(bad).unwrap_err();
            assert!(
                e.contains(why) && e.contains("PATH=LOW..HIGH"),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn spec_round_trips_through_a_shard_header() {
        let base = Scenario::default();
        let spec = SensitivitySpec::Ensemble(EnsembleSpec {
            base,
            factors: default_factors(),
            samples: 3,
            seeds: 2,
            first_seed: 1,
            design_seed: 1,
            finding: finding("targeted-outreach"),
        });
        let text = serde_json::to_string(&spec).unwrap();
        assert!(text.starts_with("{\"method\":\"ensemble\""));
        let back: SensitivitySpec = serde_json::from_str(&text).unwrap();
        assert_eq!(back, spec);
    }
}
