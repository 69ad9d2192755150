//! Over the years: representativeness of the attendees, the share of repeat attendees, turnout,
//! and the efficacy of marginalised citizens, one line each (colour, dash and marker differ).

use std::fmt::Write;
use std::rc::Rc;

use dialoglab_engine::report::CycleReport;
use yew::prelude::*;

pub use crate::charts::kinds::Series;
use crate::charts::scale::Linear;
use crate::components::chart_frame::{ChartFrame, Mark};
use crate::export::{Cell, Table};
use crate::format;
use crate::i18n::Lang;

const WIDTH: f64 = 640.0;
const LEFT: f64 = 50.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 20.0;
const PLOT: f64 = 220.0;

/// An SVG path through the points.
#[must_use]
pub fn line_path(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (k, (x, y)) in points.iter().enumerate() {
        let _ = write!(d, "{}{x:.1} {y:.1}", if k == 0 { "M" } else { "L" });
    }
    d
}

fn marker(kind: u8, x: f64, y: f64, colour: &'static str) -> Html {
    match kind {
        0 => {
            html! { <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="4.5" fill={colour} stroke="#000" stroke-width="0.6" /> }
        }
        1 => {
            html! { <polygon points={format!("{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}", y - 6.0, x + 6.0, y + 6.0, x - 6.0)} fill={colour} stroke="#000" stroke-width="0.6" /> }
        }
        2 => {
            html! { <rect x={format!("{:.1}", x - 4.5)} y={format!("{:.1}", y - 4.5)} width="9" height="9" fill={colour} stroke="#000" stroke-width="0.6" /> }
        }
        _ => {
            html! { <polygon points={format!("{x:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", y - 6.0, x + 5.5, y + 4.5, x - 5.5, y + 4.5)} fill={colour} stroke="#000" stroke-width="0.6" /> }
        }
    }
}

/// Props of [`CyclesChart`].
#[derive(Properties, PartialEq)]
pub struct CyclesChartProps {
    /// Interface language.
    pub lang: Lang,
    /// One entry per year.
    pub cycles: Rc<Vec<CycleReport>>,
}

/// The chart.
#[component]
pub fn CyclesChart(props: &CyclesChartProps) -> Html {
    let lang = props.lang;
    let t = lang.t();
    let years = props.cycles.len().max(2);
    let x = Linear {
        d0: 1.0,
        d1: years as f64,
        r0: LEFT + 10.0,
        r1: WIDTH - RIGHT - 10.0,
    };
    let y = Linear {
        d0: 0.0,
        d1: 1.0,
        r0: TOP + PLOT,
        r1: TOP,
    };
    let first = props.cycles.first();
    let last = props.cycles.last();
    let desc = match (first, last) {
        (Some(a), Some(b)) => lang.cycles_desc(
            props.cycles.len(),
            (a.representativeness, b.representativeness),
            b.repeat_share,
            (
                Series::EfficacyMarginalised.value(a),
                Series::EfficacyMarginalised.value(b),
            ),
        ),
        _ => String::new(),
    };
    let legend = html! {
        <ul class="legend">
            { for Series::ALL.iter().map(|(s, colour, dash, m)| html! {
                <li>
                    <svg width="34" height="16" viewBox="0 0 34 16" aria-hidden="true">
                        <line x1="1" x2="33" y1="8" y2="8" stroke={*colour} stroke-width="2.5" stroke-dasharray={*dash} />
                        { marker(*m, 17.0, 8.0, colour) }
                    </svg>
                    { lang.series(*s) }
                </li>
            }) }
        </ul>
    };
    let mut headers = vec![t.cycles_axis.to_string()];
    headers.extend(
        Series::ALL
            .iter()
            .map(|(s, ..)| lang.series(*s).to_string()),
    );
    let table = Rc::new(Table {
        headers,
        rows: props
            .cycles
            .iter()
            .map(|c| {
                let mut row = vec![Cell::Text(c.year.to_string())];
                row.extend(Series::ALL.iter().map(|(s, ..)| Cell::Num(s.value(c), 3)));
                row
            })
            .collect(),
    });
    let height = TOP + PLOT + 50.0;
    html! {
        <ChartFrame id="cycles-chart" {lang} title={t.cycles_title} desc={desc} width={WIDTH} {height} {table} {legend}>
            { for [0.0, 0.25, 0.5, 0.75, 1.0].iter().map(|v| html! {
                <g class="tick">
                    <line x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={format!("{:.1}", y.map(*v))} y2={format!("{:.1}", y.map(*v))} />
                    <text x={(LEFT - 6.0).to_string()} y={format!("{:.1}", y.map(*v) + 4.0)} text-anchor="end">{ format::dec(lang, *v, 2) }</text>
                </g>
            }) }
            { for props.cycles.iter().map(|c| html! {
                <text x={format!("{:.1}", x.map(f64::from(c.year)))} y={format!("{:.1}", TOP + PLOT + 18.0)} text-anchor="middle">{ c.year }</text>
            }) }
            <text x={format!("{:.1}", f64::midpoint(LEFT, WIDTH))} y={format!("{:.1}", TOP + PLOT + 40.0)} text-anchor="middle" class="axis-label">{ t.cycles_axis }</text>
            { for Series::ALL.iter().map(|(s, colour, dash, m)| {
                let points: Vec<(f64, f64)> = props.cycles.iter().map(|c| (x.map(f64::from(c.year)), y.map(s.value(c)))).collect();
                html! {
                    <g>
                        <path d={line_path(&points)} fill="none" stroke={*colour} stroke-width="2.5" stroke-dasharray={*dash} />
                        { for props.cycles.iter().zip(&points).map(|(c, (px, py))| {
                            let label = format!("{} {} – {}: {}", t.cycles_axis, c.year, lang.series(*s), format::dec(lang, s.value(c), 3));
                            html! { <Mark {label} x={*px} y={*py}>{ marker(*m, *px, *py, colour) }</Mark> }
                        }) }
                    </g>
                }
            }) }
        </ChartFrame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_start_with_a_move_and_series_read_the_report() {
        assert_eq!(line_path(&[(1.0, 2.0), (3.0, 4.3)]), "M1.0 2.0L3.0 4.3");
        let s = dialoglab_engine::Scenario {
            cycles: 3,
            ..Default::default()
        };
        let r = dialoglab_engine::run(&s).unwrap();
        assert_eq!(r.cycles.len(), 3);
        for (series, ..) in Series::ALL {
            for c in &r.cycles {
                assert!((0.0..=1.0).contains(&series.value(c)), "{series:?}");
            }
        }
    }
}
