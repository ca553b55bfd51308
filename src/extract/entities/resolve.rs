//! Grouping mentions into entities (within-document coreference by name) and scoring salience.
//!
//! Rules, in order: gazetteer names group by their canonical form ("U.S." and "United States");
//! other names by label and text; a one-word person mention joins the person whose full name
//! contains that word ("Putin" -> "Vladimir Putin", "Xi" -> "Xi Jinping"), the nearest one
//! before it when several do; an acronym joins the organisation it abbreviates ("WHO" ->
//! "World Health Organization", by initials or by "(WHO)" right after the name). Unclassified
//! names join an entity they match and are otherwise dropped unless they carry a guess.
//! Dates, times, amounts and numbers group by type and normalised value ("two" and "2", "Tuesday"
//! and the date it names), or by type and text where they have no value.

use crate::lexicon::TextMap as HashMap;

use super::names::{Found, title_case};
use super::values::{self, Value};
use super::{Entity, EntityType, Mention};
use crate::analysis::references::{Gender, first_name_gender, gendered_title};
use crate::doc::Document;

struct Group {
    label: EntityType,
    mentions: Vec<Mention>,
    roles: Vec<String>,
    value: Option<Value>,
}

/// The initials of a multi-word name, skipping small words: "World Health Organization" ->
/// "WHO".
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "de" | "&" | "on" | "in"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn acronym_text(t: &str) -> String {
    t.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Groups `found` into entities; `reference` is the date relative dates are resolved against.
pub fn resolve(
    doc: &Document,
    found: Vec<Found>,
    reference: Option<jiff::civil::Date>,
) -> Vec<Entity> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<(EntityType, String), usize> = HashMap::default();
    // Surface text -> group, for unclassified mentions and one-word persons.
    let mut by_surface: HashMap<String, usize> = HashMap::default();
    let add = |groups: &mut Vec<Group>,
               by_key: &mut HashMap<(EntityType, String), usize>,
               key: (EntityType, String),
               f: &Found,
               decided_by: Option<&'static str>| {
        let label = key.0;
        let g = *by_key.entry(key).or_insert_with(|| {
            groups.push(Group {
                label,
                mentions: Vec::new(),
                roles: Vec::new(),
                value: None,
            });
            groups.len() - 1
        });
        groups[g].mentions.push(mention(f, decided_by));
        for r in &f.roles {
            if !groups[g].roles.contains(r) {
                groups[g].roles.push(r.clone());
            }
        }
        g
    };
    let text = |f: &Found| doc.slice(f.span).to_string();
    let one_word = |f: &Found| !doc.slice(f.span).contains(char::is_whitespace);

    // Pass 1: classified mentions, except one-word persons and acronyms that may join others.
    let mut later: Vec<&Found> = Vec::new();
    for f in &found {
        let Some(label) = f.label else {
            later.push(f);
            continue;
        };
        if f.canonical.is_none()
            && ((label == EntityType::Person && one_word(f))
                || (label == EntityType::Org && one_word(f)))
        {
            later.push(f);
            continue;
        }
        if label.is_numeric() {
            // By value; without one by text regardless of case ("Two" in a headline, "two" in
            // the body). The "=" and "~" keep a value's key apart from any text.
            let value = values::normalise(doc, f.span, f.sentence, label, reference);
            let key = match &value {
                Some(v) => (label, format!("={}", v.key())),
                None => (label, format!("~{}", text(f).to_lowercase())),
            };
            let g = add(&mut groups, &mut by_key, key, f, None);
            if groups[g].value.is_none() {
                groups[g].value = value;
            }
            continue;
        }
        let key = match &f.canonical {
            Some(c) => (label, c.to_string()),
            None => (label, text(f)),
        };
        let g = add(&mut groups, &mut by_key, key, f, None);
        by_surface.entry(text(f)).or_insert(g);
    }
    // Person name parts and organisation initials, for the one-word mentions.
    let mut parts: HashMap<String, Vec<usize>> = HashMap::default();
    let mut acronyms: HashMap<String, usize> = HashMap::default();
    let mut org_heads: HashMap<String, usize> = HashMap::default();
    for (g, grp) in groups.iter().enumerate() {
        let name = doc.slice(grp.mentions[0].span);
        match grp.label {
            EntityType::Person => {
                for w in name.split_whitespace().filter(|w| w.chars().count() > 1) {
                    let list = parts.entry(w.to_string()).or_default();
                    if !list.contains(&g) {
                        list.push(g);
                    }
                }
            }
            EntityType::Org | EntityType::Gpe | EntityType::Loc | EntityType::Fac => {
                for m in &grp.mentions {
                    let i = initials(doc.slice(m.span));
                    if i.chars().count() >= 2 {
                        acronyms.entry(i).or_insert(g);
                    }
                }
                // "Menatep" after "Menatep Group": an organisation's first word names it.
                if grp.label == EntityType::Org
                    && let Some((head, _)) = name.split_once(' ')
                    && head.chars().count() > 2
                    && head.chars().next().is_some_and(char::is_uppercase)
                {
                    org_heads.entry(head.to_string()).or_insert(g);
                }
            }
            _ => {}
        }
    }
    // Where each group's first-pass mentions start (sorted: `found` is in text order), and
    // where its organisation and place mentions end, for the look-ups of pass 2 without
    // scanning every mention each time.
    let mut first_pass_starts: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| g.mentions.iter().map(|m| m.span.start).collect())
        .collect();
    let mut ends: HashMap<usize, usize> = HashMap::default();
    for (g, grp) in groups.iter().enumerate() {
        if matches!(
            grp.label,
            EntityType::Org | EntityType::Gpe | EntityType::Loc | EntityType::Fac
        ) {
            for m in &grp.mentions {
                ends.entry(m.span.end).or_insert(g);
            }
        }
    }
    // A one-word place that is also the surname of a person in the document names that person:
    // "Jordan" after "Michael Jordan", "Washington" after "Denzel Washington".
    let mut moved: Vec<(usize, usize)> = Vec::new();
    for (g, grp) in groups.iter().enumerate() {
        if !matches!(grp.label, EntityType::Gpe | EntityType::Loc) {
            continue;
        }
        // The forms as the body writes them: "BUSH" in a headline is "Bush".
        let forms: Vec<String> = grp
            .mentions
            .iter()
            .map(|m| {
                let f = doc.slice(m.span);
                if f.chars().any(char::is_lowercase) {
                    f.to_string()
                } else {
                    title_case(f)
                }
            })
            .collect();
        if let Some(first) = forms.first()
            && forms.iter().all(|f| f == first)
            && let Some(people) = parts.get(first.as_str())
            && let [p] = people.as_slice()
        {
            let surname = groups[*p].mentions.iter().any(|m| {
                let full = doc.slice(m.span);
                full.ends_with(first) && full.len() > first.len()
            });
            if surname {
                moved.push((g, *p));
            }
        }
    }
    for (from, to) in moved {
        let mentions = std::mem::take(&mut groups[from].mentions);
        groups[to]
            .mentions
            .extend(mentions.into_iter().map(|m| Mention {
                decided_by: Some("surname-of-person"),
                ..m
            }));
    }
    // Guesses for the same text vote, the strongest cue first: one "in Arbil" makes every
    // "Arbil" a place, one "the anti-virus firm Sophos" every "Sophos" an organisation, though
    // "Sophos said" suggests a person. Between cues of the same weight, organisations go
    // first, then places, then the rest, then persons.
    let rank = |l: EntityType| match l {
        EntityType::Org => 3,
        EntityType::Gpe => 2,
        EntityType::Person => 0,
        _ => 1,
    };
    let mut votes: HashMap<String, (u8, u8, EntityType, &'static str)> = HashMap::default();
    for f in later.iter().filter(|f| f.label.is_none()) {
        if let Some(g) = f.guess {
            let vote = (g.weight, rank(g.label), g.label, g.rule);
            let v = votes.entry(text(f)).or_insert(vote);
            if (vote.0, vote.1) > (v.0, v.1) {
                *v = vote;
            }
        }
    }
    // Pass 2: one-word and unclassified mentions join what they name. Names of several words
    // go first, so that a full name known only by a guess ("Liam Neeson", whose given name no
    // list has) is there for its surname to join.
    later.sort_by_key(|f| {
        (
            !doc.slice(f.span).contains(char::is_whitespace),
            f.span.start,
        )
    });
    let first_pass_groups = groups.len();
    for f in later {
        let t = text(f);
        let one_word_guess = f.label.is_none() && !t.contains(' ');
        // A person's name in a line of capitals ("BLAIR MEETS BUSH") is looked up as the body
        // writes it.
        let caps = f.label == Some(EntityType::Person)
            && t.chars().any(char::is_alphabetic)
            && !t.chars().any(char::is_lowercase);
        let look = if caps { title_case(&t) } else { t.clone() };
        // "Mrs Howard" is not "Michael Howard" nor "Mr Howard": a courtesy title's gender
        // rules out a person whose name or title marks the other.
        let title = title_gender(doc, f.span.start);
        let same_gender = |g: usize| {
            title.is_none() || person_gender(doc, &groups[g]).is_none_or(|x| Some(x) == title)
        };
        let target = by_surface
            .get(&look)
            .copied()
            .filter(|g| same_gender(*g))
            // A surname two people share goes to the one named last (below).
            .filter(|_| title.is_some() || parts.get(&look).is_none_or(|l| l.len() < 2))
            .filter(|g| {
                f.label
                    .is_none_or(|l| groups[*g].label == l || l == EntityType::Org)
            })
            .map(|g| (g, "same-name"))
            .or_else(|| {
                // An organisation the lists name ("Cofinec S.A.") before a person only guessed
                // ("Cofinec GDRs").
                let guessed_only = parts
                    .get(&t)
                    .is_none_or(|l| l.iter().all(|g| *g >= first_pass_groups));
                (one_word_guess && guessed_only)
                    .then(|| {
                        org_heads
                            .get(&t)
                            .map(|g| (*g, "first-word-of-organisation"))
                    })
                    .flatten()
            })
            .or_else(|| {
                let list = parts.get(&look)?;
                // "Mrs Howard" is not "Michael Howard": a courtesy title's gender rules out a
                // person whose given name marks the other.
                // Several people share the word: take the one named last before this mention.
                list.iter()
                    .copied()
                    .filter(|g| same_gender(*g))
                    .max_by_key(|g| {
                        let starts = &first_pass_starts[*g];
                        let i = starts.partition_point(|s| *s < f.span.start);
                        if i == 0 { 0 } else { starts[i - 1] + 1 }
                    })
                    // A person the lists name ("Luther Stan Pate") takes the word whatever
                    // its cues; one only guessed does not take a name the document calls
                    // something else ("Cofinec GDRs" and "Cofinec said it").
                    .filter(|g| {
                        f.label.is_none_or(|l| l == EntityType::Person)
                            && (*g < first_pass_groups
                                || votes.get(&t).is_none_or(|v| {
                                    v.2 == EntityType::Person || v.0 < super::names::CONTEXT
                                }))
                    })
                    .map(|g| (g, "part-of-name"))
            })
            .or_else(|| {
                let a = acronym_text(&t);
                (t.chars().all(|c| !c.is_lowercase()) && a.chars().count() >= 2)
                    .then(|| acronyms.get(&a).map(|g| (*g, "initials")))
                    .flatten()
            })
            .or_else(|| defined_before(doc, f, &ends).map(|g| (g, "acronym-in-brackets")))
            .or_else(|| {
                // Only an unclassified or guessed one-word name joins an organisation this way.
                one_word_guess
                    .then(|| {
                        org_heads
                            .get(&t)
                            .map(|g| (*g, "first-word-of-organisation"))
                    })
                    .flatten()
            });
        // The vote of every mention of the name, and the rule that won it where it changed
        // this mention's own guess.
        let voted = f.guess.map(|g| {
            votes
                .get(&t)
                .map_or((g.label, None), |v| (v.2, (v.2 != g.label).then_some(v.3)))
        });
        match (target, f.label.or(voted.map(|v| v.0))) {
            (Some((g, why)), _) => {
                // What decided the type, where it is not this mention's own label or guess:
                // the vote over the name's mentions, else the entity it joined.
                let own = f.label.or(f.guess.map(|g| g.label));
                let decided_by =
                    (own != Some(groups[g].label)).then(|| voted.and_then(|v| v.1).unwrap_or(why));
                groups[g].mentions.push(mention(f, decided_by));
                // The person named last before a later mention is the one this mention joined.
                if let Some(starts) = first_pass_starts.get_mut(g) {
                    let i = starts.partition_point(|s| *s < f.span.start);
                    starts.insert(i, f.span.start);
                }
                for r in &f.roles {
                    if !groups[g].roles.contains(r) {
                        groups[g].roles.push(r.clone());
                    }
                }
            }
            (None, Some(label)) => {
                let decided_by = voted.and_then(|v| v.1);
                let g = add(&mut groups, &mut by_key, (label, t.clone()), f, decided_by);
                if g == first_pass_starts.len() {
                    first_pass_starts.push(vec![f.span.start]);
                    if label == EntityType::Person {
                        for w in t.split_whitespace().filter(|w| w.chars().count() > 1) {
                            parts.entry(w.to_string()).or_default().push(g);
                        }
                    }
                }
                by_surface.entry(t).or_insert(g);
            }
            (None, None) => {}
        }
    }
    finish(doc, groups)
}

/// The gender of the courtesy title right before a mention starting at `start` ("Mrs" in "Mrs
/// Howard").
fn title_gender(doc: &Document, start: usize) -> Option<Gender> {
    let before = doc.text[..start].trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()?
        .trim_end_matches('.');
    gendered_title(word)
}

/// The gender a person's mentions mark: the given name of a full name ("Michael" in "Michael
/// Howard"), else a courtesy title ("Mrs Howard").
fn person_gender(doc: &Document, group: &Group) -> Option<Gender> {
    if group.label != EntityType::Person {
        return None;
    }
    let given = group.mentions.iter().find_map(|m| {
        let (first, _) = doc.slice(m.span).split_once(' ')?;
        first_name_gender(first)
    });
    given.or_else(|| {
        group
            .mentions
            .iter()
            .find_map(|m| title_gender(doc, m.span.start))
    })
}

/// "the World Health Organization (WHO)": an acronym in brackets right after a name.
/// `ends` maps the end offset of every organisation or place mention to its group.
fn defined_before(doc: &Document, f: &Found, ends: &HashMap<usize, usize>) -> Option<usize> {
    let t = doc.slice(f.span);
    if !t.chars().all(|c| !c.is_lowercase()) {
        return None;
    }
    let before = doc.text[..f.span.start].trim_end();
    let before = before.strip_suffix('(')?.trim_end();
    ends.get(&before.len()).copied()
}

/// A mention as found, with the rule that decided its type when another mention's did.
fn mention(f: &Found, decided_by: Option<&'static str>) -> Mention {
    Mention {
        span: f.span,
        sentence: f.sentence,
        rule: f.rule.clone(),
        decided_by,
    }
}

fn finish(doc: &Document, groups: Vec<Group>) -> Vec<Entity> {
    let len = doc.text.len().max(1) as f64;
    let most = |names: bool| {
        groups
            .iter()
            .filter(|g| g.label.is_numeric() != names)
            .map(|g| g.mentions.len())
            .max()
    };
    let max_mentions = most(true).or(most(false)).unwrap_or(1).max(1) as f64;
    let headline_end = doc
        .title
        .map(|t| t.end)
        .or_else(|| doc.sentences.first().map(|s| s.span.end))
        .unwrap_or(0);
    let mut out: Vec<Entity> = groups
        .into_iter()
        .filter(|g| !g.mentions.is_empty())
        .map(|mut g| {
            g.mentions.sort_by_key(|m| (m.span.start, m.span.end));
            g.mentions.dedup_by_key(|m| m.span);
            let mut forms: Vec<&str> = g.mentions.iter().map(|m| doc.slice(m.span)).collect();
            // The longest form; of equally long ones, one not in capitals, then the first.
            let rank = |f: &str| (f.chars().count(), f.chars().any(char::is_lowercase));
            let name = forms
                .iter()
                .copied()
                .fold("", |best, f| if rank(f) > rank(best) { f } else { best })
                .to_string();
            forms.sort();
            forms.dedup();
            let aliases = forms
                .into_iter()
                .filter(|f| *f != name)
                .map(str::to_string)
                .collect();
            let first = g.mentions[0].span.start as f64;
            let headline = if g.mentions[0].span.start < headline_end {
                1.0
            } else {
                0.0
            };
            let weight = if g.label.is_numeric() { 0.5 } else { 1.0 };
            let salience = weight
                * (0.55 * g.mentions.len() as f64 / max_mentions
                    + 0.30 * (1.0 - first / len)
                    + 0.15 * headline);
            Entity {
                name,
                label: g.label,
                aliases,
                roles: if g.label == EntityType::Person {
                    g.roles
                } else {
                    Vec::new()
                },
                mentions: g.mentions,
                salience: salience.clamp(0.0, 1.0),
                value: g.value,
            }
        })
        .collect();
    // No date, time, amount or number above a name.
    let lowest_name = out
        .iter()
        .filter(|e| !e.label.is_numeric())
        .map(|e| e.salience)
        .min_by(f64::total_cmp);
    if let Some(cap) = lowest_name {
        for e in out.iter_mut().filter(|e| e.label.is_numeric()) {
            e.salience = e.salience.min(cap);
        }
    }
    out.sort_by(|a, b| {
        b.salience
            .total_cmp(&a.salience)
            .then(a.label.is_numeric().cmp(&b.label.is_numeric()))
            .then(a.mentions[0].span.start.cmp(&b.mentions[0].span.start))
    });
    out
}
