//! Tests of the entity extractor on sentences written for them, and on the seed article.

use super::lists::{self, LISTS};
use super::*;
use crate::lexicon::entries;

/// (text, label) of every entity, in output order.
fn found(text: &str) -> Vec<(String, &'static str)> {
    extract(&Document::new(text))
        .into_iter()
        .map(|e| (e.name, e.label.as_str()))
        .collect()
}

fn entity<'a>(entities: &'a [Entity], name: &str) -> &'a Entity {
    entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {entities:#?}"))
}

#[test]
fn every_embedded_list_parses() {
    let lists: &[(&str, &str, usize)] = &[
        ("places", lists::PLACES, 4),
        ("gazetteer", lists::GAZETTEER, 3),
        ("norp", lists::NORP, 1),
        ("languages", lists::LANGUAGES, 1),
        ("first names (census)", lists::FIRST_NAMES_CENSUS, 1),
        ("first names (extra)", lists::FIRST_NAMES_EXTRA, 1),
        ("surnames", lists::SURNAMES, 1),
        ("common words", lists::COMMON_WORDS, 1),
        ("rules", lists::RULES, 2),
        ("context", lists::CONTEXT, 2),
    ];
    for (name, data, fields) in lists {
        let rows: Vec<Vec<&str>> = entries(data).collect();
        assert!(rows.len() > 10, "{name}: only {} entries", rows.len());
        for row in &rows {
            // The gazetteer marks countries with an optional fourth field; given names and
            // courtesy titles may give a gender (m or f) in one more field.
            let gendered = matches!(
                *name,
                "first names (census)" | "first names (extra)" | "rules"
            ) && row.len() == *fields + 1
                && matches!(row[*fields], "m" | "f");
            let ok = row.len() == *fields || (*name == "gazetteer" && row.len() == 4) || gendered;
            assert!(ok, "{name}: bad row {row:?}");
            assert!(
                row.iter().all(|f| !f.is_empty()),
                "{name}: empty field {row:?}"
            );
            if *fields >= 3 {
                assert!(
                    EntityType::parse(row[1]).is_some(),
                    "{name}: bad type {row:?}"
                );
            }
            if *name == "rules" {
                assert!(
                    lists::class::parse(row[1]).is_some(),
                    "rules: bad class {row:?}"
                );
            }
        }
    }
    // Names start with a capital and have two letters at least (a stray "s" once made every
    // "'S" of a headline a NORP).
    for n in crate::lexicon::words(lists::NORP) {
        assert!(
            n.chars().count() >= 2 && n.chars().next().is_some_and(char::is_uppercase),
            "norp: {n:?}"
        );
    }
    // Spot checks that the tables were built from the files.
    assert_eq!(LISTS.known["Moscow"].label, EntityType::Gpe);
    assert_eq!(LISTS.known["U.S."].canonical, "United States");
    assert!(LISTS.is_first_name("Vladimir"));
    assert!(LISTS.common_rank("overall").is_some());
}

/// The gazetteer `build.rs` writes holds what parsing the lists at run time gave: places,
/// then the hand-written gazetteer (later lines override), nationalities, then languages.
#[test]
fn known_names_table_equals_the_parsed_lists() {
    use lists::Known;
    use std::collections::{HashMap, HashSet};
    let languages: HashSet<&str> = crate::lexicon::words(lists::LANGUAGES).collect();
    let mut want: HashMap<&str, Known> = HashMap::new();
    let countries: HashSet<&str> = entries(lists::PLACES)
        .filter(|f| f.get(3) == Some(&"country"))
        .map(|f| f[0])
        .collect();
    let regions: HashSet<&str> = entries(lists::PLACES)
        .filter(|f| f.get(3) == Some(&"region"))
        .map(|f| f[0])
        .collect();
    for f in entries(lists::PLACES).chain(entries(lists::GAZETTEER)) {
        let Some(label) = f.get(1).and_then(|l| EntityType::parse(l)) else {
            continue;
        };
        let canonical = f.get(2).copied().filter(|c| !c.is_empty()).unwrap_or(f[0]);
        let country = countries.contains(canonical) || f.get(3) == Some(&"country");
        let region = regions.contains(canonical) || f.get(3) == Some(&"region");
        want.insert(
            f[0],
            Known {
                label,
                canonical,
                also_language: false,
                country,
                region,
            },
        );
    }
    for n in crate::lexicon::words(lists::NORP) {
        let also_language = languages.contains(n);
        want.insert(
            n,
            Known {
                label: EntityType::Norp,
                canonical: n,
                also_language,
                country: false,
                region: false,
            },
        );
    }
    for l in &languages {
        want.entry(l).or_insert(Known {
            label: EntityType::Language,
            canonical: l,
            also_language: true,
            country: false,
            region: false,
        });
    }
    for (name, k) in &want {
        assert_eq!(LISTS.known.get(name), Some(k), "{name:?}");
    }
    assert_eq!(LISTS.known.keys().count(), want.len());
    // Names equal but for ASCII case have the same record, so the order in which the
    // case-insensitive gazetteer holds them does not change what it finds.
    let mut by_folded: HashMap<String, &Known> = HashMap::new();
    for name in LISTS.known.keys() {
        let k = &LISTS.known[name];
        let seen = by_folded.entry(name.to_ascii_lowercase()).or_insert(k);
        assert_eq!(
            (seen.label, seen.canonical),
            (k.label, k.canonical),
            "{name:?}"
        );
    }
}

/// The common-word table `build.rs` writes gives each word its place in the list.
#[test]
fn common_word_table_equals_the_list() {
    let parsed: std::collections::HashMap<&str, u32> = crate::lexicon::words(lists::COMMON_WORDS)
        .enumerate()
        .map(|(i, w)| (w, i as u32))
        .collect();
    for (w, rank) in &parsed {
        assert_eq!(LISTS.common_rank(w), Some(*rank), "{w:?}");
    }
    assert_eq!(LISTS.common.iter().count(), parsed.len());
}

#[test]
fn seed_article_acceptance() {
    let text = include_str!("../../../fixtures/seed-xi-putin.txt");
    let doc = Document::new(text);
    let entities = extract(&doc);
    let xi = entity(&entities, "Xi Jinping");
    assert_eq!(xi.label, EntityType::Person);
    assert!(xi.aliases.contains(&"Xi".to_string()), "{xi:?}");
    assert!(xi.roles.contains(&"President".to_string()), "{xi:?}");
    let putin = entity(&entities, "Vladimir Putin");
    assert_eq!(putin.label, EntityType::Person);
    assert!(putin.aliases.contains(&"Putin".to_string()));
    assert!(putin.mentions.len() > 5);
    for gpe in [
        "China", "Russia", "Beijing", "Harbin", "Ukraine", "Gaza", "Moscow",
    ] {
        assert_eq!(entity(&entities, gpe).label, EntityType::Gpe, "{gpe}");
    }
    assert_eq!(entity(&entities, "Xinhua").label, EntityType::Org);
    assert_eq!(
        entity(&entities, "Harbin Institute of Technology").label,
        EntityType::Org
    );
    assert_eq!(entity(&entities, "Russian").label, EntityType::Norp);
    assert_eq!(entity(&entities, "Western").label, EntityType::Norp);
    // No junk from capitals that only start a sentence or a headline word.
    for junk in [
        "The",
        "Overall",
        "Additionally",
        "Discussions",
        "Sign",
        "Joint Statement",
        "Partnership",
        "Marks",
        "Anniversary",
    ] {
        assert!(
            !entities.iter().any(|e| e.name.contains(junk)),
            "junk {junk:?} in {entities:#?}"
        );
    }
    // Every mention covers exactly the name, and sits in its sentence.
    for e in &entities {
        for m in &e.mentions {
            let t = doc.slice(m.span);
            assert!(
                e.name == t || e.aliases.iter().any(|a| a == t),
                "{t:?} of {e:?}"
            );
            assert!(doc.sentences[m.sentence].span.contains(m.span));
        }
        assert!((0.0..=1.0).contains(&e.salience));
    }
    assert_eq!(entities[0].name, "Vladimir Putin");
}

/// Each case: a sentence, and (name, label) pairs that must be among the entities.
#[test]
fn names_in_sentences() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Foreign Minister Sergei Lavrov flew to Paris on Monday.",
            &[
                ("Sergei Lavrov", "PERSON"),
                ("Paris", "GPE"),
                ("Monday", "DATE"),
            ],
        ),
        (
            "Students at Beijing Normal University met officials from the Ministry of Education.",
            &[
                ("Beijing Normal University", "ORG"),
                ("Ministry of Education", "ORG"),
            ],
        ),
        (
            "Shares of Acme Widgets Inc rose 3.5% to $1.13bn after the deal.",
            &[
                ("Acme Widgets Inc", "ORG"),
                ("3.5%", "PERCENT"),
                ("$1.13bn", "MONEY"),
            ],
        ),
        (
            "The India-Pakistan talks were held in Geneva, Switzerland.",
            &[
                ("India", "GPE"),
                ("Pakistan", "GPE"),
                ("Geneva", "GPE"),
                ("Switzerland", "GPE"),
            ],
        ),
        (
            "German and French diplomats met Muslim leaders from the Middle East.",
            &[
                ("German", "NORP"),
                ("French", "NORP"),
                ("Muslim", "NORP"),
                ("Middle East", "LOC"),
            ],
        ),
        (
            "She speaks French and has lived near the Danube for 20 years.",
            &[
                ("French", "LANGUAGE"),
                ("Danube", "LOC"),
                ("20 years", "DATE"),
            ],
        ),
        (
            "The studio paired Jean-Claude Van Damme with Ursula von der Leyen.",
            &[
                ("Jean-Claude Van Damme", "PERSON"),
                ("Ursula von der Leyen", "PERSON"),
            ],
        ),
        (
            "Officials said Tomasz Wierzbicki, 52, resigned on 12 March 2019.",
            &[("Tomasz Wierzbicki", "PERSON"), ("12 March 2019", "DATE")],
        ),
        (
            "The film crew walked 5 km to Lake Placid at 10:30 a.m. for the second take.",
            &[
                ("5 km", "QUANTITY"),
                ("Lake Placid", "LOC"),
                ("10:30 a.m.", "TIME"),
                ("second", "ORDINAL"),
            ],
        ),
        (
            "She starred in \"The Long Night of Winter\" last year.",
            &[
                ("The Long Night of Winter", "WORK_OF_ART"),
                ("last year", "DATE"),
            ],
        ),
    ];
    for (text, want) in cases {
        let got = found(text);
        for (name, label) in *want {
            assert!(
                got.iter().any(|(n, l)| n == name && l == label),
                "{text:?}: want {name:?} {label}, got {got:?}"
            );
        }
    }
}

/// Capitals that only start a sentence are not names.
#[test]
fn no_junk_from_sentence_initial_capitals() {
    let text = "Overall, the talks went well. Additionally, prices fell. Discussions continue. \
                However, nobody knows. Analysts expect more. He said so. She agreed. They left. \
                Meanwhile, We Are Here was not a title.";
    assert_eq!(found(text), Vec::<(String, &str)>::new());
}

#[test]
fn a_holder_before_a_known_name_a_compound_prefix_and_a_unit() {
    // "the Clinton White House": the holder, then the known place.
    let got = found("Reporters waited outside the Carter White House all day.");
    assert!(got.contains(&("White House".to_string(), "ORG")), "{got:?}");
    assert!(got.contains(&("Carter".to_string(), "PERSON")), "{got:?}");
    // Neither the first part of a hyphenated compound nor a temperature unit is a person.
    for text in [
        "Officials praised the Trans-Pacific accord.",
        "The sea warmed by 2 degrees Celsius.",
    ] {
        let got = found(text);
        assert!(
            !got.iter()
                .any(|(n, t)| *t == "PERSON" && (n == "Trans" || n == "Celsius")),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn offices_named_by_their_field_before_a_name() {
    let text = "The plan came from the Trade and Industry Secretary Rosa Quill. Secretary of \
                State Omar Haddad and Education Minister Lena Brandt spoke later.";
    let entities = extract(&Document::new(text));
    let rosa = entity(&entities, "Rosa Quill");
    assert_eq!(rosa.label, EntityType::Person);
    assert_eq!(rosa.roles, ["Industry Secretary"]);
    assert_eq!(
        entity(&entities, "Omar Haddad").roles,
        ["Secretary of State"]
    );
    assert_eq!(
        entity(&entities, "Lena Brandt").roles,
        ["Education Minister"]
    );
    // A title alone names nobody.
    let names: Vec<_> = entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains("State")), "{names:?}");
}

#[test]
fn short_names_merge_into_full_names_with_roles() {
    let text = "Prime Minister Anna Kowalczyk met Mr Obuya Otieno. Later Kowalczyk said the talks \
                helped. Otieno, the finance minister, agreed. The World Health Organization \
                (WHO) welcomed it, and WHO staff attended.";
    let entities = extract(&Document::new(text));
    let anna = entity(&entities, "Anna Kowalczyk");
    assert_eq!(anna.mentions.len(), 2);
    assert_eq!(anna.roles, ["Prime Minister"]);
    let otieno = entity(&entities, "Obuya Otieno");
    assert_eq!(otieno.mentions.len(), 2);
    assert_eq!(otieno.roles, ["Finance Minister"]);
    let who = entity(&entities, "World Health Organization");
    assert_eq!(who.label, EntityType::Org);
    assert_eq!(who.mentions.len(), 3);
    assert!(who.aliases.contains(&"WHO".to_string()));
}

#[test]
fn capitals_headline_and_dateline() {
    let text = "SOCCER - JAPAN BEAT SYRIA IN ASIAN CUP .\nTOKYO 1996-08-30\n\
                Japan beat Syria 2-1 in Tokyo on Friday .";
    let got = found(text);
    for (name, label) in [("Japan", "GPE"), ("Syria", "GPE"), ("Tokyo", "GPE")] {
        assert!(
            got.iter().any(|(n, l)| n == name && *l == label),
            "{name}: {got:?}"
        );
    }
    let doc = Document::new(text);
    let entities = extract(&doc);
    // The capitals forms are mentions of the same entities.
    assert!(entity(&entities, "Japan").mentions.len() >= 2);
    assert!(
        entity(&entities, "Tokyo")
            .aliases
            .contains(&"TOKYO".to_string())
    );
}

#[test]
fn never_panics_on_odd_input() {
    let inputs = [
        "",
        " ",
        "’s",
        "\"\"\"\"",
        "A",
        "Mr",
        "$",
        "- - -",
        "Ünïcödé Ñame said 😀 Ωmega Corp.",
        "( WHO ) ( )",
        "the 1990s of",
        "President",
        "1,2,3 % $ £ 5 -",
        "日本 東京 2024年",
        "X\u{0301}y\u{200d}z Inc",
    ];
    for text in inputs {
        let doc = Document::new(text);
        for e in extract(&doc) {
            for m in &e.mentions {
                assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            }
        }
    }
}

/// Dates, times, amounts and numbers, with OntoNotes spans.
#[test]
fn numbers_and_dates() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Sales rose 12 percent to £1,400 in the 1990s.",
            &[
                ("12 percent", "PERCENT"),
                ("£1,400", "MONEY"),
                ("the 1990s", "DATE"),
            ],
        ),
        (
            "The band played for about 20 minutes on Thursday, March 31, 2011.",
            &[
                ("about 20 minutes", "TIME"),
                ("Thursday, March 31, 2011", "DATE"),
            ],
        ),
        (
            "She left a week ago and returns in the autumn; the next day was quiet.",
            &[
                ("a week ago", "DATE"),
                ("the autumn", "DATE"),
                ("the next day", "DATE"),
            ],
        ),
        (
            "One of the three pilots flew 10 million euros of cargo 300 km at 8 pm.",
            &[
                ("One", "CARDINAL"),
                ("three", "CARDINAL"),
                ("10 million euros", "MONEY"),
                ("300 km", "QUANTITY"),
                ("8 pm", "TIME"),
            ],
        ),
        (
            "Halvorsen, 45, won his 75th race in 1996-08-30 conditions.",
            &[("45", "DATE"), ("75th", "ORDINAL"), ("1996-08-30", "DATE")],
        ),
    ];
    for (text, want) in cases {
        let got = found(text);
        for (name, label) in *want {
            assert!(
                got.iter().any(|(n, l)| n == name && l == label),
                "{text:?}: want {name:?} {label}, got {got:?}"
            );
        }
    }
    // Pronoun "one", "for a second", "first-person" and HTML character references are no
    // numbers.
    let got = found("No one knows; one cannot wait a second in first-person games &#039;");
    assert!(
        got.iter()
            .all(|(_, l)| !matches!(*l, "CARDINAL" | "ORDINAL")),
        "{got:?}"
    );
}

/// In a sports report, cities and counties name teams; countries stay places.
#[test]
fn sports_teams_are_organisations() {
    let text = "Cricket: Kent beat Essex by an innings as the season ended.\n\
                The match in Leeds drew a big crowd and the league title went to Kent. \
                Pakistan's bowlers took four wickets.";
    let entities = extract(&Document::new(text));
    assert_eq!(entity(&entities, "Kent").label, EntityType::Org);
    assert_eq!(entity(&entities, "Essex").label, EntityType::Org);
    assert_eq!(entity(&entities, "Leeds").label, EntityType::Gpe);
    assert_eq!(entity(&entities, "Pakistan").label, EntityType::Gpe);
}

/// In a sports report, lines of scores and results make unknown names teams, unless the
/// document says a name is a person.
#[test]
fn results_make_teams() {
    let text = "Football results on Saturday:\n\
                Granvik 2 Holmstad 1\n\
                Torvale 0 Brekken 3\n\
                Granvik have won four games in a row, and the coach praised the striker. \
                In the tennis, Okafor beat Lindqvist in three sets. Lindqvist said he was tired.";
    let entities = extract(&Document::new(text));
    for team in ["Granvik", "Holmstad", "Torvale", "Brekken"] {
        assert_eq!(entity(&entities, team).label, EntityType::Org, "{team}");
    }
    // Teams named like ordinary words, in rows of results and of standings.
    let text = "Football results and standings on Saturday:\n\
                Reading 2 Rovers 1\n\
                Wanderers 4 3 1 0 8 2 10\n\
                Extras 5\n\
                The striker scored twice in the league.";
    let table = extract(&Document::new(text));
    assert!(table.iter().all(|e| e.name != "Extras"), "{table:?}");
    for team in ["Reading", "Rovers", "Wanderers"] {
        assert_eq!(entity(&table, team).label, EntityType::Org, "{team}");
    }
    assert_eq!(entity(&entities, "Lindqvist").label, EntityType::Person);
}

/// Where a game is played: a ground after "at", a town heading a match's scores.
#[test]
fn venues_in_sports_reports() {
    let text = "Cricket scores on Friday, the last day of the season:\n\
                Mardale : Kent 250 and 103 for two wickets\n\
                Surrey drew with Essex at Farrowfield after rain.";
    let entities = extract(&Document::new(text));
    assert_eq!(entity(&entities, "Mardale").label, EntityType::Gpe);
    assert_eq!(entity(&entities, "Farrowfield").label, EntityType::Fac);
    // A city closing a bracket says where a match is played, not who plays.
    let text = "Cricket fixtures for the season, with wickets and innings to come:\n\
                May 24 First test (at Farrowfield, Leeds)\n\
                Kent beat Leeds by ten wickets.";
    let entities = extract(&Document::new(text));
    let leeds = entity(&entities, "Leeds");
    assert_eq!(leeds.label, EntityType::Gpe, "{leeds:?}");
    // Where the game is: after "at", and a state after a city and a comma.
    let text = "MILWAUKEE , Wisconsin 1996-08-30\n\
                Baseball: the pitcher threw well in the inning as Boston beat Chicago at \
                Milwaukee, and the league season goes on.";
    let entities = extract(&Document::new(text));
    assert_eq!(entity(&entities, "Wisconsin").label, EntityType::Gpe);
    assert_eq!(entity(&entities, "Boston").label, EntityType::Org);
    let at = entities
        .iter()
        .find(|e| {
            e.mentions
                .iter()
                .any(|m| text[m.span.start..].starts_with("Milwaukee,"))
        })
        .unwrap();
    assert_eq!(at.label, EntityType::Gpe, "{at:?}");
    assert_eq!(
        found("Passengers landed at Brixholm airport on Tuesday.")
            .iter()
            .find(|(n, _)| n == "Brixholm")
            .map(|(_, l)| *l),
        Some("FAC")
    );
}

/// A known name written in capitals inside body text is found by its title-case form.
#[test]
fn capitals_in_body_lines() {
    let text = "Baseball results on Thursday (home team in capitals):\n\
                DETROIT 4 Kansas City 1\n\
                Minnesota 6 MILWAUKEE 1\n\
                The pitcher said the season was long.";
    let entities = extract(&Document::new(text));
    for team in ["DETROIT", "MILWAUKEE", "Kansas City", "Minnesota"] {
        assert_eq!(entity(&entities, team).label, EntityType::Org, "{team}");
    }
    // Short words in capitals stay acronyms: "IT" is no "It".
    assert!(found("The IT budget rose.").iter().all(|(n, _)| n != "It"));
}

/// Unknown names classified by the words around them.
#[test]
fn unknown_names_by_context() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "Rebels seized the village of Qarvandi on Tuesday.",
            "Qarvandi",
            "GPE",
        ),
        (
            "Shares in tyre maker Vostrelli fell sharply.",
            "Vostrelli",
            "ORG",
        ),
        (
            "The fans cheered as the Bluefins scored twice.",
            "Bluefins",
            "ORG",
        ),
        (
            "Fighting resumed near Dashkuri overnight.",
            "Dashkuri",
            "GPE",
        ),
        (
            "The proposal was backed by Alexei Voronkov.",
            "Alexei Voronkov",
            "PERSON",
        ),
        (
            "Police said Tamsin Okonedo, 34, was arrested.",
            "Tamsin Okonedo",
            "PERSON",
        ),
        (
            "Staff at Brackwell Industries were told on Friday.",
            "Brackwell Industries",
            "ORG",
        ),
        (
            "The Oslo-based insurer Fjordvik Group grew.",
            "Fjordvik Group",
            "ORG",
        ),
    ];
    for (text, name, label) in cases {
        let got = found(text);
        assert!(
            got.iter().any(|(n, l)| n == name && l == label),
            "{text:?}: want {name:?} {label}, got {got:?}"
        );
    }
}

/// A text, the (name, type) pairs its entities must include, the names they must not.
type Case = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
);

/// Bugs that any user hits (issue 6), one sentence each: what the entity list must hold, and
/// names it must not hold (with any type).
#[test]
fn names_every_reader_sees() {
    let cases: &[Case] = &[
        // A courtesy title before a surname that is also a common word.
        (
            "Mr Brown said the plan would work. Mrs Green agreed.",
            &[("Brown", "PERSON"), ("Green", "PERSON")],
            &[],
        ),
        // A given name no list has, at the start of a sentence, and its surname alone later.
        (
            "Liam Neeson starred in it. Neeson said he liked the script.",
            &[("Liam Neeson", "PERSON")],
            &["Neeson"],
        ),
        // A long title before a name; "Jan" before a capitalised word is a given name, not
        // January.
        (
            "Former Deputy Prime Minister Jan Kowalczyk said the deal was fair.",
            &[("Jan Kowalczyk", "PERSON")],
            &["Kowalczyk"],
        ),
        (
            "Former Deputy Prime Minister Piotr Nowak said the deal was fair.",
            &[("Piotr Nowak", "PERSON")],
            &["Nowak"],
        ),
        // A town that is also a given name, speaking as a person does.
        (
            "Charlotte said she would stay. Florence told reporters the plan was fine.",
            &[("Charlotte", "PERSON"), ("Florence", "PERSON")],
            &[],
        ),
        (
            "Charlotte said it would widen the road. They moved to Florence.",
            &[("Charlotte", "GPE"), ("Florence", "GPE")],
            &[],
        ),
        // After a given name, a town that is also a surname is the surname.
        (
            "Mary Preston met George Bush in Leeds.",
            &[
                ("Mary Preston", "PERSON"),
                ("George Bush", "PERSON"),
                ("Leeds", "GPE"),
            ],
            &["Mary", "Preston", "George", "Bush"],
        ),
        // "X-based" says nothing about X.
        ("The Linux-based system was cheap.", &[], &["Linux"]),
        // A descriptor noun before a name outweighs "said" after it.
        (
            "The firm Zentrix said profits rose.",
            &[("Zentrix", "ORG")],
            &[],
        ),
        // "said it": a thing, not a person.
        (
            "Comelf said it doubled its output.",
            &[("Comelf", "ORG")],
            &[],
        ),
        // A region after a comma makes the unknown name before it a place.
        (
            "The plane came down over Lockerbie, Scotland, in December.",
            &[("Lockerbie", "GPE"), ("Scotland", "GPE")],
            &[],
        ),
        // A noun for an organisation in apposition, a job after the employer's name.
        (
            "Vantrix, the first foreign company to list there, grew.",
            &[("Vantrix", "ORG")],
            &[],
        ),
        (
            "Halvex general manager Ota Berger resigned.",
            &[("Halvex", "ORG"), ("Ota Berger", "PERSON")],
            &[],
        ),
        // "'S" in a line of capitals is the possessive, and plurals of English words are no
        // groups of people.
        (
            "BOXING - PANAMA 'S DURAN FIGHTS ON .",
            &[("PANAMA", "GPE")],
            &["S"],
        ),
        (
            "The match ended 2-0. Scorers : Ivo Brandt ( 12th ) .",
            &[("Ivo Brandt", "PERSON")],
            &["Scorers"],
        ),
        // A person "of" an unknown name works there; a band has albums.
        (
            "Joe Quint of Velvetry explained the songs.",
            &[("Joe Quint", "PERSON"), ("Velvetry", "ORG")],
            &[],
        ),
        (
            "Velvetry's second album sold well. Velvetry said little.",
            &[("Velvetry", "ORG")],
            &[],
        ),
        // A town before a state's abbreviation of news style.
        (
            "The firm is based in Pellston, Mich., and in Tarrow, Calif.",
            &[
                ("Pellston", "GPE"),
                ("Tarrow", "GPE"),
                ("Mich", "GPE"),
                ("Calif", "GPE"),
            ],
            &[],
        ),
        // A plural of an unknown word in "-is" is a group of people; a given name is not.
        (
            "Talks between Karvelis and the Azeris resumed.",
            &[("Azeris", "NORP")],
            &[],
        ),
        ("Police said Lewis left early.", &[("Lewis", "PERSON")], &[]),
        // Decomposed accents match the lists' composed names.
        (
            "Flights to Sa\u{303}o Paulo resumed.",
            &[("Sa\u{303}o Paulo", "GPE")],
            &[],
        ),
        // Holidays are events, whether or not a word of them is a known name.
        (
            "Markets shut for Labour Day and again on Memorial Day.",
            &[("Labour Day", "EVENT"), ("Memorial Day", "EVENT")],
            &["Labour"],
        ),
        // A noun for a work in apposition.
        (
            "Fans await Salt Harbour, a film based on her novel.",
            &[("Salt Harbour", "WORK_OF_ART")],
            &[],
        ),
        // What only an organisation has.
        (
            "Shares of Brontak rose after Brontak's shareholders met.",
            &[("Brontak", "ORG")],
            &[],
        ),
    ];
    for (text, want, absent) in cases {
        let got = found(text);
        for (name, label) in *want {
            assert!(
                got.iter().any(|(n, l)| n == name && l == label),
                "{text:?}: want {name:?} {label}, got {got:?}"
            );
        }
        for name in *absent {
            assert!(
                got.iter().all(|(n, _)| n != name),
                "{text:?}: want no {name:?}, got {got:?}"
            );
        }
    }
}

/// A name the lists make an organisation takes its first word's mentions, though a guessed
/// person also starts with that word.
#[test]
fn an_organisation_keeps_its_short_name() {
    let text = "Shares of packaging company Grevol S.A. fell on Friday. Grevol said sales \
                would recover. Analysts said Grevol GDRs were cheap.";
    let entities = extract(&Document::new(text));
    let grevol = entity(&entities, "Grevol S.A.");
    assert_eq!(grevol.label, EntityType::Org);
    assert!(grevol.mentions.len() >= 2, "{grevol:?}");
}

/// Every rule id is documented in the README's table, and every mention of a varied text
/// carries one of them.
#[test]
fn rule_ids_are_documented_and_used() {
    let readme = include_str!("../../../README.md");
    for (id, meaning) in RULES {
        assert!(
            readme.contains(&format!("| `{id}` |")),
            "README lacks rule {id:?}"
        );
        assert!(!meaning.is_empty());
    }
    let text = "WASHINGTON 1996-08-30\nThe anti-virus firm Sophos said profits rose 5 percent. \
                Sophos said it would hire. Mr Brown, 45, of Leeds, said the film \"Blue Sky\" \
                was good. Kim Li, the finance minister, met President Xi in Beijing. The WHO \
                and the World Health Organization agreed. Putin met Vladimir Putin.";
    let known: Vec<&str> = RULES.iter().map(|(id, _)| *id).collect();
    for e in extract(&Document::new(text)) {
        for m in &e.mentions {
            assert!(known.contains(&&*m.rule), "{:?}: rule {:?}", e.name, m.rule);
            if let Some(d) = m.decided_by {
                assert!(known.contains(&d), "{:?}: decided_by {d:?}", e.name);
            }
        }
    }
}

/// A surname joins the full name the lists make a person, whatever cues its mentions carry
/// ("the ... side X" suggests a team).
#[test]
fn a_listed_person_keeps_the_surname() {
    let text = "The donor Michael Torvund gave money. On the Labour side Torvund backed \
                two candidates, and Torvund said he would give more.";
    let entities = extract(&Document::new(text));
    let person = entity(&entities, "Michael Torvund");
    assert_eq!(person.label, EntityType::Person);
    assert_eq!(person.mentions.len(), 3, "{entities:?}");
}

/// A headline in capitals names the people of the body: "BLAIR" is Tony Blair, and "BUSH", a
/// town of the lists, is the surname of George Bush, as is "Bush" alone later.
#[test]
fn a_capitals_headline_names_the_people_of_the_body() {
    let text = "BLAIR MEETS BUSH IN LONDON\n\nTony Blair met George Bush in London on Friday. \
                Bush said the talks went well.";
    let entities = extract(&Document::new(text));
    let blair = entity(&entities, "Tony Blair");
    assert_eq!(blair.label, EntityType::Person);
    assert_eq!(blair.aliases, ["BLAIR"]);
    let bush = entity(&entities, "George Bush");
    assert_eq!(bush.label, EntityType::Person);
    assert_eq!(bush.mentions.len(), 3, "{entities:?}");
    let london = entity(&entities, "London");
    assert_eq!(london.label, EntityType::Gpe);
    assert_eq!(london.mentions.len(), 2);
    assert_eq!(
        entities.len(),
        4,
        "the three names and Friday: {entities:?}"
    );
}

/// A courtesy title's gender keeps a wife apart from her husband: "Mrs Howard" is not
/// "Michael Howard", "Mr Howard" is; a bare "Howard" is whoever was named last.
#[test]
fn a_courtesy_title_keeps_two_people_of_one_surname_apart() {
    let text = "Michael Howard spoke first. Mrs Howard sat beside her husband. Mr Howard said \
                he would win. Howard then left.";
    let entities = extract(&Document::new(text));
    let him = entity(&entities, "Michael Howard");
    let starts = |e: &Entity| e.mentions.iter().map(|m| m.span.start).collect::<Vec<_>>();
    let mr = text.find("Mr Howard").unwrap() + 3;
    let bare = text.rfind("Howard").unwrap();
    assert_eq!(starts(him), [0, mr, bare], "{entities:?}");
    let her = entity(&entities, "Howard");
    assert_eq!(her.label, EntityType::Person);
    assert_eq!(starts(her), [text.find("Mrs Howard").unwrap() + 4]);
}

/// One strong cue anywhere in the document decides the type of every mention of the name.
#[test]
fn one_strong_cue_types_every_mention() {
    let text = "Sales at Sophos grew last year. Sophos said growth would go on. \
                The anti-virus firm Sophos now employs 3,000 people.";
    let entities = extract(&Document::new(text));
    let sophos = entity(&entities, "Sophos");
    assert_eq!(sophos.label, EntityType::Org);
    assert_eq!(sophos.mentions.len(), 3);
}

proptest::proptest! {
    /// Any text: no panic, every span on char boundaries and inside its sentence, mentions in
    /// text order, salience in range, entities sorted by salience.
    #[test]
    fn any_text_gives_well_formed_entities(text in "(\\PC|[A-Z][a-z]+ |[0-9]+|[\"'’,.;:()-]| ){0,80}") {
        let doc = Document::new(text.as_str());
        let entities = extract(&doc);
        for e in &entities {
            proptest::prop_assert!(!e.name.is_empty());
            proptest::prop_assert!((0.0..=1.0).contains(&e.salience));
            proptest::prop_assert!(e.mentions.windows(2).all(|w| w[0].span.start <= w[1].span.start));
            for m in &e.mentions {
                proptest::prop_assert!(text.is_char_boundary(m.span.start));
                proptest::prop_assert!(text.is_char_boundary(m.span.end));
                proptest::prop_assert!(!m.span.is_empty());
                proptest::prop_assert!(doc.sentences[m.sentence].span.contains(m.span));
            }
        }
        proptest::prop_assert!(entities.windows(2).all(|w| w[0].salience >= w[1].salience));
    }
}

/// A dateline names a place even when no list knows it.
#[test]
fn datelines_name_places() {
    let text = "Talks resume\nZELENOVKA , Russia 1996-08-30\nNegotiators met again on Friday .";
    let got = found(text);
    for (name, label) in [("ZELENOVKA", "GPE"), ("Russia", "GPE")] {
        assert!(
            got.iter().any(|(n, l)| n == name && *l == label),
            "{name}: {got:?}"
        );
    }
}

/// Pieces of longer capitalised phrases are no names of their own.
#[test]
fn no_names_from_pieces_of_phrases() {
    let text = "They will announce it before the General Election. Elections in former Soviet \
                Republics were watched, said the director of the British Chambers of Commerce.";
    let got = found(text);
    for junk in ["Election", "Republics", "Chambers"] {
        assert!(
            !got.iter().any(|(n, l)| n == junk && *l == "PERSON"),
            "{junk}: {got:?}"
        );
    }
    assert!(
        got.iter()
            .any(|(n, l)| n == "British Chambers of Commerce" && *l == "ORG"),
        "{got:?}"
    );
}

/// Decimals are amounts, not clock times, unless something says they are a time.
#[test]
fn decimals_are_not_clock_times() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "The firm has 1.25 million users.",
            "1.25 million",
            "CARDINAL",
        ),
        ("Inflation reached 5.25% in the spring.", "5.25%", "PERCENT"),
        (
            "The bond yields 3.45 percent now.",
            "3.45 percent",
            "PERCENT",
        ),
        ("The note was worth 2.50 euros then.", "2.50 euros", "MONEY"),
        ("The doors open at 5.25pm daily.", "5.25pm", "TIME"),
        ("The meeting starts at 10.30 in the hall.", "10.30", "TIME"),
        ("The meeting starts at 10:30 in the hall.", "10:30", "TIME"),
    ];
    for (text, name, label) in cases {
        let got = found(text);
        assert!(
            got.iter().any(|(n, l)| n == name && l == label),
            "{text:?}: want {name:?} {label}, got {got:?}"
        );
    }
    let not_times = ["The index fell 1.25 points.", "Its share is 5.25% now."];
    for text in not_times {
        let got = found(text);
        assert!(got.iter().all(|(_, l)| *l != "TIME"), "{text:?}: {got:?}");
    }
}

/// Telephone numbers are not numbers; numbers near them still are.
#[test]
fn telephone_numbers_are_not_cardinals() {
    let cases = [
        "For tickets call 020 7946 0000 after lunch.",
        "For tickets call +44 20 7946 0000 after lunch.",
        "For tickets call (555) 123-4567 after lunch.",
        "For tickets call 555-1234 after lunch.",
    ];
    for text in cases {
        let got = found(text);
        assert!(
            got.iter().all(|(_, l)| *l != "CARDINAL"),
            "{text:?}: {got:?}"
        );
    }
    // Not telephone numbers: a list of years, a score, a date.
    let got = found("The team won 4-1 on 1996-08-30 after 300 fans came.");
    for (name, label) in [
        ("4-1", "CARDINAL"),
        ("1996-08-30", "DATE"),
        ("300", "CARDINAL"),
    ] {
        assert!(
            got.iter().any(|(n, l)| n == name && *l == label),
            "want {name} {label}: {got:?}"
        );
    }
}

/// Numbers group by value, and no number outranks a name.
#[test]
fn numbers_group_by_value_below_names() {
    let text = "Two Nations Sign Pact\n\nThe two nations signed a pact in Oslo. Two leaders and 2 aides \
                met there. The third talk, the 3rd in a year, was brief.";
    let entities = extract(&Document::new(text));
    let two = entity(&entities, "Two");
    assert_eq!(two.mentions.len(), 4, "{entities:#?}");
    assert_eq!(two.value, Some(Value::Number(2.0)));
    let third = entity(&entities, "third");
    assert_eq!(third.mentions.len(), 2, "{entities:#?}");
    let first_number = entities
        .iter()
        .position(|e| e.label.is_numeric())
        .expect("numbers");
    assert!(
        entities[first_number..]
            .iter()
            .all(|e| e.label.is_numeric()),
        "a name after a number: {entities:#?}"
    );
    let oslo = entity(&entities, "Oslo");
    assert!(two.salience <= oslo.salience, "{entities:#?}");
}

/// Arts pages: titles, stage names, bands' venues and captions, each rule in a sentence of
/// its own (text, wanted (name, type), names that must not be found).
#[test]
fn names_on_arts_pages() {
    let cases: &[Case] = &[
        // A body sentence full of names and quoted titles is no title-case headline.
        (
            "She once played Mary in \"Summer Lights,\" Anna in \"Harbour\" and Rosa in \
             \"Blue Fields.\" She left in May.",
            &[
                ("Summer Lights", "WORK_OF_ART"),
                ("Harbour", "WORK_OF_ART"),
                ("Blue Fields", "WORK_OF_ART"),
            ],
            &[],
        ),
        // ... nor one that ends in a full stop inside a paragraph.
        (
            "It rained all week. Or Tom Hanks and Meg Ryan in Sleepless Harbour Nights. Then \
             it cleared.",
            &[
                ("Tom Hanks", "PERSON"),
                ("Meg Ryan", "PERSON"),
                ("Sleepless Harbour Nights", "WORK_OF_ART"),
            ],
            &[],
        ),
        // Title-cased words after a person and "in": the work; small words inside it.
        (
            "The cast also pairs Tom Hanks with Meg Ryan in Stop or the Dog Will Bark, out soon.",
            &[("Stop or the Dog Will Bark", "WORK_OF_ART")],
            &[],
        ),
        // A title of nobility before a word no name list has is a stage name.
        (
            "Lady Zaza sang first. Later Zaza thanked the crowd.",
            &[("Lady Zaza", "PERSON")],
            &[],
        ),
        // Before a surname it is a courtesy title.
        (
            "Lady Berg opened the fete.",
            &[("Berg", "PERSON")],
            &["Lady Berg"],
        ),
        // A hashtag is no name.
        (
            "Fans of the #Zorblets and the #Quimbies argued online.",
            &[],
            &["Zorblets", "Quimbies"],
        ),
        // Venues of a tour's listing.
        (
            "Brudwick, Leeds, Mon; Zennor's Club, W1, Tue; Stereo, Aberdeen, Sat.",
            &[
                ("Brudwick", "FAC"),
                ("Zennor's Club", "FAC"),
                ("Stereo", "FAC"),
                ("Leeds", "GPE"),
            ],
            &[],
        ),
        // A caption runs into the next sentence: "The" starts it.
        (
            "Photograph: Ann Lee for the Guardian The record has no hits.",
            &[("Ann Lee", "PERSON"), ("Guardian", "ORG")],
            &["Guardian The"],
        ),
        // "And" before a given name joins two people, not one name.
        (
            "Photo: Tom Hale And Ruth Berg at home.",
            &[("Tom Hale", "PERSON"), ("Ruth Berg", "PERSON")],
            &[],
        ),
        // A capitalised "The" inside a sentence opens a title.
        (
            "I first saw him in The Quiet Orchard and liked it.",
            &[("The Quiet Orchard", "WORK_OF_ART")],
            &["Quiet Orchard"],
        ),
        // A bound prefix joins the name its hyphen holds.
        (
            "The Anti-Defamation League wrote to the board.",
            &[("Anti-Defamation League", "ORG")],
            &["Defamation League"],
        ),
        // A treaty of a place, a natural place, a building and an event by their head words.
        (
            "The Treaty of Zelmar was signed in 1714.",
            &[("Treaty of Zelmar", "LAW")],
            &["Zelmar"],
        ),
        (
            "They swam off the English Riviera in June.",
            &[("English Riviera", "LOC")],
            &["English"],
        ),
        (
            "We walked to the Harlow Memorial after lunch.",
            &[("Harlow Memorial", "FAC")],
            &[],
        ),
        (
            "Critics flocked to the Venice Biennale this year.",
            &[("Venice Biennale", "EVENT")],
            &[],
        ),
        // An age before a given name: a person, though "Mary" is also a town.
        (
            "But 10-year-old Jack and 5-year-old Mary stayed home.",
            &[("Jack", "PERSON"), ("Mary", "PERSON")],
            &[],
        ),
        // A generation is part of the name.
        (
            "The role went to Norman Golden II after a long search.",
            &[("Norman Golden II", "PERSON")],
            &[],
        ),
        // A noun for an event after an unknown name.
        (
            "The Zelbor festival opened with a tribute. Her Zorva tour starts soon.",
            &[("Zelbor", "EVENT"), ("Zorva", "EVENT")],
            &[],
        ),
        // Nouns for bands, broadcasters and distributors before or around a name, and
        // examples after a plural of one.
        (
            "The band Quorvex split in May. Its distributor, Ledvane, said nothing.",
            &[("Quorvex", "ORG"), ("Ledvane", "ORG")],
            &[],
        ),
        (
            "The show moved to the Zentel network last year.",
            &[("Zentel", "ORG")],
            &[],
        ),
        (
            "They loved bands like the Parlows and labels such as Drimdale.",
            &[("Parlows", "ORG"), ("Drimdale", "ORG")],
            &[],
        ),
    ];
    check_cases(cases);
    // What these rules leave alone.
    let negatives: &[Case] = &[
        // A place after a person and "in".
        (
            "Tom Hanks in New York said he was tired.",
            &[("Tom Hanks", "PERSON"), ("New York", "GPE")],
            &[],
        ),
        // A ground keeps its article; "the" in lower case is no title.
        (
            "They played at The Oval in May while the Quiet Orchard closed.",
            &[],
            &["The Oval", "The Quiet Orchard"],
        ),
        // A sentence-opening "The" says nothing.
        (
            "The Quiet Orchard closed in May.",
            &[],
            &["The Quiet Orchard"],
        ),
        // A capitalised preposition before "tour" is no event.
        ("Dan Clark, On tour with friends.", &[], &["On"]),
    ];
    check_cases(negatives);
    // After "at", a festival's name is the town's.
    let got = found("The film was screened at Zelbor festival last week.");
    assert!(got.iter().all(|(_, l)| *l != "EVENT"), "{got:?}");
    let works = found("They played at The Oval in May while the Quiet Orchard closed.");
    assert!(works.iter().all(|(_, l)| *l != "WORK_OF_ART"), "{works:?}");
}

fn check_cases(cases: &[Case]) {
    for (text, want, absent) in cases {
        let got = found(text);
        for (name, label) in *want {
            assert!(
                got.iter().any(|(n, l)| n == name && l == label),
                "{text:?}: want {name:?} {label}, got {got:?}"
            );
        }
        for name in *absent {
            assert!(
                got.iter().all(|(n, _)| n != name),
                "{text:?}: want no {name:?}, got {got:?}"
            );
        }
    }
}

/// Times and quantities as OntoNotes spans them: with their zone, their day, a relative
/// word before them and an abbreviation's full stop.
#[test]
fn times_and_units_take_their_words() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "It was 30 degrees Celsius at noon.",
            "30 degrees Celsius",
            "QUANTITY",
        ),
        (
            "The show airs at 8 PM ET/PT on Sundays.",
            "8 PM ET/PT",
            "TIME",
        ),
        ("The show airs at 8 PM ET on Sundays.", "8 PM ET", "TIME"),
        (
            "We talked until 11.45pm last night.",
            "11.45pm last night",
            "TIME",
        ),
        ("I will write more later tonight.", "later tonight", "TIME"),
        ("She went dancing every night.", "every night", "TIME"),
        ("The kids spend hours in the garden.", "hours", "TIME"),
        ("They waited for hours outside.", "hours", "TIME"),
        ("We watched a 2 min. trailer first.", "2 min.", "TIME"),
    ];
    for (text, name, label) in cases {
        let got = found(text);
        assert!(
            got.iter().any(|(n, l)| n == name && l == label),
            "{text:?}: want {name:?} {label}, got {got:?}"
        );
    }
    // A zone is no organisation; "hours" alone after other words is no duration.
    let got = found("The show airs at 8 PM ET/PT on Sundays.");
    assert!(got.iter().all(|(n, _)| n != "PT" && n != "ET"), "{got:?}");
    let got = found("The last hours were calm.");
    assert!(got.iter().all(|(_, l)| *l != "TIME"), "{got:?}");
}
