//! One-to-one matching of predicted items to gold items.
//!
//! A gold item is matched by at most one prediction and a prediction matches
//! at most one gold item; among all such pairings the largest is taken
//! (augmenting paths), so the score does not depend on the order of the
//! events. Some predictions are *optional*: they count when they match and
//! are never counted as extra (the reverse dyad of a reciprocal event).

/// Which prediction each gold item was paired with, and the reverse.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pairing {
    pub gold: Vec<Option<usize>>,
    pub pred: Vec<Option<usize>>,
}

impl Pairing {
    /// Gold items paired.
    pub fn matched(&self) -> usize {
        self.gold.iter().filter(|p| p.is_some()).count()
    }

    /// Predictions neither paired nor optional: the extra ones.
    pub fn extra(&self, optional: &[bool]) -> usize {
        self.pred
            .iter()
            .enumerate()
            .filter(|(k, g)| g.is_none() && !optional.get(*k).copied().unwrap_or(false))
            .count()
    }

    /// Gold items left unpaired.
    pub fn missed(&self) -> usize {
        self.gold.len() - self.matched()
    }
}

/// Pairs `n_gold` gold items with `n_pred` predictions where `fits(g, p)`;
/// required predictions are paired first, then the optional ones may take
/// gold items still free.
pub fn pair(
    n_gold: usize,
    n_pred: usize,
    optional: &[bool],
    fits: impl Fn(usize, usize) -> bool,
) -> Pairing {
    let is_optional = |p: usize| optional.get(p).copied().unwrap_or(false);
    let edges: Vec<Vec<usize>> = (0..n_gold)
        .map(|g| (0..n_pred).filter(|&p| fits(g, p)).collect())
        .collect();
    let mut pairing = Pairing {
        gold: vec![None; n_gold],
        pred: vec![None; n_pred],
    };
    for allow_optional in [false, true] {
        for g in 0..n_gold {
            if pairing.gold[g].is_none() {
                let mut seen = vec![false; n_pred];
                augment(g, &edges, &mut pairing, &mut seen, &|p| {
                    allow_optional || !is_optional(p)
                });
            }
        }
    }
    pairing
}

/// Kuhn's augmenting path from gold item `g`; a prediction once paired stays
/// paired (it may move to another gold item).
fn augment(
    g: usize,
    edges: &[Vec<usize>],
    pairing: &mut Pairing,
    seen: &mut [bool],
    allowed: &dyn Fn(usize) -> bool,
) -> bool {
    for &p in &edges[g] {
        if seen[p] || !allowed(p) {
            continue;
        }
        seen[p] = true;
        let free = match pairing.pred[p] {
            None => true,
            Some(other) => augment(other, edges, pairing, seen, allowed),
        };
        if free {
            pairing.pred[p] = Some(g);
            pairing.gold[g] = Some(p);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_largest_pairing_whatever_the_order() {
        // Gold 0 fits both predictions, gold 1 only the first: greedy pairing
        // in order would give one match, the largest pairing gives two.
        let fits = |g: usize, p: usize| g == 0 || p == 0;
        let m = pair(2, 2, &[], fits);
        assert_eq!(m.matched(), 2);
        assert_eq!(m.gold, [Some(1), Some(0)]);
        assert_eq!(m.extra(&[]), 0);
    }

    #[test]
    fn counts_extra_and_missed() {
        let m = pair(2, 3, &[], |g, p| g == 0 && p == 2);
        assert_eq!(m.matched(), 1);
        assert_eq!(m.missed(), 1);
        assert_eq!(m.extra(&[]), 2);
    }

    #[test]
    fn optional_predictions_fill_in_but_are_never_extra() {
        let optional = [false, true, true];
        // Gold 0 fits the required 0 and the optional 1; gold 1 fits only
        // the optional 1. Prediction 2 fits nothing but is optional.
        let fits = |g: usize, p: usize| (g == 0 && p <= 1) || (g == 1 && p == 1);
        let m = pair(2, 3, &optional, fits);
        assert_eq!(m.gold, [Some(0), Some(1)]);
        assert_eq!(m.extra(&optional), 0);
        let m = pair(0, 3, &optional, fits);
        assert_eq!(m.extra(&optional), 1);
    }

    #[test]
    fn empty_sets() {
        let m = pair(0, 0, &[], |_, _| true);
        assert_eq!((m.matched(), m.missed(), m.extra(&[])), (0, 0, 0));
    }
}
