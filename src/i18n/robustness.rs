//! Danish and English strings of the robustness panel: how often each headline finding holds
//! across plausible models (an ensemble over the registry's plausible ranges, run in the worker).
//! Same rule as the main table: a field or match arm missing in one language does not compile.

use super::Lang;
use crate::format;

/// Fixed strings of the robustness panel.
pub struct RobustnessTexts {
    /// Heading.
    pub heading: &'static str,
    /// What the panel does, in plain words.
    pub intro: &'static str,
    /// The button that runs it.
    pub run: &'static str,
    /// Label of the number of plausible models.
    pub members_label: &'static str,
    /// Caption of the table.
    pub caption: &'static str,
    /// Column: the finding.
    pub col_finding: &'static str,
    /// Column: how often it holds.
    pub col_holds: &'static str,
    /// Column: verdict.
    pub col_verdict: &'static str,
    /// Column: the parameters that move it most.
    pub col_factors: &'static str,
    /// Verdict: holds in at least 90%.
    pub robust: &'static str,
    /// Verdict: holds in 60 – 90%.
    pub mostly: &'static str,
    /// Verdict: holds in less than 60%.
    pub not_robust: &'static str,
    /// Shown for a cached result.
    pub cached: &'static str,
    /// The guide's button: test the chapter's answer across plausible models.
    pub run_one: &'static str,
}

/// Danish.
pub const DA: RobustnessTexts = RobustnessTexts {
    heading: "Hvor sikre er fundene?",
    intro: "Modellens koefficienter er ikke kendt præcist. Her trækkes mange plausible modeller \
            (hver koefficient inden for sit plausible interval, Latin hypercube), og for hver \
            model undersøges det, om fundet stadig gælder i de samme simulerede byer. Et fund, \
            der kun gælder i nogle af modellerne, er ikke robust. Beregningen kører i \
            baggrunden og tager fra få sekunder til et minut.",
    run: "Test fundenes robusthed",
    members_label: "Antal plausible modeller",
    caption: "Fundenes robusthed over plausible modeller",
    col_finding: "Fund",
    col_holds: "Gælder i",
    col_verdict: "Vurdering",
    col_factors: "Parametre, der flytter det mest (Spearmans ρ)",
    robust: "Robust",
    mostly: "Gælder oftest, men ikke altid",
    not_robust: "Ikke robust: modellen afgør det ikke",
    cached: "Beregnet tidligere for dette scenarie.",
    run_one: "Hvor sikkert er svaret? Test det i plausible modeller",
};

/// English.
pub const EN: RobustnessTexts = RobustnessTexts {
    heading: "How sure are the findings?",
    intro: "The model's coefficients are not known exactly. This draws many plausible models \
            (each coefficient within its plausible range, a Latin hypercube) and checks, for each \
            model, whether the finding still holds in the same simulated towns. A finding that \
            holds in only some of the models is not robust. It runs in the background and takes \
            from a few seconds to a minute.",
    run: "Test how robust the findings are",
    members_label: "Number of plausible models",
    caption: "Robustness of the findings across plausible models",
    col_finding: "Finding",
    col_holds: "Holds in",
    col_verdict: "Verdict",
    col_factors: "Parameters that move it most (Spearman's ρ)",
    robust: "Robust",
    mostly: "Usually holds, but not always",
    not_robust: "Not robust: the model does not settle it",
    cached: "Computed earlier for this scenario.",
    run_one: "How sure is the answer? Test it across plausible models",
};

/// How robust a finding is, from the share of plausible models in which it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Holds in at least 90% of the models.
    Robust,
    /// Holds in at least 60% but less than 90%.
    Mostly,
    /// Holds in less than 60%.
    NotRobust,
}

impl Verdict {
    /// The verdict for `holds` of `members` (no members: not robust).
    #[must_use]
    pub fn of(holds: u32, members: u32) -> Verdict {
        let (h, m) = (u64::from(holds) * 10, u64::from(members));
        if m > 0 && h >= 9 * m {
            Verdict::Robust
        } else if m > 0 && h >= 6 * m {
            Verdict::Mostly
        } else {
            Verdict::NotRobust
        }
    }

    /// Stable key for styling and tests.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Robust => "robust",
            Verdict::Mostly => "mostly",
            Verdict::NotRobust => "not-robust",
        }
    }
}

/// Names of the scenario's settings that have neither a form control nor a registry entry
/// (path, Danish, English): what Compare, the brief and the robustness panel call them.
pub const SETTING_LABELS: &[(&str, &str, &str)] = &[
    (
        "invitation.recontact",
        "Sidste års deltagere inviteres igen",
        "Last year's attendees invited again",
    ),
    (
        "invitation.selection_replicates",
        "Lodtrækninger til at skønne chancen for at komme i panelet",
        "Draws to estimate the chances of a panel seat",
    ),
    (
        "municipality.goals",
        "Hvor godt hver kategori passer til kommunens mål",
        "How well each category fits the municipality's goals",
    ),
    (
        "municipality.municipal_proposals",
        "Kommunens egne forslag på stemmesedlen",
        "The municipality's own proposals on the ballot",
    ),
    (
        "population.age_shares",
        "Aldersfordeling (andele 18–29, 30–49, 50–66, 67+)",
        "Age structure (shares aged 18–29, 30–49, 50–66, 67+)",
    ),
    (
        "population.relative_income",
        "Indkomst i hver indkomsttredjedel i forhold til den midterste",
        "Income of each income third relative to the middle one",
    ),
    (
        "population.women_shares",
        "Andel kvinder i hver aldersgruppe",
        "Share of women in each age band",
    ),
    (
        "vote.cost_share_min",
        "Mindste projektpris som andel af puljen",
        "Smallest project cost as a share of the budget",
    ),
    (
        "vote.cost_share_max",
        "Største projektpris som andel af puljen",
        "Largest project cost as a share of the budget",
    ),
    (
        "vote.costs_by_category",
        "Projektpriser fra projekter i samme kategori",
        "Project costs from projects of the same category",
    ),
    (
        "vote.max_approvals",
        "Højst antal projekter, en vælger må stemme på",
        "Most projects a voter may approve",
    ),
    (
        "vote.points",
        "Point, hver vælger fordeler (kumulativ afstemning)",
        "Points each voter spreads (cumulative ballot)",
    ),
    (
        "vote.tie_break",
        "Rækkefølge ved stemmelighed",
        "Tie-breaking order",
    ),
    (
        "vote.projects",
        "Rigtige projekter på stemmesedlen",
        "Real projects on the ballot",
    ),
    (
        "vote.ballot_lengths",
        "Hvor mange projekter vælgerne stemmer på (fordeling)",
        "How many projects voters approve (distribution)",
    ),
];

impl Lang {
    /// The robustness strings.
    #[must_use]
    pub fn robustness(self) -> &'static RobustnessTexts {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }

    /// A built-in finding's claim (`dialoglab_engine::sensitivity::findings`), or `None` for a
    /// name this table does not know.
    #[must_use]
    pub fn finding_claim(self, name: &str) -> Option<&'static str> {
        Some(match (self, name) {
            (Lang::Da, "targeted-outreach") => {
                "Opsøgende arbejde bringer flere marginaliserede borgere til mødet end en åben invitation"
            }
            (Lang::En, "targeted-outreach") => {
                "Targeted outreach brings more marginalised citizens to the meeting than an open call"
            }
            (Lang::Da, "panel-representative") => {
                "Et lodtrukket borgerpanel afspejler befolkningen bedre end en åben invitation"
            }
            (Lang::En, "panel-representative") => {
                "A stratified citizens' panel mirrors the population better than an open call"
            }
            (Lang::Da, "retirees-dominate") => {
                "Ved en åben invitation er de 67+-årige mere overrepræsenteret på mødet end ved lodtrækningsbreve"
            }
            (Lang::En, "retirees-dominate") => {
                "Under an open call the 67+ are over-represented at the meeting more than under sortition letters"
            }
            (Lang::Da, "daytime-retirees") => {
                "Møder i dagtimerne samler relativt flere pensionister end aftenmøder"
            }
            (Lang::En, "daytime-retirees") => {
                "Daytime meetings bring relatively more retirees than evening meetings"
            }
            (Lang::Da, "facilitation-evens-voice") => {
                "Faciliterede møder fordeler taletiden mere ligeligt end realistiske møder"
            }
            (Lang::En, "facilitation-evens-voice") => {
                "Facilitated meetings spread speaking time more evenly than realistic ones"
            }
            (Lang::Da, "online-vote-turnout") => {
                "Mulighed for at stemme online øger valgdeltagelsen"
            }
            (Lang::En, "online-vote-turnout") => "Offering an online vote raises turnout",
            _ => return None,
        })
    }

    /// "46 of 50 plausible models (92 %)".
    #[must_use]
    pub fn holds_in(self, holds: u32, members: u32) -> String {
        let share = if members == 0 {
            0.0
        } else {
            f64::from(holds) / f64::from(members)
        };
        let pct = format::percent(self, share, 0);
        match self {
            Lang::Da => format!("{holds} af {members} plausible modeller ({pct})"),
            Lang::En => format!("{holds} of {members} plausible models ({pct})"),
        }
    }

    /// The verdict in words.
    #[must_use]
    pub fn verdict_words(self, v: Verdict) -> &'static str {
        let t = self.robustness();
        match v {
            Verdict::Robust => t.robust,
            Verdict::Mostly => t.mostly,
            Verdict::NotRobust => t.not_robust,
        }
    }

    /// One sentence per finding for the live region and the text summary.
    #[must_use]
    pub fn robustness_sentence(self, claim: &str, holds: u32, members: u32) -> String {
        let v = self.verdict_words(Verdict::of(holds, members));
        let h = self.holds_in(holds, members);
        match self {
            Lang::Da => format!("»{claim}« gælder i {h}. {v}."),
            Lang::En => format!("“{claim}” holds in {h}. {v}."),
        }
    }

    /// The guide's answer across plausible models: "The answer (up) holds in 46 of 50 …".
    #[must_use]
    pub fn answer_holds(self, up: bool, holds: u32, members: u32) -> String {
        let v = self.verdict_words(Verdict::of(holds, members));
        let h = self.holds_in(holds, members);
        match (self, up) {
            (Lang::Da, true) => format!("Svaret »op« gælder i {h}. {v}."),
            (Lang::Da, false) => format!("Svaret »ned« gælder i {h}. {v}."),
            (Lang::En, true) => format!("The answer “up” holds in {h}. {v}."),
            (Lang::En, false) => format!("The answer “down” holds in {h}. {v}."),
        }
    }

    /// The name of the model parameter at a dotted scenario path: its form control's label where
    /// it has one ([`Lang::path_label`]), else the registry's short label
    /// ([`dialoglab_engine::registry::label`]), else its name in [`SETTING_LABELS`], else the
    /// bare path. It lives here rather than in `path_label` so that only the views bundle links
    /// these labels.
    #[must_use]
    pub fn parameter_label(self, path: &str) -> String {
        let label = self.path_label(path);
        if label != path {
            return label;
        }
        if let Some(l) = dialoglab_engine::registry::label(path) {
            return self.pick(l.da, l.en).to_string();
        }
        SETTING_LABELS
            .iter()
            .find(|(p, ..)| *p == path)
            .map_or(label, |(_, da, en)| self.pick(da, en).to_string())
    }

    /// A factor with its rank correlation, `Fremmøde: fritid (ρ = +0,62)`, the correlation
    /// kept on one line (no-break spaces).
    #[must_use]
    pub fn factor_words(self, path: &str, rho: f64) -> String {
        let sign = if rho < 0.0 { "−" } else { "+" };
        format!(
            "{} (ρ\u{a0}=\u{a0}{sign}{})",
            self.parameter_label(path),
            format::dec(self, rho.abs(), 2)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_follow_the_share_that_holds() {
        assert_eq!(Verdict::of(90, 100), Verdict::Robust);
        assert_eq!(Verdict::of(89, 100), Verdict::Mostly);
        assert_eq!(Verdict::of(6, 10), Verdict::Mostly);
        assert_eq!(Verdict::of(5, 10), Verdict::NotRobust);
        assert_eq!(Verdict::of(0, 0), Verdict::NotRobust);
    }

    #[test]
    fn every_built_in_finding_has_a_claim_in_both_languages() {
        for f in dialoglab_engine::sensitivity::findings() {
            assert_eq!(Lang::En.finding_claim(&f.name), Some(f.statement.as_str()));
            assert!(Lang::Da.finding_claim(&f.name).is_some(), "{}", f.name);
        }
    }

    #[test]
    fn a_finding_that_is_not_robust_says_so() {
        let s = Lang::Da.robustness_sentence("X", 30, 50);
        assert_eq!(
            s,
            "»X« gælder i 30 af 50 plausible modeller (60\u{a0}%). Gælder oftest, men ikke altid."
        );
        let s = Lang::En.robustness_sentence("X", 20, 50);
        assert!(
            s.contains("holds in 20 of 50 plausible models (40%). Not robust"),
            "{s}"
        );
        assert_eq!(
            Lang::Da.factor_words("x.y", -0.614),
            "x.y (ρ\u{a0}=\u{a0}−0,61)"
        );
        assert_eq!(
            Lang::Da.factor_words("meeting.status_backing", 0.5),
            "Status: opbakning fra en forening (ρ\u{a0}=\u{a0}+0,50)"
        );
        assert_eq!(
            Lang::En.factor_words("vote.online_digital", -0.25),
            "Online vote: missing digital skill (ρ\u{a0}=\u{a0}−0.25)"
        );
    }

    #[test]
    fn every_registered_parameter_has_a_name_in_both_languages() {
        for p in dialoglab_engine::registry::parameters() {
            let (da, en) = (
                Lang::Da.parameter_label(p.path),
                Lang::En.parameter_label(p.path),
            );
            for label in [&da, &en] {
                // A path has a full stop followed by a letter or digit ("a.b"), or an underscore.
                let path_like = label.contains('_')
                    || label
                        .split('.')
                        .skip(1)
                        .any(|rest| rest.starts_with(|c: char| c.is_alphanumeric()));
                assert!(!label.is_empty() && !path_like, "{}: {label:?}", p.path);
            }
            assert_ne!(da, en, "{}", p.path);
        }
        // A parameter with a form control keeps the control's label.
        assert_eq!(
            Lang::Da.parameter_label("invitation.panel_dropout"),
            Lang::Da.path_label("invitation.panel_dropout")
        );
        assert_ne!(
            Lang::Da.parameter_label("invitation.panel_dropout"),
            "invitation.panel_dropout"
        );
    }

    /// Every setting of a scenario, down to its leaves (lists count as one setting), is named in
    /// words in both languages: Compare and the brief never show a raw path.
    #[test]
    fn every_setting_of_a_scenario_has_a_name_in_both_languages() {
        fn leaves(v: &serde_json::Value, prefix: &str, out: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(map) => {
                    for (k, x) in map {
                        let path = if prefix.is_empty() {
                            k.clone()
                        } else {
                            format!("{prefix}.{k}")
                        };
                        leaves(x, &path, out);
                    }
                }
                _ => out.push(prefix.to_string()),
            }
        }
        // The optional settings present too: real projects and ballot lengths.
        let mut s = dialoglab_engine::presets::get("faxe-dialogue").unwrap();
        s.vote.ballot_lengths = Some(vec![1, 2]);
        s.vote.projects = Some(Vec::new());
        let mut paths = Vec::new();
        leaves(&serde_json::to_value(&s).unwrap(), "", &mut paths);
        assert!(paths.len() > 150, "{}", paths.len());
        for path in &paths {
            for lang in [Lang::Da, Lang::En] {
                assert_ne!(&lang.parameter_label(path), path, "{lang:?}");
            }
        }
        assert!(paths.iter().any(|p| p == "vote.costs_by_category"));
        // No entry of the table is stale.
        for (path, ..) in SETTING_LABELS {
            assert!(paths.iter().any(|p| p == path), "{path}");
        }
    }
}
