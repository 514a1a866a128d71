//! Dependency relations: once the parser has chosen every head, an averaged
//! perceptron labels each arc with its full UD relation (`nsubj:pass`,
//! `obl:tmod`), seeing the whole tree: the two words, their tags, direction
//! and distance, the dependent's children, its siblings and the relation
//! already given to the head (arcs are labelled top-down).

use crate::features::{distance, f1, f2, f3, f4, NONE};
use crate::parser::Input;
use crate::tagger::argmax;
use crate::weights::{Trainer, Weights};

/// Children lists of a tree given by heads (index 0 = root), each in word
/// order, all in one array.
#[derive(Debug)]
pub(crate) struct Children {
    /// Where each word's children start in `list` (one more at the end).
    start: Vec<usize>,
    list: Vec<usize>,
}

impl Children {
    fn len(&self) -> usize {
        self.start.len() - 1
    }
}

impl std::ops::Index<usize> for Children {
    type Output = [usize];
    fn index(&self, h: usize) -> &[usize] {
        &self.list[self.start[h]..self.start[h + 1]]
    }
}

/// The children of every word of a tree given by heads (index 0 = root).
pub(crate) fn children(heads: &[usize]) -> Children {
    let n = heads.len();
    let is_arc = |d: usize, h: usize| h < n && h != d;
    let mut start = vec![0usize; n + 1];
    for (d, &h) in heads.iter().enumerate().skip(1) {
        if is_arc(d, h) {
            start[h + 1] += 1;
        }
    }
    for i in 1..=n {
        start[i] += start[i - 1];
    }
    let mut next = start.clone();
    let mut list = vec![0usize; start[n]];
    for (d, &h) in heads.iter().enumerate().skip(1) {
        if is_arc(d, h) {
            list[next[h]] = d;
            next[h] += 1;
        }
    }
    Children { start, list }
}

/// Words in top-down order (every head before its dependents); words on
/// cycles or detached come last.
pub(crate) fn top_down(ch: &Children) -> Vec<usize> {
    let n = ch.len();
    // breadth first from the root: the order is its own queue
    let mut order = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    seen[0] = true;
    let mut next = 0;
    let mut h = 0;
    loop {
        for &d in &ch[h] {
            if !seen[d] {
                seen[d] = true;
                order.push(d);
            }
        }
        let Some(&d) = order.get(next) else {
            break;
        };
        h = d;
        next += 1;
    }
    order.extend((1..n).filter(|&d| !seen[d]));
    order
}

fn features(
    d: usize,
    heads: &[usize],
    ch: &Children,
    x: &Input,
    head_label: u64,
    out: &mut Vec<u64>,
) {
    out.clear();
    let h = heads[d];
    let (dw, dp, hw, hp) = (x.w[d], x.p[d], x.w[h], x.p[h]);
    let dir = u64::from(d < h);
    let dist = distance(d, h);
    let g = if h == 0 { NONE } else { x.p[heads[h]] };
    let siblings = &ch[h];
    let order = siblings
        .iter()
        .filter(|&&s| (s < d) == (d < h) && s.abs_diff(h) < d.abs_diff(h))
        .count()
        .min(3) as u64;
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, dw),
        f1(2, dp),
        f1(3, hw),
        f1(4, hp),
        f2(5, dp, hp),
        f2(6, dw, hp),
        f2(7, dp, hw),
        f2(8, dw, hw),
        f3(9, dp, hp, dir),
        f4(10, dp, hp, dir, dist),
        f2(11, dw, dir),
        f3(12, dp, dir, dist),
        f3(13, g, dp, hp),
        f3(14, head_label, dp, hp),
        f4(15, head_label, dp, dir, hw),
        f4(16, dp, hp, dir, order),
        f2(17, dp, ch[d].len().min(4) as u64),
        f3(18, dp, hp, ch[d].first().map_or(NONE, |&c| x.p[c])),
        f3(19, dp, hp, ch[d].last().map_or(NONE, |&c| x.p[c])),
        f3(20, dw, hp, dir),
    ]);
    for &c in &ch[d] {
        out.push(f3(21, dp, x.p[c], u64::from(c < d)));
        out.push(f3(22, dp, x.w[c], u64::from(c < d)));
    }
    // the siblings next to `d` (children are in word order)
    let at = siblings.iter().position(|&s| s == d).unwrap_or(0);
    let neighbours = [
        at.checked_sub(1)
            .and_then(|k| siblings.get(k))
            .copied()
            .unwrap_or(usize::MAX),
        siblings.get(at + 1).copied().unwrap_or(usize::MAX),
    ];
    for &s in siblings {
        if s == d {
            continue;
        }
        let side = u64::from(s < d) + 2 * u64::from(s < h);
        if neighbours.contains(&s) {
            out.push(f4(24, dp, hp, x.p[s], side));
        }
        if x.closed[s] {
            out.push(f4(25, dp, dir, x.w[s], side));
        }
    }
}

/// Labels (ids into the label list) of words `1..=n`; index 0 unused.
/// `root` is the id of the `root` relation; `forced(tag)` is the label that
/// words with that tag always take (`punct` for punctuation), if any.
pub(crate) fn label(
    weights: &Weights,
    x: &Input,
    heads: &[usize],
    root: usize,
    forced: impl Fn(u64) -> Option<usize>,
    feats: &mut Vec<u64>,
) -> Vec<usize> {
    let ch = children(heads);
    let mut labels = vec![root; heads.len()];
    let mut scores = vec![0f32; weights.classes()];
    for d in top_down(&ch) {
        let h = heads[d];
        if h == 0 {
            labels[d] = root;
            continue;
        }
        if let Some(l) = forced(x.p[d]) {
            labels[d] = l;
            continue;
        }
        let hl = labels[h] as u64;
        features(d, heads, &ch, x, hl, feats);
        weights.score(feats, &mut scores);
        if let Some(s) = scores.get_mut(root) {
            *s = f32::NEG_INFINITY;
        }
        labels[d] = argmax(&scores);
    }
    labels
}

/// A sentence prepared for training the labeller.
#[derive(Debug)]
pub(crate) struct LabelExample<'a> {
    pub input: &'a Input,
    pub heads: &'a [usize],
    pub labels: Vec<usize>,
}

pub(crate) fn train(
    examples: &[LabelExample],
    classes: usize,
    root: usize,
    epochs: usize,
    rng: &mut crate::train::Rng,
    prune: f32,
    mut progress: impl FnMut(usize, f64),
) -> Weights {
    let mut t = Trainer::new(classes);
    let mut feats = Vec::with_capacity(64);
    let mut scores = vec![0f32; classes];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let ex = &examples[k];
            let ch = children(ex.heads);
            for d in top_down(&ch) {
                let h = ex.heads[d];
                if h == 0 {
                    continue;
                }
                features(d, ex.heads, &ch, ex.input, ex.labels[h] as u64, &mut feats);
                t.score(&feats, &mut scores);
                scores[root] = f32::NEG_INFINITY;
                let guess = argmax(&scores);
                let gold = ex.labels[d];
                t.tick();
                total += 1;
                if guess == gold {
                    right += 1;
                } else {
                    t.update(&feats, gold, 1.0);
                    t.update(&feats, guess, -1.0);
                }
            }
        }
        progress(epoch, right as f64 / total.max(1) as f64);
    }
    t.finish(prune)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_come_in_word_order_and_heads_before_dependents() {
        // root -> 3; 3 -> 1, 2, 5; 5 -> 4; word 6 heads itself (detached)
        let heads = [usize::MAX, 3, 3, 0, 5, 3, 6];
        let ch = children(&heads);
        assert_eq!(&ch[0], &[3]);
        assert_eq!(&ch[3], &[1, 2, 5]);
        assert_eq!(&ch[5], &[4]);
        assert!(ch[1].is_empty() && ch[6].is_empty());
        assert_eq!(top_down(&ch), vec![3, 1, 2, 5, 4, 6]);
    }
}
