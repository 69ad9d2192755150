//! The real-data view's charts: measures per rule, satisfaction by group, the reweighted vote,
//! turnout by group.

use std::rc::Rc;

use dialoglab_engine::pb::study::Study;
use yew::prelude::*;

use super::tables::{TableBlock, same_set};
use crate::charts::palette;
use crate::components::chart_frame::{ChartFrame, Mark};
use crate::export::{Cell, Table};
use crate::format;
use crate::i18n::Lang;

const WIDTH: f64 = 640.0;
const LEFT: f64 = 150.0;
const ROW: f64 = 26.0;

/// A measure of the analytics chart: name, colour, value.
type Measure = (
    &'static str,
    &'static str,
    fn(&dialoglab_engine::pb::Analytics) -> f64,
);

/// x position of a share on the 0 – 100 % axis.
#[must_use]
pub fn share_x(share: f64) -> f64 {
    LEFT + share.clamp(0.0, 1.0) * (WIDTH - LEFT - 20.0)
}

/// Measures per rule as a dot plot: budget used (circle), voters with a winner (square), Gini
/// (triangle), on one 0 – 100 % axis.
#[component]
pub(super) fn AnalyticsChart(props: &StudyProps) -> Html {
    let lang = props.lang;
    let t = lang.pb();
    let study = &props.study;
    let table = Rc::new(Table {
        headers: vec![
            t.col_rule.into(),
            t.col_budget_used.into(),
            t.col_share_winner.into(),
            t.col_gini.into(),
        ],
        rows: study
            .outcomes
            .iter()
            .map(|o| {
                vec![
                    Cell::Text(o.rule.name().into()),
                    Cell::Share(o.analytics.budget_share_used),
                    Cell::Share(o.analytics.share_with_winner),
                    Cell::Num(o.analytics.gini_cost_satisfaction, 3),
                ]
            })
            .collect(),
    });
    let by_share = |o: &&dialoglab_engine::pb::study::Outcome| o.analytics.share_with_winner;
    let best = study
        .outcomes
        .iter()
        .max_by(|a, b| by_share(a).total_cmp(&by_share(b)));
    let worst = study
        .outcomes
        .iter()
        .min_by(|a, b| by_share(a).total_cmp(&by_share(b)));
    let desc = match (best, worst) {
        (Some(b), Some(w)) => lang.pb_analytics_desc(
            (b.rule.name(), b.analytics.share_with_winner),
            (w.rule.name(), w.analytics.share_with_winner),
        ),
        _ => String::new(),
    };
    let height = 30.0 + ROW * study.outcomes.len() as f64 + 30.0;
    let measures: [Measure; 3] = [
        (t.col_budget_used, palette::BLUE, |a| a.budget_share_used),
        (t.col_share_winner, palette::ORANGE, |a| a.share_with_winner),
        (t.col_gini, palette::GREEN, |a| a.gini_cost_satisfaction),
    ];
    let legend = html! {
        <ul class="legend">
            <li><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5" fill={palette::BLUE} stroke="#000" /></svg>{ t.col_budget_used }</li>
            <li><svg width="14" height="14" aria-hidden="true"><rect x="2" y="2" width="10" height="10" fill={palette::ORANGE} stroke="#000" /></svg>{ t.col_share_winner }</li>
            <li><svg width="14" height="14" aria-hidden="true"><path d="M7 1 L13 13 L1 13 Z" fill={palette::GREEN} stroke="#000" /></svg>{ t.col_gini }</li>
        </ul>
    };
    html! {
        <ChartFrame id="pb-analytics" {lang} title={t.analytics_title} desc={desc} width={WIDTH} height={height} {table} {legend}>
            { for [0.0, 0.25, 0.5, 0.75, 1.0].iter().map(|&v| {
                let x = share_x(v);
                html! {
                    <g class="tick">
                        <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1="20" y2={format!("{:.1}", height - 25.0)} />
                        <text x={format!("{x:.1}")} y={format!("{:.1}", height - 8.0)} text-anchor="middle">{ format::percent(lang, v, 0) }</text>
                    </g>
                }
            }) }
            { for study.outcomes.iter().enumerate().map(|(k, o)| {
                let y = 30.0 + ROW * k as f64 + ROW / 2.0;
                html! {
                    <g>
                        <text x={(LEFT - 8.0).to_string()} y={format!("{y:.1}")} text-anchor="end" dominant-baseline="middle">{ o.rule.name() }</text>
                        { for measures.iter().enumerate().map(|(m, (name, colour, f))| {
                            let v = f(&o.analytics);
                            let x = share_x(v);
                            let label = format!("{} – {name}: {}", o.rule.name(), if m == 2 { format::dec(lang, v, 3) } else { format::percent(lang, v, 1) });
                            let shape = match m {
                                0 => html! { <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="6" fill={*colour} stroke="#000" /> },
                                1 => html! { <rect x={format!("{:.1}", x - 5.5)} y={format!("{:.1}", y - 5.5)} width="11" height="11" fill={*colour} stroke="#000" /> },
                                _ => html! { <path d={format!("M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z", y - 7.0, x + 6.5, y + 5.0, x - 6.5, y + 5.0)} fill={*colour} stroke="#000" /> },
                            };
                            html! { <Mark {label} x={x} y={y - 6.0}>{ shape }</Mark> }
                        }) }
                    </g>
                }
            }) }
        </ChartFrame>
    }
}

/// Props of the study's parts.
#[derive(Properties, PartialEq)]
pub struct StudyProps {
    /// Interface language.
    pub lang: Lang,
    /// The study.
    pub study: Rc<Study>,
}

/// Props of [`GroupChart`].
#[derive(Properties, PartialEq)]
pub(super) struct GroupChartProps {
    pub lang: Lang,
    pub study: Rc<Study>,
    pub rule: usize,
}

/// Satisfaction and share with a winner by age band and sex for one rule (bars with a dot).
#[component]
pub(super) fn GroupChart(props: &GroupChartProps) -> Html {
    let lang = props.lang;
    let t = lang.pb();
    let Some(o) = props.study.outcomes.get(props.rule) else {
        return html! {};
    };
    let groups: Vec<_> = o
        .analytics
        .by_age
        .iter()
        .chain(&o.analytics.by_sex)
        .collect();
    let table = Rc::new(Table {
        headers: vec![
            t.col_group.into(),
            lang.t().col_count.into(),
            t.col_satisfaction.into(),
            t.col_share_winner.into(),
        ],
        rows: groups
            .iter()
            .map(|g| {
                vec![
                    Cell::Text(lang.pb_group(&g.group)),
                    Cell::Int(g.count),
                    Cell::Share(g.mean_satisfaction),
                    Cell::Share(g.share_with_winner),
                ]
            })
            .collect(),
    });
    let known: Vec<_> = groups.iter().filter(|g| g.group != "unknown").collect();
    let high = known
        .iter()
        .max_by(|a, b| a.mean_satisfaction.total_cmp(&b.mean_satisfaction));
    let low = known
        .iter()
        .min_by(|a, b| a.mean_satisfaction.total_cmp(&b.mean_satisfaction));
    let desc = match (high, low) {
        (Some(h), Some(l)) => lang.pb_groups_desc(
            o.rule.name(),
            (&lang.pb_group(&h.group), h.mean_satisfaction),
            (&lang.pb_group(&l.group), l.mean_satisfaction),
        ),
        _ => String::new(),
    };
    let height = 20.0 + ROW * groups.len() as f64 + 30.0;
    let legend = html! {
        <ul class="legend">
            <li><svg width="14" height="14" aria-hidden="true"><rect x="1" y="3" width="12" height="8" fill={palette::BLUE} stroke="#000" /></svg>{ t.col_satisfaction }</li>
            <li><svg width="14" height="14" aria-hidden="true"><path d="M7 1 L13 7 L7 13 L1 7 Z" fill={palette::VERMILLION} stroke="#000" /></svg>{ t.col_share_winner }</li>
        </ul>
    };
    html! {
        <ChartFrame id="pb-groups" {lang} title={t.groups_title} desc={desc} width={WIDTH} height={height} {table} {legend}>
            { for [0.0, 0.5, 1.0].iter().map(|&v| {
                let x = share_x(v);
                html! {
                    <g class="tick">
                        <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1="15" y2={format!("{:.1}", height - 25.0)} />
                        <text x={format!("{x:.1}")} y={format!("{:.1}", height - 8.0)} text-anchor="middle">{ format::percent(lang, v, 0) }</text>
                    </g>
                }
            }) }
            { for groups.iter().enumerate().map(|(k, g)| {
                let y = 20.0 + ROW * k as f64;
                let w = share_x(g.mean_satisfaction) - LEFT;
                let xd = share_x(g.share_with_winner);
                let cy = y + ROW / 2.0 - 2.0;
                let name = lang.pb_group(&g.group);
                let label = format!("{name}: {} {}, {} {}", t.col_satisfaction, format::percent(lang, g.mean_satisfaction, 1), t.col_share_winner, format::percent(lang, g.share_with_winner, 1));
                html! {
                    <Mark {label} x={xd} y={y}>
                        <text x={(LEFT - 8.0).to_string()} y={format!("{cy:.1}")} text-anchor="end" dominant-baseline="middle">{ name }</text>
                        <rect x={LEFT.to_string()} y={format!("{:.1}", y + 3.0)} width={format!("{w:.1}")} height={format!("{:.1}", ROW - 10.0)} fill={palette::BLUE} stroke="#000" />
                        <path d={format!("M{xd:.1} {:.1} L{:.1} {cy:.1} L{xd:.1} {:.1} L{:.1} {cy:.1} Z", cy - 7.0, xd + 7.0, cy + 7.0, xd - 7.0)} fill={palette::VERMILLION} stroke="#000" />
                    </Mark>
                }
            }) }
        </ChartFrame>
    }
}

/// Turnout by age band and sex as bars (women solid, men dashed outline).
#[component]
pub(super) fn TurnoutChart(props: &StudyProps) -> Html {
    let lang = props.lang;
    let t = lang.pb();
    let Some(cells) = &props.study.turnout else {
        return html! {};
    };
    let table = Rc::new(Table {
        headers: vec![
            t.col_group.into(),
            t.voters.into(),
            t.col_adults.into(),
            t.col_turnout.into(),
        ],
        rows: cells
            .iter()
            .map(|c| {
                vec![
                    Cell::Text(lang.pb_cell(c.band, c.sex)),
                    Cell::Int(c.voters),
                    Cell::Int(c.population.round() as u64),
                    Cell::Share(c.turnout),
                ]
            })
            .collect(),
    });
    let top = cells.iter().map(|c| c.turnout).fold(0.0f64, f64::max);
    let axis_max = if top > 0.0 { top.max(0.01) } else { 1.0 };
    let high = cells.iter().max_by(|a, b| a.turnout.total_cmp(&b.turnout));
    let low = cells.iter().min_by(|a, b| a.turnout.total_cmp(&b.turnout));
    let desc = match (high, low) {
        (Some(h), Some(l)) => lang.pb_turnout_desc(
            (&lang.pb_cell(h.band, h.sex), h.turnout),
            (&lang.pb_cell(l.band, l.sex), l.turnout),
        ),
        _ => String::new(),
    };
    let height = 20.0 + ROW * cells.len() as f64 + 10.0;
    html! {
        <ChartFrame id="pb-turnout" {lang} title={t.turnout_title} desc={desc} width={WIDTH} height={height} {table}>
            { for cells.iter().enumerate().map(|(k, c)| {
                let y = 15.0 + ROW * k as f64;
                let w = (c.turnout / axis_max).min(1.0) * (WIDTH - LEFT - 90.0);
                let name = lang.pb_cell(c.band, c.sex);
                let label = format!("{name}: {}", format::percent(lang, c.turnout, 1));
                let (fill, dash) = if c.sex == 0 { (palette::PURPLE, "") } else { (palette::GREEN, "5 3") };
                html! {
                    <Mark {label} x={LEFT + w / 2.0} y={y}>
                        <text x={(LEFT - 8.0).to_string()} y={format!("{:.1}", y + ROW / 2.0)} text-anchor="end" dominant-baseline="middle">{ name.clone() }</text>
                        <rect x={LEFT.to_string()} y={format!("{:.1}", y + 4.0)} width={format!("{w:.1}")} height={format!("{:.1}", ROW - 8.0)}
                            fill={fill} stroke="#000" stroke-width="1.2" stroke-dasharray={dash} />
                        <text x={format!("{:.1}", LEFT + w + 6.0)} y={format!("{:.1}", y + ROW / 2.0)} dominant-baseline="middle" class="count">{ format::percent(lang, c.turnout, 1) }</text>
                    </Mark>
                }
            }) }
        </ChartFrame>
    }
}

/// The reweighting results: winners before and after per rule, and the weights.
#[component]
pub(super) fn ReweightResults(props: &StudyProps) -> Html {
    let lang = props.lang;
    let t = lang.pb();
    let study = &props.study;
    let Some(result) = &study.reweighted else {
        return html! {};
    };
    let r = match result {
        Ok(r) => r,
        Err(message) => {
            return html! { <p class="error" role="alert" id="pb-reweight-error">{ message.clone() }</p> };
        }
    };
    let mut changed = 0;
    let rows: Vec<Vec<Cell>> = study
        .outcomes
        .iter()
        .zip(&r.outcomes)
        .map(|(before, after)| {
            let same = same_set(&before.allocation.winners, &after.allocation.winners);
            if !same {
                changed += 1;
            }
            vec![
                Cell::Text(before.rule.name().into()),
                Cell::Text(before.allocation.winners.join(", ")),
                Cell::Text(after.allocation.winners.join(", ")),
                Cell::Share(after.analytics.share_with_winner),
                Cell::Text(if same { t.no } else { t.yes }.into()),
            ]
        })
        .collect();
    let classes: Vec<&'static str> = rows
        .iter()
        .map(|row| {
            if row.last() == Some(&Cell::Text(t.yes.into())) {
                "changed"
            } else {
                ""
            }
        })
        .collect();
    let table = Rc::new(Table {
        headers: vec![
            t.col_rule.into(),
            t.col_before.into(),
            t.col_after.into(),
            t.col_share_winner.into(),
            t.col_changed.into(),
        ],
        rows,
    });
    let weights = Rc::new(Table {
        headers: vec![
            t.col_group.into(),
            t.voters.into(),
            t.col_voter_share.into(),
            t.col_pop_share.into(),
            t.col_weight.into(),
        ],
        rows: r
            .cells
            .iter()
            .map(|c| {
                vec![
                    Cell::Text(lang.pb_cell(c.band, c.sex)),
                    Cell::Int(c.voters),
                    Cell::Share(c.voter_share),
                    Cell::Share(c.population_share),
                    Cell::Num(c.weight, 2),
                ]
            })
            .collect(),
    });
    let mut note = lang.pb_weights_note(r.scale, r.max_weight_error, r.outside);
    if !r.empty_cells.is_empty() {
        let cells: Vec<String> = r
            .empty_cells
            .iter()
            .map(|&(b, s)| lang.pb_cell(b, s))
            .collect();
        note.push(' ');
        note.push_str(&lang.pb_empty_cells(&cells.join("; ")));
    }
    html! {
        <>
            <TableBlock id="pb-reweighted" {lang} title={t.reweight_heading} desc={lang.pb_reweight_desc(changed, study.outcomes.len())} {table} row_classes={classes} />
            <TableBlock id="pb-weights" {lang} title={t.weights_title} desc={note} table={weights} />
        </>
    }
}
