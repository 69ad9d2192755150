//! The panel-selection view: open the selection software's `categories.csv` and `respondents.csv`
//! (or the bundled example), choose the algorithm, the panel size and the seed, and see every
//! person's selection probability under LEGACY and the chosen algorithm side by side (sorted, as in
//! Flanigan et al.'s figure), how equal the chances are, the quotas against the drawn panel and the
//! expected panel, the drawn panel, and the certificate of each LEXIMIN level; export the
//! probabilities (CSV) and the result (JSON).
//!
//! The files are parsed on the page as they are opened (a bad file is named at once, with its line,
//! category and feature); the selection runs in the Web Worker (`crates/worker`, job `Panel`),
//! which streams the column generation's levels, and Cancel terminates it. A bad file or a failed
//! run leaves the last result on screen. Names from files are always text nodes (never markup).

use std::fmt::Write as _;
use std::rc::Rc;

use dialoglab_engine::panel::{self, Algorithm, PanelError, Pool, Progress, Selection};
use dialoglab_worker::panel::{PanelDone, PanelSpec};
use dialoglab_worker::{Job, PanelOutput, PanelPartial};
use yew::prelude::*;

use crate::charts::palette;
use crate::components::chart_frame::{ChartFrame, Mark};
use crate::components::pb::TableBlock;
use crate::context::use_app;
use crate::export::{self, Cell, Dialect, Table};
use crate::format;
use crate::i18n::Lang;
use crate::state::View;
use crate::worker_client::{Event as WorkerEvent, PanelClient};

/// The bundled example's `categories.csv` (the Sortition Foundation's `example_small_20`, see
/// `crates/engine/tests/data/sortition/SOURCE.md`).
pub const EXAMPLE_CATEGORIES: &str =
    include_str!("../../crates/engine/tests/data/sortition/example_small_20/categories.csv");
/// The bundled example's `respondents.csv`.
pub const EXAMPLE_RESPONDENTS: &str =
    include_str!("../../crates/engine/tests/data/sortition/example_small_20/respondents.csv");
/// The example's panel size.
pub const EXAMPLE_PANEL_SIZE: u32 = 20;

/// One opened file.
#[derive(Clone, Debug, PartialEq)]
struct Input {
    name: String,
    text: Rc<str>,
}

/// Why the files cannot be used or the run failed.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The browser could not read a file: its name and the browser's words.
    Read(String, String),
    /// The files, the quotas or the computation.
    Panel(PanelError),
    /// The worker failed (its own words).
    Worker(String),
}

impl Problem {
    /// The problem for the user.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Problem::Read(file, detail) => lang.panel_read_error(file, detail),
            Problem::Panel(e) => lang.panel_error(e),
            Problem::Worker(m) => m.clone(),
        }
    }
}

/// A finished selection with the pool it was drawn from.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// The pool.
    pub pool: Rc<Pool>,
    /// The result.
    pub done: PanelDone,
}

impl Shown {
    /// The selections shown: LEGACY first when there, then the chosen algorithm.
    #[must_use]
    pub fn selections(&self) -> Vec<&Selection> {
        self.done
            .legacy
            .iter()
            .chain(std::iter::once(&self.done.selection))
            .collect()
    }
}

/// The values sorted from the smallest up.
#[must_use]
pub fn sorted(values: &[f64]) -> Vec<f64> {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v
}

/// The top of the probability axis: the smallest round value at or above every probability, so
/// that no value is ever drawn outside the chart.
#[must_use]
pub fn axis_top(values: &[f64]) -> f64 {
    let top = values.iter().copied().fold(0.0, f64::max);
    [
        0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0,
    ]
    .into_iter()
    .find(|&c| c >= top - 1e-12)
    .unwrap_or(top.max(1.0))
}

/// The chart's table: one row per rank, one column per selection (each sorted on its own).
#[must_use]
pub fn sorted_table(lang: Lang, selections: &[&Selection]) -> Table {
    let t = lang.panel();
    let columns: Vec<Vec<f64>> = selections
        .iter()
        .map(|s| sorted(&s.probabilities))
        .collect();
    let n = columns.first().map_or(0, Vec::len);
    let mut headers = vec![t.col_rank.to_string()];
    headers.extend(
        selections
            .iter()
            .map(|s| lang.panel_probability(s.algorithm)),
    );
    Table {
        headers,
        rows: (0..n)
            .map(|r| {
                let mut row = vec![Cell::Int(r as u64 + 1)];
                row.extend(columns.iter().map(|c| Cell::Share(c[r])));
                row
            })
            .collect(),
    }
}

/// Smallest probability, Gini coefficient and geometric mean of each selection.
#[must_use]
pub fn measures_table(lang: Lang, selections: &[&Selection]) -> Table {
    let t = lang.panel();
    let mut headers = vec![t.col_measure.to_string()];
    headers.extend(
        selections
            .iter()
            .map(|s| lang.algorithm(s.algorithm).to_string()),
    );
    let row = |name: &str, cell: &dyn Fn(&Selection) -> Cell| {
        let mut r = vec![Cell::Text(name.into())];
        r.extend(selections.iter().map(|s| cell(s)));
        r
    };
    Table {
        headers,
        rows: vec![
            row(t.row_min, &|s| Cell::Share(s.min)),
            row(t.row_gini, &|s| Cell::Num(s.gini, 3)),
            row(t.row_geomean, &|s| Cell::Share(s.geometric_mean)),
        ],
    }
}

/// The feature index of respondent `i` in category `c`.
fn feature_of(pool: &Pool, i: usize, c: usize) -> usize {
    usize::from(pool.features[i * pool.categories.len() + c])
}

/// Each quota with the pool's count, the drawn panel's count and the expected count under each
/// selection (the sum of its members' probabilities).
#[must_use]
pub fn quota_table(lang: Lang, shown: &Shown) -> Table {
    let t = lang.panel();
    let pool = &shown.pool;
    let selections = shown.selections();
    let mut headers = vec![
        t.col_category.to_string(),
        t.col_feature.to_string(),
        t.col_min.to_string(),
        t.col_max.to_string(),
        t.col_pool.to_string(),
        t.col_drawn.to_string(),
    ];
    headers.extend(selections.iter().map(|s| lang.panel_expected(s.algorithm)));
    let mut rows = Vec::new();
    for (c, cat) in pool.categories.iter().enumerate() {
        for (f, feature) in cat.features.iter().enumerate() {
            let has = |i: usize| feature_of(pool, i, c) == f;
            let in_pool = (0..pool.len as usize).filter(|&i| has(i)).count();
            let drawn = shown
                .done
                .selection
                .panel
                .iter()
                .filter(|&&i| has(i as usize))
                .count();
            let mut row = vec![
                Cell::Text(cat.name.clone()),
                Cell::Text(feature.name.clone()),
                Cell::Int(u64::from(feature.min)),
                Cell::Int(u64::from(feature.max)),
                Cell::Int(in_pool as u64),
                Cell::Int(drawn as u64),
            ];
            row.extend(selections.iter().map(|s| {
                let expected: f64 = s
                    .probabilities
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| has(i))
                    .map(|(_, p)| p)
                    .sum();
                Cell::Num(expected, 2)
            }));
            rows.push(row);
        }
    }
    Table { headers, rows }
}

/// The drawn panel: each member's line in `respondents.csv` and features.
#[must_use]
pub fn panel_table(lang: Lang, pool: &Pool, panel: &[u32]) -> Table {
    let t = lang.panel();
    let mut headers = vec![t.col_respondent.to_string()];
    headers.extend(pool.categories.iter().map(|c| c.name.clone()));
    Table {
        headers,
        rows: panel
            .iter()
            .map(|&i| {
                let i = i as usize;
                let mut row = vec![Cell::Int(i as u64 + 2)];
                row.extend(
                    pool.categories.iter().enumerate().map(|(c, cat)| {
                        Cell::Text(cat.features[feature_of(pool, i, c)].name.clone())
                    }),
                );
                row
            })
            .collect(),
    }
}

/// Every respondent in input order: line, features, probability under each selection, and
/// whether they sit on the drawn panel (the CSV export).
#[must_use]
pub fn probabilities_table(lang: Lang, shown: &Shown) -> Table {
    let t = lang.panel();
    let pool = &shown.pool;
    let selections = shown.selections();
    let mut headers = vec![t.col_respondent.to_string()];
    headers.extend(pool.categories.iter().map(|c| c.name.clone()));
    headers.extend(
        selections
            .iter()
            .map(|s| lang.panel_probability(s.algorithm)),
    );
    headers.push(t.col_in_panel.to_string());
    let mut on_panel = vec![false; pool.len as usize];
    for &i in &shown.done.selection.panel {
        on_panel[i as usize] = true;
    }
    Table {
        headers,
        rows: (0..pool.len as usize)
            .map(|i| {
                let mut row = vec![Cell::Int(i as u64 + 2)];
                row.extend(
                    pool.categories.iter().enumerate().map(|(c, cat)| {
                        Cell::Text(cat.features[feature_of(pool, i, c)].name.clone())
                    }),
                );
                row.extend(selections.iter().map(|s| Cell::Num(s.probabilities[i], 6)));
                row.push(Cell::Text(if on_panel[i] { t.yes } else { t.no }.into()));
                row
            })
            .collect(),
    }
}

/// The certificate's levels.
#[must_use]
pub fn certificate_table(lang: Lang, selection: &Selection) -> Table {
    let t = lang.panel();
    Table {
        headers: vec![
            t.col_level.into(),
            t.col_respondents.into(),
            t.col_value.into(),
            t.col_bound.into(),
            t.col_achieved.into(),
            t.col_gap.into(),
        ],
        rows: selection
            .certificate
            .iter()
            .flat_map(|c| &c.levels)
            .enumerate()
            .map(|(l, level)| {
                vec![
                    Cell::Int(l as u64 + 1),
                    Cell::Int(u64::from(level.respondents)),
                    Cell::Share(level.value),
                    Cell::Num(level.bound, 8),
                    Cell::Num(level.achieved, 8),
                    Cell::Text(format!("{:.1e}", level.gap)),
                ]
            })
            .collect(),
    }
}

const WIDTH: f64 = 640.0;
const LEFT: f64 = 62.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const PLOT: f64 = 240.0;

/// Colour and dash of the `k`-th series (LEGACY first).
fn style(algorithm: Algorithm) -> (&'static str, &'static str) {
    match algorithm {
        Algorithm::Legacy => (palette::VERMILLION, "6 3"),
        Algorithm::Maximin => (palette::GREEN, ""),
        Algorithm::Leximin => (palette::BLUE, ""),
    }
}

/// Props of [`ProbabilityChart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// Interface language.
    pub lang: Lang,
    /// The result shown.
    pub shown: Rc<Shown>,
}

/// Each respondent's probability, sorted, one line per selection, with the equal share.
#[component]
pub fn ProbabilityChart(props: &ChartProps) -> Html {
    let lang = props.lang;
    let t = lang.panel();
    let selections = props.shown.selections();
    let series: Vec<(Algorithm, Vec<f64>)> = selections
        .iter()
        .map(|s| (s.algorithm, sorted(&s.probabilities)))
        .collect();
    let n = series.first().map_or(0, |s| s.1.len());
    let fair = f64::from(props.shown.done.selection.panel_size) / n.max(1) as f64;
    let top = axis_top(
        &series
            .iter()
            .flat_map(|s| s.1.iter().copied())
            .chain(std::iter::once(fair))
            .collect::<Vec<_>>(),
    );
    let x = |r: usize| LEFT + (WIDTH - LEFT - RIGHT) * (r as f64 + 0.5) / n.max(1) as f64;
    let y = |p: f64| TOP + PLOT * (1.0 - p / top);
    let table = Rc::new(sorted_table(lang, &selections));
    let desc = lang.panel_chart_desc(
        &selections
            .iter()
            .map(|s| (s.algorithm, s.min))
            .collect::<Vec<_>>(),
        fair,
    );
    let legend = html! {
        <ul class="legend">
            { for series.iter().map(|(a, _)| {
                let (colour, dash) = style(*a);
                html! {
                    <li>
                        <svg width="34" height="16" viewBox="0 0 34 16" aria-hidden="true">
                            <line x1="1" x2="33" y1="8" y2="8" stroke={colour} stroke-width="2.5" stroke-dasharray={dash} />
                        </svg>
                        { lang.algorithm(*a) }
                    </li>
                }
            }) }
            <li>
                <svg width="34" height="16" viewBox="0 0 34 16" aria-hidden="true">
                    <line x1="1" x2="33" y1="8" y2="8" stroke={palette::GREY} stroke-width="1.5" stroke-dasharray="2 3" />
                </svg>
                { t.fair_share }
            </li>
        </ul>
    };
    let ticks: Vec<f64> = (0..=4).map(|k| top * f64::from(k) / 4.0).collect();
    let lines = series.iter().map(|(a, values)| {
        let (colour, dash) = style(*a);
        let mut d = String::new();
        for (r, &p) in values.iter().enumerate() {
            let _ = write!(d, "{}{:.1},{:.1}", if r == 0 { "M" } else { " L" }, x(r), y(p));
        }
        // Focusable marks at the smallest, the quartiles, the median and the largest.
        let marks = [0.0, 0.25, 0.5, 0.75, 1.0].map(|q| {
            let r = ((n.saturating_sub(1)) as f64 * q).round() as usize;
            (r, values.get(r).copied().unwrap_or(0.0))
        });
        html! {
            <g class="series">
                <path {d} fill="none" stroke={colour} stroke-width="2.2" stroke-dasharray={dash} />
                { for marks.iter().map(|&(r, p)| {
                    let label = format!("{}, {} {} / {}: {}", lang.algorithm(*a), t.col_rank, r + 1, n, format::percent(lang, p, 1));
                    html! {
                        <Mark {label} x={x(r)} y={y(p)}>
                            <circle cx={format!("{:.1}", x(r))} cy={format!("{:.1}", y(p))} r="4" fill={colour} stroke="#000" />
                        </Mark>
                    }
                }) }
            </g>
        }
    });
    let height = TOP + PLOT + 48.0;
    html! {
        <ChartFrame id="panel-probabilities" {lang} title={t.chart_title} {desc} width={WIDTH} {height} {table} {legend}>
            { for ticks.iter().map(|&v| html! {
                <g class="tick">
                    <line x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={format!("{:.1}", y(v))} y2={format!("{:.1}", y(v))} />
                    <text x={(LEFT - 6.0).to_string()} y={format!("{:.1}", y(v) + 4.0)} text-anchor="end">{ format::percent(lang, v, 1) }</text>
                </g>
            }) }
            <line class="fair-share" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={format!("{:.1}", y(fair))} y2={format!("{:.1}", y(fair))}
                stroke={palette::GREY} stroke-width="1.5" stroke-dasharray="2 3" />
            <text x={format!("{:.1}", f64::midpoint(LEFT, WIDTH))} y={format!("{:.1}", TOP + PLOT + 20.0)} text-anchor="middle" class="axis-label">{ t.axis_x }</text>
            <text x="14" y={format!("{:.1}", TOP + PLOT / 2.0)} text-anchor="middle" class="axis-label"
                transform={format!("rotate(-90 14 {:.1})", TOP + PLOT / 2.0)}>{ t.axis_y }</text>
            { for lines }
        </ChartFrame>
    }
}

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// Interface language.
    pub lang: Lang,
    /// The result shown.
    pub shown: Rc<Shown>,
}

/// Everything shown about a finished selection.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let t = lang.panel();
    let shown = &props.shown;
    let selection = &shown.done.selection;
    let selections = shown.selections();
    let measures = Rc::new(measures_table(lang, &selections));
    let quotas = Rc::new(quota_table(lang, shown));
    let drawn = Rc::new(panel_table(lang, &shown.pool, &selection.panel));
    let measures_desc = lang.panel_chart_desc(
        &selections
            .iter()
            .map(|s| (s.algorithm, s.min))
            .collect::<Vec<_>>(),
        f64::from(selection.panel_size) / f64::from(shown.pool.len.max(1)),
    );
    let on_csv = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| {
            let table = probabilities_table(lang, &shown);
            export::browser::download_text(
                "dialoglab-panel-probabilities.csv",
                "text/csv;charset=utf-8",
                &export::csv(&table, Dialect::Standard),
            );
        })
    };
    let on_json = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(text) = serde_json::to_string_pretty(&shown.done) {
                export::browser::download_text("dialoglab-panel.json", "application/json", &text);
            }
        })
    };
    let certificate = selection.certificate.as_ref().map(|c| {
        let table = Rc::new(certificate_table(lang, selection));
        let desc = lang.panel_certificate(c.levels.len(), c.max_gap, selection.panels.len());
        html! {
            <>
                <p class="hint">{ t.certificate_intro }</p>
                <TableBlock id="panel-certificate" {lang} title={t.certificate_heading} {desc} {table} />
            </>
        }
    });
    html! {
        <>
            <ProbabilityChart {lang} shown={shown.clone()} />
            <TableBlock id="panel-measures" {lang} title={t.measures_heading} desc={measures_desc} table={measures} />
            <TableBlock id="panel-quotas" {lang} title={t.quotas_heading} desc={t.quotas_heading} table={quotas} />
            <TableBlock id="panel-drawn" {lang} title={t.panel_heading} desc={t.panel_heading} table={drawn} />
            { certificate }
            <section aria-labelledby="panel-export-heading">
                <h3 id="panel-export-heading">{ t.export_heading }</h3>
                <button type="button" id="panel-export-csv" onclick={on_csv}>{ t.export_csv }</button>
                { " " }
                <button type="button" id="panel-export-json" onclick={on_json}>{ t.export_json }</button>
            </section>
        </>
    }
}

/// Reads a file as text and hands it (or the browser's complaint) to `done`.
fn read_text(file: web_sys::File, done: Callback<Result<Input, Problem>>) {
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(text) => done.emit(Ok(Input {
                name,
                text: text.as_string().unwrap_or_default().into(),
            })),
            Err(e) => done.emit(Err(Problem::Read(
                name,
                e.as_string().unwrap_or_else(|| "read error".into()),
            ))),
        }
    });
}

/// A file picker's change handler: reads the chosen file into `target`, or reports the problem.
fn picker(
    target: &UseStateHandle<Option<Input>>,
    problem: &UseStateHandle<Option<Problem>>,
) -> Callback<Event> {
    let (target, problem) = (target.clone(), problem.clone());
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            let (target, problem) = (target.clone(), problem.clone());
            read_text(
                file,
                Callback::from(move |r: Result<Input, Problem>| match r {
                    Ok(i) => {
                        problem.set(None);
                        target.set(Some(i));
                    }
                    Err(p) => problem.set(Some(p)),
                }),
            );
        }
        input.set_value("");
    })
}

/// A whole number from a number field (`None` when it is not one).
fn number<T: std::str::FromStr>(e: &Event) -> Option<T> {
    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
    input.value().trim().parse().ok()
}

/// The panel-selection view.
#[component]
pub fn PanelView() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.panel();
    let categories = use_state(|| None::<Input>);
    let respondents = use_state(|| None::<Input>);
    let household = use_state(String::new);
    let algorithm = use_state(|| Algorithm::Leximin);
    let size = use_state(|| EXAMPLE_PANEL_SIZE);
    let seed = use_state(|| 1u64);
    let compare = use_state(|| true);
    let problem = use_state(|| None::<Problem>);
    let run_problem = use_state(|| None::<Problem>);
    let shown = use_state(|| None::<Rc<Shown>>);
    // `Some(step)` while a selection runs (`Some(None)` before its first level).
    let running = use_state(|| None::<Option<Progress>>);
    let cancelled = use_state(|| false);
    let client = use_memo((), |()| PanelClient::new());

    // The files as a pool, parsed whenever either file or the household column changes.
    let pool = use_memo(
        (
            (*categories).clone(),
            (*respondents).clone(),
            (*household).clone(),
        ),
        |(c, r, h)| match (c, r) {
            (Some(c), Some(r)) => Some(
                panel::parse(&c.text, &r.text, (!h.trim().is_empty()).then(|| h.trim()))
                    .map(Rc::new),
            ),
            _ => None,
        },
    );

    let on_categories = picker(&categories, &problem);
    let on_respondents = picker(&respondents, &problem);
    let on_example = {
        let (categories, respondents, size, problem, household) = (
            categories.clone(),
            respondents.clone(),
            size.clone(),
            problem.clone(),
            household.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            categories.set(Some(Input {
                name: "categories.csv".into(),
                text: EXAMPLE_CATEGORIES.into(),
            }));
            respondents.set(Some(Input {
                name: "respondents.csv".into(),
                text: EXAMPLE_RESPONDENTS.into(),
            }));
            household.set(String::new());
            size.set(EXAMPLE_PANEL_SIZE);
            problem.set(None);
        })
    };
    let on_algorithm = {
        let algorithm = algorithm.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(a) = select.value().parse() {
                algorithm.set(a);
            }
        })
    };
    let on_size = {
        let size = size.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = number(&e) {
                size.set(v);
            }
        })
    };
    let on_seed = {
        let seed = seed.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = number(&e) {
                seed.set(v);
            }
        })
    };
    let on_household = {
        let household = household.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            household.set(input.value());
        })
    };
    let on_compare = {
        let compare = compare.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            compare.set(input.checked());
        })
    };
    let ready_pool = match pool.as_ref() {
        Some(Ok(p)) => Some(p.clone()),
        _ => None,
    };
    let on_run = {
        let (shown, running, run_problem, cancelled) = (
            shown.clone(),
            running.clone(),
            run_problem.clone(),
            cancelled.clone(),
        );
        let client = client.clone();
        let spec = match (&*categories, &*respondents) {
            (Some(c), Some(r)) => Some(PanelSpec {
                categories: c.text.to_string(),
                respondents: r.text.to_string(),
                household: (!household.trim().is_empty()).then(|| household.trim().to_string()),
                panel_size: *size,
                algorithm: *algorithm,
                seed: *seed,
                draws: None,
                with_legacy: *compare,
            }),
            _ => None,
        };
        let pool = ready_pool.clone();
        Callback::from(move |_: MouseEvent| {
            let (Some(spec), Some(pool)) = (spec.clone(), pool.clone()) else {
                return;
            };
            running.set(Some(None));
            run_problem.set(None);
            cancelled.set(false);
            let (shown, running, run_problem) =
                (shown.clone(), running.clone(), run_problem.clone());
            let on_event =
                Callback::from(
                    move |event: WorkerEvent<PanelPartial, PanelOutput>| match event {
                        WorkerEvent::Partial(PanelPartial::PanelStep(p)) => {
                            running.set(Some(Some(p)));
                        }
                        WorkerEvent::Partial(PanelPartial::PanelLegacy(_))
                        | WorkerEvent::Progress { .. } => {}
                        WorkerEvent::Done(PanelOutput::Panel(result)) => {
                            running.set(None);
                            match *result {
                                Ok(done) => {
                                    shown.set(Some(Rc::new(Shown {
                                        pool: pool.clone(),
                                        done,
                                    })));
                                }
                                Err(e) => run_problem.set(Some(Problem::Panel(e))),
                            }
                        }
                        WorkerEvent::Error(m) => {
                            running.set(None);
                            run_problem.set(Some(Problem::Worker(m)));
                        }
                    },
                );
            client.run(Job::Panel { spec }, on_event);
        })
    };
    let on_cancel = {
        let (client, running, cancelled) = (client.clone(), running.clone(), cancelled.clone());
        Callback::from(move |_: MouseEvent| {
            client.cancel();
            running.set(None);
            cancelled.set(true);
        })
    };

    let file_problem = (*problem)
        .clone()
        .or_else(|| match pool.as_ref() {
            Some(Err(e)) => Some(Problem::Panel(e.clone())),
            _ => None,
        })
        .or_else(|| (*run_problem).clone());
    let error_html = file_problem.map(|p| {
        html! {
            <div class="error" role="alert" id="panel-error">
                <p>{ format!("{}: {}", t.bad_input, p.text(lang)) }</p>
                if shown.is_some() { <p>{ t.kept }</p> }
            </div>
        }
    });
    let status_html = match &*running {
        Some(step) => {
            let (text, value, max) = match step {
                Some(p) => (
                    lang.panel_progress(p),
                    p.fixed.to_string(),
                    p.respondents.to_string(),
                ),
                None => (lang.panel_starting().to_string(), "0".into(), "1".into()),
            };
            html! {
                <p role="status" id="panel-status">
                    <progress id="panel-progress" aria-label={t.progress_label} {max} {value} />
                    { " " }<span id="panel-step">{ text }</span>{ " " }
                    <button type="button" id="panel-cancel" onclick={on_cancel}>{ t.cancel }</button>
                </p>
            }
        }
        None if *cancelled => html! { <p role="status" id="panel-status">{ t.cancelled }</p> },
        None => html! {},
    };
    let file_name = |input: &Option<Input>| {
        input
            .as_ref()
            .map_or_else(|| t.no_file.to_string(), |i| i.name.clone())
    };
    let pool_html = ready_pool.as_ref().map(|p| {
        let features = p.categories.iter().map(|c| c.features.len()).sum();
        html! {
            <p id="panel-pool">{ lang.panel_pool(p.len, p.categories.len(), features) }</p>
        }
    });
    let algorithm_options = Algorithm::ALL.iter().map(|&a| {
        html! { <option value={a.key()} selected={a == *algorithm}>{ lang.algorithm(a) }</option> }
    });
    let results = (*shown)
        .as_ref()
        .map(|s| html! { <Results {lang} shown={s.clone()} /> });
    html! {
        <section class="view-page panel-view" id="panel-view" aria-labelledby="view-heading">
            <h2 id="view-heading">{ lang.view(View::Panel) }</h2>
            <p>{ t.intro }</p>
            <fieldset class="panel-files">
                <legend>{ t.files_legend }</legend>
                <p class="hint">{ t.files_hint }</p>
                <div class="field">
                    <label for="panel-categories">{ t.categories_label }</label>
                    <input type="file" id="panel-categories" accept=".csv,text/csv,text/plain" onchange={on_categories} />
                    <span class="hint" id="panel-categories-name">{ file_name(&categories) }</span>
                </div>
                <div class="field">
                    <label for="panel-respondents">{ t.respondents_label }</label>
                    <input type="file" id="panel-respondents" accept=".csv,text/csv,text/plain" onchange={on_respondents} />
                    <span class="hint" id="panel-respondents-name">{ file_name(&respondents) }</span>
                </div>
                <button type="button" id="panel-example" onclick={on_example} aria-describedby="panel-example-hint">{ t.example }</button>
                <span class="hint" id="panel-example-hint">{ " " }{ t.example_hint }</span>
                { pool_html }
            </fieldset>
            { error_html }
            <fieldset class="panel-options">
                <legend>{ t.options_legend }</legend>
                <div class="field">
                    <label for="panel-algorithm">{ t.algorithm_label }</label>
                    <select id="panel-algorithm" onchange={on_algorithm}>{ for algorithm_options }</select>
                </div>
                <div class="field">
                    <label for="panel-size">{ t.size_label }</label>
                    <input id="panel-size" type="number" min="1" step="1" value={size.to_string()} onchange={on_size} />
                </div>
                <div class="field">
                    <label for="panel-seed">{ t.seed_label }</label>
                    <input id="panel-seed" type="number" min="0" step="1" value={seed.to_string()} onchange={on_seed} />
                </div>
                <div class="field">
                    <label for="panel-household">{ t.household_label }</label>
                    <input id="panel-household" type="text" value={(*household).clone()} onchange={on_household} aria-describedby="panel-household-hint" />
                    <span class="hint" id="panel-household-hint">{ t.household_hint }</span>
                </div>
                <div class="field">
                    <input id="panel-compare" type="checkbox" checked={*compare} onchange={on_compare} />
                    <label for="panel-compare">{ t.compare_label }</label>
                </div>
                <button type="button" id="panel-run" disabled={ready_pool.is_none() || running.is_some()} onclick={on_run}>{ t.run }</button>
            </fieldset>
            { status_html }
            { results }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialoglab_engine::panel::Options;

    fn shown(algorithm: Algorithm) -> Shown {
        let pool = panel::parse(EXAMPLE_CATEGORIES, EXAMPLE_RESPONDENTS, None).unwrap();
        let options = Options {
            seed: 1,
            draws: 300,
        };
        let run = |a| panel::select(&pool, 20, a, &options, &mut |_| true).unwrap();
        let legacy = (algorithm != Algorithm::Legacy).then(|| run(Algorithm::Legacy));
        Shown {
            done: PanelDone {
                selection: run(algorithm),
                legacy,
            },
            pool: Rc::new(pool),
        }
    }

    #[test]
    fn the_tables_read_the_example() {
        let s = shown(Algorithm::Leximin);
        let sel = s.selections();
        assert_eq!(sel[0].algorithm, Algorithm::Legacy);
        let sorted = sorted_table(Lang::En, &sel);
        assert_eq!(sorted.rows.len(), 200);
        assert_eq!(sorted.headers[2], "Probability, LEXIMIN");
        assert_eq!(sorted.rows[0][2].display(Lang::En), "10.0%");
        assert_eq!(sorted.rows[0][2].display(Lang::Da), "10,0\u{a0}%");
        let measures = measures_table(Lang::Da, &sel);
        assert_eq!(measures.rows[0][2].display(Lang::Da), "10,0\u{a0}%");
        // Quotas: 4 features; the drawn panel meets every quota; expectations sum to the panel.
        let quotas = quota_table(Lang::En, &s);
        assert_eq!(quotas.rows.len(), 4);
        for row in &quotas.rows {
            let (Cell::Int(min), Cell::Int(max), Cell::Int(drawn)) = (&row[2], &row[3], &row[5])
            else {
                panic!("{row:?}")
            };
            assert!(min <= drawn && drawn <= max, "{row:?}");
        }
        let expected: f64 = quotas.rows[..2]
            .iter()
            .map(|r| match r[7] {
                Cell::Num(x, _) => x,
                _ => panic!(),
            })
            .sum();
        assert!((expected - 20.0).abs() < 1e-6, "{expected}");
        let drawn = panel_table(Lang::Da, &s.pool, &s.done.selection.panel);
        assert_eq!(drawn.rows.len(), 20);
        assert_eq!(
            drawn.headers,
            ["Person (linje i filen)", "gender", "leaning"]
        );
        let all = probabilities_table(Lang::En, &s);
        assert_eq!(all.rows.len(), 200);
        assert_eq!(
            all.rows
                .iter()
                .filter(|r| r.last() == Some(&Cell::Text("yes".into())))
                .count(),
            20
        );
        let cert = certificate_table(Lang::En, &s.done.selection);
        assert!(!cert.rows.is_empty());
    }

    #[test]
    fn the_axis_holds_every_value() {
        assert!((axis_top(&[0.1, 0.099]) - 0.1).abs() < 1e-12);
        assert!((axis_top(&[0.03, 0.100_000_1]) - 0.15).abs() < 1e-12);
        assert!((axis_top(&[1.0]) - 1.0).abs() < 1e-12);
        assert!((axis_top(&[]) - 0.01).abs() < 1e-12);
    }

    #[tokio::test]
    async fn the_results_render_the_chart_tables_and_certificate() {
        #[derive(Properties, PartialEq)]
        struct P {
            shown: Rc<Shown>,
        }
        #[component]
        fn Host(p: &P) -> Html {
            html! { <Results lang={Lang::Da} shown={p.shown.clone()} /> }
        }
        let html = yew::LocalServerRenderer::<Host>::with_props(P {
            shown: Rc::new(shown(Algorithm::Leximin)),
        })
        .render()
        .await;
        for id in [
            "panel-probabilities-svg",
            "panel-measures-table",
            "panel-quotas-table",
            "panel-drawn-table",
            "panel-certificate-table",
            "panel-export-csv",
            "panel-export-json",
        ] {
            assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
        }
        assert!(
            html.contains("LEXIMIN giver den mindst udvalgte 10,0\u{a0}%"),
            "{html}"
        );
        // Ten focusable marks: five per series.
        assert_eq!(html.matches("class=\"mark").count(), 10);
    }
}
