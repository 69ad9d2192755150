//! The real-data view's tables: winners by rule against the official outcome, measures per rule.

use std::rc::Rc;

use dialoglab_engine::pb::Instance;
use dialoglab_engine::pb::study::Study;
use yew::prelude::*;

use crate::components::chart_frame::csv_download;
use crate::components::data_table::table_html;
use crate::export::{Cell, Dialect, Table};
use crate::format;
use crate::i18n::Lang;

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

pub(super) fn money(instance: &Instance, lang: Lang, amount: u64) -> String {
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
                { table_html(lang, &props.table, &format!("{id}-table"), &props.title, &props.row_classes) }
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
