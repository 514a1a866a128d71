//! Beam search over the arc-hybrid transitions of [`crate::parser`], with a
//! globally trained perceptron (Zhang & Clark 2008; Zhang & Nivre 2011):
//! the `k` best partial parses are kept at every step, and training updates
//! the weights towards the gold sequence as soon as it falls out of the
//! beam ("early update", Collins & Roark 2004). Every arc-hybrid parse of
//! `n` words takes exactly `2n` moves, so the beam's items stay comparable.

use crate::dense::{DenseTrainer, DenseWeights, WIDTH};
use crate::parser::{features, rest_features, Input, ParserExample, State, SumCache, MOVES, REST};

#[derive(Debug, Clone)]
struct Item {
    state: State,
    score: f32,
    moves: Vec<u8>,
    gold: bool,
}

/// Candidates of the next beam, best first, given each item's move scores;
/// ties go to the earlier item and move, so the search is deterministic.
fn expand(beam: &[Item], scores: &[[f32; WIDTH]], k: usize, out: &mut Vec<(f32, usize, usize)>) {
    out.clear();
    for (i, (item, s)) in beam.iter().zip(scores).enumerate() {
        for (m, &sm) in s.iter().enumerate().take(MOVES) {
            if item.state.valid(m) {
                out.push((item.score + sm, i, m));
            }
        }
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    out.truncate(k);
}

/// The next beam, made in `next` from the candidates (its items' buffers
/// are reused, and items not needed go to `spare`); `moves` records the
/// move history (for training). The last
/// candidate made from an item takes that item's state instead of a copy
/// of it (`beam` is spent afterwards), so that where the beam has narrowed
/// to one parse nothing is copied.
fn advance(
    beam: &mut [Item],
    cands: &[(f32, usize, usize)],
    gold_move: Option<usize>,
    moves: bool,
    next: &mut Vec<Item>,
    spare: &mut Vec<Item>,
) {
    while next.len() < cands.len() {
        next.push(spare.pop().unwrap_or_else(|| beam[0].clone()));
    }
    while next.len() > cands.len() {
        spare.extend(next.pop());
    }
    // the index of the last candidate made from each item
    let mut last = [usize::MAX; 64];
    for (c, &(_, i, _)) in cands.iter().enumerate() {
        if let Some(l) = last.get_mut(i) {
            *l = c;
        }
    }
    let taken = |c: usize, i: usize| last.get(i) == Some(&c);
    // copies first: a taken state is gone
    for pass_takes in [false, true] {
        for (c, (item, &(score, i, m))) in next.iter_mut().zip(cands).enumerate() {
            if taken(c, i) != pass_takes {
                continue;
            }
            let from = &mut beam[i];
            if pass_takes {
                std::mem::swap(&mut item.state, &mut from.state);
            } else {
                item.state.copy_from(&from.state);
            }
            item.state.apply(m);
            if moves {
                if pass_takes {
                    std::mem::swap(&mut item.moves, &mut from.moves);
                } else {
                    item.moves.clone_from(&from.moves);
                }
                item.moves.push(m as u8);
            }
            item.score = score;
            item.gold = from.gold && gold_move == Some(m);
        }
    }
}

/// Buffers of the beam search, reused from one sentence to the next.
#[derive(Debug, Default)]
pub(crate) struct BeamScratch {
    beam: Vec<Item>,
    next: Vec<Item>,
    spare: Vec<Item>,
    cands: Vec<(f32, usize, usize)>,
    feats: Vec<u64>,
    scores: Vec<[f32; WIDTH]>,
    sums: SumCache,
}

/// Heads (0 = root) of words `1..=n` found with a beam of `k`; candidates
/// scoring more than `margin` below the best are dropped (0 = none).
pub(crate) fn parse(
    weights: &DenseWeights,
    x: &Input,
    k: usize,
    margin: f32,
    scratch: &mut BeamScratch,
) -> Vec<usize> {
    let BeamScratch {
        beam,
        next,
        spare,
        cands,
        feats,
        scores,
        sums,
    } = scratch;
    sums.start(x, weights);
    while beam.len() > 1 {
        spare.extend(beam.pop());
    }
    match beam.first_mut() {
        Some(item) => {
            item.state.reset(x.len());
            item.score = 0.0;
            item.moves.clear();
            item.gold = false;
        }
        None => beam.push(Item {
            state: State::new(x.len()),
            score: 0.0,
            moves: Vec::new(),
            gold: false,
        }),
    }
    while !beam[0].state.done() {
        // a lone parse with one valid move (a shift onto the bare root, the
        // reductions once the buffer is empty) takes it unscored: every
        // later candidate comes from it, so its score would shift them all
        // alike and choose nothing
        if let [item] = beam.as_mut_slice() {
            let mut valid = (0..MOVES).filter(|&m| item.state.valid(m));
            if let (Some(m), None) = (valid.next(), valid.next()) {
                item.state.apply(m);
                continue;
            }
        }
        // every item's features first, then every item's rows: the table's
        // cache misses of all items overlap (the rows are what the parser
        // waits on), instead of each item's coming after its hashing
        feats.clear();
        for item in beam.iter() {
            feats.extend_from_slice(&rest_features(&item.state, x));
        }
        scores.clear();
        for (item, f) in beam.iter().zip(feats.chunks_exact(REST)) {
            let s = sums.score(&item.state, x, weights, f);
            scores.push(s.map(|v| v as f32));
        }
        expand(beam, scores, k.max(1), cands);
        if cands.is_empty() {
            break;
        }
        // parses far behind the best are dropped: the beam narrows where
        // the model is sure, which makes it about a third faster
        if margin > 0.0 {
            let best = cands[0].0;
            cands.retain(|c| c.0 >= best - margin);
        }
        advance(beam, cands, None, false, next, spare);
        std::mem::swap(beam, next);
    }
    let mut heads = beam[0].state.heads().to_vec();
    for h in heads.iter_mut().skip(1) {
        if *h == usize::MAX {
            *h = 0;
        }
    }
    heads
}

/// The moves of a best reachable tree: at every step a move that loses no
/// reachable gold arc (reductions before shifts).
fn oracle(ex: &ParserExample) -> Vec<usize> {
    let mut st = State::new(ex.input.len());
    let mut moves = Vec::new();
    while !st.done() {
        let Some(m) = [1, 2, 0]
            .into_iter()
            .filter(|&m| m < MOVES && st.valid(m))
            .min_by_key(|&m| st.cost(m, &ex.gold))
        else {
            break;
        };
        st.apply(m);
        moves.push(m);
    }
    moves
}

fn replay(t: &mut DenseTrainer, x: &Input, moves: &[u8], delta: f32, feats: &mut Vec<u64>) {
    let mut st = State::new(x.len());
    for &m in moves {
        features(&st, x, feats);
        t.update(feats, m as usize, delta);
        st.apply(m as usize);
    }
}

/// Trains the parser's weights with a beam of `k` and early updates.
pub(crate) fn train(
    examples: &[ParserExample],
    k: usize,
    epochs: usize,
    bits: u32,
    prune: f32,
    rng: &mut crate::train::Rng,
    mut progress: impl FnMut(usize, f64),
) -> DenseWeights {
    let mut t = DenseTrainer::new(bits);
    let mut feats = Vec::with_capacity(128);
    let mut cands = Vec::new();
    let mut scores = Vec::new();
    let mut next = Vec::new();
    let mut spare = Vec::new();
    let golds: Vec<Vec<usize>> = examples.iter().map(oracle).collect();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &e in &order {
            let (ex, gold) = (&examples[e], &golds[e]);
            t.tick();
            let mut beam = vec![Item {
                state: State::new(ex.input.len()),
                score: 0.0,
                moves: Vec::new(),
                gold: true,
            }];
            let mut step = 0;
            let mut updated = false;
            while !beam[0].state.done() && step < gold.len() {
                scores.clear();
                for item in &beam {
                    features(&item.state, &ex.input, &mut feats);
                    let mut s = [0f32; WIDTH];
                    t.score(&feats, &mut s);
                    scores.push(s);
                }
                expand(&beam, &scores, k.max(1), &mut cands);
                if cands.is_empty() {
                    break;
                }
                advance(
                    &mut beam,
                    &cands,
                    Some(gold[step]),
                    true,
                    &mut next,
                    &mut spare,
                );
                std::mem::swap(&mut beam, &mut next);
                step += 1;
                let gold_in_beam = beam.iter().any(|i| i.gold);
                let last = step == gold.len();
                if !gold_in_beam || (last && !beam[0].gold) {
                    let g: Vec<u8> = gold[..step].iter().map(|&m| m as u8).collect();
                    let p = beam[0].moves.clone();
                    replay(&mut t, &ex.input, &g, 1.0, &mut feats);
                    replay(&mut t, &ex.input, &p, -1.0, &mut feats);
                    updated = true;
                    break;
                }
            }
            total += 1;
            right += usize::from(!updated);
        }
        progress(epoch, right as f64 / total.max(1) as f64);
    }
    t.finish(prune)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::train::Rng;

    fn example(words: usize, gold: Vec<usize>) -> ParserExample {
        ParserExample {
            input: Input::new((0..words as u64).map(|i| (i, i % 3, i % 2, false, false, i % 4))),
            gold,
        }
    }

    #[test]
    fn the_oracle_sequence_builds_the_gold_tree() {
        // the(1) envoy(2) met(3) Putin(4) .(5)
        let ex = example(5, vec![usize::MAX, 2, 3, 0, 3, 3]);
        let moves = oracle(&ex);
        assert_eq!(moves.len(), 10, "2n moves");
        let mut st = State::new(5);
        for m in moves {
            st.apply(m);
        }
        assert_eq!(&st.into_heads()[1..], &[2, 3, 0, 3, 3]);
    }

    #[test]
    fn a_trained_beam_parses_its_training_sentences_into_trees() {
        let examples = vec![
            example(5, vec![usize::MAX, 2, 3, 0, 3, 3]),
            example(4, vec![usize::MAX, 2, 0, 2, 2]),
        ];
        let w = train(&examples, 4, 10, 12, 0.0, &mut Rng::new(3), |_, _| {});
        for ex in &examples {
            let heads = parse(&w, &ex.input, 4, 0.0, &mut BeamScratch::default());
            assert_eq!(&heads[1..], &ex.gold[1..]);
        }
        // an untrained model still gives one root and a head for every word
        let w0 = DenseTrainer::new(8).finish(0.0);
        let heads = parse(
            &w0,
            &example(7, vec![]).input,
            3,
            1.0,
            &mut BeamScratch::default(),
        );
        assert_eq!(heads.len(), 8);
        assert_eq!(heads[1..].iter().filter(|&&h| h == 0).count(), 1);
    }
}
