//! Strings of the real-data view (pabulib `.pb` files): fixed texts in [`PbTexts`], sentences
//! and error messages as functions on [`Lang`].

use dialoglab_engine::pb::PbError;
use dialoglab_engine::pb::VoteKind;

use super::Lang;
use crate::format;

/// Fixed strings of the real-data view.
pub struct PbTexts {
    /// Introduction under the heading.
    pub intro: &'static str,
    /// Label of the file picker.
    pub file_label: &'static str,
    /// Text of the drop zone.
    pub drop_hint: &'static str,
    /// Shown while reading and computing.
    pub working: &'static str,
    /// Label of the progress bar.
    pub progress_label: &'static str,
    /// Prefix of a file error.
    pub bad_file: &'static str,
    /// After an error when a file was open before.
    pub kept: &'static str,
    /// Heading: the instance.
    pub instance_heading: &'static str,
    /// Label: file name.
    pub file_name: &'static str,
    /// Label: description.
    pub description: &'static str,
    /// Label: budget.
    pub budget: &'static str,
    /// Label: projects.
    pub projects: &'static str,
    /// Label: vote type.
    pub vote_type: &'static str,
    /// Label: voters.
    pub voters: &'static str,
    /// Label: empty ballots.
    pub empty_ballots: &'static str,
    /// Label: the official rule (META `rule`).
    pub official_rule: &'static str,
    /// Label: voters with age / sex.
    pub with_age_sex: &'static str,
    /// Label: median ballot length.
    pub median_length: &'static str,
    /// Heading: winners by rule.
    pub winners_heading: &'static str,
    /// How to read the winners table.
    pub winners_legend: &'static str,
    /// Column: project id.
    pub col_id: &'static str,
    /// Column: name.
    pub col_name: &'static str,
    /// Column: cost.
    pub col_cost: &'static str,
    /// Column: categories.
    pub col_category: &'static str,
    /// Column: official outcome.
    pub col_official: &'static str,
    /// Column: rule.
    pub col_rule: &'static str,
    /// Column: winners.
    pub col_winners: &'static str,
    /// Column: total cost.
    pub col_total: &'static str,
    /// Column: share of the budget used.
    pub col_budget_used: &'static str,
    /// Column: share of voters with at least one approved winner.
    pub col_share_winner: &'static str,
    /// Column: Gini of satisfaction.
    pub col_gini: &'static str,
    /// Column: same as official.
    pub col_matches: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// The file has no `selected` column.
    pub no_official: &'static str,
    /// Heading: outcomes by rule.
    pub rules_heading: &'static str,
    /// Chart title: analytics per rule.
    pub analytics_title: &'static str,
    /// Chart title: satisfaction by group.
    pub groups_title: &'static str,
    /// Label: which rule the group chart shows.
    pub rule_select: &'static str,
    /// Column: group.
    pub col_group: &'static str,
    /// Column: mean satisfaction.
    pub col_satisfaction: &'static str,
    /// The file has no age or sex.
    pub no_groups: &'static str,
    /// Heading: reweighting.
    pub reweight_heading: &'static str,
    /// What reweighting does.
    pub reweight_intro: &'static str,
    /// Label: population profile.
    pub profile_label: &'static str,
    /// Profile: none.
    pub profile_none: &'static str,
    /// Profile: Denmark.
    pub profile_denmark: &'static str,
    /// Profile: Poland.
    pub profile_poland: &'static str,
    /// Profile: custom.
    pub profile_custom: &'static str,
    /// Legend of the custom profile fields.
    pub custom_legend: &'static str,
    /// Label: adults in the area.
    pub adults_label: &'static str,
    /// Hint: adults.
    pub adults_hint: &'static str,
    /// Button: apply.
    pub apply: &'static str,
    /// Column: winners before.
    pub col_before: &'static str,
    /// Column: winners after.
    pub col_after: &'static str,
    /// Column: changed.
    pub col_changed: &'static str,
    /// Heading: weights.
    pub weights_title: &'static str,
    /// Column: voters' share.
    pub col_voter_share: &'static str,
    /// Column: population share.
    pub col_pop_share: &'static str,
    /// Column: weight.
    pub col_weight: &'static str,
    /// Column: turnout.
    pub col_turnout: &'static str,
    /// Chart title: turnout.
    pub turnout_title: &'static str,
    /// Column: estimated adults.
    pub col_adults: &'static str,
    /// Female.
    pub female: &'static str,
    /// Male.
    pub male: &'static str,
    /// Heading: use in the simulation.
    pub seed_heading: &'static str,
    /// What seeding takes from the file.
    pub seed_intro: &'static str,
    /// Button: seed.
    pub seed_button: &'static str,
    /// Label: the projects the seeded scenario puts on the ballot.
    pub seed_projects: &'static str,
    /// Label: the ballot lengths the seeded scenario draws from.
    pub seed_lengths: &'static str,
    /// The file's ballots give points, so no lengths are drawn.
    pub seed_no_lengths: &'static str,
    /// What the export contains.
    pub export_pb_intro: &'static str,
    /// Heading: export.
    pub export_heading: &'static str,
    /// Winner mark: funded by the rule and officially.
    pub mark_both: &'static str,
    /// Winner mark: funded by the rule only.
    pub mark_rule_only: &'static str,
    /// Winner mark: funded officially only.
    pub mark_official_only: &'static str,
}

/// Danish.
pub const DA: PbTexts = PbTexts {
    intro: "Åbn en rigtig borgerbudget-afstemning i pabulib-formatet (.pb) og se, hvad hver afstemningsregel ville have valgt, hvem der blev tilfredse, og hvad der ændrer sig, hvis vælgerne lignede befolkningen. Filen bliver på din computer.",
    file_label: "Åbn en .pb-fil",
    drop_hint: "… eller træk filen hertil (højst 50 MB).",
    working: "Læser og regner …",
    progress_label: "Fremskridt",
    bad_file: "Filen kunne ikke læses",
    kept: "Den forrige fil vises stadig.",
    instance_heading: "Afstemningen",
    file_name: "Fil",
    description: "Beskrivelse",
    budget: "Budget",
    projects: "Projekter",
    vote_type: "Stemmeform",
    voters: "Stemmesedler",
    empty_ballots: "Tomme stemmesedler",
    official_rule: "Officiel regel (META rule)",
    with_age_sex: "Stemmesedler med alder / køn",
    median_length: "Projekter pr. stemmeseddel (median)",
    winners_heading: "Vindere efter regel",
    winners_legend: "✓ = finansieret af reglen og officielt; + = kun af reglen; − = kun officielt; tom = ingen af dem.",
    col_id: "Id",
    col_name: "Navn",
    col_cost: "Pris",
    col_category: "Kategorier",
    col_official: "Officielt",
    col_rule: "Regel",
    col_winners: "Vindere (i valgt rækkefølge)",
    col_total: "Samlet pris",
    col_budget_used: "Brugt af budgettet",
    col_share_winner: "Vælgere med mindst én vinder",
    col_gini: "Gini for tilfredshed",
    col_matches: "Som officielt",
    yes: "ja",
    no: "nej",
    no_official: "Filen har ingen kolonne selected: det officielle resultat kendes ikke.",
    rules_heading: "Resultat og nøgletal for hver regel",
    analytics_title: "Nøgletal for hver regel",
    groups_title: "Tilfredshed efter alder og køn",
    rule_select: "Regel",
    col_group: "Gruppe",
    col_satisfaction: "Gns. tilfredshed",
    no_groups: "Filen angiver ikke vælgernes alder eller køn.",
    reweight_heading: "Hvad hvis vælgerne var repræsentative?",
    reweight_intro: "Stemmesedlerne vægtes efter alder × køn, så vælgerne får befolkningens sammensætning, og alle regler køres igen. Vælgere uden alder eller køn beholder vægt 1. Vægtene er hele tal pr. stemmeseddel (se docs/PB.md), så penge og sammenligninger forbliver eksakte.",
    profile_label: "Befolkning",
    profile_none: "Ingen vægtning",
    profile_denmark: "Danmark 2024 (voksne, Danmarks Statistik, afrundet)",
    profile_poland: "Polen 2022 (voksne, GUS, afrundet)",
    profile_custom: "Egen befolkning",
    custom_legend: "Personer (eller procent) pr. aldersgruppe og køn",
    adults_label: "Voksne i området",
    adults_hint: "Til valgdeltagelse efter gruppe; 0 = ukendt.",
    apply: "Beregn igen",
    col_before: "Vindere som talt",
    col_after: "Vindere vægtet",
    col_changed: "Ændret",
    weights_title: "Vægte efter alder og køn",
    col_voter_share: "Andel af vælgerne",
    col_pop_share: "Andel af befolkningen",
    col_weight: "Vægt",
    col_turnout: "Valgdeltagelse",
    turnout_title: "Valgdeltagelse efter alder og køn",
    col_adults: "Voksne (anslået)",
    female: "kvinder",
    male: "mænd",
    seed_heading: "Brug filen i simulationen",
    seed_intro: "Overfører budget, filens projekter (navn, præcis pris og en kategori i modellen), stemmeform, fordelingen af stemmesedlernes længde og reglen til et simuleret scenarie og åbner det i sandkassen. Projekterne er dem, borgermødet kan tage op; kommunens filter virker stadig, og hver simuleret vælgers største antal kryds trækkes fra filens fordeling.",
    seed_button: "Åbn som scenarie i sandkassen",
    seed_projects: "Projekter på den simulerede stemmeseddel",
    seed_lengths: "Stemmesedlernes længde (trukket fra filen)",
    seed_no_lengths: "bruges ikke: filens stemmesedler giver point",
    export_pb_intro: "Den aktuelle sandkasses simulerede afstemning som pabulib-fil, der kan åbnes her eller i andre værktøjer.",
    export_heading: "Eksport",
    mark_both: "✓",
    mark_rule_only: "+",
    mark_official_only: "−",
};

/// English.
pub const EN: PbTexts = PbTexts {
    intro: "Open a real participatory-budgeting vote in the pabulib format (.pb) and see what every voting rule would have chosen, who ends up satisfied, and what changes if the voters looked like the population. The file stays on your computer.",
    file_label: "Open a .pb file",
    drop_hint: "… or drop the file here (at most 50 MB).",
    working: "Reading and computing …",
    progress_label: "Progress",
    bad_file: "The file could not be read",
    kept: "The previous file is still shown.",
    instance_heading: "The vote",
    file_name: "File",
    description: "Description",
    budget: "Budget",
    projects: "Projects",
    vote_type: "Ballot",
    voters: "Ballots",
    empty_ballots: "Empty ballots",
    official_rule: "Official rule (META rule)",
    with_age_sex: "Ballots with age / sex",
    median_length: "Projects per ballot (median)",
    winners_heading: "Winners by rule",
    winners_legend: "✓ = funded by the rule and officially; + = by the rule only; − = officially only; blank = neither.",
    col_id: "Id",
    col_name: "Name",
    col_cost: "Cost",
    col_category: "Categories",
    col_official: "Official",
    col_rule: "Rule",
    col_winners: "Winners (in selection order)",
    col_total: "Total cost",
    col_budget_used: "Budget used",
    col_share_winner: "Voters with at least one winner",
    col_gini: "Gini of satisfaction",
    col_matches: "Same as official",
    yes: "yes",
    no: "no",
    no_official: "The file has no selected column: the official outcome is not known.",
    rules_heading: "Outcome and measures for each rule",
    analytics_title: "Measures for each rule",
    groups_title: "Satisfaction by age and sex",
    rule_select: "Rule",
    col_group: "Group",
    col_satisfaction: "Mean satisfaction",
    no_groups: "The file does not record the voters' age or sex.",
    reweight_heading: "What if the electorate were representative?",
    reweight_intro: "The ballots are weighted by age × sex so that the voters get the population's make-up, and every rule is run again. Voters without age or sex keep weight 1. Weights are whole numbers per ballot (see docs/PB.md), so money and comparisons stay exact.",
    profile_label: "Population",
    profile_none: "No reweighting",
    profile_denmark: "Denmark 2024 (adults, Statistics Denmark, rounded)",
    profile_poland: "Poland 2022 (adults, GUS, rounded)",
    profile_custom: "Own population",
    custom_legend: "Persons (or percent) per age band and sex",
    adults_label: "Adults in the area",
    adults_hint: "For turnout by group; 0 = unknown.",
    apply: "Compute again",
    col_before: "Winners as cast",
    col_after: "Winners reweighted",
    col_changed: "Changed",
    weights_title: "Weights by age and sex",
    col_voter_share: "Share of voters",
    col_pop_share: "Share of the population",
    col_weight: "Weight",
    col_turnout: "Turnout",
    turnout_title: "Turnout by age and sex",
    col_adults: "Adults (estimated)",
    female: "women",
    male: "men",
    seed_heading: "Use the file in the simulation",
    seed_intro: "Carries the budget, the file's projects (name, exact cost and a model category), the ballot kind, the distribution of ballot lengths and the rule into a simulated scenario and opens it in the sandbox. The projects are the ones the citizen meeting can take up; the municipal filter still acts, and each simulated voter's most approvals is drawn from the file's distribution.",
    seed_button: "Open as a scenario in the sandbox",
    seed_projects: "Projects on the simulated ballot",
    seed_lengths: "Ballot lengths (drawn from the file)",
    seed_no_lengths: "not used: the file's ballots give points",
    export_pb_intro: "The current sandbox scenario's simulated vote as a pabulib file, to open here or in other tools.",
    export_heading: "Export",
    mark_both: "✓",
    mark_rule_only: "+",
    mark_official_only: "−",
};

impl Lang {
    /// The real-data view's fixed strings.
    #[must_use]
    pub fn pb(self) -> &'static PbTexts {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }

    /// A ballot kind.
    #[must_use]
    pub fn vote_kind(self, kind: VoteKind) -> &'static str {
        match (self, kind) {
            (Lang::Da, VoteKind::Approval) => "godkendelse (approval)",
            (Lang::Da, VoteKind::Cumulative) => "kumulativ (point)",
            (Lang::Da, VoteKind::Scoring) => "point (scoring)",
            (Lang::Da, VoteKind::Ordinal) => "rangordning (ordinal)",
            (Lang::En, VoteKind::Approval) => "approval",
            (Lang::En, VoteKind::Cumulative) => "cumulative (points)",
            (Lang::En, VoteKind::Scoring) => "scoring (points)",
            (Lang::En, VoteKind::Ordinal) => "ranking (ordinal)",
        }
    }

    /// A file that is too big.
    #[must_use]
    pub fn pb_too_big(self, bytes: u64, limit: u64) -> String {
        let mb = |b: u64| format::dec(self, b as f64 / 1_000_000.0, 1);
        match self {
            Lang::Da => format!(
                "Filen fylder {} MB; grænsen er {} MB. Del den op, eller brug kommandolinjen (dialoglab pb).",
                mb(bytes),
                mb(limit)
            ),
            Lang::En => format!(
                "The file is {} MB; the limit is {} MB. Split it, or use the command line (dialoglab pb).",
                mb(bytes),
                mb(limit)
            ),
        }
    }

    /// A `.pb` error, with its line.
    #[must_use]
    #[allow(
        clippy::too_many_lines,
        reason = "one match arm per PbError variant, in both languages side by side"
    )]
    pub fn pb_error(self, e: &PbError) -> String {
        let line = |l: &u64| self.pick(format!("linje {l}: "), format!("line {l}: "));
        match e {
            PbError::Empty => {
                self.pick("filen er tom".into(), "the file is empty".into())
            }
            PbError::TooLarge { bytes, limit } => self.pb_too_big(*bytes, *limit),
            PbError::NotUtf8 { offset } => {
                self.pick(format!("filen er ikke UTF-8-tekst (ugyldig byte ved position {offset})"), format!("the file is not UTF-8 text (invalid byte at offset {offset})"))
            }
            PbError::MissingSection { section } => {
                self.pick(format!("filen har ingen {section}-sektion"), format!("the file has no {section} section"))
            }
            PbError::SectionOrder {
                line: l,
                found,
                expected,
            } => {
                let expected = expected.replace("section ", "");
                self.pick(format!(
                        "{}fandt »{found}«, men ventede sektionen {expected}",
                        line(l)
                    ), format!(
                        "{}found “{found}” but expected the {expected} section",
                        line(l)
                    ))
            }
            PbError::MissingColumn {
                line: l,
                section,
                column,
            } => {
                self.pick(format!(
                        "{}overskriften i {section} mangler kolonnen »{column}«",
                        line(l)
                    ), format!("{}the {section} header has no “{column}” column", line(l)))
            }
            PbError::UnknownProject {
                line: l,
                voter,
                project,
            } => {
                self.pick(format!(
                        "{}vælger »{voter}« stemmer på projekt »{project}«, som ikke står under PROJECTS",
                        line(l)
                    ), format!(
                        "{}voter “{voter}” votes for project “{project}”, which is not in PROJECTS",
                        line(l)
                    ))
            }
            PbError::InvalidCost {
                line: l,
                project,
                value,
            } => {
                self.pick(format!(
                        "{}projekt »{project}« har prisen »{value}«; der skal stå et ikke-negativt tal",
                        line(l)
                    ), format!(
                        "{}project “{project}” has cost “{value}”; expected a non-negative number",
                        line(l)
                    ))
            }
            PbError::DuplicateProject { line: l, project } => {
                self.pick(format!("{}projekt-id »{project}« optræder to gange", line(l)), format!("{}project id “{project}” appears twice", line(l)))
            }
            PbError::DuplicateVoter { line: l, voter } => {
                self.pick(format!("{}vælger-id »{voter}« optræder to gange", line(l)), format!("{}voter id “{voter}” appears twice", line(l)))
            }
            PbError::PointsMismatch {
                line: l,
                voter,
                votes,
                points,
            } => {
                self.pick(format!(
                        "{}vælger »{voter}« nævner {votes} projekter, men giver {points} point-tal",
                        line(l)
                    ), format!(
                        "{}voter “{voter}” lists {votes} projects but {points} points",
                        line(l)
                    ))
            }
            PbError::InvalidPoints {
                line: l,
                voter,
                value,
            } => {
                self.pick(format!(
                        "{}vælger »{voter}« har point »{value}«; der skal stå ikke-negative hele tal",
                        line(l)
                    ), format!(
                        "{}voter “{voter}” has points “{value}”; expected non-negative whole numbers",
                        line(l)
                    ))
            }
            PbError::BudgetMissing => {
                self.pick("META har ingen linje budget".into(), "META has no budget entry".into())
            }
            PbError::BudgetInvalid { line: l, value } => {
                self.pick(format!(
                        "{}budgettet »{value}« er ikke et ikke-negativt tal",
                        line(l)
                    ), format!(
                        "{}the budget “{value}” is not a non-negative number",
                        line(l)
                    ))
            }
            PbError::UnknownVoteType { line: l, value } => {
                self.pick(format!(
                        "{}ukendt vote_type »{value}« (kendte: approval, choose-1, cumulative, scoring, ordinal)",
                        line(l)
                    ), format!(
                        "{}unknown vote_type “{value}” (known: approval, choose-1, cumulative, scoring, ordinal)",
                        line(l)
                    ))
            }
            PbError::InvalidField {
                line: l,
                column,
                value,
            } => {
                self.pick(format!(
                        "{}kolonnen »{column}« har værdien »{value}«; der skal stå et lille helt tal",
                        line(l)
                    ), format!(
                        "{}column “{column}” has value “{value}”; expected a small whole number",
                        line(l)
                    ))
            }
            PbError::MoneyTooPrecise { decimals } => {
                self.pick(format!(
                        "beløbene har {decimals} decimaler eller er for store (højst 18 decimaler og 64 bit)"
                    ), format!(
                        "the amounts have {decimals} decimals or are too large (at most 18 decimals and 64 bits)"
                    ))
            }
        }
    }

    /// A group label of the analytics (`18-29`, `F`, `unknown`, ...).
    #[must_use]
    pub fn pb_group(self, label: &str) -> String {
        match (self, label) {
            (Lang::Da, "unknown") => "ukendt".into(),
            (Lang::En, "unknown") => "unknown".into(),
            (_, "under-18") => "under 18".into(),
            (_, other) => match dialoglab_engine::pb::reweight::sex_index(other) {
                Some(0) => format!("{} ({other})", self.pb().female),
                Some(_) => format!("{} ({other})", self.pb().male),
                None => format::range(other),
            },
        }
    }

    /// An age band × sex cell (`18-29, women`).
    #[must_use]
    pub fn pb_cell(self, band: u8, sex: u8) -> String {
        let band = dialoglab_engine::pb::reweight::AGE_BANDS
            .get(usize::from(band))
            .copied()
            .unwrap_or("?");
        let t = self.pb();
        format!(
            "{}, {}",
            format::range(band),
            if sex == 0 { t.female } else { t.male }
        )
    }

    /// Summary of the analytics chart.
    #[must_use]
    pub fn pb_analytics_desc(self, best_share: (&str, f64), worst_share: (&str, f64)) -> String {
        let p = |x| format::percent(self, x, 1);
        match self {
            Lang::Da => format!(
                "Flest vælgere får mindst én vinder med {} ({}), færrest med {} ({}).",
                best_share.0,
                p(best_share.1),
                worst_share.0,
                p(worst_share.1)
            ),
            Lang::En => format!(
                "Most voters get at least one winner under {} ({}), fewest under {} ({}).",
                best_share.0,
                p(best_share.1),
                worst_share.0,
                p(worst_share.1)
            ),
        }
    }

    /// Summary of the group chart.
    #[must_use]
    pub fn pb_groups_desc(self, rule: &str, high: (&str, f64), low: (&str, f64)) -> String {
        let p = |x| format::percent(self, x, 1);
        match self {
            Lang::Da => format!(
                "Med {rule} er {} mest tilfredse (i gennemsnit {} af budgettet går til noget, de ønsker), {} mindst ({}).",
                high.0,
                p(high.1),
                low.0,
                p(low.1)
            ),
            Lang::En => format!(
                "Under {rule}, {} are the most satisfied (on average {} of the budget goes to things they want), {} the least ({}).",
                high.0,
                p(high.1),
                low.0,
                p(low.1)
            ),
        }
    }

    /// Summary of the reweighting.
    #[must_use]
    pub fn pb_reweight_desc(self, changed: usize, rules: usize) -> String {
        match self {
            Lang::Da => format!(
                "Med repræsentative vælgere ændrer {changed} af {rules} regler deres vindere."
            ),
            Lang::En => format!(
                "With a representative electorate, {changed} of {rules} rules change their winners."
            ),
        }
    }

    /// The weights' rounding, in words.
    #[must_use]
    pub fn pb_weights_note(self, scale: u64, error: f64, outside: u64) -> String {
        let e = format::dec(self, error, 4);
        match self {
            Lang::Da => format!(
                "Hver stemmeseddel tælles med et helt antal gange (vægt 1 = {scale} gange); største afrundingsfejl på en vægt: {e}. {outside} vælgere uden alder eller køn beholder vægt 1."
            ),
            Lang::En => format!(
                "Each ballot is counted a whole number of times (weight 1 = {scale} times); largest rounding error of a weight: {e}. {outside} voters without age or sex keep weight 1."
            ),
        }
    }

    /// Cells of the profile without voters.
    #[must_use]
    pub fn pb_empty_cells(self, cells: &str) -> String {
        match self {
            Lang::Da => format!(
                "Ingen vælgere i: {cells}. Deres andel kan ikke genskabes; de andre grupper fylder den ud."
            ),
            Lang::En => format!(
                "No voters in: {cells}. Their share cannot be represented; the other groups fill it."
            ),
        }
    }

    /// Summary of the turnout chart.
    #[must_use]
    pub fn pb_turnout_desc(self, high: (&str, f64), low: (&str, f64)) -> String {
        let p = |x| format::percent(self, x, 1);
        match self {
            Lang::Da => format!(
                "Højest valgdeltagelse blandt {} ({}), lavest blandt {} ({}).",
                high.0,
                p(high.1),
                low.0,
                p(low.1)
            ),
            Lang::En => format!(
                "Turnout is highest among {} ({}) and lowest among {} ({}).",
                high.0,
                p(high.1),
                low.0,
                p(low.1)
            ),
        }
    }

    /// The projects a seeded scenario carries: `carried` of `in_file`, `by_keyword` of them
    /// categorised by a keyword, the rest in turn.
    #[must_use]
    pub fn pb_seed_projects(self, carried: usize, in_file: u32, by_keyword: u32) -> String {
        let n = |x: u64| format::int(self, x);
        let (carried, in_file, by_keyword) =
            (carried as u64, u64::from(in_file), u64::from(by_keyword));
        let turn = carried.saturating_sub(by_keyword);
        match self {
            Lang::Da => format!(
                "{} af {} ({} kategoriseret efter nøgleord, {} på skift)",
                n(carried),
                n(in_file),
                n(by_keyword),
                n(turn)
            ),
            Lang::En => format!(
                "{} of {} ({} categorised by keyword, {} in turn)",
                n(carried),
                n(in_file),
                n(by_keyword),
                n(turn)
            ),
        }
    }

    /// The ballot-length distribution a seeded scenario draws from: shortest, longest and
    /// median length, and the number of non-empty ballots.
    #[must_use]
    pub fn pb_seed_lengths(self, min: usize, max: usize, median: usize, ballots: u64) -> String {
        let b = format::int(self, ballots);
        match self {
            Lang::Da => format!(
                "{min}–{max} projekter pr. stemmeseddel (median {median}) fra {b} stemmesedler"
            ),
            Lang::En => {
                format!("{min}–{max} projects per ballot (median {median}) from {b} ballots")
            }
        }
    }

    /// The sandbox's note on a scenario seeded from a file: `projects` real projects on the
    /// ballot (if any) and whether ballot lengths are drawn from the file. `None` when neither.
    #[must_use]
    pub fn sandbox_real_note(self, projects: Option<usize>, lengths: bool) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(n) = projects {
            let n = format::int(self, n as u64);
            parts.push(match self {
                Lang::Da => format!(
                    "Stemmesedlen bygges af {n} rigtige projekter fra en fil, med deres præcise priser."
                ),
                Lang::En => {
                    format!("The ballot is built from {n} real projects from a file, at their exact costs.")
                }
            });
        }
        if lengths {
            parts.push(
                match self {
                    Lang::Da => "Hver vælgers største antal kryds trækkes fra filens stemmesedler.",
                    Lang::En => "Each voter's most approvals is drawn from the file's ballots.",
                }
                .to_string(),
            );
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    /// Progress in words.
    #[must_use]
    pub fn pb_progress(self, done: u32, total: u32) -> String {
        match self {
            Lang::Da => format!("{done} af {total} trin"),
            Lang::En => format!("{done} of {total} steps"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_errors_name_the_line_in_both_languages() {
        let e = PbError::InvalidCost {
            line: 7,
            project: "p1".into(),
            value: "x".into(),
        };
        assert!(Lang::Da.pb_error(&e).starts_with("linje 7:"));
        assert!(Lang::En.pb_error(&e).starts_with("line 7:"));
        assert_ne!(Lang::Da.pb_error(&e), Lang::En.pb_error(&e));
        assert!(
            Lang::En
                .pb_too_big(100_000_000, 50_000_000)
                .contains("100.0 MB")
        );
        assert_eq!(Lang::Da.pb_group("F"), "kvinder (F)");
        assert_eq!(Lang::En.sandbox_real_note(None, false), None);
        let en = Lang::En.sandbox_real_note(Some(12), true).unwrap();
        assert!(
            en.contains("12 real projects") && en.contains("drawn"),
            "{en}"
        );
        let da = Lang::Da.sandbox_real_note(Some(1_200), false).unwrap();
        assert!(
            da.contains("1.200 rigtige projekter") && !da.contains("kryds"),
            "{da}"
        );
        assert_eq!(Lang::En.pb_cell(3, 1), "67+, men");
    }
}
