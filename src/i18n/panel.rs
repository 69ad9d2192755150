//! Strings of the panel-selection view: fixed texts in [`PanelTexts`], sentences and the input's
//! error messages as functions on [`Lang`].

use dialoglab_engine::panel::{Algorithm, PanelError, Progress};

use super::Lang;
use crate::format;

/// Fixed strings of the panel-selection view.
pub struct PanelTexts {
    /// Introduction under the heading.
    pub intro: &'static str,
    /// Legend of the files' fieldset.
    pub files_legend: &'static str,
    /// Label of the `categories.csv` picker.
    pub categories_label: &'static str,
    /// Label of the `respondents.csv` picker.
    pub respondents_label: &'static str,
    /// What the two files hold.
    pub files_hint: &'static str,
    /// Button: load the bundled example.
    pub example: &'static str,
    /// Where the example comes from.
    pub example_hint: &'static str,
    /// Shown instead of a file name when none is chosen.
    pub no_file: &'static str,
    /// Legend of the options' fieldset.
    pub options_legend: &'static str,
    /// Label: algorithm.
    pub algorithm_label: &'static str,
    /// Label: panel size.
    pub size_label: &'static str,
    /// Label: seed.
    pub seed_label: &'static str,
    /// Label: household column.
    pub household_label: &'static str,
    /// Hint under the household column.
    pub household_hint: &'static str,
    /// Checkbox: also run LEGACY.
    pub compare_label: &'static str,
    /// Button: run.
    pub run: &'static str,
    /// Button: cancel.
    pub cancel: &'static str,
    /// Label of the progress bar.
    pub progress_label: &'static str,
    /// Prefix of an input error.
    pub bad_input: &'static str,
    /// After an error when a result is shown.
    pub kept: &'static str,
    /// After a cancel.
    pub cancelled: &'static str,
    /// Heading: the pool.
    pub pool_heading: &'static str,
    /// Heading: probabilities chart.
    pub chart_title: &'static str,
    /// Axis: respondents sorted.
    pub axis_x: &'static str,
    /// Axis: selection probability.
    pub axis_y: &'static str,
    /// Legend: the fair share k / n.
    pub fair_share: &'static str,
    /// Column: rank.
    pub col_rank: &'static str,
    /// Heading: measures.
    pub measures_heading: &'static str,
    /// Column: measure.
    pub col_measure: &'static str,
    /// Row: smallest probability.
    pub row_min: &'static str,
    /// Row: Gini coefficient.
    pub row_gini: &'static str,
    /// Row: geometric mean.
    pub row_geomean: &'static str,
    /// Heading: quotas.
    pub quotas_heading: &'static str,
    /// Column: category.
    pub col_category: &'static str,
    /// Column: feature.
    pub col_feature: &'static str,
    /// Column: minimum.
    pub col_min: &'static str,
    /// Column: maximum.
    pub col_max: &'static str,
    /// Column: respondents with the feature.
    pub col_pool: &'static str,
    /// Column: members in the drawn panel.
    pub col_drawn: &'static str,
    /// Heading: the drawn panel.
    pub panel_heading: &'static str,
    /// Column: respondent (line in the file).
    pub col_respondent: &'static str,
    /// Heading: certificate.
    pub certificate_heading: &'static str,
    /// How to read the certificate.
    pub certificate_intro: &'static str,
    /// Column: level.
    pub col_level: &'static str,
    /// Column: respondents at the level.
    pub col_respondents: &'static str,
    /// Column: the level's value.
    pub col_value: &'static str,
    /// Column: the dual bound.
    pub col_bound: &'static str,
    /// Column: achieved.
    pub col_achieved: &'static str,
    /// Column: gap.
    pub col_gap: &'static str,
    /// Heading: exports.
    pub export_heading: &'static str,
    /// Button: CSV of every respondent's probabilities.
    pub export_csv: &'static str,
    /// Button: JSON of the result.
    pub export_json: &'static str,
    /// Column of the export: in the drawn panel (yes/no).
    pub col_in_panel: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
}

/// Danish.
pub const DA: PanelTexts = PanelTexts {
    intro: "Et borgerting udtrækkes fra en pulje af borgere, der har sagt ja til at deltage, så panelet opfylder kvoter (f.eks. køn og alder). LEGACY er den gamle grådige udvælgelse; LEXIMIN (Flanigan m.fl., Nature 2021) finder den lodtrækning over kvote-panelerne, der giver den mindst udvalgte borger den størst mulige chance, derefter den næstmindste, og så videre. Beregningen kører i din browser.",
    files_legend: "Filer",
    categories_label: "Kategorier (categories.csv)",
    respondents_label: "Puljen (respondents.csv)",
    files_hint: "Udvælgelsesprogrammets format: categories.csv har kolonnerne category, feature, min og max; respondents.csv har en række pr. person og en kolonne pr. kategori.",
    example: "Brug eksemplet",
    example_hint: "200 personer, panel på 20, to kategorier (Sortition Foundations eksempel example_small_20).",
    no_file: "ingen fil",
    options_legend: "Udvælgelse",
    algorithm_label: "Algoritme",
    size_label: "Panelets størrelse",
    seed_label: "Frø (seed)",
    household_label: "Kolonne med husstand (valgfri)",
    household_hint: "Højst én person fra hver husstand i panelet.",
    compare_label: "Sammenlign med LEGACY",
    run: "Udvælg panel",
    cancel: "Annullér",
    progress_label: "Fremskridt",
    bad_input: "Filerne kan ikke bruges",
    kept: "Det forrige resultat vises stadig.",
    cancelled: "Beregningen blev annulleret. Det forrige resultat vises stadig.",
    pool_heading: "Puljen",
    chart_title: "Hver persons chance for at blive udvalgt",
    axis_x: "Personer i puljen, sorteret efter chance",
    axis_y: "Chance for udvælgelse",
    fair_share: "Lige chance (panel ÷ pulje)",
    col_rank: "Nr.",
    measures_heading: "Hvor lige er chancerne?",
    col_measure: "Mål",
    row_min: "Mindste chance",
    row_gini: "Gini-koefficient (0 = alle lige)",
    row_geomean: "Geometrisk gennemsnit",
    quotas_heading: "Kvoter",
    col_category: "Kategori",
    col_feature: "Værdi",
    col_min: "Min.",
    col_max: "Maks.",
    col_pool: "I puljen",
    col_drawn: "I det udtrukne panel",
    panel_heading: "Det udtrukne panel",
    col_respondent: "Person (linje i filen)",
    certificate_heading: "Bevis",
    certificate_intro: "For hvert niveau beviser en dual grænse, at ingen lodtrækning over kvote-paneler kan give niveauets personer en højere mindste chance; afstanden er grænsen minus den opnåede chance.",
    col_level: "Niveau",
    col_respondents: "Personer",
    col_value: "Chance",
    col_bound: "Grænse",
    col_achieved: "Opnået",
    col_gap: "Afstand",
    export_heading: "Eksport",
    export_csv: "Chancer (CSV)",
    export_json: "Resultat (JSON)",
    col_in_panel: "I panelet",
    yes: "ja",
    no: "nej",
};

/// English.
pub const EN: PanelTexts = PanelTexts {
    intro: "A citizens' assembly is drawn from a pool of people who said yes to taking part, so that the panel meets quotas (gender and age, say). LEGACY is the old greedy selection; LEXIMIN (Flanigan et al., Nature 2021) finds the lottery over quota-meeting panels that gives the least likely person the greatest possible chance, then the second least likely, and so on. It runs in your browser.",
    files_legend: "Files",
    categories_label: "Categories (categories.csv)",
    respondents_label: "Pool (respondents.csv)",
    files_hint: "The selection software's format: categories.csv has the columns category, feature, min and max; respondents.csv has one row per person and one column per category.",
    example: "Use the example",
    example_hint: "200 people, a panel of 20, two categories (the Sortition Foundation's example_small_20).",
    no_file: "no file",
    options_legend: "Selection",
    algorithm_label: "Algorithm",
    size_label: "Panel size",
    seed_label: "Seed",
    household_label: "Household column (optional)",
    household_hint: "At most one person from each household on the panel.",
    compare_label: "Compare with LEGACY",
    run: "Select panel",
    cancel: "Cancel",
    progress_label: "Progress",
    bad_input: "The files cannot be used",
    kept: "The previous result is still shown.",
    cancelled: "The computation was cancelled. The previous result is still shown.",
    pool_heading: "The pool",
    chart_title: "Each person's chance of selection",
    axis_x: "People in the pool, sorted by chance",
    axis_y: "Selection probability",
    fair_share: "Equal chance (panel ÷ pool)",
    col_rank: "Rank",
    measures_heading: "How equal are the chances?",
    col_measure: "Measure",
    row_min: "Smallest chance",
    row_gini: "Gini coefficient (0 = all equal)",
    row_geomean: "Geometric mean",
    quotas_heading: "Quotas",
    col_category: "Category",
    col_feature: "Feature",
    col_min: "Min",
    col_max: "Max",
    col_pool: "In the pool",
    col_drawn: "In the drawn panel",
    panel_heading: "The drawn panel",
    col_respondent: "Person (line in the file)",
    certificate_heading: "Certificate",
    certificate_intro: "For each level a dual bound proves that no lottery over quota-meeting panels can give the level's people a higher smallest chance; the gap is the bound minus the chance achieved.",
    col_level: "Level",
    col_respondents: "People",
    col_value: "Chance",
    col_bound: "Bound",
    col_achieved: "Achieved",
    col_gap: "Gap",
    export_heading: "Export",
    export_csv: "Probabilities (CSV)",
    export_json: "Result (JSON)",
    col_in_panel: "On the panel",
    yes: "yes",
    no: "no",
};

impl Lang {
    /// The panel-selection view's fixed strings.
    #[must_use]
    pub fn panel(self) -> &'static PanelTexts {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }

    /// An algorithm's name.
    #[must_use]
    pub fn algorithm(self, algorithm: Algorithm) -> &'static str {
        match algorithm {
            Algorithm::Legacy => "LEGACY",
            Algorithm::Maximin => "Maximin",
            Algorithm::Leximin => "LEXIMIN",
        }
    }

    /// Column heading: an algorithm's selection probability.
    #[must_use]
    pub fn panel_probability(self, algorithm: Algorithm) -> String {
        match self {
            Lang::Da => format!("Chance, {}", self.algorithm(algorithm)),
            Lang::En => format!("Probability, {}", self.algorithm(algorithm)),
        }
    }

    /// Column heading: the expected number of members with a feature under an algorithm.
    #[must_use]
    pub fn panel_expected(self, algorithm: Algorithm) -> String {
        match self {
            Lang::Da => format!("Forventet, {}", self.algorithm(algorithm)),
            Lang::En => format!("Expected, {}", self.algorithm(algorithm)),
        }
    }

    /// The pool in a sentence.
    #[must_use]
    pub fn panel_pool(self, respondents: u32, categories: usize, features: usize) -> String {
        let n = format::int(self, u64::from(respondents));
        match self {
            Lang::Da => format!(
                "{n} personer, {categories} kategorier med i alt {features} værdier med kvoter."
            ),
            Lang::En => format!(
                "{n} people, {categories} categories with {features} features under quotas in all."
            ),
        }
    }

    /// The chart's finding: each algorithm's smallest probability, against the fair share.
    #[must_use]
    pub fn panel_chart_desc(self, mins: &[(Algorithm, f64)], fair: f64) -> String {
        let parts: Vec<String> = mins
            .iter()
            .map(|&(a, m)| {
                let p = format::percent(self, m, 1);
                match self {
                    Lang::Da => format!("{} giver den mindst udvalgte {p}", self.algorithm(a)),
                    Lang::En => format!("{} gives the least likely person {p}", self.algorithm(a)),
                }
            })
            .collect();
        let fair = format::percent(self, fair, 1);
        match self {
            Lang::Da => format!(
                "{}; en lige chance for alle ville være {fair}.",
                parts.join(", ")
            ),
            Lang::En => format!(
                "{}; an equal chance for all would be {fair}.",
                parts.join(", ")
            ),
        }
    }

    /// What the column generation is doing.
    #[must_use]
    pub fn panel_progress(self, p: &Progress) -> String {
        let fixed = format::int(self, u64::from(p.fixed));
        let all = format::int(self, u64::from(p.respondents));
        let panels = format::int(self, u64::from(p.panels));
        let gap = if p.gap.is_finite() {
            format::points(self, p.gap, 3)
        } else {
            "–".into()
        };
        let level = p.level + 1;
        match self {
            Lang::Da => format!(
                "Niveau {level}: {fixed} af {all} personers chance er fastlagt; {panels} paneler afprøvet; afstand til grænsen {gap}."
            ),
            Lang::En => format!(
                "Level {level}: {fixed} of {all} people's chances are fixed; {panels} panels tried; gap to the bound {gap}."
            ),
        }
    }

    /// Shown while LEGACY's draws run (before any level).
    #[must_use]
    pub fn panel_starting(self) -> &'static str {
        match self {
            Lang::Da => "Beregner …",
            Lang::En => "Computing …",
        }
    }

    /// The certificate in a sentence.
    #[must_use]
    pub fn panel_certificate(self, levels: usize, max_gap: f64, panels: usize) -> String {
        let gap = format!("{max_gap:.1e}");
        let panels = format::int(self, panels as u64);
        match self {
            Lang::Da => format!(
                "{levels} niveauer; største afstand {gap}; lodtrækningen bruger {panels} forskellige paneler."
            ),
            Lang::En => format!(
                "{levels} levels; largest gap {gap}; the lottery uses {panels} different panels."
            ),
        }
    }

    /// A file that the browser could not read.
    #[must_use]
    pub fn panel_read_error(self, file: &str, detail: &str) -> String {
        match self {
            Lang::Da => format!("{file} kunne ikke læses ({detail})."),
            Lang::En => format!("{file} could not be read ({detail})."),
        }
    }

    /// What is wrong with the files, the quotas or the computation, naming the file, line,
    /// category and feature at fault.
    #[must_use]
    #[allow(
        clippy::too_many_lines,
        reason = "one match arm per PanelError variant, in both languages side by side"
    )]
    pub fn panel_error(self, e: &PanelError) -> String {
        match e {
            PanelError::Empty { file } => {
                self.pick(format!("{file}.csv har ingen rækker."), format!("{file}.csv has no rows."))
            }
            PanelError::TooLarge { what, limit } => {
                let limit = format::int(self, *limit);
                match self {
                    Lang::Da => {
                        let what = match what.as_str() {
                            "respondents" => "personer",
                            "features in one category" => "værdier i én kategori",
                            w if w.starts_with("bytes in ") => "byte i filen",
                            _ => "enheder",
                        };
                        format!("Mere end {limit} {what}.")
                    }
                    Lang::En => format!("More than {limit} {what}."),
                }
            }
            PanelError::Csv {
                file,
                line,
                message,
            } => {
                let message = self.pick(csv_message_da(message), message.clone());
                self.pick(format!("{file}.csv, linje {line}: {message}."), format!("{file}.csv, line {line}: {message}."))
            }
            PanelError::MissingColumn { file, column } => {
                self.pick(format!("{file}.csv har ingen kolonne »{column}«."), format!("{file}.csv has no column “{column}”."))
            }
            PanelError::UnknownFeature {
                line,
                category,
                value,
            } => {
                self.pick(format!(
                        "respondents.csv, linje {line}: »{value}« er ikke en værdi i kategorien »{category}« i categories.csv."
                    ), format!(
                        "respondents.csv, line {line}: “{value}” is not a feature of category “{category}” in categories.csv."
                    ))
            }
            PanelError::MinAboveMax {
                category,
                feature,
                min,
                max,
            } => {
                self.pick(format!(
                        "Kategori »{category}«, værdi »{feature}«: minimum {min} er større end maksimum {max}."
                    ), format!(
                        "Category “{category}”, feature “{feature}”: the minimum {min} exceeds the maximum {max}."
                    ))
            }
            PanelError::PanelSize { panel_size, pool } => {
                self.pick(format!(
                        "Panelet skal have mellem 1 og puljens {pool} personer, ikke {panel_size}."
                    ), format!(
                        "The panel must have between 1 and the pool's {pool} people, not {panel_size}."
                    ))
            }
            PanelError::TooFewRespondents {
                category,
                feature,
                min,
                available,
            } => {
                self.pick(format!(
                        "Kategori »{category}«, værdi »{feature}«: minimum er {min}, men kun {available} i puljen har den."
                    ), format!(
                        "Category “{category}”, feature “{feature}”: the minimum is {min} but only {available} people in the pool have it."
                    ))
            }
            PanelError::CategorySum {
                category,
                bound,
                sum,
                panel_size,
            } => {
                let mins = bound == "minimums";
                match (self, mins) {
                    (Lang::Da, true) => format!(
                        "Kategori »{category}«: minimummerne giver tilsammen {sum}, mere end panelets {panel_size}."
                    ),
                    (Lang::Da, false) => format!(
                        "Kategori »{category}«: maksimummerne giver tilsammen {sum}, mindre end panelets {panel_size}."
                    ),
                    (Lang::En, true) => format!(
                        "Category “{category}”: its minimums add up to {sum}, more than the panel's {panel_size}."
                    ),
                    (Lang::En, false) => format!(
                        "Category “{category}”: its maximums add up to {sum}, fewer than the panel's {panel_size}."
                    ),
                }
            }
            PanelError::Infeasible { category, feature } => {
                self.pick(format!(
                        "Intet panel opfylder alle kvoter på én gang; kvoten for kategori »{category}«, værdi »{feature}« er den, der skal lempes."
                    ), format!(
                        "No panel meets all quotas together; the quota of category “{category}”, feature “{feature}” is the one to relax."
                    ))
            }
            PanelError::InfeasibleJointly => {
                self.pick("Intet panel opfylder alle kvoter (og husstande) på én gang, selv om hver kategori kan opfyldes for sig.".into(), "No panel meets all quotas (and households) together, though each category can be met on its own.".into())
            }
            PanelError::LegacyFailed { attempts } => {
                self.pick(format!(
                        "LEGACY fandt intet panel, der opfylder kvoterne, på {attempts} forsøg."
                    ), format!("LEGACY found no panel meeting the quotas in {attempts} attempts."))
            }
            PanelError::Solver { message } => {
                self.pick(format!("LP-løseren fejlede: {message}."), format!("The LP solver failed: {message}."))
            }
            PanelError::Cancelled => {
                self.pick("Annulleret.".into(), "Cancelled.".into())
            }
        }
    }
}

/// The parser's line messages (`dialoglab_engine::panel` writes them in English) in Danish.
fn csv_message_da(message: &str) -> String {
    if message == "a quoted field is not closed" {
        return "et felt i anførselstegn er ikke afsluttet".into();
    }
    if message == "the category and the feature must not be empty" {
        return "kategori og værdi må ikke være tomme".into();
    }
    if message == "a feature index is missing or out of range" {
        return "en værdi mangler".into();
    }
    if message == "one household per respondent is needed" {
        return "der skal være én husstand pr. person".into();
    }
    if let Some((name, found)) = message
        .split_once(" must be a whole number ≥ 0, found ")
        .map(|(n, f)| (n.to_string(), f.to_string()))
    {
        return format!("{name} skal være et helt tal ≥ 0, ikke {found}");
    }
    if let Some(rest) = message.strip_prefix("feature ")
        && let Some((feature, category)) = rest
            .strip_suffix(" appears twice")
            .and_then(|r| r.split_once(" of category "))
    {
        return format!("værdien {feature} i kategorien {category} står der to gange");
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_names_what_is_wrong_in_both_languages() {
        let e = PanelError::UnknownFeature {
            line: 7,
            category: "gender".into(),
            value: "woman".into(),
        };
        // Each language quotes as it writes: »…« in Danish, “…” in English.
        for (lang, (open, close)) in Lang::ALL.into_iter().zip([('»', '«'), ('“', '”')]) {
            let text = lang.panel_error(&e);
            assert!(
                text.contains('7')
                    && text.contains(&format!("{open}gender{close}"))
                    && text.contains(&format!("{open}woman{close}")),
                "{text}"
            );
        }
        let e = PanelError::Infeasible {
            category: "age".into(),
            feature: "16-29".into(),
        };
        assert!(
            Lang::Da
                .panel_error(&e)
                .contains("kvoten for kategori »age«, værdi »16-29«")
        );
    }

    #[test]
    fn the_parsers_messages_are_translated() {
        let err = dialoglab_engine::panel::parse_categories(
            "category,feature,min,max\ngender,female,x,2\n",
        )
        .unwrap_err();
        let da = Lang::Da.panel_error(&err);
        assert!(
            da.contains("linje 2") && da.contains("skal være et helt tal"),
            "{da}"
        );
        let err = dialoglab_engine::panel::parse_categories(
            "category,feature,min,max\ngender,female,1,2\ngender,female,1,2\n",
        )
        .unwrap_err();
        let da = Lang::Da.panel_error(&err);
        assert!(da.contains("står der to gange"), "{da}");
        let err =
            dialoglab_engine::panel::parse_categories("category,feature,min,max\n\"a,b,1,2\n")
                .unwrap_err();
        assert!(Lang::Da.panel_error(&err).contains("anførselstegn"));
    }

    #[test]
    fn progress_reads_as_a_sentence() {
        let p = Progress {
            level: 0,
            fixed: 0,
            respondents: 1_700,
            panels: 875,
            gap: 0.017,
        };
        assert_eq!(
            Lang::En.panel_progress(&p),
            "Level 1: 0 of 1,700 people's chances are fixed; 875 panels tried; gap to the bound 1.700 percentage points."
        );
        assert!(Lang::Da.panel_progress(&p).contains("1.700 personers"));
    }
}
