//! A reader of PETRARCH2's verb dictionary (`CAMEO.2.0.txt`): synsets
//! (`&NAME` then `+MEMBER` lines), verb blocks (`--- NAME [CODE] ---`, verb
//! lines, `- … * … [CODE]` pattern lines) and transformations (`~ …`).
//!
//! The reader never fails: a line it cannot read is reported as a
//! diagnostic (`file:line: reason`) and skipped.

use std::collections::BTreeMap;

/// A synonym set: `&CEASEFIRE` followed by `+TRUCE`, `+CEASE_FIRE`, …
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Synset {
    /// The label ends with `_`: no plurals are generated for its members.
    pub no_plurals: bool,
    /// The members as written, without the leading `+`.
    pub members: Vec<String>,
}

/// One verb of a block: `SPEED {SPEEDING SPEEDS SPED } [code]`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Verb {
    pub line: usize,
    /// The words of the (possibly multi-word) verb, lower case, in order:
    /// `+ASK_FOR` is `["ask", "for"]`.
    pub words: Vec<String>,
    /// Which of `words` is the inflected verb.
    pub head: usize,
    /// The inflected forms listed in `{…}` (the head word only), lower case;
    /// `None` when there are no braces.
    pub forms: Option<Vec<String>>,
    /// The verb's own code, else the block's; `---` for none.
    pub code: String,
}

/// One pattern line of a block.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Pattern {
    pub line: usize,
    /// The pattern without the leading `-`, the code and the comment.
    pub body: String,
    pub code: String,
    /// The first word of the line's `# …` comment, lower case with `_` as
    /// a space: in the dictionary, the verb the pattern was written for
    /// (`# STEP_UP , STEPPED_UP` is "step up").
    pub comment_verb: Option<String>,
}

impl Pattern {
    /// Whether the line has a (non-empty) comment.
    pub fn commented(&self) -> bool {
        self.comment_verb.is_some()
    }
}

/// A verb block: verbs that share the patterns.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Block {
    pub line: usize,
    pub name: String,
    pub verbs: Vec<Verb>,
    pub patterns: Vec<Pattern>,
}

/// The parsed dictionary.
#[derive(Debug, Default)]
pub(crate) struct Dictionary {
    pub synsets: BTreeMap<String, Synset>,
    pub blocks: Vec<Block>,
    /// Transformation lines (`~ …`), which dyad cannot express.
    pub transformations: Vec<usize>,
    /// Lines that could not be read: `(line, reason)`.
    pub problems: Vec<(usize, String)>,
}

enum State {
    Start,
    Synset(String),
    Block,
}

/// Parses the text of a PETRARCH verb dictionary.
pub(crate) fn parse(text: &str) -> Dictionary {
    let mut dict = Dictionary::default();
    let mut state = State::Start;
    let mut block_code = String::from("---");
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let content = raw.split('#').next().unwrap_or("").trim();
        if content.is_empty() {
            continue;
        }
        if content.starts_with("<!") {
            dict.problems
                .push((line, "XML-style comments are not supported".into()));
            continue;
        }
        if content.starts_with("---") {
            let inner = content.trim_matches('-').trim();
            let (name, code) = split_code(inner);
            block_code = code.unwrap_or_else(|| "---".into());
            if name.is_empty() {
                dict.problems
                    .push((line, "verb block without a name".into()));
            }
            dict.blocks.push(Block {
                line,
                name: name.to_string(),
                ..Block::default()
            });
            state = State::Block;
        } else if let Some(label) = content.strip_prefix('&') {
            let label = label.split_whitespace().next().unwrap_or("");
            if label.is_empty() {
                dict.problems.push((line, "synset without a label".into()));
                continue;
            }
            dict.synsets.insert(
                label.to_string(),
                Synset {
                    no_plurals: label.ends_with('_'),
                    members: Vec::new(),
                },
            );
            state = State::Synset(label.to_string());
        } else if content.starts_with('~') {
            dict.transformations.push(line);
        } else if let Some(rest) = content.strip_prefix('-') {
            match (&state, dict.blocks.last_mut()) {
                (State::Block, Some(block)) => match pattern(rest) {
                    Ok(p) => block.patterns.push(Pattern {
                        line,
                        comment_verb: raw.split_once('#').and_then(|(_, c)| {
                            c.split_whitespace()
                                .next()
                                .map(|w| w.to_lowercase().replace('_', " "))
                        }),
                        ..p
                    }),
                    Err(e) => dict.problems.push((line, e)),
                },
                _ => dict
                    .problems
                    .push((line, "pattern outside a verb block".into())),
            }
        } else {
            match &state {
                State::Synset(label) => match content.strip_prefix('+') {
                    Some(member) if !member.trim().is_empty() => {
                        if let Some(s) = dict.synsets.get_mut(label) {
                            s.members.push(member.trim().to_string());
                        }
                    }
                    _ => dict.problems.push((
                        line,
                        format!("expected a `+member` line of synset &{label}"),
                    )),
                },
                State::Block => match (verb(content, &block_code), dict.blocks.last_mut()) {
                    (Ok(v), Some(block)) => block.verbs.push(Verb { line, ..v }),
                    (Err(e), _) => dict.problems.push((line, e)),
                    (Ok(_), None) => {}
                },
                State::Start => dict
                    .problems
                    .push((line, "text before the first synset or verb block".into())),
            }
        }
    }
    dict
}

/// Splits `TEXT [CODE]` into the text and the code inside the last brackets.
fn split_code(s: &str) -> (&str, Option<String>) {
    match (s.rfind('['), s.rfind(']')) {
        (Some(open), Some(close)) if open < close => (
            s[..open].trim(),
            Some(s[open + 1..close].trim().to_string()),
        ),
        _ => (s.trim(), None),
    }
}

fn pattern(rest: &str) -> Result<Pattern, String> {
    let (body, code) = split_code(rest);
    let code = code.ok_or("pattern without a [code]")?;
    if body.is_empty() {
        return Err("empty pattern".into());
    }
    Ok(Pattern {
        line: 0,
        body: body.to_string(),
        code,
        comment_verb: None,
    })
}

/// A verb line: `WORD`, `WORD {FORMS…}`, `+ASK_FOR {+ASKED_FOR …}`, each
/// optionally followed by `[CODE]`.
fn verb(content: &str, block_code: &str) -> Result<Verb, String> {
    let (text, code) = split_code(content);
    let code = code.unwrap_or_else(|| block_code.to_string());
    let (head_text, braces) = match (text.find('{'), text.rfind('}')) {
        (Some(open), Some(close)) if open < close => {
            (text[..open].trim(), Some(&text[open + 1..close]))
        }
        (None, None) => (text, None),
        _ => return Err("unbalanced braces in a verb line".into()),
    };
    let mut tokens = head_text.split_whitespace();
    let first = tokens.next().ok_or("empty verb line")?;
    if tokens.next().is_some() {
        return Err(format!("unexpected words after the verb {first:?}"));
    }
    let (words, head) = compound(first)?;
    let forms = braces.map(|b| {
        b.split_whitespace()
            .filter_map(|f| compound(f).ok())
            .map(|(ws, h)| ws[h].clone())
            .collect()
    });
    Ok(Verb {
        line: 0,
        words,
        head,
        forms,
        code,
    })
}

/// `+ASK_FOR` → (["ask", "for"], 0); `SPEED` → (["speed"], 0). The `+`
/// marks the inflected word of a multi-word verb; without one it is the first.
fn compound(token: &str) -> Result<(Vec<String>, usize), String> {
    let mut words = Vec::new();
    let mut head = None;
    for part in token.split('_') {
        if part.is_empty() {
            continue;
        }
        if let Some(p) = part.strip_prefix('+') {
            head.get_or_insert(words.len());
            words.push(p.to_lowercase());
        } else {
            words.push(part.to_lowercase());
        }
    }
    if words.is_empty() || words.iter().any(|w| w.is_empty()) {
        return Err(format!("empty verb {token:?}"));
    }
    Ok((words, head.unwrap_or(0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNIPPET: &str = "\
####### SYNONYM SETS #######

&CEASEFIRE
+TRUCE
+CEASE_FIRE

&AUX_
+WAS
# a comment line
####### VERB PATTERNS #######

---  ACCELERATE   [---]  ---
RUSH
SPEED {SPEEDING SPEEDS SPED }  # a comment
+ASK_FOR {+ASKED_FOR +ASKING_FOR} [020]
- * AID                       [070]         # RUSH
- * &CEASEFIRE [0356]
- * nothing here
~ a (_ b ATTACK) WANT = a b 138
";

    #[test]
    fn reads_synsets_blocks_verbs_and_patterns() {
        let d = parse(SNIPPET);
        assert_eq!(d.synsets["CEASEFIRE"].members, ["TRUCE", "CEASE_FIRE"]);
        assert!(!d.synsets["CEASEFIRE"].no_plurals);
        assert!(d.synsets["AUX_"].no_plurals);
        assert_eq!(d.blocks.len(), 1);
        let b = &d.blocks[0];
        assert_eq!((b.name.as_str(), b.line), ("ACCELERATE", 12));
        assert_eq!(b.verbs.len(), 3);
        assert_eq!(b.verbs[0].words, ["rush"]);
        assert_eq!(b.verbs[0].code, "---");
        assert_eq!(b.verbs[0].forms, None);
        assert_eq!(
            b.verbs[1].forms.as_deref(),
            Some(&["speeding".to_string(), "speeds".into(), "sped".into()][..])
        );
        assert_eq!(b.verbs[2].words, ["ask", "for"]);
        assert_eq!(b.verbs[2].code, "020");
        assert_eq!(
            b.verbs[2].forms.as_deref(),
            Some(&["asked".to_string(), "asking".into()][..])
        );
        assert_eq!(b.patterns.len(), 2);
        assert_eq!(
            b.patterns[0],
            Pattern {
                line: 16,
                body: "* AID".into(),
                code: "070".into(),
                comment_verb: Some("rush".into()),
            }
        );
        assert_eq!(d.transformations, [19]);
        assert_eq!(d.problems, [(18, "pattern without a [code]".to_string())]);
    }

    #[test]
    fn malformed_lines_are_reported_not_fatal() {
        let d = parse("stray\n--- ---\nVERB {A\n- [1]\n&\n- * X [1]\n");
        let lines: Vec<usize> = d.problems.iter().map(|p| p.0).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5]);
        assert_eq!(d.blocks[0].patterns.len(), 1);
    }
}
