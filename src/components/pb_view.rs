//! The real-data view: open a pabulib `.pb` file (picker or drag-and-drop), see the vote, every
//! rule's winners next to the official outcome, measures per rule, satisfaction by age and sex,
//! the rules re-run with a representative electorate, turnout by group; seed a scenario from the
//! file, and download the sandbox's simulated vote as `.pb`.
//!
//! The computation is [`dialoglab_engine::pb::study`]: one call from bytes to everything shown,
//! run in the Web Worker by [`crate::components::pb_run`]. Names from files are always text nodes (never markup).
//! A file that cannot be read leaves the previous file and the scenario as they were.

use std::rc::Rc;

use dialoglab_engine::pb::reweight::{self, PopulationProfile};
use dialoglab_engine::pb::seed::Seeding;
use dialoglab_engine::pb::study::{Progress, Study, StudyOptions};
use dialoglab_engine::pb::{Instance, Rule};
use dialoglab_engine::presets;
use yew::prelude::*;

use crate::charts::palette;
use crate::components::chart_frame::{ChartFrame, Mark, csv_download};
use crate::components::pb_run::{self, FileError, StudyEvent};
use crate::context::use_app;
use crate::export::{self, Cell, Dialect, Table};
use crate::format;
use crate::i18n::Lang;
use crate::state::{Action, View};
use crate::worker_client::PbClient;

/// Files above this size are refused before reading (the parser's limit, 50,000,000 bytes).
pub const MAX_FILE_BYTES: u64 = dialoglab_engine::pb::pabulib::MAX_BYTES as u64;

/// Which population profile reweights the ballots.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ProfileChoice {
    /// No reweighting.
    #[default]
    None,
    /// A preset from [`reweight::PRESETS`] by index.
    Preset(usize),
    /// Typed by the user.
    Custom,
}

impl ProfileChoice {
    fn key(self) -> String {
        match self {
            ProfileChoice::None => "none".into(),
            ProfileChoice::Preset(i) => reweight::PRESETS
                .get(i)
                .map_or("none", |p| p.name)
                .to_string(),
            ProfileChoice::Custom => "custom".into(),
        }
    }

    fn from_key(key: &str) -> ProfileChoice {
        match key {
            "custom" => ProfileChoice::Custom,
            other => reweight::PRESETS
                .iter()
                .position(|p| p.name == other)
                .map_or(ProfileChoice::None, ProfileChoice::Preset),
        }
    }
}

/// The view's own state.
#[derive(Clone, Debug)]
struct Loaded {
    name: String,
    bytes: Rc<js_sys::Uint8Array>,
    study: Rc<Study>,
}

/// A project × rule mark: funded by the rule and/or officially.
#[must_use]
pub fn mark(lang: Lang, by_rule: bool, official: Option<bool>) -> &'static str {
    let t = lang.pb();
    match (by_rule, official) {
        (true, Some(true) | None) => t.mark_both,
        (true, Some(false)) => t.mark_rule_only,
        (false, Some(true)) => t.mark_official_only,
        (false, _) => "",
    }
}

/// Whether two lists of ids hold the same set.
#[must_use]
pub fn same_set(a: &[String], b: &[String]) -> bool {
    let (mut a, mut b) = (a.to_vec(), b.to_vec());
    a.sort();
    b.sort();
    a == b
}

fn money(instance: &Instance, lang: Lang, amount: u64) -> String {
    let text = instance.format_money(amount);
    let currency = instance.meta_value("currency").unwrap_or("");
    // Group the integer part in the locale's style; keep the exact decimals.
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let grouped = whole
        .parse::<u64>()
        .map_or_else(|_| whole.to_string(), |w| format::int(lang, w));
    let mark = if lang == Lang::Da { "," } else { "." };
    let number = if frac.is_empty() {
        grouped
    } else {
        format!("{grouped}{mark}{frac}")
    };
    if currency.is_empty() {
        number
    } else {
        format!("{number} {currency}")
    }
}

fn options_for(choice: ProfileChoice, custom: [[u64; 2]; 4], adults: u64) -> StudyOptions {
    let population = match choice {
        ProfileChoice::None => None,
        ProfileChoice::Preset(i) => reweight::PRESETS
            .get(i)
            .map(reweight::ProfilePreset::profile),
        ProfileChoice::Custom => Some(PopulationProfile { cells: custom }),
    };
    StudyOptions {
        population,
        adults: (adults > 0).then_some(adults),
        ..StudyOptions::default()
    }
}

/// Props of [`TableBlock`].
#[derive(Properties, PartialEq)]
pub struct TableBlockProps {
    /// Element id; the table is `{id}-table`.
    pub id: AttrValue,
    /// Interface language.
    pub lang: Lang,
    /// Heading and caption.
    pub title: AttrValue,
    /// The finding in words.
    pub desc: AttrValue,
    /// The rows; cells are shown as text.
    pub table: Rc<Table>,
    /// Class of each row (same length as the rows, or empty).
    #[prop_or_default]
    pub row_classes: Vec<&'static str>,
}

/// A table with a summary sentence and CSV exports (for what is best read as a table).
#[component]
pub fn TableBlock(props: &TableBlockProps) -> Html {
    let lang = props.lang;
    let t = lang.t();
    let id = props.id.to_string();
    let csv = |dialect: Dialect| csv_download(&id, props.table.clone(), dialect);
    html! {
        <section class="pb-block" id={id.clone()} aria-labelledby={format!("{id}-heading")}>
            <h3 id={format!("{id}-heading")}>{ props.title.clone() }</h3>
            <p class="chart-summary">{ props.desc.clone() }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby={format!("{id}-heading")}>
                <table id={format!("{id}-table")}>
                    <caption>{ props.title.clone() }</caption>
                    <thead><tr>{ for props.table.headers.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                    <tbody>
                        { for props.table.rows.iter().enumerate().map(|(r, row)| html! {
                            <tr class={props.row_classes.get(r).copied().unwrap_or("")}>
                                { for row.iter().enumerate().map(|(k, cell)| if k == 0 {
                                    html! { <th scope="row">{ cell.display(lang) }</th> }
                                } else {
                                    html! { <td>{ cell.display(lang) }</td> }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="exports" role="group" aria-label={format!("{} – {}", t.export_label, props.title)}>
                <span class="exports-label" aria-hidden="true">{ t.export_label }</span>
                <button type="button" class="export-csv" onclick={csv(Dialect::Standard)}>{ t.export_csv }</button>
                <button type="button" class="export-csv-da" onclick={csv(Dialect::DanishExcel)}>{ t.export_csv_da }</button>
            </div>
        </section>
    }
}

/// The winners table: one row per project, one column per rule, plus the rules' rows.
#[must_use]
pub fn winners_table(lang: Lang, study: &Study) -> Table {
    let t = lang.pb();
    let mut headers = vec![
        t.col_id.to_string(),
        t.col_name.to_string(),
        t.col_cost.to_string(),
    ];
    if study.official.is_some() {
        headers.push(t.col_official.to_string());
    }
    headers.extend(study.outcomes.iter().map(|o| o.rule.name().to_string()));
    let rows = study
        .instance
        .projects
        .iter()
        .map(|p| {
            let official = study.official.as_ref().map(|ids| ids.contains(&p.id));
            let mut row = vec![
                Cell::Text(p.id.clone()),
                Cell::Text(p.name.clone()),
                Cell::Text(money(&study.instance, lang, p.cost)),
            ];
            if let Some(o) = official {
                row.push(Cell::Text(if o { t.yes } else { "" }.into()));
            }
            for o in &study.outcomes {
                let won = o.allocation.winners.contains(&p.id);
                row.push(Cell::Text(mark(lang, won, official).into()));
            }
            row
        })
        .collect();
    Table { headers, rows }
}

/// The per-rule table: winners, cost and measures.
#[must_use]
pub fn rules_table(lang: Lang, study: &Study) -> Table {
    let t = lang.pb();
    let mut headers = vec![
        t.col_rule.to_string(),
        t.col_winners.to_string(),
        t.col_total.to_string(),
        t.col_budget_used.to_string(),
        t.col_share_winner.to_string(),
        t.col_gini.to_string(),
    ];
    if study.official.is_some() {
        headers.push(t.col_matches.to_string());
    }
    let rows = study
        .outcomes
        .iter()
        .map(|o| {
            let mut row = vec![
                Cell::Text(o.rule.name().to_string()),
                Cell::Text(o.allocation.winners.join(", ")),
                Cell::Text(money(&study.instance, lang, o.allocation.total_cost)),
                Cell::Share(o.analytics.budget_share_used),
                Cell::Share(o.analytics.share_with_winner),
                Cell::Num(o.analytics.gini_cost_satisfaction, 3),
            ];
            if let Some(official) = &study.official {
                let same = same_set(&o.allocation.winners, official);
                row.push(Cell::Text(if same { t.yes } else { t.no }.into()));
            }
            row
        })
        .collect();
    Table { headers, rows }
}

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
fn AnalyticsChart(props: &StudyProps) -> Html {
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
struct GroupChartProps {
    lang: Lang,
    study: Rc<Study>,
    rule: usize,
}

/// Satisfaction and share with a winner by age band and sex for one rule (bars with a dot).
#[component]
fn GroupChart(props: &GroupChartProps) -> Html {
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
fn TurnoutChart(props: &StudyProps) -> Html {
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
fn ReweightResults(props: &StudyProps) -> Html {
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

/// The instance in numbers.
fn summary(lang: Lang, name: &str, study: &Study) -> Html {
    let t = lang.pb();
    let inst = &study.instance;
    let median = study.seeding.as_ref().map_or(0, |s| s.median_ballot_length);
    let mut categories: Vec<&str> = inst
        .projects
        .iter()
        .flat_map(|p| p.category.iter().map(String::as_str))
        .collect();
    categories.sort_unstable();
    categories.dedup();
    let item = |label: &str, value: String, id: &str| {
        html! { <><dt>{ label.to_string() }</dt><dd id={id.to_string()}>{ value }</dd></> }
    };
    html! {
        <dl class="pb-summary" id="pb-summary">
            { item(t.file_name, name.to_string(), "pb-file-name") }
            { item(t.description, inst.meta_value("description").unwrap_or("–").to_string(), "pb-description") }
            { item(t.budget, money(inst, lang, inst.budget), "pb-budget") }
            { item(t.projects, format::int(lang, inst.projects.len() as u64), "pb-projects") }
            { item(t.col_category, if categories.is_empty() { "–".into() } else { categories.join(", ") }, "pb-categories") }
            { item(t.vote_type, lang.vote_kind(study.kind).to_string(), "pb-vote-type") }
            { item(t.voters, format::int(lang, study.voters), "pb-voters") }
            { item(t.empty_ballots, format::int(lang, study.empty_ballots), "pb-empty") }
            { item(t.median_length, format::int(lang, u64::from(median)), "pb-median-length") }
            { item(t.with_age_sex, format!("{} / {}", format::int(lang, study.with_age), format::int(lang, study.with_sex)), "pb-age-sex") }
            { item(t.official_rule, inst.meta_value("rule").unwrap_or("–").to_string(), "pb-official-rule") }
        </dl>
    }
}

/// Shortest, longest and median (nearest rank) length and the number of ballots of a length
/// distribution (`counts[k]` ballots of length `k + 1`); `None` when it holds no ballot.
#[must_use]
pub fn length_summary(counts: &[u32]) -> Option<(usize, usize, usize, u64)> {
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    let min = counts.iter().position(|&c| c > 0)? + 1;
    let max = counts.iter().rposition(|&c| c > 0)? + 1;
    let rank = total.div_ceil(2);
    let mut seen = 0u64;
    let median = counts
        .iter()
        .position(|&c| {
            seen += u64::from(c);
            seen >= rank
        })
        .map_or(max, |k| k + 1);
    Some((min, max, median, total))
}

/// What a seeded scenario took from the file: its projects and ballot lengths.
fn seed_summary(lang: Lang, seeding: &Seeding) -> Html {
    let t = lang.pb();
    let v = &seeding.scenario.vote;
    let carried = v.projects.as_ref().map_or(0, Vec::len);
    let projects = lang.pb_seed_projects(
        carried,
        seeding.projects_in_file,
        seeding.projects_by_keyword,
    );
    let lengths = match v.ballot_lengths.as_deref().and_then(length_summary) {
        Some((min, max, median, total)) => lang.pb_seed_lengths(min, max, median, total),
        None => t.seed_no_lengths.to_string(),
    };
    html! {
        <dl class="pb-summary" id="pb-seed-summary">
            <dt>{ t.seed_projects }</dt><dd id="pb-seed-projects">{ projects }</dd>
            <dt>{ t.seed_lengths }</dt><dd id="pb-seed-lengths">{ lengths }</dd>
        </dl>
    }
}

/// Reads the first file of a list and hands its bytes (or an error) to `done`.
fn read_file(
    file: web_sys::File,
    done: Callback<Result<(String, Rc<js_sys::Uint8Array>), FileError>>,
) {
    let size = file.size() as u64;
    if size > MAX_FILE_BYTES {
        done.emit(Err(FileError::TooBig(size)));
        return;
    }
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => done.emit(Ok((name, Rc::new(js_sys::Uint8Array::new(&buffer))))),
            Err(e) => done.emit(Err(FileError::Other(
                e.as_string().unwrap_or_else(|| "read error".into()),
            ))),
        }
    });
}

/// The real-data view.
#[component]
pub fn PbView() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.pb();
    let loaded = use_state(|| None::<Loaded>);
    let error = use_state(|| None::<FileError>);
    let progress = use_state(|| None::<Progress>);
    let choice = use_state(ProfileChoice::default);
    let custom = use_state(|| reweight::PRESETS[0].thousands);
    let adults = use_state(|| 0u64);
    let group_rule = use_state(|| 0usize);
    let dragging = use_state(|| false);
    let client = use_memo((), |()| PbClient::new());

    // Runs the study of `bytes` named `name` with the current options.
    let start = {
        let (loaded, error, progress) = (loaded.clone(), error.clone(), progress.clone());
        let (choice, custom, adults) = (choice.clone(), custom.clone(), adults.clone());
        let client = client.clone();
        Callback::from(move |(name, bytes): (String, Rc<js_sys::Uint8Array>)| {
            let options = options_for(*choice, *custom, *adults);
            progress.set(Some(Progress { done: 0, total: 1 }));
            let (loaded, error, progress) = (loaded.clone(), error.clone(), progress.clone());
            let job_bytes = bytes.clone();
            let on_event = Callback::from(move |event: StudyEvent| match event {
                StudyEvent::Progress(p) => progress.set(Some(p)),
                StudyEvent::Done(result) => {
                    progress.set(None);
                    match *result {
                        Ok(study) => {
                            loaded.set(Some(Loaded {
                                name: name.clone(),
                                bytes: bytes.clone(),
                                study: Rc::new(study),
                            }));
                            error.set(None);
                        }
                        Err(e) => error.set(Some(e)),
                    }
                }
            });
            pb_run::start(&client, &job_bytes, options, on_event);
        })
    };
    let on_read = {
        let (start, error) = (start.clone(), error.clone());
        Callback::from(
            move |result: Result<(String, Rc<js_sys::Uint8Array>), FileError>| match result {
                Ok((name, bytes)) => start.emit((name, bytes)),
                Err(e) => error.set(Some(e)),
            },
        )
    };
    let on_pick = {
        let on_read = on_read.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_file(file, on_read.clone());
            }
            input.set_value("");
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let (on_read, dragging) = (on_read.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                read_file(file, on_read.clone());
            }
        })
    };
    let on_choice = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            choice.set(ProfileChoice::from_key(&select.value()));
        })
    };
    let on_adults = {
        let adults = adults.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            adults.set(input.value().trim().parse().unwrap_or(0));
        })
    };
    let on_apply = {
        let (start, loaded) = (start.clone(), loaded.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(l) = &*loaded {
                start.emit((l.name.clone(), l.bytes.clone()));
            }
        })
    };
    let on_group_rule = {
        let group_rule = group_rule.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            group_rule.set(select.value().parse().unwrap_or(0));
        })
    };
    let on_seed = {
        let (app, loaded) = (app.clone(), loaded.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(seeding) = loaded.as_ref().and_then(|l| l.study.seeding.clone()) {
                app.dispatch(Action::Open {
                    preset: presets::ALL[0].name.to_string(),
                    scenario: Box::new(seeding.scenario),
                });
            }
        })
    };
    let on_export = {
        let scenario = app.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = export::simulated_pb(&scenario) {
                export::browser::download_text(export::SIMULATED_PB_FILE, export::PB_MIME, &text);
            }
        })
    };

    let error_html = (*error).as_ref().map(|e| {
        let text = match e {
            FileError::TooBig(size) => lang.pb_too_big(*size, MAX_FILE_BYTES),
            FileError::Parse(p) => lang.pb_error(p),
            FileError::Other(m) => m.clone(),
        };
        html! {
            <div class="error" role="alert" id="pb-error">
                <p>{ format!("{}: {text}", t.bad_file) }</p>
                if loaded.is_some() { <p>{ t.kept }</p> }
            </div>
        }
    });
    // Stops a running study at once (the worker is terminated; the next file starts a new one);
    // the file shown before, if any, stays.
    let cancel = {
        let (client, progress) = (client.clone(), progress.clone());
        Callback::from(move |_: MouseEvent| {
            client.cancel();
            progress.set(None);
        })
    };
    let progress_html = (*progress).map(|p| {
        html! {
            <p role="status" id="pb-status">
                { t.working }{ " " }
                <progress id="pb-progress" aria-label={t.progress_label} max={p.total.to_string()} value={p.done.to_string()} />
                { " " }{ lang.pb_progress(p.done, p.total) }{ " " }
                <button type="button" id="pb-cancel" onclick={cancel}>{ lang.sweep().cancel }</button>
            </p>
        }
    });
    let custom_fields = if *choice == ProfileChoice::Custom {
        html! {
            <fieldset class="pb-custom">
                <legend>{ t.custom_legend }</legend>
                { for (0..4u8).flat_map(|b| (0..2u8).map(move |s| (b, s))).map(|(b, s)| {
                    let id = format!("pb-cell-{b}-{s}");
                    let value = custom[usize::from(b)][usize::from(s)];
                    let custom = custom.clone();
                    let onchange = Callback::from(move |e: Event| {
                        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                        let mut cells = *custom;
                        cells[usize::from(b)][usize::from(s)] = input.value().trim().parse().unwrap_or(0);
                        custom.set(cells);
                    });
                    html! {
                        <div class="field">
                            <label for={id.clone()}>{ lang.pb_cell(b, s) }</label>
                            <input id={id} type="number" min="0" step="1" value={value.to_string()} {onchange} />
                        </div>
                    }
                }) }
            </fieldset>
        }
    } else {
        html! {}
    };
    let body = (*loaded).as_ref().map(|l| {
        let study = l.study.clone();
        let rule_options = study.outcomes.iter().enumerate().map(|(k, o)| {
            html! { <option value={k.to_string()} selected={k == *group_rule}>{ lang.choice(crate::fields::Choice::Rule(o.rule)) }</option> }
        });
        let has_groups = study.outcomes.first().is_some_and(|o| !o.analytics.by_age.is_empty() || !o.analytics.by_sex.is_empty());
        let winners = Rc::new(winners_table(lang, &study));
        let rules = Rc::new(rules_table(lang, &study));
        let matching = study.official.as_ref().map(|off| {
            study.outcomes.iter().filter(|o| same_set(&o.allocation.winners, off)).map(|o| o.rule.name()).collect::<Vec<_>>()
        });
        let winners_desc = match &matching {
            Some(m) if m.is_empty() => format!("{} {}: –", t.winners_legend, t.col_matches),
            Some(m) => format!("{} {}: {}", t.winners_legend, t.col_matches, m.join(", ")),
            None => format!("{} {}", t.winners_legend, t.no_official),
        };
        html! {
            <>
                <section aria-labelledby="pb-instance-heading">
                    <h3 id="pb-instance-heading">{ t.instance_heading }</h3>
                    { summary(lang, &l.name, &study) }
                </section>
                <TableBlock id="pb-winners" {lang} title={t.winners_heading} desc={winners_desc} table={winners} />
                <TableBlock id="pb-rules" {lang} title={t.rules_heading} desc={t.rules_heading} table={rules} />
                <AnalyticsChart {lang} study={study.clone()} />
                if has_groups {
                    <div class="field">
                        <label for="pb-group-rule">{ t.rule_select }</label>
                        <select id="pb-group-rule" onchange={on_group_rule}>{ for rule_options }</select>
                    </div>
                    <GroupChart {lang} study={study.clone()} rule={*group_rule} />
                } else {
                    <p id="pb-no-groups">{ t.no_groups }</p>
                }
                <ReweightResults {lang} study={study.clone()} />
                <TurnoutChart {lang} study={study.clone()} />
                <section aria-labelledby="pb-seed-heading">
                    <h3 id="pb-seed-heading">{ t.seed_heading }</h3>
                    <p>{ t.seed_intro }</p>
                    if let Some(seeding) = &study.seeding { { seed_summary(lang, seeding) } }
                    <button type="button" id="pb-seed" disabled={study.seeding.is_none()} onclick={on_seed}>{ t.seed_button }</button>
                </section>
            </>
        }
    });
    let _ = Rule::ALL;
    html! {
        <section class="view-page pb-view" id="pb-view" aria-labelledby="view-heading">
            <h2 id="view-heading">{ lang.view(View::RealData) }</h2>
            <p>{ t.intro }</p>
            <div id="pb-drop" class={classes!("pb-drop", dragging.then_some("dragging"))}
                ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <label for="pb-file">{ t.file_label }</label>
                <input type="file" id="pb-file" accept=".pb,text/plain" onchange={on_pick} />
                <p class="hint">{ t.drop_hint }</p>
            </div>
            { progress_html }
            { error_html }
            <fieldset class="pb-options">
                <legend>{ t.reweight_heading }</legend>
                <p class="hint">{ t.reweight_intro }</p>
                <div class="field">
                    <label for="pb-profile">{ t.profile_label }</label>
                    <select id="pb-profile" onchange={on_choice}>
                        <option value="none" selected={*choice == ProfileChoice::None}>{ t.profile_none }</option>
                        <option value={ProfileChoice::Preset(0).key()} selected={*choice == ProfileChoice::Preset(0)}>{ t.profile_denmark }</option>
                        <option value={ProfileChoice::Preset(1).key()} selected={*choice == ProfileChoice::Preset(1)}>{ t.profile_poland }</option>
                        <option value="custom" selected={*choice == ProfileChoice::Custom}>{ t.profile_custom }</option>
                    </select>
                </div>
                { custom_fields }
                <div class="field">
                    <label for="pb-adults">{ t.adults_label }</label>
                    <input id="pb-adults" type="number" min="0" step="1" value={adults.to_string()} onchange={on_adults} aria-describedby="pb-adults-hint" />
                    <span class="hint" id="pb-adults-hint">{ t.adults_hint }</span>
                </div>
                <button type="button" id="pb-apply" disabled={loaded.is_none()} onclick={on_apply}>{ t.apply }</button>
            </fieldset>
            { body }
            <section aria-labelledby="pb-export-heading">
                <h3 id="pb-export-heading">{ t.export_heading }</h3>
                <p>{ t.export_pb_intro }</p>
                <button type="button" id="pb-export" onclick={on_export}>{ lang.t().export_pb }</button>
            </section>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialoglab_engine::pb::study::study_bytes;

    const XSS: &str = "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost;name;selected\n\
                       a;60;<img src=x onerror=alert(1)>;1\nb;50;plain;0\nVOTES\nvoter_id;vote;age;sex\n\
                       v1;a;70;F\nv2;a,b;30;M\nv3;b;25;K\n";

    fn study() -> Study {
        study_bytes(XSS.as_bytes(), &StudyOptions::default(), &mut |_| {}).unwrap()
    }

    #[test]
    fn marks_and_tables_follow_the_outcomes() {
        let s = study();
        assert_eq!(mark(Lang::En, true, Some(true)), "✓");
        assert_eq!(mark(Lang::En, true, Some(false)), "+");
        assert_eq!(mark(Lang::En, false, Some(true)), "−");
        assert_eq!(mark(Lang::En, false, None), "");
        let w = winners_table(Lang::En, &s);
        assert_eq!(w.headers.len(), 4 + Rule::ALL.len());
        assert_eq!(
            w.rows[0][1],
            Cell::Text("<img src=x onerror=alert(1)>".into())
        );
        // Greedy funds a (3 approvals... a: 2, b: 2 → tie by id → a), then b does not fit.
        assert_eq!(w.rows[0][4], Cell::Text("✓".into()));
        let r = rules_table(Lang::En, &s);
        assert_eq!(r.rows[0][1], Cell::Text("a".into()));
        assert_eq!(r.rows[0].last(), Some(&Cell::Text("yes".into())));
        assert!(same_set(
            &["b".into(), "a".into()],
            &["a".into(), "b".into()]
        ));
    }

    #[test]
    fn money_keeps_exact_decimals_in_the_locale() {
        let (mut i, _) = dialoglab_engine::pb::pabulib::parse(
            "META\nkey;value\nbudget;1234.5\ncurrency;PLN\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote\n",
        )
        .unwrap();
        assert_eq!(money(&i, Lang::Da, i.budget), "1.234,5 PLN");
        assert_eq!(money(&i, Lang::En, i.budget), "1,234.5 PLN");
        i.meta.clear();
        assert_eq!(money(&i, Lang::En, 5), "0.5");
    }

    #[test]
    fn length_summaries_read_the_distribution() {
        assert_eq!(length_summary(&[]), None);
        assert_eq!(length_summary(&[0, 0]), None);
        assert_eq!(length_summary(&[0, 3, 1, 0, 2]), Some((2, 5, 2, 6)));
        assert_eq!(length_summary(&[1, 0, 0, 1]), Some((1, 4, 1, 2)));
        assert_eq!(length_summary(&[0, 0, 7]), Some((3, 3, 3, 7)));
    }

    #[tokio::test]
    async fn the_seed_section_says_what_was_carried_over() {
        #[derive(Properties, PartialEq)]
        struct P {
            seeding: Seeding,
            lang: Lang,
        }
        #[component]
        fn Host(p: &P) -> Html {
            seed_summary(p.lang, &p.seeding)
        }
        let seeding = study().seeding.unwrap();
        let en = yew::LocalServerRenderer::<Host>::with_props(P {
            seeding: seeding.clone(),
            lang: Lang::En,
        })
        .render()
        .await;
        // Two projects, none named by a keyword; ballots of lengths 1, 2, 1.
        assert!(
            en.contains("2 of 2 (0 categorised by keyword, 2 in turn)"),
            "{en}"
        );
        assert!(
            en.contains("1–2 projects per ballot (median 1) from 3 ballots"),
            "{en}"
        );
        let da = yew::LocalServerRenderer::<Host>::with_props(P {
            seeding,
            lang: Lang::Da,
        })
        .render()
        .await;
        assert!(da.contains("2 af 2"), "{da}");
        assert!(da.contains("fra 3 stemmesedler"), "{da}");
    }

    #[test]
    fn profile_choices_round_trip() {
        for c in [
            ProfileChoice::None,
            ProfileChoice::Preset(0),
            ProfileChoice::Preset(1),
            ProfileChoice::Custom,
        ] {
            assert_eq!(ProfileChoice::from_key(&c.key()), c);
        }
        let o = options_for(ProfileChoice::Custom, [[1, 2], [3, 4], [5, 6], [7, 8]], 0);
        assert_eq!(o.population.unwrap().cells[3], [7, 8]);
        assert_eq!(o.adults, None);
    }

    #[tokio::test]
    async fn names_from_files_render_as_text() {
        #[derive(Properties, PartialEq)]
        struct P {
            study: Rc<Study>,
        }
        #[component]
        fn Host(p: &P) -> Html {
            html! { <TableBlock id="t" lang={Lang::En} title="T" desc="D" table={Rc::new(winners_table(Lang::En, &p.study))} /> }
        }
        let html = yew::LocalServerRenderer::<Host>::with_props(P {
            study: Rc::new(study()),
        })
        .render()
        .await;
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(!html.contains("<img"));
    }
}
