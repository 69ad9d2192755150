//! One sweep chart: a metric's mean against the x parameter, one line per series with its 95%
//! band (shaded), Okabe–Ito colours plus a marker shape and a dash pattern per series, a log x
//! axis for grids made on a log scale; through the shared chart frame (table, CSV, SVG, PNG).

use std::rc::Rc;

use dialoglab_engine::metric::Metric;
use dialoglab_engine::sweep::{PointSummary, Scale};
use yew::prelude::*;

use crate::charts::palette;
use crate::charts::scale::{Linear, Log};
use crate::charts::sweep::{band_path, log_ticks, value_range};
use crate::components::chart_frame::{ChartFrame, Mark};
use crate::components::cycles_chart::line_path;
use crate::export::{Cell, Table};
use crate::i18n::Lang;

const WIDTH: f64 = 640.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 16.0;
const PLOT: f64 = 240.0;

/// Colour, dash and marker of series `k` (0 circle, 1 square, 2 triangle, 3 diamond, 4 cross).
#[must_use]
pub fn style(k: usize) -> (&'static str, &'static str, u8) {
    const STYLES: [(&str, &str, u8); 5] = [
        (palette::ORANGE, "", 0),
        (palette::BLUE, "7 3", 1),
        (palette::GREEN, "2 3", 2),
        (palette::VERMILLION, "9 3 2 3", 3),
        (palette::PURPLE, "4 4", 4),
    ];
    STYLES[k % STYLES.len()]
}

/// A marker of kind `kind` at `(x, y)`.
pub fn marker(kind: u8, x: f64, y: f64, colour: &'static str) -> Html {
    let p = |pts: &[(f64, f64)]| {
        pts.iter()
            .map(|(dx, dy)| format!("{:.1},{:.1}", x + dx, y + dy))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match kind {
        0 => {
            html! { <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="4.5" fill={colour} stroke="#000" stroke-width="0.6" /> }
        }
        1 => {
            html! { <rect x={format!("{:.1}", x - 4.0)} y={format!("{:.1}", y - 4.0)} width="8" height="8" fill={colour} stroke="#000" stroke-width="0.6" /> }
        }
        2 => {
            html! { <polygon points={p(&[(0.0, -5.5), (5.0, 4.0), (-5.0, 4.0)])} fill={colour} stroke="#000" stroke-width="0.6" /> }
        }
        3 => {
            html! { <polygon points={p(&[(0.0, -6.0), (5.5, 0.0), (0.0, 6.0), (-5.5, 0.0)])} fill={colour} stroke="#000" stroke-width="0.6" /> }
        }
        _ => {
            html! { <polygon points={p(&[(-5.0, -2.0), (-2.0, -2.0), (-2.0, -5.0), (2.0, -5.0), (2.0, -2.0), (5.0, -2.0), (5.0, 2.0), (2.0, 2.0), (2.0, 5.0), (-2.0, 5.0), (-2.0, 2.0), (-5.0, 2.0)])} fill={colour} stroke="#000" stroke-width="0.6" /> }
        }
    }
}

/// Props of [`SweepChart`].
#[derive(Properties, PartialEq)]
pub struct SweepChartProps {
    /// Interface language.
    pub lang: Lang,
    /// The metric (one of [`Metric::SWEEP`]).
    pub metric: Metric,
    /// Name of the x parameter.
    pub x_name: AttrValue,
    /// Whether x is money (formatted as DKK).
    pub money: bool,
    /// How the x grid was made (log → log axis).
    pub scale: Scale,
    /// Numeric x value of each x index.
    pub xs: Rc<Vec<f64>>,
    /// Name of each series (one entry, empty, without a series axis).
    pub series: Rc<Vec<String>>,
    /// The finished points so far (any order).
    pub points: Rc<Vec<PointSummary>>,
}

/// The chart of one metric.
#[component]
pub fn SweepChart(props: &SweepChartProps) -> Html {
    let lang = props.lang;
    let s = lang.sweep();
    let metric = props.metric;
    let Some(m) = Metric::SWEEP.iter().position(|x| *x == metric) else {
        return Html::default();
    };
    let nx = props.xs.len().max(1);
    let fmt_x = |v: f64| {
        if props.money {
            crate::format::money_dec(lang, v, 0)
        } else {
            crate::format::dec(lang, v, if v.fract() == 0.0 { 0 } else { 2 })
        }
    };
    // (series, x index, mean, lo, hi), in series then x order.
    let mut rows: Vec<(usize, usize, f64, f64, f64, u32)> = props
        .points
        .iter()
        .filter_map(|p| {
            let e = p.metrics.get(m)?;
            let mean = e.mean?;
            let k = p.point as usize;
            Some((
                k / nx,
                k % nx,
                mean,
                e.lo.unwrap_or(mean),
                e.hi.unwrap_or(mean),
                e.n,
            ))
        })
        .collect();
    rows.sort_by_key(|r| (r.0, r.1));
    let lo = rows.iter().map(|r| r.3).fold(f64::INFINITY, f64::min);
    let hi = rows.iter().map(|r| r.4).fold(f64::NEG_INFINITY, f64::max);
    // From zero (the baseline), holding every mean and interval end: nothing is clipped.
    let (y0, y1, yticks) = value_range(lo, hi);
    let y = Linear {
        d0: y0,
        d1: y1,
        r0: TOP + PLOT,
        r1: TOP,
    };
    let (xmin, xmax) = (
        props.xs.iter().copied().fold(f64::INFINITY, f64::min),
        props.xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    );
    let log = props.scale == Scale::Log && xmin > 0.0 && xmax > xmin;
    let (r0, r1) = (LEFT + 8.0, WIDTH - RIGHT - 8.0);
    let xmap = |v: f64| {
        if log {
            Log {
                d0: xmin,
                d1: xmax,
                r0,
                r1,
            }
            .map(v)
        } else if xmax > xmin {
            Linear {
                d0: xmin,
                d1: xmax,
                r0,
                r1,
            }
            .map(v)
        } else {
            f64::midpoint(r0, r1)
        }
    };
    let xticks: Vec<f64> = if log {
        log_ticks(xmin, xmax, 5)
    } else {
        crate::charts::scale::nice_ticks(xmax)
            .into_iter()
            .filter(|v| *v >= xmin && *v <= xmax)
            .collect()
    };
    let series_name = |k: usize| props.series.get(k).cloned().unwrap_or_default();
    let mut curves = Vec::new();
    let mut layers = Vec::new();
    for k in 0..props.series.len().max(1) {
        let own: Vec<_> = rows.iter().filter(|r| r.0 == k).collect();
        if own.is_empty() {
            continue;
        }
        let (colour, dash, kind) = style(k);
        let px: Vec<(f64, f64, f64, f64)> = own
            .iter()
            .map(|r| {
                let xv = props.xs.get(r.1).copied().unwrap_or(0.0);
                (xmap(xv), y.map(r.2), y.map(r.3), y.map(r.4))
            })
            .collect();
        let band: Vec<(f64, f64, f64)> = px.iter().map(|(a, _, l, h)| (*a, *l, *h)).collect();
        let line: Vec<(f64, f64)> = px.iter().map(|(a, b, ..)| (*a, *b)).collect();
        let (first, last) = (own[0], own[own.len() - 1]);
        let name = if series_name(k).is_empty() {
            lang.metric(metric)
        } else {
            series_name(k)
        };
        curves.push((
            name.clone(),
            fmt_x(props.xs.get(first.1).copied().unwrap_or(0.0)),
            first.2,
            fmt_x(props.xs.get(last.1).copied().unwrap_or(0.0)),
            last.2,
        ));
        layers.push(html! {
            <g class="sweep-series">
                <path class="band" d={band_path(&band)} fill={colour} fill-opacity="0.18" stroke="none" />
                <path d={line_path(&line)} fill="none" stroke={colour} stroke-width="2.2" stroke-dasharray={dash} />
                { for own.iter().zip(&px).map(|(r, (a, b, ..))| {
                    let label = format!("{name}, {}: {} ({} – {})",
                        fmt_x(props.xs.get(r.1).copied().unwrap_or(0.0)),
                        lang.metric_value(metric, r.2), lang.metric_value(metric, r.3), lang.metric_value(metric, r.4));
                    html! { <Mark {label} x={*a} y={*b}>{ marker(kind, *a, *b, colour) }</Mark> }
                }) }
            </g>
        });
    }
    let desc = if curves.is_empty() {
        lang.t().running.to_string()
    } else {
        lang.sweep_desc(metric, &props.x_name, &curves)
    };
    let legend = if props.series.len() > 1 {
        html! {
            <ul class="legend">
                { for props.series.iter().enumerate().map(|(k, name)| {
                    let (colour, dash, kind) = style(k);
                    html! {
                        <li>
                            <svg width="34" height="16" viewBox="0 0 34 16" aria-hidden="true">
                                <line x1="1" x2="33" y1="8" y2="8" stroke={colour} stroke-width="2.5" stroke-dasharray={dash} />
                                { marker(kind, 17.0, 8.0, colour) }
                            </svg>
                            { name.clone() }
                        </li>
                    }
                }) }
            </ul>
        }
    } else {
        Html::default()
    };
    let table = Rc::new(Table {
        headers: vec![
            s.series_column.to_string(),
            props.x_name.to_string(),
            s.mean.to_string(),
            s.low.to_string(),
            s.high.to_string(),
            s.runs.to_string(),
        ],
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::Text(series_name(r.0)),
                    Cell::Num(props.xs.get(r.1).copied().unwrap_or(0.0), 0),
                    Cell::Num(r.2, 4),
                    Cell::Num(r.3, 4),
                    Cell::Num(r.4, 4),
                    Cell::Int(u64::from(r.5)),
                ]
            })
            .collect(),
    });
    let title = format!("{} – {}", lang.metric(metric), props.x_name);
    let id = format!("sweep-{}", metric.name().replace(['.', '_'], "-"));
    let height = TOP + PLOT + 48.0;
    html! {
        <ChartFrame id={id} {lang} title={title} desc={desc} width={WIDTH} {height} {table} {legend}>
            { for yticks.iter().map(|v| html! {
                <g class={if v.abs() < 1e-12 { "tick fair" } else { "tick" }}>
                    <line x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={format!("{:.1}", y.map(*v))} y2={format!("{:.1}", y.map(*v))} />
                    <text x={(LEFT - 6.0).to_string()} y={format!("{:.1}", y.map(*v) + 4.0)} text-anchor="end">{ lang.metric_value(metric, *v) }</text>
                </g>
            }) }
            { for xticks.iter().map(|v| html! {
                <text x={format!("{:.1}", xmap(*v))} y={format!("{:.1}", TOP + PLOT + 18.0)} text-anchor="middle">{ fmt_x(*v) }</text>
            }) }
            <text x={format!("{:.1}", f64::midpoint(LEFT, WIDTH))} y={format!("{:.1}", TOP + PLOT + 40.0)} text-anchor="middle" class="axis-label">{ props.x_name.clone() }</text>
            { for layers }
        </ChartFrame>
    }
}
