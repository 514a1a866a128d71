//! Features of the mention tagger and its BILOU tag set.
//!
//! Tags: 0 is `O`; kind `k` (in [`MentionKind::ALL`] order) has
//! `B`, `I`, `L`, `U` at `1 + 4k + {0, 1, 2, 3}`.

use super::{GazMark, MentionKind};
use crate::features::{f1, f2, f3, finish, step, WordHashes, END, START};

/// Number of tags.
pub(crate) const TAGS: usize = 1 + 4 * MentionKind::ALL.len();

/// The part of an entity a tag stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Out,
    Begin,
    Inside,
    Last,
    Unit,
}

pub(crate) fn tag(part: Part, kind: MentionKind) -> u16 {
    let p = match part {
        Part::Out => return 0,
        Part::Begin => 0,
        Part::Inside => 1,
        Part::Last => 2,
        Part::Unit => 3,
    };
    (1 + 4 * kind.index() + p) as u16
}

pub(crate) fn split(tag: u16) -> (Part, Option<MentionKind>) {
    if tag == 0 {
        return (Part::Out, None);
    }
    let t = tag as usize - 1;
    let part = match t % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    (part, MentionKind::ALL.get(t / 4).copied())
}

/// Whether `next` may follow `prev` (`None`: the sentence start).
pub(crate) fn allowed(prev: Option<u16>, next: u16) -> bool {
    let (pp, pk) = prev.map_or((Part::Out, None), split);
    let (np, nk) = split(next);
    match pp {
        Part::Begin | Part::Inside => matches!(np, Part::Inside | Part::Last) && pk == nk,
        _ => matches!(np, Part::Out | Part::Begin | Part::Unit),
    }
}

/// What the features read of one token, computed once per sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Atoms {
    pub w: WordHashes,
    pub prefix4: u64,
    /// Shape with every run collapsed to one character (`Xx`, `X.X.`, `d`).
    pub short_shape: u64,
    /// Capitalisation and character-class flags.
    pub flags: u64,
    pub gaz: u8,
}

const INITIAL_CAP: u64 = 1;
const ALL_CAPS: u64 = 2;
const HAS_LOWER: u64 = 4;
const HAS_DIGIT: u64 = 8;
const HAS_HYPHEN: u64 = 16;
const HAS_PERIOD: u64 = 32;
const NO_LETTER: u64 = 64;
const ONE_CHAR: u64 = 128;
const INNER_CAP: u64 = 256;

impl Atoms {
    pub(crate) fn new(form: &str, gaz: GazMark, scratch: &mut Vec<char>) -> Atoms {
        let w = WordHashes::new(form, scratch);
        let mut prefix4 = 0x7072_6534u64;
        for c in form.chars().flat_map(char::to_lowercase).take(4) {
            prefix4 = step(prefix4, u64::from(c));
        }
        let mut flags = 0;
        let mut short = 0x5348u64;
        let mut last = '\0';
        let (mut letters, mut upper, mut chars) = (0usize, 0usize, 0usize);
        for (i, c) in form.chars().enumerate() {
            chars += 1;
            let s = if c.is_uppercase() {
                letters += 1;
                upper += 1;
                if i == 0 {
                    flags |= INITIAL_CAP;
                } else {
                    flags |= INNER_CAP;
                }
                'X'
            } else if c.is_lowercase() {
                letters += 1;
                flags |= HAS_LOWER;
                'x'
            } else if c.is_numeric() {
                flags |= HAS_DIGIT;
                'd'
            } else if c.is_alphabetic() {
                letters += 1;
                'a'
            } else {
                match c {
                    '-' | '–' | '—' => flags |= HAS_HYPHEN,
                    '.' => flags |= HAS_PERIOD,
                    _ => {}
                }
                c
            };
            if s != last {
                short = step(short, u64::from(s));
            }
            last = s;
        }
        if letters == 0 {
            flags |= NO_LETTER;
        } else if upper == letters {
            flags |= ALL_CAPS;
        }
        if chars == 1 {
            flags |= ONE_CHAR;
        }
        Atoms {
            w,
            prefix4: finish(prefix4),
            short_shape: finish(short),
            flags,
            gaz: gaz.bits(),
        }
    }

    fn is_all_caps(&self) -> bool {
        self.flags & ALL_CAPS != 0 && self.flags & ONE_CHAR == 0
    }

    fn has_lower(&self) -> bool {
        self.flags & HAS_LOWER != 0
    }
}

/// Whether a sentence is written in capitals (a headline): more than one
/// word in capitals and no word in lower case.
pub(crate) fn shouting(atoms: &[Atoms]) -> bool {
    atoms.iter().filter(|a| a.is_all_caps()).count() > 1 && !atoms.iter().any(Atoms::has_lower)
}

/// Features of position `i`; `tags[..i]` are the tags predicted so far.
pub(crate) fn features(i: usize, atoms: &[Atoms], shout: bool, tags: &[u16], out: &mut Vec<u64>) {
    out.clear();
    let a = &atoms[i];
    let w = &a.w;
    let at = |j: isize| -> Option<&Atoms> {
        let k = i as isize + j;
        if k < 0 {
            None
        } else {
            atoms.get(k as usize)
        }
    };
    let pad = |j: isize| if j < 0 { START } else { END };
    let lower = |j: isize| at(j).map_or(pad(j), |a| a.w.lower);
    let form = |j: isize| at(j).map_or(pad(j), |a| a.w.form);
    let shape = |j: isize| at(j).map_or(pad(j), |a| a.w.shape);
    let gaz = |j: isize| at(j).map_or(pad(j), |a| u64::from(a.gaz));
    let t1 = if i >= 1 {
        u64::from(tags[i - 1])
    } else {
        START
    };
    let t2 = if i >= 2 {
        u64::from(tags[i - 2])
    } else {
        START
    };
    let first = u64::from(i == 0);
    let shout = u64::from(shout);
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, w.lower),
        f1(2, w.form),
        f1(3, w.suffix[0]),
        f1(4, w.suffix[1]),
        f1(5, w.suffix[2]),
        f1(6, w.suffix[3]),
        f1(7, w.prefix[0]),
        f1(8, w.prefix[1]),
        f1(9, w.prefix[2]),
        f1(10, a.prefix4),
        f1(11, w.shape),
        f1(12, a.short_shape),
        f1(13, a.flags),
        f2(14, first, w.shape),
        f2(15, first, w.lower),
        f1(16, lower(-1)),
        f1(17, lower(-2)),
        f1(18, lower(1)),
        f1(19, lower(2)),
        f1(20, form(-1)),
        f1(21, form(1)),
        f1(22, shape(-1)),
        f1(23, shape(-2)),
        f1(24, shape(1)),
        f1(25, shape(2)),
        f2(26, shape(-1), w.shape),
        f2(27, w.shape, shape(1)),
        f3(28, shape(-1), w.shape, shape(1)),
        f2(29, lower(-1), w.lower),
        f2(30, w.lower, lower(1)),
        f2(31, lower(-1), w.shape),
        f2(32, w.shape, lower(1)),
        f1(33, t1),
        f2(34, t1, t2),
        f2(35, t1, w.lower),
        f2(36, t1, w.shape),
        f3(37, t1, w.shape, shape(1)),
        f1(38, gaz(0)),
        f1(39, gaz(-1)),
        f1(40, gaz(1)),
        f2(41, gaz(0), w.shape),
        f2(42, gaz(0), t1),
        f3(43, gaz(-1), gaz(0), gaz(1)),
        f2(44, shout, w.shape),
        f2(45, shout, w.lower),
        f3(46, shout, lower(-1), w.lower),
        f2(47, w.suffix[2], shape(1)),
        f2(48, at(-1).map_or(START, |p| p.w.suffix[2]), w.shape),
        f2(49, at(1).map_or(END, |n| n.w.suffix[2]), w.shape),
        f2(50, t1, lower(-1)),
        f2(51, a.flags, first),
        f2(54, t1, lower(1)),
        f3(55, t1, t2, w.shape),
        f2(56, lower(1), lower(2)),
        f2(57, lower(-2), lower(-1)),
        f2(58, gaz(0), lower(-1)),
        f2(59, a.short_shape, at(1).map_or(END, |n| n.short_shape)),
    ]);
    for k in 0..8u64 {
        if a.gaz & (1 << k) != 0 {
            out.push(f2(52, k, w.shape));
            out.push(f2(53, k, t1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_transitions_are_bilou() {
        for k in MentionKind::ALL {
            for p in [Part::Begin, Part::Inside, Part::Last, Part::Unit] {
                assert_eq!(split(tag(p, k)), (p, Some(k)));
            }
        }
        assert_eq!(split(0), (Part::Out, None));
        let b_per = tag(Part::Begin, MentionKind::Per);
        let l_per = tag(Part::Last, MentionKind::Per);
        let l_org = tag(Part::Last, MentionKind::Org);
        assert!(allowed(Some(b_per), l_per));
        assert!(!allowed(Some(b_per), l_org));
        assert!(!allowed(Some(b_per), 0));
        assert!(!allowed(None, l_per));
        assert!(allowed(Some(l_per), b_per));
        assert_eq!(TAGS, 17);
    }

    #[test]
    fn headlines_are_recognised() {
        let mut s = Vec::new();
        let mut atoms = |words: &[&str]| -> Vec<Atoms> {
            words
                .iter()
                .map(|w| Atoms::new(w, GazMark::NONE, &mut s))
                .collect()
        };
        assert!(shouting(&atoms(&["SOCCER", "-", "JAPAN", "WIN", "."])));
        assert!(!shouting(&atoms(&["Japan", "won", "."])));
        assert!(!shouting(&atoms(&["A", "."])));
    }
}
