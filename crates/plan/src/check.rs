//! Warnings about a plan that parses: recommendations no action addresses, indicator ids the
//! measures catalogue no longer has, and targets that cannot be rated. These do not stop a plan
//! from being used (a renamed indicator only loses its figures), so they are not [`PlanError`]s.
//!
//! [`PlanError`]: crate::PlanError

use crate::model::Plan;
use sightline_measures::indicator::Polarity;
use std::fmt;

/// A problem worth fixing that does not stop the plan being used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// TOML path of the value concerned, e.g. `recommendations[6]`.
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Whether `id` is in the measures catalogue (`sightline_measures::indicators::INDICATORS`).
pub fn known_indicator(id: &str) -> bool {
    sightline_measures::indicators::find(id).is_some()
}

/// The warnings of a plan, in file order. `polarity_of` gives an indicator's polarity, `None`
/// when the id is unknown (pass [`catalogue_polarity`]; tests pass their own).
pub fn warnings(plan: &Plan, polarity_of: impl Fn(&str) -> Option<Polarity>) -> Vec<Warning> {
    let mut out = Vec::new();
    for (i, rec) in plan.recommendations.iter().enumerate() {
        if plan.actions_addressing(&rec.id).next().is_none() {
            out.push(Warning {
                path: format!("recommendations[{i}]"),
                line: None,
                message: format!(
                    "recommendation `{}` is addressed by no action: cite it in an action's `recommendations`",
                    rec.id
                ),
            });
        }
    }
    for (i, priority) in plan.priorities.iter().enumerate() {
        for (j, m) in priority.measures.iter().enumerate() {
            let Some(id) = &m.indicator else { continue };
            let path = format!("priorities[{i}].measures[{j}].indicator");
            match polarity_of(id) {
                None => out.push(Warning {
                    path,
                    line: Some(m.line),
                    message: format!(
                        "indicator `{id}` no longer exists in the catalogue (renamed or removed?): `sightline indicators --format csv` lists the ids"
                    ),
                }),
                Some(p) => {
                    let has_target = m.target.is_some() || m.stretch.is_some();
                    let polarity = m.polarity.unwrap_or(p);
                    if has_target && polarity == Polarity::NotApplicable {
                        out.push(Warning {
                            path,
                            line: Some(m.line),
                            message: format!(
                                "`{id}` is a volume measure (no good direction), so its target gets no RAG: set `polarity` or drop the target"
                            ),
                        });
                    }
                }
            }
        }
    }
    out
}

/// An indicator's polarity from the measures catalogue.
pub fn catalogue_polarity(id: &str) -> Option<Polarity> {
    sightline_measures::indicators::find(id).map(|i| i.meta().polarity)
}
