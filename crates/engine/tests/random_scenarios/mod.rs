//! A seeded generator of random valid scenarios with small populations, shared by the native
//! `determinism.rs` and the browser `wasm_determinism.rs`, and the digest both compare: the
//! report JSON of scenario `k` must be byte-identical on every target. Also the small sweep whose
//! golden summary both check, and a scenario seeded from a small `.pb` file (real projects and a
//! drawn ballot length per voter) whose report digest both check.
//!
//! Only integer draws from a fixed xoshiro256++ stream, turned into floats by exact arithmetic,
//! so the generator itself gives the same scenarios everywhere.

use dialoglab_engine::pb::{Rule, TieBreak};
use dialoglab_engine::scenario::{BallotKind, Initiative, MeetingFormat, RulesBy};
use dialoglab_engine::{Scenario, Strategy, presets, run};
use rand::{Rng as _, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// How many random scenarios the determinism tests check.
pub const COUNT: u32 = 16;

/// Seed of the generator (changing it changes every scenario: regenerate the golden digests).
const GENERATOR_SEED: u64 = 0x00D1_A106_1AB5;

struct Draw(Xoshiro256PlusPlus);

impl Draw {
    /// A whole number in `lo..=hi`.
    fn int(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.0.next_u64() % (hi - lo + 1)
    }
    /// A float in `[lo, hi]` on a grid of 2^20 steps (exactly representable).
    fn float(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.int(0, 1 << 20) as f64 / f64::from(1u32 << 20))
    }
    fn coin(&mut self) -> bool {
        self.int(0, 1) == 1
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.int(0, items.len() as u64 - 1) as usize]
    }
}

/// Random valid scenario number `k` (0-based): a preset with most knobs drawn at random within
/// their documented ranges, 150 – 2,000 citizens and 1 – 3 cycles.
#[must_use]
pub fn scenario(k: u32) -> Scenario {
    let mut d = Draw(Xoshiro256PlusPlus::seed_from_u64(
        GENERATOR_SEED ^ u64::from(k).wrapping_mul(0x9E37_79B9_7F4A_7C15),
    ));
    let names = presets::names();
    let mut s = presets::get(d.pick(&names)).expect("preset exists");
    s.seed = d.int(0, u64::MAX - 1);
    s.budget = d.int(0, 3_000_000);
    s.cycles = d.int(1, 3) as u8;

    let p = &mut s.population;
    p.size = d.int(150, 2_000) as u32;
    p.districts = d.int(1, 12) as u8;
    let mut shares = [0.0; 4];
    for share in &mut shares {
        *share = d.float(0.05, 1.0);
    }
    let total: f64 = shares.iter().sum();
    p.age_shares = shares.map(|x| x / total);
    p.marginalised_share = d.float(0.0, 0.6);
    p.language_barrier_share = d.float(0.0, 0.3);
    p.association_share = d.float(0.0, 0.6);

    let size = p.size;
    let inv = &mut s.invitation;
    inv.strategy = d.pick(&Strategy::ALL);
    inv.letters = d.int(1, u64::from(size)) as u32;
    inv.panel_size = d.int(1, u64::from(inv.letters.min(200))) as u32;
    inv.contacts = d.int(1, 10) as u8;
    inv.outreach_reach = d.float(0.0, 1.0);
    inv.mobilisation = d.float(0.0, 1.0);
    inv.panel_dropout = d.float(0.0, 0.5);
    inv.selection_replicates = d.int(1, 30) as u16;
    inv.recontact = d.coin();
    inv.supports.childcare = d.coin();
    inv.supports.evening = d.coin();
    inv.supports.interpretation = d.coin();
    inv.supports.payment = d.coin();
    inv.supports.online = d.coin();

    let a = &mut s.attendance;
    a.intercept += d.float(-1.0, 1.0);
    a.trust = d.float(-2.0, 2.0);
    a.interest = d.float(-2.0, 2.0);
    a.intensity = d.float(0.0, 3.0);

    let m = &mut s.meeting;
    m.format = d.pick(&[MeetingFormat::Realistic, MeetingFormat::Ideal]);
    m.table_size = d.int(2, 12) as u8;
    m.rounds = d.int(1, 8) as u8;
    m.persuasion = d.float(0.0, 1.0);
    m.confidence_bound = d.float(0.0, 1.0);
    m.status_weight = d.float(0.0, 5.0);
    m.status_persuasion = d.float(0.0, 1.0);
    m.proposals_per_table = d.int(0, 4) as u8;

    let mu = &mut s.municipality;
    mu.initiative = d.pick(&[Initiative::Municipality, Initiative::Citizens]);
    mu.rules_by = d.pick(&[RulesBy::Municipality, RulesBy::CoDesigned]);
    mu.control = d.float(0.0, 1.0);
    for g in &mut mu.goals {
        *g = d.float(0.0, 1.0);
    }
    mu.municipal_proposals = d.int(0, 8) as u8;
    mu.ownership = d.float(0.0, 1.0);

    let v = &mut s.vote;
    v.ballot = d.pick(&[BallotKind::Approval, BallotKind::Cumulative]);
    v.rule = d.pick(&Rule::ALL);
    v.tie_break = d.pick(&TieBreak::ALL);
    v.threshold = d.float(0.0, 0.3);
    v.max_approvals = d.int(0, 10) as u8;
    v.points = d.int(1, 20) as u16;
    v.max_projects = d.int(1, 20) as u8;
    v.district_bonus = d.float(0.0, 1.0);
    v.cost_share_min = d.float(0.01, 0.2);
    v.cost_share_max = d.float(v.cost_share_min, 0.6);
    v.online = d.coin();

    let f = &mut s.feedback;
    f.efficacy_gain = d.float(0.0, 0.3);
    f.trust_gain = d.float(0.0, 0.3);
    f.habit_decay = d.float(0.0, 1.0);

    s.validate()
        .unwrap_or_else(|e| panic!("random scenario {k} is not valid: {e}"));
    s
}

/// The report JSON of random scenario `k`, as the CLI prints it.
#[must_use]
pub fn report_json(k: u32) -> String {
    let report = run(&scenario(k)).expect("a valid scenario runs");
    serde_json::to_string_pretty(&report).expect("report serialises") + "\n"
}

/// One line of the golden digest file: `k <FNV-1a 64 of the JSON in hex> <length in bytes>`.
#[must_use]
pub fn digest_line(k: u32, json: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in json.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{k} {h:016x} {}", json.len())
}

/// The digest file's content for every random scenario (written by the native test).
#[must_use]
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub fn digests() -> String {
    (0..COUNT)
        .map(|k| digest_line(k, &report_json(k)) + "\n")
        .collect()
}

/// The small sweep whose summary is kept in `golden/sweep.jsonl`, checked natively
/// (`determinism.rs`) and in WebAssembly (`wasm_determinism.rs`): 2 budgets × 2 strategies ×
/// 3 seeds on 3,000 citizens.
pub fn golden_sweep_spec() -> dialoglab_engine::sweep::SweepSpec {
    use dialoglab_engine::sweep::{Axis, SweepSpec};
    let mut base = presets::get("faxe-dialogue").unwrap();
    base.population.size = 3_000;
    base.invitation.letters = 600;
    SweepSpec {
        x: Axis::parse("budget=100000..1000000:log:2", &base).unwrap(),
        series: Some(Axis::parse("invitation.strategy=open-call,stratified", &base).unwrap()),
        base,
        seeds: 3,
        first_seed: 1,
    }
}

/// A scenario seeded from a small inline `.pb` file on the `aarhus-tranbjerg` preset: eight real
/// projects (on the ballot with their exact costs) and the file's ballot-length distribution,
/// three cycles. Its report digest is kept in `golden/real-data.txt`.
#[must_use]
pub fn real_data_scenario() -> Scenario {
    let text = "META\nkey;value\nbudget;400000\nvote_type;approval\nrule;equalshares\n\
                PROJECTS\nproject_id;cost;name;category\n\
                1;120000;Nowe drzewa przy szkole;environmental protection,education\n\
                2;45000;Ławki w parku;public space\n\
                3;80000;Zajęcia dla seniorów;social\n\
                4;150000;Boisko do koszykówki;sport\n\
                5;30000;Doświetlenie przejścia;transport\n\
                6;60000;Festyn sąsiedzki;culture\n\
                7;95000;Pomoc sąsiedzka;health\n\
                8;20000;Stojaki rowerowe;\n\
                VOTES\nvoter_id;vote\n\
                v1;1\nv2;1,2\nv3;2,4,6\nv4;3\nv5;5,8\nv6;1,2,3,4\nv7;7\nv8;6,7\nv9;\nv10;4,5\n";
    let (instance, profile) =
        dialoglab_engine::pb::pabulib::parse(text).expect("the inline file parses");
    let base = presets::get("aarhus-tranbjerg").expect("preset exists");
    let mut s = dialoglab_engine::pb::seed::seed_scenario(&instance, &profile, &base)
        .expect("the inline file seeds a valid scenario")
        .scenario;
    s.cycles = 3;
    s.validate().expect("still valid");
    s
}

/// The report JSON of [`real_data_scenario`].
#[must_use]
pub fn real_data_report_json() -> String {
    let report = run(&real_data_scenario()).expect("the seeded scenario runs");
    serde_json::to_string_pretty(&report).expect("report serialises") + "\n"
}

/// A small citizens' panel whose stratified panel is chosen by LEXIMIN
/// (`invitation.selection = "leximin"`, MODEL.md §2): its report's digest is golden natively and
/// in wasm.
#[must_use]
pub fn leximin_model_scenario() -> Scenario {
    let mut s = dialoglab_engine::presets::get("citizens-panel").expect("preset exists");
    s.population.size = 6_000;
    s.invitation.letters = 1_200;
    s.invitation.panel_size = 24;
    s.invitation.selection = dialoglab_engine::PanelSelection::Leximin;
    s
}

/// The report JSON of [`leximin_model_scenario`].
#[must_use]
pub fn leximin_model_report_json() -> String {
    let report = run(&leximin_model_scenario()).expect("the LEXIMIN scenario runs");
    serde_json::to_string_pretty(&report).expect("report serialises") + "\n"
}
