//! The vote's outcome: every proposal with its supporters, whether it was funded, whether it
//! would have been funded if everyone had voted (the counterfactual), what was vetoed, and which
//! group was most over-represented among its supporters.

use std::rc::Rc;

use dialoglab_engine::attributes::Attribute;
use dialoglab_engine::report::{OutcomeReport, ProjectReport};
use yew::prelude::*;

pub use crate::charts::kinds::{Status, status};
use crate::charts::palette;
use crate::components::chart_frame::{ChartFrame, Mark};
use crate::export::{Cell, Table};
use crate::format;
use crate::i18n::Lang;

const WIDTH: f64 = 640.0;
const LEFT: f64 = 285.0;
const RIGHT: f64 = 95.0;
const ROW: f64 = 22.0;

/// The group most over-represented among a project's supporters: (label, ratio).
#[must_use]
pub fn top_supporters(p: &ProjectReport, lang: Lang) -> Option<(String, f64)> {
    let mut best: Option<(String, f64)> = None;
    for a in Attribute::CORE {
        for (key, ratio) in p.supporter_ratios.get(a.key()).into_iter().flatten() {
            if best.as_ref().is_none_or(|b| *ratio > b.1) {
                best = Some((lang.group_name(a, key), *ratio));
            }
        }
    }
    best
}

/// Longest project label drawn left of the bars (the table and the mark keep the whole name).
const LABEL_CHARS: usize = 44;
/// The same on a phone, whose larger chart text (styles/main.css) fits fewer characters.
const NARROW_CHARS: usize = 32;
/// Centre of the »if everyone voted« column.
const IF_ALL_X: f64 = WIDTH - RIGHT + 51.0;

/// A project's label: id, category and district for a generated project; id, name and
/// category for a real one (`vote.projects`), which belongs to no district (id and category
/// when its name is empty).
#[must_use]
pub fn label(p: &ProjectReport, lang: Lang) -> String {
    match p.name.as_deref().filter(|n| !n.is_empty()) {
        Some(name) => format!("{} · {name} · {}", p.id, lang.project_category(&p.category)),
        None if p.name.is_some() => format!("{} · {}", p.id, lang.project_category(&p.category)),
        None => format!(
            "{} · {} · {}",
            p.id,
            lang.project_category(&p.category),
            lang.category(Attribute::District, &p.district)
        ),
    }
}

/// `text` cut to `max` characters, ending in `…` when cut.
#[must_use]
pub fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Props of [`ProjectsChart`].
#[derive(Properties, PartialEq)]
pub struct ProjectsChartProps {
    /// Interface language.
    pub lang: Lang,
    /// The vote's outcome.
    pub outcome: Rc<OutcomeReport>,
    /// Agreement of the actual and the everyone-votes outcome (0 – 1).
    pub legitimacy: f64,
}

/// The projects chart.
#[component]
pub fn ProjectsChart(props: &ProjectsChartProps) -> Html {
    let lang = props.lang;
    let t = lang.t();
    let o = &props.outcome;
    let max = o
        .projects
        .iter()
        .map(|p| p.supporters)
        .max()
        .unwrap_or(0)
        .max(1);
    let span = WIDTH - LEFT - RIGHT;
    let name = |p: &ProjectReport| label(p, lang);
    let desc = lang.projects_desc(
        o.funded.len(),
        o.projects.iter().filter(|p| p.on_ballot).count(),
        o.vetoed.len(),
        o.funded_if_all_voted.len(),
        props.legitimacy,
    );
    let body = o.projects.iter().enumerate().map(|(k, p)| {
        let y = 30.0 + ROW * k as f64;
        let w = f64::from(p.supporters) / f64::from(max) * span;
        let st = status(p);
        let (fill, dash) = match st {
            Status::Funded => (palette::BLUE, ""),
            Status::NotFunded => ("none", "4 2"),
            Status::Vetoed | Status::OffBallot => ("none", "1 2"),
        };
        let label = format!(
            "{}: {}, {} {}, {}; {}: {}",
            name(p),
            format::money(lang, p.cost),
            format::int(lang, p.supporters.into()),
            crate::i18n::lower(t.col_supporters),
            lang.status(st),
            t.col_if_all,
            if p.funded_if_all_voted { t.yes } else { t.no },
        );
        let ax = IF_ALL_X;
        // The name cut to `max` characters; styles/main.css shows one of the two lengths.
        let row_label = |class: &'static str, max: usize| {
            html! {
                <text x={(LEFT - 8.0).to_string()} y={format!("{:.1}", y + ROW / 2.0)} text-anchor="end"
                    dominant-baseline="middle" {class}>{ short(&name(p), max) }</text>
            }
        };
        html! {
            <Mark class="project" {label} x={LEFT + w / 2.0} y={y}>
                { row_label("wide-label", LABEL_CHARS) }
                { row_label("narrow-label", NARROW_CHARS) }
                <rect x={LEFT.to_string()} y={format!("{:.1}", y + 4.0)} width={format!("{:.1}", w.max(1.0))} height={(ROW - 8.0).to_string()}
                    fill={fill} stroke={if st == Status::Funded { "#000" } else { palette::GREY }} stroke-width="1.2" stroke-dasharray={dash} />
                <text x={format!("{:.1}", LEFT + w + 4.0)} y={format!("{:.1}", y + ROW / 2.0)} dominant-baseline="middle" class="count">
                    { if st == Status::Vetoed { format!("✕ {}", lang.status(st)) } else { format::int(lang, p.supporters.into()) } }
                </text>
                if p.funded_if_all_voted {
                    <polygon points={format!("{ax:.1},{:.1} {:.1},{:.1} {ax:.1},{:.1} {:.1},{:.1}", y + 4.0, ax + 7.0, y + ROW / 2.0, y + ROW - 4.0, ax - 7.0, y + ROW / 2.0)}
                        fill={palette::ORANGE} stroke="#000" stroke-width="0.6" />
                }
            </Mark>
        }
    });
    let height = 30.0 + ROW * o.projects.len() as f64 + 10.0;
    let table = Rc::new(Table {
        headers: vec![
            t.col_project.into(),
            t.col_amount.into(),
            t.col_supporters.into(),
            t.col_status.into(),
            t.col_if_all.into(),
            t.col_top_supporters.into(),
        ],
        rows: o
            .projects
            .iter()
            .map(|p| {
                let top = top_supporters(p, lang).map_or_else(String::new, |(g, r)| {
                    format!("{g}: {}", format::dec(lang, r, 2))
                });
                vec![
                    Cell::Text(name(p)),
                    Cell::Money(p.cost),
                    Cell::Int(p.supporters.into()),
                    Cell::Text(lang.status(status(p)).into()),
                    Cell::Text(if p.funded_if_all_voted { t.yes } else { t.no }.into()),
                    Cell::Text(top),
                ]
            })
            .collect(),
    });
    let legend = html! {
        <ul class="legend">
            <li><svg width="22" height="14" aria-hidden="true"><rect x="1" y="2" width="20" height="10" fill={palette::BLUE} stroke="#000" /></svg>{ lang.status(Status::Funded) }</li>
            <li><svg width="22" height="14" aria-hidden="true"><rect x="1" y="2" width="20" height="10" fill="none" stroke={palette::GREY} stroke-dasharray="4 2" /></svg>{ lang.status(Status::NotFunded) }</li>
            <li><svg width="22" height="14" aria-hidden="true"><rect x="1" y="2" width="20" height="10" fill="none" stroke={palette::GREY} stroke-dasharray="1 2" /></svg>{ lang.status(Status::Vetoed) }</li>
            <li><svg width="16" height="16" aria-hidden="true"><polygon points="8,1 15,8 8,15 1,8" fill={palette::ORANGE} stroke="#000" stroke-width="0.6" /></svg>{ t.legend_if_all }</li>
        </ul>
    };
    html! {
        <ChartFrame id="projects-chart" {lang} title={t.projects_title} desc={desc} width={WIDTH} {height} {table} {legend}>
            <text x={LEFT.to_string()} y="16" class="axis-label">{ t.col_supporters }</text>
            <text x={format!("{IF_ALL_X:.1}")} y="16" text-anchor="middle" class="axis-label">{ t.col_if_all_short }</text>
            { for body }
        </ChartFrame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_projects_are_labelled_by_name_and_long_labels_are_cut() {
        let mut r = dialoglab_engine::run(&dialoglab_engine::Scenario::default()).unwrap();
        let p = &mut r.outcome.projects[0];
        assert!(
            label(p, Lang::En).contains("District"),
            "{}",
            label(p, Lang::En)
        );
        p.name = Some("Bike racks".into());
        p.district = "all".into();
        let l = label(p, Lang::En);
        assert!(
            l.starts_with("p01 · Bike racks · ") && !l.contains("District"),
            "{l}"
        );
        p.name = Some(String::new());
        assert_eq!(
            label(p, Lang::En),
            format!("p01 · {}", Lang::En.project_category(&p.category))
        );
        assert_eq!(short("abcdef", 4), "abc…");
        assert_eq!(short("abc", 4), "abc");
    }

    #[test]
    fn statuses_follow_the_flags_and_supporters_are_named() {
        let r = dialoglab_engine::run(&dialoglab_engine::Scenario::default()).unwrap();
        let funded = r
            .outcome
            .projects
            .iter()
            .filter(|p| status(p) == Status::Funded)
            .count();
        assert_eq!(funded, r.outcome.funded.len());
        let vetoed = r
            .outcome
            .projects
            .iter()
            .filter(|p| status(p) == Status::Vetoed)
            .count();
        assert_eq!(vetoed, r.outcome.vetoed.len());
        let with_supporters = r
            .outcome
            .projects
            .iter()
            .find(|p| p.supporters > 0)
            .unwrap();
        let (group, ratio) = top_supporters(with_supporters, Lang::En).unwrap();
        assert!(
            ratio >= 1.0 && !group.is_empty() && !group.contains(':'),
            "{group} {ratio}"
        );
    }
}
