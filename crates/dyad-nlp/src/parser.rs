//! Unlabelled dependency parsing: a greedy arc-hybrid transition system
//! (Kuhlmann et al. 2011) with an averaged perceptron over Zhang & Nivre
//! (2011)-style rich features, trained with the dynamic oracle of Goldberg &
//! Nivre (2013) and exploration of the model's own mistakes. Relations are
//! added afterwards by [`crate::labels`].
//!
//! The root sits at the bottom of the stack; a word is attached to it only
//! when the buffer is empty and it is the last word on the stack, so every
//! tree has exactly one root.

use crate::dense::{DenseTrainer, DenseWeights, WIDTH};
use crate::features::{distance, f1, f2, f3, f4, NONE};

pub(crate) const SHIFT: usize = 0;
pub(crate) const LEFT: usize = 1;
pub(crate) const MOVES: usize = 3;

const NO: usize = usize::MAX;
const ROOT_WORD: u64 = 0x726f_6f74;

/// The words of a sentence as the parser sees them; index 0 is the root.
#[derive(Debug, Default)]
pub(crate) struct Input {
    /// Lower-cased word hashes.
    pub w: Vec<u64>,
    /// Tag ids.
    pub p: Vec<u64>,
    /// Coarse (UPOS) tag hashes.
    pub u: Vec<u64>,
    /// Closed-class words (auxiliaries, adpositions, particles, ...).
    pub closed: Vec<bool>,
    /// Number of commas and semicolons before each word.
    pub commas: Vec<u16>,
    /// Ambiguity classes (the tags the tagger's lexicon has seen for the
    /// word), so that the parser can look past a wrong tag.
    pub a: Vec<u64>,
    /// The hashes of the features about one word in one place of the
    /// state (see [`Unary`]), per word and, last, for no word: made once a
    /// sentence instead of once a parser state.
    unary: Vec<[u64; UNARY]>,
}

/// The places of the state whose one-word features are kept in
/// [`Input::unary`], and where each place's hashes start.
#[derive(Clone, Copy)]
enum Unary {
    S0 = 0,
    B0 = 4,
    B1 = 8,
    S1 = 12,
    B2 = 16,
    S2 = 18,
    S0l1 = 20,
    S0r1 = 22,
    B0l1 = 24,
    S1r1 = 26,
    S1l1 = 28,
    S0l2 = 29,
    S0r2 = 30,
    B0l2 = 31,
}

const UNARY: usize = 32;

/// The one-word features of a word (word hash `w`, tag `p`, ambiguity
/// class `a`) for every place, in [`Unary`] order; the template numbers
/// are those of [`features`].
fn unary(w: u64, p: u64, a: u64) -> [u64; UNARY] {
    [
        // s0, b0, b1, s1: word and tag, word, tag, ambiguity class
        f2(1, w, p),
        f1(2, w),
        f1(3, p),
        f1(85, a),
        f2(4, w, p),
        f1(5, w),
        f1(6, p),
        f1(86, a),
        f2(7, w, p),
        f1(8, w),
        f1(9, p),
        f1(90, a),
        f2(12, w, p),
        f1(13, w),
        f1(14, p),
        f1(91, a),
        // b2, s2: tag, word
        f1(10, p),
        f1(11, w),
        f1(15, p),
        f1(16, w),
        // children: s0l1, s0r1, b0l1 (word, tag), s1r1 (tag, word)
        f1(55, w),
        f1(56, p),
        f1(57, w),
        f1(58, p),
        f1(59, w),
        f1(60, p),
        f1(61, p),
        f1(63, w),
        // s1l1, s0l2, s0r2, b0l2: tag
        f1(62, p),
        f1(64, p),
        f1(65, p),
        f1(66, p),
    ]
}

impl Input {
    /// Words as (lower-cased hash, tag id, UPOS hash, closed class, is a
    /// comma, ambiguity class).
    pub(crate) fn new(words: impl Iterator<Item = (u64, u64, u64, bool, bool, u64)>) -> Input {
        let mut input = Input {
            w: vec![ROOT_WORD],
            p: vec![ROOT_WORD],
            u: vec![ROOT_WORD],
            closed: vec![false],
            commas: vec![0],
            a: vec![ROOT_WORD],
            unary: Vec::new(),
        };
        let mut c = 0u16;
        for (w, p, u, closed, comma, a) in words {
            input.a.push(a);
            input.w.push(w);
            input.p.push(p);
            input.u.push(u);
            input.closed.push(closed);
            input.commas.push(c);
            c = c.saturating_add(u16::from(comma));
        }
        input.unary = (0..input.w.len())
            .map(|i| unary(input.w[i], input.p[i], input.a[i]))
            .chain(std::iter::once(unary(NONE, NONE, NONE)))
            .collect();
        input
    }

    /// The hash of the one-word feature `k` of [`Unary`] place `at` about
    /// word `i` (or no word).
    #[inline]
    fn unary(&self, i: usize, at: Unary, k: usize) -> u64 {
        let row = if i == NO { self.w.len() } else { i };
        self.unary[row][at as usize + k]
    }

    pub(crate) fn len(&self) -> usize {
        self.w.len() - 1
    }
}

#[derive(Debug, Clone)]
pub(crate) struct State {
    stack: Vec<usize>,
    /// Front of the buffer: words `b..=n` are in it.
    b: usize,
    n: usize,
    heads: Vec<usize>,
    l1: Vec<usize>,
    l2: Vec<usize>,
    r1: Vec<usize>,
    r2: Vec<usize>,
    nl: Vec<u8>,
    nr: Vec<u8>,
}

impl State {
    pub(crate) fn new(n: usize) -> State {
        let mut stack = Vec::with_capacity(n + 1);
        stack.push(0);
        State {
            stack,
            b: 1,
            n,
            heads: vec![NO; n + 1],
            l1: vec![NO; n + 1],
            l2: vec![NO; n + 1],
            r1: vec![NO; n + 1],
            r2: vec![NO; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
        }
    }

    /// Makes `self` the start state of a sentence of `n` words, reusing its
    /// allocations.
    pub(crate) fn reset(&mut self, n: usize) {
        self.stack.clear();
        self.stack.push(0);
        self.b = 1;
        self.n = n;
        for v in [
            &mut self.heads,
            &mut self.l1,
            &mut self.l2,
            &mut self.r1,
            &mut self.r2,
        ] {
            v.clear();
            v.resize(n + 1, NO);
        }
        for v in [&mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n + 1, 0);
        }
    }

    /// The heads found (`usize::MAX` where none was).
    pub(crate) fn heads(&self) -> &[usize] {
        &self.heads
    }

    /// Makes `self` a copy of `other`, reusing its allocations.
    pub(crate) fn copy_from(&mut self, other: &State) {
        self.stack.clone_from(&other.stack);
        self.b = other.b;
        self.n = other.n;
        self.heads.clone_from(&other.heads);
        self.l1.clone_from(&other.l1);
        self.l2.clone_from(&other.l2);
        self.r1.clone_from(&other.r1);
        self.r2.clone_from(&other.r2);
        self.nl.clone_from(&other.nl);
        self.nr.clone_from(&other.nr);
    }

    /// The heads found (`usize::MAX` where none was).
    #[cfg(test)]
    pub(crate) fn into_heads(self) -> Vec<usize> {
        self.heads
    }

    pub(crate) fn done(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    fn s(&self, k: usize) -> usize {
        if k < self.stack.len() {
            self.stack[self.stack.len() - 1 - k]
        } else {
            NO
        }
    }

    /// The words in the places of [`Unary`], in its order (`NO` where
    /// there is none).
    #[inline]
    pub(crate) fn places(&self) -> [usize; PLACES] {
        let child = |v: &[usize], i: usize| if i == NO { NO } else { v[i] };
        let (s0, s1, b0) = (self.s(0), self.s(1), self.buf(0));
        [
            s0,
            b0,
            self.buf(1),
            s1,
            self.buf(2),
            self.s(2),
            child(&self.l1, s0),
            child(&self.r1, s0),
            child(&self.l1, b0),
            child(&self.r1, s1),
            child(&self.l1, s1),
            child(&self.l2, s0),
            child(&self.r2, s0),
            child(&self.l2, b0),
        ]
    }

    fn buf(&self, k: usize) -> usize {
        if self.b + k <= self.n {
            self.b + k
        } else {
            NO
        }
    }

    pub(crate) fn valid(&self, m: usize) -> bool {
        let has_buffer = self.b <= self.n;
        match m {
            SHIFT => has_buffer,
            LEFT => has_buffer && self.stack.len() >= 2,
            _ => self.stack.len() >= 3 || (self.stack.len() == 2 && !has_buffer),
        }
    }

    fn attach(&mut self, head: usize, dep: usize) {
        self.heads[dep] = head;
        if dep < head {
            self.nl[head] = self.nl[head].saturating_add(1);
            if self.l1[head] == NO || dep < self.l1[head] {
                self.l2[head] = self.l1[head];
                self.l1[head] = dep;
            } else if self.l2[head] == NO || dep < self.l2[head] {
                self.l2[head] = dep;
            }
        } else {
            self.nr[head] = self.nr[head].saturating_add(1);
            if self.r1[head] == NO || dep > self.r1[head] {
                self.r2[head] = self.r1[head];
                self.r1[head] = dep;
            } else if self.r2[head] == NO || dep > self.r2[head] {
                self.r2[head] = dep;
            }
        }
    }

    pub(crate) fn apply(&mut self, m: usize) {
        match m {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            LEFT => {
                let s0 = self.stack.pop().unwrap_or(0);
                self.attach(self.b, s0);
            }
            _ => {
                let s0 = self.stack.pop().unwrap_or(0);
                let s1 = self.s(0);
                self.attach(s1, s0);
            }
        }
    }

    /// Gold arcs lost by move `m` (Goldberg & Nivre 2013, arc-hybrid).
    pub(crate) fn cost(&self, m: usize, gold: &[usize]) -> usize {
        let s0 = self.s(0);
        let b = self.b;
        let in_buffer = |k: usize| k >= b && k <= self.n;
        let deps_in_buffer = |h: usize| (b..=self.n).filter(|&d| gold[d] == h).count();
        match m {
            SHIFT => {
                let below = self.stack.len().saturating_sub(1);
                let head_lost = self.stack[..below].contains(&gold[b]);
                let deps_lost = self
                    .stack
                    .iter()
                    .filter(|&&k| k != 0 && gold[k] == b)
                    .count();
                usize::from(head_lost) + deps_lost
            }
            LEFT => {
                let g = gold[s0];
                let head_lost = g != b && (g == self.s(1) || in_buffer(g));
                usize::from(head_lost) + deps_in_buffer(s0)
            }
            _ => usize::from(in_buffer(gold[s0])) + deps_in_buffer(s0),
        }
    }
}

/// Features of a parser state.
pub(crate) fn features(st: &State, x: &Input, out: &mut Vec<u64>) {
    out.clear();
    out.extend_from_slice(&feature_array(st, x));
}

/// Number of features of a parser state.
pub(crate) const FEATURES: usize = 92;

/// Number of features of a state that depend only on its s0 and b0.
pub(crate) const PAIR: usize = 25;

/// The features of a state with `s0` on top of the stack and `b0` first in
/// the buffer that depend on nothing else (the buffer's next words follow
/// from `b0`), in template order: made once per pair and reused by the
/// beam's items and steps (see [`SumCache`]).
#[inline]
fn pair_features(s0: usize, b0: usize, x: &Input) -> [u64; PAIR] {
    let n = x.len();
    let w = |i: usize| if i == NO { NONE } else { x.w[i] };
    let p = |i: usize| if i == NO { NONE } else { x.p[i] };
    let u = |i: usize| if i == NO { NONE } else { x.u[i] };
    let a = |i: usize| if i == NO { NONE } else { x.a[i] };
    let next = |k: usize| {
        if b0 != NO && b0 + k <= n {
            b0 + k
        } else {
            NO
        }
    };
    let (b1, b2) = (next(1), next(2));
    let (s0w, s0p, b0w, b0p) = (w(s0), p(s0), w(b0), p(b0));
    let (b1p, b2p) = (p(b1), p(b2));
    let d = if s0 != NO && b0 != NO {
        distance(s0, b0)
    } else {
        NONE
    };
    let c0 = if s0 == NO || b0 == NO {
        NONE
    } else {
        u64::from(x.commas[s0.max(b0)] - x.commas[s0.min(b0)]).min(3)
    };
    [
        f4(17, s0w, s0p, b0w, b0p),
        f3(18, s0w, s0p, b0w),
        f3(19, s0w, b0w, b0p),
        f3(20, s0w, s0p, b0p),
        f3(21, s0p, b0w, b0p),
        f2(22, s0w, b0w),
        f2(23, s0p, b0p),
        f2(24, b0p, b1p),
        f3(30, b0p, b1p, b2p),
        f3(31, s0p, b0p, b1p),
        f2(40, s0w, d),
        f2(41, s0p, d),
        f2(42, b0w, d),
        f2(43, b0p, d),
        f3(44, s0w, b0w, d),
        f3(45, s0p, b0p, d),
        f3(71, s0p, b0p, c0),
        f3(74, s0w, b0p, b1p),
        f3(75, s0p, b0w, b1p),
        f2(79, u(s0), u(b0)),
        f3(81, u(s0), u(b0), u(b1)),
        f3(82, u(s0), u(b0), d),
        f2(87, a(s0), a(b0)),
        f2(88, a(b0), s0p),
        f2(89, a(s0), b0p),
    ]
}

/// The features of a parser state, in template order.
#[inline]
pub(crate) fn feature_array(st: &State, x: &Input) -> [u64; FEATURES] {
    feature_array_with(st, x, &pair_features(st.s(0), st.buf(0), x))
}

/// Number of places of the state whose one-word features ([`Unary`]) are
/// summed once per word and sentence by [`SumCache`].
pub(crate) const PLACES: usize = 14;

/// Where each place's hashes start in [`Input::unary`] ([`Unary`] order),
/// and where the last one ends.
const PLACE_START: [usize; PLACES + 1] =
    [0, 4, 8, 12, 16, 18, 20, 22, 24, 26, 28, 29, 30, 31, UNARY];

/// Number of features of a state that are neither one-word features nor
/// (s0, b0) features: the ones hashed and read for every state.
pub(crate) const REST: usize = FEATURES - UNARY - PAIR;

/// Sums of the weight rows of the features that a sentence's states share:
/// the one-word features of each word in each place ([`Unary`]), summed
/// once per sentence, and the (s0, b0) features, summed once per pair and
/// sentence in a small direct-mapped table. A state's scores are then
/// these sums plus the rows of its [`REST`] other features: the same
/// integers as the sum of all its rows, with about half the reads.
#[derive(Debug)]
pub(crate) struct SumCache {
    /// Per word (and, last, no word), per place.
    unary: Vec<[[i32; WIDTH]; PLACES]>,
    /// (sentence number, s0, b0) of each pair entry.
    keys: Vec<(u32, u32, u32)>,
    values: Vec<[i32; WIDTH]>,
    sentence: u32,
    /// Whether the sentence is short enough for the keys.
    on: bool,
}

impl Default for SumCache {
    fn default() -> Self {
        SumCache {
            unary: Vec::new(),
            keys: vec![(0, 0, 0); PAIR_SLOTS],
            values: vec![[0; WIDTH]; PAIR_SLOTS],
            sentence: 0,
            on: false,
        }
    }
}

const PAIR_SLOTS: usize = 512;

#[inline]
fn add(acc: &mut [i32; WIDTH], v: &[i32; WIDTH]) {
    for c in 0..WIDTH {
        acc[c] += v[c];
    }
}

impl SumCache {
    /// Empties the pair table and sums the one-word features of sentence `x`.
    pub(crate) fn start(&mut self, x: &Input, weights: &DenseWeights) {
        self.sentence = self.sentence.wrapping_add(1);
        if self.sentence == 0 {
            // numbers went round: forget everything
            self.keys.iter_mut().for_each(|k| *k = (0, 0, 0));
            self.sentence = 1;
        }
        self.on = x.w.len() < u32::MAX as usize;
        self.unary.clear();
        self.unary.extend(
            x.unary.iter().map(|u| {
                std::array::from_fn(|j| weights.sum(&u[PLACE_START[j]..PLACE_START[j + 1]]))
            }),
        );
    }

    fn pair(&mut self, s0: usize, b0: usize, x: &Input, weights: &DenseWeights) -> [i32; WIDTH] {
        if !self.on {
            return weights.sum(&pair_features(s0, b0, x));
        }
        let id = |i: usize| if i == NO { u32::MAX } else { i as u32 };
        let key = (self.sentence, id(s0), id(b0));
        let slot = (key.1.wrapping_mul(31).wrapping_add(key.2) as usize) % PAIR_SLOTS;
        if self.keys[slot] != key {
            self.keys[slot] = key;
            self.values[slot] = weights.sum(&pair_features(s0, b0, x));
        }
        self.values[slot]
    }

    /// The move scores of `st` (quantised units), given its
    /// [`rest_features`]: the same as the sum of [`feature_array`]'s rows.
    #[inline]
    pub(crate) fn score(
        &mut self,
        st: &State,
        x: &Input,
        weights: &DenseWeights,
        rest: &[u64],
    ) -> [i32; WIDTH] {
        let mut acc = weights.sum(rest);
        add(&mut acc, &self.pair(st.s(0), st.buf(0), x, weights));
        let none = x.w.len();
        for (j, &i) in st.places().iter().enumerate() {
            add(&mut acc, &self.unary[if i == NO { none } else { i }][j]);
        }
        acc
    }
}

/// The features of a parser state that are neither one-word features nor
/// (s0, b0) features, in template order.
#[inline]
pub(crate) fn rest_features(st: &State, x: &Input) -> [u64; REST] {
    let w = |i: usize| if i == NO { NONE } else { x.w[i] };
    let p = |i: usize| if i == NO { NONE } else { x.p[i] };
    let u = |i: usize| if i == NO { NONE } else { x.u[i] };
    let a = |i: usize| if i == NO { NONE } else { x.a[i] };
    let child = |v: &[usize], i: usize| if i == NO { NO } else { v[i] };
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1) = (st.buf(0), st.buf(1));
    let (s0w, s0p, s1w, s1p, b0w, b0p) = (w(s0), p(s0), w(s1), p(s1), w(b0), p(b0));
    let (b1p, s2p) = (p(b1), p(s2));
    let (s0l1, s0l2, s0r1, s0r2) = (
        child(&st.l1, s0),
        child(&st.l2, s0),
        child(&st.r1, s0),
        child(&st.r2, s0),
    );
    let (s1r1, s1r2) = (child(&st.r1, s1), child(&st.r2, s1));
    let (b0l1, b0l2) = (child(&st.l1, b0), child(&st.l2, b0));
    let d10 = if s1 != NO && s0 != NO {
        distance(s1, s0)
    } else {
        NONE
    };
    let vl = |i: usize| if i == NO { NONE } else { u64::from(st.nl[i]) };
    let vr = |i: usize| if i == NO { NONE } else { u64::from(st.nr[i]) };
    let c10 = if s1 == NO || s0 == NO {
        NONE
    } else {
        u64::from(x.commas[s1.max(s0)] - x.commas[s1.min(s0)]).min(3)
    };
    [
        f4(25, s1w, s1p, s0w, s0p),
        f2(26, s1w, s0w),
        f2(27, s1p, s0p),
        f3(28, s1p, s0w, s0p),
        f3(29, s1w, s1p, s0p),
        f3(32, s1p, s0p, b0p),
        f3(33, s2p, s1p, s0p),
        f3(34, s0p, p(s0l1), b0p),
        f3(35, s0p, p(s0r1), b0p),
        f3(36, s0p, b0p, p(b0l1)),
        f3(37, s1p, s0p, p(s0l1)),
        f3(38, s1p, p(s1r1), s0p),
        f3(39, s1p, s0p, p(s0r1)),
        f3(46, s1p, s0p, d10),
        f3(47, s1w, s0w, d10),
        f2(48, s0w, vr(s0)),
        f2(49, s0p, vr(s0)),
        f2(50, s0w, vl(s0)),
        f2(51, s0p, vl(s0)),
        f2(52, b0w, vl(b0)),
        f2(53, b0p, vl(b0)),
        f3(54, s1p, vr(s1), s0p),
        f3(67, s0p, p(s0l1), p(s0l2)),
        f3(68, s0p, p(s0r1), p(s0r2)),
        f3(69, b0p, p(b0l1), p(b0l2)),
        f3(70, s1p, p(s1r1), p(s1r2)),
        f3(72, s1p, s0p, c10),
        f4(73, s1p, s0p, b0p, b1p),
        f3(76, s1w, s0p, b0p),
        f3(77, s0p, w(s0r1), b0p),
        f3(78, s0w, p(b0l1), b0p),
        f3(80, u(s1), u(s0), u(b0)),
        f3(83, u(s1), u(s0), d10),
        f3(84, u(s0), u(s0l1), u(s0r1)),
        f3(92, a(s1), s0p, b0p),
    ]
}

/// The features of a parser state given its [`pair_features`].
#[inline]
fn feature_array_with(st: &State, x: &Input, pair: &[u64; PAIR]) -> [u64; FEATURES] {
    let [s0, b0, b1, s1, b2, s2, s0l1, s0r1, b0l1, s1r1, s1l1, s0l2, s0r2, b0l2] = st.places();
    let r = rest_features(st, x);
    [
        x.unary(s0, Unary::S0, 0),
        x.unary(s0, Unary::S0, 1),
        x.unary(s0, Unary::S0, 2),
        x.unary(b0, Unary::B0, 0),
        x.unary(b0, Unary::B0, 1),
        x.unary(b0, Unary::B0, 2),
        x.unary(b1, Unary::B1, 0),
        x.unary(b1, Unary::B1, 1),
        x.unary(b1, Unary::B1, 2),
        x.unary(b2, Unary::B2, 0),
        x.unary(b2, Unary::B2, 1),
        x.unary(s1, Unary::S1, 0),
        x.unary(s1, Unary::S1, 1),
        x.unary(s1, Unary::S1, 2),
        x.unary(s2, Unary::S2, 0),
        x.unary(s2, Unary::S2, 1),
        pair[0],
        pair[1],
        pair[2],
        pair[3],
        pair[4],
        pair[5],
        pair[6],
        pair[7],
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        pair[8],
        pair[9],
        r[5],
        r[6],
        r[7],
        r[8],
        r[9],
        r[10],
        r[11],
        r[12],
        pair[10],
        pair[11],
        pair[12],
        pair[13],
        pair[14],
        pair[15],
        r[13],
        r[14],
        r[15],
        r[16],
        r[17],
        r[18],
        r[19],
        r[20],
        r[21],
        x.unary(s0l1, Unary::S0l1, 0),
        x.unary(s0l1, Unary::S0l1, 1),
        x.unary(s0r1, Unary::S0r1, 0),
        x.unary(s0r1, Unary::S0r1, 1),
        x.unary(b0l1, Unary::B0l1, 0),
        x.unary(b0l1, Unary::B0l1, 1),
        x.unary(s1r1, Unary::S1r1, 0),
        x.unary(s1l1, Unary::S1l1, 0),
        x.unary(s1r1, Unary::S1r1, 1),
        x.unary(s0l2, Unary::S0l2, 0),
        x.unary(s0r2, Unary::S0r2, 0),
        x.unary(b0l2, Unary::B0l2, 0),
        r[22],
        r[23],
        r[24],
        r[25],
        pair[16],
        r[26],
        r[27],
        pair[17],
        pair[18],
        r[28],
        r[29],
        r[30],
        pair[19],
        r[31],
        pair[20],
        pair[21],
        r[32],
        r[33],
        x.unary(s0, Unary::S0, 3),
        x.unary(b0, Unary::B0, 3),
        pair[22],
        pair[23],
        pair[24],
        x.unary(b1, Unary::B1, 3),
        x.unary(s1, Unary::S1, 3),
        r[34],
    ]
}

fn best_valid(st: &State, scores: &[f32]) -> usize {
    let mut best = NO;
    for m in 0..MOVES {
        if st.valid(m) && (best == NO || scores[m] > scores[best]) {
            best = m;
        }
    }
    best
}

/// Heads (0 = root) of words `1..=n`, as a vector indexed by word (index 0 unused).
pub(crate) fn parse(weights: &DenseWeights, x: &Input, feats: &mut Vec<u64>) -> Vec<usize> {
    let mut st = State::new(x.len());
    let mut scores = [0f32; WIDTH];
    while !st.done() {
        features(&st, x, feats);
        weights.score(feats, &mut scores);
        let m = best_valid(&st, &scores);
        if m == NO {
            break;
        }
        st.apply(m);
    }
    let mut heads = st.heads;
    for h in heads.iter_mut().skip(1) {
        if *h == NO {
            *h = 0;
        }
    }
    heads
}

/// A sentence prepared for training the parser.
#[derive(Debug)]
pub(crate) struct ParserExample {
    pub input: Input,
    /// Gold heads, indexed by word; index 0 unused.
    pub gold: Vec<usize>,
}

/// Training schedule of the parser.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Schedule {
    pub epochs: usize,
    /// First epoch that follows the model's own (wrong) moves.
    pub explore_from: usize,
    /// Probability of following a wrong predicted move when exploring.
    pub explore: f64,
    /// Size of the hashed weight table (log2 of rows).
    pub bits: u32,
    /// Rows whose weights are all below this fraction of the largest are dropped.
    pub prune: f32,
}

pub(crate) fn train(
    examples: &[ParserExample],
    schedule: Schedule,
    rng: &mut crate::train::Rng,
    mut progress: impl FnMut(usize, f64),
) -> DenseWeights {
    let mut t = DenseTrainer::new(schedule.bits);
    let mut feats = Vec::with_capacity(96);
    let mut scores = [0f32; WIDTH];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 0..schedule.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let ex = &examples[k];
            let mut st = State::new(ex.input.len());
            while !st.done() {
                features(&st, &ex.input, &mut feats);
                t.score(&feats, &mut scores);
                let mut costs = [usize::MAX; MOVES];
                for (m, c) in costs.iter_mut().enumerate() {
                    if st.valid(m) {
                        *c = st.cost(m, &ex.gold);
                    }
                }
                let min = *costs.iter().min().unwrap_or(&0);
                let guess = best_valid(&st, &scores);
                let mut gold = NO;
                for m in 0..MOVES {
                    if costs[m] == min && (gold == NO || scores[m] > scores[gold]) {
                        gold = m;
                    }
                }
                if guess == NO || gold == NO {
                    break;
                }
                t.tick();
                total += 1;
                let next = if costs[guess] == min {
                    right += 1;
                    guess
                } else {
                    t.update(&feats, gold, 1.0);
                    t.update(&feats, guess, -1.0);
                    if epoch >= schedule.explore_from && rng.chance(schedule.explore) {
                        guess
                    } else {
                        gold
                    }
                };
                st.apply(next);
            }
        }
        progress(epoch, right as f64 / total.max(1) as f64);
    }
    t.finish(schedule.prune)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_features_are_those_of_their_templates() {
        let x = Input::new((0..4u64).map(|i| (100 + i, 200 + i, 300 + i, false, false, 400 + i)));
        let (w, p, a) = (x.w[2], x.p[2], x.a[2]);
        assert_eq!(x.unary(2, Unary::S0, 0), f2(1, w, p));
        assert_eq!(x.unary(2, Unary::S0, 3), f1(85, a));
        assert_eq!(x.unary(2, Unary::B1, 2), f1(9, p));
        assert_eq!(x.unary(2, Unary::S2, 1), f1(16, w));
        assert_eq!(x.unary(2, Unary::S1r1, 1), f1(63, w));
        assert_eq!(x.unary(2, Unary::B0l2, 0), f1(66, p));
        // the root and no word
        assert_eq!(x.unary(0, Unary::S1, 1), f1(13, ROOT_WORD));
        assert_eq!(x.unary(NO, Unary::B0, 0), f2(4, NONE, NONE));
        assert_eq!(x.unary(NO, Unary::S0l1, 1), f1(56, NONE));
        // every place's hashes differ from every other's
        let row = &x.unary[1];
        let mut seen: Vec<u64> = row.to_vec();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), UNARY);
    }

    #[test]
    fn cached_sums_score_states_as_all_their_features_do() {
        // a table with a weight in every row, so that every feature counts
        let mut t = DenseTrainer::new(10);
        let mut rng = crate::train::Rng::new(5);
        for _ in 0..4000 {
            t.tick();
            let f = rng.next_u64();
            t.update(&[f], (f % 3) as usize, if f % 2 == 0 { 1.0 } else { -1.0 });
        }
        let weights = t.finish(0.0);
        // every state of random parses of two sentences, through one cache
        let mut sums = SumCache::default();
        for n in [6u64, 9] {
            let x = Input::new((0..n).map(|i| (i * 7, i % 4, i % 3, i % 2 == 0, i == 3, i % 5)));
            sums.start(&x, &weights);
            for _ in 0..20 {
                let mut st = State::new(x.len());
                while !st.done() {
                    let rest = rest_features(&st, &x);
                    assert_eq!(
                        sums.score(&st, &x, &weights, &rest),
                        weights.sum(&feature_array(&st, &x))
                    );
                    let valid: Vec<usize> = (0..MOVES).filter(|&m| st.valid(m)).collect();
                    st.apply(valid[(rng.next_u64() % valid.len() as u64) as usize]);
                }
            }
        }
    }

    #[test]
    fn the_feature_parts_are_the_features() {
        // one-word features at their places, (s0, b0) features and the
        // rest: all of a state's features, each once
        let x = Input::new((0..8u64).map(|i| (i * 3, i % 4, i % 3, i % 2 == 0, i == 3, i % 5)));
        let mut rng = crate::train::Rng::new(11);
        let mut st = State::new(x.len());
        while !st.done() {
            let mut parts: Vec<u64> = rest_features(&st, &x).to_vec();
            parts.extend(pair_features(st.s(0), st.buf(0), &x));
            for (j, &i) in st.places().iter().enumerate() {
                let row = if i == NO { x.w.len() } else { i };
                parts.extend(&x.unary[row][PLACE_START[j]..PLACE_START[j + 1]]);
            }
            let mut all = feature_array(&st, &x).to_vec();
            parts.sort_unstable();
            all.sort_unstable();
            assert_eq!(parts, all);
            let valid: Vec<usize> = (0..MOVES).filter(|&m| st.valid(m)).collect();
            st.apply(valid[(rng.next_u64() % valid.len() as u64) as usize]);
        }
    }

    #[test]
    fn oracle_reaches_a_projective_gold_tree_at_zero_cost() {
        // the(1) envoy(2) met(3) Putin(4) .(5)
        let gold = vec![NO, 2, 3, 0, 3, 3];
        let mut st = State::new(5);
        while !st.done() {
            let m = (0..MOVES)
                .find(|&m| st.valid(m) && st.cost(m, &gold) == 0)
                .unwrap();
            st.apply(m);
        }
        assert_eq!(&st.heads[1..], &gold[1..]);
    }

    #[test]
    fn every_state_has_a_valid_move_until_done() {
        let x = Input::new((0..7).map(|i| (i, i % 3, i % 2, false, false, i % 4)));
        let w = DenseTrainer::new(8).finish(0.0);
        let heads = parse(&w, &x, &mut Vec::new());
        assert_eq!(heads.len(), 8);
        assert_eq!(heads[1..].iter().filter(|&&h| h == 0).count(), 1);
    }
}
