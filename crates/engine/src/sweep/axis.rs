//! Sweep axes: the varied field, its values, and the `--vary` grammar.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{MAX_AXIS_VALUES, SweepError};
use crate::scenario::Scenario;

/// How an axis's values were made, and how a chart should draw them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Scale {
    /// Listed values (`PATH=v1,v2,v3`), drawn as categories in the given order.
    #[default]
    Categorical,
    /// An evenly spaced grid (`PATH=A..B:lin:N`).
    Linear,
    /// A geometric grid (`PATH=A..B:log:N`): draw on a log axis.
    Log,
}

/// One varied parameter: a dotted scenario path (as [`Scenario::set_path`] takes) and its values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Axis {
    /// Dotted path of the scenario field, e.g. `budget` or `invitation.strategy`.
    pub path: String,
    /// The values in order, as JSON (numbers, strings such as `"targeted"`, booleans).
    pub values: Vec<Value>,
    /// How the values were made.
    #[serde(default)]
    pub scale: Scale,
}

fn grammar(text: &str, problem: impl Into<String>) -> SweepError {
    SweepError::Grammar {
        text: text.to_string(),
        problem: problem.into(),
    }
}

/// `v` rounded to 15 significant digits. A decimal of at most 15 digits converts to `f64`
/// exactly even with a fast JSON parser, so such axis values survive the trip through JSON (the
/// worker's message, a shard file) bit for bit.
fn short(v: f64) -> f64 {
    format!("{v:.14e}").parse().unwrap_or(v)
}

/// The JSON value at a dotted path of `scenario`, if the path names a field.
fn value_at(scenario: &Scenario, path: &str) -> Option<Value> {
    let tree = serde_json::to_value(scenario).ok()?;
    crate::path::get(&tree, path).cloned()
}

impl Axis {
    /// Reads an axis in the CLI grammar, checking the path against `base`:
    ///
    /// - `PATH=A..B:log:N` — `N` values from `A` to `B` (both > 0) evenly spaced in logarithm;
    /// - `PATH=A..B:lin:N` — `N` evenly spaced values from `A` to `B`;
    /// - `PATH=v1,v2,...` — the listed values (JSON when they parse, else strings, as `--set`).
    ///
    /// Grids need `N ≥ 2` and `A ≠ B`. Fractional values are kept to 15 significant digits (so that
    /// they survive JSON exactly). For integer fields (such as `budget`: money is integer)
    /// grid values are rounded to the nearest integer; if rounding makes two values equal the axis
    /// is an error (ask for fewer points). `seed` cannot be an axis: the sweep sets the seeds.
    pub fn parse(text: &str, base: &Scenario) -> Result<Axis, SweepError> {
        let (path, spec) = text
            .split_once('=')
            .ok_or_else(|| grammar(text, "expected PATH=VALUES"))?;
        let path = path.trim();
        let spec = spec.trim();
        if path.is_empty() {
            return Err(grammar(text, "the path is empty"));
        }
        if path == "seed" {
            return Err(grammar(
                text,
                "seed cannot be varied: the sweep runs every point with the same seeds (--seeds, --first-seed)",
            ));
        }
        let current = value_at(base, path)
            .ok_or_else(|| grammar(text, format!("there is no scenario field named {path}")))?;
        if spec.is_empty() {
            return Err(grammar(text, "no values after '='"));
        }
        let axis = if let Some((a, rest)) = spec.split_once("..") {
            Self::parse_grid(text, path, a, rest, &current)?
        } else {
            let values: Vec<Value> = spec
                .split(',')
                .map(|v| {
                    let v = v.trim();
                    match serde_json::from_str::<Value>(v) {
                        Ok(Value::Number(n)) if !(n.is_u64() || n.is_i64()) => n
                            .as_f64()
                            .map_or(Value::Number(n), |f| Value::from(short(f))),
                        Ok(value) => value,
                        Err(_) => Value::String(v.to_string()),
                    }
                })
                .collect();
            if values.iter().any(|v| v.as_str() == Some("")) {
                return Err(grammar(text, "an empty value in the list"));
            }
            Axis {
                path: path.to_string(),
                values,
                scale: Scale::Categorical,
            }
        };
        if axis.values.len() > MAX_AXIS_VALUES as usize {
            return Err(grammar(
                text,
                format!(
                    "{} values; an axis has at most {MAX_AXIS_VALUES}",
                    axis.values.len()
                ),
            ));
        }
        Ok(axis)
    }

    fn parse_grid(
        text: &str,
        path: &str,
        a: &str,
        rest: &str,
        current: &Value,
    ) -> Result<Axis, SweepError> {
        let mut parts = rest.split(':');
        let (Some(b), Some(kind), Some(n), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(grammar(text, "a range needs A..B:log:N or A..B:lin:N"));
        };
        let number = |s: &str, what: &str| -> Result<f64, SweepError> {
            s.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| grammar(text, format!("{what} {s:?} is not a number")))
        };
        let a = number(a, "the start")?;
        let b = number(b, "the end")?;
        let n: u32 = n.trim().parse().map_err(|_| {
            grammar(
                text,
                format!("the number of points {n:?} is not a whole number"),
            )
        })?;
        if !(2..=MAX_AXIS_VALUES).contains(&n) {
            return Err(grammar(
                text,
                format!("a grid needs 2 – {MAX_AXIS_VALUES} points, not {n}"),
            ));
        }
        if a.total_cmp(&b).is_eq() {
            return Err(grammar(text, "the start and the end are equal"));
        }
        let scale = match kind.trim() {
            "log" => {
                if a <= 0.0 || b <= 0.0 {
                    return Err(grammar(text, "a log grid needs a start and end above 0"));
                }
                Scale::Log
            }
            "lin" => Scale::Linear,
            other => {
                return Err(grammar(
                    text,
                    format!("unknown grid {other:?}: use log or lin"),
                ));
            }
        };
        if !current.is_number() {
            return Err(grammar(
                text,
                format!("{path} is not a number ({current}); list its values instead"),
            ));
        }
        let integer = current.is_u64() || current.is_i64();
        let last = f64::from(n - 1);
        let mut values = Vec::with_capacity(n as usize);
        for k in 0..n {
            let t = f64::from(k) / last;
            let v = if k == 0 {
                a
            } else if k == n - 1 {
                b
            } else if scale == Scale::Log {
                libm::exp(libm::log(a) + (libm::log(b) - libm::log(a)) * t)
            } else {
                a + (b - a) * t
            };
            let value = if integer {
                let r = libm::round(v);
                if r >= 0.0 {
                    Value::from(r as u64)
                } else {
                    Value::from(r as i64)
                }
            } else {
                Value::from(short(v))
            };
            if integer && values.last() == Some(&value) {
                return Err(grammar(
                    text,
                    format!(
                        "{path} is a whole number and rounding makes grid values repeat ({value}); ask for fewer points or a wider range"
                    ),
                ));
            }
            values.push(value);
        }
        Ok(Axis {
            path: path.to_string(),
            values,
            scale,
        })
    }

    /// Number of values.
    #[must_use]
    pub fn len(&self) -> u32 {
        self.values.len() as u32
    }

    /// Whether the axis has no values.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}
