//! The real-data view's summaries in words and numbers: the instance, the seeded scenario.

use dialoglab_engine::pb::seed::Seeding;
use dialoglab_engine::pb::study::Study;
use yew::prelude::*;

use super::tables::money;
use crate::format;
use crate::i18n::Lang;

/// The instance in numbers.
pub(super) fn summary(lang: Lang, name: &str, study: &Study) -> Html {
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
pub(super) fn seed_summary(lang: Lang, seeding: &Seeding) -> Html {
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
