//! The glossary's texts (Ordliste / Glossary): every term the app uses, in both languages. Only
//! the Glossary view (the views bundle) reads them.

use crate::glossary::Term;
use crate::i18n::Lang;

/// The glossary view's fixed strings.
pub struct GlossaryTexts {
    /// The line under the heading.
    pub lead: &'static str,
    /// The button back to the sandbox.
    pub back: &'static str,
}

const DA: GlossaryTexts = GlossaryTexts {
    lead: "Ordene, appen bruger, forklaret kort. Tallene kommer fra modellen, ikke fra en bestemt kommune.",
    back: "Tilbage til sandkassen",
};

const EN: GlossaryTexts = GlossaryTexts {
    lead: "The words the app uses, explained briefly. The numbers come from the model, not from any particular municipality.",
    back: "Back to the sandbox",
};

impl Lang {
    /// The glossary view's fixed strings.
    #[must_use]
    pub fn glossary(self) -> &'static GlossaryTexts {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }

    /// A term's name in the glossary.
    #[must_use]
    pub fn term_name(self, term: Term) -> &'static str {
        let pick = |d: &'static str, e: &'static str| self.pick(d, e);
        match term {
            Term::Seed => pick("Frø", "Seed"),
            Term::RepresentativenessIndex => {
                pick("Repræsentativitetsindeks", "Representativeness index")
            }
            Term::TotalVariation => pick("Total variationsafstand", "Total variation distance"),
            Term::RepresentationRatio => pick("Repræsentationsforhold", "Representation ratio"),
            Term::Gini => pick("Ulighed i taletid (Gini)", "Voice inequality (Gini)"),
            Term::TopDecile => pick("De 10\u{a0}% mest talende", "The top 10% of speakers"),
            Term::Turnout => pick("Valgdeltagelse", "Turnout"),
            Term::Legitimacy => pick(
                "Overlap med »hvis alle stemte«",
                "Overlap with “if everyone voted”",
            ),
            Term::WelfareLoss => pick("Velfærdstab", "Welfare loss"),
            Term::InfluenceRatio => pick("Indflydelsesforhold", "Influence ratio"),
            Term::InfluenceGap => pick("Indflydelseskløft", "Influence gap"),
            Term::OrganisedCapture => pick("Organiseret indfangning", "Organised capture"),
            Term::PbRule => pick(
                "Fordelingsregel (grådig, lige andele)",
                "Allocation rule (greedy, equal shares)",
            ),
            Term::Sortition => pick(
                "Borgerpanel ved stratificeret lodtrækning",
                "Citizens' panel by stratified sortition",
            ),
            Term::Marginalised => pick("Socialt udsatte", "The marginalised"),
            Term::Interval => pick("95\u{a0}%-interval", "95% interval"),
            Term::SamePopulation => {
                pick("Samme befolkning i A og B", "The same citizens in A and B")
            }
            Term::CostRates => pick("Omkostningssatser", "Cost rates"),
            Term::Arguments => pick(
                "Argumenter og meningsskift",
                "Arguments and changes of mind",
            ),
            Term::DecisionChannel => pick(
                "Hvem beslutter, og hvem gennemfører",
                "Who decides, and who carries it out",
            ),
            Term::ModelLimits => pick("Modellens grænser", "What the model leaves out"),
        }
    }

    /// What the model leaves out, point by point, and where the full account is: the list under
    /// [`Term::ModelLimits`]'s lead in the glossary.
    #[must_use]
    pub fn model_limits(self) -> ([&'static str; 7], &'static str) {
        match self {
            Lang::Da => (
                [
                    "Under grådig fordeling bliver flere udsatte på mødet sjældent til mere indflydelse på, hvad der finansieres.",
                    "At budgettets størrelse ændrer de udsattes indflydelse, gengives ikke pålideligt.",
                    "Opsøgende arbejde får færre til at møde op, end nogle kilder angiver.",
                    "Det gør næsten ingen forskel for udfaldet, om mødet kun rådgiver kommunen, om de fremmødte beslutter, eller om alle kan stemme: skævheden opstår, allerede når mødet sætter dagsordenen, og den er næsten den samme i alle tre.",
                    "To ting, man ser i rigtige borgerbudgetter, sker ikke i modellen: kvinder stemmer oftere end mænd (i polske borgerbudgetter er de 55–60\u{a0}% af vælgerne), og de 18–29-årige stemmer oftere på papir end de 30–49-årige.",
                    "Præferencer ændrer sig ikke fra år til år, og befolkningens andele er afrundede mål, ikke statistik.",
                    "Kun to af modellens koefficienter er tilpasset rigtige data (hvem der stemmer på papir og hvem online i polske borgerbudgetter); de øvrige er sat efter skøn eller i hånden.",
                ],
                "Den fulde beskrivelse står i modelbeskrivelsen (docs/MODEL.md, afsnit 12 og 13).",
            ),
            Lang::En => (
                [
                    "Under greedy allocation, more marginalised residents at the meeting rarely turn into more influence over what is funded.",
                    "That the budget's size changes the marginalised's influence is not reproduced reliably.",
                    "Outreach brings fewer people than some sources state.",
                    "It makes almost no difference to the outcome whether the meeting only advises the municipality, the attendees decide, or everyone may vote: the tilt arises when the meeting sets the agenda, which all three share.",
                    "Two things seen in real participatory budgets do not happen in the model: women vote more often than men (in Polish participatory budgets they are 55–60% of voters), and people aged 18–29 vote on paper more often than those aged 30–49.",
                    "Preferences do not change from year to year, and the population's shares are rounded targets, not statistics.",
                    "Only two of the model's coefficients are fitted to real data (who votes on paper and who online in Polish participatory budgets); the others are set by judgement or by hand.",
                ],
                "The full account is in the model description (docs/MODEL.md, sections 12 and 13).",
            ),
        }
    }

    /// A term's explanation.
    #[must_use]
    pub fn term_text(self, term: Term) -> &'static str {
        let pick = |d: &'static str, e: &'static str| self.pick(d, e);
        match term {
            Term::Seed => pick(
                "Tallet, som alle modellens tilfældige træk udspringer af: hvem der bor i byen, hvem der får brev, hvem der kommer. Samme frø og samme indstillinger giver præcis de samme tal hver gang, så et link gengiver en kørsel. Et andet frø er en anden, lige så sandsynlig by – derfor bør man se på flere frø, før man drager en konklusion.",
                "The number all of the model's random draws grow from: who lives in the town, who gets a letter, who comes. The same seed and settings give exactly the same numbers every time, so a link reproduces a run. Another seed is another, equally likely town – which is why a conclusion should rest on several seeds.",
            ),
            Term::RepresentativenessIndex => pick(
                "Hvor godt en gruppe (de inviterede, deltagerne, talerne eller vælgerne) spejler befolkningen, på en skala fra 0 til 1. Indekset er 1 minus den gennemsnitlige totale variationsafstand over otte kendetegn: alder, køn, beskæftigelse, skolebørn, uddannelse, indkomst, social udsathed og foreningsmedlemskab. 1 er et perfekt spejl.",
                "How well a group (the invited, the attendees, the speakers or the voters) mirrors the population, on a scale from 0 to 1. The index is 1 minus the mean total variation distance over eight traits: age, gender, occupation, school-age children, education, income, marginalisation and association membership. 1 is a perfect mirror.",
            ),
            Term::TotalVariation => pick(
                "Et mål for, hvor forskellige to fordelinger er: halvdelen af summen af forskellene mellem andelene. Er 30\u{a0}% af befolkningen og 50\u{a0}% af deltagerne pensionister, og svarer de andre grupper til, er afstanden 0,2 – den andel af deltagerne, der skulle »bytte gruppe«, for at mødet lignede befolkningen.",
                "A measure of how different two distributions are: half the sum of the differences between the shares. If 30% of the population and 50% of the attendees are retired, and the other groups make up the difference, the distance is 0.2 – the share of attendees who would have to “change group” for the meeting to look like the population.",
            ),
            Term::RepresentationRatio => pick(
                "En gruppes andel blandt fx deltagerne divideret med dens andel af befolkningen. 1 er en rimelig andel, 2 dobbelt så mange som deres andel, 0,5 halvt så mange. Akserne er logaritmiske, så det dobbelte og det halve ligger lige langt fra 1. En gruppe uden deltagere har forholdet 0; det vises ved aksens kant med en pil og tallet.",
                "A group's share among, say, the attendees divided by its share of the population. 1 is a fair share, 2 twice their share, 0.5 half. The axes are logarithmic, so double and half lie equally far from 1. A group with no attendees has ratio 0; it is drawn at the axis's end with an arrow and its value.",
            ),
            Term::Gini => pick(
                "Hvor ulige taletiden ved bordene er fordelt blandt deltagerne: 0 når alle taler lige længe, tæt på 1 når én person taler hele tiden. Et faciliteret møde med lige taletid giver 0.",
                "How unequally speaking time at the tables is shared among the attendees: 0 when everyone speaks equally long, close to 1 when one person does all the talking. A facilitated meeting with equal speaking time gives 0.",
            ),
            Term::TopDecile => pick(
                "Den andel af al taletid, som de 10\u{a0}% af deltagerne, der taler mest, står for. Er taletiden lige fordelt, er andelen 10\u{a0}%.",
                "The share of all speaking time taken by the 10% of attendees who speak most. With speaking time shared equally, it is 10%.",
            ),
            Term::Turnout => pick(
                "Den andel af de voksne borgere, der stemmer om borgerbudgettet. I Faxe-scenariet er den omkring 10\u{a0}%.",
                "The share of adult residents who vote on the citizen budget. In the Faxe scenario it is about 10%.",
            ),
            Term::Legitimacy => pick(
                "Hvor meget af det, der blev finansieret, der også ville være blevet finansieret, hvis alle borgere havde stemt: de fælles projekters penge divideret med det største af de to beløb. 100\u{a0}% betyder, at de få, der stemte, valgte som alle ville have gjort.",
                "How much of what was funded would also have been funded had every resident voted: the money of the projects in both divided by the larger of the two totals. 100% means the few who voted chose as everyone would have.",
            ),
            Term::WelfareLoss => pick(
                "Hvor meget mindre samlet tilfredshed resultatet giver end resultatet, »hvis alle stemte«, i procent. Tilfredshed er for hver borger, hvor meget af budgettet der går til projekter, vedkommende ønsker. Tabet kan være negativt: fordelingsreglen maksimerer ikke den samlede tilfredshed, så de få vælgeres valg kan tilfældigvis glæde befolkningen mere end alles valg.",
                "How much less total satisfaction the outcome gives than the outcome “if everyone voted”, as a percentage. A resident's satisfaction is how much of the budget goes to projects they want. The loss can be negative: the allocation rule does not maximise total satisfaction, so the few voters' choice can happen to please the population more than everyone's choice.",
            ),
            Term::InfluenceRatio => pick(
                "En gruppes gennemsnitlige tilfredshed med resultatet divideret med hele befolkningens. 1 betyder, at gruppen får lige så meget ud af budgettet som gennemsnittet.",
                "A group's mean satisfaction with the outcome divided by the whole population's. 1 means the group gets as much out of the budget as the average.",
            ),
            Term::InfluenceGap => pick(
                "Forskellen mellem det største og det mindste indflydelsesforhold inden for ét kendetegn, fx alder. 0 betyder, at alle grupper får lige meget ud af budgettet.",
                "The difference between the largest and the smallest influence ratio within one trait, such as age. 0 means every group gets as much out of the budget.",
            ),
            Term::OrganisedCapture => pick(
                "Den andel af de finansierede penge, der går til projekter, som foreninger står bag.",
                "The share of the funded money that goes to projects backed by associations.",
            ),
            Term::PbRule => pick(
                "Reglen, der gør stemmerne til en fordeling af budgettet. Grådig fordeling, som de fleste danske og polske borgerbudgetter bruger, finansierer projekterne i rækkefølge efter stemmer, så længe pengene rækker – et flertal kan tage det hele. Metoden med lige andele (Equal Shares) giver hver vælger en lige stor del af budgettet at bruge, så mindre grupper også får noget.",
                "The rule that turns the votes into an allocation of the budget. Greedy allocation, used by most Danish and Polish citizen budgets, funds projects in order of votes while the money lasts – a majority can take it all. The Method of Equal Shares gives each voter an equal part of the budget to spend, so smaller groups get something too.",
            ),
            Term::Sortition => pick(
                "Et borgerpanel, der trækkes lod til: først får tilfældigt udvalgte borgere brev, så trækkes panelet blandt dem, der siger ja, så det har befolkningens sammensætning af alder, køn, uddannelse og bydel. Den hidtidige metode udfylder kvoterne i tilfældig rækkefølge og kan give nogle borgere meget små chancer; LEXIMIN (Flanigan m.fl. 2021) vælger det lotteri over panelerne, der gør den mindste chance så stor som muligt.",
                "A citizens' panel chosen by lot: randomly chosen residents get a letter, then the panel is drawn among those who say yes so that it has the population's make-up by age, gender, education and district. The legacy method fills the quotas in a random order and can leave some residents very small chances; LEXIMIN (Flanigan et al. 2021) picks the lottery over panels that makes the smallest chance as large as possible.",
            ),
            Term::Marginalised => pick(
                "Borgere i en socialt udsat position – i modellen omkring 10\u{a0}% af de voksne. De kommer sjældnere til møder og stemmer sjældnere, og opsøgende arbejde er den strategi, der er rettet mod dem.",
                "Residents in a socially marginalised position – about 10% of adults in the model. They come to meetings and vote less often, and outreach is the strategy aimed at them.",
            ),
            Term::Interval => pick(
                "Under »× N frø« er 95\u{a0}%-intervallet et interval for middelværdien: hvor gennemsnittet over mange byer sandsynligvis ligger. Det er ikke det interval, én enkelt by lander i – udfaldene for de enkelte frø spreder sig mere. Flere frø gør intervallet for middelværdien smallere, ikke spredningen mellem byerne.",
                "Under “× N seeds” the 95% interval is an interval for the mean: where the average over many towns probably lies. It is not the range one single town lands in – the outcomes of single seeds spread more widely. More seeds narrow the interval for the mean, not the spread between towns.",
            ),
            Term::SamePopulation => pick(
                "Har A og B samme frø og samme befolkningsindstillinger, er det de samme borgere med de samme tilfældige træk, og forskellen skyldes kun det, du har ændret. Ellers blander forskellen tilfældigheder og indstillinger sammen.",
                "When A and B have the same seed and population settings, they are the same residents with the same random draws, and the difference is due only to what you changed. Otherwise the difference mixes chance and settings.",
            ),
            Term::CostRates => pick(
                "Invitationens pris regnes ud fra få satser: pris pr. brev (porto og tryk), pris pr. personaletime og antal timer til en åben invitation, pr. opsøgende henvendelse, pr. forening og bydel og pr. svar på et lodtrækningsbrev. Standardværdierne (15\u{a0}kr. pr. brev, 450\u{a0}kr. pr. time, 40 timer, ½ time, 4 timer, ¼ time) er modellens antagelser, ikke officielle takster – ret dem under »Omkostningssatser« til jeres egne.",
                "The invitation's price is worked out from a few rates: price per letter (postage and print), price per staff hour, and hours for an open call, per outreach contact, per association and district, and per answer to a sortition letter. The defaults (DKK\u{a0}15 per letter, DKK\u{a0}450 per hour, 40 hours, ½ hour, 4 hours, ¼ hour) are the model's assumptions, not official rates – change them under “Cost rates” to your own.",
            ),
            Term::Arguments => pick(
                "Hvert projektområde har argumenter for og imod af forskellig styrke. Borgerne kender dem ujævnt: lang uddannelse, egen erfaring med emnet og foreningsmedlemskab gør, at man kender flere. Ved bordet nævner talerne argumenter, de kender, og en tilhører, der hører et nyt argument, flytter sig i dets retning – på et ideelt møde efter argumentets styrke, på et realistisk også efter talerens status. Med »kun fra ligesindede« lytter man kun til dem, der mener nogenlunde det samme, så ensartede borde kan blive mere yderliggående. Hver borger har også en »informeret« præference: det, hun ville ønske, hvis hun kendte alle argumenterne.",
                "Each area of projects has arguments for and against of varying strength. Residents know them unevenly: higher education, own experience of the issue and association membership mean knowing more. At the table speakers voice arguments they know, and a listener who hears a new argument moves in its direction – in an ideal meeting by the argument's strength, in a realistic one also by the speaker's status. With “only from the like-minded” listeners heed only those who think roughly the same, so uniform tables can polarise. Each resident also has an “informed” preference: what she would want if she knew every argument.",
            ),
            Term::DecisionChannel => pick(
                "Hvem afgør, hvilke projekter der får penge: alle borgere ved en afstemning (online, på papir eller på mødet), kun mødets deltagere, eller kommunen efter råd fra mødet. Og hvem fører projekterne ud i livet: kommunen, så alt bliver gennemført, eller forslagsstillerne selv i deres fritid, så projekter fra folk med god tid oftere bliver til noget. I Faxe formede møderne byens udviklingsstrategi uden afstemning, og borgerne skulle selv løfte projekterne.",
                "Who settles which projects get money: every resident in a vote (online, on paper or at the meeting), only the meeting's attendees, or the municipality on the meeting's advice. And who carries the projects out: the municipality, so everything is completed, or the proposers themselves in their own time, so projects from people with time to spare more often come about. In Faxe the meetings shaped the town's development strategy with no vote, and the residents were to carry the projects out themselves.",
            ),
            Term::ModelLimits => pick(
                "Modellen er en forenklet by, ikke en prognose. Det her bør man vide, før man bruger dens tal:",
                "The model is a simplified town, not a forecast. Worth knowing before using its numbers:",
            ),
        }
    }
}

/// The glossary's table of the model's coefficients (the parameter registry).
pub struct ParameterTexts {
    /// Heading of the table's section.
    pub heading: &'static str,
    /// The lines under the heading.
    pub lead: &'static str,
    /// Column headers: coefficient, value, plausible range, unit, kind, source.
    pub columns: [&'static str; 6],
}

/// The heading and lead of the presets' sources.
pub struct PresetSourceTexts {
    /// The heading.
    pub heading: &'static str,
    /// The line under it.
    pub lead: &'static str,
}

const PRESET_SOURCES_DA: PresetSourceTexts = PresetSourceTexts {
    heading: "Forudindstillingerne og deres kilder",
    lead: "Hvor tallene i hver forudindstilling kommer fra. Omtrentlige tal er afrundede mål for modellen, ikke officiel statistik.",
};

const PRESET_SOURCES_EN: PresetSourceTexts = PresetSourceTexts {
    heading: "The presets and their sources",
    lead: "Where the numbers of each preset come from. Approximate numbers are rounded targets for the model, not official statistics.",
};

const PARAMETERS_DA: ParameterTexts = ParameterTexts {
    heading: "Modellens koefficienter",
    lead: "Hvert tal, modellen regner med, med sin værdi, det spænd, vi anser for rimeligt, og hvor det kommer fra. Et målt tal er aflæst af data eller en offentliggjort statistik; et kalibreret er tilpasset, så modellen rammer observationer i rigtige data (her: hvem der stemmer på papir og online i polske borgerbudgetter); et antaget er sat efter skøn eller i hånden efter et fund, som kilden nævner, og kilden siger hvorfor. Robusthedsberegningen varierer hver koefficient inden for sit spænd.",
    columns: [
        "Koefficient",
        "Værdi",
        "Rimeligt spænd",
        "Enhed",
        "Slags",
        "Kilde",
    ],
};

const PARAMETERS_EN: ParameterTexts = ParameterTexts {
    heading: "The model's coefficients",
    lead: "Every number the model works with, with its value, the range we consider plausible, and where it comes from. A measured number is read off data or a published statistic; a calibrated one is fitted so that the model matches observations in real data (here: who votes on paper and online in Polish participatory budgets); an assumed one is set by judgement, or by hand to a finding its source names, and the source says why. The robustness analysis varies each coefficient within its range.",
    columns: [
        "Coefficient",
        "Value",
        "Plausible range",
        "Unit",
        "Kind",
        "Source",
    ],
};

impl Lang {
    /// The heading and lead of the presets' sources in the glossary.
    #[must_use]
    pub fn preset_source_texts(self) -> &'static PresetSourceTexts {
        self.pick(&PRESET_SOURCES_DA, &PRESET_SOURCES_EN)
    }

    /// The fixed strings of the model's coefficients.
    #[must_use]
    pub fn parameter_texts(self) -> &'static ParameterTexts {
        match self {
            Lang::Da => &PARAMETERS_DA,
            Lang::En => &PARAMETERS_EN,
        }
    }

    /// How many coefficients the model has and of which kind, in one sentence.
    #[must_use]
    pub fn parameter_counts(self, measured: usize, calibrated: usize, assumed: usize) -> String {
        let total = measured + calibrated + assumed;
        match self {
            Lang::Da => format!(
                "Modellen har {total} koefficienter: {measured} er målt, {calibrated} kalibreret og {assumed} antaget."
            ),
            Lang::En => format!(
                "The model has {total} coefficients: {measured} measured, {calibrated} calibrated and {assumed} assumed."
            ),
        }
    }

    /// The name of a part of the model, by the first part of its parameters' paths
    /// (`population`, `meeting`, …); the path part itself when unknown.
    #[must_use]
    pub fn model_part(self, section: &str) -> String {
        let (da, en) = match section {
            "population" => ("Befolkningen", "The population"),
            "invitation" => ("Invitationen", "The invitation"),
            "attendance" => ("Hvem der kommer", "Who comes"),
            "meeting" => ("Mødet", "The meeting"),
            "arguments" => ("Argumenterne", "The arguments"),
            "vote" => ("Afstemningen", "The vote"),
            "need" => (
                "Behov og det, der står på spil",
                "Need and what is at stake",
            ),
            "decision" => ("Hvem der beslutter", "Who decides"),
            "municipality" => ("Kommunen", "The municipality"),
            "feedback" => ("Fra år til år", "From year to year"),
            other => return other.to_string(),
        };
        self.pick(da, en).to_string()
    }

    /// What kind of number a coefficient is: measured, calibrated or assumed.
    #[must_use]
    pub fn parameter_kind(self, kind: dialoglab_engine::registry::Kind) -> &'static str {
        use dialoglab_engine::registry::Kind;
        match kind {
            Kind::Measured => self.pick("målt", "measured"),
            Kind::Calibrated => self.pick("kalibreret", "calibrated"),
            Kind::Assumed => self.pick("antaget", "assumed"),
        }
    }

    /// A coefficient's unit (the registry's English unit, in Danish when the interface is).
    #[must_use]
    pub fn parameter_unit(self, unit: &str) -> String {
        if self == Lang::En {
            return unit.to_string();
        }
        let da = match unit {
            "DKK" => "kr.",
            "hours/week" => "timer pr. uge",
            "intensity" => "intensitet",
            "log weight per unit status" => "log-vægt pr. enhed status",
            "logit" => "log-odds",
            "logit per 1.5 age bands" => "log-odds pr. 1,5 aldersgruppe",
            "logit per age band" => "log-odds pr. aldersgruppe",
            "logit per level" => "log-odds pr. uddannelsesniveau",
            "logit per ln(1 + intensity)" => "log-odds pr. ln(1 + intensitet)",
            "logit per unit" => "log-odds pr. enhed",
            "logit per unit missing skill" => "log-odds pr. enhed manglende færdighed",
            "logit per unit time pressure" => "log-odds pr. enhed tidspres",
            "logit per ½ interest" => "log-odds pr. ½ interesse",
            "logit sd" => "log-odds, standardafvigelse",
            "mean absolute difference" => "gennemsnitlig absolut forskel",
            "need" => "behov",
            "preference" => "præference",
            "preference per unit strength" => "præference pr. enhed styrke",
            "probability" => "sandsynlighed",
            "probability for higher education (half for vocational)" => {
                "sandsynlighed ved lang uddannelse (det halve ved erhvervsuddannelse)"
            }
            "score" => "indkomstmål",
            "score per level" => "indkomstmål pr. uddannelsesniveau",
            "score sd" => "indkomstmål, standardafvigelse",
            "share" => "andel",
            "share of gap" => "andel af afstanden",
            "share per turn" => "andel pr. taletur",
            "stakes" => "det, der står på spil",
            "turn length per unit" => "taletid pr. enhed",
            "utility" => "nytte",
            "weight" => "vægt",
            "weight multiplier" => "vægtfaktor",
            "weight per level" => "vægt pr. uddannelsesniveau",
            "× chance" => "× sandsynlighed",
            "× middle tercile" => "× midterste indkomsttredjedel",
            other => return other.to_string(),
        };
        da.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_explained_in_both_languages() {
        for t in Term::ALL {
            for lang in Lang::ALL {
                assert!(lang.term_name(t).len() > 3, "{t:?}");
                assert!(lang.term_text(t).len() > 60, "{t:?}");
            }
            assert_ne!(Lang::Da.term_text(t), Lang::En.term_text(t));
        }
        // The limits' points: as many in both languages, each a sentence of its own.
        let (da, da_end) = Lang::Da.model_limits();
        let (en, en_end) = Lang::En.model_limits();
        for (d, e) in da.iter().zip(&en).chain([(&da_end, &en_end)]) {
            assert!(d.len() > 30 && e.len() > 30 && d != e, "{d} / {e}");
            assert!(d.ends_with('.') && e.ends_with('.'), "{d} / {e}");
        }
        // Danish quotes in Danish, English quotes in English.
        assert!(!Lang::Da.term_text(Term::WelfareLoss).contains('“'));
        assert!(Lang::Da.term_text(Term::WelfareLoss).contains("negativt"));
    }
}
