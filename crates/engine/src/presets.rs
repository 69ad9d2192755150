//! Named scenarios, and the sources of their numbers ([`SOURCES`]).
//!
//! Numbers marked *approximate* are rounded from the source and are calibration targets for the
//! model, not official statistics; docs/MODEL.md lists each default with its source.
//!
//! ## Who decided in the real cases (issue 17; docs/MODEL.md, "Budgets")
//!
//! - **Faxe** (`faxe-small-pot`): the dialogue project invited citizens to shape their town's
//!   development strategy from their input, with no vote; the citizens themselves were to carry it
//!   out by taking the initiative to concrete projects (workshop deck, the Faxe case). Modelled as
//!   `decision.channel = advisory`, `decision.implementer = proposers`, citizens' initiative, with
//!   a small pot (100,000 DKK: the size a local politician in the deck names, »200,000 … or
//!   100,000«). `faxe-dialogue` keeps the default PB vote by everyone, so links and calibration
//!   stay as they were.
//! - **Aarhus, Tranbjerg 2020** (`aarhus-tranbjerg`): citizens proposed, everyone could vote
//!   (1,213 voters), and the municipality carried the winning projects out (DESIGN §6).
//! - **New York** (`new-york`): PB per council district with at least $1M (the deck: »I NY har de
//!   vedtaget kun at igangsætte PB-projekter med budgetter på 1 mill. dollar og derover«);
//!   residents vote in a vote week, on paper and online, and city agencies build the projects
//!   (DESIGN §6; about 1–2% of residents vote).
//! - **Porto Alegre** (`porto-alegre`): district assemblies rank the investment priorities and
//!   elect delegates; the assemblies' rankings decide, weighted by need, and the city builds the
//!   works (DESIGN §6; Baiocchi, *Militants and Citizens*, 2005). Modelled as
//!   `decision.channel = attendees`, the municipality implementing.

// Each preset reads as "the default, with these changes"; clippy's preferred struct literal would
// hide which fields differ.
#![allow(clippy::field_reassign_with_default)]

use crate::pb::Rule;
use crate::scenario::{
    DecisionChannel, Implementer, Initiative, MeetingFormat, RulesBy, Scenario, Strategy,
};

/// A named scenario.
#[derive(Clone, Debug)]
pub struct Preset {
    /// Stable name used in links and the CLI.
    pub name: &'static str,
    /// One line in English.
    pub title_en: &'static str,
    /// One line in Danish.
    pub title_da: &'static str,
    /// Builds the scenario.
    pub build: fn() -> Scenario,
}

/// Every preset, the default first.
pub const ALL: &[Preset] = &[
    Preset {
        name: "faxe-dialogue",
        title_en: "Faxe: a citizen dialogue meeting on the town strategy, open call",
        title_da: "Faxe: borgerdialogmøde om byens udviklingsstrategi, åben invitation",
        build: faxe_dialogue,
    },
    Preset {
        name: "faxe-small-pot",
        title_en: "Faxe with a small pot: the meeting advises, citizens carry the projects out",
        title_da: "Faxe med en lille pulje: mødet rådgiver, borgerne gennemfører selv projekterne",
        build: faxe_small_pot,
    },
    Preset {
        name: "borgerbudget-small",
        title_en: "A small borgerbudget pool in a local council area: 'benches and tables' money",
        title_da: "En lille borgerbudgetpulje i et lokalrådsområde: »bænke og borde«-penge",
        build: borgerbudget_small,
    },
    Preset {
        name: "aarhus-tranbjerg",
        title_en: "Aarhus, Tranbjerg 2020: a 320,000 DKK borgerbudget with 14 proposals",
        title_da: "Aarhus, Tranbjerg 2020: et borgerbudget på 320.000 kr. med 14 forslag",
        build: aarhus_tranbjerg,
    },
    Preset {
        name: "new-york",
        title_en: "New York City: PB in a council district, at least $1M, about 1–2% vote",
        title_da: "New York: borgerbudget i et byrådsdistrikt, mindst 1 mio. dollar, 1–2 % stemmer",
        build: new_york,
    },
    Preset {
        name: "porto-alegre",
        title_en: "Porto Alegre style: a large investment budget, poor districts reached, rules co-designed",
        title_da: "Porto Alegre-modellen: et stort anlægsbudget, fattige kvarterer opsøgt, regler skrevet sammen med borgerne",
        build: porto_alegre,
    },
    Preset {
        name: "citizens-panel",
        title_en: "A citizens' panel: letters to a random sample, a panel drawn by quotas, paid and facilitated",
        title_da: "Et borgerpanel: breve til en tilfældig stikprøve, et panel udtrukket efter kvoter, betalt og faciliteret",
        build: citizens_panel,
    },
    Preset {
        name: "outreach",
        title_en: "Door-to-door outreach to the marginalised: invited again, and again",
        title_da: "Opsøgende arbejde dør til dør hos de udsatte: inviteret igen og igen",
        build: outreach,
    },
];

fn faxe_dialogue() -> Scenario {
    Scenario::default()
}

fn faxe_small_pot() -> Scenario {
    let mut s = Scenario::default();
    s.budget = 100_000;
    s.municipality.initiative = Initiative::Citizens;
    s.decision.channel = DecisionChannel::Advisory;
    s.decision.implementer = Implementer::Proposers;
    s
}

fn borgerbudget_small() -> Scenario {
    let mut s = Scenario::default();
    s.budget = 100_000;
    s.population.size = 8_000;
    s.population.districts = 3;
    s.population.age_shares = [0.18, 0.30, 0.29, 0.23];
    s.invitation.strategy = Strategy::OpenCall;
    s
}

fn aarhus_tranbjerg() -> Scenario {
    let mut s = Scenario::default();
    s.budget = 320_000;
    s.population.size = 7_300;
    s.population.districts = 3;
    s.population.age_shares = [0.20, 0.33, 0.27, 0.20];
    s.municipality.initiative = Initiative::Citizens;
    s.vote.max_projects = 14;
    s.vote.online = true;
    // The published turnout (1,213 voters of 7,300 residents 15+, 16.6%): set so that the
    // preset's vote has about that many voters (a test holds it); the default intercept gives 11.5%.
    s.vote.turnout_intercept = -1.3;
    s.decision.channel = DecisionChannel::Everyone;
    s.decision.implementer = Implementer::Municipality;
    s
}

fn new_york() -> Scenario {
    let mut s = Scenario::default();
    s.budget = 6_744_700;
    s.population.size = 130_000;
    s.population.districts = 5;
    s.population.age_shares = [0.22, 0.36, 0.26, 0.16];
    s.population.marginalised_share = 0.25;
    s.population.language_barrier_share = 0.5;
    s.population.association_share = 0.35;
    s.invitation.strategy = Strategy::Targeted;
    s.invitation.contacts = 2;
    s.invitation.outreach_reach = 0.15;
    s.invitation.supports.interpretation = true;
    s.invitation.supports.childcare = true;
    s.municipality.initiative = Initiative::Citizens;
    // About 1–2% of residents vote (DESIGN §6): set to that (a test holds it).
    s.vote.turnout_intercept = -5.0;
    s.vote.max_projects = 15;
    s.decision.channel = DecisionChannel::Everyone;
    s.decision.implementer = Implementer::Municipality;
    s
}

fn porto_alegre() -> Scenario {
    let mut s = Scenario::default();
    s.budget = 30_000_000;
    s.population.size = 100_000;
    s.population.districts = 16;
    s.population.age_shares = [0.25, 0.38, 0.24, 0.13];
    s.population.marginalised_share = 0.35;
    s.population.language_barrier_share = 0.05;
    s.population.association_share = 0.45;
    s.invitation.strategy = Strategy::Targeted;
    s.invitation.contacts = 3;
    s.invitation.outreach_reach = 0.3;
    s.invitation.supports.childcare = true;
    s.municipality.initiative = Initiative::Citizens;
    s.municipality.rules_by = RulesBy::CoDesigned;
    s.municipality.control = 0.1;
    s.vote.rule = Rule::Mes;
    s.vote.online = false;
    s.vote.max_projects = 30;
    s.decision.channel = DecisionChannel::Attendees;
    s.decision.implementer = Implementer::Municipality;
    s
}

fn citizens_panel() -> Scenario {
    let mut s = Scenario::default();
    s.invitation.strategy = Strategy::Stratified;
    s.invitation.letters = 10_000;
    s.invitation.panel_size = 48;
    s.invitation.supports.payment = true;
    s.meeting.format = MeetingFormat::Ideal;
    s
}

fn outreach() -> Scenario {
    let mut s = Scenario::default();
    s.invitation.strategy = Strategy::Targeted;
    s.invitation.contacts = 3;
    s.invitation.outreach_reach = 0.5;
    s.invitation.supports.childcare = true;
    s.invitation.supports.interpretation = true;
    s
}

/// Where each preset's numbers come from, by preset name, in the order of [`ALL`]: apart from the
/// presets themselves, so that a program that offers the presets (the app's sandbox bundle) links
/// none of these notes.
pub const SOURCES: &[(&str, &[&str])] = &[
    (
        "faxe-dialogue",
        &[
            "Faxe Kommune has about 37,000 inhabitants, of whom about 29,500 are adults (18+) (Statistics Denmark, FOLK1A, 2023; approximate)",
            "Age profile older than the Danish average: about 17% 18–29, 28% 30–49, 30% 50–66, 25% 67+ of adults (FOLK1A, Faxe; approximate)",
            "Retirees dominate dialogue meetings; parents of school children and the young are missing (workshop deck, Faxe citizen quote)",
            "Budget 250,000 DKK: within the 50,000–500,000 DKK range of Danish borgerbudget pools (DESIGN §6)",
            "About 55% of Danish adults are members of an association (Foreningsundersøgelsen 2016; approximate)",
        ],
    ),
    (
        "faxe-small-pot",
        &[
            "Faxe's dialogue project: citizens shape their town's development strategy from their input, with no vote, and are themselves to carry it out by taking the initiative to concrete projects (workshop deck, the Faxe case)",
            "A small pot of 100,000 DKK: »det kan godt være, man har fået 200.000 … eller 100.000 … til at disponere over selv« (local politician, workshop deck); a »flødeskumspulje« (municipal employee, workshop deck)",
            "Population as faxe-dialogue: about 29,500 adults (Statistics Denmark, FOLK1A, 2023; approximate)",
            "The municipality decides on the meeting's advice (decision.channel = advisory); proposers carry their projects out in their own time (decision.implementer = proposers)",
        ],
    ),
    (
        "borgerbudget-small",
        &[
            "Svendborg: about 100,000 DKK per local council; typical Danish pools 50,000–500,000 DKK (DESIGN §6)",
            "A local council area of about 8,000 adults in 3 districts (illustrative size)",
            "'Flødeskumspulje' — a municipal employee on small pools; the marginalised withdraw over 'benches and tables' money (workshop deck)",
        ],
    ),
    (
        "aarhus-tranbjerg",
        &[
            "Aarhus Tranbjerg 2020: 320,000 DKK, 14 proposals, 1,213 voters = 16% of residents aged 15+ (DESIGN §6)",
            "1,213 / 0.16 ≈ 7,600 residents 15+; about 7,300 adults 18+ (derived)",
            "Turnout intercept set by hand so that about 16% of adults vote (a setting, not a source; a test holds it)",
            "Citizens formulate the proposals (citizens' initiative); online voting",
            "Everyone may vote and the municipality carries the projects out (decision.channel = everyone, decision.implementer = municipality)",
        ],
    ),
    (
        "new-york",
        &[
            "At least $1M per participating council district; about 1–2% of residents vote (DESIGN §6)",
            "$1M = 6,744,700 DKK (ECB reference rates of 29 December 2023: EUR/DKK 7.4529, EUR/USD 1.1050)",
            "A council district has about 170,000 residents; modelled as 130,000 adults in 5 neighbourhoods (approximate)",
            "Outreach to under-represented communities with repeated contacts; turnout intercept set by hand to about 1.5% (a setting; a test holds it)",
            "Residents vote in a vote week, on paper and online, and city agencies build the winning projects (decision.channel = everyone, decision.implementer = municipality; DESIGN §6)",
        ],
    ),
    (
        "porto-alegre",
        &[
            "Porto Alegre: about 15% of the investment budget decided in PB; 16,000–20,000 meeting participants (1999–2000) (DESIGN §6)",
            "Modelled at 1:10 scale as 100,000 adults in 16 districts with 300 DKK per adult (illustrative; the stakes follow what a district's share of the pot can buy, docs/MODEL.md § 5a, so they are lower here than in the real city)",
            "The poor were invited to lead and wrote the rules (workshop deck quoting the Journal of Public Deliberation 8(2), 2012)",
            "Equal Shares as the proportional rule standing in for Porto Alegre's need-weighted allocation (modelling choice)",
            "District assemblies rank the priorities and the city builds the works (Baiocchi, Militants and Citizens, 2005): decision.channel = attendees, decision.implementer = municipality",
        ],
    ),
    (
        "citizens-panel",
        &[
            "Sortition letters: 5–10% answer (UK Climate Assembly: 30,000 letters → about 6%) (DESIGN §6)",
            "10,000 letters for a panel of 48 in a Faxe-sized municipality (illustrative)",
            "Panels are facilitated (ideal meeting format) and members are paid (common practice)",
        ],
    ),
    (
        "outreach",
        &[
            "Door-to-door outreach recruits about one in two people reached (DESIGN §6)",
            "\"Marginalized residents will only participate if they are invited. And then invited again, and again.\" (Journal of Public Deliberation 8(2), 2012, quoted in the workshop deck)",
            "Three contacts per person, childcare and interpretation offered (illustrative)",
        ],
    ),
];

/// [`SOURCES`] in Danish (citations as they are), for the app's Danish page: the same presets in
/// the same order, the same number of notes each.
pub const SOURCES_DA: &[(&str, &[&str])] = &[
    (
        "faxe-dialogue",
        &[
            "Faxe Kommune har ca. 37.000 indbyggere, heraf ca. 29.500 voksne (18+) (Danmarks Statistik, FOLK1A, 2023; omtrentlige tal)",
            "Befolkningen er ældre end landsgennemsnittet: Af de voksne er ca. 17 % 18–29 år, 28 % 30–49 år, 30 % 50–66 år og 25 % 67+ (FOLK1A, Faxe; omtrentlige tal)",
            "Pensionister dominerer dialogmøderne, mens forældre til skolebørn og de unge mangler (workshopmaterialet, citat fra en borger i Faxe)",
            "Budget på 250.000 kr.: inden for spændet på 50.000–500.000 kr. for danske borgerbudgetpuljer (DESIGN §6)",
            "Ca. 55 % af danske voksne er medlem af en forening (Foreningsundersøgelsen 2016; omtrentlige tal)",
        ],
    ),
    (
        "faxe-small-pot",
        &[
            "Faxes dialogprojekt: Borgerne former deres bys udviklingsstrategi med deres input – uden afstemning – og skal selv føre den ud i livet ved at tage initiativ til konkrete projekter (workshopmaterialet, Faxe-casen)",
            "En lille pulje på 100.000 kr.: »det kan godt være, man har fået 200.000 … eller 100.000 … til at disponere over selv« (lokalpolitiker, workshopmaterialet); en »flødeskumspulje« (kommunal medarbejder, workshopmaterialet)",
            "Befolkning som i faxe-dialogue: ca. 29.500 voksne (Danmarks Statistik, FOLK1A, 2023; omtrentlige tal)",
            "Kommunen træffer beslutningen ud fra mødets anbefalinger (decision.channel = advisory); forslagsstillerne gennemfører selv deres projekter i deres fritid (decision.implementer = proposers)",
        ],
    ),
    (
        "borgerbudget-small",
        &[
            "Svendborg: ca. 100.000 kr. pr. lokalråd; typiske danske puljer er på 50.000–500.000 kr. (DESIGN §6)",
            "Et lokalrådsområde med ca. 8.000 voksne fordelt på 3 distrikter (illustrativ størrelse)",
            "»Flødeskumspulje« – en kommunal medarbejder om små puljer; de socialt udsatte trækker sig, når det handler om penge til »bænke og borde« (workshopmaterialet)",
        ],
    ),
    (
        "aarhus-tranbjerg",
        &[
            "Aarhus Tranbjerg 2020: 320.000 kr., 14 forslag, 1.213 stemmeafgivere = 16 % af indbyggerne på 15 år og derover (DESIGN §6)",
            "1.213 / 0,16 ≈ 7.600 indbyggere på 15+; ca. 7.300 voksne (18+) (beregnet)",
            "Konstantleddet for valgdeltagelsen er sat i hånden, så ca. 16 % af de voksne stemmer (en indstilling, ikke en kilde; en test holder den)",
            "Borgerne formulerer selv forslagene (borgerinitiativ); onlineafstemning",
            "Alle kan stemme, og kommunen gennemfører projekterne (decision.channel = everyone, decision.implementer = municipality)",
        ],
    ),
    (
        "new-york",
        &[
            "Mindst 1 mio. dollar pr. deltagende byrådsdistrikt; ca. 1–2 % af indbyggerne stemmer (DESIGN §6)",
            "1 mio. dollar = 6.744.700 kr. (ECB's referencekurser pr. 29. december 2023: EUR/DKK 7,4529, EUR/USD 1,1050)",
            "Et byrådsdistrikt har ca. 170.000 indbyggere; modelleret som 130.000 voksne i 5 bydele (omtrentlige tal)",
            "Opsøgende arbejde over for underrepræsenterede grupper med gentagne kontakter; konstantleddet for valgdeltagelsen er sat i hånden til ca. 1,5 % (en indstilling; en test holder den)",
            "Indbyggerne stemmer i en afstemningsuge, på papir og online, og byens forvaltninger bygger de vindende projekter (decision.channel = everyone, decision.implementer = municipality; DESIGN §6)",
        ],
    ),
    (
        "porto-alegre",
        &[
            "Porto Alegre: ca. 15 % af anlægsbudgettet blev fordelt via borgerbudget; 16.000–20.000 mødedeltagere (1999–2000) (DESIGN §6)",
            "Modelleret i skala 1:10 som 100.000 voksne i 16 bydele med 300 kr. pr. voksen (illustrativt; hvad der står på spil, følger af, hvad en bydels del af puljen kan købe, docs/MODEL.md § 5a, så det er mindre her end i den rigtige by)",
            "De fattige blev inviteret til at gå forrest og skrev selv reglerne (workshopmaterialet, der citerer Journal of Public Deliberation 8(2), 2012)",
            "Equal Shares bruges som proportional regel i stedet for Porto Alegres behovsvægtede fordeling (modelvalg)",
            "Bydelsforsamlinger rangordner prioriteterne, og byen udfører anlægsarbejderne (Baiocchi, Militants and Citizens, 2005): decision.channel = attendees, decision.implementer = municipality",
        ],
    ),
    (
        "citizens-panel",
        &[
            "Breve til borgere udvalgt ved lodtrækning: 5–10 % svarer (UK Climate Assembly: 30.000 breve → ca. 6 %) (DESIGN §6)",
            "10.000 breve til et panel på 48 i en kommune på Faxes størrelse (illustrativt)",
            "Panelerne faciliteres (ideelt mødeformat), og medlemmerne får honorar (almindelig praksis)",
        ],
    ),
    (
        "outreach",
        &[
            "Opsøgende arbejde fra dør til dør rekrutterer ca. hver anden af dem, man når ud til (DESIGN §6)",
            "»De socialt udsatte deltager kun, hvis de bliver inviteret. Og så inviteret igen og igen.« (Journal of Public Deliberation 8(2), 2012, citeret i workshopmaterialet)",
            "Tre kontakter pr. person samt tilbud om børnepasning og tolkning (illustrativt)",
        ],
    ),
];

/// The sources of the preset with this name (empty for no such preset).
#[must_use]
pub fn sources(name: &str) -> &'static [&'static str] {
    find(SOURCES, name)
}

/// [`sources`] in Danish.
#[must_use]
pub fn sources_da(name: &str) -> &'static [&'static str] {
    find(SOURCES_DA, name)
}

fn find(table: &'static [(&str, &'static [&'static str])], name: &str) -> &'static [&'static str] {
    table
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(&[], |(_, s)| s)
}

/// The preset with this name.
#[must_use]
pub fn get(name: &str) -> Option<Scenario> {
    ALL.iter().find(|p| p.name == name).map(|p| (p.build)())
}

/// Names of every preset.
#[must_use]
pub fn names() -> Vec<&'static str> {
    ALL.iter().map(|p| p.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_validates_and_names_are_unique() {
        for p in ALL {
            (p.build)()
                .validate()
                .unwrap_or_else(|e| panic!("{}: {e}", p.name));
            assert!(!sources(p.name).is_empty(), "{}: no sources", p.name);
            assert_eq!(ALL.iter().filter(|q| q.name == p.name).count(), 1);
        }
        // The sources are the presets', in the same order.
        assert!(
            SOURCES
                .iter()
                .map(|(n, _)| *n)
                .eq(ALL.iter().map(|p| p.name))
        );
        assert!(sources("nowhere").is_empty());
        // The Danish notes: one for each English note, and none left in English.
        assert!(
            SOURCES_DA
                .iter()
                .map(|(n, _)| *n)
                .eq(ALL.iter().map(|p| p.name))
        );
        for p in ALL {
            let (en, da) = (sources(p.name), sources_da(p.name));
            assert_eq!(en.len(), da.len(), "{}", p.name);
            for (e, d) in en.iter().zip(da) {
                assert!(!d.is_empty() && e != d, "{}: {d}", p.name);
            }
        }
        assert_eq!(get("faxe-dialogue"), Some(Scenario::default()));
        assert!(get("nowhere").is_none());
        // The seed's contrast, by who decides and who carries out.
        let faxe = get("faxe-small-pot").unwrap();
        assert_eq!(faxe.decision.channel, DecisionChannel::Advisory);
        assert_eq!(faxe.decision.implementer, Implementer::Proposers);
        assert_eq!(
            get("porto-alegre").unwrap().decision.channel,
            DecisionChannel::Attendees
        );
        assert!(get("new-york").unwrap().budget >= 6_744_700);
    }

    /// The presets that cite a published turnout give it: Aarhus Tranbjerg 2020 had 1,213 voters
    /// (16.6% of 7,300 residents aged 15+), New York about 1–2% of residents (DESIGN §6). Their
    /// turnout intercepts are set by hand to these (seeds 1 – 3); a model change that moves the
    /// turnout fails here, so the preset is set again rather than left citing a number it no
    /// longer gives (the Tranbjerg preset had drifted to 8.5%).
    #[test]
    fn presets_that_cite_a_published_turnout_give_it() {
        let turnout = |name: &str| {
            (1..=3u64)
                .map(|seed| {
                    let mut s = get(name).unwrap();
                    s.seed = seed;
                    crate::run(&s).unwrap().outcome.turnout
                })
                .sum::<f64>()
                / 3.0
        };
        let tranbjerg = turnout("aarhus-tranbjerg");
        assert!((0.15..0.185).contains(&tranbjerg), "Tranbjerg {tranbjerg}");
        let new_york = turnout("new-york");
        assert!((0.01..0.02).contains(&new_york), "New York {new_york}");
    }
}
