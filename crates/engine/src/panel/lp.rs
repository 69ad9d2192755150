//! The linear and integer programs of maximin and LEXIMIN, on `microlp`: respondent types
//! ([`Units`]), the pricing problem (the quota-satisfying panel composition of largest dual weight,
//! solved exactly by branch and bound, [`best_composition`]), the dual of the master LP over a
//! growing set of compositions ([`DualMaster`]) and the primal LP that turns the final
//! compositions into a distribution ([`distribution`]).

use std::collections::BTreeMap;

use microlp::{
    ComparisonOp, LinearExpr, OptimizationDirection, Problem, Solution, SolutionStatus,
    SolveOptions, Variable,
};

use super::{Category, PanelError, Pool};

/// Respondents grouped into interchangeable units: the same feature in every category and no
/// household shared with anyone (a respondent who shares a household is a unit of its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Units {
    /// Respondents of each unit, ascending.
    pub members: Vec<Vec<u32>>,
    /// Feature of each unit in each category.
    pub features: Vec<Vec<u16>>,
    /// For units of one respondent sharing a household: the household.
    pub household: Vec<Option<u32>>,
    /// Unit of each respondent.
    pub unit_of: Vec<u32>,
}

impl Units {
    /// Groups `pool`'s respondents, units numbered in the order of their first respondent.
    #[must_use]
    pub fn new(pool: &Pool) -> Self {
        let mut size: BTreeMap<u32, u32> = BTreeMap::new();
        for h in pool.households.iter().flatten() {
            *size.entry(*h).or_insert(0) += 1;
        }
        let ncat = pool.categories.len();
        let mut index: BTreeMap<(&[u16], Option<u32>), u32> = BTreeMap::new();
        let mut units = Self {
            members: Vec::new(),
            features: Vec::new(),
            household: Vec::new(),
            unit_of: Vec::with_capacity(pool.len as usize),
        };
        for i in 0..pool.len {
            let features = &pool.features[i as usize * ncat..(i as usize + 1) * ncat];
            let shared = pool.households[i as usize].filter(|h| size[h] > 1);
            let key = (features, shared.map(|_| i));
            let next = units.members.len() as u32;
            let u = *index.entry(key).or_insert(next);
            if u == next {
                units.members.push(Vec::new());
                units.features.push(features.to_vec());
                units.household.push(shared);
            }
            units.members[u as usize].push(i);
            units.unit_of.push(u);
        }
        units
    }

    /// Number of units.
    #[must_use]
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there are no units.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Respondents in unit `u`.
    #[must_use]
    pub fn size(&self, u: usize) -> u32 {
        self.members[u].len() as u32
    }
}

fn solver_error(e: &microlp::Error) -> PanelError {
    PanelError::Solver {
        message: e.to_string(),
    }
}

/// Whether `counts` (per unit) is a panel of `k` that meets every quota and household.
#[must_use]
pub fn is_valid(units: &Units, categories: &[Category], k: u32, counts: &[u32]) -> bool {
    if counts.len() != units.len()
        || counts.iter().map(|&c| u64::from(c)).sum::<u64>() != u64::from(k)
    {
        return false;
    }
    if counts.iter().enumerate().any(|(u, &c)| c > units.size(u)) {
        return false;
    }
    let mut households: BTreeMap<u32, u32> = BTreeMap::new();
    for (u, &c) in counts.iter().enumerate() {
        if let (Some(h), true) = (units.household[u], c > 0) {
            *households.entry(h).or_insert(0) += c;
        }
    }
    if households.values().any(|&n| n > 1) {
        return false;
    }
    categories.iter().enumerate().all(|(ci, cat)| {
        let mut filled = vec![0u32; cat.features.len()];
        for (u, &c) in counts.iter().enumerate() {
            filled[usize::from(units.features[u][ci])] += c;
        }
        cat.features
            .iter()
            .zip(&filled)
            .all(|(f, &n)| f.min <= n && n <= f.max)
    })
}

/// The quota-satisfying composition of `k` that maximises `Σ_u weights[u] · count[u] / size[u]`
/// (with `weights` `None`: any quota-satisfying composition), solved to proven optimality, with
/// its weight; `None` when no panel meets the quotas and households.
///
/// # Errors
/// [`PanelError::Solver`] when the solver fails or returns an invalid composition.
pub fn best_composition(
    units: &Units,
    categories: &[Category],
    k: u32,
    weights: Option<&[f64]>,
) -> Result<Option<(Vec<u32>, f64)>, PanelError> {
    Ok(search(units, categories, k, weights, None)?.map(|(c, v, _)| (c, v)))
}

/// Like [`best_composition`], but the branch and bound stops after `node_limit` nodes (when
/// given) with its best composition so far: the third value says whether it is proven optimal.
/// `None` also when the limit came before any composition was found.
///
/// # Errors
/// [`PanelError::Solver`] when the solver fails or returns an invalid composition.
pub fn search(
    units: &Units,
    categories: &[Category],
    k: u32,
    weights: Option<&[f64]>,
    node_limit: Option<u64>,
) -> Result<Option<(Vec<u32>, f64, bool)>, PanelError> {
    let mut problem = Problem::new(OptimizationDirection::Maximize);
    let vars: Vec<Variable> = (0..units.len())
        .map(|u| {
            let n = units.size(u);
            let mut cap = n.min(k);
            for (ci, cat) in categories.iter().enumerate() {
                cap = cap.min(cat.features[usize::from(units.features[u][ci])].max);
            }
            let w = weights.map_or(0.0, |w| w[u] / f64::from(n));
            // Weights below 1e-12 are round-off of the master LP; dropping them keeps the
            // objective's coefficients within the solver's recommended range.
            let w = if w.abs() < 1e-12 { 0.0 } else { w };
            problem.add_integer_var(w, (0, i32::try_from(cap).unwrap_or(i32::MAX)))
        })
        .collect();
    let total: Vec<(Variable, f64)> = vars.iter().map(|&v| (v, 1.0)).collect();
    problem.add_constraint(total.as_slice(), ComparisonOp::Eq, f64::from(k));
    for (ci, cat) in categories.iter().enumerate() {
        for (fi, f) in cat.features.iter().enumerate() {
            let terms: Vec<(Variable, f64)> = (0..units.len())
                .filter(|&u| usize::from(units.features[u][ci]) == fi)
                .map(|u| (vars[u], 1.0))
                .collect();
            if f.min > 0 {
                problem.add_constraint(terms.as_slice(), ComparisonOp::Ge, f64::from(f.min));
            }
            if f.max < k && !terms.is_empty() {
                problem.add_constraint(terms.as_slice(), ComparisonOp::Le, f64::from(f.max));
            }
        }
    }
    let mut households: BTreeMap<u32, Vec<(Variable, f64)>> = BTreeMap::new();
    for (u, h) in units.household.iter().enumerate() {
        if let Some(h) = h {
            households.entry(*h).or_default().push((vars[u], 1.0));
        }
    }
    for terms in households.values() {
        problem.add_constraint(terms.as_slice(), ComparisonOp::Le, 1.0);
    }
    let mut options = SolveOptions::default();
    options.node_limit = node_limit;
    let solution = match problem.solve_with(options) {
        Ok(outcome) => match outcome.into_solution() {
            Ok(solution) => solution,
            Err(_) if node_limit.is_some() => return Ok(None),
            Err(_) => {
                return Err(PanelError::Solver {
                    message: "the pricing problem stopped without a solution".into(),
                });
            }
        },
        Err(microlp::Error::Infeasible) => return Ok(None),
        Err(e) => return Err(solver_error(&e)),
    };
    let proven = solution.status() == SolutionStatus::Optimal;
    let counts: Vec<u32> = vars
        .iter()
        .map(|&v| solution.var_value(v).round().max(0.0) as u32)
        .collect();
    if !is_valid(units, categories, k, &counts) {
        return Err(PanelError::Solver {
            message: "the pricing problem returned a panel that breaks a quota".into(),
        });
    }
    let value = weights.map_or(0.0, |w| weight(units, w, &counts));
    Ok(Some((counts, value, proven)))
}

/// `Σ_u weights[u] · counts[u] / size[u]`.
#[must_use]
pub fn weight(units: &Units, weights: &[f64], counts: &[u32]) -> f64 {
    counts
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c > 0)
        .map(|(u, &c)| weights[u] * f64::from(c) / f64::from(units.size(u)))
        .sum()
}

/// The constraint row of composition `counts`: `Σ_u y_u · counts[u] / size[u] − ŷ ≤ 0`.
fn row(units: &Units, y: &[Variable], yhat: Variable, counts: &[u32]) -> LinearExpr {
    let mut expr = LinearExpr::empty();
    for (u, &c) in counts.iter().enumerate() {
        if c > 0 {
            expr.add(y[u], f64::from(c) / f64::from(units.size(u)));
        }
    }
    expr.add(yhat, -1.0);
    expr
}

/// Upper bound on each dual variable: makes the restricted dual bounded even where round-off
/// leaves the restricted primal a hair short of a fixed probability (an elastic primal whose
/// shortfall costs this much per unit).
const Y_MAX: f64 = 1e4;

/// The dual of the restricted master LP of one level: minimise `ŷ − Σ_{fixed u} f_u y_u` subject
/// to `Σ_{free u} y_u = 1`, `y ≥ 0` and `Σ_u y_u c_u / size_u ≤ ŷ` for every composition `c` so
/// far. Its optimum is the largest `z` such that a distribution over those compositions gives every
/// free unit at least `z` and every fixed unit at least `f_u`; new compositions are added as rows
/// and solved from the previous basis (dual simplex).
pub struct DualMaster {
    solution: Option<Solution>,
    y: Vec<Variable>,
    yhat: Variable,
}

impl DualMaster {
    /// Builds and solves the master over `panels`; `fixed[u]` is the probability fixed for unit
    /// `u` by earlier levels.
    ///
    /// # Errors
    /// [`PanelError::Solver`] when the solver fails.
    pub fn new(
        units: &Units,
        panels: &[Vec<u32>],
        fixed: &[Option<f64>],
    ) -> Result<Self, PanelError> {
        let mut problem = Problem::new(OptimizationDirection::Minimize);
        let y: Vec<Variable> = fixed
            .iter()
            .map(|f| problem.add_var(-f.unwrap_or(0.0), (0.0, Y_MAX)))
            .collect();
        let yhat = problem.add_var(1.0, (f64::NEG_INFINITY, f64::INFINITY));
        let free: Vec<(Variable, f64)> = y
            .iter()
            .zip(fixed)
            .filter(|(_, f)| f.is_none())
            .map(|(&v, _)| (v, 1.0))
            .collect();
        problem.add_constraint(free.as_slice(), ComparisonOp::Eq, 1.0);
        for counts in panels {
            problem.add_constraint(row(units, &y, yhat, counts), ComparisonOp::Le, 0.0);
        }
        let solution = problem
            .solve()
            .map_err(|e| solver_error(&e))?
            .into_solution()
            .map_err(|_| PanelError::Solver {
                message: "the master LP stopped without a solution".into(),
            })?;
        Ok(Self {
            solution: Some(solution),
            y,
            yhat,
        })
    }

    /// Adds composition `counts` and solves again.
    ///
    /// # Errors
    /// [`PanelError::Solver`] when the solver fails.
    pub fn add(&mut self, units: &Units, counts: &[u32]) -> Result<(), PanelError> {
        let solution = self.solution.take().ok_or(PanelError::Solver {
            message: "the master LP has no solution".into(),
        })?;
        let expr = row(units, &self.y, self.yhat, counts);
        let solution = solution
            .add_constraint(expr, ComparisonOp::Le, 0.0)
            .map_err(|e| solver_error(&e))?
            .into_solution()
            .map_err(|_| PanelError::Solver {
                message: "the master LP stopped without a solution".into(),
            })?;
        self.solution = Some(solution);
        Ok(())
    }

    /// The optimal dual weights `y` (clamped at 0) and the master's value.
    #[must_use]
    pub fn values(&self) -> (Vec<f64>, f64) {
        self.solution.as_ref().map_or((Vec::new(), 0.0), |s| {
            (
                self.y.iter().map(|&v| s.var_value(v).max(0.0)).collect(),
                s.objective(),
            )
        })
    }
}

/// The distribution over `panels` that gives every unit `u` at least `target[u]` less the smallest
/// possible common shortfall: the weights (non-negative, summing to 1).
///
/// # Errors
/// [`PanelError::Solver`] when the solver fails.
pub fn distribution(
    units: &Units,
    panels: &[Vec<u32>],
    target: &[f64],
) -> Result<Vec<f64>, PanelError> {
    let mut problem = Problem::new(OptimizationDirection::Minimize);
    let lambda: Vec<Variable> = panels
        .iter()
        .map(|_| problem.add_var(0.0, (0.0, 1.0)))
        .collect();
    let short = problem.add_var(1.0, (0.0, 1.0));
    let all: Vec<(Variable, f64)> = lambda.iter().map(|&v| (v, 1.0)).collect();
    problem.add_constraint(all.as_slice(), ComparisonOp::Eq, 1.0);
    let mut rows: Vec<LinearExpr> = (0..units.len()).map(|_| LinearExpr::empty()).collect();
    for (p, counts) in panels.iter().enumerate() {
        for (u, &c) in counts.iter().enumerate() {
            if c > 0 {
                rows[u].add(lambda[p], f64::from(c) / f64::from(units.size(u)));
            }
        }
    }
    for (mut expr, &t) in rows.into_iter().zip(target) {
        expr.add(short, 1.0);
        problem.add_constraint(expr, ComparisonOp::Ge, t);
    }
    let solution = problem
        .solve()
        .map_err(|e| solver_error(&e))?
        .into_solution()
        .map_err(|_| PanelError::Solver {
            message: "the final LP stopped without a solution".into(),
        })?;
    let mut w: Vec<f64> = lambda
        .iter()
        .map(|&v| {
            let x = solution.var_value(v);
            // Weights below 1e-12 are round-off.
            if x < 1e-12 { 0.0 } else { x }
        })
        .collect();
    let total: f64 = w.iter().sum();
    if total <= 0.0 {
        return Err(PanelError::Solver {
            message: "the final LP gave no weight to any panel".into(),
        });
    }
    for x in &mut w {
        *x /= total;
    }
    Ok(w)
}
