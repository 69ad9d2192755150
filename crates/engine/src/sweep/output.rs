//! Writing sweep summaries as CSV and JSON Lines.

use std::fmt::Write as _;

use serde_json::Value;

use super::{PointSummary, Sweep};
use crate::csv::{self, json_number};
use crate::metric::Metric;

/// Formats an axis value for CSV: integers as integers, other numbers with Rust's shortest
/// round-trip formatting (plain `.` decimal point, no exponent), booleans as `true`/`false`,
/// strings as themselves (quoted when they contain a comma, quote or line break).
fn csv_value(value: &Value) -> String {
    let text = match value {
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.to_string()
            } else if let Some(i) = n.as_i64() {
                i.to_string()
            } else {
                n.as_f64().map_or_else(String::new, |f| format!("{f}"))
            }
        }
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    csv::field(&text, ',').into_owned()
}

impl Sweep {
    /// The summaries as CSV, one row per point and metric (a "long" table that R, pandas and
    /// spreadsheets pivot easily), points in point order and metrics in [`Metric::SWEEP`] order:
    ///
    /// `point,<x path>[,<series path>],metric,n,mean,ci_low,ci_high`
    ///
    /// Numbers use Rust's shortest round-trip formatting (full precision, `.` as decimal point,
    /// no exponent); an absent mean or interval is an empty field. Lines end with `\n`.
    #[must_use]
    pub fn to_csv(&self, points: &[PointSummary]) -> String {
        // Writing to a String cannot fail.
        let mut out = String::new();
        out.push_str("point,");
        out.push_str(&csv::field(&self.spec.x.path, ','));
        if let Some(series) = &self.spec.series {
            out.push(',');
            out.push_str(&csv::field(&series.path, ','));
        }
        out.push_str(",metric,n,mean,ci_low,ci_high\n");
        for p in points {
            let mut head = format!("{},{}", p.point, csv_value(&p.x));
            if let Some(series) = &p.series {
                head.push(',');
                head.push_str(&csv_value(series));
            }
            for (name, e) in Metric::SWEEP.iter().map(|m| m.name()).zip(&p.metrics) {
                let _ = writeln!(
                    out,
                    "{head},{name},{},{},{},{}",
                    e.n,
                    csv::number(e.mean),
                    csv::number(e.lo),
                    csv::number(e.hi)
                );
            }
        }
        out
    }

    /// The summaries as JSON Lines, one object per point in point order:
    ///
    /// `{"point":0,"<x path>":X,["<series path>":S,]"runs":R,"metrics":{"<metric>":{"n":N,"mean":M,"ci_low":L,"ci_high":H},...}}`
    ///
    /// with metrics in [`Metric::SWEEP`] order, `null` for an absent mean or interval, and numbers in
    /// shortest round-trip form. Lines end with `\n`.
    #[must_use]
    pub fn to_jsonl(&self, points: &[PointSummary]) -> String {
        let key = |k: &str| Value::from(k).to_string();
        let mut out = String::new();
        for p in points {
            let _ = write!(
                out,
                "{{\"point\":{},{}:{}",
                p.point,
                key(&self.spec.x.path),
                p.x
            );
            if let (Some(axis), Some(value)) = (&self.spec.series, &p.series) {
                let _ = write!(out, ",{}:{value}", key(&axis.path));
            }
            let _ = write!(out, ",\"runs\":{},\"metrics\":{{", p.runs);
            for (k, (name, e)) in Metric::SWEEP
                .iter()
                .map(|m| m.name())
                .zip(&p.metrics)
                .enumerate()
            {
                if k > 0 {
                    out.push(',');
                }
                let _ = write!(
                    out,
                    "{}:{{\"n\":{},\"mean\":{},\"ci_low\":{},\"ci_high\":{}}}",
                    key(name),
                    e.n,
                    json_number(e.mean),
                    json_number(e.lo),
                    json_number(e.hi)
                );
            }
            out.push_str("}}\n");
        }
        out
    }
}
